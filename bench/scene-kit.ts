/**
 * Our side of a workload: an `SvgaDevice` with the pipeline's draw backend, set up once by a FIFO
 * stream built with `CommandWriter` (1024×768 A8R8G8B8 colour + Z_D24S8, vertex buffer surface,
 * texture, vs_2_0/ps_2_0 shaders assembled from text), plus the FIFO bytes of one iteration. One
 * benchmark iteration is `device.executeFifo(iteration)`: decode, state, vertex fetch, shading and
 * rasterisation, all as a guest's commands would drive them.
 */
import { DiagnosticList, formatDiagnostic } from '../src/common/diagnostics.js';
import { SVGA_GMR_FRAMEBUFFER } from '../src/device/guest-ptr-memory.js';
import { SvgaDevice } from '../src/device/svga-device.js';
import { SVGA3dSurfaceFormat as SF } from '../src/formats/surface-formats.js';
import { createDrawBackend } from '../src/pipeline/index.js';
import { assemble } from '../src/shader-vm/index.js';
import {
  CommandWriter,
  SVGA3dBlendOp,
  SVGA3dClearFlag,
  SVGA3dCmpFunc,
  SVGA3dDeclType,
  SVGA3dDeclUsage,
  SVGA3dRenderStateName as RS,
  SVGA3dRenderTargetType,
  SVGA3dTextureAddress,
  SVGA3dTextureFilter,
  SVGA3dTextureStateName as TS,
  SVGA3dTransferType,
} from '../src/svga3d-decoder/index.js';
import { TARGET, TEXTURE_SIZE, VERTEX_STRIDE, textureRgba, type Workload } from './workloads.js';

/** Transforms by the rows c0..c3 (identity here) and passes colour and texture coordinate on. */
export const BENCH_VS = `vs_2_0
dcl_position v0
dcl_color v1
dcl_texcoord v2
dp4 oPos.x, v0, c0
dp4 oPos.y, v0, c1
dp4 oPos.z, v0, c2
dp4 oPos.w, v0, c3
mov oD0, v1
mov oT0, v2`;

/** Interpolated colour times c0 (c0 is what the constant-change workload changes). */
export const FLAT_PS = `ps_2_0
dcl v0
mul r0, v0, c0
mov oC0, r0`;

/** Bilinear texture lookup, then texel · c0 + c1. */
export const TEXTURED_PS = `ps_2_0
dcl t0.xy
dcl_2d s0
texld r0, t0, s0
mad r0, r0, c0, c1
mov oC0, r0`;

const CID = 1;
const SID = { color: 1, depth: 2, vertices: 3, texture: 4 } as const;
/** VRAM layout: vertices at 0, the texture after them (both are DMA sources). */
const VRAM_BYTES = 64 * 1024 * 1024;

function bytecode(text: string): Uint8Array {
  const r = assemble(text);
  if (!r.ok) throw new Error(`bench shader does not assemble:\n${r.diagnostics.map((d) => d.message).join('\n')}`);
  return r.bytes;
}

function define(c: CommandWriter, sid: number, format: number, width: number, height: number): void {
  const face = [{ numMipLevels: 1 }, ...Array.from({ length: 5 }, () => ({ numMipLevels: 0 }))];
  c.surfaceDefine({ sid, surfaceFlags: 0, format, face, sizes: [{ width, height, depth: 1 }] });
}

function dma(c: CommandWriter, sid: number, vramOffset: number, pitch: number, box: { x: number; w: number; h: number }): void {
  c.surfaceDma({
    guest: { ptr: { gmrId: SVGA_GMR_FRAMEBUFFER, offset: vramOffset }, pitch },
    host: { sid, face: 0, mipmap: 0 },
    transfer: SVGA3dTransferType.WRITE_HOST_VRAM,
    boxes: [{ x: box.x, y: 0, z: 0, w: box.w, h: box.h, d: 1, srcx: box.x, srcy: 0, srcz: 0 }],
  });
}

function f32Bits(x: number): number {
  return new Uint32Array(new Float32Array([x]).buffer)[0] ?? 0;
}

function constant(c: CommandWriter, type: 1 | 2, reg: number, v: readonly number[]): void {
  c.setShaderConst({ cid: CID, reg, type, ctype: 0, values: [v.map(f32Bits)] });
}

/** A8R8G8B8 texels in memory order (B, G, R, A) from the shared RGBA texture. */
function textureBgra(): Uint8Array {
  const rgba = textureRgba();
  const out = new Uint8Array(rgba.length);
  for (let i = 0; i < rgba.length; i += 4) {
    out[i] = rgba[i + 2] ?? 0;
    out[i + 1] = rgba[i + 1] ?? 0;
    out[i + 2] = rgba[i] ?? 0;
    out[i + 3] = rgba[i + 3] ?? 0;
  }
  return out;
}

/** The two values the constant-change workload alternates between. */
export const CONSTANT_VALUES = [
  [1, 1, 1, 1],
  [0.5, 0.75, 1, 1],
] as const;

/** A device ready to run one workload's iterations. */
export interface BenchScene {
  readonly device: SvgaDevice;
  /** FIFO bytes of one iteration. */
  readonly iteration: Uint8Array;
  /** Runs one iteration. */
  run(): void;
  /** Diagnostics so far (a workload must produce none). */
  diagnostics(): string[];
}

/** Sets up the device for `w` and builds its iteration stream. Throws if set-up reports anything. */
export function createBenchScene(w: Workload): BenchScene {
  const list = new DiagnosticList();
  const device = new SvgaDevice({ vramBytes: VRAM_BYTES, sink: list, drawBackend: createDrawBackend() });
  const vertexBytes = new Uint8Array(w.vertices.buffer, w.vertices.byteOffset, w.vertices.byteLength);
  const textureOffset = vertexBytes.length + 4096 - (vertexBytes.length % 4096);
  device.writeVram(0, vertexBytes);
  device.writeVram(textureOffset, textureBgra());

  const c = new CommandWriter();
  define(c, SID.color, SF.A8R8G8B8, TARGET.width, TARGET.height);
  define(c, SID.depth, SF.Z_D24S8, TARGET.width, TARGET.height);
  define(c, SID.vertices, SF.BUFFER, vertexBytes.length, 1);
  define(c, SID.texture, SF.A8R8G8B8, TEXTURE_SIZE, TEXTURE_SIZE);
  dma(c, SID.vertices, 0, vertexBytes.length, { x: 0, w: vertexBytes.length, h: 1 });
  c.surfaceDma({
    guest: { ptr: { gmrId: SVGA_GMR_FRAMEBUFFER, offset: textureOffset }, pitch: TEXTURE_SIZE * 4 },
    host: { sid: SID.texture, face: 0, mipmap: 0 },
    transfer: SVGA3dTransferType.WRITE_HOST_VRAM,
    boxes: [{ x: 0, y: 0, z: 0, w: TEXTURE_SIZE, h: TEXTURE_SIZE, d: 1, srcx: 0, srcy: 0, srcz: 0 }],
  });
  c.contextDefine({ cid: CID });
  c.setRenderTarget({ cid: CID, type: SVGA3dRenderTargetType.COLOR0, target: { sid: SID.color, face: 0, mipmap: 0 } });
  c.setRenderTarget({ cid: CID, type: SVGA3dRenderTargetType.DEPTH, target: { sid: SID.depth, face: 0, mipmap: 0 } });
  c.setRenderTarget({ cid: CID, type: SVGA3dRenderTargetType.STENCIL, target: { sid: SID.depth, face: 0, mipmap: 0 } });
  c.setViewport({ cid: CID, rect: { x: 0, y: 0, w: TARGET.width, h: TARGET.height } });
  c.setZRange({ cid: CID, zRange: { min: 0, max: 1 } });
  c.clear({
    cid: CID,
    clearFlag: SVGA3dClearFlag.COLOR | SVGA3dClearFlag.DEPTH | SVGA3dClearFlag.STENCIL,
    color: 0xff00_0000,
    depth: 1,
    stencil: 0,
    rects: [{ x: 0, y: 0, w: TARGET.width, h: TARGET.height }],
  });
  c.setRenderState({
    cid: CID,
    states: [
      { state: RS.SHADEMODE, value: 2 },
      { state: RS.CULLMODE, value: 1 },
      { state: RS.ZENABLE, value: w.depth ? 1 : 0 },
      { state: RS.ZWRITEENABLE, value: w.depth ? 1 : 0 },
      { state: RS.ZFUNC, value: SVGA3dCmpFunc.LESSEQUAL },
      { state: RS.BLENDENABLE, value: w.blend ? 1 : 0 },
      { state: RS.SRCBLEND, value: SVGA3dBlendOp.SRCALPHA },
      { state: RS.DSTBLEND, value: SVGA3dBlendOp.INVSRCALPHA },
    ],
  });
  if (w.textured) {
    c.setTextureState({
      cid: CID,
      states: [
        { stage: 0, name: TS.BIND_TEXTURE, value: SID.texture },
        { stage: 0, name: TS.MAGFILTER, value: SVGA3dTextureFilter.LINEAR },
        { stage: 0, name: TS.MINFILTER, value: SVGA3dTextureFilter.LINEAR },
        { stage: 0, name: TS.MIPFILTER, value: SVGA3dTextureFilter.NONE },
        { stage: 0, name: TS.ADDRESSU, value: SVGA3dTextureAddress.WRAP },
        { stage: 0, name: TS.ADDRESSV, value: SVGA3dTextureAddress.WRAP },
      ],
    });
  }
  c.shaderDefine({ cid: CID, shid: 1, type: 1, bytecode: bytecode(BENCH_VS) });
  c.shaderDefine({ cid: CID, shid: 1, type: 2, bytecode: bytecode(w.textured ? TEXTURED_PS : FLAT_PS) });
  c.setShader({ cid: CID, type: 1, shid: 1 });
  c.setShader({ cid: CID, type: 2, shid: 1 });
  [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]].forEach((row, i) => constant(c, 1, i, row));
  constant(c, 2, 0, CONSTANT_VALUES[0]);
  constant(c, 2, 1, [0, 0, 0, 0]);
  device.executeFifo(c.finish());
  const setupProblems = list.items.filter((d) => d.severity !== 'info');
  if (setupProblems.length > 0) throw new Error(`bench set-up of ${w.name}: ${setupProblems.map(formatDiagnostic).join('; ')}`);

  const iteration = iterationStream(w, vertexBytes.length);
  return {
    device,
    iteration,
    run: () => device.executeFifo(iteration),
    diagnostics: () => list.items.filter((d) => d.severity !== 'info').map(formatDiagnostic),
  };
}

/** The FIFO commands of one iteration of `w`. */
function iterationStream(w: Workload, vertexBytes: number): Uint8Array {
  const c = new CommandWriter();
  const decl = (type: number, usage: number, offset: number) => ({
    identity: { type, method: 0, usage, usageIndex: 0 },
    array: { surfaceId: SID.vertices, offset, stride: VERTEX_STRIDE },
    rangeHint: { first: 0, last: 0 },
  });
  const decls = [
    decl(SVGA3dDeclType.FLOAT4, SVGA3dDeclUsage.POSITION, 0),
    decl(SVGA3dDeclType.FLOAT4, SVGA3dDeclUsage.COLOR, 16),
    decl(SVGA3dDeclType.FLOAT2, SVGA3dDeclUsage.TEXCOORD, 32),
  ];
  const drawBytes = w.trianglesPerDraw * 3 * VERTEX_STRIDE;
  for (let i = 0; i < w.draws; i++) {
    if (w.uploadPerDraw) dma(c, SID.vertices, 0, vertexBytes, { x: i * drawBytes, w: drawBytes, h: 1 });
    if (w.constantPerDraw) constant(c, 2, 0, CONSTANT_VALUES[i & 1] ?? CONSTANT_VALUES[0]);
    c.drawPrimitives({
      cid: CID,
      decls,
      ranges: [
        {
          primType: 1,
          primitiveCount: w.trianglesPerDraw,
          indexArray: { surfaceId: 0xffff_ffff, offset: 0, stride: 0 },
          indexWidth: 0,
          indexBias: i * w.trianglesPerDraw * 3,
        },
      ],
    });
  }
  return c.finish();
}
