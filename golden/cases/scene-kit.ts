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
export const CID = 1;
/** SVGA3D_INVALID_ID: unbinds a render target. */
export const INVALID_ID = 0xffff_ffff;
/** Where scenes put DMA source data in VRAM: after a 1 MiB legacy framebuffer. */
export const DMA_OFFSET = 0x10_0000;

/** A new trace with 16 MiB of VRAM and a provenance comment. */
export function newTrace(caseName: string): TraceWriter {
  return new TraceWriter().config(16 * 1024 * 1024).comment(`svga3d golden case ${caseName} (golden/cases)`);
}

/** SURFACE_DEFINE of a one-face surface with `mips` levels, the top one `w`×`h`×`d`. */
export function defineSurface(c: CommandWriter, sid: number, format: number, w: number, h: number, d = 1, mips = 1): void {
  const sizes = [];
  for (let i = 0; i < mips; i++) sizes.push({ width: Math.max(1, w >> i), height: Math.max(1, h >> i), depth: Math.max(1, d >> i) });
  c.surfaceDefine({
    sid,
    surfaceFlags: 0,
    format,
    face: [{ numMipLevels: mips }, { numMipLevels: 0 }, { numMipLevels: 0 }, { numMipLevels: 0 }, { numMipLevels: 0 }, { numMipLevels: 0 }],
    sizes,
  });
}

/** The image id of (sid, face 0, mip). */
export function img(sid: number, mipmap = 0): { sid: number; face: number; mipmap: number } {
  return { sid, face: 0, mipmap };
}

/** A DMA box of `w`×`h`(×`d`) from guest (srcx, srcy, srcz) to host (x, y, z). */
export function box(x: number, y: number, w: number, h: number, srcx = 0, srcy = 0, z = 0, d = 1, srcz = 0) {
  return { x, y, z, w, h, d, srcx, srcy, srcz };
}

/** SURFACE_DMA from VRAM `offset` with guest `pitch` into (sid, mip). */
export function dmaFromVram(
  c: CommandWriter,
  sid: number,
  offset: number,
  pitch: number,
  boxes: ReturnType<typeof box>[],
  mip = 0,
  transfer: number = SVGA3dTransferType.WRITE_HOST_VRAM,
): void {
  c.surfaceDma({ guest: { ptr: { gmrId: SVGA_GMR_FRAMEBUFFER, offset }, pitch }, host: img(sid, mip), transfer, boxes });
}

/** Binds `sid` as render target `type`, sets a viewport over `w`×`h` and CLEARs it. */
export function clearTarget(
  c: CommandWriter,
  type: number,
  sid: number,
  w: number,
  h: number,
  flag: number,
  color: number,
  depth = 1,
  stencil = 0,
): void {
  c.setRenderTarget({ cid: CID, type, target: img(sid) });
  c.setViewport({ cid: CID, rect: { x: 0, y: 0, w, h } });
  c.clear({ cid: CID, clearFlag: flag, color, depth, stencil, rects: [{ x: 0, y: 0, w, h }] });
}

/** Little-endian bytes of 16-bit values. */
export function u16le(values: readonly number[]): Uint8Array {
  const out = new Uint8Array(values.length * 2);
  values.forEach((v, i) => {
    out[i * 2] = v & 0xff;
    out[i * 2 + 1] = (v >>> 8) & 0xff;
  });
  return out;
}

/** Little-endian bytes of 32-bit values (A8R8G8B8 0xAARRGGBB words become B, G, R, A bytes). */
export function u32le(values: readonly number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setUint32(i * 4, v >>> 0, true));
  return out;
}

/** A `w`×`h` A8R8G8B8 pattern, row-major, every texel distinct: 0xFF, x*37, y*53, x*y*11. */
export function patternArgb(w: number, h: number, pitchTexels = w): number[] {
  const out: number[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < pitchTexels; x++) {
      out.push(x < w ? ((0xff << 24) | (((x * 37) & 0xff) << 16) | (((y * 53) & 0xff) << 8) | ((x * y * 11) & 0xff)) >>> 0 : 0xdead_beef);
    }
  }
  return out;
}

/** A script case (PNGs stored). */
export function scriptCase(
  name: string,
  description: string,
  tags: readonly string[],
  needs: readonly GoldenFeature[],
  build: () => Uint8Array,
  expectDiagnostics?: readonly number[],
): GoldenCase {
  return { name, description, tags, needs, source: { kind: 'script', build }, ...(expectDiagnostics ? { expectDiagnostics } : {}) };
}

/** Every surface helper needs a context first; scenes call this once. */
export function contextDefine(c: CommandWriter): void {
  c.contextDefine({ cid: CID });
}

/** Unbinds the depth target so later colour-only scenes see no stale binding. */
export function unbindDepth(c: CommandWriter): void {
  c.setRenderTarget({ cid: CID, type: SVGA3dRenderTargetType.DEPTH, target: { sid: INVALID_ID, face: 0, mipmap: 0 } });
}

export const ClearFlag = SVGA3dClearFlag;
export const RenderTarget = SVGA3dRenderTargetType;
