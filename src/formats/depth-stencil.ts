/**
 * Depth and stencil values of the depth formats: exact quantisation, and packing that leaves the
 * other part of a combined depth-stencil texel untouched.
 *
 * Depth is taken as float32 (`Math.fround`), clamped to [0, 1] (NaN → 0), and stored as
 * `round(d × (2^n − 1))` with ties rounded up: D16 (Z_D16, Z_DF16), D15 in bits 1–15 (Z_D15S1),
 * D24 in bits 8–31 (Z_D24S8, Z_D24X8, Z_DF24, Z_D24S8_INT), D32 unorm (Z_D32). For n ≤ 24 the
 * product of a float32 and `2^n − 1` is exact in float64; D32 is computed in BigInt, exactly.
 * Stencil is taken modulo `2^bits` of its u32 value (ToUint32), as the stencil mask would.
 */
import { readBits, writeBits } from './normalized.js';
import { surfaceFormatInfo, type ChannelLayout } from './surface-formats.js';

function inRange(offset: number, size: number, length: number): boolean {
  return Number.isInteger(offset) && offset >= 0 && offset + size <= length;
}

interface DepthChannel {
  readonly layout: ChannelLayout;
  readonly size: number;
}

function findChannel(format: number, name: 'd' | 's'): DepthChannel | undefined {
  const info = surfaceFormatInfo(format);
  if (info === undefined || (info.kind !== 'depth' && info.kind !== 'depth-stencil')) return undefined;
  const layout = info.channels.find((c) => c.name === name);
  return layout === undefined ? undefined : { layout, size: info.bytesPerBlock };
}

// The table is constant: each format's depth and stencil fields are looked up once (only for
// known ids, so hostile ids cannot grow the maps).
const depthChannels = new Map<number, DepthChannel | undefined>();
const stencilChannels = new Map<number, DepthChannel | undefined>();

function channel(format: number, name: 'd' | 's'): DepthChannel | undefined {
  const cache = name === 'd' ? depthChannels : stencilChannels;
  const hit = cache.get(format);
  if (hit !== undefined || cache.has(format)) return hit;
  const found = findChannel(format, name);
  if (surfaceFormatInfo(format) !== undefined) cache.set(format, found);
  return found;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** `round(d × (2^32 − 1))`, ties up, for a float32 d in (0, 1), exactly. */
function quantize32(d: number): number {
  f32[0] = d;
  const bits = u32[0] ?? 0;
  const e = (bits >>> 23) & 0xff;
  const m = bits & 0x7fffff;
  // d = sig / 2^shift exactly.
  const sig = BigInt(e === 0 ? m : m | 0x800000);
  const shift = BigInt(e === 0 ? 149 : 150 - e);
  const num = sig * 0xffffffffn + (1n << (shift - 1n));
  return Number(num >> shift);
}

/** The largest depth code of `format` (`2^depthBits − 1`), or undefined for non-depth formats. */
export function depthCodeMax(format: number): number | undefined {
  const ch = channel(format, 'd');
  return ch === undefined ? undefined : 2 ** ch.layout.bits - 1;
}

/**
 * The stored integer for `depth` in `format` (the rule in this module's header), or undefined
 * for formats without depth.
 */
export function quantizeDepth(format: number, depth: number): number | undefined {
  const ch = channel(format, 'd');
  if (ch === undefined) return undefined;
  const d = Math.fround(depth);
  const bits = ch.layout.bits;
  if (!(d > 0)) return 0;
  if (d >= 1) return 2 ** bits - 1;
  return bits === 32 ? quantize32(d) : Math.floor(d * (2 ** bits - 1) + 0.5);
}

/** A depth quantiser bound to one format: `quantizeDepth(format, depth)` without the table lookup. */
export type DepthQuantizer = (depth: number) => number;

/** The quantiser of an n-bit unorm depth field, n ≤ 24 (every step exact in float64). */
function unormDepthQuantizer(bits: number): DepthQuantizer {
  const max = 2 ** bits - 1;
  return (depth) => {
    const d = Math.fround(depth);
    if (!(d > 0)) return 0;
    if (d >= 1) return max;
    return Math.floor(d * max + 0.5);
  };
}

/** Z_D32's quantiser: exact through BigInt, as in `quantizeDepth`. */
const quantizeD32: DepthQuantizer = (depth) => {
  const d = Math.fround(depth);
  if (!(d > 0)) return 0;
  if (d >= 1) return 0xffffffff;
  return quantize32(d);
};

const quantizers = new Map<number, DepthQuantizer | undefined>();

/**
 * `quantizeDepth` specialised for one format (Z_D16, Z_D15S1, the D24 formats, Z_D32, ...): the
 * depth field is looked up once, here, instead of on every call. Undefined for formats without
 * depth. Must agree with `quantizeDepth` for every input (differential test).
 */
export function depthQuantizer(format: number): DepthQuantizer | undefined {
  if (quantizers.has(format)) return quantizers.get(format);
  const ch = channel(format, 'd');
  const q = ch === undefined ? undefined : ch.layout.bits === 32 ? quantizeD32 : unormDepthQuantizer(ch.layout.bits);
  if (surfaceFormatInfo(format) !== undefined) quantizers.set(format, q);
  return q;
}

/** Writes `depth` into the depth bits of the texel at `out[offset]`, keeping stencil/X bits. */
export function packDepth(format: number, depth: number, out: Uint8Array, offset: number): boolean {
  const ch = channel(format, 'd');
  if (ch === undefined || !inRange(offset, ch.size, out.length)) return false;
  // The format's bound quantiser: the same code as `quantizeDepth` (differential test).
  const quantize = depthQuantizer(format);
  writeBits(out, offset, ch.layout.offset, ch.layout.bits, quantize === undefined ? 0 : quantize(depth));
  return true;
}

/** Writes `stencil` (mod 2^bits) into the stencil bits of the texel at `out[offset]`, keeping depth. */
export function packStencil(format: number, stencil: number, out: Uint8Array, offset: number): boolean {
  const ch = channel(format, 's');
  if (ch === undefined || !inRange(offset, ch.size, out.length)) return false;
  writeBits(out, offset, ch.layout.offset, ch.layout.bits, (stencil >>> 0) % 2 ** ch.layout.bits);
  return true;
}

/** The stored depth integer of the texel at `bytes[offset]`, or undefined. */
export function readDepthCode(format: number, bytes: Uint8Array, offset: number): number | undefined {
  const ch = channel(format, 'd');
  if (ch === undefined || !inRange(offset, ch.size, bytes.length)) return undefined;
  return readBits(bytes, offset, ch.layout.offset, ch.layout.bits);
}

/** The depth of the texel at `bytes[offset]` as `code / (2^n − 1)` in float64, or undefined. */
export function unpackDepth(format: number, bytes: Uint8Array, offset: number): number | undefined {
  const code = readDepthCode(format, bytes, offset);
  const max = depthCodeMax(format);
  return code === undefined || max === undefined ? undefined : code / max;
}

/** The stencil value of the texel at `bytes[offset]`, or undefined for formats without stencil. */
export function unpackStencil(format: number, bytes: Uint8Array, offset: number): number | undefined {
  const ch = channel(format, 's');
  if (ch === undefined || !inRange(offset, ch.size, bytes.length)) return undefined;
  return readBits(bytes, offset, ch.layout.offset, ch.layout.bits);
}
