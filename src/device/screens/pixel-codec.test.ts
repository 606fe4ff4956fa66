import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BYTES_PER_PIXEL, PaletteMatcher, decodePixels, encodePixels, gmrfbFormat, legacyFormat, type PixelFormat } from './pixel-codec.js';

const NO_PALETTE = new Uint8Array(768);

describe('pixel formats', () => {
  it('map bits per pixel and GMRFB (bpp, depth) pairs', () => {
    expect([32, 24, 16, 15, 8, 12].map(legacyFormat)).toEqual(['bgrx8888', 'bgr888', 'rgb565', 'rgb555', 'pal8', undefined]);
    expect([gmrfbFormat(32, 24), gmrfbFormat(24, 24), gmrfbFormat(16, 16), gmrfbFormat(16, 15), gmrfbFormat(32, 32), gmrfbFormat(8, 8)])
      .toEqual(['bgrx8888', 'bgr888', 'rgb565', 'rgb555', undefined, undefined]);
  });

  it('decode then encode gives back every stored value (X and the 555 top bit read as 0)', () => {
    const formats: PixelFormat[] = ['bgrx8888', 'bgr888', 'rgb565', 'rgb555'];
    fc.assert(
      fc.property(fc.constantFrom(...formats), fc.uint8Array({ minLength: 16, maxLength: 16 }), (format, raw) => {
        const bpp = BYTES_PER_PIXEL[format];
        const n = Math.floor(16 / bpp);
        const rgba = new Uint8Array(n * 4);
        decodePixels(format, raw, 0, n, rgba, 0, NO_PALETTE);
        const back = new Uint8Array(n * bpp);
        encodePixels(format, rgba, 0, n, back, 0);
        const want = raw.slice(0, n * bpp);
        for (let i = 0; i < n; i++) {
          if (format === 'bgrx8888') want[i * 4 + 3] = 0;
          if (format === 'rgb555') want[i * 2 + 1] = (want[i * 2 + 1] as number) & 0x7f;
        }
        expect([...back]).toEqual([...want]);
        for (let i = 3; i < rgba.length; i += 4) expect(rgba[i]).toBe(255);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('matches the nearest palette entry, the lowest index on a tie', () => {
    const pal = new Uint8Array(768);
    pal.set([10, 10, 10], 3 * 5);
    pal.set([10, 10, 10], 3 * 9);
    pal.set([200, 0, 0], 3 * 7);
    const m = new PaletteMatcher(pal);
    expect([m.index(12, 9, 10), m.index(180, 20, 0), m.index(0, 0, 0), m.index(5, 5, 5)]).toEqual([5, 7, 0, 0]);
    // (5, 5, 5) is 75 from black and 75 from (10, 10, 10): the lower index, 0, wins.
  });
});
