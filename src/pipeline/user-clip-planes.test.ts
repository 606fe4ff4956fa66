import { describe, expect, it } from 'vitest';
import { invert4, userClipPlanes } from './user-clip-planes.js';

function transforms(view: number[], projection: number[]): Float32Array {
  const t = new Float32Array(15 * 16);
  t.set(view, 2 * 16);
  t.set(projection, 3 * 16);
  return t;
}
const I = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

describe('user clip planes', () => {
  const planes = new Float32Array(24);
  planes.set([1, 0, 0, -2], 0);
  planes.set([0, 1, 0, 0], 4);
  planes.set([0, 0, 1, 3], 20);

  it('with a vertex shader: clip space, as given, only the enabled ones', () => {
    expect(userClipPlanes(planes, 0b100001, false, transforms(I, I))).toEqual([[1, 0, 0, -2], [0, 0, 1, 3]]);
    expect(userClipPlanes(planes, 0, false, transforms(I, I))).toEqual([]);
  });

  it('with fixed function: world planes moved to clip space by (VIEW · PROJECTION)⁻¹', () => {
    // VIEW translates by +5 in x (row vectors: translation in elements 12–14), PROJECTION scales x by 2.
    const view = [...I];
    view[12] = 5;
    const projection = [...I];
    projection[0] = 2;
    // World x ≥ 2 ⇔ clip x = 2·(x + 5) ≥ 14 ⇔ 0.5·x_clip − 7·w ≥ 0.
    expect(userClipPlanes(planes, 1, true, transforms(view, projection))).toEqual([[0.5, 0, 0, -7]]);
  });

  it('a singular matrix has no inverse', () => {
    expect(invert4(new Array(16).fill(0))).toBeUndefined();
    expect(Array.from(invert4([2, 0, 0, 0, 0, 4, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1])!)).toEqual([0.5, 0, 0, 0, 0, 0.25, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
  });
});
