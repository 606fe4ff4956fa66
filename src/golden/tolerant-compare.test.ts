import { describe, expect, it } from 'vitest';
import type { Rgba8Image } from '../common/image.js';
import { allowedDiffPixels, compareTolerant, exactDiffImage } from './tolerant-compare.js';

function flat(width: number, height: number, rgba: [number, number, number, number]): Rgba8Image {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  return { width, height, data };
}

function withPixels(base: Rgba8Image, pixels: number[], rgba: [number, number, number, number]): Rgba8Image {
  const data = base.data.slice();
  for (const p of pixels) data.set(rgba, p * 4);
  return { width: base.width, height: base.height, data };
}

describe('allowedDiffPixels', () => {
  it('takes the stricter of the two limits and none as zero', () => {
    expect(allowedDiffPixels(1000, {})).toBe(0);
    expect(allowedDiffPixels(1000, { maxDiffPixels: 7 })).toBe(7);
    expect(allowedDiffPixels(1000, { maxDiffRatio: 0.01 })).toBe(10);
    expect(allowedDiffPixels(1000, { maxDiffPixels: 7, maxDiffRatio: 0.01 })).toBe(7);
    expect(allowedDiffPixels(1000, { maxDiffPixels: 70, maxDiffRatio: 0.01 })).toBe(10);
  });
});

describe('compareTolerant', () => {
  const grey = flat(10, 10, [128, 128, 128, 255]);

  it('ignores a change below the threshold and counts one above it', () => {
    const slight = withPixels(grey, [44], [130, 128, 128, 255]);
    expect(compareTolerant(grey, slight, { threshold: 0.1 }).diffPixels).toBe(0);
    const strong = withPixels(grey, [44], [255, 0, 0, 255]);
    const r = compareTolerant(grey, strong, { threshold: 0.1 });
    expect(r).toEqual({ match: false, sizeMatch: true, diffPixels: 1, totalPixels: 100, allowedPixels: 0, threshold: 0.1 });
  });

  it('passes within the pixel budget, the stricter of pixels and ratio', () => {
    const three = withPixels(grey, [11, 55, 88], [255, 0, 0, 255]);
    expect(compareTolerant(grey, three, { maxDiffPixels: 3 }).match).toBe(true);
    expect(compareTolerant(grey, three, { maxDiffPixels: 3, maxDiffRatio: 0.02 }).match).toBe(false);
    expect(compareTolerant(grey, three, { maxDiffRatio: 0.03 }).match).toBe(true);
  });

  it('never matches different sizes', () => {
    expect(compareTolerant(grey, flat(10, 9, [128, 128, 128, 255]), { maxDiffRatio: 1 })).toMatchObject({ match: false, sizeMatch: false });
  });

  it('accepts views that do not start on a 4-byte boundary', () => {
    const backing = new Uint8Array(1 + 400);
    backing.set(grey.data, 1);
    const odd = { width: 10, height: 10, data: backing.subarray(1) };
    expect(compareTolerant(grey, odd, { threshold: 0 }).diffPixels).toBe(0);
  });
});

describe('exactDiffImage', () => {
  it('marks every differing pixel red, alpha-0 ones included', () => {
    const a = flat(2, 1, [0, 0, 0, 0]);
    const b = withPixels(a, [1], [50, 0, 0, 0]);
    const d = exactDiffImage(a, b)!;
    expect([...d.data.subarray(4, 8)]).toEqual([255, 0, 0, 255]);
    expect(d.data[3]).toBe(255); // pixelmatch draws unchanged pixels faded but opaque
    expect([...d.data.subarray(0, 3)]).not.toEqual([255, 0, 0]);
  });

  it('is undefined for different sizes', () => {
    expect(exactDiffImage(flat(1, 1, [0, 0, 0, 0]), flat(2, 1, [0, 0, 0, 0]))).toBeUndefined();
  });
});
