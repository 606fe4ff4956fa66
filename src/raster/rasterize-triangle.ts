/**
 * Scan conversion of a set-up triangle into 2×2 pixel quads.
 *
 * Quads are aligned on even pixel coordinates, so neighbouring primitives agree on quad
 * boundaries and every pixel's horizontal and vertical neighbour exists for derivatives. A quad
 * is visited when at least one of its pixels is covered and inside the clip rectangle; the other
 * pixels of the quad are helper pixels (mask bit clear) whose barycentrics are still given, since
 * shaders need them for dsx/dsy and texture LOD.
 *
 * Quads are visited in rows from top to bottom, left to right within a row: a fixed order, so the
 * output never depends on anything but the inputs.
 */
import { evaluateEdge, type PixelRect, type TriangleSetup } from './setup-triangle.js';
import { SUBPIXEL_ONE } from './subpixel.js';

/**
 * One visited quad. Pixel k of the quad is (x + (k & 1), y + (k >> 1)). The object is reused
 * between calls, and between walks: copy what must outlive the callback.
 */
export interface QuadCoverage {
  /** Top-left pixel of the quad (both even). */
  x: number;
  y: number;
  /** Bit k set when pixel k is covered and inside the clip rectangle. */
  mask: number;
  /**
   * Barycentric weight of each given vertex (0, 1, 2, in the order passed to setup) at each pixel:
   * `weights[vertex * 4 + k]`. The three weights of a pixel sum to 1 (up to float64 rounding).
   */
  readonly weights: Float64Array;
}

/**
 * Visits every quad with at least one covered pixel of `t` inside `clip` (the clip rectangle given
 * to setup bounds the walk; `clip` here masks pixels of border quads). Returns the number of
 * covered pixels.
 *
 * Edge values are stepped, not re-evaluated: one pixel right adds `a·SUBPIXEL_ONE`, one down adds
 * `b·SUBPIXEL_ONE`. Every value is an integer below 2^49 (coordinates are bounded by the guard
 * band), so each sum is exact and equals `evaluateEdge` bit for bit.
 */
export function forEachCoveredQuad(
  t: TriangleSetup,
  clip: PixelRect,
  visit: (quad: QuadCoverage) => void,
): number {
  const { bounds, edges, area2, vertexOrder } = t;
  if (bounds.x0 >= bounds.x1 || bounds.y0 >= bounds.y1) return 0;
  // One quad object for every walk (a typed array per triangle costs more than small triangles'
  // coverage); a walk started from inside a visit gets its own.
  const nested = walking;
  const quad: QuadCoverage = nested ? { x: 0, y: 0, mask: 0, weights: new Float64Array(12) } : sharedQuad;
  walking = true;
  try {
    return walk(t, clip, visit, quad);
  } finally {
    walking = nested;
  }
}

const sharedQuad: QuadCoverage = { x: 0, y: 0, mask: 0, weights: new Float64Array(12) };
let walking = false;

function walk(t: TriangleSetup, clip: PixelRect, visit: (quad: QuadCoverage) => void, quad: QuadCoverage): number {
  const { bounds, edges, area2, vertexOrder } = t;
  const weights = quad.weights;
  const [e0, e1, e2] = edges;
  const dx0 = e0.a * SUBPIXEL_ONE;
  const dx1 = e1.a * SUBPIXEL_ONE;
  const dx2 = e2.a * SUBPIXEL_ONE;
  const dy0 = e0.b * SUBPIXEL_ONE;
  const dy1 = e1.b * SUBPIXEL_ONE;
  const dy2 = e2.b * SUBPIXEL_ONE;
  // Inside when E + bias >= 0, i.e. E >= -bias.
  const min0 = -e0.bias;
  const min1 = -e1.bias;
  const min2 = -e2.bias;
  const w0 = vertexOrder[0] * 4;
  const w1 = vertexOrder[1] * 4;
  const w2 = vertexOrder[2] * 4;
  const { x0: cx0, y0: cy0, x1: cx1, y1: cy1 } = clip;
  let covered = 0;
  const qx0 = bounds.x0 & ~1;
  const qy0 = bounds.y0 & ~1;
  for (let qy = qy0; qy < bounds.y1; qy += 2) {
    // Clip rows of the quad's two pixel rows: bits of pixels 0, 1 (top) and 2, 3 (bottom).
    const rows = (qy >= cy0 && qy < cy1 ? 0b0011 : 0) | (qy + 1 >= cy0 && qy + 1 < cy1 ? 0b1100 : 0);
    let r0 = evaluateEdge(e0, qx0, qy);
    let r1 = evaluateEdge(e1, qx0, qy);
    let r2 = evaluateEdge(e2, qx0, qy);
    for (let qx = qx0; qx < bounds.x1; qx += 2, r0 += 2 * dx0, r1 += 2 * dx1, r2 += 2 * dx2) {
      // Pixel k at (qx + (k & 1), qy + (k >> 1)).
      const a0 = r0, a1 = r0 + dx0, a2 = r0 + dy0, a3 = a1 + dy0;
      const b0 = r1, b1 = r1 + dx1, b2 = r1 + dy1, b3 = b1 + dy1;
      const c0 = r2, c1 = r2 + dx2, c2 = r2 + dy2, c3 = c1 + dy2;
      let mask =
        (a0 >= min0 && b0 >= min1 && c0 >= min2 ? 1 : 0) |
        (a1 >= min0 && b1 >= min1 && c1 >= min2 ? 2 : 0) |
        (a2 >= min0 && b2 >= min1 && c2 >= min2 ? 4 : 0) |
        (a3 >= min0 && b3 >= min1 && c3 >= min2 ? 8 : 0);
      if (mask === 0) continue;
      const cols = (qx >= cx0 && qx < cx1 ? 0b0101 : 0) | (qx + 1 >= cx0 && qx + 1 < cx1 ? 0b1010 : 0);
      mask &= rows & cols;
      if (mask === 0) continue;
      quad.x = qx;
      quad.y = qy;
      quad.mask = mask;
      weights[w0] = a0 / area2;
      weights[w0 + 1] = a1 / area2;
      weights[w0 + 2] = a2 / area2;
      weights[w0 + 3] = a3 / area2;
      weights[w1] = b0 / area2;
      weights[w1 + 1] = b1 / area2;
      weights[w1 + 2] = b2 / area2;
      weights[w1 + 3] = b3 / area2;
      weights[w2] = c0 / area2;
      weights[w2 + 1] = c1 / area2;
      weights[w2 + 2] = c2 / area2;
      weights[w2 + 3] = c3 / area2;
      covered += popcount4(mask);
      visit(quad);
    }
  }
  return covered;
}

/**
 * The plain walk {@link forEachCoveredQuad} must equal: every edge evaluated from scratch at
 * every pixel. Kept as the specification of the fast walk (differential test).
 */
export function forEachCoveredQuadReference(
  t: TriangleSetup,
  clip: PixelRect,
  visit: (quad: QuadCoverage) => void,
): number {
  const { bounds, edges, area2, vertexOrder } = t;
  if (bounds.x0 >= bounds.x1 || bounds.y0 >= bounds.y1) return 0;
  const quad: QuadCoverage = { x: 0, y: 0, mask: 0, weights: new Float64Array(12) };
  const e = new Float64Array(12); // edge values, [edge * 4 + pixel]
  let covered = 0;
  const qx0 = bounds.x0 & ~1;
  const qy0 = bounds.y0 & ~1;
  for (let qy = qy0; qy < bounds.y1; qy += 2) {
    for (let qx = qx0; qx < bounds.x1; qx += 2) {
      let mask = 0;
      for (let k = 0; k < 4; k++) {
        const px = qx + (k & 1);
        const py = qy + (k >> 1);
        let inside = px >= clip.x0 && px < clip.x1 && py >= clip.y0 && py < clip.y1;
        for (let j = 0; j < 3; j++) {
          const edge = edges[j]!;
          const value = evaluateEdge(edge, px, py);
          e[j * 4 + k] = value;
          if (value + edge.bias < 0) inside = false;
        }
        if (inside) mask |= 1 << k;
      }
      if (mask === 0) continue;
      quad.x = qx;
      quad.y = qy;
      quad.mask = mask;
      for (let j = 0; j < 3; j++) {
        const vertex = vertexOrder[j]!;
        for (let k = 0; k < 4; k++) quad.weights[vertex * 4 + k] = e[j * 4 + k]! / area2;
      }
      covered += popcount4(mask);
      visit(quad);
    }
  }
  return covered;
}

function popcount4(mask: number): number {
  return (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1) + ((mask >> 3) & 1);
}
