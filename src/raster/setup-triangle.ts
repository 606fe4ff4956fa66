/**
 * Triangle setup: snapped vertices, edge functions with the top-left rule, the covered bounding box.
 *
 * Window space is Direct3D 9's: x to the right, y down, pixel (i, j) sampled at the integer point
 * (i, j). A triangle is first put in clockwise order as seen on screen (swapping two vertices when
 * needed, remembered in `vertexOrder`); for a clockwise triangle a sample p is inside when every
 * edge function is positive, or zero on a top or left edge:
 *
 *   E_ab(p) = (b.x − a.x)(p.y − a.y) − (b.y − a.y)(p.x − a.x)
 *
 * On a clockwise triangle (y down) the top edge runs left to right (dy = 0, dx > 0) and left edges
 * run upwards (dy < 0). The tie rule is folded into a bias of −1 on the other edges, which is exact
 * because every value is an integer.
 */
import { SUBPIXEL_ONE, toSubpixel } from './subpixel.js';

/** A vertex as setup needs it: window position in pixels. */
export interface WindowPoint {
  readonly x: number;
  readonly y: number;
}

/** Which way a triangle winds on screen, before setup reorders it. */
export type ScreenWinding = 'cw' | 'ccw';

/** An integer pixel rectangle, half-open: [x0, x1) × [y0, y1). */
export interface PixelRect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** One edge function in the form E(px, py) = a·px + b·py + c, over subpixel sample coordinates. */
export interface EdgeFunction {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  /** 0 on a top or left edge, −1 otherwise: a sample is inside when E + bias ≥ 0. */
  readonly bias: number;
}

/** The result of setting up one non-degenerate triangle. */
export interface TriangleSetup {
  /** Winding of the triangle as it was given. */
  readonly winding: ScreenWinding;
  /**
   * The given vertex index (0, 1, 2) at each position of the clockwise order used by the edges:
   * `[0, 1, 2]` or `[0, 2, 1]`.
   */
  readonly vertexOrder: readonly [number, number, number];
  /** Edges opposite each clockwise-ordered vertex: edges[k] is zero on the edge not touching k. */
  readonly edges: readonly [EdgeFunction, EdgeFunction, EdgeFunction];
  /** Twice the area in subpixel units squared; positive. */
  readonly area2: number;
  /** Pixels that may be covered, already intersected with the clip rectangle; may be empty. */
  readonly bounds: PixelRect;
}

// The two vertex orders, shared by every setup (the field is readonly).
const ORDER_AS_GIVEN: readonly [number, number, number] = Object.freeze([0, 1, 2] as const);
const ORDER_SWAPPED: readonly [number, number, number] = Object.freeze([0, 2, 1] as const);

function edgeThrough(ax: number, ay: number, bx: number, by: number): EdgeFunction {
  const dx = bx - ax;
  const dy = by - ay;
  const topOrLeft = (dy === 0 && dx > 0) || dy < 0;
  // E(p) = dx·(py − ay) − dy·(px − ax) = (−dy)·px + dx·py + (dy·ax − dx·ay)
  return { a: -dy, b: dx, c: dy * ax - dx * ay, bias: topOrLeft ? 0 : -1 };
}

/**
 * Sets up a triangle for coverage within `clip`. Returns undefined for a degenerate (zero-area)
 * triangle or one whose coordinates are not finite or outside the guard band: such triangles
 * cover no sample.
 */
export function setupTriangle(
  v0: WindowPoint,
  v1: WindowPoint,
  v2: WindowPoint,
  clip: PixelRect,
): TriangleSetup | undefined {
  const x0 = toSubpixel(v0.x);
  const y0 = toSubpixel(v0.y);
  let x1 = toSubpixel(v1.x);
  let y1 = toSubpixel(v1.y);
  let x2 = toSubpixel(v2.x);
  let y2 = toSubpixel(v2.y);
  if (Number.isNaN(x0 + y0 + x1 + y1 + x2 + y2)) return undefined;

  let area2 = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  if (area2 === 0) return undefined;
  const winding: ScreenWinding = area2 > 0 ? 'cw' : 'ccw';
  let vertexOrder = ORDER_AS_GIVEN;
  if (area2 < 0) {
    const tx = x1;
    const ty = y1;
    x1 = x2;
    y1 = y2;
    x2 = tx;
    y2 = ty;
    area2 = -area2;
    vertexOrder = ORDER_SWAPPED;
  }

  const edges: [EdgeFunction, EdgeFunction, EdgeFunction] = [
    edgeThrough(x1, y1, x2, y2),
    edgeThrough(x2, y2, x0, y0),
    edgeThrough(x0, y0, x1, y1),
  ];

  // Samples sit at integer pixels, so the covered pixels lie within the ceil/floor of the extent.
  const minX = Math.ceil(Math.min(x0, x1, x2) / SUBPIXEL_ONE);
  const maxX = Math.floor(Math.max(x0, x1, x2) / SUBPIXEL_ONE);
  const minY = Math.ceil(Math.min(y0, y1, y2) / SUBPIXEL_ONE);
  const maxY = Math.floor(Math.max(y0, y1, y2) / SUBPIXEL_ONE);
  const bounds: PixelRect = {
    x0: Math.max(minX, clip.x0),
    y0: Math.max(minY, clip.y0),
    x1: Math.max(Math.max(minX, clip.x0), Math.min(maxX + 1, clip.x1)),
    y1: Math.max(Math.max(minY, clip.y0), Math.min(maxY + 1, clip.y1)),
  };
  return { winding, vertexOrder, edges, area2, bounds };
}

/** Value of an edge function at pixel (px, py) (pixel centre = the integer point). */
export function evaluateEdge(e: EdgeFunction, px: number, py: number): number {
  return e.a * px * SUBPIXEL_ONE + e.b * py * SUBPIXEL_ONE + e.c;
}

/** Whether pixel (px, py) is covered by the set-up triangle (top-left rule). */
export function coversPixel(t: TriangleSetup, px: number, py: number): boolean {
  const [e0, e1, e2] = t.edges;
  return (
    evaluateEdge(e0, px, py) + e0.bias >= 0 &&
    evaluateEdge(e1, px, py) + e1.bias >= 0 &&
    evaluateEdge(e2, px, py) + e2.bias >= 0
  );
}
