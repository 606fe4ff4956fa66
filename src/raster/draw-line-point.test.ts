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

/** The pixels of the quads the fragment stage saw, in order, as "x,y" (mask bits in quad order). */
function shaded(quads: ReadonlyArray<{ x: number; y: number; mask: number }>): string[] {
  const out: string[] = [];
  for (const q of quads) for (let p = 0; p < 4; p++) if ((q.mask & (1 << p)) !== 0) out.push(`${q.x + (p & 1)},${q.y + (p >> 1)}`);
  return out;
}

// Every expectation below is worked out from the diamond rule of draw-line.ts: the diamond of
// pixel (c, r) is |x − c| + |y − r| < 1/2 plus its lower edges and bottom corner (and its right
// corner for y-major lines); a pixel is drawn when the segment meets its diamond and the end
// point is not inside it, or with LASTPIXEL when the end point is inside it.
describe('lines', () => {
  it('draw the first pixel of a centre-to-centre line and, with LASTPIXEL only, the last', () => {
    expect(line([0, 0], [4, 0])).toEqual(['0,0', '1,0', '2,0', '3,0']);
    expect(line([0, 0], [4, 0], { lastPixel: true })).toEqual(['0,0', '1,0', '2,0', '3,0', '4,0']);
    expect(line([4, 0], [0, 0])).toEqual(['1,0', '2,0', '3,0', '4,0']);
    expect(line([0, 5], [0, 1])).toEqual(['0,2', '0,3', '0,4', '0,5']);
    expect(line([0, 1], [0, 5], { lastPixel: true })).toEqual(['0,1', '0,2', '0,3', '0,4', '0,5']);
    // 45° (|dx| = |dy| is x-major): the line passes through the centres and no other diamond.
    expect(line([0, 0], [3, 3])).toEqual(['0,0', '1,1', '2,2']);
    expect(line([0, 0], [3, 3], { lastPixel: true })).toEqual(['0,0', '1,1', '2,2', '3,3']);
    expect(line([3, 3], [0, 0])).toEqual(['1,1', '2,2', '3,3']);
    expect(line([3, 0], [0, 3])).toEqual(['3,0', '2,1', '1,2']);
  });

  it('x-major lines through a bottom corner take the pixel above it', () => {
    // y = x/2: at x = 1 and 3 the line passes through (1, 0.5) and (3, 1.5), the bottom corners
    // of (1, 0) and (3, 1) (included) and the top corners of (1, 1) and (3, 2) (excluded).
    expect(line([0, 0], [4, 2])).toEqual(['0,0', '1,0', '2,1', '3,1']);
    expect(line([0, 0], [4, 2], { lastPixel: true })).toEqual(['0,0', '1,0', '2,1', '3,1', '4,2']);
    // Reversed: the same diamonds are met; now (4, 2) is the start and (0, 0) holds the end.
    expect(line([4, 2], [0, 0])).toEqual(['1,0', '2,1', '3,1', '4,2']);
    // Along y = 1.5 every point (c, 1.5) is the bottom corner of (c, 1); the end (4, 1.5) is in
    // the diamond of (4, 1).
    expect(line([0, 1.5], [4, 1.5])).toEqual(['0,1', '1,1', '2,1', '3,1']);
    expect(line([0, 1.5], [4, 1.5], { lastPixel: true })).toEqual(['0,1', '1,1', '2,1', '3,1', '4,1']);
  });

  it('45° lines along diamond edges cover the lower edges only', () => {
    // y = x − 0.5 runs along the lower-left edges of (1, 0) and (2, 1) and the upper-right edges
    // of (1, 1) and (2, 2); it touches the right corners of (0, 0), (1, 1), (2, 2) and the left
    // corners of (1, 0), (2, 1), (3, 2), all excluded for an x-major line. The end (2.5, 2) is in
    // no diamond, so LASTPIXEL adds nothing.
    expect(line([0.5, 0], [2.5, 2])).toEqual(['1,0', '2,1']);
    expect(line([0.5, 0], [2.5, 2], { lastPixel: true })).toEqual(['1,0', '2,1']);
    // y = 2.5 − x: the lower-right edges of (2, 0) and (1, 1), the upper-left ones of (2, 1) and
    // (1, 2); either direction gives the same pixels.
    expect(line([2.5, 0], [0.5, 2])).toEqual(['2,0', '1,1']);
    expect(line([0.5, 2], [2.5, 0])).toEqual(['2,0', '1,1']);
  });

  it('y-major lines include the right corner, x-major lines do not', () => {
    // x = 1.5: every (1.5, r) is the right corner of (1, r) (included) and the left corner of
    // (2, r) (excluded); the end (1.5, 4) is in the diamond of (1, 4).
    expect(line([1.5, 0], [1.5, 4])).toEqual(['1,0', '1,1', '1,2', '1,3']);
    expect(line([1.5, 0], [1.5, 4], { lastPixel: true })).toEqual(['1,0', '1,1', '1,2', '1,3', '1,4']);
    // x = y/4: (0.5, 2) is the right corner of (0, 2).
    expect(line([0, 0], [1, 4])).toEqual(['0,0', '0,1', '0,2', '1,3']);
    // x = 0.5 + y/2 starts on the right corner of (0, 0), passes the right corner of (1, 2) and
    // ends on the right corner of (2, 4): first pixel drawn, end pixel only with LASTPIXEL.
    expect(line([0.5, 0], [2.5, 4])).toEqual(['0,0', '1,1', '1,2', '2,3']);
    expect(line([0.5, 0], [2.5, 4], { lastPixel: true })).toEqual(['0,0', '1,1', '1,2', '2,3', '2,4']);
    // x-major y = (x − 0.5)/2 starts and ends on right corners, of (0, 0) and (4, 2), which are
    // excluded: (0, 0) is only touched there, (4, 2) is exited, and no diamond holds the end.
    expect(line([0.5, 0], [4.5, 2])).toEqual(['1,0', '2,1', '3,1', '4,2']);
    expect(line([0.5, 0], [4.5, 2], { lastPixel: true })).toEqual(['1,0', '2,1', '3,1', '4,2']);
    // y-major x = (y − 0.5)/2 from the bottom corner of (0, 0) (inside) to the bottom corner of
    // (2, 4) (inside): the start pixel is drawn, the end pixel only with LASTPIXEL.
    expect(line([0, 0.5], [2, 4.5])).toEqual(['0,0', '0,1', '1,2', '1,3']);
    expect(line([0, 0.5], [2, 4.5], { lastPixel: true })).toEqual(['0,0', '0,1', '1,2', '1,3', '2,4']);
  });

  it('endpoints on an included edge count as inside, on an excluded edge as outside', () => {
    // y = 0.25: the start (2.25, 0.25) is on the lower-right edge of (2, 0), the end (4.75, 0.25)
    // on the lower-left edge of (5, 0).
    expect(line([2.25, 0.25], [4.75, 0.25])).toEqual(['2,0', '3,0', '4,0']);
    expect(line([2.25, 0.25], [4.75, 0.25], { lastPixel: true })).toEqual(['2,0', '3,0', '4,0', '5,0']);
    // y = −0.25: the same points on the upper-right edge of (2, 0) and the upper-left edge of
    // (5, 0): (2, 0) is only touched there and the end lies in no diamond.
    expect(line([2.25, -0.25], [4.75, -0.25])).toEqual(['3,0', '4,0']);
    expect(line([2.25, -0.25], [4.75, -0.25], { lastPixel: true })).toEqual(['3,0', '4,0']);
    // y-major x = 0.25: the start is on the lower-right edge of (0, 2), the end (0.25, 4.75) on
    // the upper-right edge of (0, 5).
    expect(line([0.25, 2.25], [0.25, 4.75], { lastPixel: true })).toEqual(['0,2', '0,3', '0,4']);
    // Off-centre ends inside diamonds: (0.3, 0) in (0, 0), (4.3, 0) in (4, 0).
    expect(line([0.3, 0], [4.3, 0])).toEqual(['0,0', '1,0', '2,0', '3,0']);
    // Ends on the excluded left and right corners of x-major diamonds.
    expect(line([0.5, 0], [3.5, 0])).toEqual(['1,0', '2,0', '3,0']);
    expect(line([0.5, 0], [3.5, 0], { lastPixel: true })).toEqual(['1,0', '2,0', '3,0']);
  });

  it('draw nothing inside one diamond, or its pixel with LASTPIXEL, and nothing at zero length', () => {
    expect(line([0.4, 0], [0.45, 0])).toEqual([]);
    expect(line([0.4, 0], [0.45, 0], { lastPixel: true })).toEqual(['0,0']);
    expect(line([3.1, 3], [3.3, 3.1])).toEqual([]);
    expect(line([3.1, 3], [3.3, 3.1], { lastPixel: true })).toEqual(['3,3']);
    expect(line([2, 2], [2, 2], { lastPixel: true })).toEqual([]);
  });

  it('draw the shared pixel of two connected strip segments exactly once', () => {
    const rt = makeTarget(F.A8R8G8B8, 8, 8);
    const stage = testStage();
    const ctx = testContext({ targets: { colors: [rt] }, stage, rasterizer: { lastPixel: false } });
    // (0,0)→(3,1), x-major y = x/3: (0,0) (1,0) (2,1). (3,1)→(5,4), y-major x = 3 + 2(y − 1)/3:
    // (3,1) (4,2) (4,3). The shared end (3, 1) is drawn by the second segment only.
    rasterizeLine(vtx(0, 0, 0, WHITE), vtx(3, 1, 0, WHITE), ctx);
    rasterizeLine(vtx(3, 1, 0, WHITE), vtx(5, 4, 0, WHITE), ctx);
    expect(shaded(stage.quads)).toEqual(['0,0', '1,0', '2,1', '3,1', '4,2', '4,3']);
    expect(stage.quads.map((q) => [q.x, q.y, q.mask])).toEqual([[0, 0, 0b0011], [2, 0, 0b0100], [2, 0, 0b1000], [4, 2, 0b0101]]);
    // A shared point off the centres, on the lower-left edge of (3, 0): in its diamond for both.
    const other = testStage();
    const ctx2 = testContext({ targets: { colors: [makeTarget(F.A8R8G8B8, 8, 8)] }, stage: other, rasterizer: { lastPixel: false } });
    rasterizeLine(vtx(0, 0, 0, WHITE), vtx(2.75, 0.25, 0, WHITE), ctx2);
    rasterizeLine(vtx(2.75, 0.25, 0, WHITE), vtx(2.75, 3, 0, WHITE), ctx2);
    expect(shaded(other.quads)).toEqual(['0,0', '1,0', '2,0', '3,0', '3,1', '3,2']);
  });

  it('are clipped, and walk only the clip rectangle of a line across the guard band', () => {
    expect(line([0, 1], [8, 1], { clip: { x0: 2, y0: 0, x1: 5, y1: 8 } })).toEqual(['2,1', '3,1', '4,1']);
    expect(line([7, 1], [-3, 1], { clip: { x0: 2, y0: 0, x1: 5, y1: 8 } })).toEqual(['2,1', '3,1', '4,1']);
    // From (−32768, −32768) to (32768, 32767.5): y(c) = c − (c + 32768)/131072, so c − 1/4 a little
    // less at columns 0..7; the products reach 2^48 and stay exact.
    const stage = testStage();
    const rt = makeTarget(F.A8R8G8B8, 8, 8);
    rasterizeLine(vtx(-32768, -32768, 0, WHITE), vtx(32768, 32767.5, 0, WHITE), testContext({ targets: { colors: [rt] }, stage }));
    expect(written(rt)).toEqual(['0,0', '1,1', '2,2', '3,3', '4,4', '5,5', '6,6', '7,7']);
    // Two diagonal pixels per aligned quad.
    expect(stage.quads.map((q) => [q.x, q.y, q.mask])).toEqual([[0, 0, 0b1001], [2, 2, 0b1001], [4, 4, 0b1001], [6, 6, 0b1001]]);
  });

  it('group pixels into aligned quads in line order', () => {
    const rt = makeTarget(F.A8R8G8B8, 8, 8);
    const stage = testStage();
    rasterizeLine(vtx(0, 0, 0, WHITE), vtx(4, 2, 0, WHITE), testContext({ targets: { colors: [rt] }, stage, rasterizer: { lastPixel: false } }));
    // (0,0) (1,0) | (2,1) (3,1).
    expect(stage.quads.map((q) => [q.x, q.y, q.mask, q.primitive, q.vFace])).toEqual([
      [0, 0, 0b0011, 'line', 1],
      [2, 0, 0b1100, 'line', 1],
    ]);
    const up = testStage();
    rasterizeLine(vtx(5, 5, 0, WHITE), vtx(1, 1, 0, WHITE), testContext({ targets: { colors: [makeTarget(F.A8R8G8B8, 8, 8)] }, stage: up, rasterizer: { lastPixel: false } }));
    // (5,5) (4,4) | (3,3) (2,2): each quad once, from the start.
    expect(up.quads.map((q) => [q.x, q.y, q.mask])).toEqual([[4, 4, 0b1001], [2, 2, 0b1001]]);
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
