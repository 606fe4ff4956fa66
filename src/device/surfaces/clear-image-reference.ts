/**
 * The reference of CLEAR's pixel work (`clear-image.ts`): every texel through the formats
 * module's public packers, one call per texel. `clearImageRect` must leave exactly the same bytes
 * and report exactly the same diagnostics (differential test); this is kept as its specification.
 */
import type { ReportFn } from '../../common/diagnostics.js';
import { packColorArgb8888, packDepth, packStencil, surfaceFormatInfo } from '../../formats/index.js';
import type { SurfaceImage, SurfaceView } from '../surface-image.js';
import type { ClearRect, ClearValues } from './clear-image.js';
import { clipExtent } from './box-geometry.js';
import { SurfaceDiagnostics as D } from './surface-diagnostics.js';

/** The per-texel reference of `clearImageRect`. Never throws. */
export function clearImageRectReference(
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
