import { describe, expect, it } from 'vitest';
import { SVGA3dTextureAddress as A } from '../../svga3d-decoder/spec/enums-texture-state.js';
import { addressTexel, BORDER_TEXEL, linearFixed, pointTexel, texelPosition } from './texel-address.js';

const map = (mode: number, from: number, to: number, size: number): number[] => {
  const r: number[] = [];
  for (let i = from; i <= to; i++) r.push(addressTexel(mode, i, size));
  return r;
};

describe('address modes on a 4-texel axis, texels -5 … 8', () => {
  it('WRAP repeats', () => {
    expect(map(A.WRAP, -5, 8, 4)).toEqual([3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0]);
  });
  it('MIRROR reflects with period 8', () => {
    expect(map(A.MIRROR, -5, 8, 4)).toEqual([3, 3, 2, 1, 0, 0, 1, 2, 3, 3, 2, 1, 0, 0]);
  });
  it('CLAMP, EDGE, INVALID and unknown modes clamp to the edge texels', () => {
    const clamp = [0, 0, 0, 0, 0, 0, 1, 2, 3, 3, 3, 3, 3, 3];
    for (const mode of [A.CLAMP, A.EDGE, A.INVALID, 99, 0xffffffff]) expect(map(mode, -5, 8, 4)).toEqual(clamp);
  });
  it('BORDER marks every texel outside the image', () => {
    const b = BORDER_TEXEL;
    expect(map(A.BORDER, -5, 8, 4)).toEqual([b, b, b, b, b, 0, 1, 2, 3, b, b, b, b, b]);
  });
  it('MIRRORONCE mirrors about 0 once, then clamps', () => {
    expect(map(A.MIRRORONCE, -5, 8, 4)).toEqual([3, 3, 2, 1, 0, 0, 1, 2, 3, 3, 3, 3, 3, 3]);
  });
  it('stays exact at the ±2^31 extremes and returns int32 indices', () => {
    expect(addressTexel(A.WRAP, -(2 ** 31), 3)).toBe(1); // -2^31 = -715827883·3 + 1
    expect(addressTexel(A.MIRROR, 2 ** 31 - 1, 5)).toBe(2); // 2147483647 mod 10 = 7 → 9 − 7
  });
});

describe('fixed-point texel positions', () => {
  it('point sampling takes floor(coord × size): boundaries belong to the right-hand texel', () => {
    expect([0, 0.25, 0.5, 0.75, 1, -0.125, -0.25].map((u) => pointTexel(texelPosition(Math.fround(u), 4)))).toEqual([0, 1, 2, 3, 4, -1, -1]);
  });
  it('linear sampling quantises x − 0.5 to 1/256 of a texel, rounding down', () => {
    // 0.3 as float32 is 0.300000011920928955078125; × 4 × 256 = 307.2000122 → 307 − 128.
    expect(linearFixed(texelPosition(Math.fround(0.3), 4))).toBe(179);
    expect(linearFixed(texelPosition(0.125, 4))).toBe(0); // the centre of texel 0
    expect(linearFixed(texelPosition(-0.125, 4))).toBe(-256); // the centre of texel −1
  });
  it('maps NaN to 0 and clamps infinities to ±2^30 texels', () => {
    expect(texelPosition(NaN, 4)).toBe(0);
    expect(texelPosition(Infinity, 4)).toBe(2 ** 30);
    expect(texelPosition(-Infinity, 4)).toBe(-(2 ** 30));
  });
});
