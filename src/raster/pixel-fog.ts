/**
 * Fog factors and the fog blend (D3D9 fog, after the pixel shader and before blending).
 *
 * The factor f is 1 for no fog and 0 for all fog colour; every result is clamped to [0, 1] and
 * rounded to float32, and every intermediate too:
 *
 *   LINEAR  f = (end − d) / (end − start)   (end = start: f = 1 when d < end, else 0)
 *   EXP     f = 2^(−(d·density)·log2 e)      = e^(−d·density)
 *   EXP2    f = 2^(−(d·density)²·log2 e)     = e^(−(d·density)²)
 *
 * using our float32 `f32Exp2`, never `Math.exp`. The fogged colour is `f·C + (1 − f)·fog` per RGB
 * channel (alpha untouched).
 */
import { f32Exp2 } from '../common/f32-math.js';
import { SVGA3dFogFunction, SVGA3dFogType } from '../svga3d-decoder/spec/enums.js';
import type { FogState } from './raster-state.js';

const f = Math.fround;
const LOG2E = f(Math.LOG2E);

function clamp01(v: number): number {
  return v > 0 ? (v < 1 ? v : 1) : 0; // NaN → 0
}

/** The fog factor at distance `d` for the pixel-fog function `func` (`SVGA3dFogFunction`). */
export function fogFactor(func: number, d: number, start: number, end: number, density: number): number {
  const dd = f(d);
  switch (func) {
    case SVGA3dFogFunction.LINEAR: {
      const range = f(f(end) - f(start));
      if (range === 0) return dd < f(end) ? 1 : 0;
      return clamp01(f(f(f(end) - dd) / range));
    }
    case SVGA3dFogFunction.EXP: {
      const x = f(dd * f(density));
      return clamp01(f32Exp2(f(-x * LOG2E)));
    }
    case SVGA3dFogFunction.EXP2: {
      const x = f(dd * f(density));
      return clamp01(f32Exp2(f(-f(x * x) * LOG2E)));
    }
    default:
      return 1;
  }
}

/** How fog applies to a draw, derived once from its state. */
export type FogSource =
  | { readonly kind: 'none' }
  | { readonly kind: 'pixel'; readonly depth: 'z' | 'w' }
  | { readonly kind: 'vertex'; readonly varying: number };

/**
 * Which fog the state asks for: PIXEL type with EXP/EXP2/LINEAR computes per pixel; VERTEX type,
 * or the PER_VERTEX function, reads the fog varying (when the layout names one); function INVALID
 * means no fog.
 */
export function fogSource(fog: FogState, fogVarying: number | undefined): FogSource {
  if (!fog.enable || fog.func === SVGA3dFogFunction.INVALID) return { kind: 'none' };
  const perPixel =
    fog.type === SVGA3dFogType.PIXEL &&
    (fog.func === SVGA3dFogFunction.LINEAR || fog.func === SVGA3dFogFunction.EXP || fog.func === SVGA3dFogFunction.EXP2);
  if (perPixel) return { kind: 'pixel', depth: fog.depthSource };
  if (fogVarying === undefined || !Number.isInteger(fogVarying) || fogVarying < 0) return { kind: 'none' };
  return { kind: 'vertex', varying: fogVarying };
}

/** Blends RGB of `rgba` towards the fog colour (RGB floats) by factor `factor`, in place. */
export function applyFog(rgba: Float32Array, factor: number, fogRgb: Float32Array): void {
  const k = clamp01(f(factor));
  const inv = f(1 - k);
  for (let c = 0; c < 3; c++) rgba[c] = f(f(k * (rgba[c] ?? 0)) + f(inv * (fogRgb[c] ?? 0)));
}
