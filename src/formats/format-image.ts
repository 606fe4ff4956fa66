/**
 * The image view the formats code reads and writes: structurally the device's `SurfaceImage`
 * (formats sits below the device in the import order, so it declares its own).
 */
import { imageLayout } from './image-layout.js';
import type { SurfaceFormatInfo } from './surface-formats.js';

/** One image: `depth` slices of block rows (layout of `image-layout.ts`), any pitches ≥ the tight ones. */
export interface FormatImage {
  readonly width: number;
  readonly height: number;
  readonly depth: number;
  readonly rowPitch: number;
  readonly slicePitch: number;
  readonly bytes: Uint8Array;
}

/** Block counts of a checked image. */
export interface CheckedImage {
  readonly blocksWide: number;
  readonly blocksHigh: number;
}

function isCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 0xffffffff;
}

/**
 * Checks that `image` is consistent with `info` before any byte is read: integer sizes, pitches
 * at least the tight ones, and `bytes` long enough for every block of every slice. Returns the
 * block counts, or undefined when reading the image could go out of bounds.
 */
export function checkImage(info: SurfaceFormatInfo, image: FormatImage): CheckedImage | undefined {
  const { width, height, depth, rowPitch, slicePitch, bytes } = image;
  if (!isCount(rowPitch) || !isCount(slicePitch) || !isCount(depth)) return undefined;
  const tight = imageLayout(info, width, height, 1);
  if (tight === undefined || rowPitch < tight.rowPitch) return undefined;
  const { blocksWide, blocksHigh } = tight;
  if (blocksWide === 0 || blocksHigh === 0 || depth === 0) return { blocksWide, blocksHigh };
  // Bytes one slice needs from its start (NV12: luma rows then chroma rows, all of rowPitch).
  const sliceExtent = info.planar
    ? (3 * blocksHigh - 1) * rowPitch + blocksWide * info.pitchBytesPerBlock
    : (blocksHigh - 1) * rowPitch + blocksWide * info.bytesPerBlock;
  const sliceRows = info.planar ? 3 * blocksHigh * rowPitch : blocksHigh * rowPitch;
  if (depth > 1 && slicePitch < sliceRows) return undefined;
  if ((depth - 1) * slicePitch + sliceExtent > bytes.length) return undefined;
  return { blocksWide, blocksHigh };
}
