/**
 * Points: a point of size s covers the pixel centres inside the axis-aligned square of side s
 * centred on the vertex, with the top-left rule (left and top edges included, right and bottom
 * excluded). The centre and the size are snapped to 1/256 pixel first, so the test is exact:
 * in units of 1/512 pixel the square is [2·x − s, 2·x + s) × [2·y − s, 2·y + s) with x, y, s in
 * subpixels, and pixel i is covered when 2·x − s ≤ 512·i < 2·x + s.
 *
 * Every varying takes the vertex's value, except with POINTSPRITEENABLE the layout's sprite
 * varyings, which get (u, v, 0, 1) with u = (pixel x − left) / side and v = (pixel y − top) / side
 * at the pixel centre (float32): (0, 0) at the square's top-left corner, (1, 1) at its
 * bottom-right one. Helper pixels get the same formula, so derivatives are 1/side per pixel.
 * Sizes that are not finite or ≤ 0 draw nothing; sizes above MAX_POINT_SIZE are clamped to it.
 * Points take the constant DEPTHBIAS only, are front-facing and use the plain stencil set.
 */
import { fragmentRun, insideClip, shadeAndMerge, type FragmentRun } from './fragment-run.js';
import { writePixelAttributes } from './pixel-attributes.js';
import type { RasterContext, RasterVertex } from './raster-interfaces.js';
import { SUBPIXEL_ONE, toSubpixel } from './subpixel.js';

/** Largest point size drawn, in pixels (larger sizes are clamped; D3D9 caps are far below). */
export const MAX_POINT_SIZE = 8192;

const f = Math.fround;

function ceilDiv(n: number, d: number): number {
  return Math.ceil(n / d);
}

/**
 * Draws a point square into `run` with the facing already set by the caller. `sprite` enables
 * sprite coordinates; `provoking` supplies flat varyings (the point itself, or its triangle's
 * first vertex in POINT fill mode).
 */
export function drawPointSquare(
  run: FragmentRun,
  v: RasterVertex,
  size: number,
  provoking: RasterVertex,
  bias: number,
  sprite: boolean,
): void {
  if (!(size > 0)) return;
  const cx = toSubpixel(v.x);
  const cy = toSubpixel(v.y);
  const s = Math.floor(Math.min(size, MAX_POINT_SIZE) * SUBPIXEL_ONE + 0.5);
  if (Number.isNaN(cx + cy) || s === 0) return;
  const unit = 2 * SUBPIXEL_ONE;
  const left = 2 * cx - s;
  const top = 2 * cy - s;
  const c = run.clip;
  const x0 = Math.max(ceilDiv(left, unit), c.x0);
  const x1 = Math.min(ceilDiv(left + 2 * s, unit), c.x1);
  const y0 = Math.max(ceilDiv(top, unit), c.y0);
  const y1 = Math.min(ceilDiv(top + 2 * s, unit), c.y1);
  if (x0 >= x1 || y0 >= y1) return;
  const quad = run.quad;
  quad.primitive = 'point';
  const spriteList = sprite ? (run.ctx.layout.spriteCoordVaryings ?? []) : [];
  const count = run.varyingCount;
  const side = 2 * s;
  for (let qy = y0 & ~1; qy < y1; qy += 2) {
    for (let qx = x0 & ~1; qx < x1; qx += 2) {
      let mask = 0;
      for (let p = 0; p < 4; p++) {
        const px = qx + (p & 1);
        const py = qy + (p >> 1);
        if (px >= x0 && px < x1 && py >= y0 && py < y1 && insideClip(run, px, py)) mask |= 1 << p;
      }
      if (mask === 0) continue;
      quad.x = qx;
      quad.y = qy;
      quad.mask = mask;
      for (let p = 0; p < 4; p++) {
        writePixelAttributes(run, p, 1, 0, 0, v, v, v, provoking, bias);
        for (const sv of spriteList) {
          if (!Number.isInteger(sv) || sv < 0 || sv >= count) continue;
          const base = (p * count + sv) * 4;
          quad.varyings[base] = f(((qx + (p & 1)) * unit - left) / side);
          quad.varyings[base + 1] = f(((qy + (p >> 1)) * unit - top) / side);
          quad.varyings[base + 2] = 0;
          quad.varyings[base + 3] = 1;
        }
      }
      shadeAndMerge(run);
    }
  }
}

/**
 * Draws one point of `size` pixels (POINTSIZE after POINTSIZE_MIN/MAX and point scale, as the
 * pipeline computed it) with `ctx`. Draws nothing when the render targets are refused.
 */
export function rasterizePoint(v: RasterVertex, size: number, ctx: RasterContext): void {
  const run = fragmentRun(ctx);
  if (typeof run === 'string') return;
  run.quad.vFace = 1;
  run.clockwise = true;
  const bias = Number.isFinite(ctx.rasterizer.depthBias) ? f(ctx.rasterizer.depthBias) : 0;
  drawPointSquare(run, v, size, v, bias, ctx.rasterizer.pointSprite);
}
