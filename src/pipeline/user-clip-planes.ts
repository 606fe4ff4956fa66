/**
 * User clip planes (SETCLIPPLANE, CLIPPLANEENABLE), in the space D3D9 defines them: clip space
 * when a vertex shader runs, world space with fixed function. A world-space plane n keeps the
 * points with p_world · n ≥ 0; since p_clip = p_world · (VIEW · PROJECTION) with D3D's row
 * vectors, the same plane in clip space is n_clip = (VIEW · PROJECTION)⁻¹ · n.
 */
import type { ClipPlane } from './clip-polygon.js';

/** SVGA3dTransformType VIEW and PROJECTION. */
const VIEW = 2;
const PROJECTION = 3;

/** Row-major 4×4 product a · b. */
function multiply(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(16);
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      let s = 0;
      for (let k = 0; k < 4; k++) s += (a[i * 4 + k] as number) * (b[k * 4 + j] as number);
      out[i * 4 + j] = s;
    }
  }
  return out;
}

/** Inverse of a row-major 4×4 matrix by Gauss–Jordan with partial pivoting; undefined if singular. */
export function invert4(m: ArrayLike<number>): Float64Array | undefined {
  const a = Float64Array.from({ length: 16 }, (_, i) => m[i] as number);
  const inv = new Float64Array(16);
  for (let i = 0; i < 4; i++) inv[i * 5] = 1;
  for (let col = 0; col < 4; col++) {
    let pivot = col;
    for (let r = col + 1; r < 4; r++) if (Math.abs(a[r * 4 + col]!) > Math.abs(a[pivot * 4 + col]!)) pivot = r;
    const p = a[pivot * 4 + col]!;
    if (!(Math.abs(p) > 0) || !Number.isFinite(p)) return undefined;
    for (let k = 0; k < 4; k++) {
      [a[col * 4 + k], a[pivot * 4 + k]] = [a[pivot * 4 + k]!, a[col * 4 + k]!];
      [inv[col * 4 + k], inv[pivot * 4 + k]] = [inv[pivot * 4 + k]!, inv[col * 4 + k]!];
    }
    for (let k = 0; k < 4; k++) {
      a[col * 4 + k] = a[col * 4 + k]! / p;
      inv[col * 4 + k] = inv[col * 4 + k]! / p;
    }
    for (let r = 0; r < 4; r++) {
      if (r === col) continue;
      const factor = a[r * 4 + col]!;
      if (factor === 0) continue;
      for (let k = 0; k < 4; k++) {
        a[r * 4 + k] = a[r * 4 + k]! - factor * a[col * 4 + k]!;
        inv[r * 4 + k] = inv[r * 4 + k]! - factor * inv[col * 4 + k]!;
      }
    }
  }
  return inv;
}

/**
 * The enabled user planes in clip space. `mask` is CLIPPLANEENABLE; `worldSpace` is true for
 * fixed function. A singular VIEW · PROJECTION leaves world-space planes out (nothing sensible
 * can be clipped against).
 */
export function userClipPlanes(
  planes: Float32Array,
  mask: number,
  worldSpace: boolean,
  transforms: Float32Array,
): ClipPlane[] {
  const out: ClipPlane[] = [];
  if ((mask & 0x3f) === 0) return out;
  const inverse = worldSpace
    ? invert4(multiply(transforms.subarray(VIEW * 16, VIEW * 16 + 16), transforms.subarray(PROJECTION * 16, PROJECTION * 16 + 16)))
    : undefined;
  if (worldSpace && !inverse) return out;
  for (let i = 0; i < 6; i++) {
    if (((mask >>> i) & 1) === 0) continue;
    const n = [planes[i * 4] ?? 0, planes[i * 4 + 1] ?? 0, planes[i * 4 + 2] ?? 0, planes[i * 4 + 3] ?? 0];
    if (!inverse) {
      out.push([n[0]!, n[1]!, n[2]!, n[3]!]);
      continue;
    }
    const c = [0, 0, 0, 0];
    for (let r = 0; r < 4; r++) for (let k = 0; k < 4; k++) c[r] = c[r]! + inverse[r * 4 + k]! * n[k]!;
    out.push([c[0]!, c[1]!, c[2]!, c[3]!]);
  }
  return out;
}
