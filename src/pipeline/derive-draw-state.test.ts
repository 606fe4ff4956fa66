import { describe, expect, it } from 'vitest';
import { fillRenderStateDefaults, RENDER_STATE_COUNT, f32Bits } from '../device/contexts/state-defaults.js';
import { defaultOutputMergerState, defaultRasterizerState } from '../raster/raster-state.js';
import { SVGA3dRenderStateName as RS } from '../svga3d-decoder/spec/enums-render-state.js';
import { clipPlaneMask, clipRect, deriveOutputMergerState, derivePointState, deriveRasterizerState, isFlatShaded } from './derive-draw-state.js';

function defaults(): Uint32Array {
  const s = new Uint32Array(RENDER_STATE_COUNT);
  fillRenderStateDefaults(s);
  return s;
}

const vp = { x: 8, y: 4, w: 100, h: 50, zMin: 0, zMax: 1, clip: { x0: 8, y0: 4, x1: 108, y1: 54 } };

describe('deriveDrawState', () => {
  it('D3D9 defaults give the raster defaults (fog, gamma and write masks included)', () => {
    // The power-on words, with D3D9's cull and shade modes whatever the device's power-on choice.
    const s = defaults();
    s[RS.CULLMODE] = 3;
    s[RS.SHADEMODE] = 1;
    const clip = clipRect(s, vp, undefined);
    expect(clip).toEqual({ x0: 8, y0: 4, x1: 108, y1: 54 });
    expect(deriveRasterizerState(s, clip)).toEqual(defaultRasterizerState(clip));
    const om = deriveOutputMergerState(s, { fogAllowed: true });
    const expected = defaultOutputMergerState();
    expect(om).toEqual({ ...expected, fog: { ...expected.fog, end: 1, density: 1 } });
    expect(isFlatShaded(s)).toBe(true);
  });

  it('every derived field follows its render state', () => {
    const s = defaults();
    const set = (name: number, value: number) => (s[name] = value);
    set(RS.CULLMODE, 1);
    set(RS.FRONTWINDING, 2);
    set(RS.FILLMODE, 2 | (3 << 16));
    set(RS.DEPTHBIAS, f32Bits(0.25));
    set(RS.SLOPESCALEDEPTHBIAS, f32Bits(2));
    set(RS.LASTPIXEL, 0);
    set(RS.POINTSPRITEENABLE, 1);
    set(RS.ZENABLE, 0);
    set(RS.ZFUNC, 2);
    set(RS.ZWRITEENABLE, 0);
    set(RS.STENCILENABLE, 1);
    set(RS.STENCILENABLE2SIDED, 1);
    set(RS.STENCILFUNC, 3);
    set(RS.STENCILFAIL, 2);
    set(RS.STENCILZFAIL, 3);
    set(RS.STENCILPASS, 7);
    set(RS.CCWSTENCILFUNC, 6);
    set(RS.CCWSTENCILFAIL, 8);
    set(RS.CCWSTENCILZFAIL, 4);
    set(RS.CCWSTENCILPASS, 5);
    set(RS.STENCILREF, 0x80);
    set(RS.STENCILMASK, 0xf0);
    set(RS.STENCILWRITEMASK, 0x0f);
    set(RS.ALPHATESTENABLE, 1);
    set(RS.ALPHAFUNC, 7);
    set(RS.ALPHAREF, f32Bits(0.5));
    set(RS.BLENDENABLE, 1);
    set(RS.SRCBLEND, 5);
    set(RS.DSTBLEND, 6);
    set(RS.BLENDEQUATION, 3);
    set(RS.SEPARATEALPHABLENDENABLE, 1);
    set(RS.SRCBLENDALPHA, 2);
    set(RS.DSTBLENDALPHA, 1);
    set(RS.BLENDEQUATIONALPHA, 5);
    set(RS.BLENDCOLOR, 0x11223344);
    set(RS.COLORWRITEENABLE, 0x1);
    set(RS.COLORWRITEENABLE1, 0x12);
    set(RS.COLORWRITEENABLE3, 0);
    set(RS.OUTPUTGAMMA, f32Bits(2.2));
    set(RS.FOGENABLE, 1);
    set(RS.FOGMODE, 3 | (2 << 16) | (1 << 24));
    set(RS.FOGSTART, f32Bits(0.5));
    set(RS.FOGEND, f32Bits(4));
    set(RS.FOGDENSITY, f32Bits(0.125));
    set(RS.FOGCOLOR, 0xff808080);
    set(RS.SCISSORTESTENABLE, 1);
    set(RS.SHADEMODE, 2);
    set(RS.CLIPPLANEENABLE, 0xff);
    const clip = clipRect(s, vp, { x: 0, y: 10, w: 50, h: 10 });
    expect(clip).toEqual({ x0: 8, y0: 10, x1: 50, y1: 20 });
    expect(deriveRasterizerState(s, clip)).toEqual({
      cullMode: 1, frontWinding: 2, fillMode: 2, fillFace: 3, clip, depthBias: 0.25, slopeScaleDepthBias: 2, lastPixel: false, pointSprite: true,
    });
    const blend = { enable: true, srcFactor: 5, dstFactor: 6, equation: 3, separateAlpha: true, srcFactorAlpha: 2, dstFactorAlpha: 1, equationAlpha: 5 };
    expect(deriveOutputMergerState(s, { fogAllowed: true })).toEqual({
      depth: { enable: false, func: 2, write: false },
      stencil: {
        enable: true,
        twoSided: true,
        cw: { func: 3, fail: 2, zfail: 3, pass: 7 },
        ccw: { func: 6, fail: 8, zfail: 4, pass: 5 },
        ref: 0x80,
        mask: 0xf0,
        writeMask: 0x0f,
      },
      alphaTest: { enable: true, func: 7, ref: 0.5 },
      blend: [blend, blend, blend, blend],
      blendColor: 0x11223344,
      colorWriteMask: [0x1, 0x2, 0xf, 0],
      outputGamma: Math.fround(2.2),
      fog: { enable: true, func: 3, type: 2, depthSource: 'z', start: 0.5, end: 4, density: 0.125, color: 0xff808080 },
    });
    expect(deriveOutputMergerState(s, { fogAllowed: false }).fog.enable).toBe(false);
    expect(isFlatShaded(s)).toBe(false);
    expect(clipPlaneMask(s)).toBe(0x3f);
  });

  it('a scissor outside the viewport leaves an empty clip rectangle', () => {
    const s = defaults();
    s[RS.SCISSORTESTENABLE] = 1;
    expect(clipRect(s, vp, { x: 200, y: 0, w: 10, h: 10 })).toEqual({ x0: 200, y0: 4, x1: 200, y1: 10 });
  });

  it('point states as floats', () => {
    const s = defaults();
    s[RS.POINTSCALEENABLE] = 1;
    s[RS.POINTSCALE_B] = f32Bits(0.5);
    expect(derivePointState(s)).toEqual({ size: 1, min: 1, max: 64, scaleEnable: true, a: 1, b: 0.5, c: 0 });
  });
});
