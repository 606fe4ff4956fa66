import { describe, expect, it } from 'vitest';
import { f32Bits } from '../../common/f32-math.js';
import { SRGB_TO_LINEAR, srgbDecode } from './srgb.js';

/** Distance in float32 ulps (same sign, finite). */
const ulps = (a: number, b: number): number => Math.abs(f32Bits(a) - f32Bits(b));

describe('sRGB → linear table', () => {
  it('has the exact ends and the exact linear segment', () => {
    expect(SRGB_TO_LINEAR[0]).toBe(0);
    expect(SRGB_TO_LINEAR[255]).toBe(1);
    // Codes 0–10 are in the linear segment (10/255 = 0.0392 ≤ 0.04045; 11/255 = 0.0431 is not).
    for (let k = 0; k <= 10; k++) expect(SRGB_TO_LINEAR[k]).toBe(Math.fround(k / 255 / 12.92));
    expect(SRGB_TO_LINEAR[10]).toBe(Math.fround(0.0030352698354883752));
  });
  it('follows the power segment within 1 ulp of the formula on float32 arguments and is strictly increasing', () => {
    for (let k = 11; k < 256; k++) {
      // f32Pow works on float32 arguments: the rounded base and 2.4 as a float32.
      const exact = Math.fround(Math.fround((k / 255 + 0.055) / 1.055) ** Math.fround(2.4));
      expect(ulps(SRGB_TO_LINEAR[k] as number, exact)).toBeLessThanOrEqual(1);
    }
    for (let k = 1; k < 256; k++) expect(SRGB_TO_LINEAR[k] as number).toBeGreaterThan(SRGB_TO_LINEAR[k - 1] as number);
    // Mid grey: 128 → 0.2158605 (the textbook value).
    expect(SRGB_TO_LINEAR[128]).toBeCloseTo(0.2158605, 6);
  });
  it('decodes a channel value through its nearest 8-bit code', () => {
    expect(srgbDecode(Math.fround(128 / 255))).toBe(SRGB_TO_LINEAR[128]);
    expect(srgbDecode(1)).toBe(1);
    expect(srgbDecode(-3)).toBe(0);
    expect(srgbDecode(7)).toBe(1);
    expect(srgbDecode(16 / 31)).toBe(SRGB_TO_LINEAR[132]); // a 5-bit 16 is 131.6 in 8 bits
  });
});
