/**
 * Building blocks of the scene scripts: a trace with a legacy mode, surfaces, VRAM uploads and
 * the pixel encodings the cases write by hand. Every helper is plain data in, trace bytes out.
 */
import { SVGA_GMR_FRAMEBUFFER } from '../../src/device/guest-ptr-memory.js';
import { CommandWriter, SVGA3dClearFlag, SVGA3dRenderTargetType, SVGA3dTransferType } from '../../src/svga3d-decoder/index.js';
import { TraceWriter } from '../../src/trace/trace-writer.js';
import type { GoldenCase, GoldenFeature } from '../../src/golden/golden-case.js';
export { CommandWriter, SVGA_GMR_FRAMEBUFFER, SVGA3dClearFlag, SVGA3dRenderTargetType, SVGA3dTransferType, TraceWriter };
/** The context id every scene uses. */
export declare const CID = 1;
/** SVGA3D_INVALID_ID: unbinds a render target. */
export declare const INVALID_ID = 4294967295;
/** Where scenes put DMA source data in VRAM: after a 1 MiB legacy framebuffer. */
export declare const DMA_OFFSET = 1048576;
/** A new trace with 16 MiB of VRAM and a provenance comment. */
export declare function newTrace(caseName: string): TraceWriter;
/** SURFACE_DEFINE of a one-face surface with `mips` levels, the top one `w`×`h`×`d`. */
export declare function defineSurface(c: CommandWriter, sid: number, format: number, w: number, h: number, d?: number, mips?: number): void;
/** The image id of (sid, face 0, mip). */
export declare function img(sid: number, mipmap?: number): {
    sid: number;
    face: number;
    mipmap: number;
};
/** A DMA box of `w`×`h`(×`d`) from guest (srcx, srcy, srcz) to host (x, y, z). */
export declare function box(x: number, y: number, w: number, h: number, srcx?: number, srcy?: number, z?: number, d?: number, srcz?: number): {
    x: number;
    y: number;
    z: number;
    w: number;
    h: number;
    d: number;
    srcx: number;
    srcy: number;
    srcz: number;
};
/** SURFACE_DMA from VRAM `offset` with guest `pitch` into (sid, mip). */
export declare function dmaFromVram(c: CommandWriter, sid: number, offset: number, pitch: number, boxes: ReturnType<typeof box>[], mip?: number, transfer?: number): void;
/** Binds `sid` as render target `type`, sets a viewport over `w`×`h` and CLEARs it. */
export declare function clearTarget(c: CommandWriter, type: number, sid: number, w: number, h: number, flag: number, color: number, depth?: number, stencil?: number): void;
/** Little-endian bytes of 16-bit values. */
export declare function u16le(values: readonly number[]): Uint8Array;
/** Little-endian bytes of 32-bit values (A8R8G8B8 0xAARRGGBB words become B, G, R, A bytes). */
export declare function u32le(values: readonly number[]): Uint8Array;
/** A `w`×`h` A8R8G8B8 pattern, row-major, every texel distinct: 0xFF, x*37, y*53, x*y*11. */
export declare function patternArgb(w: number, h: number, pitchTexels?: number): number[];
/** A script case (PNGs stored). */
export declare function scriptCase(name: string, description: string, tags: readonly string[], needs: readonly GoldenFeature[], build: () => Uint8Array, expectDiagnostics?: readonly number[]): GoldenCase;
/** Every surface helper needs a context first; scenes call this once. */
export declare function contextDefine(c: CommandWriter): void;
/** Unbinds the depth target so later colour-only scenes see no stale binding. */
export declare function unbindDepth(c: CommandWriter): void;
export declare const ClearFlag: {
    readonly COLOR: 1;
    readonly DEPTH: 2;
    readonly STENCIL: 4;
    readonly COLORFILL: 8;
};
export declare const RenderTarget: {
    readonly DEPTH: 0;
    readonly STENCIL: 1;
    readonly COLOR0: 2;
    readonly COLOR1: 3;
    readonly COLOR2: 4;
    readonly COLOR3: 5;
    readonly COLOR4: 6;
    readonly COLOR5: 7;
    readonly COLOR6: 8;
    readonly COLOR7: 9;
    readonly MAX: 10;
    readonly INVALID: 4294967295;
};
//# sourceMappingURL=scene-kit.d.ts.map