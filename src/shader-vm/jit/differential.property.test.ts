import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomEncodableProgram, randomValidProgram } from '../testing/random-program.js';
import { ShaderCache } from './shader-cache.js';
import { diffRun } from './testing/differential.js';

const BUDGETS = [undefined, 40, 3000] as const;

/**
 * Random programs, random inputs and constants: the compiled path must match the interpreter in
 * status, executed count, kill masks, written flags, diagnostics, texture requests and every
 * output bit. NaN sign/payload differences that come only from the engine ordering the operands of
 * a commutative operation when two different NaNs meet are counted, not failed (see `DiffResult`),
 * and must stay rare.
 */
function check(generate: (seed: number) => ReturnType<typeof randomValidProgram>, numRuns: number, seed: number): { runs: number; nanOrder: number; failures: string[] } {
  const cache = new ShaderCache(64);
  const failures: string[] = [];
  let runs = 0;
  let nanOrder = 0;
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 0x7fffffff }), fc.integer({ min: 0, max: 2 }), (programSeed, b) => {
      const program = generate(programSeed);
      const budget = BUDGETS[b];
      const opts = budget === undefined ? { cache } : { cache, options: { instructionBudget: budget } };
      for (let s = 0; s < 2; s++) {
        const r = diffRun(program, programSeed * 3 + s, opts);
        runs++;
        if (r.kind === 'nan-order') nanOrder++;
        else if (r.kind === 'different' && failures.length < 3) failures.push(`program ${programSeed}: ${r.report}`);
      }
      return true;
    }),
    { seed, numRuns },
  );
  return { runs, nanOrder, failures };
}

describe('random programs: compiled = interpreter', () => {
  it('valid programs of every shader model (fixed seed)', () => {
    const r = check(randomValidProgram, 300, 42);
    expect(r.failures).toEqual([]);
    expect(r.nanOrder).toBeLessThan(r.runs / 20);
  });
  it('merely encodable programs: hostile structure, files and modifiers (fixed seed)', () => {
    const r = check(randomEncodableProgram, 300, 7);
    expect(r.failures).toEqual([]);
    expect(r.nanOrder).toBeLessThan(r.runs / 20);
  });
});
