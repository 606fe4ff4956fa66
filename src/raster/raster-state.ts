/**
 * The derived state the rasteriser reads, grouped by the stage that consumes it: the rasterizer
 * (culling, fill mode, clip rectangle, depth bias, line and point rules) and the output merger
 * (alpha test, stencil, depth, fog, gamma, blending, write masks).
 *
 * The pipeline derives both from the context's render states. Enumerated fields hold SVGA's own
 * numbers (`SVGA3dCmpFunc`, `SVGA3dStencilOp`, `SVGA3dBlendOp`, `SVGA3dBlendEquation`,
 * `SVGA3dFace`, `SVGA3dFrontWinding`, `SVGA3dFillModeType`, `SVGA3dFogFunction`, `SVGA3dFogType`),
 * not D3D9's. Values outside an enum fall back to a stated harmless meaning instead of throwing.
 */
import {
  SVGA3dBlendEquation,
  SVGA3dBlendOp,
  SVGA3dCmpFunc,
  SVGA3dFace,
  SVGA3dFillModeType,
  SVGA3dFogFunction,
  SVGA3dFogType,
  SVGA3dFrontWinding,
  SVGA3dStencilOp,
} from '../svga3d-decoder/spec/enums.js';
import type { PixelRect } from './setup-triangle.js';

/** Primitive-level state. */
export interface RasterizerState {
  /**
   * CULLMODE, an `SVGA3dFace` naming the faces to discard: NONE, FRONT, BACK, FRONT_BACK (every
   * triangle). Culling is done here, from the screen winding setup computes. Other values: NONE.
   * Lines and points are never culled.
   */
  readonly cullMode: number;
  /** FRONTWINDING: which screen winding (y down) is front, CW or CCW; other values: CW. */
  readonly frontWinding: number;
  /**
   * FILLMODE's mode (low 16 bits, `SVGA3dFillModeType`): POINT draws a triangle's vertices as
   * 1-pixel points, LINE its three edges with the line rule, FILL (and any other value) fills it.
   */
  readonly fillMode: number;
  /**
   * FILLMODE's face (high 16 bits, `SVGA3dFace`): the facings `fillMode` applies to (same facing
   * as culling, from FRONTWINDING); other triangles are filled. NONE: no triangle; FRONT, BACK:
   * that facing only; INVALID (0, what Mesa sends), FRONT_BACK and any other value: both.
   */
  readonly fillFace: number;
  /**
   * Pixels that may be written: render target ∩ viewport ∩ scissor (when SCISSORTESTENABLE),
   * half-open; fractional bounds round up, a NaN bound empties it. The rasteriser further
   * intersects it with every bound target's size.
   */
  readonly clip: PixelRect;
  /** DEPTHBIAS, in depth units (added to window z). */
  readonly depthBias: number;
  /** SLOPESCALEDEPTHBIAS: multiplies the triangle's max(|dz/dx|, |dz/dy|). */
  readonly slopeScaleDepthBias: number;
  /** LASTPIXEL: draw the final pixel of each line. */
  readonly lastPixel: boolean;
  /** POINTSPRITEENABLE: points get sprite coordinates in the layout's `spriteCoordVaryings`. */
  readonly pointSprite: boolean;
}

/** ZENABLE, ZFUNC, ZWRITEENABLE. */
export interface DepthState {
  readonly enable: boolean;
  /** `SVGA3dCmpFunc`, comparing the fragment's depth code with the stored one; other values: ALWAYS. */
  readonly func: number;
  readonly write: boolean;
}

/** The stencil function and operations of one face (`SVGA3dCmpFunc`, `SVGA3dStencilOp`). */
export interface StencilFaceState {
  /** Other values: ALWAYS. */
  readonly func: number;
  /** Stencil test failed. Unknown ops: KEEP. */
  readonly fail: number;
  /** Stencil passed, depth failed. */
  readonly zfail: number;
  /** Both passed. */
  readonly pass: number;
}

/** STENCILENABLE, STENCILENABLE2SIDED, the plain and CCW sets, STENCILREF/MASK/WRITEMASK. */
export interface StencilState {
  readonly enable: boolean;
  /** Two-sided: clockwise triangles (on screen) use `cw`, counter-clockwise ones `ccw`. */
  readonly twoSided: boolean;
  /** The plain STENCIL* states: every primitive when one-sided, clockwise ones when two-sided. */
  readonly cw: StencilFaceState;
  /** CCWSTENCIL*. */
  readonly ccw: StencilFaceState;
  /** u32; taken modulo 2^stencilBits. */
  readonly ref: number;
  /** Applied to both the reference and the stored value before comparing. */
  readonly mask: number;
  /** Bits of the stored value an operation may change. */
  readonly writeMask: number;
}

/** ALPHATESTENABLE, ALPHAFUNC, ALPHAREF. */
export interface AlphaTestState {
  readonly enable: boolean;
  /** `SVGA3dCmpFunc`: passes when `alpha func ref`; other values: ALWAYS. */
  readonly func: number;
  /** ALPHAREF as SVGA sends it: a float 0..1 (not D3D9's 0..255). */
  readonly ref: number;
}

/** Blending of one render target. */
export interface BlendTargetState {
  readonly enable: boolean;
  /** SRCBLEND, DSTBLEND (`SVGA3dBlendOp`). */
  readonly srcFactor: number;
  readonly dstFactor: number;
  /** BLENDEQUATION (`SVGA3dBlendEquation`); unknown values: ADD. */
  readonly equation: number;
  /** SEPARATEALPHABLENDENABLE: alpha uses the three fields below instead of the colour ones. */
  readonly separateAlpha: boolean;
  readonly srcFactorAlpha: number;
  readonly dstFactorAlpha: number;
  readonly equationAlpha: number;
}

/** FOGENABLE with FOGMODE (function / type / base), FOGSTART, FOGEND, FOGDENSITY, FOGCOLOR. */
export interface FogState {
  readonly enable: boolean;
  /** `SVGA3dFogFunction`: EXP, EXP2, LINEAR (pixel fog), PER_VERTEX (factor from the fog varying). */
  readonly func: number;
  /** `SVGA3dFogType`: PIXEL computes the factor per pixel; VERTEX reads the fog varying. */
  readonly type: number;
  /**
   * The pixel-fog distance: window z ('z', D3D9 table fog) or eye-space w ('w', the pipeline's
   * choice for W-friendly projections), interpolated perspective-correctly from 1/w.
   */
  readonly depthSource: 'z' | 'w';
  readonly start: number;
  readonly end: number;
  readonly density: number;
  /** 0xAARRGGBB; RGB is used. */
  readonly color: number;
}

/** Output-merger state. */
export interface OutputMergerState {
  readonly depth: DepthState;
  readonly stencil: StencilState;
  readonly alphaTest: AlphaTestState;
  /** Per render target (COLOR0–3); a missing entry means blending off. */
  readonly blend: readonly BlendTargetState[];
  /** BLENDCOLOR, 0xAARRGGBB. */
  readonly blendColor: number;
  /** COLORWRITEENABLE, …1, …2, …3 (bit 0 R, 1 G, 2 B, 3 A); a missing entry means 0xF. */
  readonly colorWriteMask: readonly number[];
  /** OUTPUTGAMMA: > 0 and ≠ 1 applies c^(1/gamma) to RGB before blending; else ignored. */
  readonly outputGamma: number;
  readonly fog: FogState;
}

const KEEP_ALWAYS: StencilFaceState = {
  func: SVGA3dCmpFunc.ALWAYS,
  fail: SVGA3dStencilOp.KEEP,
  zfail: SVGA3dStencilOp.KEEP,
  pass: SVGA3dStencilOp.KEEP,
};

/** Blending off, with D3D9's default factors (ONE, ZERO, ADD). */
export const BLEND_OFF: BlendTargetState = {
  enable: false,
  srcFactor: SVGA3dBlendOp.ONE,
  dstFactor: SVGA3dBlendOp.ZERO,
  equation: SVGA3dBlendEquation.ADD,
  separateAlpha: false,
  srcFactorAlpha: SVGA3dBlendOp.ONE,
  dstFactorAlpha: SVGA3dBlendOp.ZERO,
  equationAlpha: SVGA3dBlendEquation.ADD,
};

/**
 * D3D9's default output-merger state in SVGA numbers: depth on with LESSEQUAL and writes,
 * stencil, alpha test, blending and fog off, all channels written, gamma 1.
 */
export function defaultOutputMergerState(): OutputMergerState {
  return {
    depth: { enable: true, func: SVGA3dCmpFunc.LESSEQUAL, write: true },
    stencil: {
      enable: false,
      twoSided: false,
      cw: KEEP_ALWAYS,
      ccw: KEEP_ALWAYS,
      ref: 0,
      mask: 0xffffffff,
      writeMask: 0xffffffff,
    },
    alphaTest: { enable: false, func: SVGA3dCmpFunc.ALWAYS, ref: 0 },
    blend: [BLEND_OFF, BLEND_OFF, BLEND_OFF, BLEND_OFF],
    blendColor: 0xffffffff,
    colorWriteMask: [0xf, 0xf, 0xf, 0xf],
    outputGamma: 1,
    fog: {
      enable: false,
      func: SVGA3dFogFunction.INVALID,
      type: SVGA3dFogType.VERTEX,
      depthSource: 'z',
      start: 0,
      end: 1,
      density: 1,
      color: 0,
    },
  };
}

/** D3D9's default rasterizer state in SVGA numbers (cull BACK with FRONTWINDING CW, solid fill). */
export function defaultRasterizerState(clip: PixelRect): RasterizerState {
  return {
    cullMode: SVGA3dFace.BACK,
    frontWinding: SVGA3dFrontWinding.CW,
    fillMode: SVGA3dFillModeType.FILL,
    fillFace: SVGA3dFace.FRONT_BACK,
    clip,
    depthBias: 0,
    slopeScaleDepthBias: 0,
    lastPixel: true,
    pointSprite: false,
  };
}
