import { describe, expect, it } from 'vitest';
import { pointSize, scaledPointSize } from './point-size.js';

const p = { size: 4, min: 1, max: 64, scaleEnable: false, a: 1, b: 0, c: 0 };

describe('point sizes', () => {
  it('the vertex size, else POINTSIZE, clamped to [POINTSIZEMIN, POINTSIZEMAX]', () => {
    expect(pointSize(p, undefined, 100)).toBe(4);
    expect(pointSize(p, 9.5, 100)).toBe(9.5);
    expect(pointSize(p, 0.25, 100)).toBe(1);
    expect(pointSize(p, 1000, 100)).toBe(64);
    expect(pointSize(p, NaN, 100)).toBe(1);
    expect(pointSize({ ...p, max: 1e9 }, 1000, 100)).toBe(256);
  });

  it('fixed-function scaling: Vh · Si · sqrt(1 / (A + B·De + C·De²))', () => {
    // A 0, B 0, C 1: sqrt(1 / De²) = 1 / De; 100 · 4 / 8 = 50.
    const scaled = { ...p, scaleEnable: true, a: 0, c: 1 };
    expect(scaledPointSize(4, 8, 100, scaled)).toBe(50);
    expect(pointSize(scaled, undefined, 100, 8)).toBe(50);
    // Scaling applies only with an eye distance (fixed function), never to shader points.
    expect(pointSize(scaled, undefined, 100)).toBe(4);
    // A zero denominator leaves the size alone.
    expect(scaledPointSize(4, 0, 100, scaled)).toBe(4);
  });
});
