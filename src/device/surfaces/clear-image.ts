/**
 * The pixel work of CLEAR: filling a rectangle of one surface image with a colour, a depth and/or
 * a stencil value. The device core picks the targets and clips the rectangles to render target ∩
 * viewport (svga3d-protocol.md §5.3); this clips again to the image, defensively.
 *
 * - Colour: `0xAARRGGBB` converted once with `packColorArgb8888` (8-bit formats take the bytes as
 *   they are), then the texel is repeated over the rectangle.
 * - Depth: `packDepth`'s bits, which keep the stencil bits of a depth-stencil format.
 * - Stencil: `packStencil`'s bits, which keep the depth bits.
 * - A value the format cannot hold (colour into depth or DXT, depth into colour, stencil into a
 *   format without stencil bits) is reported and skipped; the other values are still written.
 * - Only slice 0 of a volume is cleared: a render target is a 2D image.
 *
 * Every value is packed once, not per texel: packing a field into a texel of all zero bits and
 * into one of all one bits tells which bits the packer writes (equal in both) and which it keeps
 * (different), so each value becomes a texel-sized (keep, set) byte pair and the clear is
 * `byte = (byte & keep) | set` over the rectangle (a plain row copy when nothing is kept). The
 * per-texel reference (`clear-image-reference.ts`) gives the same bytes (differential test).
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

/** A texel-wide write: per byte, the bits kept from the old texel and the bits set. */
interface TexelWrite {
  readonly keep: Uint8Array;
  readonly set: Uint8Array;
}

/** The write a packer that touches only some bits makes, found from two packs (see the file comment). */
function fieldWrite(bpp: number, pack: (out: Uint8Array) => boolean): TexelWrite | undefined {
  const zeros = new Uint8Array(bpp);
  const ones = new Uint8Array(bpp).fill(0xff);
  if (!pack(zeros) || !pack(ones)) return undefined;
  const keep = new Uint8Array(bpp);
  const set = new Uint8Array(bpp);
  for (let i = 0; i < bpp; i++) {
    keep[i] = (zeros[i] ?? 0) ^ (ones[i] ?? 0);
    set[i] = (zeros[i] ?? 0) & (ones[i] ?? 0);
  }
  return { keep, set };
}

/** `second` applied after `first`, as one write: (old & k1 | s1) & k2 | s2 = old & (k1 & k2) | (s1 & k2 | s2). */
function thenWrite(first: TexelWrite | undefined, second: TexelWrite): TexelWrite {
  if (first === undefined) return second;
  const keep = new Uint8Array(second.keep.length);
  const set = new Uint8Array(second.keep.length);
  for (let i = 0; i < keep.length; i++) {
    const k2 = second.keep[i] ?? 0;
    keep[i] = (first.keep[i] ?? 0) & k2;
    set[i] = ((first.set[i] ?? 0) & k2) | (second.set[i] ?? 0);
  }
  return { keep, set };
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
  const format = surface.format;

  let write: TexelWrite | undefined;
  if (values.color !== undefined) {
    const color = values.color;
    const texel = new Uint8Array(bpp);
    if (!texelFormat || !packColorArgb8888(format, color, texel, 0)) {
      report(D.E_CLEAR_FORMAT, `cannot clear ${name} to a colour`);
    } else {
      // The colour replaces the whole texel.
      write = thenWrite(write, { keep: new Uint8Array(bpp), set: texel });
    }
  }
  if (values.depth !== undefined) {
    const depth = values.depth;
    if (!texelFormat || info.depthBits === 0) report(D.E_CLEAR_FORMAT, `${name} has no depth to clear`);
    else {
      const depthWrite = fieldWrite(bpp, (out) => packDepth(format, depth, out, 0));
      if (depthWrite !== undefined) write = thenWrite(write, depthWrite);
    }
  }
  if (values.stencil !== undefined) {
    const stencil = values.stencil;
    if (!texelFormat || info.stencilBits === 0) report(D.E_CLEAR_FORMAT, `${name} has no stencil to clear`);
    else {
      const stencilWrite = fieldWrite(bpp, (out) => packStencil(format, stencil, out, 0));
      if (stencilWrite !== undefined) write = thenWrite(write, stencilWrite);
    }
  }
  if (write !== undefined && w > 0 && h > 0 && bpp > 0) fillRect(image, rect.x, rect.y, w, h, bpp, write);
}

/**
 * Applies `write` to every texel of the w × h rectangle at (x, y) that lies wholly inside the
 * image's bytes (the packers' own bounds rule; the clipped rectangle always does).
 */
function fillRect(image: SurfaceImage, x: number, y: number, w: number, h: number, bpp: number, write: TexelWrite): void {
  const bytes = image.bytes;
  const { keep, set } = write;
  const rowBytes = w * bpp;
  const keepsNothing = keep.every((k) => k === 0);
  let row: Uint8Array | undefined;
  if (keepsNothing) {
    row = new Uint8Array(rowBytes);
    for (let i = 0; i < w; i++) row.set(set, i * bpp);
  }
  for (let j = 0; j < h; j++) {
    const start = (y + j) * image.rowPitch + x * bpp;
    if (!Number.isInteger(start) || start < 0) continue;
    if (row !== undefined && start + rowBytes <= bytes.length) {
      bytes.set(row, start);
      continue;
    }
    for (let i = 0; i < w; i++) {
      const at = start + i * bpp;
      if (at + bpp > bytes.length) break;
      for (let b = 0; b < bpp; b++) bytes[at + b] = ((bytes[at + b] ?? 0) & (keep[b] ?? 0)) | (set[b] ?? 0);
    }
  }
}
