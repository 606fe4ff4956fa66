/**
 * Scalar float32 building blocks shared by every shader op (and by a future compiled path, which
 * must call exactly these so both paths give the same bits).
 *
 * Rounding rule: every arithmetic step is rounded to float32 with `Math.fround`. `mad` is two
 * roundings (`fround(fround(a·b) + c)`), never fused. Dot products sum left to right, each product
 * and each partial sum rounded: dp3 = ((a.x·b.x + a.y·b.y) + a.z·b.z).
 *
 * The legacy "anything × 0 = 0" rule of D3D9-era hardware (DXVK's `d3d9.floatEmulation`): with
 * `legacy` set, a product with an exact zero operand is zero even when the other operand is ±Inf
 * or NaN (a finite other operand keeps IEEE's signed zero).
 */

const fr = Math.fround;

/** The largest finite float32, what D3D9 returns for rcp(0), rsq(0), log(0) (negated), pow overflow. */
export const FLT_MAX = 3.4028234663852886e38;

/** float32 a·b, honouring the legacy zero rule when `legacy` is true. */
export function mulF(a: number, b: number, legacy: boolean): number {
  const p = fr(a * b);
  if (legacy && p !== p && (a === 0 || b === 0)) return 0;
  return p;
}

/** float32 a + b. */
export function addF(a: number, b: number): number {
  return fr(a + b);
}

/** float32 a·b + c with two roundings. */
export function madF(a: number, b: number, c: number, legacy: boolean): number {
  return fr(mulF(a, b, legacy) + c);
}

/** Clamp to [0, 1]; NaN becomes 0 (what saturating hardware and DXVK do). */
export function saturateF(x: number): number {
  if (x > 0) return x < 1 ? x : 1;
  return 0;
}

/** Clamp to [lo, hi]; NaN becomes 0. */
export function clampF(x: number, lo: number, hi: number): number {
  if (x >= lo) return x <= hi ? x : hi;
  if (x < lo) return lo;
  return 0;
}

/** D3D9 comparison of IFC / BREAKC / SETP: codes 1–6 (gt, eq, ge, lt, ne, le); others false. */
export function compareF(code: number, a: number, b: number): boolean {
  switch (code) {
    case 1: return a > b;
    case 2: return a === b;
    case 3: return a >= b;
    case 4: return a < b;
    case 5: return a !== b;
    case 6: return a <= b;
    default: return false;
  }
}

/** Comparison names as in the IR (`Comparison`) mapped to their control codes. */
export const COMPARISON_CODES = { gt: 1, eq: 2, ge: 3, lt: 4, ne: 5, le: 6 } as const;

/** Address-register range: a0 holds a signed integer; we keep it within ±2^24 (no float32 gaps). */
const ADDR_LIMIT = 16777216;

function clampAddr(n: number): number {
  if (n !== n) return 0;
  return n > ADDR_LIMIT ? ADDR_LIMIT : n < -ADDR_LIMIT ? -ADDR_LIMIT : n;
}

/**
 * MOVA (vs_2_0+): float to integer rounding to nearest, ties away from zero (Wine's
 * `floor(|x| + 0.5)·sign(x)`; hardware ties are unverified). NaN gives 0; the result is clamped to
 * ±2^24 so it stays an exact integer (any such index is out of range anyway).
 */
export function movaRound(x: number): number {
  const a = Math.floor(Math.abs(x) + 0.5);
  return clampAddr(x < 0 ? -a : a) + 0; // + 0 turns −0 into 0: a0 is an integer register
}

/** vs_1_1 `mov a0.x, src`: float to integer with floor (Wine `test_mova`, confirmed on Windows). */
export function mov11Floor(x: number): number {
  return clampAddr(Math.floor(x)) + 0;
}
