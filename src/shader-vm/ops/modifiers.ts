/**
 * Source modifiers, result shift, saturate and the ps_1_x range clamp, as functions on float32
 * 4-vectors. Order of a source read: register → swizzle → modifier. Order of a write: result →
 * shift (ps_1_x) → saturate → ps_1_x range clamp → write mask.
 */

import type { SourceModifier } from '../ir/ir.js';
import { clampF, saturateF } from './scalar.js';

const fr = Math.fround;

/** A float32 4-vector (x, y, z, w); the interpreter uses `Float32Array(4)` views. */
export type Vec4 = Float32Array;

/**
 * Applies a source modifier in place. `bias` x−0.5, `sign` (`_bx2`) 2x−1, `comp` 1−x, `x2` 2x,
 * `abs` |x|, the `neg` variants negate the result; `dz` divides x, y by z and `dw` divides x, y, z
 * by w (ps_1_4 projection); `not` only applies to booleans and leaves floats alone.
 */
export function applySourceModifier(v: Vec4, mod: SourceModifier): void {
  switch (mod) {
    case 'none':
    case 'not':
      return;
    case 'neg':
      for (let i = 0; i < 4; i++) v[i] = -(v[i] as number);
      return;
    case 'bias':
      for (let i = 0; i < 4; i++) v[i] = fr((v[i] as number) - 0.5);
      return;
    case 'biasneg':
      for (let i = 0; i < 4; i++) v[i] = -fr((v[i] as number) - 0.5);
      return;
    case 'sign':
      for (let i = 0; i < 4; i++) v[i] = fr(fr(2 * (v[i] as number)) - 1);
      return;
    case 'signneg':
      for (let i = 0; i < 4; i++) v[i] = -fr(fr(2 * (v[i] as number)) - 1);
      return;
    case 'comp':
      for (let i = 0; i < 4; i++) v[i] = fr(1 - (v[i] as number));
      return;
    case 'x2':
      for (let i = 0; i < 4; i++) v[i] = fr(2 * (v[i] as number));
      return;
    case 'x2neg':
      for (let i = 0; i < 4; i++) v[i] = -fr(2 * (v[i] as number));
      return;
    case 'abs':
      for (let i = 0; i < 4; i++) v[i] = Math.abs(v[i] as number);
      return;
    case 'absneg':
      for (let i = 0; i < 4; i++) v[i] = -Math.abs(v[i] as number);
      return;
    case 'dz': {
      const z = v[2] as number;
      v[0] = fr((v[0] as number) / z);
      v[1] = fr((v[1] as number) / z);
      return;
    }
    case 'dw': {
      const w = v[3] as number;
      v[0] = fr((v[0] as number) / w);
      v[1] = fr((v[1] as number) / w);
      v[2] = fr((v[2] as number) / w);
      return;
    }
  }
}

/** Swizzles `src` into `out` (8-bit D3D swizzle: bits 2i..2i+1 pick the component for output i). */
export function swizzleInto(out: Vec4, src: ArrayLike<number>, srcOffset: number, swizzle: number): void {
  out[0] = src[srcOffset + (swizzle & 3)] as number;
  out[1] = src[srcOffset + ((swizzle >>> 2) & 3)] as number;
  out[2] = src[srcOffset + ((swizzle >>> 4) & 3)] as number;
  out[3] = src[srcOffset + ((swizzle >>> 6) & 3)] as number;
}

/**
 * ps_1_x result shift: multiplies by 2^shift, shift ∈ −3…3 (`_d8` … `_x8`); exact in float32
 * except for overflow/underflow, which `fround` rounds.
 */
export function applyShift(v: Vec4, shift: number): void {
  if (shift === 0) return;
  const s = shift > 0 ? (shift === 1 ? 2 : shift === 2 ? 4 : 8) : shift === -1 ? 0.5 : shift === -2 ? 0.25 : 0.125;
  for (let i = 0; i < 4; i++) v[i] = fr((v[i] as number) * s);
}

/** `_sat`: clamps every component to [0, 1] (NaN → 0). */
export function applySaturate(v: Vec4): void {
  for (let i = 0; i < 4; i++) v[i] = saturateF(v[i] as number);
}

/**
 * The ps_1_x register range: ±1 for ps_1_0–1_3 and ±8 for ps_1_4 (the minimum
 * PixelShader1xMaxValue D3D9 requires; refrast clamps there). Zero for models without a clamp.
 */
export function ps1xRange(major: number, minor: number, isPixel: boolean): number {
  if (!isPixel || major !== 1) return 0;
  return minor >= 4 ? 8 : 1;
}

/** Clamps every component to [−range, range] (NaN → 0); range 0 means no clamp. */
export function applyRangeClamp(v: Vec4, range: number): void {
  if (range === 0) return;
  for (let i = 0; i < 4; i++) v[i] = clampF(v[i] as number, -range, range);
}
