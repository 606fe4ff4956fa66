/**
 * Fixed-point window coordinates.
 *
 * Vertex positions are snapped to 1/256 of a pixel (8 subpixel bits) before any coverage decision,
 * so that every edge test is exact integer arithmetic: two triangles that share an edge see the
 * same snapped endpoints and the same edge function, and the top-left rule can then assign every
 * sample on that edge to exactly one of them.
 *
 * Range: snapped coordinates must stay within ±GUARD_BAND_PIXELS. The largest edge-function value
 * is then below 2 · (2^16 · 2^8)^2 = 2^49, well inside the 2^53 of exactly representable integers,
 * so plain JS numbers compute it without rounding. The clipper keeps geometry inside this band.
 */

/** Subpixel precision of snapped window coordinates. */
export const SUBPIXEL_BITS = 8;
/** One pixel in subpixel units. */
export const SUBPIXEL_ONE = 1 << SUBPIXEL_BITS;
/** Half-width of the guard band, in pixels: window coordinates beyond it must be clipped first. */
export const GUARD_BAND_PIXELS = 1 << 15;

/**
 * Snaps a window coordinate (in pixels, pixel centres at integers) to subpixel units, rounding
 * halves towards +infinity. Returns NaN for a non-finite input or one outside the guard band, so
 * callers can reject the primitive.
 */
export function toSubpixel(v: number): number {
  if (!(v >= -GUARD_BAND_PIXELS && v <= GUARD_BAND_PIXELS)) return NaN;
  return Math.floor(v * SUBPIXEL_ONE + 0.5);
}
