/**
 * Lines, one pixel wide, by D3D9's rule for non-antialiased lines: diamond exit (the
 * grid-intersection rule D3D10 wrote down precisely; the exact test is `line-diamond.ts`).
 *
 * Endpoints are snapped to 1/256 pixel like triangle vertices. A line is x-major when
 * |dy| ≤ |dx|, else y-major. Each pixel has a diamond test area around its centre (integer
 * coordinates): |x − xc| + |y − yc| < 1/2, plus the lower-left and lower-right edges and the
 * bottom corner (y grows downwards), plus the right corner for y-major lines; the upper edges and
 * the top and left corners are excluded. The line covers a pixel when the segment, travelling
 * from its start to its end, exits the pixel's diamond: it meets the diamond and its end point
 * is not inside it. So a line from pixel centre to pixel centre draws its first pixel and not its
 * last. LASTPIXEL additionally draws the pixel whose diamond contains the end point, if any. A
 * line whose snapped endpoints coincide draws nothing.
 *
 * The walk visits the major-axis columns (rows) whose diamonds' extent meets the segment's,
 * from start to end, bounded by the clip rectangle; in each, the one or two minor-axis
 * candidates in the direction of travel (see `minorCandidate`). Pixels are grouped into aligned
 * 2×2 quads in that order; the covered pixels' minor coordinates are monotone, so the walk never
 * returns to a quad it left.
 *
 * Attributes use the parameter t = (c − start) / (end − start) along the major axis at each
 * pixel (helper pixels included), clamped to [0, 1]: depth and 1/w linearly, varyings
 * perspective-correctly. Lines take the constant DEPTHBIAS only (no slope); lines of a
 * wireframe triangle take their triangle's full bias.
 */
import { fragmentRun, insideClip, shadeAndMerge, type FragmentRun } from './fragment-run.js';
import { lineCoversPixel, snapLine, type SnappedLine } from './line-diamond.js';
import { writePixelAttributes } from './pixel-attributes.js';
import type { RasterContext, RasterVertex } from './raster-interfaces.js';
import { SUBPIXEL_ONE } from './subpixel.js';

const HALF = SUBPIXEL_ONE / 2;

/** floor(n / d) for exact integers with d > 0, corrected for the rounding of the division. */
function floorDiv(n: number, d: number): number {
  let q = Math.floor(n / d);
  if (q * d > n) q--;
  else if ((q + 1) * d <= n) q++;
  return q;
}

/** A snapped line seen along its major axis. */
interface MajorView {
  readonly ma: number;
  readonly mi: number;
  readonly dMa: number;
  readonly dMi: number;
}

function majorView(l: SnappedLine): MajorView {
  return l.xMajor ? { ma: l.ax, mi: l.ay, dMa: l.dx, dMi: l.dy } : { ma: l.ay, mi: l.ax, dMa: l.dy, dMi: l.dx };
}

/**
 * floor(minor(c)), the pixel below the line's exact minor coordinate at major pixel centre c.
 * A point of the line at major c + s has minor minor(c) + k·s with |k| ≤ 1; in the closed
 * diamond of minor pixel r it needs |minor(c) + k·s − r| ≤ 1/2 − |s|, so |minor(c) − r| ≤ 1/2:
 * only this pixel and the next can be covered.
 */
function minorCandidate(m: MajorView, c: number): number {
  // minor(c) = mi + (256·c − ma)·dMi/dMa subpixels, over a positive denominator. |mi·dMa| and
  // |(256·c − ma)·dMi| stay below 2^49 (c within the guard band, see line-diamond.ts).
  const s = m.dMa > 0 ? 1 : -1;
  const den = Math.abs(m.dMa);
  const num = m.mi * den + (c * SUBPIXEL_ONE - m.ma) * m.dMi * s;
  return floorDiv(num, den * SUBPIXEL_ONE);
}

/** The line parameter at major pixel coordinate c, clamped to [0, 1]. */
function paramAt(m: MajorView, c: number): number {
  const t = (c * SUBPIXEL_ONE - m.ma) / m.dMa;
  return t > 0 ? (t < 1 ? t : 1) : 0;
}

/**
 * Draws the line a → b into `run` with the primitive facing already set by the caller
 * (`run.quad.vFace`, `run.clockwise`); `provoking` supplies flat varyings.
 */
export function drawLineSegment(run: FragmentRun, a: RasterVertex, b: RasterVertex, provoking: RasterVertex, bias: number): void {
  const l = snapLine(a, b);
  if (l === undefined) return;
  const m = majorView(l);
  const lastPixel = run.ctx.rasterizer.lastPixel;
  const quad = run.quad;
  quad.primitive = 'line';
  let qx = 0;
  let qy = 0;
  let mask = 0;
  const flush = () => {
    if (mask === 0) return;
    quad.x = qx;
    quad.y = qy;
    quad.mask = mask;
    for (let p = 0; p < 4; p++) {
      const px = qx + (p & 1);
      const py = qy + (p >> 1);
      const t = paramAt(m, l.xMajor ? px : py);
      writePixelAttributes(run, p, 1 - t, t, 0, a, b, a, provoking, bias);
    }
    shadeAndMerge(run);
    mask = 0;
  };
  const visit = (major: number, minor: number) => {
    const x = l.xMajor ? major : minor;
    const y = l.xMajor ? minor : major;
    if (!insideClip(run, x, y) || !lineCoversPixel(l, x, y, lastPixel)) return;
    const nqx = x & ~1;
    const nqy = y & ~1;
    if (mask !== 0 && (nqx !== qx || nqy !== qy)) flush();
    qx = nqx;
    qy = nqy;
    mask |= 1 << ((x - qx) + 2 * (y - qy));
  };
  // Major pixels c whose diamond spans [c − 1/2, c + 1/2] meet the segment's major extent; the
  // walk is bounded by the clip rectangle, as pixels outside it cannot draw.
  const step = m.dMa > 0 ? 1 : -1;
  const end = m.ma + m.dMa;
  const c = run.clip;
  const lo = l.xMajor ? c.x0 : c.y0;
  const hi = (l.xMajor ? c.x1 : c.y1) - 1;
  const from = step > 0 ? Math.max(Math.ceil((m.ma - HALF) / SUBPIXEL_ONE), lo) : Math.min(Math.floor((m.ma + HALF) / SUBPIXEL_ONE), hi);
  const to = step > 0 ? Math.min(Math.floor((end + HALF) / SUBPIXEL_ONE), hi) : Math.max(Math.ceil((end - HALF) / SUBPIXEL_ONE), lo);
  const down = m.dMi >= 0;
  for (let major = from; step > 0 ? major <= to : major >= to; major += step) {
    const r = minorCandidate(m, major);
    visit(major, down ? r : r + 1);
    visit(major, down ? r + 1 : r);
  }
  flush();
}

/**
 * Draws one line with `ctx` (v0 is the provoking vertex). Lines are front-facing (vFace +1)
 * and use the plain (clockwise) stencil set. Draws nothing when the render targets are refused.
 */
export function rasterizeLine(v0: RasterVertex, v1: RasterVertex, ctx: RasterContext): void {
  const run = fragmentRun(ctx);
  if (typeof run === 'string') return;
  run.quad.vFace = 1;
  run.clockwise = true;
  const bias = Number.isFinite(ctx.rasterizer.depthBias) ? Math.fround(ctx.rasterizer.depthBias) : 0;
  drawLineSegment(run, v0, v1, v0, bias);
}
