import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../common/diagnostics.js';
import type { ShaderProgram } from '../ir/ir.js';
import { randomValidProgram, Rng } from '../testing/random-program.js';
import { PixelQuadRunner, runPixelQuad, type PixelQuadResult, type PixelQuadRun } from './run-pixel.js';
import type { TextureSampler } from './texture-sampler.js';
import { asm } from './testing/asm.js';

/** Everything a quad result says, with floats as bit patterns (so −0 and NaN payloads count). */
function summary(r: PixelQuadResult | PixelQuadRun): unknown {
  const depth = 'depthWritten' in r ? (r.depthWritten ? r.depth : undefined) : r.depth;
  return {
    status: r.status,
    executed: r.executed,
    colors: Array.from(new Uint32Array(Float32Array.from(r.colors).buffer)),
    colorsWritten: r.colorsWritten,
    depth: depth === undefined ? null : Array.from(new Uint32Array(Float32Array.from(depth).buffer)),
    killed: r.killed,
    live: r.live,
  };
}

/** A sampler whose answer depends on every coordinate bit (deterministic). */
const sampler: TextureSampler = {
  sample(req, out) {
    for (let i = 0; i < req.lanes * 4; i++) out[i] = Math.fround((req.coords[i] as number) * 0.75 - (req.lod[i >> 2] ?? 0));
  },
};

function randomFloats(rng: Rng, n: number): Float32Array {
  const special = [0, -0, 1, -1, 0.5, NaN, Infinity, -Infinity, 2.5, -3];
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.int(0, 3) === 0 ? (special[rng.int(0, special.length - 1)] as number) : Math.fround((rng.int(0, 2000) - 1000) / 250);
  return out;
}

describe('PixelQuadRunner gives what runPixelQuad gives, quad after quad', () => {
  it('worked example: mov oC0, v0 on ps_2_0 passes the (saturated) colour through; live = active', () => {
    const program = asm('ps_2_0\ndcl v0\nmov oC0, v0');
    const constants = { float: new Float32Array(1024) };
    const runner = new PixelQuadRunner(program, { constants });
    const v = new Float32Array(256);
    v.set([0.25, 2, -1, 0.5], 0); // pixel 0, v0
    const r = runner.run(v, undefined, new Float32Array(8), 1, 0b0101);
    expect(r.status).toBe('ok');
    expect(Array.from(r.colors.subarray(0, 8))).toEqual([0.25, 1, 0, 0.5, 0, 0, 0, 0]);
    expect([r.colorsWritten, r.killed, r.live, r.depthWritten]).toEqual([1, 0, 0b0101, false]);
    expect(summary(r)).toEqual(summary(runPixelQuad(program, { v, vPos: new Float32Array(8), vFace: 1, constants, activeMask: 0b0101 })));
  });

  it('a vertex shader is refused per quad with the same diagnostic as runPixelQuad', () => {
    const vs = asm('vs_2_0\ndcl_position v0\nmov oPos, v0');
    const a = new DiagnosticList();
    const b = new DiagnosticList();
    const constants = { float: new Float32Array(1024) };
    const r = new PixelQuadRunner(vs, { constants, diagnostics: a }).run(undefined, undefined, undefined, undefined);
    const ref = runPixelQuad(vs, { constants, diagnostics: b });
    expect(summary(r)).toEqual(summary(ref));
    expect(a.items.map((d) => d.code)).toEqual(b.items.map((d) => d.code));
    expect(a.items.length).toBe(1);
  });

  it('differential: random valid pixel programs, constants and quads (seeded)', () => {
    const mismatches: string[] = [];
    let programs = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
        let program: ShaderProgram | undefined;
        for (let k = 0; k < 8 && program === undefined; k++) {
          const p = randomValidProgram(seed * 8 + k);
          if (p.version.type === 'ps') program = p;
        }
        if (program === undefined) return;
        programs++;
        const rng = new Rng(seed ^ 0x5a5a5a5a);
        const constants = {
          float: randomFloats(rng, 1024),
          int: Int32Array.from({ length: 64 }, () => rng.int(0, 8) - 2),
          bool: Array.from({ length: 16 }, () => rng.int(0, 1)),
        };
        const options = { instructionBudget: 200 + rng.int(0, 1999) };
        const runner = new PixelQuadRunner(program, { constants, sampler, options });
        for (let q = 0; q < 3; q++) {
          const v = randomFloats(rng, 256);
          const t = randomFloats(rng, 128);
          const vPos = randomFloats(rng, 8);
          const vFace = rng.int(0, 1) === 0 ? 1 : -1;
          const activeMask = rng.int(0, 15);
          const fast = summary(runner.run(v, t, vPos, vFace, activeMask));
          const ref = summary(runPixelQuad(program, { v, t, vPos, vFace, constants, sampler, options, activeMask }));
          if (JSON.stringify(fast) !== JSON.stringify(ref)) mismatches.push(`seed ${seed} quad ${q}`);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
    expect(mismatches).toEqual([]);
    expect(programs).toBeGreaterThan(100);
  });

  it('a short v array reads as zeros past its end: the same bits as the zero-padded full array', () => {
    const mismatches: number[] = [];
    for (let seed = 1; seed <= 60; seed++) {
      const program = randomValidProgram(seed);
      if (program.version.type !== 'ps') continue;
      const rng = new Rng(seed);
      const constants = { float: randomFloats(rng, 1024) };
      const short = randomFloats(rng, 1 + rng.int(0, 254));
      const padded = new Float32Array(256);
      padded.set(short);
      const options = { instructionBudget: 2000 };
      const a = summary(runPixelQuad(program, { v: short, constants, sampler, options }));
      const b = summary(runPixelQuad(program, { v: padded, constants, sampler, options }));
      if (JSON.stringify(a) !== JSON.stringify(b)) mismatches.push(seed);
    }
    expect(mismatches).toEqual([]);
  });
});
