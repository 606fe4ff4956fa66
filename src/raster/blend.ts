/**
 * Blending: `result = src·srcFactor ⊕ dst·dstFactor` per channel, in float32 (every product and
 * sum rounded with `Math.fround`), on the source colour from the fragment stage and the
 * destination read back from the target (unorm 8-bit channels read as exact k/255).
 *
 * Factors are SVGA's `SVGA3dBlendOp` numbers (12 = BLENDFACTOR, 13 = INVBLENDFACTOR, unlike
 * D3D9), equations `SVGA3dBlendEquation`; MINIMUM and MAXIMUM ignore the factors. Alpha uses the
 * colour factors and equation unless separate alpha blending is on. SRCALPHASAT is
 * (f, f, f, 1) with f = min(As, 1 − Ad). BLENDFACTORALPHA / INVBLENDFACTORALPHA (18, 19) take the
 * blend colour's alpha. Unknown factors (INVALID, the dual-source 14–17, anything else) act as
 * ONE on the source side and ZERO on the destination side, i.e. as if blending were off for that
 * term; unknown equations act as ADD.
 */
import { SVGA3dBlendEquation, SVGA3dBlendOp } from '../svga3d-decoder/spec/enums.js';
import type { BlendTargetState } from './raster-state.js';

const f = Math.fround;

/**
 * The factor of `op` for channel `ch` (0–3 = R, G, B, A). `src`, `dst`, `constant` are RGBA.
 * `fallback` is the value for unknown factors.
 */
export function blendFactor(
  op: number,
  ch: number,
  src: Float32Array,
  dst: Float32Array,
  constant: Float32Array,
  fallback: number,
): number {
  switch (op) {
    case SVGA3dBlendOp.ZERO:
      return 0;
    case SVGA3dBlendOp.ONE:
      return 1;
    case SVGA3dBlendOp.SRCCOLOR:
      return src[ch] ?? 0;
    case SVGA3dBlendOp.INVSRCCOLOR:
      return f(1 - (src[ch] ?? 0));
    case SVGA3dBlendOp.SRCALPHA:
      return src[3] ?? 0;
    case SVGA3dBlendOp.INVSRCALPHA:
      return f(1 - (src[3] ?? 0));
    case SVGA3dBlendOp.DESTALPHA:
      return dst[3] ?? 0;
    case SVGA3dBlendOp.INVDESTALPHA:
      return f(1 - (dst[3] ?? 0));
    case SVGA3dBlendOp.DESTCOLOR:
      return dst[ch] ?? 0;
    case SVGA3dBlendOp.INVDESTCOLOR:
      return f(1 - (dst[ch] ?? 0));
    case SVGA3dBlendOp.SRCALPHASAT:
      return ch === 3 ? 1 : Math.min(src[3] ?? 0, f(1 - (dst[3] ?? 0)));
    case SVGA3dBlendOp.BLENDFACTOR:
      return constant[ch] ?? 0;
    case SVGA3dBlendOp.INVBLENDFACTOR:
      return f(1 - (constant[ch] ?? 0));
    case SVGA3dBlendOp.BLENDFACTORALPHA:
      return constant[3] ?? 0;
    case SVGA3dBlendOp.INVBLENDFACTORALPHA:
      return f(1 - (constant[3] ?? 0));
    default:
      return fallback;
  }
}

/** `s ⊕ d` for an `SVGA3dBlendEquation`, given the unweighted `src`/`dst` for MIN/MAX. */
function combine(equation: number, s: number, d: number, src: number, dst: number): number {
  switch (equation) {
    case SVGA3dBlendEquation.SUBTRACT:
      return f(s - d);
    case SVGA3dBlendEquation.REVSUBTRACT:
      return f(d - s);
    case SVGA3dBlendEquation.MINIMUM:
      return src < dst ? src : dst;
    case SVGA3dBlendEquation.MAXIMUM:
      return src > dst ? src : dst;
    default:
      return f(s + d);
  }
}

/** Unpacks 0xAARRGGBB into RGBA floats k/255. */
export function unpackArgb(argb: number, out: Float32Array): void {
  const w = argb >>> 0;
  out[0] = f(((w >>> 16) & 255) / 255);
  out[1] = f(((w >>> 8) & 255) / 255);
  out[2] = f((w & 255) / 255);
  out[3] = f((w >>> 24) / 255);
}

/**
 * Blends `src` over `dst` with `state` into `out` (RGBA, float32). `constant` is BLENDCOLOR as
 * RGBA. All four inputs are read before `out` is written, so `out` may alias `src`.
 */
export function blendColors(
  state: BlendTargetState,
  src: Float32Array,
  dst: Float32Array,
  constant: Float32Array,
  out: Float32Array,
): void {
  let r = 0;
  let g = 0;
  let b = 0;
  let a = 0;
  for (let ch = 0; ch < 4; ch++) {
    const alpha = ch === 3 && state.separateAlpha;
    const srcOp = alpha ? state.srcFactorAlpha : state.srcFactor;
    const dstOp = alpha ? state.dstFactorAlpha : state.dstFactor;
    const equation = alpha ? state.equationAlpha : state.equation;
    const s = src[ch] ?? 0;
    const d = dst[ch] ?? 0;
    const sf = f(s * blendFactor(srcOp, ch, src, dst, constant, 1));
    const df = f(d * blendFactor(dstOp, ch, src, dst, constant, 0));
    const v = combine(equation, sf, df, s, d);
    if (ch === 0) r = v;
    else if (ch === 1) g = v;
    else if (ch === 2) b = v;
    else a = v;
  }
  out[0] = r;
  out[1] = g;
  out[2] = b;
  out[3] = a;
}

/** A blend of one render target bound to its state: `(src, dst, constant, out)` as {@link blendColors}. */
export type BlendKernel = (src: Float32Array, dst: Float32Array, constant: Float32Array, out: Float32Array) => void;

/** Factors whose value is the same for all four channels (each is computed once per pixel). */
const UNIFORM_FACTORS: ReadonlySet<number> = new Set([
  SVGA3dBlendOp.ZERO,
  SVGA3dBlendOp.ONE,
  SVGA3dBlendOp.SRCALPHA,
  SVGA3dBlendOp.INVSRCALPHA,
  SVGA3dBlendOp.DESTALPHA,
  SVGA3dBlendOp.INVDESTALPHA,
  SVGA3dBlendOp.BLENDFACTORALPHA,
  SVGA3dBlendOp.INVBLENDFACTORALPHA,
]);

/**
 * {@link blendColors} specialised for `state`, chosen once per draw. The specialised kernel
 * covers ADD with one pair of channel-independent factors for all four channels (SRCALPHA /
 * INVSRCALPHA, ONE / INVSRCALPHA, ONE / ONE, ...): the same products and sums in the same order,
 * with each factor computed once instead of per channel. Every other state gets the generic
 * routine. Equal to `blendColors` bit for bit (differential test).
 */
export function blendKernel(state: BlendTargetState): BlendKernel {
  const sameAlpha =
    !state.separateAlpha ||
    (state.srcFactorAlpha === state.srcFactor && state.dstFactorAlpha === state.dstFactor && state.equationAlpha === state.equation);
  const isAdd = (e: number) => e !== SVGA3dBlendEquation.SUBTRACT && e !== SVGA3dBlendEquation.REVSUBTRACT && e !== SVGA3dBlendEquation.MINIMUM && e !== SVGA3dBlendEquation.MAXIMUM;
  if (sameAlpha && isAdd(state.equation) && UNIFORM_FACTORS.has(state.srcFactor) && UNIFORM_FACTORS.has(state.dstFactor)) {
    const srcOp = state.srcFactor;
    const dstOp = state.dstFactor;
    if (srcOp === SVGA3dBlendOp.SRCALPHA && dstOp === SVGA3dBlendOp.INVSRCALPHA) {
      // The classic transparency blend: blendFactor's two cases written in.
      return (src, dst, _constant, out) => {
        const sf = src[3] as number;
        const df = f(1 - sf);
        const r = f(f((src[0] as number) * sf) + f((dst[0] as number) * df));
        const g = f(f((src[1] as number) * sf) + f((dst[1] as number) * df));
        const b = f(f((src[2] as number) * sf) + f((dst[2] as number) * df));
        const a = f(f(sf * sf) + f((dst[3] as number) * df));
        out[0] = r;
        out[1] = g;
        out[2] = b;
        out[3] = a;
      };
    }
    return (src, dst, constant, out) => {
      const sf = blendFactor(srcOp, 0, src, dst, constant, 1);
      const df = blendFactor(dstOp, 0, src, dst, constant, 0);
      const r = f(f((src[0] as number) * sf) + f((dst[0] as number) * df));
      const g = f(f((src[1] as number) * sf) + f((dst[1] as number) * df));
      const b = f(f((src[2] as number) * sf) + f((dst[2] as number) * df));
      const a = f(f((src[3] as number) * sf) + f((dst[3] as number) * df));
      out[0] = r;
      out[1] = g;
      out[2] = b;
      out[3] = a;
    };
  }
  return (src, dst, constant, out) => blendColors(state, src, dst, constant, out);
}
