/**
 * Fast packers for the uncompressed colour formats, specialised once per format (render-target
 * writes pack every pixel). `packChannelsReference` in `pack.ts` is the specification these must
 * equal byte for byte (checked by a differential test); both use the rules of `normalized.ts`.
 */
import { floatToHalf } from '../common/half-float.js';
import { float32ToBits, floatToSnorm, floatToUnorm } from './normalized.js';
import { surfaceFormatInfo, type ChannelLayout, type SurfaceFormatInfo } from './surface-formats.js';

/**
 * Writes (r, g, b, a) — already rounded to float32 — into the texel at `out[o]`. No bounds checks:
 * the caller has checked that the texel lies inside `out`.
 */
export type TexelPacker = (r: number, g: number, b: number, a: number, out: Uint8Array, o: number) => void;

/** The RGBA component (0..3) that feeds channel `index`; X channels take A (3). */
export function sourceComponent(info: SurfaceFormatInfo, index: number): number {
  const swz = info.rgba;
  if (swz !== null) {
    for (let k = 0; k < 4; k++) if (swz[k] === index) return k;
  }
  return 3;
}

/** Whether `packRgbaF32` handles `info`: the uncompressed colour kinds. */
export function isPackable(info: SurfaceFormatInfo): boolean {
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

/** The stored code of one channel for value `v`. */
export function channelCode(c: ChannelLayout, v: number): number {
  switch (c.type) {
    case 'snorm': {
      const s = floatToSnorm(v, c.bits);
      return s < 0 ? s + 2 ** c.bits : s;
    }
    case 'float':
      return c.bits === 16 ? floatToHalf(v) : float32ToBits(v);
    default:
      // unorm and unused (X) channels.
      return floatToUnorm(v, c.bits);
  }
}

type Pick = (r: number, g: number, b: number, a: number) => number;
const PICKS: readonly Pick[] = [(r) => r, (_r, g) => g, (_r, _g, b) => b, (_r, _g, _b, a) => a];

function build(info: SurfaceFormatInfo): TexelPacker {
  const parts = info.channels.map((c, i) => ({ c, pick: PICKS[sourceComponent(info, i)] ?? PICKS[3] ?? (() => 0) }));
  const size = info.bytesPerBlock;
  if (size <= 4) {
    // One little-endian word: sum of code × 2^offset (fields are disjoint, so no carries).
    return (r, g, b, a, out, o) => {
      let word = 0;
      for (const { c, pick } of parts) word += channelCode(c, pick(r, g, b, a)) * 2 ** c.offset;
      for (let i = 0; i < size; i++) {
        out[o + i] = word % 256;
        word = Math.floor(word / 256);
      }
    };
  }
  // 8- and 16-byte formats: byte-aligned 16- or 32-bit channels, written one by one.
  return (r, g, b, a, out, o) => {
    for (const { c, pick } of parts) {
      let code = channelCode(c, pick(r, g, b, a));
      const at = o + (c.offset >>> 3);
      for (let i = 0; i < c.bits >>> 3; i++) {
        out[at + i] = code % 256;
        code = Math.floor(code / 256);
      }
    }
  };
}

/** `floatToUnorm(v, n)` for a float32 `v` and `max = 2^n − 1`, inlined for the hand-written packers. */
function unormCode(v: number, max: number): number {
  return Math.floor((v > 0 ? (v < 1 ? v : 1) : 0) * max + 0.5);
}

/** A8R8G8B8: bytes B, G, R, A. */
export const packA8R8G8B8: TexelPacker = (r, g, b, a, out, o) => {
  out[o] = unormCode(b, 255);
  out[o + 1] = unormCode(g, 255);
  out[o + 2] = unormCode(r, 255);
  out[o + 3] = unormCode(a, 255);
};

/** X8R8G8B8: bytes B, G, R, and X written from A (see `pack.ts`). */
export const packX8R8G8B8: TexelPacker = packA8R8G8B8;

/** R5G6B5: one little-endian 16-bit word, B in bits 0–4, G in 5–10, R in 11–15. */
export const packR5G6B5: TexelPacker = (r, g, b, _a, out, o) => {
  const word = unormCode(b, 31) | (unormCode(g, 63) << 5) | (unormCode(r, 31) << 11);
  out[o] = word & 0xff;
  out[o + 1] = word >>> 8;
};

/**
 * Hand-written packers of the common render-target formats, chosen by format id. Each must equal
 * the table-built packer (`genericTexelPacker`) byte for byte, which a differential test checks.
 */
const HAND_WRITTEN: ReadonlyMap<number, TexelPacker> = new Map([
  [1, packX8R8G8B8], // SVGA3D_X8R8G8B8
  [2, packA8R8G8B8], // SVGA3D_A8R8G8B8
  [3, packR5G6B5], // SVGA3D_R5G6B5
]);

/**
 * The packer built from the format's table row (the plain path the hand-written ones are held
 * to), or undefined for formats `packRgbaF32` does not handle.
 */
export function genericTexelPacker(format: number): TexelPacker | undefined {
  const info = surfaceFormatInfo(format);
  return info !== undefined && isPackable(info) ? build(info) : undefined;
}

const packers = new Map<number, TexelPacker | undefined>();

/**
 * The fastest packer of an uncompressed colour format (hand-written for the common render-target
 * formats, else built from the table row), or undefined. Built on first use.
 */
export function texelPacker(format: number): TexelPacker | undefined {
  if (packers.has(format)) return packers.get(format);
  const info = surfaceFormatInfo(format);
  const packer = info !== undefined && isPackable(info) ? (HAND_WRITTEN.get(format) ?? build(info)) : undefined;
  if (info !== undefined) packers.set(format, packer);
  return packer;
}
