import { describe, expect, it } from 'vitest';
import { interpolateLinear, interpolateWithWeights, perspectiveWeights } from './interpolate.js';

describe('interpolation', () => {
  it('interpolates depth affinely, rounded to float32', () => {
    expect(interpolateLinear(0.25, 0.25, 0.5, 0, 1, 0.1)).toBe(Math.fround(0.25 + 0.05));
  });

  it('re-weights by 1/w: the screen midpoint of an edge from w = 1 to w = 3 is a quarter of the way in eye space', () => {
    const w = new Float64Array(3);
    perspectiveWeights(0.5, 0.5, 0, 1, 1 / 3, 1, w);
    // p0 = 0.5, p1 = 1/6, sum = 2/3 → weights 3/4 and 1/4.
    expect(w[0]).toBeCloseTo(0.75, 15);
    expect(w[1]).toBeCloseTo(0.25, 15);
    expect(w[2]).toBe(0);
    expect(interpolateWithWeights(w, 0, 8, 100)).toBe(2);
  });

  it('equals the affine weights when every w is the same', () => {
    const w = new Float64Array(3);
    perspectiveWeights(0.2, 0.3, 0.5, 0.5, 0.5, 0.5, w);
    expect([...w]).toEqual([0.2, 0.3, 0.5]);
  });

  it('falls back to affine weights when the re-weighted sum vanishes', () => {
    const w = new Float64Array(3);
    perspectiveWeights(1, -1, 1, 1, 2, 1, w);
    expect([...w]).toEqual([1, -1, 1]);
  });
});
