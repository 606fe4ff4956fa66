/**
 * Host image geometry: tightly packed rows of blocks, slices of block rows (svga3d-protocol.md §5.4).
 * The same layout serves SURFACE_DMA, surface storage, vertex/index fetch and the sampler.
 */
import type { SurfaceFormatInfo } from './surface-formats.js';

/** Byte geometry of one image (one face and mip level of a surface). */
export interface ImageLayout {
  /** Bytes from one block row to the next (`blocksWide × pitchBytesPerBlock`). */
  readonly rowPitch: number;
  /**
   * Bytes from one depth slice to the next: `blocksHigh × rowPitch`, or for the planar NV12
   * `blocksWide × blocksHigh × 6` (luma plane of `2 × blocksHigh` rows, then the CbCr plane of
   * `blocksHigh` rows, both of `rowPitch` bytes).
   */
  readonly slicePitch: number;
  /** `slicePitch × depth`. */
  readonly byteSize: number;
  /** `ceil(width / blockWidth)`: a 3×3 DXT1 level is one 4×4 block. */
  readonly blocksWide: number;
  readonly blocksHigh: number;
}

/** The absolute ceiling on any image size, whatever the caller allows: 2^31 bytes. */
export const MAX_IMAGE_BYTES = 2 ** 31;

function isU32(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 0xffffffff;
}

/** `a × b`, or undefined when it would exceed `limit`; checked before multiplying. */
function mulWithin(a: number, b: number, limit: number): number | undefined {
  if (a !== 0 && b > Math.floor(limit / a)) return undefined;
  return a * b;
}

/**
 * The layout of a `width × height × depth` image (sizes in pixels, u32 guest values) in `info`'s
 * format. Returns undefined when a size is not a u32 integer, or when the row pitch, slice pitch or
 * total size would exceed `limit` (clamped to {@link MAX_IMAGE_BYTES}). Zero sizes give zero bytes;
 * callers that require non-empty images check that themselves.
 */
export function imageLayout(
  info: SurfaceFormatInfo,
  width: number,
  height: number,
  depth: number,
  limit: number = MAX_IMAGE_BYTES,
): ImageLayout | undefined {
  if (!isU32(width) || !isU32(height) || !isU32(depth)) return undefined;
  const cap = Number.isFinite(limit) && limit >= 0 ? Math.min(Math.floor(limit), MAX_IMAGE_BYTES) : MAX_IMAGE_BYTES;
  const blocksWide = Math.ceil(width / info.blockWidth);
  const blocksHigh = Math.ceil(height / info.blockHeight);
  const rowPitch = mulWithin(blocksWide, info.pitchBytesPerBlock, cap);
  if (rowPitch === undefined) return undefined;
  let slicePitch: number | undefined;
  if (info.planar) {
    const blocks = mulWithin(blocksWide, blocksHigh, cap);
    slicePitch = blocks === undefined ? undefined : mulWithin(blocks, info.bytesPerBlock, cap);
  } else {
    slicePitch = mulWithin(blocksHigh, rowPitch, cap);
  }
  if (slicePitch === undefined) return undefined;
  const byteSize = mulWithin(slicePitch, depth, cap);
  if (byteSize === undefined) return undefined;
  return { rowPitch, slicePitch, byteSize, blocksWide, blocksHigh };
}
