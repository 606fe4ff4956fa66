/**
 * Clipping end to end, checked by exact covered pixels: the near plane z = 0, the far plane
 * z = w (with w = 1 and w = 2), x and y beyond the viewport (guard band and a SETVIEWPORT smaller
 * than the target) and user clip planes with CLIPPLANEENABLE. Each plane is placed so that it
 * crosses the target between pixel centres (at a half pixel), so the covered set does not hang
 * on how the clipper rounds the new vertices.
 */
import { describe, expect, it } from 'vitest';
import { SVGA3dRenderStateName as RS } from '../../src/svga3d-decoder/index.js';
import { coverage, expectedRows, hexRows, unorm8 } from '../support/draw-expect.js';
import { CID, quad, renderScene, states, vtx } from '../support/draw-scene.js';

const RED = [1, 0, 0, 1];
const ON = 'ff0000ff';
const OFF = '000000ff';

/** A full-target quad in clip space whose z (and w) vary with clip x: z = a·x + b at w = 1, scaled by w. */
function slopedQuad(a: number, b: number, w = 1): number[][] {
  const v = (x: number, y: number) => vtx(x * w, y * w, (a * x + b) * w, RED, w);
  return [v(-1, 1), v(1, 1), v(-1, -1), v(1, 1), v(1, -1), v(-1, -1)];
}

describe('clipping at the depth planes', () => {
  it.each([
    // z = 0.5x + 0.1875 ≥ 0 ⇔ x ≥ −0.375 ⇔ window x ≥ 2.5: columns 3–7.
    { name: 'near z = 0 keeps x ≥ 2.5', a: 0.5, b: 0.1875, w: 1, covered: (x: number) => x >= 3 },
    // z = 0.5x + 0.8125 ≤ 1 ⇔ x ≤ 0.375 ⇔ window x ≤ 5.5: columns 0–5.
    { name: 'far z = w keeps x ≤ 5.5', a: 0.5, b: 0.8125, w: 1, covered: (x: number) => x <= 5 },
    // w = 2: z/w = 0.5x + 0.8125 as above, so the far plane z = w = 2 cuts at the same column.
    { name: 'far z = w with w = 2 keeps x ≤ 5.5', a: 0.5, b: 0.8125, w: 2, covered: (x: number) => x <= 5 },
    // z = 1.5x + 0.5625 in [0, 1] ⇔ x in [−0.375, 0.2917] ⇔ window [2.5, 5.17]: columns 3–5.
    { name: 'near and far together keep a band', a: 1.5, b: 0.5625, w: 1, covered: (x: number) => x >= 3 && x <= 5 },
    { name: 'wholly in front of the near plane: nothing', a: 0, b: -0.25, w: 1, covered: () => false },
    { name: 'wholly beyond the far plane: nothing', a: 0, b: 1.25, w: 1, covered: () => false },
  ])('$name', ({ a, b, w, covered }) => {
    const { colors, diagnostics } = renderScene({ vertices: slopedQuad(a, b, w), draw: (_c, d) => d(0, 2) });
    expect(diagnostics).toEqual([]);
    expect(hexRows(colors[0]!)).toEqual(expectedRows((x) => (covered(x) ? ON : OFF)));
  });
});

describe('attributes across a clipped edge', () => {
  it('the near plane cut keeps the unclipped colour ramp: red = 0.05 + 0.1 · window x', () => {
    // Red is linear in clip x (w = 1, so no perspective): 0.05 + 0.1 · 4(x + 1), i.e. 0.05 at
    // x = −1 and 0.85 at x = 1. The clipper's new vertices at x = −0.375 must carry the same
    // line, so centre i gets 0.05 + 0.1 · i: 89.25 → 89, 114.75 → 115, 140.25 → 140, ...
    const v = (x: number, y: number) => vtx(x, y, 0.5 * x + 0.1875, [0.05 + 0.4 * (x + 1), 0, 0, 1]);
    const { colors } = renderScene({ vertices: [v(-1, 1), v(1, 1), v(-1, -1), v(1, 1), v(1, -1), v(-1, -1)], draw: (_c, d) => d(0, 2) });
    const red = (x: number) => unorm8(0.05 + 0.1 * x).toString(16).padStart(2, '0');
    expect(hexRows(colors[0]!)).toEqual(expectedRows((x) => (x >= 3 ? `${red(x)}0000ff` : OFF)));
  });
});

describe('clipping at x and y', () => {
  it('a triangle reaching far outside the target covers exactly its in-target pixels', () => {
    // Window (−8, 2), (12, 2), (2, 12): clip x −3, 4, −0.5; y 0.5, 0.5, −2.
    const tri: [number, number][] = [[-8, 2], [12, 2], [2, 12]];
    const { colors } = renderScene({ vertices: tri.map(([x, y]) => vtx(x / 4 - 1, 1 - y / 4, 0.5, RED)), draw: (_c, d) => d(0, 1) });
    const cov = coverage(tri);
    expect(hexRows(colors[0]!)).toEqual(expectedRows((x, y) => (cov[y]![x] ? ON : OFF)));
    // By hand: rows 2–7 (the top edge y = 2 is in); the right edge is x + y = 14 (centre (7, 7) on
    // it is out), the left edge y − x = 10 is outside the target.
    expect(cov.map((row) => row.filter(Boolean).length)).toEqual([0, 0, 8, 8, 8, 8, 8, 7]);
  });

  it.each([
    // Viewport (2, 1, 4×5): clip x maps to 2 + (x + 1)·2, y to 1 + (1 − y)·2.5. A quad over clip
    // ±3 reaches window −2…10 × −4…11 and is clipped to the viewport: columns 2–5, rows 1–5.
    { name: 'a quad over clip ±3 fills the viewport only', x0: -3, y0: -3, x1: 3, y1: 3, covered: (x: number, y: number) => x >= 2 && x < 6 && y >= 1 && y < 6 },
    // Clip x from 0.25 to 3: window 4.5 … 10, clipped at 6: column 5.
    { name: 'a quad from clip x 0.25 to 3 is cut at the viewport right edge', x0: 0.25, y0: -3, x1: 3, y1: 3, covered: (x: number, y: number) => x === 5 && y >= 1 && y < 6 },
  ])('SETVIEWPORT smaller than the target: $name', ({ x0, y0, x1, y1, covered }) => {
    const v = (x: number, y: number) => vtx(x, y, 0.5, RED);
    const { colors, diagnostics } = renderScene({
      vertices: [v(x0, y1), v(x1, y1), v(x0, y0), v(x1, y1), v(x1, y0), v(x0, y0)],
      draw: (c, d) => {
        c.setViewport({ cid: CID, rect: { x: 2, y: 1, w: 4, h: 5 } });
        d(0, 2);
      },
    });
    expect(diagnostics).toEqual([]);
    expect(hexRows(colors[0]!)).toEqual(expectedRows((x, y) => (covered(x, y) ? ON : OFF)));
  });
});

describe('user clip planes (clip space, a vertex shader is bound)', () => {
  // Plane 0 keeps x + 0.375 ≥ 0 (window x ≥ 2.5: columns 3–7); plane 1 keeps 0.125 − y ≥ 0
  // (window y ≥ 3.5: rows 4–7); plane 2 keeps nothing (−1 ≥ 0 never holds).
  const PLANES: [number, number, number, number][] = [[1, 0, 0, 0.375], [0, -1, 0, 0.125], [0, 0, 0, -1]];

  it.each([
    { mask: 0, covered: () => true },
    { mask: 1, covered: (x: number) => x >= 3 },
    { mask: 2, covered: (_x: number, y: number) => y >= 4 },
    { mask: 3, covered: (x: number, y: number) => x >= 3 && y >= 4 },
    { mask: 4, covered: () => false },
    { mask: 7, covered: () => false },
    // Bits above the six planes select nothing.
    { mask: 0xc0, covered: () => true },
  ])('CLIPPLANEENABLE $mask', ({ mask, covered }) => {
    const { colors, diagnostics } = renderScene({
      vertices: quad(0, 0, 8, 8, 0.5, RED),
      draw: (c, d) => {
        PLANES.forEach((plane, index) => c.setClipPlane({ cid: CID, index, plane }));
        states(c, { [RS.CLIPPLANEENABLE]: mask });
        d(0, 2);
      },
    });
    expect(diagnostics).toEqual([]);
    expect(hexRows(colors[0]!)).toEqual(expectedRows((x, y) => (covered(x, y) ? ON : OFF)));
  });
});
