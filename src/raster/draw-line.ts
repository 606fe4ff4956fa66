/**
 * Lines, one pixel wide, by a parameterised rule close to D3D9's diamond exit:
 *
 * Endpoints are snapped to 1/256 pixel like triangle vertices. A line is x-major when
 * |dx| ≥ |dy|, else y-major. Along the major axis it covers the pixel columns (rows) from
 * round(start) up to but excluding round(end), stepping towards the end, where round(v) =
 * floor(v + 1/2): a line from pixel centre to pixel centre draws its first pixel and not its
 * last, as diamond exit does. LASTPIXEL adds the column round(end). In each column c the minor
 * coordinate is round(minor(c)), the line's exact minor coordinate at the column's centre
 * (integer arithmetic on the snapped endpoints; halves round towards +y / +x). A line whose
 * snapped endpoints coincide draws nothing.
 *
 * Attributes use the parameter t = (c − start) / (end − start) along the major axis at each
 * pixel (helper pixels included), clamped to [0, 1]: depth and 1/w linearly, varyings
 * perspective-correctly. Lines take the constant DEPTHBIAS only (no slope); lines of a
 * wireframe triangle take their triangle's full bias. Pixels are grouped into aligned 2×2 quads
 * in line order (a monotone walk never returns to a quad it left).
 */
import { fragmentRun, insideClip, shadeAndMerge, type FragmentRun } from './fragment-run.js';
import { writePixelAttributes } from './pixel-attributes.js';
import type { RasterContext, RasterVertex } from './raster-interfaces.js';
import { SUBPIXEL_ONE, toSubpixel } from './subpixel.js';

/** floor((n + d/2) / d) for exact integers n, d > 0: the rounded quotient, halves up. */
function roundDiv(n: number, d: number): number {
  return Math.floor((n + d / 2) / d);
}

/** A line after snapping, oriented by its major axis. */
interface LineSetup {
  readonly xMajor: boolean;
  /** Major and minor start coordinates and deltas, in subpixels. */
  readonly ma: number;
  readonly mi: number;
  readonly dMa: number;
  readonly dMi: number;
}

function setupLine(a: RasterVertex, b: RasterVertex): LineSetup | undefined {
  const ax = toSubpixel(a.x);
  const ay = toSubpixel(a.y);
  const bx = toSubpixel(b.x);
  const by = toSubpixel(b.y);
  if (Number.isNaN(ax + ay + bx + by)) return undefined;
  const dx = bx - ax;
  const dy = by - ay;
  if (dx === 0 && dy === 0) return undefined;
  const xMajor = Math.abs(dx) >= Math.abs(dy);
  return xMajor ? { xMajor, ma: ax, mi: ay, dMa: dx, dMi: dy } : { xMajor, ma: ay, mi: ax, dMa: dy, dMi: dx };
}

/** The minor pixel coordinate of the line at major pixel coordinate c. */
function minorAt(l: LineSetup, c: number): number {
  // minor(c) = mi + (c·256 − ma)·dMi/dMa, in subpixels; round(minor / 256) exactly, with the
  // fraction's denominator made positive. Magnitudes stay below 2^50.
  const s = l.dMa > 0 ? 1 : -1;
  const den = Math.abs(l.dMa);
  const num = l.mi * den + (c * SUBPIXEL_ONE - l.ma) * l.dMi * s;
  return roundDiv(num, den * SUBPIXEL_ONE);
}

/** The line parameter at major pixel coordinate c, clamped to [0, 1]. */
function paramAt(l: LineSetup, c: number): number {
  const t = (c * SUBPIXEL_ONE - l.ma) / l.dMa;
  return t > 0 ? (t < 1 ? t : 1) : 0;
}

/**
 * Draws the line a → b into `run` with the primitive facing already set by the caller
 * (`run.quad.vFace`, `run.clockwise`); `provoking` supplies flat varyings.
 */
export function drawLineSegment(run: FragmentRun, a: RasterVertex, b: RasterVertex, provoking: RasterVertex, bias: number): void {
  const l = setupLine(a, b);
  if (l === undefined) return;
  const quad = run.quad;
  quad.primitive = 'line';
  const first = roundDiv(l.ma, SUBPIXEL_ONE);
  const last = roundDiv(l.ma + l.dMa, SUBPIXEL_ONE);
  const step = l.dMa > 0 ? 1 : -1;
  const end = run.ctx.rasterizer.lastPixel ? last + step : last;
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
      const t = paramAt(l, l.xMajor ? px : py);
      writePixelAttributes(run, p, 1 - t, t, 0, a, b, a, provoking, bias);
    }
    shadeAndMerge(run);
    mask = 0;
  };
  // The walk is bounded by the clip rectangle: columns outside it cannot draw.
  const c = run.clip;
  const lo = l.xMajor ? c.x0 : c.y0;
  const hi = l.xMajor ? c.x1 - 1 : c.y1 - 1;
  let from = first;
  let to = end;
  if (step > 0) {
    from = Math.max(from, lo);
    to = Math.min(to, hi + 1);
  } else {
    from = Math.min(from, hi);
    to = Math.max(to, lo - 1);
  }
  for (let major = from; step > 0 ? major < to : major > to; major += step) {
    const minor = minorAt(l, major);
    const x = l.xMajor ? major : minor;
    const y = l.xMajor ? minor : major;
    if (!insideClip(run, x, y)) continue;
    const nqx = x & ~1;
    const nqy = y & ~1;
    if (mask !== 0 && (nqx !== qx || nqy !== qy)) flush();
    qx = nqx;
    qy = nqy;
    mask |= 1 << ((x - qx) + 2 * (y - qy));
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
