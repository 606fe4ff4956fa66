import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../common/diagnostics.js';
import type { ShaderProgram } from '../ir/ir.js';
import { prepareShader } from '../interp/prepare.js';
import { VertexShaderRunner, type VertexShaderRunnerOptions } from '../interp/run-vertex.js';
import { asm } from '../interp/testing/asm.js';
import { randomValidProgram, Rng } from '../testing/random-program.js';
import { CompiledVertexShaderRunner } from './compiled-vertex-runner.js';
import { ShaderCache } from './shader-cache.js';
import { bits, floats, loggingSampler, randomConstants } from './testing/differential.js';

type AnyRunner = VertexShaderRunner | CompiledVertexShaderRunner;

/** Draw options of one seeded "draw": constants, a logging sampler, a sink, a budget. */
function drawOptions(r: Rng): VertexShaderRunnerOptions & { diagnostics: DiagnosticList; sampler: ReturnType<typeof loggingSampler> } {
  return {
    constants: randomConstants(r),
    sampler: loggingSampler(),
    diagnostics: new DiagnosticList(),
    options: { instructionBudget: 100 + r.int(0, 1999) },
  };
}

/** `runs` vertices on `runner`, each summarised with the diagnostics and texture requests it made. */
function runVertices(runner: AnyRunner, o: ReturnType<typeof drawOptions>, inputs: readonly Float32Array[]): string[] {
  return inputs.map((v) => {
    const status = runner.run(v);
    const line = [status, runner.status, runner.executed, bits(runner.values), Array.from(runner.written).join(''), ...o.diagnostics.items.map((d) => `${d.code} ${d.message}`), ...o.sampler.log].join('\n');
    o.diagnostics.items.length = 0;
    o.sampler.log.length = 0;
    return line;
  });
}

/**
 * Draw 1 on a runner, then `rebind` to draw 2's options and run draw 2's vertices; the same
 * vertices on a fresh runner made with draw 2's options must give the same lines.
 */
function rebindMismatches(program: ShaderProgram, seed: number, compiled: boolean): string[] {
  prepareShader(program);
  const r = new Rng(seed);
  const make = (o: VertexShaderRunnerOptions): AnyRunner =>
    compiled ? new CompiledVertexShaderRunner(program, o, new ShaderCache()) : new VertexShaderRunner(program, o);
  const first = drawOptions(r);
  const second = drawOptions(r);
  const firstInputs = Array.from({ length: 3 }, () => floats(r, 64));
  const secondInputs = Array.from({ length: 3 }, () => floats(r, 64));
  const reused = make(first);
  runVertices(reused, first, firstInputs);
  reused.rebind(second);
  const got = runVertices(reused, second, secondInputs);
  // A fresh runner of draw 2 over the same inputs, with a sink and sampler log of its own.
  const twin = { ...second, diagnostics: new DiagnosticList(), sampler: loggingSampler() };
  const want = runVertices(make(twin), twin, secondInputs);
  return got.flatMap((line, i) => (line === want[i] ? [] : [`seed ${seed} vertex ${i}: ${line.slice(0, 120)} ≠ ${(want[i] ?? '').slice(0, 120)}`]));
}

describe('vertex runners: rebind serves a later draw exactly as a fresh runner would', () => {
  it('worked example: c0 changes between two draws; the second draw sees only the new value', () => {
    const program = asm('vs_2_0\ndcl_position v0\nmov oPos, v0\nmov oT0, c0');
    for (const compiled of [false, true]) {
      const a = { constants: { float: new Float32Array([1, 2, 3, 4]) } };
      const b = { constants: { float: new Float32Array([-5, 0.5, 7, 8]) } };
      const runner: AnyRunner = compiled ? new CompiledVertexShaderRunner(program, a, new ShaderCache()) : new VertexShaderRunner(program, a);
      expect(runner.run(new Float32Array([9, 9, 9, 1]))).toBe('ok');
      const oT0 = runner.signature.findIndex((s) => s.name === 'oT0');
      expect(Array.from(runner.values.subarray(oT0 * 4, oT0 * 4 + 4))).toEqual([1, 2, 3, 4]);
      runner.rebind(b);
      expect(runner.run(new Float32Array([9, 9, 9, 1]))).toBe('ok');
      expect(Array.from(runner.values.subarray(oT0 * 4, oT0 * 4 + 4))).toEqual([-5, 0.5, 7, 8]);
    }
  });

  it('worked example: the second draw reports through its own sink, not the first draw`s', () => {
    const program = asm('vs_3_0\ndcl_position v0\ndcl_position o0\ndefi i0, 255, 0, 0, 0\nmov r0, v0\nrep i0\nrep i0\nadd r0, r0, v0\nendrep\nendrep\nmov o0, r0');
    for (const compiled of [false, true]) {
      const d1 = new DiagnosticList();
      const d2 = new DiagnosticList();
      const opts = (d: DiagnosticList) => ({ constants: { float: new Float32Array(0) }, diagnostics: d, options: { instructionBudget: 50 } });
      const runner: AnyRunner = compiled ? new CompiledVertexShaderRunner(program, opts(d1), new ShaderCache()) : new VertexShaderRunner(program, opts(d1));
      expect(runner.run(new Float32Array(64))).toBe('budget-exceeded');
      const before = d1.items.length;
      expect(before).toBeGreaterThan(0);
      runner.rebind(opts(d2));
      expect(runner.run(new Float32Array(64))).toBe('budget-exceeded');
      expect(d1.items.length).toBe(before);
      expect(d2.items.map((d) => d.message)).toEqual(d1.items.slice(0, d2.items.length).map((d) => d.message));
    }
  });

  it('property: random valid vertex programs, interpreter and compiled runners (seeded)', () => {
    const mismatches: string[] = [];
    let programs = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
        let program: ShaderProgram | undefined;
        for (let k = 0; k < 8 && program === undefined; k++) {
          const p = randomValidProgram(seed * 8 + k);
          if (p.version.type === 'vs') program = p;
        }
        if (program === undefined) return;
        programs++;
        mismatches.push(...rebindMismatches(program, seed, false), ...rebindMismatches(program, seed, true));
      }),
      { seed: 42, numRuns: 150 },
    );
    expect(mismatches).toEqual([]);
    expect(programs).toBeGreaterThan(50);
  });
});
