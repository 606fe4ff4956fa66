import { SVGA3dRenderStateName as RS } from '../../../src/svga3d-decoder/index.js';
import { CommandWriter, TraceWriter } from '../scene-kit.js';
export { RS };
/** Colour target sid, depth target sid; vertex buffers from sid 10 up. */
export declare const COLOR_SID = 1;
export declare const DEPTH_SID = 2;
/** Assembles shader text; a syntax error in a case is a bug of the case, so it throws. */
export declare function shaderBytes(text: string): Uint8Array;
/** Position in clip space (FLOAT4) and colour (D3DCOLOR). */
export declare const PASS_VS = "vs_2_0\ndcl_position v0\ndcl_color v1\nmov oPos, v0\nmov oD0, v1\n";
/** The interpolated colour. */
export declare const PASS_PS = "ps_2_0\ndcl v0\nmov oC0, v0\n";
/** One vertex: clip-space x, y, z (w = 1) and a 0xAARRGGBB colour. */
export interface ColorVertex {
    readonly x: number;
    readonly y: number;
    readonly z: number;
    readonly color: number;
}
/** 20 bytes per vertex: FLOAT4 position, D3DCOLOR. */
export declare const VERTEX_STRIDE = 20;
/** A draw scene under construction. */
export declare class DrawScene {
    readonly t: TraceWriter;
    readonly c: CommandWriter;
    private nextVram;
    private nextSid;
    private shaders;
    /**
     * `w`×`h` colour target (X8R8G8B8 unless told) cleared to `background`; with `depthFormat`,
     * a depth target cleared to `depth` and stencil 0.
     */
    readonly w: number;
    readonly h: number;
    constructor(name: string, w: number, h: number, background: number, options?: {
        colorFormat?: number;
        depthFormat?: number;
        depth?: number;
        stencil?: number;
    });
    /** Defines and binds a vertex and a pixel shader. */
    useShaders(vs: string, ps: string): this;
    /** SETRENDERSTATE of `[state, value]` pairs (values as u32 words). */
    states(pairs: readonly (readonly [number, number])[]): this;
    /** Uploads bytes into a new BUFFER surface; returns its sid. */
    buffer(bytes: Uint8Array): number;
    /** Draws `vertices` as `count` primitives of `primType`, non-indexed. */
    draw(primType: number, count: number, vertices: readonly ColorVertex[]): this;
    /** The trace: FIFO, then a checkpoint of the colour target (and the depth target when asked). */
    finish(extra?: (t: TraceWriter) => void): Uint8Array;
}
/** A quad as two triangles (TRIANGLELIST, 6 vertices) from (x0, y0) to (x1, y1) in clip space. */
export declare function quad(x0: number, y0: number, x1: number, y1: number, z: number, color: number): ColorVertex[];
/** IEEE-754 bits of a float32 (for float render states). */
export declare function f32bits(v: number): number;
//# sourceMappingURL=draw-kit.d.ts.map