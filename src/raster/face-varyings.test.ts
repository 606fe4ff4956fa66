import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backFaceVertex, hasFacePairs } from './face-varyings.js';
import type { RasterVertex, VaryingLayout } from './raster-interfaces.js';

const vertex = (values: number[]): RasterVertex => ({ x: 1.5, y: -2, z: 0.25, invW: 0.5, varyings: new Float32Array(values) });
const layout = (count: number, facePairs?: readonly (readonly [number, number])[]): VaryingLayout =>
  facePairs === undefined ? { count, interpolation: [] } : { count, interpolation: [], facePairs };

describe('hasFacePairs', () => {
  it('is false without the field or with no pair, true with one', () => {
    expect(hasFacePairs(layout(2))).toBe(false);
    expect(hasFacePairs(layout(2, []))).toBe(false);
    expect(hasFacePairs(layout(2, [[0, 1]]))).toBe(true);
  });
});

describe('backFaceVertex', () => {
  it('returns the vertex itself (no copy) when the layout has no pairs', () => {
    const v = vertex([1, 2, 3, 4]);
    expect(backFaceVertex(v, layout(1))).toBe(v);
    expect(backFaceVertex(v, layout(1, []))).toBe(v);
  });

  it('copies each back slot into its front slot, keeps position and the other slots, leaves the input alone', () => {
    // Slots: 0 front COLOR0, 1 texcoord, 2 front COLOR1, 3 back COLOR0, 4 back COLOR1.
    const values = [1, 2, 3, 4, 10, 11, 12, 13, 5, 6, 7, 8, 21, 22, 23, 24, 31, 32, 33, 34];
    const v = vertex(values);
    const b = backFaceVertex(v, layout(5, [[0, 3], [2, 4]]));
    expect(b).not.toBe(v);
    expect([b.x, b.y, b.z, b.invW]).toEqual([1.5, -2, 0.25, 0.5]);
    expect(Array.from(b.varyings)).toEqual([21, 22, 23, 24, 10, 11, 12, 13, 31, 32, 33, 34, 21, 22, 23, 24, 31, 32, 33, 34]);
    expect(Array.from(v.varyings)).toEqual(values);
  });

  it('reads a back slot past the end of a short array as 0 and grows the copy to hold the front slot', () => {
    const b = backFaceVertex(vertex([1, 2, 3, 4]), layout(3, [[1, 2]]));
    expect(Array.from(b.varyings)).toEqual([1, 2, 3, 4, 0, 0, 0, 0]);
  });

  it('reads every pair from the vertex as it came (chained pairs do not cascade)', () => {
    const b = backFaceVertex(vertex([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]), layout(3, [[0, 1], [1, 2]]));
    expect(Array.from(b.varyings)).toEqual([2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3]);
  });

  it('ignores pairs with a slot out of range, not an integer, or equal front and back', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8];
    const b = backFaceVertex(vertex(values), layout(2, [[0, 16], [-1, 1], [1, 0.5], [1, 1], [16, 0]]));
    expect(Array.from(b.varyings)).toEqual(values);
  });

  it('property: front slots take back values, every other entry is unchanged (fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ noNaN: true }), { minLength: 0, maxLength: 64 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { minLength: 2, maxLength: 8 }),
        (values, slots) => {
          const pairs: [number, number][] = [];
          for (let i = 0; i + 1 < slots.length; i += 2) pairs.push([slots[i]!, slots[i + 1]!]);
          const b = backFaceVertex(vertex(values), layout(16, pairs));
          const fronts = new Map(pairs.map(([f, k]) => [f, k]));
          for (let i = 0; i < b.varyings.length; i++) {
            const back = fronts.get(i >> 2);
            const expected = back === undefined ? (values[i] ?? 0) : (values[back * 4 + (i & 3)] ?? 0);
            expect(b.varyings[i]).toBe(Math.fround(expected));
          }
          expect(b.varyings.length).toBe(Math.max(values.length, ...pairs.map(([f]) => f * 4 + 4)));
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});
