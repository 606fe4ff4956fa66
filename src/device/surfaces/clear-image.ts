/**
 * The pixel work of CLEAR: filling a rectangle of one surface image with a colour, a depth and/or
 * a stencil value. The device core picks the targets and clips the rectangles to render target ∩
 * viewport (svga3d-protocol.md §5.3); this clips again to the image, defensively.
 *
 * - Colour: `0xAARRGGBB` converted once with `packColorArgb8888` (8-bit formats take the bytes as
 *   they are), then the texel is repeated over the rectangle.
 * - Depth: `packDepth` per texel, which keeps the stencil bits of a depth-stencil format.
 * - Stencil: `packStencil` per texel, which keeps the depth bits.
 * - A value the format cannot hold (colour into depth or DXT, depth into colour, stencil into a
 *   format without stencil bits) is reported and skipped; the other values are still written.
 * - Only slice 0 of a volume is cleared: a render target is a 2D image.
 */
import type { ReportFn } from '../../common/diagnostics.js';
import { packColorArgb8888, packDepth, packStencil, surfaceFormatInfo } from '../../formats/index.js';
import type { SurfaceImage, SurfaceView } from '../surface-image.js';
import { clipExtent } from './box-geometry.js';
import { SurfaceDiagnostics as D } from './surface-diagnostics.js';

/** A rectangle in pixels (`SVGA3dRect`). */
export interface ClearRect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** What to write; absent members are left alone. */
export interface ClearValues {
  /** `SVGA3dColor`, 0xAARRGGBB. */
  readonly color?: number;
  /** Depth in [0, 1] (clamped by the packer). */
  readonly depth?: number;
  /** Stencil value (masked to the format's stencil bits). */
  readonly stencil?: number;
}

/** Clears `rect` of image (face, mip) of `surface`. Never throws. */
export function clearImageRect(
  surface: SurfaceView,
  face: number,
  mip: number,
  rect: ClearRect,
  values: ClearValues,
  report: ReportFn,
): void {
  const image = surface.image(face, mip);
  if (image === undefined) {
    report(D.E_IMAGE_RANGE, `surface ${surface.sid} has no face ${face} mipmap ${mip}`);
    return;
  }
  const info = surfaceFormatInfo(surface.format);
  const name = info?.name ?? `format ${surface.format}`;
  const w = clipExtent(rect.x, rect.w, image.width);
  const h = clipExtent(rect.y, rect.h, image.height);
  const bpp = info?.bytesPerBlock ?? 0;
  const texelFormat = info !== undefined && info.blockWidth === 1 && info.blockHeight === 1 && !info.planar;

  if (values.color !== undefined) {
    const texel = new Uint8Array(bpp);
    if (!texelFormat || !packColorArgb8888(surface.format, values.color, texel, 0)) {
      report(D.E_CLEAR_FORMAT, `cannot clear ${name} to a colour`);
    } else if (w > 0 && h > 0) {
      const row = new Uint8Array(w * bpp);
      for (let i = 0; i < w; i++) row.set(texel, i * bpp);
      for (let j = 0; j < h; j++) image.bytes.set(row, (rect.y + j) * image.rowPitch + rect.x * bpp);
    }
  }
  if (values.depth !== undefined) {
    const depth = values.depth;
    if (!texelFormat || info.depthBits === 0) report(D.E_CLEAR_FORMAT, `${name} has no depth to clear`);
    else eachTexel(image, rect.x, rect.y, w, h, bpp, (o) => packDepth(surface.format, depth, image.bytes, o));
  }
  if (values.stencil !== undefined) {
    const stencil = values.stencil;
    if (!texelFormat || info.stencilBits === 0) report(D.E_CLEAR_FORMAT, `${name} has no stencil to clear`);
    else eachTexel(image, rect.x, rect.y, w, h, bpp, (o) => packStencil(surface.format, stencil, image.bytes, o));
  }
}

function eachTexel(image: SurfaceImage, x: number, y: number, w: number, h: number, bpp: number, f: (offset: number) => void): void {
  for (let j = 0; j < h; j++) {
    const row = (y + j) * image.rowPitch + x * bpp;
    for (let i = 0; i < w; i++) f(row + i * bpp);
  }
}
