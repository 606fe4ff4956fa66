/**
 * Fast decoders for the 1×1 channel formats, specialised once per format from its table row:
 * each component becomes a small closure (a byte read, a shift and mask, a lookup table).
 *
 * `channel-decode.ts` is the reference these must equal bit for bit (checked by a differential
 * test over every format); the conversion tables are filled from the very same rule functions.
 */
import { halfToFloat } from '../common/half-float.js';
import { cxFromUv } from './channel-decode.js';
import { bitsToFloat32, floatTo8, signedFloatTo8, signExtend, snormTo8, snormToFloat, unormTo8, unormToFloat } from './normalized.js';
import { surfaceFormatInfo, type ChannelLayout, type SurfaceFormatInfo } from './surface-formats.js';

type Reader = (b: Uint8Array, o: number) => number;

/** A specialised decoder of one 1×1 format. */
export interface TexelCodec {
  /** RGBA floats of the texel at `b[o]` into `out[p..p+3]`. */
  readonly f32: (b: Uint8Array, o: number, out: Float32Array, p: number) => void;
  /** 8-bit display RGBA of the texel at `b[o]` into `out[p..p+3]`. */
  readonly rgba8: (b: Uint8Array, o: number, out: Uint8Array, p: number) => void;
}

/** The raw code of a channel, read with the fewest operations its position allows. */
function rawReader(c: ChannelLayout): Reader {
  const at = c.offset >>> 3;
  if ((c.offset & 7) === 0) {
    if (c.bits === 8) return (b, o) => b[o + at] ?? 0;
    if (c.bits === 16) return (b, o) => (b[o + at] ?? 0) | ((b[o + at + 1] ?? 0) << 8);
    if (c.bits === 32) {
      return (b, o) => ((b[o + at] ?? 0) | ((b[o + at + 1] ?? 0) << 8) | ((b[o + at + 2] ?? 0) << 16) | ((b[o + at + 3] ?? 0) << 24)) >>> 0;
    }
  }
  // Sub-byte fields only occur in blocks of at most 4 bytes: read the 32-bit word, shift, mask.
  const shift = c.offset;
  const mask = c.bits >= 32 ? 0xffffffff : 2 ** c.bits - 1;
  return (b, o) => {
    const word = ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16) | ((b[o + 3] ?? 0) << 24)) >>> 0;
    return ((word >>> shift) & mask) >>> 0;
  };
}

const tableCache = new Map<string, Float32Array | Uint8Array>();

function table<T extends Float32Array | Uint8Array>(key: string, make: () => T): T {
  const hit = tableCache.get(key);
  if (hit !== undefined) return hit as T;
  const t = make();
  tableCache.set(key, t);
  return t;
}

function fillF32(bits: number, f: (code: number) => number): Float32Array {
  const t = new Float32Array(2 ** bits);
  for (let i = 0; i < t.length; i++) t[i] = f(i);
  return t;
}

function fill8(bits: number, f: (code: number) => number): Uint8Array {
  const t = new Uint8Array(2 ** bits);
  for (let i = 0; i < t.length; i++) t[i] = f(i);
  return t;
}

/** Float reader of a channel: code → value, through a table for fields up to 16 bits. */
function floatReader(c: ChannelLayout): Reader {
  const raw = rawReader(c);
  const { bits } = c;
  switch (c.type) {
    case 'unorm': {
      if (bits > 16) return (b, o) => unormToFloat(raw(b, o), bits);
      const t = table(`uf${bits}`, () => fillF32(bits, (v) => unormToFloat(v, bits)));
      return (b, o) => t[raw(b, o)] ?? 0;
    }
    case 'snorm': {
      const t = table(`sf${bits}`, () => fillF32(bits, (v) => snormToFloat(signExtend(v, bits), bits)));
      return (b, o) => t[raw(b, o)] ?? 0;
    }
    case 'float': {
      if (bits === 32) return (b, o) => bitsToFloat32(raw(b, o));
      const t = table('half', () => fillF32(16, halfToFloat));
      return (b, o) => t[raw(b, o)] ?? 0;
    }
    default:
      return () => 0;
  }
}

/** 8-bit display reader of a channel. */
function byteReader(c: ChannelLayout): Reader {
  const raw = rawReader(c);
  const { bits } = c;
  switch (c.type) {
    case 'unorm': {
      if (bits === 8) return raw;
      if (bits > 16) return (b, o) => unormTo8(raw(b, o), bits);
      const t = table(`u8${bits}`, () => fill8(bits, (v) => unormTo8(v, bits)));
      return (b, o) => t[raw(b, o)] ?? 0;
    }
    case 'snorm': {
      const t = table(`s8${bits}`, () => fill8(bits, (v) => snormTo8(signExtend(v, bits), bits)));
      return (b, o) => t[raw(b, o)] ?? 0;
    }
    case 'float': {
      const f = floatReader(c);
      return (b, o) => floatTo8(f(b, o));
    }
    default:
      return () => 0;
  }
}

function build(info: SurfaceFormatInfo): TexelCodec | undefined {
  const swz = info.rgba;
  if (swz === null) return undefined;
  const [cu, cv] = info.channels;
  const ru: Reader = cu === undefined ? () => 0 : floatReader(cu);
  const rv: Reader = cv === undefined ? () => 0 : floatReader(cv);
  const cx: Reader = (b, o) => cxFromUv(Math.fround(ru(b, o)), Math.fround(rv(b, o)));
  const fr: Reader[] = [];
  const br: Reader[] = [];
  for (const src of swz) {
    if (typeof src === 'number') {
      const c = info.channels[src];
      fr.push(c === undefined ? () => 0 : floatReader(c));
      br.push(c === undefined ? () => 0 : byteReader(c));
    } else if (src === 'cx') {
      fr.push(cx);
      br.push((b, o) => signedFloatTo8(cx(b, o)));
    } else {
      const v = src === 'one' ? 1 : 0;
      fr.push(() => v);
      br.push(() => v * 255);
    }
  }
  const [f0, f1, f2, f3] = fr as [Reader, Reader, Reader, Reader];
  const [b0, b1, b2, b3] = br as [Reader, Reader, Reader, Reader];
  return {
    f32: (b, o, out, p) => {
      out[p] = f0(b, o);
      out[p + 1] = f1(b, o);
      out[p + 2] = f2(b, o);
      out[p + 3] = f3(b, o);
    },
    rgba8: (b, o, out, p) => {
      out[p] = b0(b, o);
      out[p + 1] = b1(b, o);
      out[p + 2] = b2(b, o);
      out[p + 3] = b3(b, o);
    },
  };
}

const codecs = new Map<number, TexelCodec | undefined>();

/**
 * The specialised decoder of a 1×1 channel format (colour, luminance/alpha, bump, float,
 * depth), or undefined for other formats. Built on first use and kept. For hot loops (the
 * sampler): its functions do no bounds checks of their own (bytes past the end read as 0, never
 * out of bounds), so check the image once with the public decoders' rules first.
 */
export function texelCodec(format: number): TexelCodec | undefined {
  if (codecs.has(format)) return codecs.get(format);
  const info = surfaceFormatInfo(format);
  const codec = info === undefined ? undefined : build(info);
  if (info !== undefined) codecs.set(format, codec);
  return codec;
}
