import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeShader } from '../decode/decoder.js';
import type { ShaderProgram } from '../ir/ir.js';
import { asm } from '../interp/testing/asm.js';
import { compileShader } from './compile-shader.js';
import { ASM_CORPUS } from './testing/asm-corpus.js';
import type { DiffOptions } from './testing/differential.js';
import { diffRun } from './testing/differential.js';

const CORPUS = new URL('../../../corpus/vmware-svga-sdk/shaders/', import.meta.url);

/** Runs `runs` seeded inputs and returns the real differences (NaN-order ones only counted). */
function differences(program: ShaderProgram, runs: number, seed0: number, opts: DiffOptions = {}): string[] {
  const out: string[] = [];
  for (let s = 0; s < runs; s++) {
    const r = diffRun(program, seed0 + s, opts);
    if (r.kind === 'different') out.push(r.report);
  }
  return out;
}

/** Bit-exact (NaN payloads included) over every run. */
function strictDifferences(program: ShaderProgram, runs: number, seed0: number, opts: DiffOptions = {}): string[] {
  const out: string[] = [];
  for (let s = 0; s < runs; s++) {
    const r = diffRun(program, seed0 + s, opts);
    if (r.kind !== 'same') out.push(r.report);
  }
  return out;
}

describe('corpus shaders: compiled = interpreter, bit for bit', () => {
  const names = readdirSync(CORPUS).filter((n) => n.endsWith('.bin')).sort();
  it('finds the eight corpus shaders', () => expect(names.length).toBe(8));
  for (const name of names) {
    it(name, () => {
      const d = decodeShader(readFileSync(new URL(name, CORPUS)));
      if (!d.ok) throw new Error(name);
      expect(compileShader(d.program).ok).toBe(true);
      expect(strictDifferences(d.program, 40, 1000)).toEqual([]);
    });
  }
});

describe('assembled programs over every opcode, modifier and flow construct', () => {
  for (const c of ASM_CORPUS) {
    it(c.name, () => {
      const p = asm(c.text, c.validate ?? true);
      const compiled = compileShader(p);
      expect(compiled.ok ? 'compiled' : compiled.reason).toBe('compiled');
      expect(strictDifferences(p, 30, 77)).toEqual([]);
      // Small budgets stop the shader at every kind of instruction: same point, same status.
      for (const budget of [1, 3, 7, 20, 150]) expect(differences(p, 2, 500 + budget, { options: { instructionBudget: budget } })).toEqual([]);
      expect(differences(p, 3, 900, { options: { legacyZeroMul: false } })).toEqual([]);
    });
  }
});
