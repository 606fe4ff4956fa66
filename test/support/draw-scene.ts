/**
 * The one scene helper of the end-to-end draw tests (`test/draw`, `test/draw-rules`): a trace
 * built with TraceWriter + CommandWriter (colour targets, an optional depth target of any depth
 * format, an optional texture, a FLOAT4 position + FLOAT4 second element vertex buffer uploaded by
 * SURFACE_DMA, shaders assembled from text), replayed by `replayTrace` on an `SvgaDevice` with the
 * pipeline's draw backend. Colour targets come back as kind-1 surface checkpoints; the depth
 * target's raw bytes are read from the replayed device's surface store.
 *
 * Geometry convention (default viewport = the whole 8×8 target): clip (x, y) maps to window
 * ((x + 1)·4, (1 − y)·4), so window coordinates w map to clip w/4 − 1 (x) and 1 − w/4 (y).
 * Expected-value helpers are in `draw-expect.ts`.
 */
import { SVGA_GMR_FRAMEBUFFER } from '../../src/device/guest-ptr-memory.js';
import type { Rgba8Image } from '../../src/common/image.js';
import { formatDiagnostic } from '../../src/common/diagnostics.js';
import { SvgaDevice } from '../../src/device/svga-device.js';
import { createDrawBackend } from '../../src/pipeline/index.js';
import { replayTrace } from '../../src/replay/replay-trace.js';
import { assemble } from '../../src/shader-vm/index.js';
import { CommandWriter, SVGA3dRenderStateName as RS, SVGA3dTransferType } from '../../src/svga3d-decoder/index.js';
import { TraceWriter } from '../../src/trace/trace-writer.js';

export const CID = 1;
/** SVGA3dSurfaceFormat ids the scenes use. */
export const FORMAT = { X8R8G8B8: 1, A8R8G8B8: 2, Z_D16: 8, Z_D24S8: 9, BUFFER: 37 } as const;
const SID_COLOR = [1, 2, 3] as const;
const SID_DEPTH = 5;
const SID_VERTICES = 10;
const SID_TEXTURE = 11;
const VRAM_VERTICES = 0x10_0000;
const VRAM_TEXTURE = 0x20_0000;
/** Declaration usages of the second FLOAT4 element. */
const USAGE_COLOR = 10;

/** Depth formats with a stencil field (bound to STENCIL too). */
const STENCIL_FORMATS: ReadonlySet<number> = new Set([9, 10, 120]);

/** Passes position and colour through. */
export const PASS_VS = 'vs_2_0\ndcl_position v0\ndcl_color v1\nmov oPos, v0\nmov oD0, v1';
/** Writes the interpolated colour. */
export const PASS_PS = 'ps_2_0\ndcl v0\nmov oC0, v0';

/** Float32 bits of x (float render states). */
export function bits(x: number): number {
  return new Uint32Array(new Float32Array([x]).buffer)[0]!;
}

function bytecode(text: string): Uint8Array {
  const r = assemble(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.bytes;
}

/** Sets render states (name → raw word). */
export function states(c: CommandWriter, values: Record<number, number>): void {
  c.setRenderState({ cid: CID, states: Object.entries(values).map(([state, value]) => ({ state: Number(state), value: value >>> 0 })) });
}

/** One vertex: clip position (w = 1 unless given) and RGBA colour. */
export function vtx(x: number, y: number, z: number, rgba: readonly number[], w = 1): number[] {
  return [x, y, z, w, ...rgba];
}

/** A vertex at window (wx, wy) of an 8×8 target, w = 1. */
export function win(wx: number, wy: number, z: number, rgba: readonly number[]): number[] {
  return vtx(wx / 4 - 1, 1 - wy / 4, z, rgba);
}

/** A quad (two clockwise triangles of a list) over window [wx0, wx1] × [wy0, wy1] at depth z. */
export function quad(wx0: number, wy0: number, wx1: number, wy1: number, z: number, rgba: readonly number[]): number[][] {
  const v = (x: number, y: number) => win(x, y, z, rgba);
  return [v(wx0, wy0), v(wx1, wy0), v(wx0, wy1), v(wx1, wy0), v(wx1, wy1), v(wx0, wy1)];
}

/**
 * The same quad given in clip coordinates, x0..x1 × y0..y1 (y up), for any target size: its
 * corners are exactly the given numbers, with no window-to-clip arithmetic.
 */
export function clipQuad(x0: number, y0: number, x1: number, y1: number, z: number, rgba: readonly number[]): number[][] {
  const v = (x: number, y: number) => vtx(x, y, z, rgba);
  return [v(x0, y1), v(x1, y1), v(x0, y0), v(x1, y1), v(x1, y0), v(x0, y0)];
}

/** An A8R8G8B8 texture: bytes B, G, R, A per texel, rows top to bottom. */
export interface SceneTexture {
  readonly width: number;
  readonly height: number;
  readonly bgra: readonly number[];
}

/** What a scene draws. */
export interface Scene {
  /** Target size; default 8×8. */
  readonly width?: number;
  readonly height?: number;
  /** Every vertex of every draw (FLOAT4 position + FLOAT4 second element), uploaded once. */
  readonly vertices: readonly (readonly number[])[];
  /** 1 to 3 colour targets (COLOR0…COLOR2), all cleared to `clearColor`. */
  readonly colorTargets?: number;
  /** SVGA3dSurfaceFormat of the colour targets; default A8R8G8B8. */
  readonly colorFormat?: number;
  /** CLEAR colour word (ARGB), default opaque black. */
  readonly clearColor?: number;
  /** A depth target of this SVGA3dSurfaceFormat (and STENCIL for formats with stencil). */
  readonly depthFormat?: number;
  readonly clearDepth?: number;
  readonly clearStencil?: number;
  readonly vs?: string;
  readonly ps?: string;
  /** Declaration usage of the second FLOAT4 element: COLOR (10, the default) or TEXCOORD (5). */
  readonly secondUsage?: number;
  /** A texture bound to stage 0 with default sampler states. */
  readonly texture?: SceneTexture;
  /** Commands after the setup and before the checkpoints; `drawRange(first, primitiveCount, primType = TRIANGLELIST)`. */
  readonly draw: (c: CommandWriter, drawRange: (first: number, count: number, primType?: number) => void) => void;
}

/** What a scene produced. */
export interface SceneResult {
  readonly colors: Rgba8Image[];
  /** The depth surface's raw bytes after replay (tightly packed rows). */
  readonly depthBytes?: Uint8Array;
  readonly diagnostics: string[];
}

function defineSurface(c: CommandWriter, sid: number, format: number, width: number, height: number): void {
  c.surfaceDefine({
    sid,
    surfaceFlags: 0,
    format,
    face: [{ numMipLevels: 1 }, { numMipLevels: 0 }, { numMipLevels: 0 }, { numMipLevels: 0 }, { numMipLevels: 0 }, { numMipLevels: 0 }],
    sizes: [{ width, height, depth: 1 }],
  });
}

/** DEFINE + SURFACE_DMA of `bytes` bytes put at VRAM `vramOffset`, as a width × height image. */
function upload(t: TraceWriter, c: CommandWriter, sid: number, format: number, vramOffset: number, bytes: Uint8Array, width: number, height: number): void {
  t.vramWrite(vramOffset, bytes);
  defineSurface(c, sid, format, width, height);
  c.surfaceDma({
    guest: { ptr: { gmrId: SVGA_GMR_FRAMEBUFFER, offset: vramOffset }, pitch: bytes.length / height },
    host: { sid, face: 0, mipmap: 0 },
    transfer: SVGA3dTransferType.WRITE_HOST_VRAM,
    boxes: [{ x: 0, y: 0, z: 0, w: width, h: height, d: 1, srcx: 0, srcy: 0, srcz: 0 }],
  });
}

/** Replays the scene. */
export function renderScene(s: Scene): SceneResult {
  const width = s.width ?? 8;
  const height = s.height ?? 8;
  const targets = s.colorTargets ?? 1;
  const t = new TraceWriter().config(4 * 1024 * 1024).comment('draw scene');
  const c = new CommandWriter();
  for (let i = 0; i < targets; i++) defineSurface(c, SID_COLOR[i]!, s.colorFormat ?? FORMAT.A8R8G8B8, width, height);
  if (s.depthFormat !== undefined) defineSurface(c, SID_DEPTH, s.depthFormat, width, height);
  const vertexBytes = new Uint8Array(new Float32Array(s.vertices.flat()).buffer);
  upload(t, c, SID_VERTICES, FORMAT.BUFFER, VRAM_VERTICES, vertexBytes, vertexBytes.length, 1);
  if (s.texture) upload(t, c, SID_TEXTURE, FORMAT.A8R8G8B8, VRAM_TEXTURE, new Uint8Array(s.texture.bgra), s.texture.width, s.texture.height);
  c.contextDefine({ cid: CID });
  if (s.texture) c.setTextureState({ cid: CID, states: [{ stage: 0, name: 1, value: SID_TEXTURE }] });
  const rect = [{ x: 0, y: 0, w: width, h: height }];
  const clear = { cid: CID, color: s.clearColor ?? 0xff000000, depth: s.clearDepth ?? 1, stencil: s.clearStencil ?? 0, rects: rect };
  // Each colour target is cleared while bound as COLOR0 (CLEAR clears COLOR0 only), then bound.
  for (let i = targets - 1; i >= 0; i--) {
    c.setRenderTarget({ cid: CID, type: 2, target: { sid: SID_COLOR[i]!, face: 0, mipmap: 0 } });
    c.clear({ ...clear, clearFlag: 1 });
  }
  for (let i = 1; i < targets; i++) c.setRenderTarget({ cid: CID, type: 2 + i, target: { sid: SID_COLOR[i]!, face: 0, mipmap: 0 } });
  if (s.depthFormat !== undefined) {
    c.setRenderTarget({ cid: CID, type: 0, target: { sid: SID_DEPTH, face: 0, mipmap: 0 } });
    const stencil = STENCIL_FORMATS.has(s.depthFormat);
    if (stencil) c.setRenderTarget({ cid: CID, type: 1, target: { sid: SID_DEPTH, face: 0, mipmap: 0 } });
    c.clear({ ...clear, clearFlag: stencil ? 6 : 2 });
  }
  // Smooth shading, no culling, depth test only with a depth target: each test turns on the rest.
  states(c, { [RS.SHADEMODE]: 2, [RS.CULLMODE]: 1, [RS.ZENABLE]: s.depthFormat === undefined ? 0 : 1 });
  c.shaderDefine({ cid: CID, shid: 1, type: 1, bytecode: bytecode(s.vs ?? PASS_VS) });
  c.shaderDefine({ cid: CID, shid: 1, type: 2, bytecode: bytecode(s.ps ?? PASS_PS) });
  c.setShader({ cid: CID, type: 1, shid: 1 });
  c.setShader({ cid: CID, type: 2, shid: 1 });
  const drawRange = (first: number, count: number, primType = 1) => {
    const decl = (usage: number, offset: number) => ({
      identity: { type: 3, method: 0, usage, usageIndex: 0 },
      array: { surfaceId: SID_VERTICES, offset, stride: 32 },
      rangeHint: { first: 0, last: 0 },
    });
    c.drawPrimitives({
      cid: CID,
      decls: [decl(0, 0), decl(s.secondUsage ?? USAGE_COLOR, 16)],
      ranges: [{ primType, primitiveCount: count, indexArray: { surfaceId: 0xffffffff, offset: 0, stride: 0 }, indexWidth: 0, indexBias: first }],
    });
  };
  s.draw(c, drawRange);
  t.fifo(c);
  for (let i = 0; i < targets; i++) t.checkpointSurface(`color${i}`, SID_COLOR[i]!);
  const images = new Map<string, Rgba8Image>();
  let device: SvgaDevice | undefined;
  const summary = replayTrace(t.finish(), {
    createDevice: ({ vramBytes, sink }) => (device = new SvgaDevice({ vramBytes, sink, drawBackend: createDrawBackend() })),
    onImage: (name, image) => images.set(name, image),
  });
  const colors = Array.from({ length: targets }, (_, i) => {
    const image = images.get(`color${i}`);
    if (!image) throw new Error(`no checkpoint of COLOR${i}`);
    return image;
  });
  const depth = s.depthFormat === undefined ? undefined : device?.surfaces.get(SID_DEPTH)?.image(0, 0)?.bytes;
  return { colors, ...(depth ? { depthBytes: Uint8Array.from(depth) } : {}), diagnostics: summary.diagnostics.map(formatDiagnostic) };
}
