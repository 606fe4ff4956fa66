/**
 * The one place where a context's raw render-state words become the rasteriser's readonly state
 * objects (Mesa's `sp_state_derived.c` role). The functions here are pure; the draw keeps their
 * output-merger result between draws only under a key of every render-state word
 * (`draw-cache.ts`), so a state change can never be missed.
 *
 * Enumerated values keep SVGA's numbers; the raster documents a harmless meaning for values
 * outside each enum, so nothing is validated here beyond unpacking.
 */
import { f32FromBits } from '../common/f32-math.js';
import type { OutputMergerState, RasterizerState } from '../raster/raster-state.js';
import type { PixelRect } from '../raster/setup-triangle.js';
import { SVGA3dRenderStateName as RS } from '../svga3d-decoder/spec/enums-render-state.js';
import type { Viewport, ViewportRect } from './viewport.js';

/** The float32 a state word holds (IEEE bits). */
export const wordToFloat = f32FromBits;

/** Render state `name` of `states` (0 past the end). */
function word(states: Uint32Array, name: number): number {
  return states[name] ?? 0;
}

function floatState(states: Uint32Array, name: number): number {
  return wordToFloat(word(states, name));
}

function on(states: Uint32Array, name: number): boolean {
  return word(states, name) !== 0;
}

/**
 * The pixels a draw may write: viewport ∩ scissor (when SCISSORTESTENABLE and a scissor was
 * set), half-open. The rasteriser further intersects it with every bound target.
 */
export function clipRect(states: Uint32Array, viewport: Viewport, scissor: ViewportRect | undefined): PixelRect {
  let { x0, y0, x1, y1 } = viewport.clip;
  if (on(states, RS.SCISSORTESTENABLE) && scissor) {
    x0 = Math.max(x0, scissor.x);
    y0 = Math.max(y0, scissor.y);
    x1 = Math.min(x1, scissor.x + scissor.w);
    y1 = Math.min(y1, scissor.y + scissor.h);
  }
  if (x1 < x0) x1 = x0;
  if (y1 < y0) y1 = y0;
  return { x0, y0, x1, y1 };
}

/**
 * CULLMODE, FRONTWINDING, FILLMODE (mode in bits 0–15, face in bits 16–31; the raster documents
 * the face values), DEPTHBIAS, SLOPESCALEDEPTHBIAS, LASTPIXEL and POINTSPRITEENABLE, with the
 * draw's clip rectangle.
 */
export function deriveRasterizerState(states: Uint32Array, clip: PixelRect): RasterizerState {
  return {
    cullMode: word(states, RS.CULLMODE),
    frontWinding: word(states, RS.FRONTWINDING),
    fillMode: word(states, RS.FILLMODE) & 0xffff,
    fillFace: word(states, RS.FILLMODE) >>> 16,
    clip,
    depthBias: floatState(states, RS.DEPTHBIAS),
    slopeScaleDepthBias: floatState(states, RS.SLOPESCALEDEPTHBIAS),
    lastPixel: on(states, RS.LASTPIXEL),
    pointSprite: on(states, RS.POINTSPRITEENABLE),
  };
}

/** What the output merger needs to know about the pixel shader. */
export interface OutputMergerOptions {
  /**
   * Whether D3D9's fog applies: not with a ps_3_0 pixel shader, which computes its own fog (the
   * FOG* states are ignored then).
   */
  readonly fogAllowed: boolean;
}

/**
 * ZENABLE/ZFUNC/ZWRITEENABLE, the stencil states (plain set for clockwise faces, CCW set for the
 * others when two-sided), the alpha test (ALPHAREF as a 0..1 float, SVGA's convention), blending
 * (D3D9 blends every render target with the one set of states), BLENDCOLOR, COLORWRITEENABLE0–3,
 * OUTPUTGAMMA and fog (FOGMODE: function bits 0–15, type bits 16–23).
 */
export function deriveOutputMergerState(states: Uint32Array, options: OutputMergerOptions): OutputMergerState {
  const blend = {
    enable: on(states, RS.BLENDENABLE),
    srcFactor: word(states, RS.SRCBLEND),
    dstFactor: word(states, RS.DSTBLEND),
    equation: word(states, RS.BLENDEQUATION),
    separateAlpha: on(states, RS.SEPARATEALPHABLENDENABLE),
    srcFactorAlpha: word(states, RS.SRCBLENDALPHA),
    dstFactorAlpha: word(states, RS.DSTBLENDALPHA),
    equationAlpha: word(states, RS.BLENDEQUATIONALPHA),
  };
  const fogMode = word(states, RS.FOGMODE);
  return {
    depth: { enable: on(states, RS.ZENABLE), func: word(states, RS.ZFUNC), write: on(states, RS.ZWRITEENABLE) },
    stencil: {
      enable: on(states, RS.STENCILENABLE),
      twoSided: on(states, RS.STENCILENABLE2SIDED),
      cw: {
        func: word(states, RS.STENCILFUNC),
        fail: word(states, RS.STENCILFAIL),
        zfail: word(states, RS.STENCILZFAIL),
        pass: word(states, RS.STENCILPASS),
      },
      ccw: {
        func: word(states, RS.CCWSTENCILFUNC),
        fail: word(states, RS.CCWSTENCILFAIL),
        zfail: word(states, RS.CCWSTENCILZFAIL),
        pass: word(states, RS.CCWSTENCILPASS),
      },
      ref: word(states, RS.STENCILREF),
      mask: word(states, RS.STENCILMASK),
      writeMask: word(states, RS.STENCILWRITEMASK),
    },
    alphaTest: { enable: on(states, RS.ALPHATESTENABLE), func: word(states, RS.ALPHAFUNC), ref: floatState(states, RS.ALPHAREF) },
    blend: [blend, blend, blend, blend],
    blendColor: word(states, RS.BLENDCOLOR),
    colorWriteMask: [
      word(states, RS.COLORWRITEENABLE) & 0xf,
      word(states, RS.COLORWRITEENABLE1) & 0xf,
      word(states, RS.COLORWRITEENABLE2) & 0xf,
      word(states, RS.COLORWRITEENABLE3) & 0xf,
    ],
    outputGamma: floatState(states, RS.OUTPUTGAMMA),
    fog: {
      enable: options.fogAllowed && on(states, RS.FOGENABLE),
      func: fogMode & 0xffff,
      type: (fogMode >>> 16) & 0xff,
      depthSource: 'z',
      start: floatState(states, RS.FOGSTART),
      end: floatState(states, RS.FOGEND),
      density: floatState(states, RS.FOGDENSITY),
      color: word(states, RS.FOGCOLOR),
    },
  };
}

/** SHADEMODE FLAT (1): colour varyings take the first vertex's value. */
export function isFlatShaded(states: Uint32Array): boolean {
  return word(states, RS.SHADEMODE) === 1;
}

/** POINTSIZE, POINTSIZEMIN/MAX, POINTSCALEENABLE and POINTSCALE_A/B/C, as floats. */
export interface PointState {
  readonly size: number;
  readonly min: number;
  readonly max: number;
  readonly scaleEnable: boolean;
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

/** The point states of a draw. */
export function derivePointState(states: Uint32Array): PointState {
  return {
    size: floatState(states, RS.POINTSIZE),
    min: floatState(states, RS.POINTSIZEMIN),
    max: floatState(states, RS.POINTSIZEMAX),
    scaleEnable: on(states, RS.POINTSCALEENABLE),
    a: floatState(states, RS.POINTSCALE_A),
    b: floatState(states, RS.POINTSCALE_B),
    c: floatState(states, RS.POINTSCALE_C),
  };
}

/** CLIPPLANEENABLE's six bits. */
export function clipPlaneMask(states: Uint32Array): number {
  return word(states, RS.CLIPPLANEENABLE) & 0x3f;
}
