/**
 * The hardware cursor: the last definition (AND/XOR or alpha), its hotspot, position and
 * visibility. The cursor is the host's, drawn above the guest's image, so it is kept here for
 * inspection but never drawn into `readScreen` images.
 */
import type { ReportFn } from '../../common/diagnostics.js';
import { createRgba8Image, type Rgba8Image } from '../../common/image.js';
import { SCREEN_DIAGNOSTICS as D } from './screen-diagnostics.js';
import type { DefineAlphaCursorBody, DefineCursorBody, DisplayCursorBody, MoveCursorBody } from './screen-commands.js';
import { decodePixels, legacyFormat, BYTES_PER_PIXEL, type Palette } from './pixel-codec.js';
import { int32, u32 } from './rect-math.js';

/** Largest cursor side accepted (VMware hosts accept far smaller; 256 keeps a definition ≤ 256 KiB). */
export const MAX_CURSOR_SIZE = 256;

/** A cursor image with its hotspot. */
export interface CursorDefinition {
  readonly kind: 'mask' | 'alpha';
  readonly hotspotX: number;
  readonly hotspotY: number;
  /**
   * What the cursor shows over a black background, as RGBA8: for a mask cursor, AND 0 → the XOR
   * colour opaque, AND 1 → transparent (alpha 0); for an alpha cursor, the pixels converted from
   * BGRA to RGBA, still premultiplied.
   */
  readonly image: Rgba8Image;
  /** Mask cursors: 1 where AND = 1 and XOR ≠ 0, i.e. the screen is inverted there. */
  readonly invert?: Uint8Array;
  /** Mask cursors: the masks exactly as sent, with their depths. */
  readonly andMask?: { readonly depth: number; readonly bytes: Uint8Array };
  readonly xorMask?: { readonly depth: number; readonly bytes: Uint8Array };
}

/** Cursor state as the legacy DEFINE/DISPLAY/MOVE_CURSOR commands leave it. */
export class CursorState {
  definition: CursorDefinition | undefined;
  x = 0;
  y = 0;
  visible = false;

  /** DEFINE_CURSOR; `bitsPerPixel` is the legacy mode's, `palette` decodes 8 bpp XOR masks. */
  define(body: DefineCursorBody, bitsPerPixel: number, palette: Palette, report: ReportFn): void {
    const w = u32(body.width);
    const h = u32(body.height);
    if (!this.checkHeader(body.id, w, h, report)) return;
    const andDepth = u32(body.andMaskDepth);
    const xorDepth = u32(body.xorMaskDepth);
    const xorFormat = xorDepth === 1 ? undefined : legacyFormat(xorDepth);
    const depthOk = (d: number): boolean => d === 1 || d === bitsPerPixel;
    if (!depthOk(andDepth) || !depthOk(xorDepth) || (xorDepth !== 1 && !xorFormat) || (andDepth !== 1 && !legacyFormat(andDepth))) {
      report(D.E_CURSOR, `cursor mask depths AND ${andDepth} XOR ${xorDepth} must be 1 or the mode's ${bitsPerPixel} bits per pixel`);
      return;
    }
    const andPitch = scanlineBytes(w, andDepth);
    const xorPitch = scanlineBytes(w, xorDepth);
    if (body.andMask.length < andPitch * h || body.xorMask.length < xorPitch * h) {
      report(D.E_CURSOR, `cursor masks hold ${body.andMask.length} and ${body.xorMask.length} bytes; ${w}x${h} needs ${andPitch * h} and ${xorPitch * h}`);
      return;
    }
    const image = createRgba8Image(w, h);
    const invert = new Uint8Array(w * h);
    const px = new Uint8Array(4);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const andBit = maskIsSet(body.andMask, y * andPitch, x, andDepth);
        let r = 0; let g = 0; let b = 0; let nonzero: boolean;
        if (xorFormat) {
          const bpp = BYTES_PER_PIXEL[xorFormat];
          decodePixels(xorFormat, body.xorMask, y * xorPitch + x * bpp, 1, px, 0, palette);
          [r, g, b] = [px[0] as number, px[1] as number, px[2] as number];
          nonzero = maskIsSet(body.xorMask, y * xorPitch, x, xorDepth);
        } else {
          nonzero = maskIsSet(body.xorMask, y * xorPitch, x, 1);
          r = g = b = nonzero ? 255 : 0;
        }
        const o = (y * w + x) * 4;
        if (!andBit) {
          image.data[o] = r; image.data[o + 1] = g; image.data[o + 2] = b; image.data[o + 3] = 255;
        } else if (nonzero) {
          invert[y * w + x] = 1;
        }
      }
    }
    this.definition = {
      kind: 'mask', hotspotX: u32(body.hotspotX), hotspotY: u32(body.hotspotY), image, invert,
      andMask: { depth: andDepth, bytes: body.andMask.slice(0, andPitch * h) },
      xorMask: { depth: xorDepth, bytes: body.xorMask.slice(0, xorPitch * h) },
    };
  }

  /** DEFINE_ALPHA_CURSOR. */
  defineAlpha(body: DefineAlphaCursorBody, report: ReportFn): void {
    const w = u32(body.width);
    const h = u32(body.height);
    if (!this.checkHeader(body.id, w, h, report)) return;
    if (body.pixels.length < w * h * 4) {
      report(D.E_CURSOR, `alpha cursor data holds ${body.pixels.length} bytes; ${w}x${h} needs ${w * h * 4}`);
      return;
    }
    const image = createRgba8Image(w, h);
    for (let i = 0; i < w * h * 4; i += 4) {
      image.data[i] = body.pixels[i + 2] as number;
      image.data[i + 1] = body.pixels[i + 1] as number;
      image.data[i + 2] = body.pixels[i] as number;
      image.data[i + 3] = body.pixels[i + 3] as number;
    }
    this.definition = { kind: 'alpha', hotspotX: u32(body.hotspotX), hotspotY: u32(body.hotspotY), image };
  }

  /** DISPLAY_CURSOR: state 0 hides, anything else shows (id must be 0 like the definitions'). */
  display(body: DisplayCursorBody, report: ReportFn): void {
    if (u32(body.id) !== 0) {
      report(D.E_CURSOR, `DISPLAY_CURSOR id ${u32(body.id)}; only cursor 0 exists`);
      return;
    }
    this.visible = u32(body.state) !== 0;
  }

  /** MOVE_CURSOR: the position in virtual-desktop coordinates. */
  move(body: MoveCursorBody): void {
    this.x = int32(body.x);
    this.y = int32(body.y);
  }

  private checkHeader(id: number, w: number, h: number, report: ReportFn): boolean {
    if (u32(id) !== 0) {
      report(D.E_CURSOR, `cursor id ${u32(id)} must be 0`);
      return false;
    }
    if (w === 0 || h === 0 || w > MAX_CURSOR_SIZE || h > MAX_CURSOR_SIZE) {
      report(D.E_CURSOR, `cursor size ${w}x${h} is outside 1..${MAX_CURSOR_SIZE}`);
      return false;
    }
    return true;
  }
}

/** Bytes per mask scanline: padded to 32 bits; depth 15 occupies 16 bits per pixel. */
export function scanlineBytes(width: number, depth: number): number {
  const bits = depth === 15 ? 16 : depth;
  return Math.ceil((width * bits) / 32) * 4;
}

/** Whether pixel x of a mask scanline is non-zero (depth 1: most significant bit first). */
function maskIsSet(mask: Uint8Array, lineStart: number, x: number, depth: number): boolean {
  if (depth === 1) return (((mask[lineStart + (x >> 3)] as number) >> (7 - (x & 7))) & 1) === 1;
  const bytes = depth === 15 ? 2 : depth >> 3;
  const o = lineStart + x * bytes;
  let v = 0;
  for (let k = 0; k < bytes; k++) v += (mask[o + k] as number) * 2 ** (8 * k);
  // The unused bits (555's top bit, 32 bpp's X byte) do not count.
  const used = depth === 15 ? 0x7fff : depth === 32 ? 0xffffff : 2 ** depth - 1;
  return v % (used + 1) !== 0;
}
