/**
 * Test helpers for the draw path: a real `ContextState`, surfaces held in memory, shaders from
 * assembly, a rasteriser that records what it is given, and a compact DRAW_PRIMITIVES builder.
 */
import { DiagnosticList, type DiagnosticCode } from '../common/diagnostics.js';
import { ContextState } from '../device/contexts/context-state.js';
import { assemble, type ShaderProgram } from '../shader-vm/index.js';
import type { CommandBody } from '../svga3d-decoder/index.js';
import type { RasterContext, RasterVertex } from '../raster/raster-interfaces.js';
import type { DrawSurface, DrawSurfaces } from './draw-context.js';
import type { RasterBackEnd } from './primitive-emitter.js';

/** Assembles `text` or throws (test input is ours). */
export function program(text: string): ShaderProgram {
  const r = assemble(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.program;
}

/** Binds `vs` / `ps` (assembly) to a fresh context; undefined leaves fixed function. */
export function contextWith(vs: string | undefined, ps: string | undefined): ContextState {
  const c = new ContextState(1);
  if (vs !== undefined) {
    c.shaders[0].set(1, { shid: 1, type: 1, bytecode: new Uint32Array(0), program: program(vs) });
    c.boundShaders[0] = 1;
  }
  if (ps !== undefined) {
    c.shaders[1].set(1, { shid: 1, type: 2, bytecode: new Uint32Array(0), program: program(ps) });
    c.boundShaders[1] = 1;
  }
  return c;
}

/** Surfaces in memory: `buffer(sid, bytes)` and `target(sid, w, h, format)`. */
export class MemorySurfaces implements DrawSurfaces {
  private readonly map = new Map<number, DrawSurface>();
  get(sid: number): DrawSurface | undefined {
    return this.map.get(sid);
  }
  buffer(sid: number, bytes: Uint8Array): this {
    return this.add(sid, 37, bytes.length, 1, bytes.length, bytes);
  }
  target(sid: number, width: number, height: number, format = 1, bytesPerPixel = 4): this {
    return this.add(sid, format, width, height, width * bytesPerPixel, new Uint8Array(width * height * bytesPerPixel));
  }
  private add(sid: number, format: number, width: number, height: number, rowPitch: number, bytes: Uint8Array): this {
    const image = { width, height, depth: 1, rowPitch, slicePitch: rowPitch * height, bytes };
    this.map.set(sid, { sid, format, flags: 0, faceCount: 1, mipLevels: 1, image: (f, m) => (f === 0 && m === 0 ? image : undefined) });
    return this;
  }
}

/** Little-endian bytes of float32 values. */
export function f32Bytes(values: readonly number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const dv = new DataView(out.buffer);
  values.forEach((v, i) => dv.setFloat32(i * 4, v, true));
  return out;
}

/** One recorded rasteriser call, vertices as plain numbers (varyings cut to the layout's count). */
export type RasterCall =
  | { readonly kind: 'triangle'; readonly v: number[][] }
  | { readonly kind: 'line'; readonly v: number[][] }
  | { readonly kind: 'point'; readonly v: number[][]; readonly size: number };

/** A rasteriser that records every call; `samplesPerCall` is added to the query counter. */
export function recordingRaster(samplesPerCall = 0): { raster: RasterBackEnd; calls: RasterCall[]; contexts: RasterContext[] } {
  const calls: RasterCall[] = [];
  const contexts: RasterContext[] = [];
  const plain = (v: RasterVertex, ctx: RasterContext) => [v.x, v.y, v.z, v.invW, ...Array.from(v.varyings.subarray(0, ctx.layout.count * 4))];
  const note = (ctx: RasterContext) => {
    if (!contexts.includes(ctx)) contexts.push(ctx);
    ctx.counters.samplesPassed += samplesPerCall;
    ctx.counters.quadsShaded += 1;
  };
  return {
    calls,
    contexts,
    raster: {
      rasterizeTriangle(a, b, c, ctx) {
        note(ctx);
        calls.push({ kind: 'triangle', v: [plain(a, ctx), plain(b, ctx), plain(c, ctx)] });
      },
      rasterizeLine(a, b, ctx) {
        note(ctx);
        calls.push({ kind: 'line', v: [plain(a, ctx), plain(b, ctx)] });
      },
      rasterizePoint(a, size, ctx) {
        note(ctx);
        calls.push({ kind: 'point', v: [plain(a, ctx)], size });
      },
    },
  };
}

/** A ReportFn over a DiagnosticList. */
export function reporter(): { list: DiagnosticList; report: (def: DiagnosticCode, message: string) => void } {
  const list = new DiagnosticList();
  return { list, report: (def, message) => list.report({ code: def.code, name: def.name, severity: def.severity, message }) };
}

type Decl = CommandBody<'DRAW_PRIMITIVES'>['decls'][number];
type Range = CommandBody<'DRAW_PRIMITIVES'>['ranges'][number];

/** A vertex declaration element. */
export function decl(type: number, usage: number, surfaceId: number, offset: number, stride: number, usageIndex = 0): Decl {
  return {
    identity: { type, method: 0, usage, usageIndex },
    array: { surfaceId, offset, stride },
    rangeHint: { first: 0, last: 0 },
  } as Decl;
}

/** A primitive range; `index` names an index surface (width = stride). */
export function range(primType: number, primitiveCount: number, index?: { sid: number; width: number; offset?: number }, indexBias = 0): Range {
  return {
    primType,
    primitiveCount,
    indexArray: { surfaceId: index?.sid ?? 0xffffffff, offset: index?.offset ?? 0, stride: index?.width ?? 0 },
    indexWidth: index?.width ?? 0,
    indexBias,
  } as Range;
}

/** A DRAW_PRIMITIVES body. */
export function drawCommand(decls: Decl[], ranges: Range[], divisors?: number[]): CommandBody<'DRAW_PRIMITIVES'> {
  const body = { cid: 1, numVertexDecls: decls.length, numRanges: ranges.length, decls, ranges };
  return (divisors ? { ...body, divisors } : body) as CommandBody<'DRAW_PRIMITIVES'>;
}
