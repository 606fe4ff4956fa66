/**
 * Attribute interpolation from barycentric weights.
 *
 * Window-space depth (z/w after the viewport transform) is affine in screen space and is
 * interpolated linearly; every other varying is interpolated perspective-correctly, through the
 * vertices' 1/w. Both are computed in float64 from exact inputs and rounded once to float32, which
 * is what the shader registers hold.
 */

/** Linear interpolation of one value (window depth). Result rounded to float32. */
export function interpolateLinear(b0: number, b1: number, b2: number, v0: number, v1: number, v2: number): number {
  return Math.fround(b0 * v0 + b1 * v1 + b2 * v2);
}

/**
 * Perspective-correct weights: the barycentrics (b0, b1, b2) re-weighted by each vertex's 1/w and
 * normalised, written to `out[0..2]`. With all 1/w equal they equal the inputs.
 */
export function perspectiveWeights(
  b0: number,
  b1: number,
  b2: number,
  invW0: number,
  invW1: number,
  invW2: number,
  out: Float64Array,
): void {
  const p0 = b0 * invW0;
  const p1 = b1 * invW1;
  const p2 = b2 * invW2;
  const sum = p0 + p1 + p2;
  if (sum === 0 || !Number.isFinite(sum)) {
    // Only reachable for helper pixels far outside a triangle seen edge-on; fall back to affine.
    out[0] = b0;
    out[1] = b1;
    out[2] = b2;
    return;
  }
  out[0] = p0 / sum;
  out[1] = p1 / sum;
  out[2] = p2 / sum;
}

/** Interpolates one attribute with weights from `perspectiveWeights` (or affine ones). Float32 result. */
export function interpolateWithWeights(w: Float64Array, a0: number, a1: number, a2: number): number {
  return Math.fround(w[0]! * a0 + w[1]! * a1 + w[2]! * a2);
}
