/**
 * Per-pixel attributes of a quad from per-vertex weights, shared by triangles (barycentrics),
 * lines (1 − t, t) and points (all weight on the one vertex).
 *
 * Window depth and 1/w are affine in screen space and use the screen weights; varyings use the
 * perspective-correct weights, or the screen weights when declared linear, or the provoking
 * vertex when flat. Everything is computed in float64 from exact inputs and rounded once to
 * float32 (`interpolate.ts`).
 */
import type { FragmentRun } from './fragment-run.js';
import { INTERP_FLAT, INTERP_LINEAR } from './fragment-run.js';
import { interpolateLinear, interpolateWithWeights, perspectiveWeights } from './interpolate.js';
import type { RasterVertex } from './raster-interfaces.js';

const f = Math.fround;
const persp = new Float64Array(3);
const screen = new Float64Array(3);

/** Depth-bias terms of one primitive: the final depth is `z + bias`, clamped later. */
export function finalDepth(z: number, bias: number): number {
  return bias === 0 ? z : f(z + bias);
}

/**
 * Writes pixel p's attributes into `run`: `quad.z`, `run.depth` (z + bias), `run.fogDistance`
 * (window z or eye w, per the fog state) and `quad.varyings`. `b0..b2` are the screen weights of
 * `a`, `b`, `c`; `provoking` supplies flat varyings.
 */
export function writePixelAttributes(
  run: FragmentRun,
  p: number,
  b0: number,
  b1: number,
  b2: number,
  a: RasterVertex,
  b: RasterVertex,
  c: RasterVertex,
  provoking: RasterVertex,
  bias: number,
): void {
  const z = interpolateLinear(b0, b1, b2, f(a.z), f(b.z), f(c.z));
  run.quad.z[p] = z;
  run.depth[p] = finalDepth(z, bias);
  const fog = run.merger.fog;
  if (fog.kind === 'pixel') {
    if (fog.depth === 'z') {
      run.fogDistance[p] = z;
    } else {
      // Eye w is the reciprocal of the screen-affine 1/w.
      const invW = b0 * a.invW + b1 * b.invW + b2 * c.invW;
      run.fogDistance[p] = invW !== 0 && Number.isFinite(invW) ? f(1 / invW) : 0;
    }
  }
  const count = run.varyingCount;
  if (count === 0) return;
  const va = a.varyings;
  const vb = b.varyings;
  const vc = c.varyings;
  const vp = provoking.varyings;
  const n = count * 4;
  if (va.length >= n && vb.length >= n && vc.length >= n && vp.length >= n) {
    // Every vertex holds every varying (the pipeline's case): the loop below without its
    // per-component fallbacks and weight-array reads, the same products and sums in the same order.
    // perspectiveWeights written out (same operations), so the weights stay in registers.
    let p0 = b0 * a.invW;
    let p1 = b1 * b.invW;
    let p2 = b2 * c.invW;
    const sum = p0 + p1 + p2;
    if (sum === 0 || !Number.isFinite(sum)) {
      p0 = b0;
      p1 = b1;
      p2 = b2;
    } else {
      p0 /= sum;
      p1 /= sum;
      p2 /= sum;
    }
    const out = run.quad.varyings;
    const interpolation = run.interpolation;
    for (let v = 0; v < count; v++) {
      const mode = interpolation[v];
      const base = (p * count + v) * 4;
      const i = v * 4;
      if (mode === INTERP_FLAT) {
        for (let k = 0; k < 4; k++) out[base + k] = vp[i + k] as number;
      } else if (mode === INTERP_LINEAR) {
        for (let k = 0; k < 4; k++) out[base + k] = f(b0 * (va[i + k] as number) + b1 * (vb[i + k] as number) + b2 * (vc[i + k] as number));
      } else {
        for (let k = 0; k < 4; k++) out[base + k] = f(p0 * (va[i + k] as number) + p1 * (vb[i + k] as number) + p2 * (vc[i + k] as number));
      }
    }
    return;
  }
  writeVaryingsReference(run, p, b0, b1, b2, a, b, c, provoking);
}

/**
 * The varyings of pixel p as the plain loop computes them, every component read with a fallback
 * of 0 (vertices with short varying arrays). The fast loop of {@link writePixelAttributes} must
 * equal it whenever every vertex holds every varying (differential test).
 */
export function writeVaryingsReference(
  run: FragmentRun,
  p: number,
  b0: number,
  b1: number,
  b2: number,
  a: RasterVertex,
  b: RasterVertex,
  c: RasterVertex,
  provoking: RasterVertex,
): void {
  const count = run.varyingCount;
  if (count === 0) return;
  perspectiveWeights(b0, b1, b2, a.invW, b.invW, c.invW, persp);
  screen[0] = b0;
  screen[1] = b1;
  screen[2] = b2;
  const out = run.quad.varyings;
  const va = a.varyings;
  const vb = b.varyings;
  const vc = c.varyings;
  const vp = provoking.varyings;
  for (let v = 0; v < count; v++) {
    const mode = run.interpolation[v];
    const base = (p * count + v) * 4;
    for (let k = 0; k < 4; k++) {
      const i = v * 4 + k;
      if (mode === INTERP_FLAT) {
        out[base + k] = vp[i] ?? 0;
      } else {
        const w = mode === INTERP_LINEAR ? screen : persp;
        out[base + k] = interpolateWithWeights(w, va[i] ?? 0, vb[i] ?? 0, vc[i] ?? 0);
      }
    }
  }
}
