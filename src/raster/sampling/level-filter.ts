/**
 * Point and linear filtering of one level, and the blend of two levels (trilinear).
 *
 * Weights: linear taps and weights come from `texel-address.ts` (8 fraction bits). Texels are
 * combined with `lerp(a, b, t) = t == 0 ? a : a + t·(b − a)`, every operation rounded to float32,
 * in this fixed order: along U within each (V, W) row, then along V, then along W (volumes), then
 * between the two mip levels with weight `frac / 256`. The `t == 0` case returns `a` untouched,
 * so a texel whose neighbour has weight 0 is never mixed with it (no Inf − Inf from float
 * textures); a constant region filters to exactly its value.
 */
import { blockTexelIndex, fetchTexel, UNORM8 } from './texel-fetch.js';
import { BYTE_ONE, type PreparedTexture, type TextureLevel } from './prepared-texture.js';
import { SRGB_TO_LINEAR, srgbDecode } from './srgb.js';
import { addressTexel, linearFixed, pointTexel, texelPosition, TEXEL_FRACTION_ONE } from './texel-address.js';
import type { MipSelection } from './lod.js';

const fr = Math.fround;

/** Address modes of the three axes. */
export interface AxisModes {
  readonly u: number;
  readonly v: number;
  readonly w: number;
}

function lerp(a: number, b: number, t: number): number {
  return t === 0 ? a : fr(a + fr(t * fr(b - a)));
}

/**
 * The lookup being filtered: `[0..2]` the coordinates u, v, w, `[3]` the depth-compare reference
 * (≥ 0) or −1. Callers fill it before {@link sampleLevel} / {@link sampleMips}; passing these
 * through a typed array rather than as arguments keeps V8 from boxing a double per call.
 */
export const lookup = new Float64Array(4);

/**
 * Linear taps of the three axes: `[3a]` and `[3a + 1]` the addressed texels, `[3a + 2]` the weight
 * of the second (a typed array, so no number is boxed per lookup).
 */
const taps = new Float64Array(9);

const corners = new Float32Array(32);

/**
 * The bilinear 2D footprint of a `bytes8` texture with all four taps inside the image and no
 * depth compare, read and blended in one pass: the same reads (`k / 255`, or the sRGB table on
 * the byte) and the same lerps, in the same order, as the general path.
 */
function bilinearBytes8(tex: PreparedTexture, map: Int32Array, level: TextureLevel, out: Float32Array, o: number): void {
  // The taps come from `taps` rather than as arguments: doubles passed to a call are boxed.
  const x0 = taps[0] as number;
  const x1 = taps[1] as number;
  const ax = taps[2] as number;
  const y0 = taps[3] as number;
  const y1 = taps[4] as number;
  const ay = taps[5] as number;
  const { bytes, rowPitch } = level.image;
  const bpp = tex.info.bytesPerBlock;
  const o00 = y0 * rowPitch + x0 * bpp;
  const o10 = y0 * rowPitch + x1 * bpp;
  const o01 = y1 * rowPitch + x0 * bpp;
  const o11 = y1 * rowPitch + x1 * bpp;
  for (let k = 0; k < 4; k++) {
    const at = map[k] as number;
    if (at < 0) {
      out[o + k] = at === BYTE_ONE ? 1 : 0;
      continue;
    }
    const table = tex.srgb && k < 3 ? SRGB_TO_LINEAR : UNORM8;
    const c00 = table[bytes[o00 + at] as number] as number;
    const c10 = table[bytes[o10 + at] as number] as number;
    const c01 = table[bytes[o01 + at] as number] as number;
    const c11 = table[bytes[o11 + at] as number] as number;
    // lerp() written out, so no double is boxed on its way back from a call.
    const top = ax === 0 ? c00 : fr(c00 + fr(ax * fr(c10 - c00)));
    const bottom = ax === 0 ? c01 : fr(c01 + fr(ax * fr(c11 - c01)));
    out[o + k] = ay === 0 ? top : fr(top + fr(ay * fr(bottom - top)));
  }
}
const levelB = new Float32Array(4);

function linearAxis(axis: number, size: number, mode: number, a: number): void {
  const p = linearFixed(texelPosition(lookup[axis] as number, size));
  const i0 = Math.floor(p / TEXEL_FRACTION_ONE) | 0; // |p| ≤ 2^38: an exact int32
  taps[a] = addressTexel(mode, i0, size);
  taps[a + 1] = addressTexel(mode, i0 + 1, size);
  taps[a + 2] = (p - i0 * TEXEL_FRACTION_ONE) / TEXEL_FRACTION_ONE;
}

/**
 * The bilinear 2D footprint of a block format (DXT/BC, YUV) with all four taps inside the image
 * and no depth compare, straight from the level's block cache: the same texels, sRGB decode and
 * lerps, in the same order, as the general path. Not used in reference mode.
 */
function bilinearBlocks(tex: PreparedTexture, level: TextureLevel, out: Float32Array, o: number): void {
  const x0 = taps[0] as number;
  const x1 = taps[1] as number;
  const ax = taps[2] as number;
  const y0 = taps[3] as number;
  const y1 = taps[4] as number;
  const ay = taps[5] as number;
  const i00 = blockTexelIndex(tex, level, x0, y0, 0);
  const i10 = blockTexelIndex(tex, level, x1, y0, 0);
  const i01 = blockTexelIndex(tex, level, x0, y1, 0);
  const i11 = blockTexelIndex(tex, level, x1, y1, 0);
  const texels = level.cacheTexels as Float32Array;
  for (let k = 0; k < 4; k++) {
    let c00 = texels[i00 + k] as number;
    let c10 = texels[i10 + k] as number;
    let c01 = texels[i01 + k] as number;
    let c11 = texels[i11 + k] as number;
    if (tex.srgb && k < 3) {
      c00 = srgbDecode(c00);
      c10 = srgbDecode(c10);
      c01 = srgbDecode(c01);
      c11 = srgbDecode(c11);
    }
    const top = ax === 0 ? c00 : fr(c00 + fr(ax * fr(c10 - c00)));
    const bottom = ax === 0 ? c01 : fr(c01 + fr(ax * fr(c11 - c01)));
    out[o + k] = ay === 0 ? top : fr(top + fr(ay * fr(bottom - top)));
  }
}

/**
 * Samples `level` at the {@link lookup} coordinates into `out[o..o+3]`. `volume` false reads
 * slice 0 and ignores w. A reference ≥ 0 makes every texel a depth compare (see `fetchTexel`).
 */
export function sampleLevel(
  tex: PreparedTexture,
  level: TextureLevel,
  volume: boolean,
  linear: boolean,
  modes: AxisModes,
  out: Float32Array,
  o: number,
): void {
  const { width, height, depth } = level;
  const ref = lookup[3] as number;
  if (!linear) {
    const x = addressTexel(modes.u, pointTexel(texelPosition(lookup[0] as number, width)), width);
    const y = addressTexel(modes.v, pointTexel(texelPosition(lookup[1] as number, height)), height);
    const z = volume ? addressTexel(modes.w, pointTexel(texelPosition(lookup[2] as number, depth)), depth) : 0;
    fetchTexel(tex, level, x, y, z, ref, out, o);
    return;
  }
  linearAxis(0, width, modes.u, 0);
  linearAxis(1, height, modes.v, 3);
  // The kernels read `taps` themselves; testing it here, before any tap is loaded into a local
  // that the general path passes to calls, keeps V8 from boxing the taps on the fast path.
  if (!volume && ref < 0 && (taps[0] as number) >= 0 && (taps[1] as number) >= 0 && (taps[3] as number) >= 0 && (taps[4] as number) >= 0) {
    const map = tex.bytes8;
    if (map !== undefined) {
      bilinearBytes8(tex, map, level, out, o);
      return;
    }
    if (tex.codec === undefined && !tex.reference) {
      bilinearBlocks(tex, level, out, o);
      return;
    }
  }
  const x0 = taps[0] as number;
  const x1 = taps[1] as number;
  const ax = taps[2] as number;
  const y0 = taps[3] as number;
  const y1 = taps[4] as number;
  const ay = taps[5] as number;
  let z0 = 0;
  let z1 = 0;
  let az = 0;
  if (volume) {
    linearAxis(2, depth, modes.w, 6);
    z0 = taps[6] as number;
    z1 = taps[7] as number;
    az = taps[8] as number;
  }
  const slices = volume ? 2 : 1;
  for (let s = 0; s < slices; s++) {
    const z = s === 0 ? z0 : z1;
    const at = s * 16;
    fetchTexel(tex, level, x0, y0, z, ref, corners, at);
    fetchTexel(tex, level, x1, y0, z, ref, corners, at + 4);
    fetchTexel(tex, level, x0, y1, z, ref, corners, at + 8);
    fetchTexel(tex, level, x1, y1, z, ref, corners, at + 12);
  }
  for (let k = 0; k < 4; k++) {
    const top = lerp(corners[k] as number, corners[4 + k] as number, ax);
    const bottom = lerp(corners[8 + k] as number, corners[12 + k] as number, ax);
    let r = lerp(top, bottom, ay);
    if (volume) {
      const top2 = lerp(corners[16 + k] as number, corners[20 + k] as number, ax);
      const bottom2 = lerp(corners[24 + k] as number, corners[28 + k] as number, ax);
      r = lerp(r, lerp(top2, bottom2, ay), az);
    }
    out[o + k] = r;
  }
}

/**
 * Samples the level(s) of `sel` on `levels` (one face) at the {@link lookup} coordinates and
 * blends them by `sel.frac / 256`.
 */
export function sampleMips(
  tex: PreparedTexture,
  levels: readonly TextureLevel[],
  sel: MipSelection,
  volume: boolean,
  linear: boolean,
  modes: AxisModes,
  out: Float32Array,
  o: number,
): void {
  const a = levels[sel.level];
  if (a === undefined) {
    out[o] = 0;
    out[o + 1] = 0;
    out[o + 2] = 0;
    out[o + 3] = 1;
    return;
  }
  sampleLevel(tex, a, volume, linear, modes, out, o);
  const b = levels[sel.level + 1];
  if (sel.frac === 0 || b === undefined) return;
  sampleLevel(tex, b, volume, linear, modes, levelB, 0);
  const t = sel.frac / TEXEL_FRACTION_ONE;
  for (let k = 0; k < 4; k++) out[o + k] = lerp(out[o + k] as number, levelB[k] as number, t);
}
