/**
 * From a normalised texture coordinate to texel indices: the fixed-point quantisation and the
 * address modes, one axis at a time.
 *
 * Quantisation (the same on every axis, so results are reproducible bit for bit):
 * - the texel-space position is `x = coord × size`, computed in float64 (exact: `coord` is a
 *   float32 and `size` an integer below 2^29), then NaN → 0 and clamped to ±2^30 texels so every
 *   later step is exact integer arithmetic in a double;
 * - point sampling takes the texel `floor(x)`: texel i covers [i, i + 1), its centre is
 *   (i + 0.5) / size in coordinates, and a coordinate exactly on a boundary belongs to the texel
 *   on its right;
 * - linear sampling converts `x − 0.5` to fixed point with {@link TEXEL_FRACTION_BITS} fraction
 *   bits, rounding down: `p = floor(x × 256) − 128`; the taps are `i0 = floor(p / 256)` and
 *   `i0 + 1`, and the weight of `i0 + 1` is `(p − 256·i0) / 256`, exactly representable in float32.
 *
 * Address modes act on the integer texel index, after quantisation, so WRAP and MIRROR filter
 * seamlessly across their repeats.
 */
import { SVGA3dTextureAddress as ADDRESS } from '../../svga3d-decoder/spec/enums-texture-state.js';

/** Fraction bits of texel positions and of LODs. */
export const TEXEL_FRACTION_BITS = 8;
/** `2^TEXEL_FRACTION_BITS`. */
export const TEXEL_FRACTION_ONE = 256;
const POSITION_LIMIT = 2 ** 30;

/** The texel index that stands for "outside the image: use the border colour". */
export const BORDER_TEXEL = -1;

/** `coord × size` in texel units, NaN → 0, clamped to ±2^30. */
export function texelPosition(coord: number, size: number): number {
  const x = coord * size;
  if (x !== x) return 0;
  return x < -POSITION_LIMIT ? -POSITION_LIMIT : x > POSITION_LIMIT ? POSITION_LIMIT : x;
}

/** The texel a point sample at texel position `x` reads (before addressing); an int32. */
export function pointTexel(x: number): number {
  // |x| ≤ 2^30, so the floor is an exact int32 (and V8 keeps it unboxed).
  return Math.floor(x) | 0;
}

/** The fixed-point position `floor(x × 256) − 128` of the left/top tap of a linear sample. */
export function linearFixed(x: number): number {
  return Math.floor(x * TEXEL_FRACTION_ONE) - TEXEL_FRACTION_ONE / 2;
}

/**
 * Maps texel index `i` (any integer within ±2^31) of an axis of `size` texels (1 … 2^30) to the
 * texel to read, or {@link BORDER_TEXEL}; the result is an int32:
 * - WRAP: `i mod size`;
 * - MIRROR: period `2·size`, the second half reversed;
 * - CLAMP: clamp to [0, size − 1];
 * - BORDER: the border colour outside [0, size − 1];
 * - MIRRORONCE: mirror once about 0 (`−i − 1` for negative i), then clamp;
 * - EDGE (SVGA-only, "not respected by hardware" per Mesa, asserted on by VirtualBox), INVALID
 *   and unknown values: CLAMP.
 */
export function addressTexel(mode: number, i: number, size: number): number {
  switch (mode) {
    case ADDRESS.WRAP:
      return (i - size * Math.floor(i / size)) | 0;
    case ADDRESS.MIRROR: {
      const period = 2 * size;
      const m = i - period * Math.floor(i / period);
      return (m < size ? m : period - 1 - m) | 0;
    }
    case ADDRESS.BORDER:
      return i < 0 || i >= size ? BORDER_TEXEL : i | 0;
    case ADDRESS.MIRRORONCE: {
      const j = i < 0 ? -i - 1 : i;
      return (j < size ? j : size - 1) | 0;
    }
    default:
      return (i < 0 ? 0 : i >= size ? size - 1 : i) | 0;
  }
}
