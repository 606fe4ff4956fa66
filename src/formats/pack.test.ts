import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeTexelRgbaF32 } from './decode.js';
import { packColorArgb8888, packRgbaF32 } from './pack.js';
import { SURFACE_FORMATS, SVGA3dSurfaceFormat as F } from './surface-formats.js';

function pack(format: number, r: number, g: number, b: number, a: number, size: number): number[] | undefined {
  const out = new Uint8Array(size + 2).fill(0xee);
  if (!packRgbaF32(format, r, g, b, a, out, 1)) return undefined;
  // Neighbouring bytes stay untouched.
  expect([out[0], out[size + 1]]).toEqual([0xee, 0xee]);
  return Array.from(out.subarray(1, size + 1));
}

function packArgb(format: number, argb: number, size: number): number[] | undefined {
  const out = new Uint8Array(size);
  return packColorArgb8888(format, argb, out, 0) ? Array.from(out) : undefined;
}

describe('packRgbaF32: one hand-computed texel per packable format', () => {
  test('colour unorm', () => {
    // R 255, G 0.5·255 = 127.5 → 128 (ties up), B 0, A 0.25·255 = 63.75 → 64; memory B G R A.
    expect(pack(F.A8R8G8B8, 1, 0.5, 0, 0.25, 4)).toEqual([0, 128, 255, 64]);
    // X is written from A, so a byte copy to A8R8G8B8 keeps the same colour.
    expect(pack(F.X8R8G8B8, 1, 0.5, 0, 0.25, 4)).toEqual([0, 128, 255, 64]);
    // r5 31, g6 31.5 → 32, b5 7.75 → 8: 0xF800 | 0x400 | 8 = 0xFC08.
    expect(pack(F.R5G6B5, 1, 0.5, 0.25, 0, 2)).toEqual([0x08, 0xfc]);
    // g5 31, x1 round(0.4) = 0 → 0x03E0; with A 0.5 (tie → 1) → 0x83E0.
    expect(pack(F.X1R5G5B5, 0, 1, 0, 0.4, 2)).toEqual([0xe0, 0x03]);
    expect(pack(F.X1R5G5B5, 0, 1, 0, 0.5, 2)).toEqual([0xe0, 0x83]);
    // r5 15.5 → 16, a1 0.49 → 0: 0x4000.
    expect(pack(F.A1R5G5B5, 0.5, 0, 0, 0.49, 2)).toEqual([0x00, 0x40]);
    expect(pack(F.A4R4G4B4, 1 / 15, 2 / 15, 3 / 15, 1, 2)).toEqual([0x23, 0xf1]);
    // r10 1, g10 511.5 → 512, b10 1023, a2 1.5 → 2: 0x801803FF.
    expect(pack(F.A2R10G10B10, 1 / 1023, 0.5, 1, 0.5, 4)).toEqual([0xff, 0x03, 0x18, 0x80]);
    // R 0xFFFF, G 32767.5 → 32768 (red first in memory).
    expect(pack(F.G16R16, 1, 0.5, 0.7, 0.7, 4)).toEqual([0xff, 0xff, 0x00, 0x80]);
    expect(pack(F.A16B16G16R16, 0, 4660 / 65535, 1, 32896 / 65535, 8)).toEqual([0, 0, 0x34, 0x12, 0xff, 0xff, 0x80, 0x80]);
    // Out-of-range and NaN inputs clamp: −3 → 0, 7 → 255, NaN → 0.
    expect(pack(F.A8R8G8B8, -3, 7, NaN, 1, 4)).toEqual([0, 255, 0, 255]);
  });
  test('luminance and alpha', () => {
    // 0.2f·255 = 51.0000008 → 51.
    expect(pack(F.LUMINANCE8, 0.2, 0.9, 0.9, 0.9, 1)).toEqual([51]);
    // L 7.5 → 8, A 15: 0xF8.
    expect(pack(F.LUMINANCE4_ALPHA4, 0.5, 0, 0, 1, 1)).toEqual([0xf8]);
    expect(pack(F.LUMINANCE16, 0.5, 0, 0, 0, 2)).toEqual([0x00, 0x80]);
    expect(pack(F.LUMINANCE8_ALPHA8, 1, 0, 0, 0, 2)).toEqual([255, 0]);
    // 0.6f·255 = 153.0000037 → 153; ALPHA8 takes A only.
    expect(pack(F.ALPHA8, 1, 1, 1, 0.6, 1)).toEqual([153]);
  });
  test('signed bump (ties away from zero; −1 is −127, never −128)', () => {
    // U −1 → −127 = 0x81, V 0.5·127 = 63.5 → 64.
    expect(pack(F.BUMPU8V8, -1, 0.5, 0, 0, 2)).toEqual([0x81, 0x40]);
    expect(pack(F.V8U8, -0.5, -2, 0, 0, 2)).toEqual([0xc0, 0x81]);
    // U −0.5·15 = −7.5 → −8 = 24 (5-bit), V 15, L 31.5 → 32: 0x8000 | 0x1E0 | 0x18 = 0x81F8.
    expect(pack(F.BUMPL6V5U5, -0.5, 1, 0.5, 0, 2)).toEqual([0xf8, 0x81]);
    // X from A: 0.5 → 128.
    expect(pack(F.BUMPX8L8V8U8, 0, -0, 1, 0.5, 4)).toEqual([0, 0, 255, 128]);
    expect(pack(F.X8L8V8U8, 0, -0, 1, 0.5, 4)).toEqual([0, 0, 255, 128]);
    expect(pack(F.BUMPL8V8U8, 1, -1, 0, 0, 3)).toEqual([0x7f, 0x81, 0x00]);
    expect(pack(F.Q8W8V8U8, 0, 1 / 127, -1, 1, 4)).toEqual([0x00, 0x01, 0x81, 0x7f]);
    // CxV8U8 stores U and V only.
    expect(pack(F.CxV8U8, 0.5, -0.5, 9, 9, 2)).toEqual([64, 0xc0]);
    // U 511, V −511 = 0x201, W −1 = 0x3FF, A 3: 0xFFF805FF.
    expect(pack(F.A2W10V10U10, 1, -1, -1 / 511, 1, 4)).toEqual([0xff, 0x05, 0xf8, 0xff]);
    // U −32767 = 0x8001, V 16383.5 → 16384.
    expect(pack(F.V16U16, -1, 0.5, 0, 0, 4)).toEqual([0x01, 0x80, 0x00, 0x40]);
  });
  test('floats (half: nearest even; float32 NaN canonical)', () => {
    expect(pack(F.ARGB_S10E5, 1, -2, 0.5, 65504, 8)).toEqual([0x00, 0x3c, 0x00, 0xc0, 0x00, 0x38, 0xff, 0x7b]);
    // 1/3 → 0x3555; 65520 → Inf; NaN → 0x7E00; 2^-25 → 0 (tie to even).
    expect(pack(F.ARGB_S10E5, 1 / 3, 65520, NaN, 2 ** -25, 8)).toEqual([0x55, 0x35, 0x00, 0x7c, 0x00, 0x7e, 0x00, 0x00]);
    expect(pack(F.ARGB_S23E8, 0.25, 2, 0.1, NaN, 16)).toEqual([
      0x00, 0x00, 0x80, 0x3e, 0x00, 0x00, 0x00, 0x40, 0xcd, 0xcc, 0xcc, 0x3d, 0x00, 0x00, 0xc0, 0x7f,
    ]);
    expect(pack(F.R_S10E5, -0.5, 3, 3, 3, 2)).toEqual([0x00, 0xb8]);
    expect(pack(F.R_S23E8, 0.5, 3, 3, 3, 4)).toEqual([0x00, 0x00, 0x00, 0x3f]);
    expect(pack(F.RG_S10E5, 2 ** -24, Infinity, 0, 0, 4)).toEqual([0x01, 0x00, 0x00, 0x7c]);
    expect(pack(F.RG_S23E8, 1, -1, 0, 0, 8)).toEqual([0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x80, 0xbf]);
  });
  test('formats it cannot pack, and bounds', () => {
    const out = new Uint8Array(16).fill(7);
    for (const f of [0, 46, F.DXT1, F.DXT5, F.BC4_UNORM, F.UYVY, F.NV12, F.AYUV, F.BUFFER, F.Z_D16, F.Z_D24S8]) {
      expect(packRgbaF32(f, 1, 1, 1, 1, out, 0)).toBe(false);
      expect(packColorArgb8888(f, 0xffffffff, out, 0)).toBe(false);
    }
    expect(packRgbaF32(F.A8R8G8B8, 1, 1, 1, 1, out, 13)).toBe(false);
    expect(packRgbaF32(F.A8R8G8B8, 1, 1, 1, 1, out, -1)).toBe(false);
    expect(packColorArgb8888(F.A8R8G8B8, 1, out, 0.5)).toBe(false);
    expect(Array.from(out)).toEqual(new Array(16).fill(7));
  });
});

describe('packColorArgb8888 (0xAARRGGBB)', () => {
  test('8-bit formats take the bytes exactly', () => {
    expect(packArgb(F.A8R8G8B8, 0x80ff4020, 4)).toEqual([0x20, 0x40, 0xff, 0x80]);
    expect(packArgb(F.X8R8G8B8, 0x80ff4020, 4)).toEqual([0x20, 0x40, 0xff, 0x80]);
    expect(packArgb(F.LUMINANCE8, 0x00c0ffee, 1)).toEqual([0xc0]);
    expect(packArgb(F.ALPHA8, 0x9a000000, 1)).toEqual([0x9a]);
    expect(packArgb(F.LUMINANCE8_ALPHA8, 0x12345678, 2)).toEqual([0x34, 0x12]);
  });
  test('n-bit unorm in integers', () => {
    // r5 = round(128·31/255 = 15.56) = 16, g6 = round(128·63/255 = 31.62) = 32, b5 = 16: 0x8410.
    expect(packArgb(F.R5G6B5, 0xff808080, 2)).toEqual([0x10, 0x84]);
    // a = round(127·15/255 = 7.47) = 7, 0x11 → 1, 0x22 → 2, 0x33 → 3.
    expect(packArgb(F.A4R4G4B4, 0x7f112233, 2)).toEqual([0x23, 0x71]);
    expect(packArgb(F.A2R10G10B10, 0xffff0000, 4)).toEqual([0x00, 0x00, 0xf0, 0xff]);
    // 0xAB → 0xABAB in 16 bits (v·65535/255 = v·257).
    expect(packArgb(F.G16R16, 0x0000ab00, 4)).toEqual([0x00, 0x00, 0xab, 0xab]);
  });
  test('n-bit channels equal round(v·(2^n−1)/255) for every byte value', () => {
    for (let v = 0; v < 256; v++) {
      const out = new Uint8Array(2);
      packColorArgb8888(F.R5G6B5, (v << 16) | (v << 8) | v, out, 0);
      const word = (out[0] ?? 0) | ((out[1] ?? 0) << 8);
      expect(word >>> 11).toBe(Math.round((v * 31) / 255));
      expect((word >>> 5) & 63).toBe(Math.round((v * 63) / 255));
      expect(word & 31).toBe(Math.round((v * 31) / 255));
    }
  });
  test('signed and float formats take byte / 255', () => {
    // A 1, R 0, G 0, B 1 → halves 0, 0, 0x3C00, 0x3C00.
    expect(packArgb(F.ARGB_S10E5, 0xff0000ff, 8)).toEqual([0, 0, 0, 0, 0x00, 0x3c, 0x00, 0x3c]);
    // U from R = 1 → 127, V from G = 0.
    expect(packArgb(F.V8U8, 0x00ff0000, 2)).toEqual([0x7f, 0x00]);
    const f = new Float32Array([128 / 255]);
    expect(packArgb(F.R_S23E8, 0x00800000, 4)).toEqual(Array.from(new Uint8Array(f.buffer)));
  });
});

const PACKABLE = SURFACE_FORMATS.filter((f) => packRgbaF32(f.id, 0, 0, 0, 0, new Uint8Array(16), 0));
/** Formats where pack(decode(bytes)) must give the same bytes back for any bytes. */
const BYTE_EXACT = [F.A8R8G8B8, F.R5G6B5, F.A1R5G5B5, F.A4R4G4B4, F.LUMINANCE8, F.LUMINANCE4_ALPHA4, F.LUMINANCE16,
  F.LUMINANCE8_ALPHA8, F.A2R10G10B10, F.ALPHA8, F.G16R16, F.A16B16G16R16, F.R_S23E8, F.RG_S23E8, F.ARGB_S23E8];

describe('round trips', () => {
  test('the packable formats are every uncompressed colour format', () => {
    expect(PACKABLE.map((f) => f.id)).toEqual([1, 2, 3, 4, 5, 6, 11, 12, 13, 14, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 39, 40, 41]);
  });
  test('decode → pack → decode is the identity on decoded values, for every packable format', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PACKABLE), fc.uint8Array({ minLength: 16, maxLength: 16 }), (f, bytes) => {
        const first = new Float32Array(4);
        expect(decodeTexelRgbaF32(f.id, bytes, 0, first)).toBe(true);
        const packed = new Uint8Array(16);
        const [r = 0, g = 0, b = 0, a = 0] = first;
        expect(packRgbaF32(f.id, r, g, b, a, packed, 0)).toBe(true);
        const second = new Float32Array(4);
        decodeTexelRgbaF32(f.id, packed, 0, second);
        if (f.id === F.CxV8U8) expect(Array.from(second.subarray(0, 2))).toEqual(Array.from(first.subarray(0, 2)));
        else expect(Array.from(second)).toEqual(Array.from(first));
      }),
      { seed: 42, numRuns: 3000 },
    );
  });
  test('pack(decode(bytes)) gives the bytes back where the format has no X bits, no −128 alias and no NaN', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BYTE_EXACT), fc.uint8Array({ minLength: 16, maxLength: 16 }), (id, bytes) => {
        const size = PACKABLE.find((f) => f.id === id)?.bytesPerBlock ?? 0;
        // Keep float32 words clear of NaN (exponent all ones) by clearing one exponent bit.
        if (id === F.R_S23E8 || id === F.RG_S23E8 || id === F.ARGB_S23E8) for (let i = 3; i < 16; i += 4) bytes[i] = (bytes[i] ?? 0) & 0xbf;
        const texel = new Float32Array(4);
        decodeTexelRgbaF32(id, bytes, 0, texel);
        const packed = new Uint8Array(16);
        const [r = 0, g = 0, b = 0, a = 0] = texel;
        packRgbaF32(id, r, g, b, a, packed, 0);
        expect(Array.from(packed.subarray(0, size))).toEqual(Array.from(bytes.subarray(0, size)));
      }),
      { seed: 42, numRuns: 3000 },
    );
  });
  test('every half pattern but NaN survives ARGB_S10E5 decode → pack', () => {
    const bytes = new Uint8Array(8);
    const texel = new Float32Array(4);
    const out = new Uint8Array(8);
    for (let h = 0; h < 0x10000; h++) {
      if ((h & 0x7c00) === 0x7c00 && (h & 0x3ff) !== 0) continue;
      bytes[0] = h & 255;
      bytes[1] = h >>> 8;
      decodeTexelRgbaF32(F.ARGB_S10E5, bytes, 0, texel);
      packRgbaF32(F.ARGB_S10E5, texel[0] ?? 0, 0, 0, 0, out, 0);
      if ((out[0] ?? 0) + (out[1] ?? 0) * 256 !== h) expect(h).toBe(-1);
    }
  });
});
