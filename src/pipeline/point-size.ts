/**
 * Point sizes by D3D9's rules: the vertex's own size (a vertex shader's oPts, or a PSIZE element
 * for fixed function and POSITIONT) or else POINTSIZE; with fixed function and POINTSCALEENABLE,
 * scaled by the eye distance; always clamped to [POINTSIZEMIN, POINTSIZEMAX] and to the largest
 * point the device supports.
 */
import { f32Sqrt } from '../common/f32-math.js';
import type { PointState } from './derive-draw-state.js';

/** Largest point size the pipeline draws (D3D9 MaxPointSize of common hardware). */
export const MAX_POINT_SIZE = 256;

/**
 * D3D9's point scale: `Ss = Vh · Si · sqrt(1 / (A + B·De + C·De²))`, with `Vh` the viewport
 * height in pixels and `De` the eye-space distance of the point. A non-positive or NaN
 * denominator leaves the size unscaled (D3D9 leaves the result undefined).
 */
export function scaledPointSize(size: number, eyeDistance: number, viewportHeight: number, p: PointState): number {
  const f = Math.fround;
  const d = f(f(p.a + f(p.b * eyeDistance)) + f(f(p.c * eyeDistance) * eyeDistance));
  if (!(d > 0)) return size;
  return f(f(viewportHeight * size) * f32Sqrt(f(1 / d)));
}

/**
 * The size a point is drawn with. `vertexSize` is the vertex's own size, or undefined to use
 * POINTSIZE; `eyeDistance` is given only for fixed-function points (POINTSCALEENABLE has no
 * effect with a vertex shader). Non-finite sizes fall back to POINTSIZEMIN.
 */
export function pointSize(
  p: PointState,
  vertexSize: number | undefined,
  viewportHeight: number,
  eyeDistance?: number,
): number {
  let size = vertexSize ?? p.size;
  if (eyeDistance !== undefined && p.scaleEnable) size = scaledPointSize(size, eyeDistance, viewportHeight, p);
  const lo = Number.isFinite(p.min) ? Math.max(0, p.min) : 0;
  const hi = Number.isFinite(p.max) ? Math.min(MAX_POINT_SIZE, p.max) : MAX_POINT_SIZE;
  if (!Number.isFinite(size)) size = lo;
  return Math.min(Math.max(size, lo), Math.max(lo, hi));
}
