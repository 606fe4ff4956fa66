/**
 * The diamond test of D3D9 non-antialiased lines (the grid-intersection rule that D3D10 wrote
 * down precisely), in exact integer arithmetic on endpoints snapped to 1/256 pixel.
 *
 * Pixel (px, py) has a diamond test area centred on its centre (256·px, 256·py) in subpixels:
 * the open region |u| + |v| < 128 (u = x − 256·px, v = y − 256·py), plus the part of its
 * boundary |u| + |v| = 128 with v > 0 (the lower-left and lower-right edges and the bottom
 * corner; y grows downwards). The upper edges and the top and left corners are never included;
 * the right corner (u, v) = (128, 0) is included for y-major lines only.
 *
 * A segment meets a diamond when some point of it lies in that area. |u| + |v| along the
 * segment is convex and piecewise linear, with its breaks where u = 0 or v = 0, so its minimum
 * (and both ends of the interval where the minimum is reached) lie at an endpoint or at a
 * strict sign change of u or of v. Testing those at most four points therefore decides the
 * question, edge rules included: a segment running along a lower edge has an end of its
 * contact interval with v > 0; one running along an upper edge touches nothing included
 * (such a segment has |dx| = |dy|, so it is x-major and its right corner is excluded too).
 *
 * Magnitudes: snapped coordinates are within ±2^23 subpixels (the guard band) and callers test
 * pixels within about a pixel of the segment, so u and v are below 2^25 in magnitude, du and dv
 * at most 2^24, and the crossing values v·du − u·dv below 2^50: every value is an exact integer
 * in a double (below 2^53).
 */
import { toSubpixel } from './subpixel.js';

/** Half a pixel in subpixels: the diamond's radius. */
const HALF = 128;

/** A line segment after snapping, in subpixels. */
export interface SnappedLine {
  readonly ax: number;
  readonly ay: number;
  readonly bx: number;
  readonly by: number;
  /** b − a. */
  readonly dx: number;
  readonly dy: number;
  /** |dy| ≤ |dx|: x-major (the right corner is excluded); otherwise y-major (included). */
  readonly xMajor: boolean;
}

/**
 * Snaps a → b to subpixels. Returns undefined for a coordinate that is not finite or lies
 * outside the guard band, and for a segment whose snapped endpoints coincide (it draws nothing).
 */
export function snapLine(a: { readonly x: number; readonly y: number }, b: { readonly x: number; readonly y: number }): SnappedLine | undefined {
  const ax = toSubpixel(a.x);
  const ay = toSubpixel(a.y);
  const bx = toSubpixel(b.x);
  const by = toSubpixel(b.y);
  if (Number.isNaN(ax + ay + bx + by)) return undefined;
  const dx = bx - ax;
  const dy = by - ay;
  if (dx === 0 && dy === 0) return undefined;
  return { ax, ay, bx, by, dx, dy, xMajor: Math.abs(dy) <= Math.abs(dx) };
}

/**
 * Whether the point (u, v), in subpixels relative to a pixel centre, lies in that pixel's
 * diamond test area for a line of the given orientation.
 */
export function inDiamond(u: number, v: number, xMajor: boolean): boolean {
  const f = Math.abs(u) + Math.abs(v);
  if (f !== HALF) return f < HALF;
  // On the boundary: the lower edges and bottom corner, and for y-major lines the right corner.
  return v > 0 || (!xMajor && u === HALF);
}

/** Whether the end point of `l` lies in the diamond of pixel (px, py). */
export function endInDiamond(l: SnappedLine, px: number, py: number): boolean {
  return inDiamond(l.bx - px * 256, l.by - py * 256, l.xMajor);
}

/** Whether some point of the segment `l` lies in the diamond of pixel (px, py). */
export function meetsDiamond(l: SnappedLine, px: number, py: number): boolean {
  const u0 = l.ax - px * 256;
  const v0 = l.ay - py * 256;
  const u1 = l.bx - px * 256;
  const v1 = l.by - py * 256;
  if (inDiamond(u0, v0, l.xMajor) || inDiamond(u1, v1, l.xMajor)) return true;
  const { dx, dy } = l;
  if ((u0 < 0 && u1 > 0) || (u0 > 0 && u1 < 0)) {
    // Where u = 0 (t = −u0/dx), v = V/dx: the test is |V| vs 128·|dx| and, on the boundary,
    // v > 0 (the bottom corner; the top corner is excluded).
    const V = v0 * dx - u0 * dy;
    const absV = Math.abs(V);
    const limit = HALF * Math.abs(dx);
    if (absV < limit || (absV === limit && V > 0 === dx > 0)) return true;
  }
  if ((v0 < 0 && v1 > 0) || (v0 > 0 && v1 < 0)) {
    // Where v = 0 (t = −v0/dy), u = U/dy: inside when |U| < 128·|dy|; on the boundary only the
    // right corner u = +128 of a y-major line counts.
    const U = u0 * dy - v0 * dx;
    if (Math.abs(U) < HALF * Math.abs(dy) || (!l.xMajor && U === HALF * dy)) return true;
  }
  return false;
}

/**
 * The line rule for one pixel: the segment, travelling from a to b, exits the pixel's diamond
 * (it meets the diamond and b is not inside it); with `lastPixel` (LASTPIXEL), the pixel whose
 * diamond contains b is drawn too, so then meeting the diamond is enough.
 */
export function lineCoversPixel(l: SnappedLine, px: number, py: number, lastPixel: boolean): boolean {
  if (!meetsDiamond(l, px, py)) return false;
  return lastPixel || !endInDiamond(l, px, py);
}
