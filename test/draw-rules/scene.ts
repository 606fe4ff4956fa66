/**
 * The one scene helper of the draw-rule tests: a trace built with TraceWriter + CommandWriter
 * (A8R8G8B8 colour targets, an optional depth target of any depth format, a FLOAT4 position +
 * FLOAT4 colour vertex buffer, vs_2_0 / ps_2_0 assembled from text), replayed by `replayTrace` on
 * an `SvgaDevice` with the pipeline's draw backend. Colour targets come back as kind-1 surface
 * checkpoints; the depth target's raw bytes are read from the replayed device's surface store.
 *
 * Geometry convention (default viewport = the whole 8×8 target): clip (x, y) maps to window
 * ((x + 1)·4, (1 − y)·4), so window coordinates w map to clip w/4 − 1 (x) and 1 − w/4 (y).
 *
 * The expected-value helpers below (`coverage`, `unorm8`) are written from the D3D9 rules alone,
 * independently of the renderer's code.
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
const SID_COLOR = [1, 2, 3] as const;
const SID_DEPTH = 5;
const SID_VERTICES = 10;
const VRAM_VERTICES = 0x10_0000;
const A8R8G8B8 = 2;
const BUFFER = 37;

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

/** What a scene draws. */
export interface Scene {
  /** Every vertex of every draw (FLOAT4 position + FLOAT4 colour), uploaded once. */
  readonly vertices: readonly (readonly number[])[];
  /** 1 to 3 A8R8G8B8 colour targets (COLOR0…COLOR2), all cleared to `clearColor`. */
  readonly colorTargets?: number;
  /** CLEAR colour word (ARGB), default opaque black. */
  readonly clearColor?: number;
  /** A depth target of this SVGA3dSurfaceFormat (and STENCIL for formats with stencil). */
  readonly depthFormat?: number;
  readonly clearDepth?: number;
  readonly clearStencil?: number;
  readonly vs?: string;
  readonly ps?: string;
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

/** Replays the scene on an 8×8 target. */
export function renderScene(s: Scene): SceneResult {
  const size = 8;
  const targets = s.colorTargets ?? 1;
  const t = new TraceWriter().config(4 * 1024 * 1024).comment('draw rule scene');
  const vertexBytes = new Uint8Array(new Float32Array(s.vertices.flat()).buffer);
  t.vramWrite(VRAM_VERTICES, vertexBytes);
  const c = new CommandWriter();
  const define = (sid: number, format: number, width: number, height: number) =>
    c.surfaceDefine({
      sid,
      surfaceFlags: 0,
      format,
      face: [{ numMipLevels: 1 }, { numMipLevels: 0 }, { numMipLevels: 0 }, { numMipLevels: 0 }, { numMipLevels: 0 }, { numMipLevels: 0 }],
      sizes: [{ width, height, depth: 1 }],
    });
  for (let i = 0; i < targets; i++) define(SID_COLOR[i]!, A8R8G8B8, size, size);
  if (s.depthFormat !== undefined) define(SID_DEPTH, s.depthFormat, size, size);
  define(SID_VERTICES, BUFFER, vertexBytes.length, 1);
  c.surfaceDma({
    guest: { ptr: { gmrId: SVGA_GMR_FRAMEBUFFER, offset: VRAM_VERTICES }, pitch: vertexBytes.length },
    host: { sid: SID_VERTICES, face: 0, mipmap: 0 },
    transfer: SVGA3dTransferType.WRITE_HOST_VRAM,
    boxes: [{ x: 0, y: 0, z: 0, w: vertexBytes.length, h: 1, d: 1, srcx: 0, srcy: 0, srcz: 0 }],
  });
  c.contextDefine({ cid: CID });
  const rect = [{ x: 0, y: 0, w: size, h: size }];
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
      decls: [decl(0, 0), decl(10, 16)],
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

/** Pixel (x, y) of an image as [r, g, b, a]. */
export function pixel(image: Rgba8Image, x: number, y: number): number[] {
  const at = (y * image.width + x) * 4;
  return Array.from(image.data.subarray(at, at + 4));
}

/** The image as rows of `rrggbbaa` strings. */
export function hexRows(image: Rgba8Image): string[][] {
  return Array.from({ length: image.height }, (_, y) =>
    Array.from({ length: image.width }, (_, x) => pixel(image, x, y).map((b) => b.toString(16).padStart(2, '0')).join('')),
  );
}

/** Rows of an expected 8×8 image from a per-pixel rule. */
export function expectedRows(rule: (x: number, y: number) => string): string[][] {
  return Array.from({ length: 8 }, (_, y) => Array.from({ length: 8 }, (_, x) => rule(x, y)));
}

/**
 * round(clamp(v) × 255), refusing values within 0.002 of a rounding tie: there float32 vs
 * float64 arithmetic could legitimately decide either way, so a test must pick other inputs.
 */
export function unorm8(v: number): number {
  const s = Math.min(1, Math.max(0, v)) * 255;
  if (Math.abs(s - Math.floor(s) - 0.5) < 0.002) throw new Error(`expected value ${v} is too close to a rounding tie`);
  return Math.round(s);
}

/**
 * D3D9 coverage of one triangle given in window coordinates (x right, y down), from the rules
 * alone: pixel (i, j) is covered when its centre (i, j) is strictly inside all three edges, or on
 * an edge that is a top edge (horizontal, the others below it) or a left edge. Either winding; a
 * degenerate triangle covers nothing. Exact for coordinates on a 1/256 grid.
 */
export function coverage(tri: readonly (readonly [number, number])[], width = 8, height = 8): boolean[][] {
  const [a, b, c] = tri as [readonly [number, number], readonly [number, number], readonly [number, number]];
  const area = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  const out = Array.from({ length: height }, () => Array.from({ length: width }, () => false));
  if (area === 0) return out;
  // Orient clockwise on screen (area > 0 with y down), so the interior is on the right of each edge.
  const v = area > 0 ? [a, b, c] : [a, c, b];
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      let inside = true;
      for (let e = 0; e < 3 && inside; e++) {
        const p = v[e]!;
        const q = v[(e + 1) % 3]!;
        const f = (q[0] - p[0]) * (j - p[1]) - (q[1] - p[1]) * (i - p[0]);
        if (f > 0) continue;
        if (f < 0) inside = false;
        else {
          // Clockwise with y down: a top edge runs left to right horizontally, a left edge upwards.
          const top = q[1] === p[1] && q[0] > p[0];
          const left = q[1] < p[1];
          inside = top || left;
        }
      }
      out[j]![i] = inside;
    }
  }
  return out;
}
