/**
 * Small end-to-end draw scenes: a trace built with TraceWriter + CommandWriter (surfaces, a
 * vertex buffer uploaded by SURFACE_DMA, shaders assembled from text, states, draws), replayed on
 * an `SvgaDevice` with the pipeline's draw backend, render targets read back as checkpoints.
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
/** Surface ids of the scenes. */
export const SID = { color: 1, depth: 2, color1: 3, vertices: 10, texture: 11 } as const;
/** SVGA3dSurfaceFormat ids used here. */
export const FORMAT = { X8R8G8B8: 1, Z_D16: 8, Z_D24S8: 9, BUFFER: 37 } as const;

/** Passes position and colour through (FLOAT4 + FLOAT4). */
export const PASS_VS = 'vs_2_0\ndcl_position v0\ndcl_color v1\nmov oPos, v0\nmov oD0, v1';
/** Writes the interpolated colour. */
export const PASS_PS = 'ps_2_0\ndcl v0\nmov oC0, v0';

const VRAM_VERTICES = 0x10_0000;
const VRAM_TEXTURE = 0x20_0000;

function bytecode(text: string): Uint8Array {
  const r = assemble(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.bytes;
}

/** Defines a 2D surface with one mip level. */
export function defineSurface(c: CommandWriter, sid: number, format: number, width: number, height: number): void {
  c.surfaceDefine({
    sid,
    surfaceFlags: 0,
    format,
    face: [{ numMipLevels: 1 }, { numMipLevels: 0 }, { numMipLevels: 0 }, { numMipLevels: 0 }, { numMipLevels: 0 }, { numMipLevels: 0 }],
    sizes: [{ width, height, depth: 1 }],
  });
}

/** Sets render states (name → raw word). */
export function states(c: CommandWriter, values: Record<number, number>): void {
  c.setRenderState({ cid: CID, states: Object.entries(values).map(([state, value]) => ({ state: Number(state), value: value >>> 0 })) });
}

/** Float32 bits. */
export function bits(x: number): number {
  return new Uint32Array(new Float32Array([x]).buffer)[0]!;
}

/** A quad (two triangles of a list) covering clip x0..x1, y0..y1 at depth z, in one colour. */
export function quad(x0: number, y0: number, x1: number, y1: number, z: number, rgba: number[]): number[][] {
  const v = (x: number, y: number) => [x, y, z, 1, ...rgba];
  return [v(x0, y1), v(x1, y1), v(x0, y0), v(x1, y1), v(x1, y0), v(x0, y0)];
}

/** What a scene draws. */
export interface SceneOptions {
  readonly width?: number;
  readonly height?: number;
  /** Every vertex of every draw, FLOAT4 position + FLOAT4 colour, uploaded once. */
  readonly vertices: number[][];
  /** A depth(-stencil) target of this format, bound to DEPTH (and STENCIL for Z_D24S8). */
  readonly depthFormat?: number;
  /** A second colour target (COLOR1). */
  readonly mrt?: boolean;
  readonly vs?: string;
  readonly ps?: string;
  /** Usage of the second FLOAT4 element (default COLOR 10; TEXCOORD is 5). */
  readonly secondUsage?: number;
  /** An A8R8G8B8 texture (bytes B, G, R, A per texel) bound to stage 0 with default states. */
  readonly texture?: { readonly width: number; readonly height: number; readonly bgra: readonly number[] };
  /** Commands after the setup (context, targets, clears, shaders) and before the checkpoints. */
  readonly draw: (c: CommandWriter, drawRange: (first: number, count: number, primType?: number) => void) => void;
}

/** Replays the scene; returns the colour targets' images and every diagnostic line. */
export function renderScene(o: SceneOptions): { color: Rgba8Image; color1?: Rgba8Image; diagnostics: string[] } {
  const width = o.width ?? 8;
  const height = o.height ?? 8;
  const t = new TraceWriter().config(16 * 1024 * 1024).comment('draw scene');
  const vertexBytes = new Uint8Array(new Float32Array(o.vertices.flat()).buffer);
  t.vramWrite(VRAM_VERTICES, vertexBytes);
  const c = new CommandWriter();
  defineSurface(c, SID.color, FORMAT.X8R8G8B8, width, height);
  if (o.mrt) defineSurface(c, SID.color1, FORMAT.X8R8G8B8, width, height);
  if (o.depthFormat !== undefined) defineSurface(c, SID.depth, o.depthFormat, width, height);
  defineSurface(c, SID.vertices, FORMAT.BUFFER, vertexBytes.length, 1);
  c.surfaceDma({
    guest: { ptr: { gmrId: SVGA_GMR_FRAMEBUFFER, offset: VRAM_VERTICES }, pitch: vertexBytes.length },
    host: { sid: SID.vertices, face: 0, mipmap: 0 },
    transfer: SVGA3dTransferType.WRITE_HOST_VRAM,
    boxes: [{ x: 0, y: 0, z: 0, w: vertexBytes.length, h: 1, d: 1, srcx: 0, srcy: 0, srcz: 0 }],
  });
  if (o.texture) {
    const tex = o.texture;
    t.vramWrite(VRAM_TEXTURE, new Uint8Array(tex.bgra));
    defineSurface(c, SID.texture, 2, tex.width, tex.height);
    c.surfaceDma({
      guest: { ptr: { gmrId: SVGA_GMR_FRAMEBUFFER, offset: VRAM_TEXTURE }, pitch: tex.width * 4 },
      host: { sid: SID.texture, face: 0, mipmap: 0 },
      transfer: SVGA3dTransferType.WRITE_HOST_VRAM,
      boxes: [{ x: 0, y: 0, z: 0, w: tex.width, h: tex.height, d: 1, srcx: 0, srcy: 0, srcz: 0 }],
    });
  }
  c.contextDefine({ cid: CID });
  if (o.texture) c.setTextureState({ cid: CID, states: [{ stage: 0, name: 1, value: SID.texture }] });
  c.setRenderTarget({ cid: CID, type: 2, target: { sid: SID.color, face: 0, mipmap: 0 } });
  if (o.mrt) c.setRenderTarget({ cid: CID, type: 3, target: { sid: SID.color1, face: 0, mipmap: 0 } });
  let clearFlag = 1;
  if (o.depthFormat !== undefined) {
    c.setRenderTarget({ cid: CID, type: 0, target: { sid: SID.depth, face: 0, mipmap: 0 } });
    clearFlag |= 2;
    if (o.depthFormat === FORMAT.Z_D24S8) {
      c.setRenderTarget({ cid: CID, type: 1, target: { sid: SID.depth, face: 0, mipmap: 0 } });
      clearFlag |= 4;
    }
  }
  c.clear({ cid: CID, clearFlag, color: 0xff000000, depth: 1, stencil: 0, rects: [{ x: 0, y: 0, w: width, h: height }] });
  if (o.mrt) {
    c.setRenderTarget({ cid: CID, type: 2, target: { sid: SID.color1, face: 0, mipmap: 0 } });
    c.clear({ cid: CID, clearFlag: 1, color: 0xff000000, depth: 1, stencil: 0, rects: [{ x: 0, y: 0, w: width, h: height }] });
    c.setRenderTarget({ cid: CID, type: 2, target: { sid: SID.color, face: 0, mipmap: 0 } });
  }
  // Smooth shading, no culling, depth test only with a depth target: each scene turns on the rest.
  states(c, { [RS.SHADEMODE]: 2, [RS.CULLMODE]: 1, [RS.ZENABLE]: o.depthFormat === undefined ? 0 : 1 });
  c.shaderDefine({ cid: CID, shid: 1, type: 1, bytecode: bytecode(o.vs ?? PASS_VS) });
  c.shaderDefine({ cid: CID, shid: 1, type: 2, bytecode: bytecode(o.ps ?? PASS_PS) });
  c.setShader({ cid: CID, type: 1, shid: 1 });
  c.setShader({ cid: CID, type: 2, shid: 1 });
  const drawRange = (first: number, count: number, primType = 1) => {
    const decl = (usage: number, offset: number) => ({
      identity: { type: 3, method: 0, usage, usageIndex: 0 },
      array: { surfaceId: SID.vertices, offset, stride: 32 },
      rangeHint: { first: 0, last: 0 },
    });
    c.drawPrimitives({
      cid: CID,
      decls: [decl(0, 0), decl(o.secondUsage ?? 10, 16)],
      ranges: [{ primType, primitiveCount: count, indexArray: { surfaceId: 0xffffffff, offset: 0, stride: 0 }, indexWidth: 0, indexBias: first }],
    });
  };
  o.draw(c, drawRange);
  t.fifo(c);
  t.checkpointSurface('color', SID.color);
  if (o.mrt) t.checkpointSurface('color1', SID.color1);
  const images = new Map<string, Rgba8Image>();
  const summary = replayTrace(t.finish(), {
    createDevice: ({ vramBytes, sink }) => new SvgaDevice({ vramBytes, sink, drawBackend: createDrawBackend() }),
    onImage: (name, image) => images.set(name, image),
  });
  const color = images.get('color');
  if (!color) throw new Error('no colour checkpoint');
  const color1 = images.get('color1');
  return { color, ...(color1 ? { color1 } : {}), diagnostics: summary.diagnostics.map(formatDiagnostic) };
}

/** The image as rows of `#rrggbb` strings (alpha is 255 for X8R8G8B8). */
export function hexRows(image: Rgba8Image): string[][] {
  const rows: string[][] = [];
  for (let y = 0; y < image.height; y++) {
    const row: string[] = [];
    for (let x = 0; x < image.width; x++) {
      const at = (y * image.width + x) * 4;
      const hex = (i: number) => image.data[at + i]!.toString(16).padStart(2, '0');
      row.push(`#${hex(0)}${hex(1)}${hex(2)}`);
    }
    rows.push(row);
  }
  return rows;
}

/** Rows of the expected image from a per-pixel rule. */
export function expectedRows(width: number, height: number, rule: (x: number, y: number) => string): string[][] {
  return Array.from({ length: height }, (_, y) => Array.from({ length: width }, (_, x) => rule(x, y)));
}
