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
import { floatToHalf } from '../common/half-float.js';
import { float32ToBits, floatToSnorm, floatToUnorm, unorm8ToUnorm, writeBits } from './normalized.js';
import { surfaceFormatInfo, type SurfaceFormatInfo } from './surface-formats.js';

function packable(info: SurfaceFormatInfo): boolean {
  switch (info.kind) {
    case 'color-unorm':
    case 'luminance-alpha':
    case 'signed-bump':
    case 'float16':
    case 'float32':
      return info.rgba !== null;
    default:
      return false;
  }
}

function inRange(offset: number, size: number, length: number): boolean {
  return Number.isInteger(offset) && offset >= 0 && offset + size <= length;
}

/** The RGBA component (0..3) that feeds channel `index`; X channels take A (3). */
function sourceComponent(info: SurfaceFormatInfo, index: number): number {
  const swz = info.rgba;
  if (swz !== null) {
    for (let k = 0; k < 4; k++) if (swz[k] === index) return k;
  }
  return 3;
}

const comps = new Float64Array(4);

/**
 * Packs (r, g, b, a) into the texel at `out[offset]` in `format`. Returns false, writing nothing,
 * for formats it cannot pack (depth/stencil: use `packDepth`/`packStencil`; DXT/BC; YUV; BUFFER;
 * unknown ids) or when the texel does not fit in `out`.
 */
export function packRgbaF32(format: number, r: number, g: number, b: number, a: number, out: Uint8Array, offset: number): boolean {
  const info = surfaceFormatInfo(format);
  if (info === undefined || !packable(info) || !inRange(offset, info.bytesPerBlock, out.length)) return false;
  comps[0] = Math.fround(r);
  comps[1] = Math.fround(g);
  comps[2] = Math.fround(b);
  comps[3] = Math.fround(a);
  for (let i = 0; i < info.channels.length; i++) {
    const c = info.channels[i];
    if (c === undefined) continue;
    const v = comps[sourceComponent(info, i)] ?? 0;
    let code: number;
    switch (c.type) {
      case 'snorm': {
        const s = floatToSnorm(v, c.bits);
        code = s < 0 ? s + 2 ** c.bits : s;
        break;
      }
      case 'float':
        code = c.bits === 16 ? floatToHalf(v) : float32ToBits(v);
        break;
      default:
        // unorm and unused (X) channels.
        code = floatToUnorm(v, c.bits);
    }
    writeBits(out, offset, c.offset, c.bits, code);
  }
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
  if (info === undefined || !packable(info) || !inRange(offset, info.bytesPerBlock, out.length)) return false;
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
