import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boxFromSigned, boxFromSize, clipBands, intersect, scaledIndex, type Box } from './rect-math.js';

const small = fc.integer({ min: -6, max: 14 });
const box = fc.record({ x0: small, y0: small, x1: small, y1: small });

/** Which pixels of `bounds` a union of clip boxes covers, pixel by pixel. */
function bruteMask(bounds: Box, clips: Box[]): Set<string> {
  const out = new Set<string>();
  for (let y = bounds.y0; y < bounds.y1; y++) {
    for (let x = bounds.x0; x < bounds.x1; x++) {
      if (clips.some((c) => x >= c.x0 && x < c.x1 && y >= c.y0 && y < c.y1)) out.add(`${x},${y}`);
    }
  }
  return out;
}

describe('boxes', () => {
  it('do not wrap u32 sizes and read signed rectangles as int32', () => {
    expect(boxFromSize(0xffffffff, 1, 0xffffffff, 2)).toEqual({ x0: 0xffffffff, y0: 1, x1: 0x1fffffffe, y1: 3 });
    expect(boxFromSigned({ left: 0xffffffff, top: -5, right: 0x7fffffff, bottom: 0x80000000 }))
      .toEqual({ x0: -1, y0: -5, x1: 0x7fffffff, y1: -0x80000000 });
    expect(intersect({ x0: 0, y0: 0, x1: 4, y1: 4 }, { x0: 4, y0: 0, x1: 8, y1: 4 })).toBeUndefined();
  });
});

describe('clipBands', () => {
  it('covers exactly the union of the clips inside the bounds, each pixel once', () => {
    fc.assert(
      fc.property(box, fc.array(box, { maxLength: 8 }), (bounds, clips) => {
        const want = bruteMask(bounds, clips);
        const got: string[] = [];
        let lastY1 = -Infinity;
        for (const band of clipBands(bounds, clips)) {
          expect(band.y0).toBeGreaterThanOrEqual(lastY1);
          lastY1 = band.y1;
          let lastX1 = -Infinity;
          for (const [a, b] of band.spans) {
            expect(a).toBeGreaterThan(lastX1); // disjoint and not even touching: merged
            expect(b).toBeGreaterThan(a);
            lastX1 = b;
            for (let y = band.y0; y < band.y1; y++) for (let x = a; x < b; x++) got.push(`${x},${y}`);
          }
        }
        expect(got.length).toBe(new Set(got).size);
        expect(new Set(got)).toEqual(want);
      }),
      { seed: 42, numRuns: 400 },
    );
  });

  it('merges a frame of four overlapping rectangles into three bands around the hole', () => {
    const clips = [
      { x0: 0, y0: 0, x1: 4, y1: 1 }, { x0: 0, y0: 3, x1: 4, y1: 4 },
      { x0: 0, y0: 0, x1: 1, y1: 4 }, { x0: 3, y0: 0, x1: 4, y1: 4 },
    ];
    expect(clipBands({ x0: 0, y0: 0, x1: 4, y1: 4 }, clips)).toEqual([
      { y0: 0, y1: 1, spans: [[0, 4]] },
      { y0: 1, y1: 3, spans: [[0, 1], [3, 4]] },
      { y0: 3, y1: 4, spans: [[0, 4]] },
    ]);
  });
});

describe('scaledIndex', () => {
  it('is floor((i + 0.5) · src / dst), exactly, for every 32-bit size', () => {
    const len = fc.integer({ min: 1, max: 0xffffffff });
    fc.assert(
      fc.property(len, len, fc.integer({ min: 0, max: 0xffffffff }), (src, dst, raw) => {
        const i = raw % dst;
        const want = Number(((2n * BigInt(i) + 1n) * BigInt(src)) / (2n * BigInt(dst)));
        expect(scaledIndex(i, src, dst)).toBe(want);
        expect(want).toBeLessThan(src);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('is the identity for equal sizes and picks centres when scaling', () => {
    expect([0, 1, 2, 3].map((i) => scaledIndex(i, 2, 4))).toEqual([0, 0, 1, 1]);
    expect([0, 1].map((i) => scaledIndex(i, 3, 2))).toEqual([0, 2]);
    expect([0, 1, 2].map((i) => scaledIndex(i, 2, 3))).toEqual([0, 1, 1]);
    expect(scaledIndex(0xfffffffe, 0xffffffff, 0xffffffff)).toBe(0xfffffffe);
  });
});
