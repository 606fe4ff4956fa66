/**
 * The reference decoder of the per-pixel (1×1) formats described by channel layouts: colour
 * unorm, luminance/alpha, signed bump, float16/32 and depth. Each RGBA component follows the
 * format's Direct3D 9 swizzle (`SurfaceFormatInfo.rgba`), so missing channels read as D3D9
 * defines them.
 *
 * This is the plain, readable specification; the public decoders run the specialised codecs of
 * `texel-codec.ts`, which a differential test holds to these results bit for bit. Bounds are the
 * caller's job.
 */
import { halfToFloat } from '../common/half-float.js';
import {
  bitsToFloat32,
  floatTo8,
  readBits,
  signExtend,
  signedFloatTo8,
  snormTo8,
  snormToFloat,
  unormTo8,
  unormToFloat,
} from './normalized.js';
import type { ChannelLayout, SurfaceFormatInfo } from './surface-formats.js';

/** A channel's value as a float (unorm/snorm normalised, float as stored, uint as an integer). */
export function channelValue(c: ChannelLayout, bytes: Uint8Array, base: number): number {
  const raw = readBits(bytes, base, c.offset, c.bits);
  switch (c.type) {
    case 'unorm':
      return unormToFloat(raw, c.bits);
    case 'snorm':
      return snormToFloat(signExtend(raw, c.bits), c.bits);
    case 'float':
      return c.bits === 16 ? halfToFloat(raw) : bitsToFloat32(raw);
    case 'uint':
      return raw;
    case 'unused':
      return 0;
  }
}

/** A channel's value as an 8-bit display value (the rules of `normalized.ts`). */
function channelValue8(c: ChannelLayout, bytes: Uint8Array, base: number): number {
  const raw = readBits(bytes, base, c.offset, c.bits);
  switch (c.type) {
    case 'unorm':
      return unormTo8(raw, c.bits);
    case 'snorm':
      return snormTo8(signExtend(raw, c.bits), c.bits);
    case 'float':
      return floatTo8(c.bits === 16 ? halfToFloat(raw) : bitsToFloat32(raw));
    case 'uint':
    case 'unused':
      return 0;
  }
}

/**
 * CxV8U8's third component, `sqrt(1 − U² − V²)` in float32 steps, 0 when U² + V² > 1.
 * `Math.sqrt` is correctly rounded by the ECMAScript spec, so this is deterministic.
 */
export function cxFromUv(u: number, v: number): number {
  const t = Math.fround(Math.fround(1 - Math.fround(u * u)) - Math.fround(v * v));
  return t > 0 ? Math.fround(Math.sqrt(t)) : 0;
}

/** C of a CxV8U8 texel, from its first two channels (U, V). */
function cxOf(info: SurfaceFormatInfo, bytes: Uint8Array, base: number): number {
  const [cu, cv] = info.channels;
  const u = cu === undefined ? 0 : Math.fround(channelValue(cu, bytes, base));
  const v = cv === undefined ? 0 : Math.fround(channelValue(cv, bytes, base));
  return cxFromUv(u, v);
}

/**
 * Decodes the 1×1 texel at `bytes[base]` into `out[o..o+3]` as RGBA floats (stored as float32
 * by the Float32Array). `info.rgba` must be non-null.
 */
export function decodeChannelsF32(info: SurfaceFormatInfo, bytes: Uint8Array, base: number, out: Float32Array, o: number): void {
  const swz = info.rgba;
  if (swz === null) return;
  for (let k = 0; k < 4; k++) {
    const src = swz[k];
    let v = 0;
    if (typeof src === 'number') {
      const c = info.channels[src];
      if (c !== undefined) v = channelValue(c, bytes, base);
    } else if (src === 'one') {
      v = 1;
    } else if (src === 'cx') {
      v = cxOf(info, bytes, base);
    }
    out[o + k] = v;
  }
}

/**
 * Decodes the 1×1 texel at `bytes[base]` into `out[o..o+3]` as 8-bit RGBA for display: 8-bit
 * unorm channels are copied exactly, other channels converted by the rules of `normalized.ts`.
 * `'one'` gives 255, `'zero'` 0; CxV8U8's computed C is shown like a signed channel.
 */
export function decodeChannelsRgba8(info: SurfaceFormatInfo, bytes: Uint8Array, base: number, out: Uint8Array, o: number): void {
  const swz = info.rgba;
  if (swz === null) return;
  for (let k = 0; k < 4; k++) {
    const src = swz[k];
    let v = 0;
    if (typeof src === 'number') {
      const c = info.channels[src];
      if (c !== undefined) v = channelValue8(c, bytes, base);
    } else if (src === 'one') {
      v = 255;
    } else if (src === 'cx') {
      v = signedFloatTo8(cxOf(info, bytes, base));
    }
    out[o + k] = v;
  }
}
