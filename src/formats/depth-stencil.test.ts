import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  depthCodeMax,
  packDepth,
  packStencil,
  quantizeDepth,
  readDepthCode,
  unpackDepth,
  unpackStencil,
} from './depth-stencil.js';
import { SVGA3dSurfaceFormat as F } from './surface-formats.js';

/** The float32 just below 0.5. */
const BELOW_HALF = 0.5 - 2 ** -25;

describe('quantizeDepth', () => {
  test('D16 (and Z_DF16)', () => {
    for (const f of [F.Z_D16, F.Z_DF16]) {
      expect(quantizeDepth(f, 0)).toBe(0);
      expect(quantizeDepth(f, 1)).toBe(65535);
      expect(quantizeDepth(f, 0.5)).toBe(32768); // 32767.5, tie → up
      expect(quantizeDepth(f, BELOW_HALF)).toBe(32767); // 32767.498
    }
  });
  test('D24 (Z_D24S8, Z_D24X8, Z_DF24, Z_D24S8_INT)', () => {
    for (const f of [F.Z_D24S8, F.Z_D24X8, F.Z_DF24, F.Z_D24S8_INT]) {
      expect(quantizeDepth(f, 0)).toBe(0);
      expect(quantizeDepth(f, 1)).toBe(0xffffff);
      expect(quantizeDepth(f, 0.5)).toBe(8388608); // 8388607.5 → up
      expect(quantizeDepth(f, BELOW_HALF)).toBe(8388607); // 8388607.5 − 0.49999997
    }
  });
  test('D15', () => {
    expect(quantizeDepth(F.Z_D15S1, 0.5)).toBe(16384); // 16383.5 → up
    expect(quantizeDepth(F.Z_D15S1, BELOW_HALF)).toBe(16383);
    expect(quantizeDepth(F.Z_D15S1, 1)).toBe(32767);
  });
  test('D32 exactly', () => {
    expect(quantizeDepth(F.Z_D32, 0)).toBe(0);
    expect(quantizeDepth(F.Z_D32, 1)).toBe(0xffffffff);
    expect(quantizeDepth(F.Z_D32, 0.5)).toBe(2147483648); // 2147483647.5 → up
    // (0.5 − 2^-25)·(2^32 − 1) = 2147483519.5 + 2^-25: just above a tie → up.
    expect(quantizeDepth(F.Z_D32, BELOW_HALF)).toBe(2147483520);
    // 2^-32·(2^32 − 1) = 1 − 2^-32 → 1; 2^-33 → 0.5 − 2^-33 → 0; 3·2^-33 → 1.5 − 3·2^-33 → 1.
    expect(quantizeDepth(F.Z_D32, 2 ** -32)).toBe(1);
    expect(quantizeDepth(F.Z_D32, 2 ** -33)).toBe(0);
    expect(quantizeDepth(F.Z_D32, 3 * 2 ** -33)).toBe(1);
    expect(quantizeDepth(F.Z_D32, 2 ** -149)).toBe(0); // float32 subnormal
  });
  test('clamping, NaN and float32 rounding of the input', () => {
    expect(quantizeDepth(F.Z_D16, -1)).toBe(0);
    expect(quantizeDepth(F.Z_D16, 2)).toBe(65535);
    expect(quantizeDepth(F.Z_D16, NaN)).toBe(0);
    expect(quantizeDepth(F.Z_D16, -Infinity)).toBe(0);
    // 0.5 − 2^-40 is 0.5 in float32: the tie, up.
    expect(quantizeDepth(F.Z_D16, 0.5 - 2 ** -40)).toBe(32768);
    expect(quantizeDepth(F.A8R8G8B8, 0.5)).toBeUndefined();
  });
  test('property: D32 matches exact rational rounding', () => {
    fc.assert(
      fc.property(fc.float({ min: 0, max: 1, noNaN: true }), (d) => {
        // d = n / 2^160 exactly for every float32 in [0, 1].
        const n = BigInt(d * 2 ** 149) * 2n ** 11n;
        const exact = (n * 0xffffffffn * 2n + 2n ** 160n) / (2n * 2n ** 160n);
        expect(quantizeDepth(F.Z_D32, d)).toBe(Number(exact));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});

describe('packDepth / packStencil keep the other bits', () => {
  test('Z_D24S8: depth in bits 8–31, stencil in 0–7', () => {
    const t = new Uint8Array([0xa5, 0, 0, 0]);
    expect(packDepth(F.Z_D24S8, 1, t, 0)).toBe(true);
    expect(Array.from(t)).toEqual([0xa5, 0xff, 0xff, 0xff]);
    expect(packDepth(F.Z_D24S8, 0.5, t, 0)).toBe(true);
    expect(Array.from(t)).toEqual([0xa5, 0x00, 0x00, 0x80]);
    expect(packStencil(F.Z_D24S8, 0x1ff, t, 0)).toBe(true); // mod 256
    expect(Array.from(t)).toEqual([0xff, 0x00, 0x00, 0x80]);
    expect(packStencil(F.Z_D24S8, 3, t, 0)).toBe(true);
    expect(Array.from(t)).toEqual([0x03, 0x00, 0x00, 0x80]);
    expect(unpackStencil(F.Z_D24S8, t, 0)).toBe(3);
    expect(readDepthCode(F.Z_D24S8, t, 0)).toBe(0x800000);
    expect(unpackDepth(F.Z_D24S8, t, 0)).toBe(0x800000 / 0xffffff);
  });
  test('Z_D15S1: depth in bits 1–15, stencil bit 0', () => {
    const t = new Uint8Array([0x01, 0x00]);
    packDepth(F.Z_D15S1, 0.5, t, 0);
    expect(Array.from(t)).toEqual([0x01, 0x80]); // 16384 << 1 | 1
    packDepth(F.Z_D15S1, BELOW_HALF, t, 0);
    expect(Array.from(t)).toEqual([0xff, 0x7f]); // 16383 << 1 | 1
    packStencil(F.Z_D15S1, 2, t, 0); // 2 mod 2 = 0
    expect(Array.from(t)).toEqual([0xfe, 0x7f]);
    expect(unpackStencil(F.Z_D15S1, t, 0)).toBe(0);
    expect(unpackDepth(F.Z_D15S1, t, 0)).toBe(16383 / 32767);
  });
  test('Z_D24X8 and Z_DF24 keep their X bits; D16 and D32 fill the texel', () => {
    const x = new Uint8Array([0x5c, 0x11, 0x22, 0x33]);
    packDepth(F.Z_D24X8, 0, x, 0);
    expect(Array.from(x)).toEqual([0x5c, 0, 0, 0]);
    packDepth(F.Z_DF24, 1, x, 0);
    expect(Array.from(x)).toEqual([0x5c, 0xff, 0xff, 0xff]);
    const d16 = new Uint8Array(4);
    packDepth(F.Z_D16, 0.5, d16, 2);
    expect(Array.from(d16)).toEqual([0, 0, 0x00, 0x80]);
    expect(unpackDepth(F.Z_D16, d16, 2)).toBe(32768 / 65535);
    const d32 = new Uint8Array(4);
    packDepth(F.Z_D32, BELOW_HALF, d32, 0);
    expect(Array.from(d32)).toEqual([0x80, 0xff, 0xff, 0x7f]); // 2147483520 = 0x7FFFFF80
    expect(readDepthCode(F.Z_D32, d32, 0)).toBe(2147483520);
  });
  test('rejections', () => {
    const t = new Uint8Array(4).fill(9);
    expect(packDepth(F.A8R8G8B8, 0.5, t, 0)).toBe(false);
    expect(packStencil(F.Z_D16, 1, t, 0)).toBe(false);
    expect(packStencil(F.Z_D24X8, 1, t, 0)).toBe(false);
    expect(packDepth(F.Z_D24S8, 0.5, t, 1)).toBe(false);
    expect(packDepth(F.Z_D16, 0.5, t, -2)).toBe(false);
    expect(Array.from(t)).toEqual([9, 9, 9, 9]);
    expect(unpackStencil(F.Z_D24X8, t, 0)).toBeUndefined();
    expect(unpackDepth(F.DXT1, t, 0)).toBeUndefined();
    expect(unpackDepth(F.Z_D16, t, 3)).toBeUndefined();
    expect(depthCodeMax(F.Z_D24S8_INT)).toBe(0xffffff);
    expect(depthCodeMax(F.R5G6B5)).toBeUndefined();
  });
  test('property: packDepth → readDepthCode returns quantizeDepth and never touches stencil', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(F.Z_D16, F.Z_D24S8, F.Z_D15S1, F.Z_D24X8, F.Z_D32, F.Z_DF16, F.Z_DF24, F.Z_D24S8_INT),
        fc.double({ min: -0.5, max: 1.5 }),
        fc.uint8Array({ minLength: 4, maxLength: 4 }),
        (f, d, bytes) => {
          const before = unpackStencil(f, bytes, 0);
          expect(packDepth(f, d, bytes, 0)).toBe(true);
          expect(readDepthCode(f, bytes, 0)).toBe(quantizeDepth(f, d));
          expect(unpackStencil(f, bytes, 0)).toBe(before);
        },
      ),
      { seed: 42, numRuns: 1000 },
    );
  });
});
