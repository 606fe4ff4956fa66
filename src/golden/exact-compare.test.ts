import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rgba8Image } from '../common/image.js';
import { compareExact } from './exact-compare.js';

const image = (width: number, height: number, bytes: number[]): Rgba8Image => ({ width, height, data: Uint8Array.from(bytes) });

describe('compareExact', () => {
  it('matches equal images and counts nothing', () => {
    const a = image(2, 1, [1, 2, 3, 4, 5, 6, 7, 8]);
    expect(compareExact(a, image(2, 1, [1, 2, 3, 4, 5, 6, 7, 8]))).toEqual({
      match: true, sizeMatch: true, diffPixels: 0, totalPixels: 2, maxChannelDelta: 0, bbox: undefined,
    });
  });

  it('sees RGB under alpha 0, which pixelmatch calls equal', () => {
    const r = compareExact(image(1, 1, [0, 0, 0, 0]), image(1, 1, [9, 0, 0, 0]));
    expect(r).toEqual({ match: false, sizeMatch: true, diffPixels: 1, totalPixels: 1, maxChannelDelta: 9, bbox: { x0: 0, y0: 0, x1: 1, y1: 1 } });
  });

  it('counts differing pixels, the largest channel delta and their bounding box', () => {
    const a = image(3, 2, new Array<number>(24).fill(100));
    const b = a.data.slice();
    b[(0 * 3 + 2) * 4 + 1] = 90; // (2, 0) green −10
    b[(1 * 3 + 1) * 4 + 3] = 130; // (1, 1) alpha +30
    const r = compareExact(a, { width: 3, height: 2, data: b });
    expect(r).toEqual({ match: false, sizeMatch: true, diffPixels: 2, totalPixels: 6, maxChannelDelta: 30, bbox: { x0: 1, y0: 0, x1: 3, y1: 2 } });
  });

  it('never matches images of different sizes or malformed images', () => {
    expect(compareExact(image(2, 1, new Array<number>(8).fill(0)), image(1, 2, new Array<number>(8).fill(0))).match).toBe(false);
    expect(compareExact(image(2, 2, [0, 0, 0, 0]), image(2, 2, [0, 0, 0, 0])).sizeMatch).toBe(false);
  });

  it('counts exactly the pixels that were changed (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), fc.array(fc.nat(), { maxLength: 20 }), (w, h, picks) => {
        const a = new Uint8Array(w * h * 4).map((_, i) => (i * 31) & 0xff);
        const b = a.slice();
        const changed = new Set<number>();
        for (const p of picks) {
          const px = p % (w * h);
          changed.add(px);
          b[px * 4 + (p % 4)] = (a[px * 4 + (p % 4)]! + 1 + (p % 200)) & 0xff;
        }
        // A change of 256 would wrap to the same byte: the +1..200 offset never does.
        const r = compareExact({ width: w, height: h, data: a }, { width: w, height: h, data: b });
        expect(r.diffPixels).toBe(changed.size);
        expect(r.match).toBe(changed.size === 0);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
