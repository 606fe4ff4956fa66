/**
 * The sampling rule of SURFACE_STRETCHBLT, one axis at a time, in exact integer arithmetic.
 *
 * Destination pixel i (of `dstLen`) has its centre at i + 0.5, which maps to the source position
 * `s = (i + 0.5) · srcLen / dstLen − 0.5` (relative to the source box start). With 8 fractional
 * bits that is `s256 = ⌊(2i + 1) · srcLen · 128 / dstLen⌋ − 128` (rounded down to 1/256 pixel).
 *
 * - POINT takes the texel `⌊s + 0.5⌋ = ⌊(2i + 1) · srcLen / (2 · dstLen)⌋`, which always lies in
 *   `[0, srcLen)`.
 * - LINEAR blends texels `⌊s⌋` and `⌊s⌋ + 1` (each clamped to the box) with weights `256 − f` and
 *   `f`, where `f = s256 mod 256`.
 *
 * A 1:1 stretch gives s = i exactly (f = 0), so it reproduces the source. The products stay below
 * 2^53 while both lengths are at most `MAX_STRETCH_EXTENT`.
 */

/** Longest box side (after clipping) a stretch accepts: keeps every product below 2^48. */
export const MAX_STRETCH_EXTENT = 1 << 20;

/** Per destination pixel of one axis: the source texels and the weight of the second one. */
export interface AxisTaps {
  /** First source texel (relative to the source box start), clamped. */
  readonly i0: Int32Array;
  /** Second source texel, clamped (equals `i0` for POINT). */
  readonly i1: Int32Array;
  /** Weight of `i1` in 1/256 (0 for POINT); `i0` weighs `256 − f`. */
  readonly f: Int32Array;
}

/** Builds the taps of `dstLen` destination pixels sampling `srcLen` source texels. */
export function axisTaps(srcLen: number, dstLen: number, linear: boolean): AxisTaps {
  const i0 = new Int32Array(dstLen);
  const i1 = new Int32Array(dstLen);
  const f = new Int32Array(dstLen);
  const last = srcLen - 1;
  for (let i = 0; i < dstLen; i++) {
    const numerator = (2 * i + 1) * srcLen;
    if (!linear) {
      const p = Math.floor(numerator / (2 * dstLen));
      i0[i] = p;
      i1[i] = p;
      continue;
    }
    const s256 = Math.floor((numerator * 128) / dstLen) - 128;
    const base = Math.floor(s256 / 256);
    f[i] = s256 - base * 256;
    i0[i] = Math.min(Math.max(base, 0), last);
    i1[i] = Math.min(Math.max(base + 1, 0), last);
  }
  return { i0, i1, f };
}

/** Source slice of destination slice k: the POINT rule on the z axis, whatever the mode. */
export function sliceTap(k: number, srcLen: number, dstLen: number): number {
  return Math.floor(((2 * k + 1) * srcLen) / (2 * dstLen));
}
