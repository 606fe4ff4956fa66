/**
 * IEEE 754 binary16 ⇄ binary32, exact and deterministic (no Math.* transcendentals, no
 * engine-dependent NaN handling). Used by the float16 surface formats and by vertex fetch.
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Canonical quiet NaN of binary16 (sign bit kept separately). */
const HALF_QNAN = 0x7e00;

/**
 * The value of the binary16 bit pattern `bits` (low 16 bits used). Every half is exactly
 * representable as a float32, subnormals included; NaNs come back as `NaN`.
 */
export function halfToFloat(bits: number): number {
  const h = bits & 0xffff;
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 31) return mant === 0 ? sign * Infinity : NaN;
  return sign * (1024 + mant) * 2 ** (exp - 25);
}

/**
 * The binary16 bit pattern nearest to `value`, rounding to nearest, ties to even. The value is
 * first rounded to float32 (`Math.fround`), since halves are produced from float32 data. Values
 * of magnitude ≥ 65520 become ±Infinity, tiny values round to (signed) subnormals or zero, and
 * NaN becomes the canonical quiet NaN `0x7E00` with the input's sign.
 */
export function floatToHalf(value: number): number {
  f32[0] = value;
  const bits = u32[0] ?? 0;
  const sign = (bits >>> 16) & 0x8000;
  const e = (bits >>> 23) & 0xff;
  const m = bits & 0x7fffff;
  if (e === 0xff) return sign | (m !== 0 ? HALF_QNAN : 0x7c00);
  const unbiased = e === 0 ? -126 : e - 127;
  if (unbiased > 15) return sign | 0x7c00;
  if (unbiased >= -14) {
    // Normal half: keep 10 of 23 mantissa bits. A carry out of the mantissa moves into the
    // exponent field, and from exponent 30 into Infinity, which is what rounding requires.
    const kept = m >>> 13;
    const rest = m & 0x1fff;
    let h = ((unbiased + 15) << 10) + kept;
    if (rest > 0x1000 || (rest === 0x1000 && (kept & 1) === 1)) h++;
    return sign | h;
  }
  // Subnormal half: count units of 2^-24. The float32 significand (24 bits with the implicit 1)
  // times 2^(unbiased - 23) is `sig >> shift` units with shift = -(unbiased + 1) ≥ 14.
  const sig = e === 0 ? m : m | 0x800000;
  const shift = -(unbiased + 1);
  if (shift >= 25) return sign; // below half of the smallest subnormal (sig < 2^24)
  const q = sig >>> shift;
  const rest = sig - q * 2 ** shift;
  const half = 2 ** (shift - 1);
  const rounded = rest > half || (rest === half && (q & 1) === 1) ? q + 1 : q;
  return sign | rounded;
}
