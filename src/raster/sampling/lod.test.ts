import { describe, expect, it } from 'vitest';
import { SVGA3dTextureFilter as F } from '../../svga3d-decoder/spec/enums-texture-state.js';
import { anisotropicProbes, biasLod, levelFilter, lodFromLength2, selectMip, texelLength2, type MipSelection } from './lod.js';

const pick = (lod: number, mip: number, min: number = F.LINEAR, maxMip = 0, levels = 4): MipSelection => {
  const s: MipSelection = { level: -1, frac: -1 };
  selectMip(lod, mip, min, maxMip, levels, s);
  return s;
};

describe('LOD from derivatives', () => {
  it('measures squared texel-space lengths', () => {
    expect(texelLength2(0.25, 0, 0, 8, 8, 1)).toBe(4);
    expect(texelLength2(0.375, 0.5, 0, 8, 8, 1)).toBe(25); // (3, 4, 0)
    expect(texelLength2(0, 0, 0.5, 4, 4, 4)).toBe(4);
    expect(texelLength2(1e30, 0, 0, 8, 8, 1)).toBe(Infinity);
  });
  it('takes ½·log2 of the squared length with the float32 log2, NaN → 0', () => {
    expect(lodFromLength2(1)).toBe(0);
    expect(lodFromLength2(4)).toBe(1);
    expect(lodFromLength2(2)).toBe(0.5);
    expect(lodFromLength2(9)).toBe(Math.fround(3.169925001442312) / 2);
    expect(lodFromLength2(9)).toBe(Math.fround(1.584962500721156)); // same bits here
    expect(lodFromLength2(0)).toBe(-Infinity);
    expect(lodFromLength2(NaN)).toBe(0);
    expect(lodFromLength2(Infinity)).toBe(Infinity);
  });
  it('biases in float32 and clamps to ±64', () => {
    expect(biasLod(1, -1)).toBe(0);
    expect(biasLod(-Infinity, 3)).toBe(-64);
    expect(biasLod(Infinity, -Infinity)).toBe(0); // NaN → 0
    expect(biasLod(2, NaN)).toBe(2);
  });
});

describe('mip selection', () => {
  it('without mipmapping uses the base level TEXTURE_MIPMAP_LEVEL (clamped to the last level)', () => {
    expect(pick(3, F.NONE)).toEqual({ level: 0, frac: 0 });
    expect(pick(3, F.NONE, F.LINEAR, 2)).toEqual({ level: 2, frac: 0 });
    expect(pick(-3, F.NONE, F.LINEAR, 9)).toEqual({ level: 3, frac: 0 });
    expect(pick(-3, F.NONE, F.LINEAR, NaN)).toEqual({ level: 0, frac: 0 });
    expect(pick(-3, F.NONE, F.LINEAR, 1.5)).toEqual({ level: 1, frac: 0 });
    expect(pick(-3, F.NEAREST, F.LINEAR, Infinity)).toEqual({ level: 3, frac: 0 });
  });
  it('MINFILTER NONE disables mipmapping when minifying', () => {
    expect(pick(2, F.LINEAR, F.NONE)).toEqual({ level: 0, frac: 0 });
  });
  it('MIPFILTER POINT rounds to the nearest level; .5 goes up', () => {
    expect(pick(0, F.NEAREST)).toEqual({ level: 0, frac: 0 });
    expect(pick(0.49609375, F.NEAREST)).toEqual({ level: 0, frac: 0 });
    expect(pick(0.5, F.NEAREST)).toEqual({ level: 1, frac: 0 });
    expect(pick(1, F.NEAREST)).toEqual({ level: 1, frac: 0 });
    expect(pick(40, F.NEAREST)).toEqual({ level: 3, frac: 0 });
  });
  it('MIPFILTER LINEAR blends floor(lod) and the next level by the 8-bit fraction', () => {
    expect(pick(1, F.LINEAR)).toEqual({ level: 1, frac: 0 });
    expect(pick(Math.fround(1.584962500721156), F.LINEAR)).toEqual({ level: 1, frac: 149 });
    expect(pick(2.999, F.LINEAR)).toEqual({ level: 2, frac: 255 });
    expect(pick(3, F.LINEAR)).toEqual({ level: 3, frac: 0 });
    expect(pick(-1, F.LINEAR, F.LINEAR, 1)).toEqual({ level: 1, frac: 0 });
    expect(pick(1.5, F.ANISOTROPIC)).toEqual({ level: 1, frac: 128 });
    expect(pick(1.5, F.GAUSSIANQUAD)).toEqual({ level: 1, frac: 128 });
  });
  it('treats unknown MIPFILTER values as POINT', () => {
    expect(pick(1.5, 8)).toEqual({ level: 2, frac: 0 });
    expect(pick(1.25, 0xffffffff)).toEqual({ level: 1, frac: 0 });
  });
});

describe('filters and anisotropy', () => {
  it('maps filter values to point or linear', () => {
    expect([F.NONE, F.NEAREST, F.LINEAR, F.ANISOTROPIC, F.FLATCUBIC, F.GAUSSIANCUBIC, F.PYRAMIDALQUAD, F.GAUSSIANQUAD, 8, 0xffffffff].map(levelFilter)).toEqual(
      ['point', 'point', 'linear', 'linear', 'linear', 'linear', 'linear', 'linear', 'point', 'point'],
    );
  });
  it('counts probes as ceil(ρmax / ρmin) from squared lengths, capped by the level and by 16', () => {
    expect(anisotropicProbes(16, 1, 8)).toBe(4);
    expect(anisotropicProbes(4.5 * 4.5, 1, 8)).toBe(5);
    expect(anisotropicProbes(16.0001, 1, 8)).toBe(5);
    expect(anisotropicProbes(16, 1, 2)).toBe(2);
    expect(anisotropicProbes(16, 0, 8)).toBe(8);
    expect(anisotropicProbes(1e4, 1, 64)).toBe(16);
    expect(anisotropicProbes(0, 0, 8)).toBe(1);
    expect(anisotropicProbes(16, 1, 0)).toBe(1);
    expect(anisotropicProbes(Infinity, 1, 8)).toBe(8);
  });
});
