/**
 * Two-sided varyings (Gallium's two-sided colour, generically): a layout may name pairs
 * (front slot, back slot); a back-facing triangle takes every front slot's value from its back
 * slot. The swap is done on the three vertices, once the triangle's facing is known and before
 * the fill, wireframe or point paths, so every path and every interpolation mode (flat shading
 * takes the provoking vertex's value) sees the back values without knowing about faces. The
 * raster does not know what the pairs carry; the pipeline fills them (the fixed-function back
 * material's lit colours).
 */
import type { RasterVertex, VaryingLayout } from './raster-interfaces.js';
import { MAX_VARYINGS } from './raster-interfaces.js';

/** Whether `layout` has any two-sided pair (no pair: nothing to do, nothing allocated). */
export function hasFacePairs(layout: VaryingLayout): boolean {
  const pairs = layout.facePairs;
  return pairs !== undefined && pairs.length > 0;
}

function validSlot(slot: number): boolean {
  return Number.isInteger(slot) && slot >= 0 && slot < MAX_VARYINGS;
}

/**
 * `v` as a back-facing triangle's vertex sees it: a copy whose front slots hold the back slots'
 * values (a back slot past the end of `v.varyings` reads as 0, like any short array). Returns `v`
 * itself when the layout has no pairs. Pairs with a slot outside 0..MAX_VARYINGS − 1, or a front
 * slot equal to its back slot, are ignored. Pairs are applied in order, each reading the vertex as
 * it came (a slot that is one pair's back and another's front is read before it is overwritten).
 */
export function backFaceVertex(v: RasterVertex, layout: VaryingLayout): RasterVertex {
  const pairs = layout.facePairs;
  if (pairs === undefined || pairs.length === 0) return v;
  const from = v.varyings;
  let length = from.length;
  for (const [front, back] of pairs) if (validSlot(front) && validSlot(back) && front !== back) length = Math.max(length, front * 4 + 4);
  const varyings = new Float32Array(length);
  varyings.set(from);
  for (const [front, back] of pairs) {
    if (!validSlot(front) || !validSlot(back) || front === back) continue;
    for (let c = 0; c < 4; c++) varyings[front * 4 + c] = from[back * 4 + c] ?? 0;
  }
  return { x: v.x, y: v.y, z: v.z, invW: v.invW, varyings };
}
