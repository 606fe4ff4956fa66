/**
 * Coverage end to end: top-left rule cases with edges and vertices exactly on pixel centres, and a
 * property over random triangle fans drawn as one TRIANGLEFAN with additive blending of 1/255:
 * shared edges are covered exactly once, so every pixel ends at 0 or 1.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SVGA3dRenderStateName as RS } from '../../src/svga3d-decoder/index.js';
import { coverage, expectedRows, hexRows } from '../support/draw-expect.js';
import { renderScene, states, win } from '../support/draw-scene.js';

const RED = [1, 0, 0, 1];
const ON = 'ff0000ff';
const OFF = '000000ff';

type Tri = [[number, number], [number, number], [number, number]];

/** Hand-stated cases: triangle in window coordinates and the covered centres, as a rule. */
const CASES: { name: string; tri: Tri; covered: (x: number, y: number) => boolean }[] = [
  // Top edge y = 2 through centres: in. Bottom edge y = 6: out. Left x = 1: in. Right x = 5: out.
  { name: 'axis-aligned right triangle, top and left edges on centres', tri: [[1, 2], [5, 2], [1, 6]], covered: (x, y) => x >= 1 && y >= 2 && (x - 1) + (y - 2) < 4 },
  // Same triangle, counter-clockwise vertex order: coverage does not depend on the winding.
  { name: 'the same triangle wound counter-clockwise', tri: [[1, 2], [1, 6], [5, 2]], covered: (x, y) => x >= 1 && y >= 2 && (x - 1) + (y - 2) < 4 },
  // Bottom edge y = 6 and right edge x = 6 on centres: both left out; the hypotenuse is a left/top edge.
  { name: 'bottom and right edges on centres are left out', tri: [[6, 2], [6, 6], [2, 6]], covered: (x, y) => x < 6 && y < 6 && x + y >= 8 },
  // A flat-bottomed triangle: apex (4, 1), bottom edge y = 5 out; left edge in, right edge out.
  { name: 'flat-bottomed triangle: sloped left edge in, sloped right edge out', tri: [[4, 1], [7, 5], [1, 5]], covered: (x, y) => y >= 1 && y < 5 && 4 * (x - 4) >= -3 * (y - 1) && 4 * (x - 4) < 3 * (y - 1) },
  // A flat-topped triangle: top edge y = 1 in, apex (4, 7) below.
  { name: 'flat-topped triangle: top edge in', tri: [[1, 1], [7, 1], [4, 7]], covered: (x, y) => y >= 1 && y < 7 && 2 * (x - 1) >= (y - 1) && 2 * (7 - x) > (y - 1) },
  // Half-pixel offsets: no centre on any edge, so plain inside-ness decides.
  { name: 'vertices on half pixels, no centre on an edge', tri: [[0.5, 0.5], [7.5, 3.5], [2.5, 7.5]], covered: (x, y) => coverage([[0.5, 0.5], [7.5, 3.5], [2.5, 7.5]])[y]![x]! },
  // A sliver thinner than a pixel, through no centre except where the top-left rule allows.
  { name: 'a sliver along the row y = 3: its top edge keeps the row', tri: [[0, 3], [8, 3], [0, 3.25]], covered: (_x, y) => y === 3 },
];

describe('top-left rule, end to end', () => {
  it.each(CASES)('$name', ({ tri, covered }) => {
    const { colors, diagnostics } = renderScene({ vertices: tri.map(([x, y]) => win(x, y, 0.5, RED)), draw: (_c, d) => d(0, 1) });
    expect(diagnostics).toEqual([]);
    const expected = expectedRows((x, y) => (covered(x, y) ? ON : OFF));
    expect(hexRows(colors[0]!)).toEqual(expected);
    // The independent rule-based coverage agrees with the hand-stated set.
    const cov = coverage(tri);
    expect(expectedRows((x, y) => (cov[y]![x] ? ON : OFF))).toEqual(expected);
  });

  it('two triangles sharing a diagonal through centres cover each pixel of the square once', () => {
    const ps = 'ps_2_0\ndef c0, 0.5, 0, 0, 1\nmov oC0, c0';
    const { colors } = renderScene({
      ps,
      vertices: [win(1, 1, 0.5, RED), win(7, 1, 0.5, RED), win(1, 7, 0.5, RED), win(7, 1, 0.5, RED), win(7, 7, 0.5, RED), win(1, 7, 0.5, RED)],
      draw: (c, d) => {
        states(c, { [RS.BLENDENABLE]: 1, [RS.SRCBLEND]: 2, [RS.DSTBLEND]: 2 });
        d(0, 2);
      },
    });
    // 0.5 · 255 = 127.5 → 128 per cover; twice would saturate to 255.
    expect(hexRows(colors[0]!)).toEqual(expectedRows((x, y) => (x >= 1 && x < 7 && y >= 1 && y < 7 ? '800000ff' : OFF)));
  });
});

describe.each([
  // 1/16: mostly general positions. 1/2: vertices on pixel centres and half pixels, so many edges
  // and vertices lie exactly on centres and only the top-left rule decides.
  { step: 16, seed: 42 },
  { step: 2, seed: 7 },
])('random triangle fans on a 1/$step pixel grid: every pixel covered at most once', ({ step, seed }) => {
  it('one TRIANGLEFAN with additive 1/255 leaves only 0 or 1, matching the rule-based union', () => {
    // Window coordinates on a 1/step grid (exact in float32 clip space and on the 1/256 raster grid),
    // a centre and rim points at strictly increasing angles around it, closed by repeating the first.
    const grid = fc.integer({ min: 0, max: 8 * step }).map((k) => k / step);
    const fan = fc.record({
      cx: fc.integer({ min: 3 * step, max: 5 * step }).map((k) => k / step),
      cy: fc.integer({ min: 3 * step, max: 5 * step }).map((k) => k / step),
      rim: fc.uniqueArray(fc.tuple(grid, grid), { minLength: 3, maxLength: 8, selector: ([x, y]) => `${x},${y}` }),
    });
    fc.assert(
      fc.property(fan, ({ cx, cy, rim }) => {
        const around = rim
          .filter(([x, y]) => x !== cx || y !== cy)
          .map(([x, y]) => ({ x, y, a: Math.atan2(y - cy, x - cx) }))
          .sort((p, q) => p.a - q.a)
          .filter((p, i, all) => i === 0 || p.a !== all[i - 1]!.a);
        if (around.length < 3) return;
        // At most one angular gap can exceed π; a fan triangle across it would wrap the other way
        // (reversed winding) and overlap its neighbours, so the ring starts after the largest gap
        // and is closed only when that gap is below π.
        const gap = (i: number) => (around[(i + 1) % around.length]!.a - around[i]!.a + 2 * Math.PI) % (2 * Math.PI) || 2 * Math.PI;
        let widest = 0;
        for (let i = 1; i < around.length; i++) if (gap(i) > gap(widest)) widest = i;
        const rotated = [...around.slice(widest + 1), ...around.slice(0, widest + 1)];
        const ring = gap(widest) < Math.PI ? [...rotated, rotated[0]!] : rotated;
        const ps = 'ps_2_0\ndef c0, 0.00392156863, 0.00392156863, 0.00392156863, 1\nmov oC0, c0';
        const { colors, diagnostics } = renderScene({
          ps,
          clearColor: 0,
          vertices: [win(cx, cy, 0.5, [0, 0, 0, 1]), ...ring.map((p) => win(p.x, p.y, 0.5, [0, 0, 0, 1]))],
          draw: (c, d) => {
            states(c, { [RS.BLENDENABLE]: 1, [RS.SRCBLEND]: 2, [RS.DSTBLEND]: 2 });
            d(0, ring.length - 1, 6);
          },
        });
        expect(diagnostics).toEqual([]);
        const expected = expectedRows(() => '0');
        for (let i = 0; i + 1 < ring.length; i++) {
          const cov = coverage([[cx, cy], [ring[i]!.x, ring[i]!.y], [ring[i + 1]!.x, ring[i + 1]!.y]]);
          for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) if (cov[y]![x]) expected[y]![x] = String(Number(expected[y]![x]) + 1);
        }
        const image = colors[0]!;
        const got = expectedRows((x, y) => String(image.data[(y * 8 + x) * 4]!));
        expect(got).toEqual(expected);
        expect(got.flat().every((v) => v === '0' || v === '1')).toBe(true);
      }),
      { seed, numRuns: 30 },
    );
  });
});
