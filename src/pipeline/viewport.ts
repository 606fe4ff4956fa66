/**
 * The viewport: SETVIEWPORT clipped to the render target (the whole target when unset), the
 * SETZRANGE depth range, the D3D9 viewport transform from clip space to window space, and the
 * guard-band planes that keep clipped geometry inside the rasteriser's fixed-point range.
 *
 * D3D9 window coordinates put pixel (i, j)'s centre on the integer point (i, j), with y growing
 * downwards (svga3d-protocol.md §5.1):
 * `Xw = x + (Xndc + 1)·w/2`, `Yw = y + (1 − Yndc)·h/2`, `Zw = zmin + Zndc·(zmax − zmin)`.
 */
import { GUARD_BAND_PIXELS } from '../raster/subpixel.js';
import type { ClipPlane } from './clip-polygon.js';

/** A rectangle in pixels, as SETVIEWPORT sends it. */
export interface ViewportRect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The resolved viewport of a draw. */
export interface Viewport {
  /** SETVIEWPORT as given (the whole target when unset): the transform uses it unchanged. */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** SETZRANGE, as floats. */
  readonly zMin: number;
  readonly zMax: number;
  /** The viewport clipped to the render target, half-open: where rendering may touch pixels. */
  readonly clip: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
}

/**
 * Resolves `rect` (undefined = unset) against a `width × height` target. SVGA's rule is that the
 * viewport "is clipped to the dimensions of the current render target, then all rendering is
 * clipped to the viewport": the clipped rectangle bounds the pixels, while the transform keeps
 * the rectangle the guest gave (as GL backends do), so a viewport hanging off the target is cut,
 * not squeezed. Undefined when nothing of it is left: the draw then touches no pixel.
 */
export function resolveViewport(
  rect: ViewportRect | undefined,
  width: number,
  height: number,
  zMin: number,
  zMax: number,
): Viewport | undefined {
  const r = rect ?? { x: 0, y: 0, w: width, h: height };
  const x0 = Math.max(0, r.x);
  const y0 = Math.max(0, r.y);
  const x1 = Math.min(width, r.x + r.w);
  const y1 = Math.min(height, r.y + r.h);
  if (!(x1 > x0 && y1 > y0)) return undefined;
  // A NaN range would poison every depth; D3D9 cannot express one, fall back to [0, 1].
  const zn = Number.isFinite(zMin) ? zMin : 0;
  const zf = Number.isFinite(zMax) ? zMax : 1;
  return { x: r.x, y: r.y, w: r.w, h: r.h, zMin: zn, zMax: zf, clip: { x0, y0, x1, y1 } };
}

const f = Math.fround;

/** Window position of a clip-space vertex: x, y in pixels, z after the z range, and 1/w. */
export interface WindowPosition {
  x: number;
  y: number;
  z: number;
  invW: number;
}

/** The D3D9 viewport transform of clip position (x, y, z, w), in float32 steps. */
export function toWindow(vp: Viewport, x: number, y: number, z: number, w: number, out: WindowPosition): WindowPosition {
  const invW = f(1 / w);
  const halfW = f(vp.w / 2);
  const halfH = f(vp.h / 2);
  out.x = f(vp.x + f(f(f(x * invW) + 1) * halfW));
  out.y = f(vp.y + f(f(1 - f(y * invW)) * halfH));
  out.z = f(vp.zMin + f(f(z * invW) * f(vp.zMax - vp.zMin)));
  out.invW = invW;
  return out;
}

/**
 * Guard band used for clipping: a little inside the rasteriser's, so float32 rounding of the
 * viewport transform can never push a clipped vertex past `GUARD_BAND_PIXELS`.
 */
export const CLIP_GUARD_BAND = GUARD_BAND_PIXELS - 64;

/**
 * The D3D clip volume in z (0 ≤ z ≤ w) and the guard band in x and y, as planes:
 * near, far, left, right, top, bottom. x and y are cut only where the window position would leave
 * the guard band, so on-screen geometry is never cut (and never distorted) by a frustum side.
 */
export function volumePlanes(vp: Viewport): ClipPlane[] {
  const g = CLIP_GUARD_BAND;
  const halfW = vp.w / 2;
  const halfH = vp.h / 2;
  const xLo = (-g - vp.x) / halfW - 1;
  const xHi = (g - vp.x) / halfW - 1;
  const yLo = 1 - (g - vp.y) / halfH;
  const yHi = 1 + (g + vp.y) / halfH;
  return [
    [0, 0, 1, 0],
    [0, 0, -1, 1],
    [1, 0, 0, -xLo],
    [-1, 0, 0, xHi],
    [0, 1, 0, -yLo],
    [0, -1, 0, yHi],
  ];
}
