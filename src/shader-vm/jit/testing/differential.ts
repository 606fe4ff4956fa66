/**
 * Test support: runs one invocation through the interpreter and through the compiled path with the
 * same (seeded random) inputs and lists every difference: status, executed count, kill masks,
 * written flags, Float32 bit patterns of every output (NaN payloads included), diagnostics and the
 * texture requests the sampler saw.
 */

import { DiagnosticList } from '../../../common/diagnostics.js';
import type { ShaderProgram } from '../../ir/ir.js';
import type { InterpOptions, TextureStageState } from '../../interp/exec-context.js';
import type { PixelQuadInput, PixelQuadResult } from '../../interp/run-pixel.js';
import { prepareShader } from '../../interp/prepare.js';
import { runPixelQuad } from '../../interp/run-pixel.js';
import type { VertexShaderResult } from '../../interp/run-vertex.js';
import { runVertexShader } from '../../interp/run-vertex.js';
import type { TextureSampler } from '../../interp/texture-sampler.js';
import { Rng } from '../../testing/random-program.js';
import { runPixelQuadCompiled } from '../run-compiled.js';
import { runVertexShaderCompiled } from '../run-vertex-compiled.js';
import type { ShaderCache } from '../shader-cache.js';

/** Float32 bit patterns as hex words, so NaN payloads and signed zeros compare exactly. */
export function bits(a: Float32Array | undefined): string {
  if (!a) return '-';
  const u = new Uint32Array(a.buffer, a.byteOffset, a.length);
  return Array.from(u, (x) => x.toString(16)).join(',');
}

/** `bits` with every NaN written as `nan` (sign and payload dropped). */
function looseBits(text: string): string {
  return text.replace(/\b[7f]f[c-f][0-9a-f]{5}\b|\b[7f]f[89ab][0-9a-f]{5}\b/g, (h) => {
    const x = parseInt(h, 16);
    return (x & 0x7f800000) === 0x7f800000 && (x & 0x7fffff) !== 0 ? 'nan' : h;
  });
}

const SPECIALS = [0, -0, 1, -1, 0.5, Infinity, -Infinity, NaN, 3.4028234663852886e38, 1e-45, -2.5, 255];

/** A float32 value: mostly small "nice" numbers, sometimes specials and raw bit patterns. */
function value(r: Rng): number {
  const k = r.int(0, 19);
  if (k < 12) return (r.int(0, 64) - 32) / 8;
  if (k < 16) return r.pick(SPECIALS);
  if (k < 18) return new Float32Array(new Uint32Array([r.next()]).buffer)[0] as number;
  return r.int(0, 1000) / 997;
}

/** `n` seeded float32 values (specials, raw bit patterns and NaN payloads included). */
export function floats(r: Rng, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = value(r);
  // NaNs with payloads: written as bits so the payload survives.
  if (r.bool(0.3)) new Uint32Array(out.buffer)[r.int(0, n - 1)] = 0x7fc00000 | r.int(1, 0x3fffff) | (r.bool() ? 0x80000000 : 0);
  return out;
}

/** Constant banks: floats as above, loop-friendly integers, random booleans. */
export function randomConstants(r: Rng): { float: Float32Array; int: Int32Array; bool: number[] } {
  const int = new Int32Array(64);
  for (let i = 0; i < 16; i++) int.set([r.int(0, 5) - (r.bool(0.1) ? 3 : 0), r.int(0, 12), r.int(0, 6) - 2, 0], i * 4);
  return { float: floats(r, 1024), int, bool: Array.from({ length: 16 }, () => (r.bool() ? 1 : 0)) };
}

/** A deterministic sampler that logs every request and answers from its coordinates. */
export function loggingSampler(): TextureSampler & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    sample(req, out) {
      log.push(`${req.sampler} ${req.variant} ${req.lanes} ${req.mask} ${bits(req.coords)} ${bits(req.ddx)} ${bits(req.ddy)} ${bits(req.lod)}`);
      for (let i = 0; i < req.lanes * 4; i++) {
        const c = req.coords[i] as number;
        out[i] = Math.fround(c === c ? c * 0.5 + (i % 4) * 0.125 : 0.25);
      }
    },
  };
}

function pixelSummary(r: PixelQuadResult): string {
  return [r.status, r.executed, r.colorsWritten, r.killed, r.live, bits(r.colors), bits(r.depth)].join(' | ');
}

function vertexSummary(r: VertexShaderResult): string {
  return [r.status, r.executed, ...r.outputs.map((o) => `${o.register}:${o.usage}.${o.usageIndex}:${o.written}:${bits(o.value)}`)].join(' | ');
}

/** Options of one differential run. */
export interface DiffOptions {
  readonly cache?: ShaderCache;
  readonly options?: InterpOptions;
  readonly stages?: TextureStageState;
}

/**
 * The outcome of one differential run: `same` (bit for bit), `nan-order` (equal once every NaN is
 * taken as one value: the engine may order the operands of a commutative float operation
 * differently in two functions, and when two different NaNs meet, x86 propagates the first, so
 * only sign and payload of such a NaN can differ) or the report of a real difference.
 */
export interface DiffResult {
  readonly kind: 'same' | 'nan-order' | 'different';
  readonly report: string;
}

/** Compares two summaries: bit for bit, equal up to NaN sign and payload, or different. */
export function compare(what: string, a: string, b: string): DiffResult {
  if (a === b) return { kind: 'same', report: '' };
  if (looseBits(a) === looseBits(b)) return { kind: 'nan-order', report: `${what}:\nreference ${a}\ncompiled  ${b}` };
  return { kind: 'different', report: `${what}:\nreference ${a}\ncompiled  ${b}` };
}

/** Runs `program` both ways on the random input of `seed` and compares everything. */
export function diffRun(program: ShaderProgram, seed: number, opts: DiffOptions = {}): DiffResult {
  // Preparation reports its problems once per program, to whichever path prepares it first:
  // prepare up front so only run-time diagnostics are compared.
  prepareShader(program);
  const r = new Rng(seed);
  const constants = randomConstants(r);
  if (program.version.type === 'vs') {
    const inputs = floats(r, 64);
    const run = (compiled: boolean): string => {
      const diagnostics = new DiagnosticList();
      const sampler = loggingSampler();
      const input = { inputs, constants, sampler, diagnostics, ...(opts.options ? { options: opts.options } : {}) };
      const res = compiled ? runVertexShaderCompiled(program, input, opts.cache) : runVertexShader(program, input);
      return [vertexSummary(res), ...diagnostics.items.map((d) => `${d.code} ${d.message}`), ...sampler.log].join('\n');
    };
    return compare(`vertex seed ${seed}`, run(false), run(true));
  }
  const base: Omit<PixelQuadInput, 'sampler' | 'diagnostics'> = {
    v: floats(r, 256),
    t: floats(r, 128),
    vPos: new Float32Array([4, 6, 5, 6, 4, 7, 5, 7]),
    vFace: r.bool() ? 1 : [-1, -1, -1, -1],
    constants,
    activeMask: r.bool(0.7) ? 0xf : r.int(1, 15),
    stages: opts.stages ?? { bumpEnv: floats(r, 48), projected: r.int(0, 255), cubeStages: r.int(0, 255) & r.int(0, 255) },
    ...(opts.options ? { options: opts.options } : {}),
  };
  const run = (compiled: boolean): string => {
    const diagnostics = new DiagnosticList();
    const sampler = loggingSampler();
    const input = { ...base, sampler, diagnostics };
    const res = compiled ? runPixelQuadCompiled(program, input, opts.cache) : runPixelQuad(program, input);
    return [pixelSummary(res), ...diagnostics.items.map((d) => `${d.code} ${d.message}`), ...sampler.log].join('\n');
  };
  return compare(`pixel seed ${seed}`, run(false), run(true));
}
