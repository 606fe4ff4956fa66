/**
 * Homogeneous clipping of triangles and lines against a set of planes, interpolating every
 * component of the vertex (position and all varyings) linearly in clip space, which is what
 * keeps perspective-correct varyings right after the cut.
 *
 * A clip vertex is a Float32Array: clip-space x, y, z, w, then the varyings. A point p is inside
 * plane (a, b, c, d) when a·x + b·y + c·z + d·w ≥ 0. New vertices are always interpolated from
 * the inside vertex towards the outside one, so two triangles sharing an edge cut it at the very
 * same point whichever way round they list it.
 */

/** A clip plane (a, b, c, d) over homogeneous (x, y, z, w). */
export type ClipPlane = readonly [number, number, number, number];

/** Signed distance of clip vertex `v` from `plane` (≥ 0 inside). */
export function planeDistance(plane: ClipPlane, v: Float32Array): number {
  return plane[0] * (v[0] as number) + plane[1] * (v[1] as number) + plane[2] * (v[2] as number) + plane[3] * (v[3] as number);
}

/** Bit i set when `v` is outside plane i. */
export function outcode(planes: readonly ClipPlane[], v: Float32Array): number {
  let code = 0;
  for (let i = 0; i < planes.length; i++) {
    // NaN distances count as outside, so a NaN position never reaches the rasteriser.
    if (!(planeDistance(planes[i]!, v) >= 0)) code |= 1 << i;
  }
  return code;
}

/** `inside + t·(outside − inside)` for every component, t = dIn / (dIn − dOut). */
function intersect(inside: Float32Array, outside: Float32Array, dIn: number, dOut: number): Float32Array {
  const t = dIn / (dIn - dOut);
  const out = new Float32Array(inside.length);
  for (let i = 0; i < inside.length; i++) {
    const a = inside[i] as number;
    out[i] = a + t * ((outside[i] as number) - a);
  }
  return out;
}

/** Flag bits of one vertex of a {@link ClippedPolygon}. */
export const ClipVertexFlags = {
  /** The vertex is one of the input polygon's own, not made by a cut. */
  ORIGINAL_VERTEX: 1,
  /** The edge from this vertex to the next one lies on (part of) an input edge, not on a plane. */
  ORIGINAL_EDGE: 2,
} as const;

/**
 * A clipped polygon with, per vertex, `ClipVertexFlags` bits. Wireframe and point fill need
 * them: D3D9 draws what is left of a triangle's own edges and vertices, never the edges a cut
 * lays along a clip plane nor the vertices it creates.
 */
export interface ClippedPolygon {
  /** In the input's orientation; empty when fewer than 3 vertices are left. */
  readonly vertices: Float32Array[];
  /** `flags[i]` describes vertex i and the edge i → i + 1 (cyclically); same length. */
  readonly flags: number[];
}

const ALL_ORIGINAL = ClipVertexFlags.ORIGINAL_VERTEX | ClipVertexFlags.ORIGINAL_EDGE;

/**
 * Clips the convex polygon `polygon` (in order, every vertex and edge its own) against the
 * planes whose bit is set in `mask` (planes in index order), tracking which vertices and edges
 * are still the input's. Sutherland–Hodgman per plane: a kept vertex keeps its flags; the cut
 * point where an edge leaves the plane starts the edge along the plane (not original); the cut
 * point where it re-enters starts the rest of the entering edge, which keeps that edge's flag.
 */
export function clipPolygonWithFlags(polygon: readonly Float32Array[], planes: readonly ClipPlane[], mask: number): ClippedPolygon {
  let current = polygon.slice();
  let flags: number[] = current.map(() => ALL_ORIGINAL);
  for (let p = 0; p < planes.length && current.length >= 3; p++) {
    if (((mask >>> p) & 1) === 0) continue;
    const plane = planes[p]!;
    const next: Float32Array[] = [];
    const nextFlags: number[] = [];
    const n = current.length;
    for (let i = 0; i < n; i++) {
      const a = current[i]!;
      const b = current[(i + 1) % n]!;
      const edge = flags[i]! & ClipVertexFlags.ORIGINAL_EDGE;
      const da = planeDistance(plane, a);
      const db = planeDistance(plane, b);
      const aIn = da >= 0;
      const bIn = db >= 0;
      if (aIn) {
        next.push(a);
        nextFlags.push(flags[i]!);
      }
      if (aIn && !bIn) {
        next.push(intersect(a, b, da, db));
        nextFlags.push(0);
      } else if (!aIn && bIn) {
        next.push(intersect(b, a, db, da));
        nextFlags.push(edge);
      }
    }
    current = next;
    flags = nextFlags;
  }
  return current.length >= 3 ? { vertices: current, flags } : { vertices: [], flags: [] };
}

/**
 * Clips the convex polygon `polygon` (in order) against the planes whose bit is set in `mask`
 * (planes in index order). Returns the clipped polygon in the same orientation; fewer than 3
 * vertices means nothing is left. {@link clipPolygonWithFlags} also says which parts are original.
 */
export function clipPolygon(polygon: readonly Float32Array[], planes: readonly ClipPlane[], mask: number): Float32Array[] {
  return clipPolygonWithFlags(polygon, planes, mask).vertices;
}

/** Clips segment a–b against the planes in `mask`; undefined when nothing is left. */
export function clipLine(
  a: Float32Array,
  b: Float32Array,
  planes: readonly ClipPlane[],
  mask: number,
): [Float32Array, Float32Array] | undefined {
  let p0 = a;
  let p1 = b;
  for (let p = 0; p < planes.length; p++) {
    if (((mask >>> p) & 1) === 0) continue;
    const plane = planes[p]!;
    const d0 = planeDistance(plane, p0);
    const d1 = planeDistance(plane, p1);
    const in0 = d0 >= 0;
    const in1 = d1 >= 0;
    if (!in0 && !in1) return undefined;
    if (in0 && !in1) p1 = intersect(p0, p1, d0, d1);
    else if (!in0 && in1) p0 = intersect(p1, p0, d1, d0);
  }
  return [p0, p1];
}
