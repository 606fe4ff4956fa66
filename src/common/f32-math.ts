/**
 * Float32 transcendentals that give the same bits on every JavaScript engine.
 *
 * `Math.sin`, `Math.exp`, `Math.log`, `Math.pow` (and, strictly, `Math.sqrt`) are
 * implementation-approximated by ECMAScript and have changed between Node releases, so a golden
 * image that depends on them is not reproducible. Everything here uses only IEEE-754 binary64
 * `+ - * /` (exact, portable), `Math.fround`, `Math.floor`, `Math.abs`, integer BigInt arithmetic
 * (for the rare huge-argument sin/cos reduction) and float32 bit access through one shared
 * `Float32Array`/`Int32Array` pair.
 *
 * Method: every function reduces its float32 argument exactly (or to well below float32
 * precision), evaluates a Taylor/atanh series in binary64 whose truncation error is below 2^-52
 * relative, and rounds once with `Math.fround`. The result is therefore the correctly rounded
 * float32 of a binary64 value within a few binary64 ulps of the true result.
 *
 * Stated maximum errors (verified by `f32-math.test.ts` against float64 `Math.*` over dense
 * samples and edge cases), in float32 ulps of the float32-rounded true result:
 *
 * | function | error bound |
 * |---|---|
 * | `f32Exp2` | ≤ 1 ulp (denormal results: ≤ 1 ulp of 2^-149) |
 * | `f32Log2` | ≤ 1 ulp |
 * | `f32Sin`, `f32Cos` | ≤ 1 ulp for every finite float32 argument (exact Payne–Hanek reduction beyond 2^19) |
 * | `f32Pow` | ≤ 1 ulp |
 * | `f32Sqrt` | correctly rounded (0 ulp) |
 * | `f32Rsq` | ≤ 1 ulp |
 * | `f32Rcp` | correctly rounded (plain IEEE division) |
 *
 * Special values follow IEEE-754 / C99 Annex F (NaN in gives NaN out, sin(±Inf) = NaN,
 * log2(0) = -Inf, log2(x < 0) = NaN, exp2(-Inf) = 0 ...). Denormal inputs and outputs are kept
 * (no flush to zero); D3D9 clamps such as rcp(0) = FLT_MAX belong to the shader ops, not here.
 */

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

/** Raw IEEE-754 bits of `x` rounded to float32. */
export function f32Bits(x: number): number {
  f32[0] = x;
  return i32[0] as number;
}

/** The float32 whose raw bits are `bits` (a signed or unsigned 32-bit pattern). */
export function f32FromBits(bits: number): number {
  i32[0] = bits | 0;
  return f32[0] as number;
}

/** 2^n as a float64, exact for integer n in [-1074, 1023]; built by doubling so no `Math.pow`. */
function pow2(n: number): number {
  // Split into float32-exponent steps (each exact), so this stays cheap for the common range.
  let r = 1;
  while (n > 126) {
    r *= 8.507059173023462e37; // 2^126
    n -= 126;
  }
  while (n < -126) {
    r *= 1.1754943508222875e-38; // 2^-126
    n += 126;
  }
  return r * f32FromBits((n + 127) << 23);
}

const LN2 = 0.6931471805599453;
const INV_LN2 = 1.4426950408889634;
const PIO2 = 1.5707963267948966;

/**
 * 2^f for |f| ≤ 0.5 in binary64: Taylor series of e^(f·ln2), 13 terms; the truncation error
 * (0.35^14 / 14!) is below 2^-80.
 */
function exp2Reduced(f: number): number {
  const t = f * LN2;
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= 13; k++) {
    term = (term * t) / k;
    sum += term;
  }
  return sum;
}

/** 2^x in binary64 for any double x (used by exp2 and pow before their single rounding). */
function exp2Double(x: number): number {
  if (x !== x) return NaN;
  if (x >= 1024) return Infinity;
  if (x < -1100) return 0;
  const n = Math.floor(x + 0.5);
  return exp2Reduced(x - n) * pow2(n);
}

/** Binary logarithm in binary64 of a positive finite float32 value (reduction is exact). */
function log2Double(x: number): number {
  let bits = f32Bits(x);
  let e = 0;
  if ((bits & 0x7f800000) === 0) {
    // Denormal: scale by 2^24 (exact) so the exponent field holds the value.
    bits = f32Bits(x * 16777216);
    e = -24;
  }
  e += ((bits >>> 23) & 0xff) - 127;
  let m = f32FromBits((bits & 0x007fffff) | 0x3f800000); // [1, 2)
  if (m > 1.4142135623730951) {
    m *= 0.5;
    e += 1;
  }
  // ln m = 2·atanh(s), s = (m-1)/(m+1), |s| ≤ 0.1716; 13 odd terms leave < 2^-70.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let power = s;
  let sum = 0;
  for (let k = 1; k <= 27; k += 2) {
    sum += power / k;
    power *= s2;
  }
  return e + 2 * sum * INV_LN2;
}

/** 2^x rounded to float32. */
export function f32Exp2(x: number): number {
  x = Math.fround(x);
  if (x !== x) return NaN;
  if (x >= 128) return Infinity;
  if (x < -151) return 0;
  return Math.fround(exp2Double(x));
}

/** log2(x) rounded to float32: -Inf at ±0, NaN below 0, +Inf at +Inf. */
export function f32Log2(x: number): number {
  x = Math.fround(x);
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  return Math.fround(log2Double(x));
}

/**
 * x^y rounded to float32, for x ≥ 0 (the shader POW passes |x|): exp2(y·log2 x) evaluated in
 * binary64 and rounded once. x < 0 gives NaN. Special cases: y = ±0 → 1 (even for NaN x),
 * x = 1 → 1, NaN otherwise propagates, 0^y is 0 for y > 0 and +Inf for y < 0, Inf^y is +Inf for
 * y > 0 and 0 for y < 0.
 */
export function f32Pow(x: number, y: number): number {
  x = Math.fround(x);
  y = Math.fround(y);
  if (y === 0) return 1;
  if (x === 1) return 1;
  if (x !== x || y !== y || x < 0) return NaN;
  if (x === 0) return y > 0 ? 0 : Infinity;
  if (x === Infinity) return y > 0 ? Infinity : 0;
  if (y === Infinity) return x > 1 ? Infinity : 0;
  if (y === -Infinity) return x > 1 ? 0 : Infinity;
  const t = y * log2Double(x);
  if (t >= 128) return Infinity;
  if (t < -151) return 0;
  return Math.fround(exp2Double(t));
}

/** Correctly rounded float32 square root; NaN below 0 (but sqrt(-0) = -0). */
export function f32Sqrt(x: number): number {
  x = Math.fround(x);
  if (x !== x || x < 0) return NaN;
  if (x === 0 || x === Infinity) return x;
  // Binary64 estimate from the reciprocal root, then fix the float32 rounding exactly: for float32
  // c, the midpoints between neighbours have 25 bits, so their squares are exact in binary64.
  let c = Math.fround(x * rsqDouble(x));
  for (let i = 0; i < 2; i++) {
    const cBits = f32Bits(c);
    const up = f32FromBits(cBits + 1);
    const down = f32FromBits(cBits - 1);
    const midUp = (c + up) / 2;
    const midDown = (c + down) / 2;
    if (x > midUp * midUp || (x === midUp * midUp && (cBits & 1) === 1)) c = up;
    else if (x < midDown * midDown || (x === midDown * midDown && (cBits & 1) === 1)) c = down;
    else break;
  }
  return c;
}

/** 1/√x in binary64 for positive finite x: bit-trick seed, then Newton steps to full precision. */
function rsqDouble(x: number): number {
  let scale = 1;
  let v = x;
  // Keep the seed in the normal float32 range (denormals have no usable exponent field).
  if (v < 1e-30) {
    v *= 1.8446744073709552e19; // 2^64
    scale = 4294967296; // 2^32
  }
  let y = f32FromBits(0x5f3759df - (f32Bits(v) >> 1));
  const half = 0.5 * v;
  for (let i = 0; i < 5; i++) y = y * (1.5 - half * y * y);
  return y * scale;
}

/** 1/√x rounded to float32 (≤ 1 ulp). ±0 → ±Inf, +Inf → 0, x < 0 → NaN. */
export function f32Rsq(x: number): number {
  x = Math.fround(x);
  if (x !== x || x < 0) return NaN;
  if (x === 0) return 1 / x;
  if (x === Infinity) return 0;
  return Math.fround(rsqDouble(x));
}

/** 1/x rounded to float32 (IEEE division is exact and portable). */
export function f32Rcp(x: number): number {
  return Math.fround(1 / Math.fround(x));
}

/**
 * 2/π as a 384-bit binary fraction, 24 bits per hex group (the well-known digits; the test
 * recomputes them from Machin's formula with BigInt).
 */
export const TWO_OVER_PI_HEX =
  'A2F9836E4E441529FC2757D1F534DDC0DB6295993C439041FE5163ABDEBBC561B7246E3A424DD2E006492EEA09D1921C';
const TWO_OVER_PI = BigInt('0x' + TWO_OVER_PI_HEX);
const TWO_OVER_PI_BITS = TWO_OVER_PI_HEX.length * 4;

// π/2 split for Cody–Waite reduction: P1 and P2 have at most 32 significant bits so k·P1 and k·P2 are
// exact for k < 2^19; P3 and P4 carry the next bits. (Checked against Machin's π in the test.)
const PIO2_P1 = 1.5707963267341256;
const PIO2_P2 = 6.077100506303966e-11;
const PIO2_P3 = 2.0222662487111665e-21;
const PIO2_P4 = 8.4784276603689e-32;
/** The Cody–Waite split of π/2, exported so the test can check it against an exact π. */
export const PIO2_SPLIT: readonly number[] = [PIO2_P1, PIO2_P2, PIO2_P3, PIO2_P4];

/** Reduced argument: |x| = q·π/2 + r with |r| ≤ π/4 (slightly more after rounding). */
interface Reduced {
  q: number;
  r: number;
}
const reduced: Reduced = { q: 0, r: 0 };

/** Reduces a finite, non-negative float32 `a` modulo π/2 into `reduced`. */
function reduceQuadrant(a: number): void {
  if (a <= 0.7853981633974483) {
    reduced.q = 0;
    reduced.r = a;
    return;
  }
  if (a < 524288) {
    const k = Math.floor(a * (2 / Math.PI) + 0.5);
    reduced.q = k & 3;
    reduced.r = a - k * PIO2_P1 - k * PIO2_P2 - k * PIO2_P3 - k * PIO2_P4;
    return;
  }
  // Payne–Hanek with exact integers: a = M·2^e, so a·2/π = M·T·2^(e-P) with T = floor(2^P·2/π).
  const bits = f32Bits(a);
  const e = ((bits >>> 23) & 0xff) - 150;
  const m = BigInt((bits & 0x007fffff) | 0x00800000);
  const fracBits = BigInt(TWO_OVER_PI_BITS - e);
  const prod = m * TWO_OVER_PI;
  const one = 1n << fracBits;
  let frac = prod & (one - 1n);
  let q = Number((prod >> fracBits) & 3n);
  if (frac >= one >> 1n) {
    frac -= one;
    q = (q + 1) & 3;
  }
  reduced.q = q;
  reduced.r = (Number(frac) / pow2(TWO_OVER_PI_BITS - e)) * PIO2;
}

/** sin r for |r| ≤ π/4 + ε: Taylor to r^17 (truncation < 2^-60 relative). */
function sinPoly(r: number): number {
  const r2 = r * r;
  let term = r;
  let sum = r;
  for (let k = 2; k <= 16; k += 2) {
    term = (-term * r2) / (k * (k + 1));
    sum += term;
  }
  return sum;
}

/** cos r for |r| ≤ π/4 + ε: Taylor to r^18. */
function cosPoly(r: number): number {
  const r2 = r * r;
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= 17; k += 2) {
    term = (-term * r2) / (k * (k + 1));
    sum += term;
  }
  return sum;
}

/** sin(x) rounded to float32 (x is first rounded to float32). */
export function f32Sin(x: number): number {
  x = Math.fround(x);
  if (x !== x || x === Infinity || x === -Infinity) return NaN;
  if (x === 0) return x;
  const sign = x < 0 ? -1 : 1;
  reduceQuadrant(Math.abs(x));
  const { q, r } = reduced;
  const v = q === 0 ? sinPoly(r) : q === 1 ? cosPoly(r) : q === 2 ? -sinPoly(r) : -cosPoly(r);
  return Math.fround(sign * v);
}

/** cos(x) rounded to float32 (x is first rounded to float32). */
export function f32Cos(x: number): number {
  x = Math.fround(x);
  if (x !== x || x === Infinity || x === -Infinity) return NaN;
  reduceQuadrant(Math.abs(x));
  const { q, r } = reduced;
  const v = q === 0 ? cosPoly(r) : q === 1 ? -sinPoly(r) : q === 2 ? -cosPoly(r) : sinPoly(r);
  return Math.fround(v);
}
