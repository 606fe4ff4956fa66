/**
 * The 2D pixel formats of the guest framebuffer (GFB) and the GMRFB, to and from RGBA8.
 *
 * Rules (exact, documented so every image can be explained):
 * - 32 bpp is B, G, R, X bytes; X is ignored on read and written as 0.
 * - 24 bpp is B, G, R bytes.
 * - 16 bpp is 565 and 15 bpp is 555 (a 16-bit little-endian word, top bit ignored / written 0).
 *   Channels widen to 8 bits by bit replication (`v << 3 | v >> 2`, `v << 2 | v >> 4`), so the
 *   extremes map to 0 and 255; they narrow by truncation (`c >> 3`, `c >> 2`), which inverts the
 *   widening exactly.
 * - 8 bpp indexes the 256-entry palette; writing back picks the nearest palette entry by squared
 *   RGB distance, the lowest index on a tie.
 * The alpha of every decoded pixel is 255.
 */

/** A 2D pixel layout. */
export type PixelFormat = 'bgrx8888' | 'bgr888' | 'rgb565' | 'rgb555' | 'pal8';

export const BYTES_PER_PIXEL: Readonly<Record<PixelFormat, number>> = {
  bgrx8888: 4, bgr888: 3, rgb565: 2, rgb555: 2, pal8: 1,
};

/** The legacy mode's format for `SVGA_REG_BITS_PER_PIXEL`, or undefined when unsupported. */
export function legacyFormat(bitsPerPixel: number): PixelFormat | undefined {
  switch (bitsPerPixel) {
    case 32: return 'bgrx8888';
    case 24: return 'bgr888';
    case 16: return 'rgb565';
    case 15: return 'rgb555';
    case 8: return 'pal8';
    default: return undefined;
  }
}

/** The GMRFB format for an `SVGAGMRImageFormat` (bits per pixel, colour depth), or undefined. */
export function gmrfbFormat(bitsPerPixel: number, colorDepth: number): PixelFormat | undefined {
  if (bitsPerPixel === 32 && colorDepth === 24) return 'bgrx8888';
  if (bitsPerPixel === 24 && colorDepth === 24) return 'bgr888';
  if (bitsPerPixel === 16 && colorDepth === 16) return 'rgb565';
  if (bitsPerPixel === 16 && colorDepth === 15) return 'rgb555';
  return undefined;
}

/** 256 palette entries of R, G, B bytes. */
export type Palette = Uint8Array;

/**
 * Decodes `count` pixels of `src` from byte `srcOff` into RGBA8 `dst` from byte `dstOff`.
 * The caller guarantees both ranges are inside their arrays.
 */
export function decodePixels(
  format: PixelFormat, src: Uint8Array, srcOff: number, count: number, dst: Uint8Array, dstOff: number, palette: Palette,
): void {
  let s = srcOff;
  let d = dstOff;
  for (let i = 0; i < count; i++, d += 4) {
    switch (format) {
      case 'bgrx8888':
        dst[d] = src[s + 2] as number; dst[d + 1] = src[s + 1] as number; dst[d + 2] = src[s] as number; s += 4;
        break;
      case 'bgr888':
        dst[d] = src[s + 2] as number; dst[d + 1] = src[s + 1] as number; dst[d + 2] = src[s] as number; s += 3;
        break;
      case 'rgb565': {
        const v = (src[s] as number) | ((src[s + 1] as number) << 8); s += 2;
        const r = v >> 11; const g = (v >> 5) & 63; const b = v & 31;
        dst[d] = (r << 3) | (r >> 2); dst[d + 1] = (g << 2) | (g >> 4); dst[d + 2] = (b << 3) | (b >> 2);
        break;
      }
      case 'rgb555': {
        const v = (src[s] as number) | ((src[s + 1] as number) << 8); s += 2;
        const r = (v >> 10) & 31; const g = (v >> 5) & 31; const b = v & 31;
        dst[d] = (r << 3) | (r >> 2); dst[d + 1] = (g << 3) | (g >> 2); dst[d + 2] = (b << 3) | (b >> 2);
        break;
      }
      case 'pal8': {
        const p = (src[s] as number) * 3; s += 1;
        dst[d] = palette[p] as number; dst[d + 1] = palette[p + 1] as number; dst[d + 2] = palette[p + 2] as number;
        break;
      }
    }
    dst[d + 3] = 255;
  }
}

/** Finds palette indices for RGB colours; one instance per command keeps its cache bounded. */
export class PaletteMatcher {
  private readonly cache = new Map<number, number>();
  private readonly palette: Palette;
  constructor(palette: Palette) {
    this.palette = palette;
  }
  index(r: number, g: number, b: number): number {
    const key = (r << 16) | (g << 8) | b;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    let best = 0;
    let bestDist = Infinity;
    for (let i = 0; i < 256; i++) {
      const dr = (this.palette[i * 3] as number) - r;
      const dg = (this.palette[i * 3 + 1] as number) - g;
      const db = (this.palette[i * 3 + 2] as number) - b;
      const dist = dr * dr + dg * dg + db * db;
      if (dist < bestDist) { best = i; bestDist = dist; }
    }
    this.cache.set(key, best);
    return best;
  }
}

/** Encodes `count` RGBA8 pixels of `src` from `srcOff` into `format` at `dst[dstOff]`. */
export function encodePixels(
  format: PixelFormat, src: Uint8Array, srcOff: number, count: number, dst: Uint8Array, dstOff: number,
  matcher?: PaletteMatcher,
): void {
  let s = srcOff;
  let d = dstOff;
  for (let i = 0; i < count; i++, s += 4) {
    const r = src[s] as number; const g = src[s + 1] as number; const b = src[s + 2] as number;
    switch (format) {
      case 'bgrx8888': dst[d] = b; dst[d + 1] = g; dst[d + 2] = r; dst[d + 3] = 0; d += 4; break;
      case 'bgr888': dst[d] = b; dst[d + 1] = g; dst[d + 2] = r; d += 3; break;
      case 'rgb565': {
        const v = ((r >> 3) << 11) | ((g >> 2) << 5) | (b >> 3);
        dst[d] = v & 255; dst[d + 1] = v >> 8; d += 2;
        break;
      }
      case 'rgb555': {
        const v = ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3);
        dst[d] = v & 255; dst[d + 1] = v >> 8; d += 2;
        break;
      }
      case 'pal8': dst[d] = matcher ? matcher.index(r, g, b) : 0; d += 1; break;
    }
  }
}

/** Writes one raw pixel value (a RECT_FILL colour in the framebuffer's format) `count` times. */
export function fillPixelValue(format: PixelFormat, value: number, dst: Uint8Array, dstOff: number, count: number): void {
  const bpp = BYTES_PER_PIXEL[format];
  for (let i = 0, d = dstOff; i < count; i++, d += bpp) {
    for (let k = 0; k < bpp; k++) dst[d + k] = (value >>> (8 * k)) & 255;
  }
}
