import { describe, expect, it } from 'vitest';
import { CubeFace, cubeFace, cubeFaceCoords } from './cube-map.js';

function st(x: number, y: number, z: number): [number, number, number] {
  const out = new Float32Array(2);
  const face = cubeFace(x, y, z);
  cubeFaceCoords(face, x, y, z, out, 0);
  return [face, out[0] as number, out[1] as number];
}

describe('cube face selection', () => {
  it('picks the major axis and its sign', () => {
    expect(cubeFace(2, 1, -1)).toBe(CubeFace.POSX);
    expect(cubeFace(-2, 1, -1)).toBe(CubeFace.NEGX);
    expect(cubeFace(1, 2, -1)).toBe(CubeFace.POSY);
    expect(cubeFace(1, -2, -1)).toBe(CubeFace.NEGY);
    expect(cubeFace(1, -1, 2)).toBe(CubeFace.POSZ);
    expect(cubeFace(1, -1, -2)).toBe(CubeFace.NEGZ);
  });
  it('breaks ties towards X, then Y; −0 counts as positive', () => {
    expect(cubeFace(1, 1, 1)).toBe(CubeFace.POSX);
    expect(cubeFace(-1, 1, -1)).toBe(CubeFace.NEGX);
    expect(cubeFace(0.5, -1, 1)).toBe(CubeFace.NEGY);
    expect(cubeFace(-0, 0, 0)).toBe(CubeFace.POSX);
    expect(cubeFace(NaN, NaN, NaN)).toBe(CubeFace.POSZ);
  });
});

describe('(s, t) on each face (D3D9 table, t = 0 at the top)', () => {
  it('maps a direction with minor components (+1, −1) or (−1, +1) of half the major one', () => {
    // POSX: sc = −z, tc = −y.  (2, 1, −1) → sc = 1, tc = −1 → (0.75, 0.25).
    expect(st(2, 1, -1)).toEqual([CubeFace.POSX, 0.75, 0.25]);
    // NEGX: sc = z, tc = −y.  (−2, 1, −1) → sc = −1, tc = −1 → (0.25, 0.25).
    expect(st(-2, 1, -1)).toEqual([CubeFace.NEGX, 0.25, 0.25]);
    // POSY: sc = x, tc = z.  (1, 2, −1) → (0.75, 0.25).
    expect(st(1, 2, -1)).toEqual([CubeFace.POSY, 0.75, 0.25]);
    // NEGY: sc = x, tc = −z.  (1, −2, −1) → (0.75, 0.75).
    expect(st(1, -2, -1)).toEqual([CubeFace.NEGY, 0.75, 0.75]);
    // POSZ: sc = x, tc = −y.  (1, −1, 2) → (0.75, 0.75).
    expect(st(1, -1, 2)).toEqual([CubeFace.POSZ, 0.75, 0.75]);
    // NEGZ: sc = −x, tc = −y.  (1, −1, −2) → (0.25, 0.75).
    expect(st(1, -1, -2)).toEqual([CubeFace.NEGZ, 0.25, 0.75]);
  });
  it('puts the axis itself at the face centre and the zero vector at (0.5, 0.5)', () => {
    expect(st(0, 0, -5)).toEqual([CubeFace.NEGZ, 0.5, 0.5]);
    expect(st(0, 0, 0)).toEqual([CubeFace.POSX, 0.5, 0.5]);
    expect(st(Infinity, 1, 1)).toEqual([CubeFace.POSX, 0.5, 0.5]);
  });
  it('reaches the face edges at 45°', () => {
    expect(st(1, 1, 0)).toEqual([CubeFace.POSX, 0.5, 0]);
    expect(st(1, -1, 0)).toEqual([CubeFace.POSX, 0.5, 1]);
  });
});
