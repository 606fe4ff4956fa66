import { describe, expect, it } from 'vitest';
import { f32Bits } from '../../common/f32-math.js';
import { SVGA3dTextureStateName as TS } from '../../svga3d-decoder/spec/enums-texture-state.js';
import { DEFAULT_SAMPLER_STATE, isSrgbGamma, samplerShape, samplerStateFromWords, SamplerTextureType as T } from './sampler-state.js';

describe('sampler state from texture-stage words', () => {
  const words = new Map<number, number>([
    [TS.ADDRESSU, 1], [TS.ADDRESSV, 4], [TS.ADDRESSW, 6],
    [TS.MAGFILTER, 2], [TS.MINFILTER, 3], [TS.MIPFILTER, 1],
    [TS.BORDERCOLOR, 0x80ff0000], [TS.TEXTURE_MIPMAP_LEVEL, 3],
    [TS.TEXTURE_LOD_BIAS, f32Bits(-0.5) >>> 0], [TS.TEXTURE_ANISOTROPIC_LEVEL, 8],
    [TS.GAMMA, f32Bits(2.2) >>> 0],
  ]);
  it('decodes every sampler-related state, floats from their bits', () => {
    expect(samplerStateFromWords((n) => words.get(n) ?? 0, T.VOLUME)).toEqual({
      addressU: 1, addressV: 4, addressW: 6, magFilter: 2, minFilter: 3, mipFilter: 1,
      borderColor: 0x80ff0000, maxMipLevel: 3, lodBias: -0.5, maxAnisotropy: 8,
      gamma: Math.fround(2.2), shape: 'volume', shadow: false,
    });
  });
  it('takes the shape and shadow flag from the DCL type', () => {
    const w = (n: number) => words.get(n) ?? 0;
    expect(samplerStateFromWords(w).shape).toBe('auto');
    expect(samplerStateFromWords(w, T.TEXTURE_2D).shape).toBe('2d');
    expect(samplerStateFromWords(w, T.CUBE).shape).toBe('cube');
    expect([samplerStateFromWords(w, T.TEXTURE_2D_SHADOW).shape, samplerStateFromWords(w, T.TEXTURE_2D_SHADOW).shadow]).toEqual(['2d', true]);
    expect([1, 6, 99].map(samplerShape)).toEqual(['2d', '2d', '2d']);
  });
  it('reads non-integer words as 0 and negative ones as u32', () => {
    const s = samplerStateFromWords((n) => (n === TS.ADDRESSU ? 1.5 : n === TS.BORDERCOLOR ? -1 : NaN));
    expect([s.addressU, s.borderColor, s.lodBias, s.gamma]).toEqual([0, 0xffffffff, 0, 0]);
  });
  it('matches the power-on stage defaults', () => {
    const defaults = new Map<number, number>([[TS.ADDRESSU, 1], [TS.ADDRESSV, 1], [TS.ADDRESSW, 1], [TS.MAGFILTER, 1], [TS.MINFILTER, 1], [TS.TEXTURE_ANISOTROPIC_LEVEL, 1], [TS.GAMMA, 0x3f800000]]);
    expect(samplerStateFromWords((n) => defaults.get(n) ?? 0)).toEqual(DEFAULT_SAMPLER_STATE);
  });
});

describe('GAMMA → sRGB rule', () => {
  it('decodes sRGB exactly when gamma > 1.5', () => {
    expect([2.2, 1.6, 3, Infinity].map(isSrgbGamma)).toEqual([true, true, true, true]);
    expect([1, 1.5, 0, -2.2, NaN, -Infinity].map(isSrgbGamma)).toEqual([false, false, false, false, false, false]);
  });
});
