import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../common/diagnostics.js';
import { decodeShader } from '../decode/decoder.js';
import type { OpInstruction, ShaderProgram } from '../ir/ir.js';
import type { InterpOptions } from '../interp/exec-context.js';
import { prepareShader } from '../interp/prepare.js';
import { PixelQuadRunner } from '../interp/run-pixel.js';
import type { PixelQuadRun } from '../interp/run-pixel.js';
import { VertexShaderRunner } from '../interp/run-vertex.js';
import { asm } from '../interp/testing/asm.js';
import { randomValidProgram, Rng } from '../testing/random-program.js';
import { CompiledPixelQuadRunner } from './compiled-pixel-runner.js';
import { CompiledVertexShaderRunner } from './compiled-vertex-runner.js';
import { ShaderCache } from './shader-cache.js';
import { ASM_CORPUS } from './testing/asm-corpus.js';
import type { DiffResult } from './testing/differential.js';
import { bits, compare, floats, loggingSampler, randomConstants } from './testing/differential.js';

const CORPUS = new URL('../../../corpus/vmware-svga-sdk/shaders/', import.meta.url);

function pixelSummary(r: PixelQuadRun): string {
  return [r.status, r.executed, r.colorsWritten, r.killed, r.live, r.depthWritten, bits(r.colors), bits(r.depth)].join(' | ');
}

/**
 * One runner of each kind over the same `runs` seeded invocations (inputs differ run to run:
 * masks, faces, colours), each run summarised with its diagnostics and texture requests. A value
 * a run leaves in a reused buffer or register that the next run should not see shows up as a
 * difference in a later run.
 */
function sequence(program: ShaderProgram, runs: number, seed: number, compiled: boolean, cache: ShaderCache, options?: InterpOptions): string[] {
  // Preparation reports its problems once per program: prepare first, compare run-time diagnostics.
  prepareShader(program);
  const r = new Rng(seed);
  const constants = randomConstants(r);
  const diagnostics = new DiagnosticList();
  const sampler = loggingSampler();
  const common = { constants, sampler, diagnostics, ...(options ? { options } : {}) };
  const out: string[] = [];
  const drain = (summary: string): void => {
    out.push([summary, ...diagnostics.items.map((d) => `${d.code} ${d.message}`), ...sampler.log].join('\n'));
    diagnostics.items.length = 0;
    sampler.log.length = 0;
  };
  if (program.version.type === 'vs') {
    const runner = compiled ? new CompiledVertexShaderRunner(program, common, cache) : new VertexShaderRunner(program, common);
    for (let i = 0; i < runs; i++) {
      const status = runner.run(floats(r, 64));
      drain([status, runner.status, runner.executed, bits(runner.values), Array.from(runner.written).join('')].join(' | '));
    }
    return out;
  }
  const stages = { bumpEnv: floats(r, 48), projected: r.int(0, 255), cubeStages: r.int(0, 255) & r.int(0, 255) };
  const runner = compiled ? new CompiledPixelQuadRunner(program, { ...common, stages }, cache) : new PixelQuadRunner(program, { ...common, stages });
  for (let i = 0; i < runs; i++) {
    // Alternate full and short inputs, absent t and vPos, and per-pixel faces between runs.
    const v = floats(r, i % 3 === 2 ? 40 : 256);
    const t = i % 4 === 3 ? undefined : floats(r, 128);
    const vPos = i % 2 === 0 ? new Float32Array([4, 6, 5, 6, 4, 7, 5, 7]) : undefined;
    const vFace = r.bool() ? 1 : [-1, 1, -1, 1];
    drain(pixelSummary(runner.run(v, t, vPos, vFace, r.bool(0.6) ? 0xf : r.int(0, 15))));
  }
  return out;
}

/** The per-run comparisons of the two runners on `program`. */
function diffRunners(program: ShaderProgram, runs: number, seed: number, cache: ShaderCache, options?: InterpOptions): DiffResult[] {
  const ref = sequence(program, runs, seed, false, cache, options);
  const fast = sequence(program, runs, seed, true, cache, options);
  return ref.map((a, i) => compare(`run ${i} seed ${seed}`, a, fast[i] ?? '-'));
}

const strict = (results: DiffResult[]): string[] => results.filter((d) => d.kind !== 'same').map((d) => d.report);
/**
 * Differences other than NaN order. When two different NaNs meet in one float operation, which
 * payload survives depends on the operand order the engine picks for that function, and that can
 * change as it re-optimises: the interpreter alone is not stable there. The random inputs of the
 * assembled programs make such meetings likely, so only real differences fail those.
 */
const real = (results: DiffResult[]): string[] => results.filter((d) => d.kind === 'different').map((d) => d.report);

describe('compiled runners = interpreter runners, run after run', () => {
  it('worked example: ps_2_0 texkill kills pixel 0 of the first quad only; the second quad is all live', () => {
    const program = asm('ps_2_0\ndcl t0\ntexkill t0\nmov oC0, t0');
    const runner = new CompiledPixelQuadRunner(program, { constants: { float: new Float32Array(0) } }, new ShaderCache());
    expect(runner.isCompiled).toBe(true);
    // t0 of pixel p at p·8·4: pixel 0 has y < 0, so texkill discards it.
    const t = new Float32Array(128);
    t.set([0.5, -1, 0.25, 1], 0);
    const first = runner.run(undefined, t, undefined, undefined, 0xf);
    expect([first.status, first.killed, first.live, first.colorsWritten]).toEqual(['ok', 1, 0xe, 1]);
    t.fill(0);
    t.set([0.5, 0.75, 0.25, 1], 32);
    const second = runner.run(undefined, t, undefined, undefined, 0xe);
    expect([second.killed, second.live, second.colorsWritten]).toEqual([0, 0xe, 1]);
    // oC0 of pixel p at p·4: pixel 1 gets its own t0, pixel 0 no longer the first quad's.
    expect(Array.from(second.colors.subarray(4, 8))).toEqual([0.5, 0.75, 0.25, 1]);
    expect(Array.from(second.colors.subarray(0, 4))).toEqual([0, 0, 0, 0]);
  });

  it('worked example: vs_2_0 mov oPos, v0 / mov oD0, c0 (saturated), oD1 left at its default', () => {
    const program = asm('vs_2_0\ndcl_position v0\nmov oPos, v0\nmov oD0, c0');
    const constants = { float: new Float32Array([2, 0.5, -1, 0.25]) };
    const runner = new CompiledVertexShaderRunner(program, { constants }, new ShaderCache());
    expect(runner.isCompiled).toBe(true);
    expect(runner.run(new Float32Array([1, 2, 3, 4]))).toBe('ok');
    const names = runner.signature.map((s) => s.name);
    const at = (name: string): number[] => Array.from(runner.values.subarray(names.indexOf(name) * 4, names.indexOf(name) * 4 + 4));
    expect(at('oPos')).toEqual([1, 2, 3, 4]);
    expect(at('oD0')).toEqual([1, 0.5, 0, 0.25]);
    expect(at('oD1')).toEqual([0, 0, 0, 1]);
    expect(runner.written[names.indexOf('oD1')]).toBe(0);
    expect(runner.executed).toBe(2);
    // The next vertex does not see the previous position.
    runner.run(new Float32Array([-1, 0, 0.5, 1]));
    expect(at('oPos')).toEqual([-1, 0, 0.5, 1]);
  });

  describe('the corpus shaders', () => {
    const names = readdirSync(CORPUS).filter((n) => n.endsWith('.bin')).sort();
    it('finds the eight corpus shaders', () => expect(names.length).toBe(8));
    for (const name of names) {
      it(name, () => {
        const d = decodeShader(readFileSync(new URL(name, CORPUS)));
        if (!d.ok) throw new Error(name);
        const cache = new ShaderCache();
        expect(strict(diffRunners(d.program, 8, 2000, cache))).toEqual([]);
        expect(cache.stats.fallbackRuns).toBe(0);
      });
    }
  });

  describe('the assembled programs', () => {
    for (const c of ASM_CORPUS) {
      it(c.name, () => {
        const p = asm(c.text, c.validate ?? true);
        const cache = new ShaderCache();
        expect(real(diffRunners(p, 6, 300, cache))).toEqual([]);
        // Small budgets stop runs part way: a stopped run must not leak into the next one.
        for (const budget of [2, 9, 60]) expect(real(diffRunners(p, 3, 700 + budget, cache, { instructionBudget: budget }))).toEqual([]);
        expect(cache.stats.fallbackRuns).toBe(0);
      });
    }
  });

  it('random valid programs of every shader model (fixed seed)', () => {
    const cache = new ShaderCache(64);
    const failures: string[] = [];
    let runs = 0;
    let nanOrder = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0x7fffffff }), fc.boolean(), (seed, small) => {
        const options = small ? { instructionBudget: 40 } : undefined;
        for (const d of diffRunners(randomValidProgram(seed), 4, seed * 5, cache, options)) {
          runs++;
          // As in the one-shot differential: two different NaNs meeting may keep either payload.
          if (d.kind === 'nan-order') nanOrder++;
          else if (d.kind === 'different' && failures.length < 3) failures.push(`program ${seed}: ${d.report}`);
        }
        return true;
      }),
      { seed: 42, numRuns: 200 },
    );
    expect(failures).toEqual([]);
    expect(runs).toBe(800);
    expect(nanOrder).toBeLessThan(runs / 20);
  });
});

describe('programs the compiled runners leave to the interpreter', () => {
  /** ps_1_1 with a `ret` co-issued after an arithmetic instruction (hand-built: the assembler refuses it). */
  function coissuedFlow(): ShaderProgram {
    const p = asm('ps_1_1\nmov r0, c0\nmov r0.a, c1');
    const second = { ...(p.instructions[1] as OpInstruction), opcode: 28, coissue: true, src: [], dst: undefined } as unknown as OpInstruction;
    return { ...p, instructions: [p.instructions[0] as OpInstruction, second] };
  }

  it('run on the interpreter runner with its results, every run counted', () => {
    const cache = new ShaderCache();
    const p = coissuedFlow();
    const constants = { float: new Float32Array([0.25, 0.5, 0.75, 1]) };
    const runner = new CompiledPixelQuadRunner(p, { constants }, cache);
    expect(runner.isCompiled).toBe(false);
    for (let i = 0; i < 3; i++) {
      const r = runner.run(undefined, undefined, undefined, undefined, 0x5);
      expect(Array.from(r.colors.subarray(0, 4))).toEqual([0.25, 0.5, 0.75, 1]);
      expect([r.status, r.live, r.colorsWritten]).toEqual(['ok', 0x5, 1]);
    }
    expect([cache.stats.unsupported, cache.stats.fallbackRuns]).toEqual([1, 3]);
  });

  it('a shader of the wrong type is refused per run with the interpreter runners\' diagnostic, not counted', () => {
    const cache = new ShaderCache();
    const constants = { float: new Float32Array(0) };
    const vs = asm('vs_2_0\nmov oPos, c0');
    const ps = asm('ps_2_0\nmov oC0, c0');
    const d1 = new DiagnosticList();
    const pr = new CompiledPixelQuadRunner(vs, { constants, diagnostics: d1 }, cache);
    const r = pr.run(undefined, undefined, undefined, undefined);
    expect([r.status, r.killed, r.live]).toEqual(['invalid', 0xf, 0]);
    const d2 = new DiagnosticList();
    const vr = new CompiledVertexShaderRunner(ps, { constants, diagnostics: d2 }, cache);
    expect(vr.run(new Float32Array(64))).toBe('invalid');
    expect([vr.status, vr.executed, Array.from(vr.written)]).toEqual(['invalid', 0, []]);
    const d3 = new DiagnosticList();
    new PixelQuadRunner(vs, { constants, diagnostics: d3 }).run(undefined, undefined, undefined, undefined);
    expect(d1.items.map((d) => `${d.code} ${d.message}`)).toEqual(d3.items.map((d) => `${d.code} ${d.message}`));
    expect(d2.items.length).toBe(1);
    expect(cache.stats.fallbackRuns).toBe(0);
  });
});
