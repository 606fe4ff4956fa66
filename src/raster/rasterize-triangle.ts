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

/**
 * One visited quad. Pixel k of the quad is (x + (k & 1), y + (k >> 1)). The object is reused
 * between calls: copy what must outlive the callback.
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
 */
export function forEachCoveredQuad(
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
