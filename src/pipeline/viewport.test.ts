import { describe, expect, it } from 'vitest';
import { resolveViewport, toWindow, volumePlanes } from './viewport.js';
import { CLIP_GUARD_BAND } from './viewport.js';
import { GUARD_BAND_PIXELS } from '../raster/subpixel.js';

const pos = () => ({ x: 0, y: 0, z: 0, invW: 0 });

describe('resolveViewport', () => {
  it('clips SETVIEWPORT to the render target for pixels, keeps it for the transform; unset means the whole target', () => {
    expect(resolveViewport({ x: -10, y: 5, w: 50, h: 400 }, 32, 64, 0, 1)).toEqual({
      x: -10, y: 5, w: 50, h: 400, zMin: 0, zMax: 1, clip: { x0: 0, y0: 5, x1: 32, y1: 64 },
    });
    expect(resolveViewport(undefined, 32, 64, 0.25, 0.5)).toEqual({ x: 0, y: 0, w: 32, h: 64, zMin: 0.25, zMax: 0.5, clip: { x0: 0, y0: 0, x1: 32, y1: 64 } });
    expect(resolveViewport({ x: 40, y: 0, w: 8, h: 8 }, 32, 64, 0, 1)).toBeUndefined();
    expect(resolveViewport({ x: 0, y: 0, w: 0, h: 8 }, 32, 64, 0, 1)).toBeUndefined();
  });

  it('a NaN z range falls back to [0, 1]', () => {
    expect(resolveViewport(undefined, 4, 4, NaN, NaN)).toMatchObject({ zMin: 0, zMax: 1 });
  });
});

describe('toWindow: the D3D9 viewport transform with integer pixel centres', () => {
  const vp = { x: 10, y: 20, w: 100, h: 50, zMin: 0.25, zMax: 0.75, clip: { x0: 10, y0: 20, x1: 110, y1: 70 } };
  it('maps the clip volume corners and centre', () => {
    expect(toWindow(vp, 0, 0, 0, 1, pos())).toEqual({ x: 60, y: 45, z: 0.25, invW: 1 });
    expect(toWindow(vp, -1, 1, 1, 1, pos())).toEqual({ x: 10, y: 20, z: 0.75, invW: 1 });
    expect(toWindow(vp, 2, -2, 1, 2, pos())).toEqual({ x: 110, y: 70, z: 0.5, invW: 0.5 });
  });
});

describe('volumePlanes', () => {
  it('near z ≥ 0, far z ≤ w, and the guard band in x and y', () => {
    const vp = { x: 0, y: 0, w: 200, h: 100, zMin: 0, zMax: 1, clip: { x0: 0, y0: 0, x1: 200, y1: 100 } };
    const planes = volumePlanes(vp);
    expect(planes.slice(0, 2)).toEqual([[0, 0, 1, 0], [0, 0, -1, 1]]);
    // x/w at the band's edges: (±G − 0) / 100 − 1; y/w: 1 ∓ G / 50.
    const g = CLIP_GUARD_BAND;
    expect(planes.slice(2)).toEqual([[1, 0, 0, g / 100 + 1], [-1, 0, 0, g / 100 - 1], [0, 1, 0, g / 50 - 1], [0, -1, 0, 1 + g / 50]]);
    expect(CLIP_GUARD_BAND).toBeLessThan(GUARD_BAND_PIXELS);
  });
});
