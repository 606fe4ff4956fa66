import { describe, expect, test } from 'vitest';
import { decodeBlockRgba8, decodeBlockRgbaF32, decodeTexelRgbaF32, readTexelRgbaF32 } from './decode.js';
import { SVGA3dSurfaceFormat as F } from './surface-formats.js';

interface Case {
  readonly format: number;
  readonly bytes: readonly number[];
  /** Expected floats (compared after Math.fround, as a Float32Array stores them). */
  readonly f32: readonly number[];
  readonly rgba8: readonly number[];
}

// One texel of every 1×1 format; expected values worked out by hand in the comments.
const CASES: Record<string, Case> = {
  // B=0x10 G=0x80 R=0xFF X=0x55: X ignored, A = 1.
  X8R8G8B8: { format: F.X8R8G8B8, bytes: [0x10, 0x80, 0xff, 0x55], f32: [1, 128 / 255, 16 / 255, 1], rgba8: [255, 128, 16, 255] },
  A8R8G8B8: { format: F.A8R8G8B8, bytes: [0x10, 0x80, 0xff, 0x55], f32: [1, 128 / 255, 16 / 255, 85 / 255], rgba8: [255, 128, 16, 85] },
  // 0xFC01: r5=31, g6=32, b5=1. 32·255/63 = 129.52 → 130; 255/31 = 8.23 → 8.
  R5G6B5: { format: F.R5G6B5, bytes: [0x01, 0xfc], f32: [1, 32 / 63, 1 / 31, 1], rgba8: [255, 130, 8, 255] },
  // 0xC11F: x=1, r5=16, g5=8, b5=31. 16·255/31 = 131.6 → 132; 8·255/31 = 65.8 → 66.
  X1R5G5B5: { format: F.X1R5G5B5, bytes: [0x1f, 0xc1], f32: [16 / 31, 8 / 31, 1, 1], rgba8: [132, 66, 255, 255] },
  // 0x411F: a=0, r5=16, g5=8, b5=31.
  A1R5G5B5: { format: F.A1R5G5B5, bytes: [0x1f, 0x41], f32: [16 / 31, 8 / 31, 1, 0], rgba8: [132, 66, 255, 0] },
  // 0x3F81: a=3, r=15, g=8, b=1; 4-bit × 17.
  A4R4G4B4: { format: F.A4R4G4B4, bytes: [0x81, 0x3f], f32: [1, 8 / 15, 1 / 15, 3 / 15], rgba8: [255, 136, 17, 51] },
  // 0x80000000 / (2^32 − 1) → float32 0.5; grey 2^31·255/(2^32−1) = 127.50000003 → 128.
  Z_D32: { format: F.Z_D32, bytes: [0, 0, 0, 0x80], f32: [2 ** 31 / 0xffffffff, 2 ** 31 / 0xffffffff, 2 ** 31 / 0xffffffff, 1], rgba8: [128, 128, 128, 255] },
  // 16384/65535; grey 16384·255/65535 = 63.75 → 64.
  Z_D16: { format: F.Z_D16, bytes: [0x00, 0x40], f32: [16384 / 65535, 16384 / 65535, 16384 / 65535, 1], rgba8: [64, 64, 64, 255] },
  // 0x8000005A: d24 = 0x800000, s = 0x5A; grey 8388608·255/16777215 = 127.5000076 → 128.
  Z_D24S8: { format: F.Z_D24S8, bytes: [0x5a, 0, 0, 0x80], f32: [8388608 / 16777215, 8388608 / 16777215, 8388608 / 16777215, 1], rgba8: [128, 128, 128, 255] },
  // 0x4001: d15 = 0x2000, s = 1; grey 8192·255/32767 = 63.75 → 64.
  Z_D15S1: { format: F.Z_D15S1, bytes: [0x01, 0x40], f32: [8192 / 32767, 8192 / 32767, 8192 / 32767, 1], rgba8: [64, 64, 64, 255] },
  LUMINANCE8: { format: F.LUMINANCE8, bytes: [0x7f], f32: [127 / 255, 127 / 255, 127 / 255, 1], rgba8: [127, 127, 127, 255] },
  // 0xA5: L = 5 (low nibble), A = 10.
  LUMINANCE4_ALPHA4: { format: F.LUMINANCE4_ALPHA4, bytes: [0xa5], f32: [5 / 15, 5 / 15, 5 / 15, 10 / 15], rgba8: [85, 85, 85, 170] },
  // 32767·255/65535 = 127.498 → 127.
  LUMINANCE16: { format: F.LUMINANCE16, bytes: [0xff, 0x7f], f32: [32767 / 65535, 32767 / 65535, 32767 / 65535, 1], rgba8: [127, 127, 127, 255] },
  LUMINANCE8_ALPHA8: { format: F.LUMINANCE8_ALPHA8, bytes: [0x40, 0xc0], f32: [64 / 255, 64 / 255, 64 / 255, 192 / 255], rgba8: [64, 64, 64, 192] },
  // U = −128 → −1 (clamp), V = 127 → 1; B = A = 1.
  BUMPU8V8: { format: F.BUMPU8V8, bytes: [0x80, 0x7f], f32: [-1, 1, 1, 1], rgba8: [0, 255, 255, 255] },
  // 0x8203: u5 = 3 → 0.2, v5 = 0x10 = −16 → −1, l6 = 32 → 32/63 in B.
  // Display: (3 + 15)·255/30 = 153; −1 → 0; 32·255/63 → 130.
  BUMPL6V5U5: { format: F.BUMPL6V5U5, bytes: [0x03, 0x82], f32: [0.2, -1, 32 / 63, 1], rgba8: [153, 0, 130, 255] },
  // U = 64, V = −64, L = 255, X ignored. (64+127)·255/254 = 191.75 → 192; 63·255/254 = 63.25 → 63.
  BUMPX8L8V8U8: { format: F.BUMPX8L8V8U8, bytes: [0x40, 0xc0, 0xff, 0x12], f32: [64 / 127, -64 / 127, 1, 1], rgba8: [192, 63, 255, 255] },
  // U = 1, V = −1, L = 128. 128·255/254 = 128.50 → 129; 126·255/254 = 126.50 − 0.004 → 126.
  BUMPL8V8U8: { format: F.BUMPL8V8U8, bytes: [0x01, 0xff, 0x80], f32: [1 / 127, -1 / 127, 128 / 255, 1], rgba8: [129, 126, 128, 255] },
  // halves 0x3C00 = 1, 0xC000 = −2, 0x3800 = 0.5, 0x7BFF = 65504. 0.5·255 + 0.5 = 128.
  ARGB_S10E5: { format: F.ARGB_S10E5, bytes: [0x00, 0x3c, 0x00, 0xc0, 0x00, 0x38, 0xff, 0x7b], f32: [1, -2, 0.5, 65504], rgba8: [255, 0, 128, 255] },
  // 0.25, 2, 0.1f (0x3DCCCCCD), NaN. 0.25·255 + 0.5 = 64.25 → 64; 0.1f·255 + 0.5 = 26.0000004 → 26; NaN → 0.
  ARGB_S23E8: {
    format: F.ARGB_S23E8,
    bytes: [0x00, 0x00, 0x80, 0x3e, 0x00, 0x00, 0x00, 0x40, 0xcd, 0xcc, 0xcc, 0x3d, 0x00, 0x00, 0xc0, 0x7f],
    f32: [0.25, 2, 0.1, NaN],
    rgba8: [64, 255, 26, 0],
  },
  // 0x801803FF: a2 = 2, r10 = 1, g10 = 512, b10 = 1023. 255/1023 = 0.249 → 0; 512·255/1023 = 127.6 → 128; 2·85.
  A2R10G10B10: { format: F.A2R10G10B10, bytes: [0xff, 0x03, 0x18, 0x80], f32: [1 / 1023, 512 / 1023, 1, 2 / 3], rgba8: [0, 128, 255, 170] },
  // U = 127 → 1, V = −127 → −1.
  V8U8: { format: F.V8U8, bytes: [0x7f, 0x81], f32: [1, -1, 1, 1], rgba8: [255, 0, 255, 255] },
  // U = 0, V = 1, W = −128 → −1, Q = 127. 0 → 127.5 → 128; 1/127 → 128·255/254 = 128.5 → 129.
  Q8W8V8U8: { format: F.Q8W8V8U8, bytes: [0x00, 0x01, 0x80, 0x7f], f32: [0, 1 / 127, -1, 1], rgba8: [128, 129, 0, 255] },
  // U = V = 0 → C = sqrt(1) = 1.
  CxV8U8: { format: F.CxV8U8, bytes: [0x00, 0x00], f32: [0, 0, 1, 1], rgba8: [128, 128, 255, 255] },
  X8L8V8U8: { format: F.X8L8V8U8, bytes: [0x40, 0xc0, 0xff, 0x12], f32: [64 / 127, -64 / 127, 1, 1], rgba8: [192, 63, 255, 255] },
  // 0xFFF801FF: a2 = 3, w10 = 0x3FF = −1, v10 = 0x200 = −512 → −1, u10 = 511 → 1.
  // W display: (−1 + 511)·255/1022 = 127.25 → 127.
  A2W10V10U10: { format: F.A2W10V10U10, bytes: [0xff, 0x01, 0xf8, 0xff], f32: [1, -1, -1 / 511, 1], rgba8: [255, 0, 127, 255] },
  ALPHA8: { format: F.ALPHA8, bytes: [0x99], f32: [0, 0, 0, 153 / 255], rgba8: [0, 0, 0, 153] },
  // 0xB800 = −0.5; G = B = A = 1.
  R_S10E5: { format: F.R_S10E5, bytes: [0x00, 0xb8], f32: [-0.5, 1, 1, 1], rgba8: [0, 255, 255, 255] },
  R_S23E8: { format: F.R_S23E8, bytes: [0x00, 0x00, 0x00, 0x3f], f32: [0.5, 1, 1, 1], rgba8: [128, 255, 255, 255] },
  // 0x0001 = 2^−24 (subnormal), 0x7C00 = +Inf.
  RG_S10E5: { format: F.RG_S10E5, bytes: [0x01, 0x00, 0x00, 0x7c], f32: [2 ** -24, Infinity, 1, 1], rgba8: [0, 255, 255, 255] },
  RG_S23E8: { format: F.RG_S23E8, bytes: [0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x80, 0xbf], f32: [1, -1, 1, 1], rgba8: [255, 0, 255, 255] },
  // X8 = 0xAB ignored, D24 = 0xFFFFFF → 1.
  Z_D24X8: { format: F.Z_D24X8, bytes: [0xab, 0xff, 0xff, 0xff], f32: [1, 1, 1, 1], rgba8: [255, 255, 255, 255] },
  // U = 0x8000 → −1, V = 0x4000 → 16384/32767. V display: 49151·255/65534 = 191.25 → 191.
  V16U16: { format: F.V16U16, bytes: [0x00, 0x80, 0x00, 0x40], f32: [-1, 16384 / 32767, 1, 1], rgba8: [0, 191, 255, 255] },
  // R = 0xFFFF, G = 0x8000 (red first in memory). 32768·255/65535 = 127.502 → 128.
  G16R16: { format: F.G16R16, bytes: [0xff, 0xff, 0x00, 0x80], f32: [1, 32768 / 65535, 1, 1], rgba8: [255, 128, 255, 255] },
  // R = 0, G = 0x1234 → 4660·255/65535 = 18.13 → 18, B = 0xFFFF, A = 0x8080 → exactly 128.
  A16B16G16R16: {
    format: F.A16B16G16R16,
    bytes: [0x00, 0x00, 0x34, 0x12, 0xff, 0xff, 0x80, 0x80],
    f32: [0, 4660 / 65535, 1, 32896 / 65535],
    rgba8: [0, 18, 255, 128],
  },
  // V = 240, U = 90, Y = 81, A = 0x40: BT.601 red (see yuv.test.ts for the arithmetic).
  AYUV: { format: F.AYUV, bytes: [240, 90, 81, 0x40], f32: [1, 0, 0, 64 / 255], rgba8: [255, 0, 0, 64] },
  Z_DF16: { format: F.Z_DF16, bytes: [0xff, 0xff], f32: [1, 1, 1, 1], rgba8: [255, 255, 255, 255] },
  // D24 = 0x000100 = 256; grey 256·255/16777215 = 0.0039 → 0.
  Z_DF24: { format: F.Z_DF24, bytes: [0x77, 0x00, 0x01, 0x00], f32: [256 / 16777215, 256 / 16777215, 256 / 16777215, 1], rgba8: [0, 0, 0, 255] },
  Z_D24S8_INT: { format: F.Z_D24S8_INT, bytes: [0x5a, 0, 0, 0x80], f32: [8388608 / 16777215, 8388608 / 16777215, 8388608 / 16777215, 1], rgba8: [128, 128, 128, 255] },
};

describe('decodeTexelRgbaF32 / decodeBlockRgba8 on every 1×1 format', () => {
  for (const [name, c] of Object.entries(CASES)) {
    test(name, () => {
      // Place the texel at offset 3 of a larger buffer to catch offset mistakes.
      const bytes = new Uint8Array(3 + c.bytes.length + 5).fill(0xee);
      bytes.set(c.bytes, 3);
      const out = new Float32Array(6).fill(-7);
      expect(decodeTexelRgbaF32(c.format, bytes, 3, out, 1)).toBe(true);
      expect(Array.from(out)).toEqual([-7, ...c.f32.map(Math.fround), -7]);
      const out8 = new Uint8Array(4);
      expect(decodeBlockRgba8(c.format, bytes, 3, out8)).toBe(true);
      expect(Array.from(out8)).toEqual(c.rgba8);
      const outBlock = new Float32Array(4);
      expect(decodeBlockRgbaF32(c.format, bytes, 3, outBlock)).toBe(true);
      expect(Array.from(outBlock)).toEqual(c.f32.map(Math.fround));
    });
  }
});

describe('CxV8U8 computes C = sqrt(1 − U² − V²)', () => {
  test('U = 1 gives C = 0', () => {
    const out = new Float32Array(4);
    expect(decodeTexelRgbaF32(F.CxV8U8, new Uint8Array([0x7f, 0x00]), 0, out)).toBe(true);
    expect(Array.from(out)).toEqual([1, 0, 0, 1]);
  });
  test('U = V = 64/127: C = sqrt(1 − 2·(64/127)²) in float32 steps', () => {
    const out = new Float32Array(4);
    expect(decodeTexelRgbaF32(F.CxV8U8, new Uint8Array([0x40, 0x40]), 0, out)).toBe(true);
    const u = Math.fround(64 / 127);
    const u2 = Math.fround(u * u);
    const c = Math.fround(Math.sqrt(Math.fround(Math.fround(1 - u2) - u2)));
    // 1 − 2·0.25395 = 0.49209 → C ≈ 0.7015.
    expect(out[2]).toBe(c);
    expect(c).toBeCloseTo(0.70149, 4);
    const out8 = new Uint8Array(4);
    decodeBlockRgba8(F.CxV8U8, new Uint8Array([0x40, 0x40]), 0, out8);
    // Shown like a signed channel: (0.70149 + 1) / 2 · 255 = 216.94 → 217.
    expect(Array.from(out8)).toEqual([192, 192, 217, 255]);
  });
  test('U² + V² > 1 clamps C to 0', () => {
    const out = new Float32Array(4);
    decodeTexelRgbaF32(F.CxV8U8, new Uint8Array([0x7f, 0x7f]), 0, out);
    expect(Array.from(out)).toEqual([1, 1, 0, 1]);
  });
});

describe('hostile arguments never throw and never write', () => {
  test('rejections', () => {
    const out = new Float32Array(4).fill(9);
    const bytes = new Uint8Array(4);
    expect(decodeTexelRgbaF32(0, bytes, 0, out)).toBe(false);
    expect(decodeTexelRgbaF32(46, bytes, 0, out)).toBe(false);
    expect(decodeTexelRgbaF32(F.A8R8G8B8, bytes, 1, out)).toBe(false); // 1 + 4 > 4
    expect(decodeTexelRgbaF32(F.A8R8G8B8, bytes, -1, out)).toBe(false);
    expect(decodeTexelRgbaF32(F.A8R8G8B8, bytes, 0.5, out)).toBe(false);
    expect(decodeTexelRgbaF32(F.A8R8G8B8, bytes, 0, out, 1)).toBe(false); // out too short
    expect(decodeTexelRgbaF32(F.DXT1, new Uint8Array(8), 0, out)).toBe(false); // not 1×1
    expect(decodeTexelRgbaF32(F.UYVY, bytes, 0, out)).toBe(false);
    expect(decodeTexelRgbaF32(F.BUFFER, bytes, 0, out)).toBe(false);
    expect(Array.from(out)).toEqual([9, 9, 9, 9]);
    expect(decodeBlockRgba8(F.DXT1, new Uint8Array(7), 0, new Uint8Array(64))).toBe(false);
    expect(decodeBlockRgba8(F.DXT1, new Uint8Array(8), 0, new Uint8Array(63))).toBe(false);
    expect(decodeBlockRgba8(F.NV12, new Uint8Array(6), 0, new Uint8Array(64))).toBe(false);
    expect(decodeBlockRgbaF32(F.UYVY, new Uint8Array(4), 0, new Float32Array(7))).toBe(false);
  });
});

describe('readTexelRgbaF32', () => {
  test('reads (x, y, z) through pitches, for 1×1 and block formats', () => {
    // R5G6B5 2×2×2 image, rowPitch 6 (2 bytes padding), slicePitch 14.
    const bytes = new Uint8Array(28);
    // slice 1, row 1, x 1 → offset 14 + 6 + 2 = 22: pure green 0x07E0.
    bytes[22] = 0xe0;
    bytes[23] = 0x07;
    const image = { width: 2, height: 2, depth: 2, rowPitch: 6, slicePitch: 14, bytes };
    const out = new Float32Array(4);
    expect(readTexelRgbaF32(F.R5G6B5, image, 1, 1, 1, out)).toBe(true);
    expect(Array.from(out)).toEqual([0, 1, 0, 1]);
    expect(readTexelRgbaF32(F.R5G6B5, image, 2, 0, 0, out)).toBe(false);
    expect(readTexelRgbaF32(F.R5G6B5, image, 0, 0, 2, out)).toBe(false);
    // UYVY 2×1: texel 1 uses Y1.
    const yuv = { width: 2, height: 1, depth: 1, rowPitch: 4, slicePitch: 4, bytes: new Uint8Array([128, 16, 128, 235]) };
    expect(readTexelRgbaF32(F.UYVY, yuv, 1, 0, 0, out)).toBe(true);
    expect(Array.from(out)).toEqual([1, 1, 1, 1]);
    expect(readTexelRgbaF32(F.UYVY, yuv, 0, 0, 0, out)).toBe(true);
    expect(Array.from(out)).toEqual([0, 0, 0, 1]);
  });
});
