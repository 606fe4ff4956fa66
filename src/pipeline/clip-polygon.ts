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

/**
 * Clips the convex polygon `polygon` (in order) against the planes whose bit is set in `mask`
 * (planes in index order). Returns the clipped polygon in the same orientation, starting from
 * the first surviving original vertex where possible; fewer than 3 vertices means nothing is left.
 */
export function clipPolygon(polygon: readonly Float32Array[], planes: readonly ClipPlane[], mask: number): Float32Array[] {
  let current = polygon.slice();
  for (let p = 0; p < planes.length && current.length >= 3; p++) {
    if (((mask >>> p) & 1) === 0) continue;
    const plane = planes[p]!;
    const next: Float32Array[] = [];
    const n = current.length;
    for (let i = 0; i < n; i++) {
      const a = current[i]!;
      const b = current[(i + 1) % n]!;
      const da = planeDistance(plane, a);
      const db = planeDistance(plane, b);
      const aIn = da >= 0;
      const bIn = db >= 0;
      if (aIn) next.push(a);
      if (aIn && !bIn) next.push(intersect(a, b, da, db));
      else if (!aIn && bIn) next.push(intersect(b, a, db, da));
    }
    current = next;
  }
  return current.length >= 3 ? current : [];
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
