import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ShaderProgram } from '../ir/ir.js';
import { randomValidProgram, Rng } from '../testing/random-program.js';
import { runVertexShader, VertexShaderRunner } from './run-vertex.js';
import type { TextureSampler } from './texture-sampler.js';
import { asm } from './testing/asm.js';

const bits = (f: ArrayLike<number>): number[] => Array.from(new Uint32Array(Float32Array.from(f).buffer));

const sampler: TextureSampler = {
  sample(req, out) {
    for (let i = 0; i < req.lanes * 4; i++) out[i] = Math.fround((req.coords[i] as number) * 0.5 + 0.125);
  },
};

function randomFloats(rng: Rng, n: number): Float32Array {
  const special = [0, -0, 1, -1, 0.5, NaN, Infinity, -Infinity, 3];
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.int(0, 3) === 0 ? (special[rng.int(0, special.length - 1)] as number) : Math.fround((rng.int(0, 2000) - 1000) / 250);
  return out;
}

describe('VertexShaderRunner gives what runVertexShader gives, vertex after vertex', () => {
  it('worked example: vs_2_0 mov oPos, v0 / mov oD0, c0 (saturated), oD1 left at its default', () => {
    const program = asm('vs_2_0\ndcl_position v0\nmov oPos, v0\nmov oD0, c0');
    const float = new Float32Array(1024);
    float.set([2, 0.5, -1, 1]);
    const runner = new VertexShaderRunner(program, { constants: { float } });
    const inputs = new Float32Array(64);
    inputs.set([1, 2, 3, 4]);
    expect(runner.run(inputs)).toBe('ok');
    const names = runner.signature.map((s) => s.name);
    const at = (name: string): number[] => Array.from(runner.values.subarray(names.indexOf(name) * 4, names.indexOf(name) * 4 + 4));
    expect(at('oPos')).toEqual([1, 2, 3, 4]);
    expect(at('oD0')).toEqual([1, 0.5, 0, 1]);
    expect(at('oD1')).toEqual([0, 0, 0, 1]);
    expect(runner.written[names.indexOf('oD1')]).toBe(0);
  });

  it('differential: random valid vertex programs, constants and inputs (seeded)', () => {
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
        const rng = new Rng(seed ^ 0x3c3c3c3c);
        const constants = {
          float: randomFloats(rng, 1024),
          int: Int32Array.from({ length: 64 }, () => rng.int(0, 8) - 2),
          bool: Array.from({ length: 16 }, () => rng.int(0, 1)),
        };
        const options = { instructionBudget: 200 + rng.int(0, 1999) };
        const runner = new VertexShaderRunner(program, { constants, sampler, options });
        for (let q = 0; q < 3; q++) {
          const inputs = randomFloats(rng, 64);
          const status = runner.run(inputs);
          const ref = runVertexShader(program, { inputs, constants, sampler, options });
          const same =
            status === ref.status &&
            runner.executed === ref.executed &&
            ref.outputs.every((o, i) => JSON.stringify(bits(o.value)) === JSON.stringify(bits(runner.values.subarray(i * 4, i * 4 + 4))) && (runner.written[i] === 1) === o.written) &&
            ref.outputs.length === runner.signature.length;
          if (!same) mismatches.push(`seed ${seed} vertex ${q}`);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
    expect(mismatches).toEqual([]);
    expect(programs).toBeGreaterThan(100);
  });
});
