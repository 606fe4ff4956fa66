import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SVGA3dSurfaceFormat as F } from '../formats/index.js';
import { SVGA3dFillModeType as Fill, SVGA3dFrontWinding as Winding } from '../svga3d-decoder/spec/enums.js';
import { rasterizeTriangle } from './draw-triangle.js';
import { backFaceVertex, hasFacePairs } from './face-varyings.js';
import type { RasterVertex, RenderTarget, VaryingInterpolation, VaryingLayout } from './raster-interfaces.js';
import { makeTarget, pixelWord, testContext, vtx } from './raster-test-support.js';

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

describe('rasterizeTriangle with face pairs', () => {
  // Varying 0 (what the test stage writes) is the front colour, varying 1 its back value.
  const RED = [1, 0, 0, 1], BLUE = [0, 0, 1, 1], GREEN = [0, 1, 0, 1];
  const a = vtx(0, 0, 0, [...RED, ...BLUE]);
  const b = vtx(4, 0, 0, [...RED, ...GREEN]);
  const c = vtx(0, 4, 0, [...RED, ...GREEN]);

  function words(tri: readonly RasterVertex[], frontWinding: number, interpolation: VaryingInterpolation[], fillMode: number = Fill.FILL): Set<number> {
    const rt: RenderTarget = makeTarget(F.A8R8G8B8, 8, 8);
    const layout: VaryingLayout = { count: 2, interpolation, facePairs: [[0, 1]] };
    rasterizeTriangle(tri[0]!, tri[1]!, tri[2]!, testContext({ targets: { colors: [rt] }, layout, rasterizer: { frontWinding, fillMode } }));
    const out = new Set<number>();
    for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) if (pixelWord(rt, x, y) !== 0) out.add(pixelWord(rt, x, y));
    return out;
  }

  it('a front-facing triangle keeps the front slot, a back-facing one takes the back slot (flat: the provoking vertex\'s)', () => {
    const flat: VaryingInterpolation[] = ['flat', 'flat'];
    // (0, 0) → (4, 0) → (0, 4) is clockwise on screen.
    expect(words([a, b, c], Winding.CW, flat)).toEqual(new Set([0xffff0000]));
    expect(words([a, c, b], Winding.CW, flat)).toEqual(new Set([0xff0000ff]));
    expect(words([a, b, c], Winding.CCW, flat)).toEqual(new Set([0xff0000ff]));
    expect(words([a, c, b], Winding.CCW, flat)).toEqual(new Set([0xffff0000]));
  });

  it('a smooth back face interpolates the back values; wireframe and point fill keep the face', () => {
    const smooth: VaryingInterpolation[] = ['perspective', 'perspective'];
    const back = words([a, c, b], Winding.CW, smooth);
    // Blue at vertex 0 blending into green: no red anywhere, several shades.
    expect([...back].some((w) => (w & 0x00ff0000) !== 0)).toBe(false);
    expect(back.size).toBeGreaterThan(2);
    expect(words([a, c, b], Winding.CW, ['flat', 'flat'], Fill.LINE)).toEqual(new Set([0xff0000ff]));
    expect(words([a, c, b], Winding.CW, ['flat', 'flat'], Fill.POINT)).toEqual(new Set([0xff0000ff]));
    expect(words([a, b, c], Winding.CW, ['flat', 'flat'], Fill.POINT)).toEqual(new Set([0xffff0000]));
  });

  it('leaves the caller\'s vertices untouched', () => {
    words([a, c, b], Winding.CW, ['flat', 'flat']);
    expect(Array.from(a.varyings)).toEqual([...RED, ...BLUE]);
  });
});
