import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PIO2_SPLIT,
  TWO_OVER_PI_HEX,
  f32Bits,
  f32Cos,
  f32Exp2,
  f32FromBits,
  f32Log2,
  f32Pow,
  f32Rcp,
  f32Rsq,
  f32Sin,
  f32Sqrt,
} from './f32-math.js';

// The float64 Math.* functions are used here only as the yardstick the stated bounds are measured
// against; the implementation never calls them.

/** Ordered integer position of a float32 on the number line (so ulp distance is a subtraction). */
function ordered(x: number): number {
  const b = f32Bits(x);
  return b < 0 ? -(b & 0x7fffffff) : b;
}

/** Distance in float32 ulps between our result and the float32 rounding of the reference. */
function ulps(got: number, reference: number): number {
  const want = Math.fround(reference);
  if (want !== want) return got !== got ? 0 : Infinity;
  if (got !== got) return Infinity;
  if (want === got) return 0;
  return Math.abs(ordered(got) - ordered(want));
}

function maxUlps(samples: Iterable<number>, got: (x: number) => number, ref: (x: number) => number): number {
  let worst = 0;
  for (const x of samples) {
    const u = ulps(got(x), ref(Math.fround(x)));
    if (u > worst) worst = u;
  }
  return worst;
}

function* range(lo: number, hi: number, n: number): Generator<number> {
  for (let i = 0; i <= n; i++) yield Math.fround(lo + ((hi - lo) * i) / n);
}

/** Every float32 bit pattern with a stride, so all exponents (and denormals) are visited. */
function* strideBits(stride: number, negative: boolean): Generator<number> {
  for (let b = 0; b < 0x7f800000; b += stride) yield f32FromBits(negative ? b | 0x80000000 : b);
}

const PI_SCALE = 700n;
function exactPi(): bigint {
  const one = 1n << PI_SCALE;
  const atanInv = (n: bigint): bigint => {
    let sum = 0n;
    let term = one / n;
    let k = 1n;
    let sign = 1n;
    while (term !== 0n) {
      sum += (sign * term) / k;
      term /= n * n;
      k += 2n;
      sign = -sign;
    }
    return sum;
  };
  return 16n * atanInv(5n) - 4n * atanInv(239n);
}

/** A finite double as an exact BigInt scaled by 2^PI_SCALE. */
function exactScaled(d: number): bigint {
  const u = new BigUint64Array(new Float64Array([d]).buffer)[0] as bigint;
  const e = Number((u >> 52n) & 0x7ffn) - 1075 + Number(PI_SCALE);
  const m = (u & ((1n << 52n) - 1n)) | (1n << 52n);
  return e >= 0 ? m << BigInt(e) : m >> BigInt(-e);
}

describe('reduction constants', () => {
  it('2/π digits equal Machin-formula π', () => {
    const bits = BigInt(TWO_OVER_PI_HEX.length * 4);
    const want = ((2n << PI_SCALE) << bits) / exactPi();
    expect(BigInt('0x' + TWO_OVER_PI_HEX)).toBe(want);
  });
  it('Cody–Waite split sums to π/2 within 2^-150, first two parts short enough to multiply exactly', () => {
    let residual = exactPi() / 2n;
    for (const p of PIO2_SPLIT) residual -= exactScaled(p);
    const abs = residual < 0n ? -residual : residual;
    expect(abs < 1n << (PI_SCALE - 150n)).toBe(true);
    for (const p of PIO2_SPLIT.slice(0, 2)) {
      const u = new BigUint64Array(new Float64Array([p]).buffer)[0] as bigint;
      expect(u & ((1n << 21n) - 1n)).toBe(0n); // ≤ 32 significant bits
    }
  });
});

describe('f32Exp2 (≤ 1 ulp)', () => {
  it('edge cases', () => {
    expect(f32Exp2(0)).toBe(1);
    expect(f32Exp2(-0)).toBe(1);
    expect(f32Exp2(1)).toBe(2);
    expect(f32Exp2(-1)).toBe(0.5);
    expect(f32Exp2(10)).toBe(1024);
    expect(f32Exp2(127)).toBe(1.7014118346046923e38);
    expect(f32Exp2(128)).toBe(Infinity);
    expect(f32Exp2(-126)).toBe(1.1754943508222875e-38);
    expect(f32Exp2(-149)).toBe(1.401298464324817e-45);
    expect(f32Exp2(-151)).toBe(0);
    expect(f32Exp2(-1000)).toBe(0);
    expect(f32Exp2(Infinity)).toBe(Infinity);
    expect(f32Exp2(-Infinity)).toBe(0);
    expect(f32Exp2(NaN)).toBeNaN();
    expect(f32Exp2(0.5)).toBe(Math.fround(Math.SQRT2));
  });
  it('integers are exact over the whole range', () => {
    for (let n = -149; n <= 127; n++) expect(f32Exp2(n)).toBe(2 ** n);
  });
  it('dense samples', () => {
    expect(maxUlps(range(-150, 128, 200_000), f32Exp2, (x) => 2 ** x)).toBeLessThanOrEqual(1);
    expect(maxUlps(range(-1, 1, 100_000), f32Exp2, (x) => 2 ** x)).toBeLessThanOrEqual(1);
    expect(maxUlps(strideBits(4099, false), f32Exp2, (x) => 2 ** x)).toBeLessThanOrEqual(1);
    expect(maxUlps(strideBits(4099, true), f32Exp2, (x) => 2 ** x)).toBeLessThanOrEqual(1);
  });
});

describe('f32Log2 (≤ 1 ulp)', () => {
  it('edge cases', () => {
    expect(f32Log2(1)).toBe(0);
    expect(f32Log2(2)).toBe(1);
    expect(f32Log2(0.25)).toBe(-2);
    expect(f32Log2(0)).toBe(-Infinity);
    expect(f32Log2(-0)).toBe(-Infinity);
    expect(f32Log2(-1)).toBeNaN();
    expect(f32Log2(-Infinity)).toBeNaN();
    expect(f32Log2(Infinity)).toBe(Infinity);
    expect(f32Log2(NaN)).toBeNaN();
    expect(f32Log2(1.401298464324817e-45)).toBe(-149);
    expect(f32Log2(3.4028234663852886e38)).toBe(128);
  });
  it('powers of two are exact, denormals included', () => {
    for (let n = -149; n <= 127; n++) expect(f32Log2(2 ** n)).toBe(n);
  });
  it('dense samples', () => {
    expect(maxUlps(strideBits(1021, false), f32Log2, Math.log2)).toBeLessThanOrEqual(1);
    expect(maxUlps(range(0.5, 2, 200_000), f32Log2, Math.log2)).toBeLessThanOrEqual(1);
    // Right next to 1, where the result is tiny and relative accuracy matters most.
    const near1 = [];
    for (let i = -2000; i <= 2000; i++) near1.push(f32FromBits(0x3f800000 + i));
    expect(maxUlps(near1, f32Log2, Math.log2)).toBeLessThanOrEqual(1);
  });
});

describe('f32Sin / f32Cos (≤ 1 ulp)', () => {
  it('edge cases', () => {
    expect(f32Sin(0)).toBe(0);
    expect(Object.is(f32Sin(-0), -0)).toBe(true);
    expect(f32Cos(0)).toBe(1);
    expect(f32Cos(-0)).toBe(1);
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(f32Sin(bad)).toBeNaN();
      expect(f32Cos(bad)).toBeNaN();
    }
    // float32 π is just below π: sin is the tiny positive gap, as float64 says.
    expect(f32Sin(Math.PI)).toBe(Math.fround(Math.sin(Math.fround(Math.PI))));
    expect(f32Sin(Math.PI)).toBe(-8.742277657347586e-8);
    expect(f32Cos(Math.PI)).toBe(-1);
    const denorm = 1.401298464324817e-45;
    expect(f32Sin(denorm)).toBe(denorm);
    expect(f32Sin(-denorm)).toBe(-denorm);
    expect(f32Cos(denorm)).toBe(1);
  });
  it('dense samples in [-4π, 4π]', () => {
    const s = [...range(-4 * Math.PI, 4 * Math.PI, 200_000)];
    expect(maxUlps(s, f32Sin, Math.sin)).toBeLessThanOrEqual(1);
    expect(maxUlps(s, f32Cos, Math.cos)).toBeLessThanOrEqual(1);
  });
  it('every exponent, including huge arguments (Payne–Hanek path)', () => {
    expect(maxUlps(strideBits(3001, false), f32Sin, Math.sin)).toBeLessThanOrEqual(1);
    expect(maxUlps(strideBits(3001, true), f32Cos, Math.cos)).toBeLessThanOrEqual(1);
    const huge = [3.4028234663852886e38, -3.4028234663852886e38, 524288, 524287.96875, 1e10, 1e20, 1e30];
    expect(maxUlps(huge, f32Sin, Math.sin)).toBeLessThanOrEqual(1);
    expect(maxUlps(huge, f32Cos, Math.cos)).toBeLessThanOrEqual(1);
  });
  it('arguments near multiples of π/2 (cancellation)', () => {
    const near: number[] = [];
    for (let k = 1; k < 4000; k++) {
      const b = f32Bits(k * (Math.PI / 2));
      for (let d = -2; d <= 2; d++) near.push(f32FromBits(b + d));
    }
    expect(maxUlps(near, f32Sin, Math.sin)).toBeLessThanOrEqual(1);
    expect(maxUlps(near, f32Cos, Math.cos)).toBeLessThanOrEqual(1);
  });
});

describe('f32Pow (≤ 1 ulp)', () => {
  it('edge cases', () => {
    expect(f32Pow(2, 10)).toBe(1024);
    expect(f32Pow(4, 0.5)).toBe(2);
    expect(f32Pow(0, 0)).toBe(1);
    expect(f32Pow(NaN, 0)).toBe(1);
    expect(f32Pow(Infinity, 0)).toBe(1);
    expect(f32Pow(1, NaN)).toBe(1);
    expect(f32Pow(0, 2)).toBe(0);
    expect(f32Pow(0, -2)).toBe(Infinity);
    expect(f32Pow(Infinity, 2)).toBe(Infinity);
    expect(f32Pow(Infinity, -2)).toBe(0);
    expect(f32Pow(2, Infinity)).toBe(Infinity);
    expect(f32Pow(0.5, Infinity)).toBe(0);
    expect(f32Pow(2, -Infinity)).toBe(0);
    expect(f32Pow(-2, 2)).toBeNaN();
    expect(f32Pow(NaN, 1)).toBeNaN();
    expect(f32Pow(2, NaN)).toBeNaN();
    expect(f32Pow(2, 128)).toBe(Infinity);
    expect(f32Pow(2, -149)).toBe(1.401298464324817e-45);
    expect(f32Pow(2, -160)).toBe(0);
  });
  it('random samples against float64 pow (seeded)', () => {
    fc.assert(
      fc.property(
        fc.float({ min: 0, max: 1e6, noNaN: true }),
        fc.float({ min: -40, max: 40, noNaN: true }),
        (x, y) => ulps(f32Pow(x, y), Math.fround(x) ** Math.fround(y)) <= 1,
      ),
      { seed: 42, numRuns: 20_000 },
    );
  });
  it('dense grid', () => {
    let worst = 0;
    for (const x of range(0.001, 100, 400)) {
      for (const y of range(-20, 20, 400)) worst = Math.max(worst, ulps(f32Pow(x, y), x ** y));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });
});

describe('f32Sqrt (correctly rounded), f32Rsq (≤ 1 ulp), f32Rcp', () => {
  it('edge cases', () => {
    expect(f32Sqrt(4)).toBe(2);
    expect(f32Sqrt(2)).toBe(Math.fround(Math.SQRT2));
    expect(Object.is(f32Sqrt(-0), -0)).toBe(true);
    expect(f32Sqrt(-1)).toBeNaN();
    expect(f32Sqrt(Infinity)).toBe(Infinity);
    expect(f32Sqrt(1.401298464324817e-45)).toBe(Math.fround(Math.sqrt(1.401298464324817e-45)));
    expect(f32Rsq(4)).toBe(0.5);
    expect(f32Rsq(0)).toBe(Infinity);
    expect(f32Rsq(-0)).toBe(-Infinity);
    expect(f32Rsq(Infinity)).toBe(0);
    expect(f32Rsq(-4)).toBeNaN();
    expect(f32Rsq(1.401298464324817e-45)).toBe(Math.fround(1 / Math.sqrt(1.401298464324817e-45)));
    expect(f32Rcp(0)).toBe(Infinity);
    expect(f32Rcp(-0)).toBe(-Infinity);
    expect(f32Rcp(3)).toBe(Math.fround(1 / 3));
  });
  it('dense samples over every exponent', () => {
    expect(maxUlps(strideBits(1009, false), f32Sqrt, Math.sqrt)).toBe(0);
    expect(maxUlps(range(1, 4, 100_000), f32Sqrt, Math.sqrt)).toBe(0);
    expect(maxUlps(strideBits(1009, false), f32Rsq, (x) => 1 / Math.sqrt(x))).toBeLessThanOrEqual(1);
  });
});
