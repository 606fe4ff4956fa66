/**
 * Building blocks of the draw scenes: a colour (and optional depth) target, a pass-through
 * vs_2_0 / ps_2_0 pair assembled from text, vertex buffers of FLOAT4 clip-space position +
 * D3DCOLOR uploaded by DMA, render-state helpers and DRAW_PRIMITIVES of one range.
 */
import { SVGA3dSurfaceFormat as F } from '../../../src/formats/surface-formats.js';
import { assemble } from '../../../src/shader-vm/index.js';
import {
  SVGA3dDeclType,
  SVGA3dDeclUsage,
  SVGA3dFace,
  SVGA3dRenderStateName as RS,
  SVGA3dShadeMode,
  SVGA3dShaderType,
} from '../../../src/svga3d-decoder/index.js';
import {
  CID,
  ClearFlag,
  CommandWriter,
  DMA_OFFSET,
  INVALID_ID,
  RenderTarget,
  TraceWriter,
  box,
  contextDefine,
  defineSurface,
  dmaFromVram,
  img,
  newTrace,
} from '../scene-kit.js';

export { RS };

/** Colour target sid, depth target sid; vertex buffers from sid 10 up. */
export const COLOR_SID = 1;
export const DEPTH_SID = 2;

/** Assembles shader text; a syntax error in a case is a bug of the case, so it throws. */
export function shaderBytes(text: string): Uint8Array {
  const r = assemble(text);
  if (!r.ok) throw new Error(`golden draw kit: shader does not assemble: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.bytes;
}

/** Position in clip space (FLOAT4) and colour (D3DCOLOR). */
export const PASS_VS = `vs_2_0
dcl_position v0
dcl_color v1
mov oPos, v0
mov oD0, v1
`;

/** The interpolated colour. */
export const PASS_PS = `ps_2_0
dcl v0
mov oC0, v0
`;

/** One vertex: clip-space x, y, z (w = 1) and a 0xAARRGGBB colour. */
export interface ColorVertex {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly color: number;
}

/** 20 bytes per vertex: FLOAT4 position, D3DCOLOR. */
export const VERTEX_STRIDE = 20;

function vertexBytes(vertices: readonly ColorVertex[]): Uint8Array {
  const out = new Uint8Array(vertices.length * VERTEX_STRIDE);
  const view = new DataView(out.buffer);
  vertices.forEach((v, i) => {
    const o = i * VERTEX_STRIDE;
    view.setFloat32(o, v.x, true);
    view.setFloat32(o + 4, v.y, true);
    view.setFloat32(o + 8, v.z, true);
    view.setFloat32(o + 12, 1, true);
    view.setUint32(o + 16, v.color >>> 0, true);
  });
  return out;
}

/** A draw scene under construction. */
export class DrawScene {
  readonly t: TraceWriter;
  readonly c = new CommandWriter();
  private nextVram = DMA_OFFSET;
  private nextSid = 10;
  private shaders = 0;

  /**
   * `w`×`h` colour target (X8R8G8B8 unless told) cleared to `background`; with `depthFormat`,
   * a depth target cleared to `depth` and stencil 0.
   */
  readonly w: number;
  readonly h: number;

  constructor(
    name: string,
    w: number,
    h: number,
    background: number,
    options: { colorFormat?: number; depthFormat?: number; depth?: number; stencil?: number; fixedFunction?: boolean } = {},
  ) {
    this.w = w;
    this.h = h;
    this.t = newTrace(name);
    const c = this.c;
    defineSurface(c, COLOR_SID, options.colorFormat ?? F.X8R8G8B8, w, h);
    contextDefine(c);
    c.setRenderTarget({ cid: CID, type: RenderTarget.COLOR0, target: img(COLOR_SID) });
    let flags = ClearFlag.COLOR;
    if (options.depthFormat !== undefined) {
      defineSurface(c, DEPTH_SID, options.depthFormat, w, h);
      c.setRenderTarget({ cid: CID, type: RenderTarget.DEPTH, target: img(DEPTH_SID) });
      const hasStencil = options.depthFormat === F.Z_D24S8 || options.depthFormat === F.Z_D15S1 || options.depthFormat === F.Z_D24S8_INT;
      flags |= ClearFlag.DEPTH | (hasStencil ? ClearFlag.STENCIL : 0);
      // SVGA binds stencil as its own target; a guest binds a depth-stencil surface to both.
      if (hasStencil) c.setRenderTarget({ cid: CID, type: RenderTarget.STENCIL, target: img(DEPTH_SID) });
    } else {
      c.setRenderTarget({ cid: CID, type: RenderTarget.DEPTH, target: { sid: INVALID_ID, face: 0, mipmap: 0 } });
    }
    c.setViewport({ cid: CID, rect: { x: 0, y: 0, w, h } });
    c.setZRange({ cid: CID, zRange: { min: 0, max: 1 } });
    c.clear({ cid: CID, clearFlag: flags, color: background, depth: options.depth ?? 1, stencil: options.stencil ?? 0, rects: [{ x: 0, y: 0, w, h }] });
    this.states([
      [RS.ZENABLE, options.depthFormat !== undefined ? 1 : 0],
      [RS.CULLMODE, SVGA3dFace.NONE],
      [RS.BLENDENABLE, 0],
      [RS.LIGHTINGENABLE, 0],
      // Set explicitly, so the scenes do not depend on the power-on SHADEMODE: they want Gouraud.
      [RS.SHADEMODE, SVGA3dShadeMode.SMOOTH],
    ]);
    // Fixed-function scenes bind no shader: the device's generated programs run instead.
    if (options.fixedFunction !== true) this.useShaders(PASS_VS, PASS_PS);
  }

  /** Defines and binds a vertex and a pixel shader. */
  useShaders(vs: string, ps: string): this {
    const v = ++this.shaders;
    const p = ++this.shaders;
    this.c.shaderDefine({ cid: CID, shid: v, type: SVGA3dShaderType.VS, bytecode: shaderBytes(vs) });
    this.c.shaderDefine({ cid: CID, shid: p, type: SVGA3dShaderType.PS, bytecode: shaderBytes(ps) });
    this.c.setShader({ cid: CID, type: SVGA3dShaderType.VS, shid: v });
    this.c.setShader({ cid: CID, type: SVGA3dShaderType.PS, shid: p });
    return this;
  }

  /** SETRENDERSTATE of `[state, value]` pairs (values as u32 words). */
  states(pairs: readonly (readonly [number, number])[]): this {
    this.c.setRenderState({ cid: CID, states: pairs.map(([state, value]) => ({ state, value: value >>> 0 })) });
    return this;
  }

  /** Uploads bytes into a new BUFFER surface; returns its sid. */
  buffer(bytes: Uint8Array): number {
    const sid = this.nextSid++;
    this.t.vramWrite(this.nextVram, bytes);
    defineSurface(this.c, sid, F.BUFFER, bytes.length, 1);
    dmaFromVram(this.c, sid, this.nextVram, bytes.length, [box(0, 0, bytes.length, 1)]);
    this.nextVram += (bytes.length + 0xfff) & ~0xfff;
    return sid;
  }

  /** Draws `vertices` as `count` primitives of `primType`, non-indexed. */
  draw(primType: number, count: number, vertices: readonly ColorVertex[]): this {
    const sid = this.buffer(vertexBytes(vertices));
    const decl = (type: number, usage: number, offset: number) => ({
      identity: { type, method: 0, usage, usageIndex: 0 },
      array: { surfaceId: sid, offset, stride: VERTEX_STRIDE },
      rangeHint: { first: 0, last: vertices.length - 1 },
    });
    this.c.drawPrimitives({
      cid: CID,
      decls: [decl(SVGA3dDeclType.FLOAT4, SVGA3dDeclUsage.POSITION, 0), decl(SVGA3dDeclType.D3DCOLOR, SVGA3dDeclUsage.COLOR, 16)],
      ranges: [{ primType, primitiveCount: count, indexArray: { surfaceId: INVALID_ID, offset: 0, stride: 0 }, indexWidth: 0, indexBias: 0 }],
    });
    return this;
  }

  /** The trace: FIFO, then a checkpoint of the colour target (and the depth target when asked). */
  finish(extra: (t: TraceWriter) => void = () => {}): Uint8Array {
    this.t.fifo(this.c.fence(1));
    this.t.checkpointSurface('color', COLOR_SID);
    extra(this.t);
    return this.t.finish();
  }
}

/** A quad as two triangles (TRIANGLELIST, 6 vertices) from (x0, y0) to (x1, y1) in clip space. */
export function quad(x0: number, y0: number, x1: number, y1: number, z: number, color: number): ColorVertex[] {
  const v = (x: number, y: number): ColorVertex => ({ x, y, z, color });
  return [v(x0, y0), v(x1, y0), v(x0, y1), v(x1, y0), v(x1, y1), v(x0, y1)];
}

/** IEEE-754 bits of a float32 (for float render states). */
export function f32bits(v: number): number {
  const b = new DataView(new ArrayBuffer(4));
  b.setFloat32(0, v, true);
  return b.getUint32(0, true);
}
