/**
 * Encoding RGBA into the uncompressed colour formats (CLEAR, render-target writes, STRETCHBLT
 * LINEAR, mipmap generation).
 *
 * Which component feeds which channel is the inverse of the format's D3D9 swizzle: luminance from
 * R, ALPHA8 from A, bump U V W Q from R G B A, the unsigned L of L6V5U5/X8L8V8U8/L8V8U8 from B.
 * Unused X bits are written from A, as if they were alpha, so a byte copy between X8R8G8B8 and
 * A8R8G8B8 round-trips and `packColorArgb8888` puts all four bytes of the colour in.
 *
 * Quantisation (`normalized.ts`): inputs are first rounded to float32; unorm clamps to [0, 1] and
 * rounds `v × (2^n − 1)` to nearest, ties up; snorm clamps to [−1, 1] and rounds to nearest, ties
 * away from zero; float16 rounds to nearest even (`floatToHalf`); float32 stores the float32 bits
 * with NaN canonicalised to 0x7FC00000. NaN gives 0 for unorm and snorm.
 */
import { channelCode, isPackable, sourceComponent, texelPacker } from './pack-codec.js';
import { unorm8ToUnorm, writeBits } from './normalized.js';
import { surfaceFormatInfo, type SurfaceFormatInfo } from './surface-formats.js';

function inRange(offset: number, size: number, length: number): boolean {
  return Number.isInteger(offset) && offset >= 0 && offset + size <= length;
}

/**
 * The reference packer: every channel written through `writeBits` from the component the
 * swizzle names. `texelPacker` must give the same bytes (differential test). Inputs are used as
 * given (the public entry rounds them to float32 first); bounds are the caller's job.
 */
export function packChannelsReference(info: SurfaceFormatInfo, rgba: readonly number[], out: Uint8Array, offset: number): void {
  for (let i = 0; i < info.channels.length; i++) {
    const c = info.channels[i];
    if (c === undefined) continue;
    writeBits(out, offset, c.offset, c.bits, channelCode(c, rgba[sourceComponent(info, i)] ?? 0));
  }
}

/**
 * Packs (r, g, b, a) into the texel at `out[offset]` in `format`. Returns false, writing nothing,
 * for formats it cannot pack (depth/stencil: use `packDepth`/`packStencil`; DXT/BC; YUV; BUFFER;
 * unknown ids) or when the texel does not fit in `out`.
 */
export function packRgbaF32(format: number, r: number, g: number, b: number, a: number, out: Uint8Array, offset: number): boolean {
  const info = surfaceFormatInfo(format);
  const packer = texelPacker(format);
  if (info === undefined || packer === undefined || !inRange(offset, info.bytesPerBlock, out.length)) return false;
  packer(Math.fround(r), Math.fround(g), Math.fround(b), Math.fround(a), out, offset);
  return true;
}

/**
 * Packs an `SVGA3dColor` (0xAARRGGBB, e.g. a CLEAR colour) into `format` at `out[offset]`. For
 * unorm colour and luminance/alpha formats this is integer-exact: 8-bit channels receive the
 * colour's bytes unchanged, n-bit ones `round(v × (2^n − 1) / 255)`. Signed and float formats
 * receive `byte / 255` through {@link packRgbaF32}. False for the formats `packRgbaF32` rejects.
 */
export function packColorArgb8888(format: number, argb: number, out: Uint8Array, offset: number): boolean {
  const info = surfaceFormatInfo(format);
  if (info === undefined || !isPackable(info) || !inRange(offset, info.bytesPerBlock, out.length)) return false;
  const word = argb >>> 0;
  const bytes = [(word >>> 16) & 255, (word >>> 8) & 255, word & 255, word >>> 24];
  if (info.kind !== 'color-unorm' && info.kind !== 'luminance-alpha') {
    const [r = 0, g = 0, b = 0, a = 0] = bytes;
    return packRgbaF32(format, r / 255, g / 255, b / 255, a / 255, out, offset);
  }
  for (let i = 0; i < info.channels.length; i++) {
    const c = info.channels[i];
    if (c === undefined) continue;
    const v8 = bytes[sourceComponent(info, i)] ?? 0;
    writeBits(out, offset, c.offset, c.bits, unorm8ToUnorm(v8, c.bits));
  }
  return true;
}
