import { describe, expect, it } from 'vitest';
import * as V from './vector-ops.js';
import type { VectorOp } from './vector-ops.js';
import { FLT_MAX, compareF, madF, mov11Floor, movaRound, mulF } from './scalar.js';

const f = Math.fround;
type V4 = [number, number, number, number];

/** Runs an op on literal vectors (rounded to float32 like registers) and returns the result. */
function run(op: VectorOp, a: V4, b: V4 = [0, 0, 0, 0], c: V4 = [0, 0, 0, 0], legacy = true, init: V4 = [7, 7, 7, 7]): number[] {
  const d = new Float32Array(init);
  op(d, new Float32Array(a), new Float32Array(b), new Float32Array(c), legacy);
  return Array.from(d);
}
const splat = (x: number): number[] => [x, x, x, x];

describe('scalar rules', () => {
  it('legacy zero multiply: 0 × Inf = 0 × NaN = 0, signed zero kept for finite operands', () => {
    expect(mulF(0, Infinity, true)).toBe(0);
    expect(mulF(NaN, 0, true)).toBe(0);
    expect(mulF(0, Infinity, false)).toBeNaN();
    expect(Object.is(mulF(-0, 5, true), -0)).toBe(true);
    expect(mulF(2, NaN, true)).toBeNaN();
  });
  it('mad rounds twice (no fused multiply-add)', () => {
    const a = 1 + 2 ** -12; // (1 + 2^-12)^2 = 1 + 2^-11 + 2^-24: a tie that rounds to even (1 + 2^-11)
    expect(madF(a, a, -1, true)).toBe(2 ** -11);
  });
  it('comparison codes 1–6, reserved codes false, NaN compares false except ne', () => {
    expect([1, 2, 3, 4, 5, 6].map((c) => compareF(c, 1, 2))).toEqual([false, false, false, true, true, true]);
    expect([1, 2, 3, 4, 5, 6].map((c) => compareF(c, 2, 2))).toEqual([false, true, true, false, false, true]);
    expect([1, 2, 3, 4, 5, 6].map((c) => compareF(c, NaN, 2))).toEqual([false, false, false, false, true, false]);
    expect(compareF(0, 1, 1)).toBe(false);
    expect(compareF(7, 1, 1)).toBe(false);
  });
  it('mova rounds to nearest, ties away from zero; vs_1_1 mov a0 floors (Wine test_mova inputs)', () => {
    const inputs = [-2.4, -1.6, -0.4, 0.4, 1.6, 2.4].map(f);
    expect(inputs.map(movaRound)).toEqual([-2, -2, 0, 0, 2, 2]);
    expect(inputs.map(mov11Floor)).toEqual([-3, -2, -1, 0, 1, 2]);
    expect([2.5, -2.5, 0.5, -0.5].map(movaRound)).toEqual([3, -3, 1, -1]);
    expect(movaRound(NaN)).toBe(0);
    expect(movaRound(1e30)).toBe(16777216);
    expect(mov11Floor(-Infinity)).toBe(-16777216);
  });
});

describe('arithmetic', () => {
  it('add / sub / mul / mad round every step to float32', () => {
    expect(run(V.opAdd, [1, f(0.1), -2, 3], [2, f(0.2), 2, 0.5])).toEqual([3, f(0.3), 0, 3.5]);
    // f(0.3) − f(0.1) = 0.2000000104308128 is a tie between two float32s; even wins (not f(0.2)).
    expect(run(V.opSub, [1, f(0.3), 0, 3], [2, f(0.1), 0, -1])).toEqual([-1, 0.20000001788139343, 0, 4]);
    expect(run(V.opMul, [0, 0, 2, -0], [Infinity, NaN, 3, 5])).toEqual([0, 0, 6, -0]);
    expect(run(V.opMul, [0, 1, 2, 3], [Infinity, 1, 3, 5], undefined, false)).toEqual([NaN, 1, 6, 15]);
    expect(run(V.opMad, [2, 0, 1, 1], [3, Infinity, 1, 1], [1, 5, -1, 0.5])).toEqual([7, 5, 0, 1.5]);
    expect(run(V.opMov, [1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
  });
  it('dp3 / dp4 / dp2add', () => {
    expect(run(V.opDp3, [1, 2, 3, 4], [4, 5, 6, 7])).toEqual(splat(32));
    expect(run(V.opDp4, [1, 2, 3, 4], [4, 5, 6, 7])).toEqual(splat(60));
    expect(run(V.opDp4, [0, 1, 0, 0], [Infinity, 2, NaN, 9])).toEqual(splat(2));
    expect(run(V.opDp2add, [1, 2, 100, 100], [3, 4, 100, 100], [0.5, 9, 9, 9])).toEqual(splat(11.5));
  });
  it('rcp: ±0 → FLT_MAX, 1 → 1, the w of an identity swizzle is used', () => {
    expect(run(V.opRcp, [0, 0, 0, 0])).toEqual(splat(FLT_MAX));
    expect(run(V.opRcp, [0, 0, 0, -0])).toEqual(splat(FLT_MAX));
    expect(run(V.opRcp, [9, 9, 9, 1])).toEqual(splat(1));
    expect(run(V.opRcp, [0.25, 0.5, 1, 2])).toEqual(splat(0.5)); // Wine test_scalar_instructions
    expect(run(V.opRcp, [0, 0, 0, 3])).toEqual(splat(f(1 / 3)));
    expect(run(V.opRcp, [0, 0, 0, Infinity])).toEqual(splat(0));
    expect(run(V.opRcp, [0, 0, 0, -Infinity])).toEqual(splat(-0));
    expect(run(V.opRcp, [0, 0, 0, NaN])).toEqual(splat(NaN));
  });
  it('rsq: |x|, 0 → FLT_MAX, 1 → 1, Inf → 0', () => {
    expect(run(V.opRsq, [0, 0, 0, 4])).toEqual(splat(0.5));
    expect(run(V.opRsq, [0, 0, 0, -16])).toEqual(splat(0.25));
    expect(run(V.opRsq, [0, 0, 0, -0])).toEqual(splat(FLT_MAX));
    expect(run(V.opRsq, [0, 0, 0, -1])).toEqual(splat(1));
    expect(run(V.opRsq, [0, 0, 0, Infinity])).toEqual(splat(0));
    expect(run(V.opRsq, [0, 0, 0, 2])).toEqual(splat(f(Math.SQRT1_2)));
  });
  it('log / logp of |x|: 0 → −FLT_MAX; exp = 2^x', () => {
    expect(run(V.opLog, [0, 0, 0, 8])).toEqual(splat(3));
    expect(run(V.opLog, [0, 0, 0, -0.5])).toEqual(splat(-1));
    expect(run(V.opLog, [0, 0, 0, 0])).toEqual(splat(-FLT_MAX));
    expect(run(V.opLog, [0, 0, 0, Infinity])).toEqual(splat(Infinity));
    expect(run(V.opExp, [0, 0, 0, 3])).toEqual(splat(8));
    expect(run(V.opExp, [0, 0, 0, -1])).toEqual(splat(0.5));
    expect(run(V.opExp, [0, 0, 0, 0.5])).toEqual(splat(f(Math.SQRT2)));
    expect(run(V.opExp, [0, 0, 0, -Infinity])).toEqual(splat(0));
  });
  it('vs_1_1 expp = (2^floor(x), x − floor(x), 2^x, 1)', () => {
    expect(run(V.opExpp11, [0, 0, 0, 2.5])).toEqual([4, 0.5, f(4 * Math.SQRT2), 1]);
    expect(run(V.opExpp11, [0, 0, 0, -0.75])).toEqual([0.5, 0.25, f(0.5 * 2 ** 0.25), 1]);
  });
  it('pow = |a|^b with b = 0 → 1 and overflow → FLT_MAX', () => {
    expect(run(V.opPow, [0, 0, 0, 2], [0, 0, 0, 10])).toEqual(splat(1024));
    expect(run(V.opPow, [0, 0, 0, -2], [0, 0, 0, 2])).toEqual(splat(4));
    expect(run(V.opPow, [0, 0, 0, 4], [0, 0, 0, 0.5])).toEqual(splat(2));
    expect(run(V.opPow, [0, 0, 0, 0], [0, 0, 0, 0])).toEqual(splat(1));
    expect(run(V.opPow, [0, 0, 0, NaN], [0, 0, 0, 0])).toEqual(splat(1));
    expect(run(V.opPow, [0, 0, 0, Infinity], [0, 0, 0, -0])).toEqual(splat(1));
    expect(run(V.opPow, [0, 0, 0, 0], [0, 0, 0, -1])).toEqual(splat(FLT_MAX));
    expect(run(V.opPow, [0, 0, 0, 2], [0, 0, 0, 200])).toEqual(splat(FLT_MAX));
    expect(run(V.opPow, [0, 0, 0, 0], [0, 0, 0, 3])).toEqual(splat(0));
  });
  it('min / max follow the literal ternaries, NaN included', () => {
    expect(run(V.opMin, [NaN, 1, -0, 2], [1, NaN, 0, 3])).toEqual([1, NaN, 0, 2]);
    expect(run(V.opMax, [NaN, 1, -0, 2], [1, NaN, 0, 3])).toEqual([1, NaN, -0, 3]);
  });
  it('slt / sge give 0 for NaN', () => {
    expect(run(V.opSlt, [1, 2, NaN, 3], [2, 2, 0, NaN])).toEqual([1, 0, 0, 0]);
    expect(run(V.opSge, [1, 2, NaN, 3], [2, 2, 0, NaN])).toEqual([0, 1, 0, 0]);
  });
  it('frc stays below 1 even for tiny negatives', () => {
    expect(run(V.opFrc, [1.25, -0.25, -(2 ** -30), 3])).toEqual([0.25, 0.75, 0.9999999403953552, 0]);
  });
  it('sgn and abs', () => {
    expect(run(V.opSgn, [-0.5, 0, 0.5, -0])).toEqual([-1, 0, 1, 0]);
    expect(run(V.opSgn, [NaN, -Infinity, Infinity, 1e-45])).toEqual([0, -1, 1, 1]);
    expect(run(V.opAbs, [-0.5, -0, 2, -Infinity])).toEqual([0.5, 0, 2, Infinity]);
  });
  it('lit follows the Microsoft pseudo-code, with the power clamp', () => {
    expect(run(V.opLit, [0.5, 0.5, 9, 2])).toEqual([1, 0.5, 0.25, 1]);
    expect(run(V.opLit, [-1, 0.5, 9, 2])).toEqual([1, 0, 0, 1]);
    expect(run(V.opLit, [0.5, -0.5, 9, 2])).toEqual([1, 0.5, 0, 1]);
    expect(run(V.opLit, [0.5, 0.25, 9, 0])).toEqual([1, 0.5, 1, 1]);
    expect(run(V.opLit, [1, 0.5, 0, 1000])).toEqual(run(V.opLit, [1, 0.5, 0, 127.9961]));
    expect(run(V.opLit, [1, 2, 0, -1000])).toEqual(run(V.opLit, [1, 2, 0, -127.9961]));
  });
  it('dst, lrp, crs', () => {
    expect(run(V.opDst, [9, 2, 3, 9], [9, 4, 9, 5])).toEqual([1, 8, 3, 5]);
    expect(run(V.opLrp, [0.25, 0.5, 0, 1], [1, 3, 5, 2], [0, 1, 7, 4])).toEqual([0.25, 2, 7, 2]);
    expect(run(V.opCrs, [1, 0, 0, 5], [0, 1, 0, 5])).toEqual([0, 0, 1, 7]);
    expect(run(V.opCrs, [1, 2, 3, 0], [4, 5, 6, 0])).toEqual([-3, 6, -3, 7]);
  });
  it('nrm scales all four components; a zero vector stays zero', () => {
    expect(run(V.opNrm, [2, 0, 0, 0.5])).toEqual([1, 0, 0, 0.25]);
    expect(run(V.opNrm, [0, 0, 0, 0])).toEqual([0, 0, 0, 0]);
    expect(run(V.opNrm, [3, 4, 0, 1])).toEqual([f(0.6), f(0.8), 0, f(0.2)]);
  });
  it('sincos writes (cos, sin) and leaves z, w', () => {
    expect(run(V.opSincos, [0, 0, 0, 0])).toEqual([1, 0, 7, 7]);
    const halfPi = f(Math.PI / 2);
    expect(run(V.opSincos, [0, 0, 0, halfPi])).toEqual([f(Math.cos(halfPi)), 1, 7, 7]);
    expect(run(V.opSincos, [0, 0, 0, f(-Math.PI)])).toEqual([-1, f(Math.sin(f(-Math.PI))), 7, 7]);
  });
  it('cmp (−0 counts as ≥ 0, NaN picks src2) and cnd (> 0.5)', () => {
    expect(run(V.opCmp, [-0, NaN, -1, 0], [1, 1, 1, 1], [2, 2, 2, 2])).toEqual([1, 2, 2, 1]);
    expect(run(V.opCnd, [0.5, 0.6, NaN, 1], [1, 1, 1, 1], [2, 2, 2, 2])).toEqual([2, 1, 2, 1]);
  });
});
