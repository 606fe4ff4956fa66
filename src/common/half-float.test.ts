import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { floatToHalf, halfToFloat } from './half-float.js';

describe('halfToFloat', () => {
  test('named values', () => {
    expect(halfToFloat(0x3c00)).toBe(1);
    expect(halfToFloat(0xc000)).toBe(-2);
    expect(halfToFloat(0x3555)).toBe(1365 * 2 ** -12); // (1024 + 341) · 2^(13 − 25)
    expect(halfToFloat(0x7bff)).toBe(65504);
    expect(halfToFloat(0x0400)).toBe(2 ** -14);
    expect(halfToFloat(0x0001)).toBe(2 ** -24);
    expect(halfToFloat(0x03ff)).toBe(1023 * 2 ** -24);
    expect(halfToFloat(0x7c00)).toBe(Infinity);
    expect(halfToFloat(0xfc00)).toBe(-Infinity);
    expect(halfToFloat(0x7e00)).toBeNaN();
    expect(halfToFloat(0xfd01)).toBeNaN();
    expect(Object.is(halfToFloat(0x8000), -0)).toBe(true);
    expect(halfToFloat(0x13c00)).toBe(1); // only the low 16 bits count
  });
  test('every half is a float32 value', () => {
    for (let h = 0; h < 0x10000; h++) {
      const v = halfToFloat(h);
      if (!Number.isNaN(v)) expect(Math.fround(v)).toBe(v);
    }
  });
});

describe('floatToHalf', () => {
  test('named values and ties to even', () => {
    expect(floatToHalf(1)).toBe(0x3c00);
    expect(floatToHalf(-2)).toBe(0xc000);
    expect(floatToHalf(65504)).toBe(0x7bff);
    expect(floatToHalf(65519)).toBe(0x7bff); // below the 65520 midpoint
    expect(floatToHalf(65520)).toBe(0x7c00); // tie between 65504 (odd) and 65536 → even → Inf
    expect(floatToHalf(1e9)).toBe(0x7c00);
    expect(floatToHalf(-1e9)).toBe(0xfc00);
    expect(floatToHalf(1 + 2 ** -11)).toBe(0x3c00); // tie, 0x3C00 even
    expect(floatToHalf(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie, 0x3C01 odd → up
    expect(floatToHalf(1 + 2 ** -11 + 2 ** -20)).toBe(0x3c01); // above the tie
    expect(floatToHalf(2 ** -14)).toBe(0x0400);
    expect(floatToHalf(2 ** -24)).toBe(0x0001);
    expect(floatToHalf(2 ** -25)).toBe(0x0000); // tie between 0 and 1 unit → 0
    expect(floatToHalf(1.5 * 2 ** -25)).toBe(0x0001);
    expect(floatToHalf(3 * 2 ** -25)).toBe(0x0002); // 1.5 units: tie → even 2
    expect(floatToHalf(2 ** -14 - 2 ** -25)).toBe(0x0400); // 1023.5 units → even 1024 = min normal
    expect(floatToHalf(1e-10)).toBe(0x0000);
    expect(floatToHalf(-1e-10)).toBe(0x8000);
    expect(floatToHalf(-0)).toBe(0x8000);
    expect(floatToHalf(2 ** -149)).toBe(0); // float32 subnormal
    expect(floatToHalf(Infinity)).toBe(0x7c00);
    expect(floatToHalf(NaN)).toBe(0x7e00);
  });
  test('rounds through float32 first', () => {
    // 1 + 2^-11 + 2^-30 rounds to 1 + 2^-11 in float32: a tie in half, → 0x3C00.
    expect(floatToHalf(1 + 2 ** -11 + 2 ** -30)).toBe(0x3c00);
  });
  test('every non-NaN half round-trips', () => {
    for (let h = 0; h < 0x10000; h++) {
      const v = halfToFloat(h);
      if (Number.isNaN(v)) expect(floatToHalf(v)).toBe(0x7e00);
      else expect(floatToHalf(v)).toBe(h);
    }
  });
  test('property: the result is a nearest half, ties to even', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, min: -70000, max: 70000 }), (x) => {
        const h = floatToHalf(x);
        const v = halfToFloat(h);
        if ((h & 0x7fff) === 0x7c00) {
          // Overflow to Inf happens from the 65520 midpoint (a tie whose even side is 2^16).
          expect(Math.abs(x)).toBeGreaterThanOrEqual(65520);
          return;
        }
        const err = Math.abs(v - x);
        // Neighbours by magnitude (same sign), excluding Inf/NaN patterns.
        for (const n of [h - 1, h + 1]) {
          if ((n & 0x7fff) >= 0x7c00 || (n & 0x8000) !== (h & 0x8000) || n < 0) continue;
          const d = Math.abs(halfToFloat(n) - x);
          expect(err <= d).toBe(true);
          if (err === d) expect(h & 1).toBe(0);
        }
        if (Math.abs(x) < 65520 && x !== 0) expect(Math.sign(v) === Math.sign(x) || v === 0).toBe(true);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
