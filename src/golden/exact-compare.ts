/**
 * Exact image comparison: the oracle's verdict. Every RGBA byte must be equal, alpha-0 pixels
 * included (pixelmatch would call two transparent pixels with different RGB equal), and images of
 * different sizes never match.
 */
import type { Rgba8Image } from '../common/image.js';

/** A box of pixels, inclusive of `x0,y0`, exclusive of `x1,y1`. */
export interface PixelBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** What {@link compareExact} found. */
export interface ExactComparison {
  /** Same size and every byte equal. */
  readonly match: boolean;
  readonly sizeMatch: boolean;
  /** Pixels with at least one differing byte (0 when the sizes differ: nothing is compared). */
  readonly diffPixels: number;
  /** Pixels compared (`width * height` of either image when the sizes match, else 0). */
  readonly totalPixels: number;
  /** Largest absolute difference of one channel, 0–255. */
  readonly maxChannelDelta: number;
  /** Bounding box of the differing pixels; undefined when none differ. */
  readonly bbox: PixelBox | undefined;
}

/** Whether `image` is well formed: integer size, `width * height * 4` bytes. */
export function isWellFormedImage(image: Rgba8Image): boolean {
  return (
    Number.isSafeInteger(image.width) &&
    Number.isSafeInteger(image.height) &&
    image.width >= 0 &&
    image.height >= 0 &&
    image.data.length === image.width * image.height * 4
  );
}

/** Compares `expected` and `actual` byte for byte. Never throws; a malformed image never matches. */
export function compareExact(expected: Rgba8Image, actual: Rgba8Image): ExactComparison {
  const sizeMatch =
    isWellFormedImage(expected) && isWellFormedImage(actual) && expected.width === actual.width && expected.height === actual.height;
  if (!sizeMatch) return { match: false, sizeMatch, diffPixels: 0, totalPixels: 0, maxChannelDelta: 0, bbox: undefined };
  const { width, height } = expected;
  const a = expected.data;
  const b = actual.data;
  let diff = 0;
  let maxDelta = 0;
  let x0 = width;
  let y0 = height;
  let x1 = 0;
  let y1 = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      let differs = false;
      for (let c = 0; c < 4; c++) {
        const d = Math.abs((a[o + c] ?? 0) - (b[o + c] ?? 0));
        if (d > 0) {
          differs = true;
          if (d > maxDelta) maxDelta = d;
        }
      }
      if (differs) {
        diff++;
        if (x < x0) x0 = x;
        if (y < y0) y0 = y;
        if (x + 1 > x1) x1 = x + 1;
        if (y + 1 > y1) y1 = y + 1;
      }
    }
  }
  return {
    match: diff === 0,
    sizeMatch,
    diffPixels: diff,
    totalPixels: width * height,
    maxChannelDelta: maxDelta,
    bbox: diff === 0 ? undefined : { x0, y0, x1, y1 },
  };
}
