import { describe, expect, it } from 'vitest';
import { SVGA3dSurfaceFormat as F } from '../formats/index.js';
import { SVGA3dCmpFunc as Cmp } from '../svga3d-decoder/spec/enums.js';
import { rasterizeLine } from './draw-line.js';
import { rasterizePoint } from './draw-point.js';
import type { RasterVertex, RenderTarget } from './raster-interfaces.js';
import type { RasterizerState } from './raster-state.js';
import { makeTarget, pixelF32, pixelWord, testContext, testStage, vtx } from './raster-test-support.js';

const WHITE = [1, 1, 1, 1];

function written(rt: RenderTarget): string[] {
  const out: string[] = [];
  for (let y = 0; y < rt.image.height; y++) for (let x = 0; x < rt.image.width; x++) if (pixelWord(rt, x, y) !== 0) out.push(`${x},${y}`);
  return out;
}

function line(a: [number, number], b: [number, number], rasterizer: Partial<RasterizerState> = {}): string[] {
  const rt = makeTarget(F.A8R8G8B8, 8, 8);
  rasterizeLine(vtx(a[0], a[1], 0, WHITE), vtx(b[0], b[1], 0, WHITE), testContext({ targets: { colors: [rt] }, rasterizer: { lastPixel: false, ...rasterizer } }));
  return written(rt);
}

describe('lines', () => {
  it('draw the first pixel of a centre-to-centre line and, with LASTPIXEL only, the last', () => {
    expect(line([0, 0], [4, 0])).toEqual(['0,0', '1,0', '2,0', '3,0']);
    expect(line([0, 0], [4, 0], { lastPixel: true })).toEqual(['0,0', '1,0', '2,0', '3,0', '4,0']);
    expect(line([4, 0], [0, 0])).toEqual(['1,0', '2,0', '3,0', '4,0']);
    expect(line([0, 5], [0, 1])).toEqual(['0,2', '0,3', '0,4', '0,5']);
  });

  it('round the minor coordinate at each major pixel centre, halves towards +y', () => {
    // x-major: y = c/2 at columns 0..3: 0, 0.5 → 1, 1, 1.5 → 2.
    expect(line([0, 0], [4, 2])).toEqual(['0,0', '1,1', '2,1', '3,2']);
    expect(line([0, 0], [4, 2], { lastPixel: true })).toEqual(['0,0', '1,1', '2,1', '3,2', '4,2']);
    // y-major: x = r/4 at rows 0..3: 0, 0.25 → 0, 0.5 → 1, 0.75 → 1.
    expect(line([0, 0], [1, 4])).toEqual(['0,0', '0,1', '1,2', '1,3']);
    // |dx| = |dy| is x-major.
    expect(line([0, 0], [3, 3])).toEqual(['0,0', '1,1', '2,2']);
  });

  it('cover the major-axis pixels from round(start) to round(end), excluding the end', () => {
    expect(line([0.3, 0], [4.3, 0])).toEqual(['0,0', '1,0', '2,0', '3,0']);
    expect(line([0.5, 0], [3.5, 0])).toEqual(['1,0', '2,0', '3,0']);
    expect(line([0.4, 0], [0.45, 0])).toEqual([]);
    expect(line([0.4, 0], [0.45, 0], { lastPixel: true })).toEqual(['0,0']);
    expect(line([2, 2], [2, 2], { lastPixel: true })).toEqual([]); // zero length
  });

  it('are clipped', () => {
    expect(line([0, 1], [8, 1], { clip: { x0: 2, y0: 0, x1: 5, y1: 8 } })).toEqual(['2,1', '3,1', '4,1']);
    expect(line([7, 1], [-3, 1], { clip: { x0: 2, y0: 0, x1: 5, y1: 8 } })).toEqual(['2,1', '3,1', '4,1']);
  });

  it('group pixels into aligned quads in line order', () => {
    const rt = makeTarget(F.A8R8G8B8, 8, 8);
    const stage = testStage();
    rasterizeLine(vtx(0, 0, 0, WHITE), vtx(4, 2, 0, WHITE), testContext({ targets: { colors: [rt] }, stage, rasterizer: { lastPixel: false } }));
    expect(stage.quads.map((q) => [q.x, q.y, q.mask, q.primitive, q.vFace])).toEqual([
      [0, 0, 0b1001, 'line', 1],
      [2, 0, 0b0100, 'line', 1],
      [2, 2, 0b0010, 'line', 1],
    ]);
  });

  it('interpolate varyings perspective-correctly and depth linearly along the major axis', () => {
    const rt = makeTarget(F.ARGB_S23E8, 8, 1);
    const depth = makeTarget(F.Z_D16, 8, 1);
    const ctx = testContext({ targets: { colors: [rt], depth }, output: { depth: { enable: true, func: Cmp.ALWAYS, write: true } } });
    rasterizeLine(vtx(0, 0, 0, [1, 0, 0, 1]), vtx(4, 0, 1, [0, 0, 1, 1], 1 / 3), ctx);
    // t = c/4; with w = 3 at the end, t = 1/2 re-weights to (1/2, 1/6)/(2/3) = (3/4, 1/4).
    expect(pixelF32(rt, 2, 0)).toEqual([0.75, 0, 0.25, 1]);
    expect(pixelF32(rt, 0, 0)).toEqual([1, 0, 0, 1]);
    // Depth 0.5 → 32767.5 → 32768.
    expect(pixelWord(depth, 2, 0)).toBe(32768);
    const linear = makeTarget(F.ARGB_S23E8, 8, 1);
    const ctx2 = testContext({ targets: { colors: [linear] }, layout: { count: 1, interpolation: ['linear'] } });
    rasterizeLine(vtx(0, 0, 0, [1, 0, 0, 1]), vtx(4, 0, 1, [0, 0, 1, 1], 1 / 3), ctx2);
    expect(pixelF32(linear, 1, 0)).toEqual([0.75, 0, 0.25, 1]);
  });
});

function point(v: RasterVertex, size: number, rasterizer: Partial<RasterizerState> = {}): string[] {
  const rt = makeTarget(F.A8R8G8B8, 8, 8);
  rasterizePoint(v, size, testContext({ targets: { colors: [rt] }, rasterizer }));
  return written(rt);
}

describe('points', () => {
  it('cover the pixel centres of the square of side s with the top-left rule', () => {
    expect(point(vtx(3, 3, 0, WHITE), 1)).toEqual(['3,3']);
    // [3, 4) × [3, 4): the left and top edges are included.
    expect(point(vtx(3.5, 3.5, 0, WHITE), 1)).toEqual(['3,3']);
    // [2.9, 3.9) × [3.1, 4.1).
    expect(point(vtx(3.4, 3.6, 0, WHITE), 1)).toEqual(['3,4']);
    expect(point(vtx(3, 3, 0, WHITE), 2)).toEqual(['2,2', '3,2', '2,3', '3,3']);
    // [1.25, 4.75)²: columns and rows 2, 3, 4.
    expect(point(vtx(3, 3, 0, WHITE), 3.5)).toEqual(['2,2', '3,2', '4,2', '2,3', '3,3', '4,3', '2,4', '3,4', '4,4']);
  });

  it('draw nothing for sizes that are not positive and finite, and are clipped', () => {
    expect(point(vtx(3, 3, 0, WHITE), 0)).toEqual([]);
    expect(point(vtx(3, 3, 0, WHITE), -2)).toEqual([]);
    expect(point(vtx(3, 3, 0, WHITE), NaN)).toEqual([]);
    expect(point(vtx(3, 3, 0, WHITE), 1e30, { clip: { x0: 1, y0: 6, x1: 3, y1: 7 } })).toEqual(['1,6', '2,6']);
  });

  it('give sprite varyings (0,0) at the top-left corner to (1,1) at the bottom-right', () => {
    const rt = makeTarget(F.ARGB_S23E8, 8, 8);
    const layout = { count: 1, interpolation: [], spriteCoordVaryings: [0] };
    rasterizePoint(vtx(4, 4, 0, [9, 9, 9, 9]), 4, testContext({ targets: { colors: [rt] }, layout, rasterizer: { pointSprite: true } }));
    // Square [2, 6)²; pixel centres 2..5 at u = 0, 1/4, 1/2, 3/4.
    expect(pixelF32(rt, 2, 2)).toEqual([0, 0, 0, 1]);
    expect(pixelF32(rt, 5, 3)).toEqual([0.75, 0.25, 0, 1]);
    const odd = makeTarget(F.ARGB_S23E8, 8, 8);
    rasterizePoint(vtx(3, 3, 0, [9, 9, 9, 9]), 3.5, testContext({ targets: { colors: [odd] }, layout, rasterizer: { pointSprite: true } }));
    // Square [1.25, 4.75)²: pixel 2 at 0.75 / 3.5, pixel 4 at 2.75 / 3.5.
    expect(pixelF32(odd, 2, 4)).toEqual([Math.fround(0.75 / 3.5), Math.fround(2.75 / 3.5), 0, 1]);
    // Sprites off: the vertex's own value.
    const plain = makeTarget(F.ARGB_S23E8, 8, 8);
    rasterizePoint(vtx(4, 4, 0, [9, 9, 9, 9]), 4, testContext({ targets: { colors: [plain] }, layout }));
    expect(pixelF32(plain, 2, 2)).toEqual([9, 9, 9, 9]);
  });

  it('take the constant depth bias and are front-facing', () => {
    const depth = makeTarget(F.Z_D16, 8, 8);
    const stage = testStage();
    const ctx = testContext({
      targets: { colors: [], depth },
      stage,
      rasterizer: { depthBias: 0.125, slopeScaleDepthBias: 100 },
      output: { depth: { enable: true, func: Cmp.ALWAYS, write: true } },
    });
    rasterizePoint(vtx(1, 1, 0.25, WHITE), 1, ctx);
    expect(pixelWord(depth, 1, 1)).toBe(24576); // 0.375 · 65535 = 24575.625
    expect(stage.quads.map((q) => [q.x, q.y, q.mask, q.primitive, q.vFace])).toEqual([[0, 0, 0b1000, 'point', 1]]);
  });
});
