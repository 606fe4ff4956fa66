/**
 * Public texel and block decoders: any legacy format → RGBA, as float32 (for the sampler) or as
 * 8-bit (for screens and checkpoints). Guest bytes are never trusted: every entry point checks the
 * format, the offsets and the output size, and returns false without writing when one is wrong.
 */
import { decodeBcBlockRgba8 } from './bc-decode.js';
import { checkImage, type FormatImage } from './format-image.js';
import { surfaceFormatInfo, type SurfaceFormatInfo } from './surface-formats.js';
import { texelCodec } from './texel-codec.js';
import { decodeAyuvTexel, decodeNv12Block, decodePackedYuvBlock } from './yuv.js';

function inRange(offset: number, size: number, length: number): boolean {
  return Number.isInteger(offset) && offset >= 0 && offset + size <= length;
}

/** Texels in one block of `info`. */
function texelsPerBlock(info: SurfaceFormatInfo): number {
  return info.blockWidth * info.blockHeight;
}

/** Whether `info` has a per-block decoder (everything but BUFFER; NV12 needs its image). */
function decodable(info: SurfaceFormatInfo): boolean {
  return info.kind !== 'buffer';
}

/** Decodes a non-planar block, bounds already checked. */
function blockRgba8(info: SurfaceFormatInfo, bytes: Uint8Array, offset: number, out: Uint8Array): void {
  switch (info.kind) {
    case 'bc1':
    case 'bc2':
    case 'bc3':
    case 'bc4':
    case 'bc5':
      decodeBcBlockRgba8(info.kind, bytes, offset, out);
      return;
    case 'yuv':
      if (info.blockWidth === 2) decodePackedYuvBlock(bytes, offset, info.id === 43, out);
      else decodeAyuvTexel(bytes, offset, out, 0);
      return;
    default:
      texelCodec(info.id)?.rgba8(bytes, offset, out, 0);
  }
}

/**
 * Decodes the block at `bytes[offset]` of a non-planar format into `out` as 8-bit RGBA, texels in
 * row-major order within the block (1 texel for 1×1 formats, 2 for UYVY/YUY2, 16 for DXT/BC).
 * False for unknown formats, BUFFER, NV12 (use {@link decodeImageBlockRgba8}), a block not inside
 * `bytes`, or `out` shorter than `4 × texels`.
 */
export function decodeBlockRgba8(format: number, bytes: Uint8Array, offset: number, out: Uint8Array): boolean {
  const info = surfaceFormatInfo(format);
  if (info === undefined || !decodable(info) || info.planar) return false;
  if (!inRange(offset, info.bytesPerBlock, bytes.length) || out.length < 4 * texelsPerBlock(info)) return false;
  blockRgba8(info, bytes, offset, out);
  return true;
}

const scratch8 = new Uint8Array(64);

/**
 * Float32 version of {@link decodeBlockRgba8}: 1×1 formats decode at full precision (unorm
 * `v / (2^n − 1)`, snorm clamped, float16/32 exactly, D3D9 missing-channel defaults); DXT/BC and
 * YUV decode in integers and give `byte / 255`. `out` must hold `4 × texels` floats.
 */
export function decodeBlockRgbaF32(format: number, bytes: Uint8Array, offset: number, out: Float32Array): boolean {
  const info = surfaceFormatInfo(format);
  if (info === undefined || !decodable(info) || info.planar) return false;
  const n = texelsPerBlock(info);
  if (!inRange(offset, info.bytesPerBlock, bytes.length) || out.length < 4 * n) return false;
  if (info.rgba !== null) {
    texelCodec(info.id)?.f32(bytes, offset, out, 0);
    return true;
  }
  blockRgba8(info, bytes, offset, scratch8);
  for (let i = 0; i < 4 * n; i++) out[i] = (scratch8[i] ?? 0) / 255;
  return true;
}

/**
 * Decodes one texel of a 1×1 format (everything but DXT/BC, UYVY, YUY2, NV12 and BUFFER) at
 * `bytes[offset]` into `out[outOffset..outOffset+3]`. False, writing nothing, when the format is
 * not a 1×1 decodable format or either range is out of bounds.
 */
export function decodeTexelRgbaF32(
  format: number,
  bytes: Uint8Array,
  offset: number,
  out: Float32Array,
  outOffset = 0,
): boolean {
  const info = surfaceFormatInfo(format);
  if (info === undefined || !decodable(info) || texelsPerBlock(info) !== 1) return false;
  if (!inRange(offset, info.bytesPerBlock, bytes.length) || !inRange(outOffset, 4, out.length)) return false;
  if (info.rgba !== null) {
    texelCodec(info.id)?.f32(bytes, offset, out, outOffset);
  } else {
    decodeAyuvTexel(bytes, offset, scratch8, 0);
    for (let i = 0; i < 4; i++) out[outOffset + i] = (scratch8[i] ?? 0) / 255;
  }
  return true;
}

/**
 * Decodes block (bx, by) of slice z of `image` (any decodable format, NV12 included) into `out`
 * as 8-bit RGBA, texels row-major within the block. False when the image is inconsistent with
 * the format, the block is outside it, or `out` is too short.
 */
export function decodeImageBlockRgba8(
  format: number,
  image: FormatImage,
  bx: number,
  by: number,
  z: number,
  out: Uint8Array,
): boolean {
  const info = surfaceFormatInfo(format);
  if (info === undefined || !decodable(info) || out.length < 4 * texelsPerBlock(info)) return false;
  const checked = checkImage(info, image);
  if (checked === undefined) return false;
  if (!inRange(bx, 1, checked.blocksWide) || !inRange(by, 1, checked.blocksHigh) || !inRange(z, 1, image.depth)) {
    return false;
  }
  if (info.planar) return decodeNv12Block(image, checked.blocksHigh, bx, by, z, out);
  const offset = z * image.slicePitch + by * image.rowPitch + bx * info.bytesPerBlock;
  if (!inRange(offset, info.bytesPerBlock, image.bytes.length)) return false;
  blockRgba8(info, image.bytes, offset, out);
  return true;
}

/**
 * Reads the texel (x, y, z) of `image` as RGBA floats into `out[outOffset..+3]`, for any
 * decodable format (block formats decode their whole block; a sampler wanting speed caches
 * blocks through {@link decodeBlockRgbaF32}). False when anything is out of range.
 */
export function readTexelRgbaF32(
  format: number,
  image: FormatImage,
  x: number,
  y: number,
  z: number,
  out: Float32Array,
  outOffset = 0,
): boolean {
  const info = surfaceFormatInfo(format);
  if (info === undefined || !decodable(info) || !inRange(outOffset, 4, out.length)) return false;
  if (!inRange(x, 1, image.width) || !inRange(y, 1, image.height)) return false;
  const bx = Math.floor(x / info.blockWidth);
  const by = Math.floor(y / info.blockHeight);
  if (info.rgba !== null) {
    const checked = checkImage(info, image);
    if (checked === undefined || !inRange(z, 1, image.depth)) return false;
    const offset = z * image.slicePitch + by * image.rowPitch + bx * info.bytesPerBlock;
    if (!inRange(offset, info.bytesPerBlock, image.bytes.length)) return false;
    texelCodec(info.id)?.f32(image.bytes, offset, out, outOffset);
    return true;
  }
  if (!decodeImageBlockRgba8(format, image, bx, by, z, scratch8)) return false;
  const t = ((y % info.blockHeight) * info.blockWidth + (x % info.blockWidth)) * 4;
  for (let i = 0; i < 4; i++) out[outOffset + i] = (scratch8[t + i] ?? 0) / 255;
  return true;
}
