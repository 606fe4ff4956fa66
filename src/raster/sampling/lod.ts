/**
 * Level of detail and mip selection, in float32 with our own `log2` / `sqrt` and the LOD then
 * quantised to 8 fraction bits, as hardware does.
 *
 * Footprint: the texel-space derivative vectors are `(du·W, dv·H[, dw·D])` for x and for y
 * (W, H, D = level 0 sizes); their squared lengths ρx², ρy² are summed in u, v, w order with every
 * product and sum rounded to float32. The isotropic LOD is `log2(max(ρx, ρy))`, computed without a
 * square root as `½ · log2(max(ρx², ρy²))` (`f32Log2`, then an exact halving).
 * Bias: `lod = (lod + TEXTURE_LOD_BIAS) + texldb bias`, each addition rounded to float32; texldl
 * uses `explicit + TEXTURE_LOD_BIAS`. NaN becomes 0; the result is clamped to [−64, 64].
 *
 * Mag/min: the LOD after bias and before any level clamp decides: `lod ≤ 0` magnifies (MAGFILTER),
 * `lod > 0` minifies (MINFILTER). Mip selection (see {@link selectMip}) clamps to
 * [TEXTURE_MIPMAP_LEVEL, last level].
 */
import { f32Log2 } from '../../common/f32-math.js';
import { SVGA3dTextureFilter as FILTER } from '../../svga3d-decoder/spec/enums-texture-state.js';
import { TEXEL_FRACTION_ONE } from './texel-address.js';

const fr = Math.fround;
const LOD_LIMIT = 64;

/** Squared length of the texel-space vector (a·sa, b·sb, c·sc), float32 steps in that order. */
export function texelLength2(a: number, b: number, c: number, sa: number, sb: number, sc: number): number {
  const x = fr(a * sa);
  const y = fr(b * sb);
  const z = fr(c * sc);
  return fr(fr(fr(x * x) + fr(y * y)) + fr(z * z));
}

let lastRho2 = 1;
let lastLod = 0;

/**
 * `½ · log2(rho2)` (the LOD of a footprint of squared length `rho2`), NaN → 0. The last result
 * is kept: the lanes of a quad usually share their derivatives, and log2 is the costly part.
 */
export function lodFromLength2(rho2: number): number {
  if (rho2 === lastRho2) return lastLod;
  const l = 0.5 * f32Log2(rho2);
  lastRho2 = rho2;
  lastLod = l === l ? l : 0;
  return lastLod;
}

/** Adds `bias` in float32 and applies the NaN / range rule. */
export function biasLod(lod: number, bias: number): number {
  const l = fr(lod + (bias === bias ? bias : 0));
  if (l !== l) return 0;
  return l < -LOD_LIMIT ? -LOD_LIMIT : l > LOD_LIMIT ? LOD_LIMIT : l;
}

/** How one level is filtered. */
export type LevelFilter = 'point' | 'linear';

/** The filter of a MAGFILTER / MINFILTER value: NONE and NEAREST point, LINEAR…GAUSSIANQUAD linear. */
export function levelFilter(filter: number): LevelFilter {
  return filter >= FILTER.LINEAR && filter <= FILTER.GAUSSIANQUAD ? 'linear' : 'point';
}

/** A chosen pair of levels: `level` and `level + 1` weighted `frac / 256` (frac 0: one level). */
export interface MipSelection {
  level: number;
  frac: number;
}

/**
 * Picks the level(s) for `lod`:
 * - no mipmapping (MIPFILTER NONE, or minifying with MINFILTER NONE, which per SVGA disables
 *   mipmapping and uses MAGFILTER): the base level `min(TEXTURE_MIPMAP_LEVEL, last)`;
 * - otherwise `q = floor(lod × 256)` clamped to [base·256, last·256];
 * - MIPFILTER POINT (NEAREST), and values above GAUSSIANQUAD: level `floor((q + 128) / 256)`
 *   (nearest, .5 rounds up);
 * - MIPFILTER LINEAR … GAUSSIANQUAD: levels `floor(q / 256)` and the next, weight `q mod 256`.
 */
export function selectMip(lod: number, mipFilter: number, minFilter: number, maxMipLevel: number, levelCount: number, out: MipSelection): void {
  const last = levelCount - 1;
  // TEXTURE_MIPMAP_LEVEL is a u32 word; anything else a caller builds (NaN, 1.5, −1) is made whole.
  const want = maxMipLevel >= 0 ? Math.floor(maxMipLevel) : 0;
  const base = want < last ? want : last;
  out.frac = 0;
  if (mipFilter === FILTER.NONE || (lod > 0 && minFilter === FILTER.NONE)) {
    out.level = base;
    return;
  }
  let q = Math.floor(lod * TEXEL_FRACTION_ONE);
  const lo = base * TEXEL_FRACTION_ONE;
  const hi = last * TEXEL_FRACTION_ONE;
  q = q < lo ? lo : q > hi ? hi : q;
  if (levelFilter(mipFilter) === 'point') {
    const l = Math.floor((q + TEXEL_FRACTION_ONE / 2) / TEXEL_FRACTION_ONE);
    out.level = l > last ? last : l;
    return;
  }
  const l = Math.floor(q / TEXEL_FRACTION_ONE);
  out.level = l;
  out.frac = l >= last ? 0 : q - l * TEXEL_FRACTION_ONE;
}

/** The largest TEXTURE_ANISOTROPIC_LEVEL honoured. */
export const MAX_ANISOTROPY = 16;

/**
 * Probe count of an anisotropic lookup from the squared footprint lengths:
 * `min(maxAnisotropy, ceil(ρmax / ρmin))`, i.e. the least n ≥ 1 with `n² · ρmin² ≥ ρmax²` (in
 * float64, exact for these float32 inputs and small n), `maxAnisotropy` when ρmin is 0;
 * maxAnisotropy is clamped to [1, 16].
 */
export function anisotropicProbes(rhoMax2: number, rhoMin2: number, maxAnisotropy: number): number {
  const cap = maxAnisotropy < 1 ? 1 : maxAnisotropy > MAX_ANISOTROPY ? MAX_ANISOTROPY : Math.floor(maxAnisotropy);
  if (!(rhoMax2 > 0)) return 1;
  if (!(rhoMin2 > 0)) return cap;
  let n = 1;
  while (n < cap && n * n * rhoMin2 < rhoMax2) n++;
  return n;
}
