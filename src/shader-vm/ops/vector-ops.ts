/**
 * What each D3D9 arithmetic instruction computes on float32 4-vectors: the one definition used by
 * the interpreter (and by any compiled path). Sources arrive swizzled and modified; every op writes
 * all four components of `d` (the caller applies shift, saturate, clamp and the write mask), except
 * where noted. Special cases follow `reference/d3d9-shaders.md` §7.
 *
 * Scalar instructions (rcp, rsq, exp, log, expp, logp, pow, sincos) read the **w** component of the
 * swizzled source: with the replicate swizzle compilers emit that is the replicated component, and
 * with an identity swizzle it is .w, as Windows does (Wine d3d8 `test_scalar_instructions`).
 */

import { f32Cos, f32Exp2, f32Log2, f32Pow, f32Rsq, f32Sin } from '../../common/f32-math.js';
import type { Vec4 } from './modifiers.js';
import { FLT_MAX, addF, madF, mulF } from './scalar.js';

const fr = Math.fround;

/** Signature shared by the table-driven ops. `legacy` enables the "× 0 = 0" rule. */
export type VectorOp = (d: Vec4, a: Vec4, b: Vec4, c: Vec4, legacy: boolean) => void;

function splat(d: Vec4, x: number): void {
  d[0] = x;
  d[1] = x;
  d[2] = x;
  d[3] = x;
}

const x = (v: Vec4): number => v[0] as number;
const y = (v: Vec4): number => v[1] as number;
const z = (v: Vec4): number => v[2] as number;
const w = (v: Vec4): number => v[3] as number;

/** ((a.x·b.x + a.y·b.y) + a.z·b.z), each step rounded. */
export function dot3(a: Vec4, b: Vec4, legacy: boolean): number {
  return addF(addF(mulF(x(a), x(b), legacy), mulF(y(a), y(b), legacy)), mulF(z(a), z(b), legacy));
}

/** dot3 + a.w·b.w. */
export function dot4(a: Vec4, b: Vec4, legacy: boolean): number {
  return addF(dot3(a, b, legacy), mulF(w(a), w(b), legacy));
}

/** mov: copy. */
export const opMov: VectorOp = (d, a) => {
  d.set(a);
};
/** add: a + b per component. */
export const opAdd: VectorOp = (d, a, b) => {
  for (let i = 0; i < 4; i++) d[i] = addF(a[i] as number, b[i] as number);
};
/** sub: a − b per component. */
export const opSub: VectorOp = (d, a, b) => {
  for (let i = 0; i < 4; i++) d[i] = fr((a[i] as number) - (b[i] as number));
};
/** mul: a·b per component (legacy zero rule). */
export const opMul: VectorOp = (d, a, b, _c, legacy) => {
  for (let i = 0; i < 4; i++) d[i] = mulF(a[i] as number, b[i] as number, legacy);
};
/** mad: a·b + c with two roundings. */
export const opMad: VectorOp = (d, a, b, c, legacy) => {
  for (let i = 0; i < 4; i++) d[i] = madF(a[i] as number, b[i] as number, c[i] as number, legacy);
};
/** dp3: dot3 replicated. */
export const opDp3: VectorOp = (d, a, b, _c, legacy) => splat(d, dot3(a, b, legacy));
/** dp4: dot4 replicated. */
export const opDp4: VectorOp = (d, a, b, _c, legacy) => splat(d, dot4(a, b, legacy));

/** s0.x·s1.x + s0.y·s1.y + s2.x (s2 carries a replicate swizzle). */
export const opDp2add: VectorOp = (d, a, b, c, legacy) =>
  splat(d, addF(addF(mulF(x(a), x(b), legacy), mulF(y(a), y(b), legacy)), x(c)));

/** rcp: 0 → FLT_MAX (both zeros), 1 → 1 exactly, otherwise the IEEE float32 reciprocal. */
export function rcpScalar(v: number): number {
  if (v === 0) return FLT_MAX;
  return fr(1 / v);
}
/** rcp of the scalar source, replicated. */
export const opRcp: VectorOp = (d, a) => splat(d, rcpScalar(w(a)));

/** rsq: f = |x|; 0 → FLT_MAX, 1 → 1, otherwise 1/√f (f32Rsq; +Inf → 0, NaN stays). */
export function rsqScalar(v: number): number {
  const f = Math.abs(v);
  if (f === 0) return FLT_MAX;
  if (f === 1) return 1;
  return f32Rsq(f);
}
/** rsq of the scalar source, replicated. */
export const opRsq: VectorOp = (d, a) => splat(d, rsqScalar(w(a)));

/** log / logp: log2|x|, with 0 → −FLT_MAX. */
export function logScalar(v: number): number {
  const f = Math.abs(v);
  if (f === 0) return -FLT_MAX;
  return f32Log2(f);
}
/** log / logp of the scalar source, replicated. */
export const opLog: VectorOp = (d, a) => splat(d, logScalar(w(a)));
/** exp (and vs_2_0+ expp): 2^x of the scalar source, replicated. */
export const opExp: VectorOp = (d, a) => splat(d, f32Exp2(w(a)));

/** vs_1_1 expp: (2^floor(x), x − floor(x), 2^x, 1). vs_2_0+ expp is `opExp`. */
export const opExpp11: VectorOp = (d, a) => {
  const v = w(a);
  const f = Math.floor(v);
  d[0] = f32Exp2(f);
  d[1] = fr(v - f);
  d[2] = f32Exp2(v);
  d[3] = 1;
};

/**
 * pow: |s0|^s1 from exp2(s1·log2|s0|) in binary64 with one rounding (f32Pow). s1 = 0 gives 1 even
 * for 0, Inf and NaN bases; results that overflow (0^negative included) clamp to FLT_MAX, since
 * hardware pow never produces Inf.
 */
export function powScalar(a: number, b: number): number {
  if (b === 0) return 1;
  const r = f32Pow(Math.abs(a), b);
  return r === Infinity ? FLT_MAX : r;
}
/** pow of the scalar sources, replicated. */
export const opPow: VectorOp = (d, a, b) => splat(d, powScalar(w(a), w(b)));

/** min: `(a < b) ? a : b` literally, so min(NaN, b) = b and min(a, NaN) = NaN. */
export const opMin: VectorOp = (d, a, b) => {
  for (let i = 0; i < 4; i++) d[i] = (a[i] as number) < (b[i] as number) ? (a[i] as number) : (b[i] as number);
};
/** max: `(a >= b) ? a : b` literally, so max(NaN, b) = b and max(a, NaN) = NaN. */
export const opMax: VectorOp = (d, a, b) => {
  for (let i = 0; i < 4; i++) d[i] = (a[i] as number) >= (b[i] as number) ? (a[i] as number) : (b[i] as number);
};
/** slt: (a < b) ? 1 : 0 per component. */
export const opSlt: VectorOp = (d, a, b) => {
  for (let i = 0; i < 4; i++) d[i] = (a[i] as number) < (b[i] as number) ? 1 : 0;
};
/** sge: (a >= b) ? 1 : 0 per component. */
export const opSge: VectorOp = (d, a, b) => {
  for (let i = 0; i < 4; i++) d[i] = (a[i] as number) >= (b[i] as number) ? 1 : 0;
};

/** The largest float32 below 1: frc never returns 1.0 (tiny negative inputs would round to it). */
const ONE_MINUS_ULP = 0.9999999403953552;

/** x − floor(x), never 1.0. */
export function frcScalar(v: number): number {
  const r = fr(v - Math.floor(v));
  return r === 1 ? ONE_MINUS_ULP : r;
}
/** frc per component. */
export const opFrc: VectorOp = (d, a) => {
  for (let i = 0; i < 4; i++) d[i] = frcScalar(a[i] as number);
};
/** abs: |x| per component. */
export const opAbs: VectorOp = (d, a) => {
  for (let i = 0; i < 4; i++) d[i] = Math.abs(a[i] as number);
};
/** sgn: −1 / 0 / 1 per component (NaN → 0, −0 → 0). */
export const opSgn: VectorOp = (d, a) => {
  for (let i = 0; i < 4; i++) {
    const v = a[i] as number;
    d[i] = v > 0 ? 1 : v < 0 ? -1 : 0;
  }
};

/** The Microsoft lit limit on the specular power. */
const LIT_POWER_LIMIT = 127.9961;

/**
 * lit (Microsoft pseudo-code): (1, 0, 0, 1); power = clamp(src.w, ±127.9961);
 * if src.x > 0 { y = src.x; if src.y > 0 { z = src.y^power } }.
 */
export const opLit: VectorOp = (d, a) => {
  d[0] = 1;
  d[1] = 0;
  d[2] = 0;
  d[3] = 1;
  let power = w(a);
  if (power > LIT_POWER_LIMIT) power = fr(LIT_POWER_LIMIT);
  else if (power < -LIT_POWER_LIMIT) power = fr(-LIT_POWER_LIMIT);
  if (x(a) > 0) {
    d[1] = x(a);
    if (y(a) > 0) d[2] = powScalar(y(a), power);
  }
};

/** dst: (1, s0.y·s1.y, s0.z, s1.w). */
export const opDst: VectorOp = (d, a, b, _c, legacy) => {
  d[0] = 1;
  d[1] = mulF(y(a), y(b), legacy);
  d[2] = z(a);
  d[3] = w(b);
};

/** lrp: s0·(s1 − s2) + s2 as a mad over a rounded difference. */
export const opLrp: VectorOp = (d, a, b, c, legacy) => {
  for (let i = 0; i < 4; i++) {
    d[i] = madF(a[i] as number, fr((b[i] as number) - (c[i] as number)), c[i] as number, legacy);
  }
};

/** crs: cross product of the xyz parts; d.w is left as it was (the caller masks it out). */
export const opCrs: VectorOp = (d, a, b, _c, legacy) => {
  const cx = fr(mulF(y(a), z(b), legacy) - mulF(z(a), y(b), legacy));
  const cy = fr(mulF(z(a), x(b), legacy) - mulF(x(a), z(b), legacy));
  const cz = fr(mulF(x(a), y(b), legacy) - mulF(y(a), x(b), legacy));
  d[0] = cx;
  d[1] = cy;
  d[2] = cz;
};

/**
 * nrm: f = dot3(src, src); r = f ≠ 0 ? 1/√f : FLT_MAX; d = src·r on **all four** components
 * (Microsoft pseudo-code). With the legacy rule a zero vector stays zero.
 */
export const opNrm: VectorOp = (d, a, _b, _c, legacy) => {
  const f = dot3(a, a, legacy);
  const r = f === 0 ? FLT_MAX : f32Rsq(f);
  for (let i = 0; i < 4; i++) d[i] = mulF(a[i] as number, r, legacy);
};

/**
 * sincos: x = cos V, y = sin V of the scalar source, any argument (our sin/cos reduce exactly, so
 * the documented [−π, π] input range is not needed); z and w are left alone (the caller masks).
 */
export const opSincos: VectorOp = (d, a) => {
  const v = w(a);
  d[0] = f32Cos(v);
  d[1] = f32Sin(v);
};

/** cmp: s0 >= 0 ? s1 : s2 per component (−0 counts as ≥ 0; NaN picks s2). */
export const opCmp: VectorOp = (d, a, b, c) => {
  for (let i = 0; i < 4; i++) d[i] = (a[i] as number) >= 0 ? (b[i] as number) : (c[i] as number);
};
/** cnd: s0 > 0.5 ? s1 : s2 per component (NaN picks s2). */
export const opCnd: VectorOp = (d, a, b, c) => {
  for (let i = 0; i < 4; i++) d[i] = (a[i] as number) > 0.5 ? (b[i] as number) : (c[i] as number);
};
