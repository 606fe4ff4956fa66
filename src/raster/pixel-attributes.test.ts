import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fragmentRun, type FragmentRun } from './fragment-run.js';
import { writePixelAttributes, writeVaryingsReference } from './pixel-attributes.js';
import type { VaryingInterpolation } from './raster-interfaces.js';
import { makeTarget, testContext, vtx } from './raster-test-support.js';

function runWith(interpolation: VaryingInterpolation[]): FragmentRun {
  const run = fragmentRun(testContext({ targets: { colors: [makeTarget(2, 4, 4)] }, layout: { count: interpolation.length, interpolation } }));
  if (typeof run === 'string') throw new Error(run);
  return run;
}

const bits = (a: Float32Array): number[] => Array.from(new Uint32Array(Float32Array.from(a).buffer));

describe('writePixelAttributes: the fast varying loop equals the reference loop', () => {
  test('worked example: perspective, linear and flat varyings at the centroid of 1/w = 1, 1, 0.5', () => {
    const run = runWith(['perspective', 'linear', 'flat']);
    const a = vtx(0, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0, 7, 7, 7, 7], 1);
    const b = vtx(4, 0, 0, [3, 3, 3, 3, 3, 3, 3, 3, 8, 8, 8, 8], 1);
    const c = vtx(0, 4, 0, [6, 6, 6, 6, 6, 6, 6, 6, 9, 9, 9, 9], 0.5);
    writePixelAttributes(run, 1, 1 / 3, 1 / 3, 1 / 3, a, b, c, a, 0);
    // Perspective weights (1, 1, 0.5)/2.5 → 3·0.4 + 6·0.2 = 2.4; linear 3/3 + 6/3 = 3; flat = a's 7.
    const px = Array.from(run.quad.varyings.subarray(12, 24));
    expect(px).toEqual([...Array(4).fill(Math.fround(2.4)), ...Array(4).fill(3), ...Array(4).fill(7)]);
  });

  test('differential: random modes, weights, 1/w and values (fixed seed)', () => {
    const mode = fc.constantFrom<VaryingInterpolation>('perspective', 'linear', 'flat');
    const value = fc.oneof(fc.float(), fc.constantFrom(0, -0, 1, Number.NaN, Infinity));
    const invW = fc.oneof(fc.double({ min: 1e-6, max: 10, noNaN: true }), fc.constantFrom(0, 1, Infinity));
    const weight = fc.oneof(fc.double({ min: -2, max: 2, noNaN: true }), fc.constantFrom(0, 1));
    fc.assert(
      fc.property(
        fc.array(mode, { minLength: 1, maxLength: 6 }),
        fc.array(value, { minLength: 4 * 6 * 4, maxLength: 4 * 6 * 4 }),
        fc.tuple(invW, invW, invW),
        fc.tuple(weight, weight, weight),
        fc.integer({ min: 0, max: 3 }),
        (modes, values, w, b, p) => {
          const n = modes.length * 4;
          const vs = [0, 1, 2, 3].map((i) => vtx(i, 0, 0, values.slice(i * 24, i * 24 + n), w[i % 3]));
          const [a, bb, c, prov] = vs as [ReturnType<typeof vtx>, ReturnType<typeof vtx>, ReturnType<typeof vtx>, ReturnType<typeof vtx>];
          const fast = runWith(modes);
          const ref = runWith(modes);
          writePixelAttributes(fast, p, b[0], b[1], b[2], a, bb, c, prov, 0);
          writeVaryingsReference(ref, p, b[0], b[1], b[2], a, bb, c, prov);
          expect(bits(fast.quad.varyings)).toEqual(bits(ref.quad.varyings));
        },
      ),
      { seed: 42, numRuns: 3000 },
    );
  });

  test('short varying arrays read as 0 (the reference loop runs)', () => {
    const run = runWith(['perspective', 'perspective']);
    const a = vtx(0, 0, 0, [1, 1, 1, 1], 1);
    writePixelAttributes(run, 0, 1, 0, 0, a, a, a, a, 0);
    expect(Array.from(run.quad.varyings.subarray(0, 8))).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
  });
});
