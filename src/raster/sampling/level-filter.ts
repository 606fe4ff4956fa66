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
import { fetchTexel } from './texel-fetch.js';
import type { PreparedTexture, TextureLevel } from './prepared-texture.js';
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

const corners = new Float32Array(32);
const levelB = new Float32Array(4);

/** Tap position of one axis for linear filtering: `tap0`, `tap1` (addressed) and `weight`. */
let tap0 = 0;
let tap1 = 0;
let weight = 0;

function linearAxis(coord: number, size: number, mode: number): void {
  const p = linearFixed(texelPosition(coord, size));
  const i0 = Math.floor(p / TEXEL_FRACTION_ONE);
  weight = (p - i0 * TEXEL_FRACTION_ONE) / TEXEL_FRACTION_ONE;
  tap0 = addressTexel(mode, i0, size);
  tap1 = addressTexel(mode, i0 + 1, size);
}

/**
 * Samples `level` at (u, v, w) into `out[o..o+3]`. `volume` false reads slice 0 and ignores w.
 * `ref` ≥ 0 makes every texel a depth compare (see `fetchTexel`).
 */
export function sampleLevel(
  tex: PreparedTexture,
  level: TextureLevel,
  u: number,
  v: number,
  w: number,
  volume: boolean,
  linear: boolean,
  modes: AxisModes,
  ref: number,
  out: Float32Array,
  o: number,
): void {
  const { width, height, depth } = level;
  if (!linear) {
    const x = addressTexel(modes.u, pointTexel(texelPosition(u, width)), width);
    const y = addressTexel(modes.v, pointTexel(texelPosition(v, height)), height);
    const z = volume ? addressTexel(modes.w, pointTexel(texelPosition(w, depth)), depth) : 0;
    fetchTexel(tex, level, x, y, z, ref, out, o);
    return;
  }
  linearAxis(u, width, modes.u);
  const x0 = tap0;
  const x1 = tap1;
  const ax = weight;
  linearAxis(v, height, modes.v);
  const y0 = tap0;
  const y1 = tap1;
  const ay = weight;
  let z0 = 0;
  let z1 = 0;
  let az = 0;
  if (volume) {
    linearAxis(w, depth, modes.w);
    z0 = tap0;
    z1 = tap1;
    az = weight;
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

/** Samples the level(s) of `sel` on `levels` (one face) and blends them by `sel.frac / 256`. */
export function sampleMips(
  tex: PreparedTexture,
  levels: readonly TextureLevel[],
  sel: MipSelection,
  u: number,
  v: number,
  w: number,
  volume: boolean,
  linear: boolean,
  modes: AxisModes,
  ref: number,
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
  sampleLevel(tex, a, u, v, w, volume, linear, modes, ref, out, o);
  const b = levels[sel.level + 1];
  if (sel.frac === 0 || b === undefined) return;
  sampleLevel(tex, b, u, v, w, volume, linear, modes, ref, levelB, 0);
  const t = sel.frac / TEXEL_FRACTION_ONE;
  for (let k = 0; k < 4; k++) out[o + k] = lerp(out[o + k] as number, levelB[k] as number, t);
}
