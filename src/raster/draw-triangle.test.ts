import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SVGA3dSurfaceFormat as F } from '../formats/index.js';
import {
  SVGA3dBlendOp as B,
  SVGA3dCmpFunc as Cmp,
  SVGA3dFace as Face,
  SVGA3dFillModeType as Fill,
  SVGA3dFrontWinding as Winding,
} from '../svga3d-decoder/spec/enums.js';
import { maxDepthSlope, rasterizeTriangle } from './draw-triangle.js';
import { TriangleParts as Parts, type RasterVertex, type RenderTarget } from './raster-interfaces.js';
import { BLEND_OFF } from './raster-state.js';
import { makeTarget, pixelF32, pixelWord, setPixelWord, testContext, testStage, vtx } from './raster-test-support.js';
import { coversPixel, setupTriangle, type WindowPoint } from './setup-triangle.js';

const WHITE = [1, 1, 1, 1];

/** Pixels with a non-zero word, as "x,y", row by row. */
function written(rt: RenderTarget): string[] {
  const out: string[] = [];
  for (let y = 0; y < rt.image.height; y++) for (let x = 0; x < rt.image.width; x++) if (pixelWord(rt, x, y) !== 0) out.push(`${x},${y}`);
  return out;
}

// Clockwise on screen (x right, y down): right along the top, then down-left.
const CW: [RasterVertex, RasterVertex, RasterVertex] = [vtx(0, 0, 0, WHITE), vtx(4, 0, 0, WHITE), vtx(0, 4, 0, WHITE)];
const CCW: [RasterVertex, RasterVertex, RasterVertex] = [CW[0], CW[2], CW[1]];
/** The 10 pixel centres with x, y ≥ 0 and x + y < 4 (the hypotenuse is a bottom-right edge). */
const TRIANGLE_PIXELS = ['0,0', '1,0', '2,0', '3,0', '0,1', '1,1', '2,1', '0,2', '1,2', '0,3'];

describe('culling and facing', () => {
  function draws(tri: readonly RasterVertex[], cullMode: number, frontWinding: number): { drawn: boolean; vFace: number | undefined } {
    const rt = makeTarget(F.A8R8G8B8, 8, 8);
    const stage = testStage();
    rasterizeTriangle(tri[0]!, tri[1]!, tri[2]!, testContext({ targets: { colors: [rt] }, stage, rasterizer: { cullMode, frontWinding } }));
    return { drawn: written(rt).length === 10, vFace: stage.quads[0]?.vFace };
  }

  it('FRONTWINDING CW: CULLMODE NONE, FRONT, BACK, FRONT_BACK', () => {
    const table = [Face.NONE, Face.FRONT, Face.BACK, Face.FRONT_BACK].map((c) => [draws(CW, c, Winding.CW).drawn, draws(CCW, c, Winding.CW).drawn]);
    expect(table).toEqual([
      [true, true],
      [false, true],
      [true, false],
      [false, false],
    ]);
    expect(draws(CW, Face.NONE, Winding.CW).vFace).toBe(1);
    expect(draws(CCW, Face.NONE, Winding.CW).vFace).toBe(-1);
  });

  it('FRONTWINDING CCW: the counter-clockwise triangle is the front one', () => {
    const table = [Face.NONE, Face.FRONT, Face.BACK, Face.FRONT_BACK].map((c) => [draws(CW, c, Winding.CCW).drawn, draws(CCW, c, Winding.CCW).drawn]);
    expect(table).toEqual([
      [true, true],
      [true, false],
      [false, true],
      [false, false],
    ]);
    expect(draws(CW, Face.NONE, Winding.CCW).vFace).toBe(-1);
    expect(draws(CCW, Face.NONE, Winding.CCW).vFace).toBe(1);
  });

  it('treats unknown CULLMODE values as NONE', () => {
    expect(draws(CW, Face.INVALID, Winding.CW).drawn).toBe(true);
    expect(draws(CCW, 77, Winding.CW).drawn).toBe(true);
  });
});

describe('coverage, clip and fill modes', () => {
  it('fills with the top-left rule and hands the stage integer vPos per quad', () => {
    const rt = makeTarget(F.A8R8G8B8, 8, 8);
    const stage = testStage();
    const ctx = testContext({ targets: { colors: [rt] }, stage });
    rasterizeTriangle(...CW, ctx);
    expect(written(rt)).toEqual(TRIANGLE_PIXELS);
    expect(ctx.counters.samplesPassed).toBe(10);
    expect(stage.quads.map((q) => [q.x, q.y, q.mask])).toEqual([
      [0, 0, 0b1111],
      [2, 0, 0b0111],
      [0, 2, 0b0111],
    ]);
    expect(stage.quads[1]!.vPos).toEqual([2, 0, 3, 0, 2, 1, 3, 1]);
    expect(stage.quads[0]!.primitive).toBe('triangle');
  });

  it('writes only inside the clip rectangle', () => {
    const rt = makeTarget(F.A8R8G8B8, 8, 8);
    const ctx = testContext({ targets: { colors: [rt] }, rasterizer: { clip: { x0: 1, y0: 1, x1: 3, y1: 3 } } });
    rasterizeTriangle(vtx(-1, -1, 0, WHITE), vtx(9, -1, 0, WHITE), vtx(-1, 9, 0, WHITE), ctx);
    expect(written(rt)).toEqual(['1,1', '2,1', '1,2', '2,2']);
  });

  it('clips to the smallest bound target', () => {
    const rt = makeTarget(F.A8R8G8B8, 4, 4);
    const depth = makeTarget(F.Z_D16, 2, 3);
    const ctx = testContext({ targets: { colors: [rt], depth }, rasterizer: { clip: { x0: 0, y0: 0, x1: 4, y1: 4 } } });
    rasterizeTriangle(vtx(-1, -1, 0, WHITE), vtx(9, -1, 0, WHITE), vtx(-1, 9, 0, WHITE), ctx);
    expect(written(rt)).toEqual(['0,0', '1,0', '0,1', '1,1', '0,2', '1,2']);
  });

  it('LINE fill draws the three edges with the line rule', () => {
    const rt = makeTarget(F.A8R8G8B8, 8, 8);
    const stage = testStage();
    const ctx = testContext({ targets: { colors: [rt] }, stage, rasterizer: { fillMode: Fill.LINE, lastPixel: false } });
    rasterizeTriangle(...CW, ctx);
    // v0→v1: (0..3, 0); v1→v2 (x-major, leftwards): (4,0) (3,1) (2,2) (1,3); v2→v0 (y-major,
    // upwards): (0,4) (0,3) (0,2) (0,1).
    expect(written(rt)).toEqual(['0,0', '1,0', '2,0', '3,0', '4,0', '0,1', '3,1', '0,2', '2,2', '0,3', '1,3', '0,4']);
    expect(ctx.counters.samplesPassed).toBe(12);
    expect(stage.quads.every((q) => q.primitive === 'line' && q.vFace === 1)).toBe(true);
    // LASTPIXEL adds each edge's end pixel, each already drawn by the next edge.
    const last = testContext({ targets: { colors: [rt] }, rasterizer: { fillMode: Fill.LINE, lastPixel: true } });
    rasterizeTriangle(...CW, last);
    expect(last.counters.samplesPassed).toBe(15);
  });

  it('LINE fill keeps flat varyings of the triangle\'s first vertex on every edge', () => {
    const rt = makeTarget(F.A8R8G8B8, 8, 8);
    const ctx = testContext({ targets: { colors: [rt] }, layout: { count: 1, interpolation: ['flat'] }, rasterizer: { fillMode: Fill.LINE } });
    rasterizeTriangle(vtx(0, 0, 0, [1, 0, 0, 1]), vtx(4, 0, 0, [0, 1, 0, 1]), vtx(0, 4, 0, [0, 0, 1, 1]), ctx);
    const colours = new Set(written(rt).map((p) => pixelWord(rt, Number(p.split(',')[0]), Number(p.split(',')[1]))));
    expect([...colours]).toEqual([0xffff0000]);
  });

  it('POINT fill draws the three vertices as single pixels, keeping the triangle facing', () => {
    const rt = makeTarget(F.A8R8G8B8, 8, 8);
    const stage = testStage();
    rasterizeTriangle(...CCW, testContext({ targets: { colors: [rt] }, stage, rasterizer: { fillMode: Fill.POINT } }));
    expect(written(rt)).toEqual(['0,0', '4,0', '0,4']);
    expect(stage.quads.map((q) => [q.primitive, q.vFace])).toEqual([
      ['point', -1],
      ['point', -1],
      ['point', -1],
    ]);
  });

  it('draws nothing for degenerate or non-finite triangles, or refused targets', () => {
    const rt = makeTarget(F.A8R8G8B8, 8, 8);
    const ctx = testContext({ targets: { colors: [rt] } });
    rasterizeTriangle(vtx(0, 0, 0, WHITE), vtx(2, 2, 0, WHITE), vtx(4, 4, 0, WHITE), ctx);
    rasterizeTriangle(vtx(NaN, 0, 0, WHITE), vtx(4, 0, 0, WHITE), vtx(0, 4, 0, WHITE), ctx);
    const dxt = makeTarget(F.DXT1, 8, 8);
    rasterizeTriangle(...CW, testContext({ targets: { colors: [dxt] } }));
    expect(written(rt)).toEqual([]);
    expect(ctx.counters.quadsShaded).toBe(0);
  });
});

describe('fill-mode parts and face', () => {
  const order = (p: string) => {
    const [x, y] = p.split(',').map(Number);
    return y! * 8 + x!;
  };
  function drawn(tri: readonly RasterVertex[], rasterizer: Parameters<typeof testContext>[0]['rasterizer'], parts?: number): string[] {
    const rt = makeTarget(F.A8R8G8B8, 8, 8);
    const ctx = testContext({ targets: { colors: [rt] }, rasterizer: { cullMode: Face.NONE, lastPixel: false, ...rasterizer } });
    if (parts === undefined) rasterizeTriangle(tri[0]!, tri[1]!, tri[2]!, ctx);
    else rasterizeTriangle(tri[0]!, tri[1]!, tri[2]!, ctx, parts);
    return written(rt);
  }

  it('LINE fill draws only the flagged edges, each with the line rule', () => {
    const line = { fillMode: Fill.LINE };
    expect(drawn(CW, line, Parts.EDGE_01)).toEqual(['0,0', '1,0', '2,0', '3,0']);
    // v1→v2 (4,0) (3,1) (2,2) (1,3); v2→v0 (0,4) (0,3) (0,2) (0,1).
    expect(drawn(CW, line, Parts.EDGE_12)).toEqual(['4,0', '3,1', '2,2', '1,3']);
    expect(drawn(CW, line, Parts.EDGE_20)).toEqual(['0,1', '0,2', '0,3', '0,4']);
    expect(drawn(CW, line, Parts.EDGE_01 | Parts.EDGE_20 | Parts.VERTEX_0)).toEqual(['0,0', '1,0', '2,0', '3,0', '0,1', '0,2', '0,3', '0,4']);
    expect(drawn(CW, line, Parts.VERTEX_0 | Parts.VERTEX_1 | Parts.VERTEX_2)).toEqual([]);
    // The default is the whole triangle.
    expect(drawn(CW, line)).toEqual(drawn(CW, line, Parts.ALL));
    expect(drawn(CW, line)).toHaveLength(12);
  });

  it('POINT fill draws only the flagged vertices; FILL ignores the flags', () => {
    const point = { fillMode: Fill.POINT };
    expect(drawn(CW, point, Parts.VERTEX_1)).toEqual(['4,0']);
    expect(drawn(CW, point, Parts.VERTEX_0 | Parts.VERTEX_2 | Parts.EDGE_01)).toEqual(['0,0', '0,4']);
    expect(drawn(CW, point, Parts.EDGE_01 | Parts.EDGE_12 | Parts.EDGE_20)).toEqual([]);
    expect(drawn(CW, { fillMode: Fill.FILL }, 0)).toEqual(TRIANGLE_PIXELS);
  });

  it('property: a parts mask draws the union of its single parts, and bits above ALL are ignored', () => {
    const coord = fc.integer({ min: -8, max: 40 }).map((n) => n / 4);
    const point = fc.tuple(coord, coord);
    const cases = fc.record({
      tri: fc.array(point, { minLength: 3, maxLength: 3 }),
      parts: fc.nat({ max: 0xffffffff }),
      mode: fc.constantFrom(Fill.LINE, Fill.POINT),
      fillFace: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.nat({ max: 0xffff })),
      frontWinding: fc.constantFrom(Winding.CW, Winding.CCW),
      lastPixel: fc.boolean(),
    });
    const bad: string[] = [];
    fc.assert(
      fc.property(cases, ({ tri, parts, mode, fillFace, frontWinding, lastPixel }) => {
        const t = tri.map(([x, y]) => vtx(x, y, 0, WHITE));
        const state = { fillMode: mode, fillFace, frontWinding, lastPixel };
        const whole = drawn(t, state, parts);
        const single = [1, 2, 4, 8, 16, 32].filter((b) => (parts & b) !== 0).map((b) => drawn(t, state, b));
        const union = [...new Set(single.flat())].sort((p, q) => order(p) - order(q));
        // (A triangle its face half leaves filled ignores the parts, so each single draw fills it too.)
        if (single.length > 0 && whole.join() !== union.join()) bad.push(`${JSON.stringify({ tri, parts, mode, fillFace })}: ${whole.join(' ')} vs ${union.join(' ')}`);
        if (whole.join() !== drawn(t, state, parts & Parts.ALL).join()) bad.push(`high bits changed ${JSON.stringify({ tri, parts })}`);
      }),
      { seed: 42, numRuns: 200 },
    );
    expect(bad).toEqual([]);
  });

  it('FILLMODE face: the mode applies to the named facings, the others are filled', () => {
    // Under FRONTWINDING CW the CW triangle is front, the CCW one back.
    const wireCW = drawn(CW, { fillMode: Fill.LINE });
    const wireCCW = drawn(CCW, { fillMode: Fill.LINE });
    expect(wireCW).toHaveLength(12);
    expect(wireCCW).not.toEqual(TRIANGLE_PIXELS);
    const kind = (tri: readonly RasterVertex[], fillFace: number, wire: string[]): string => {
      const got = drawn(tri, { fillMode: Fill.LINE, fillFace });
      return got.join() === TRIANGLE_PIXELS.join() ? 'fill' : got.join() === wire.join() ? 'line' : `other ${got.join(' ')}`;
    };
    const table = [0, Face.NONE, Face.FRONT, Face.BACK, Face.FRONT_BACK, 5, 0xffff].map((face) => [kind(CW, face, wireCW), kind(CCW, face, wireCCW)]);
    expect(table).toEqual([
      ['line', 'line'],
      ['fill', 'fill'],
      ['line', 'fill'],
      ['fill', 'line'],
      ['line', 'line'],
      ['line', 'line'],
      ['line', 'line'],
    ]);
    // Facing follows FRONTWINDING: under CCW the CCW triangle is the front one.
    expect(drawn(CCW, { fillMode: Fill.POINT, fillFace: Face.FRONT, frontWinding: Winding.CCW })).toEqual(['0,0', '4,0', '0,4']);
    expect(drawn(CW, { fillMode: Fill.POINT, fillFace: Face.FRONT, frontWinding: Winding.CCW })).toEqual(TRIANGLE_PIXELS);
  });
});

describe('interpolation', () => {
  // Red, green, blue at v0 = (0,0), v1 = (4,0), v2 = (0,4); v1 at w = 3.
  function colorAt(x: number, y: number, mode: 'perspective' | 'linear' | 'flat'): number[] {
    const rt = makeTarget(F.ARGB_S23E8, 4, 4);
    const ctx = testContext({ targets: { colors: [rt] }, layout: { count: 1, interpolation: [mode] } });
    rasterizeTriangle(vtx(0, 0, 0, [1, 0, 0, 1]), vtx(4, 0, 0, [0, 1, 0, 1], 1 / 3), vtx(0, 4, 0, [0, 0, 1, 1]), ctx);
    return pixelF32(rt, x, y);
  }

  it('is perspective-correct, linear or flat (first vertex) as the layout says', () => {
    // Pixel (2,0): screen weights (1/2, 1/2, 0); re-weighted by 1/w: (1/2, 1/6)/(2/3) = (3/4, 1/4).
    expect(colorAt(2, 0, 'perspective')).toEqual([0.75, 0.25, 0, 1]);
    expect(colorAt(2, 0, 'linear')).toEqual([0.5, 0.5, 0, 1]);
    expect(colorAt(2, 0, 'flat')).toEqual([1, 0, 0, 1]);
    // Pixel (0,2) lies on the edge v0–v2, both at w = 1: halfway either way.
    expect(colorAt(0, 2, 'perspective')).toEqual([0.5, 0, 0.5, 1]);
  });
});

describe('depth bias', () => {
  // z = 0.25 + x/16 over the triangle: dz/dx = 1/16, dz/dy = 0.
  const tri: [RasterVertex, RasterVertex, RasterVertex] = [vtx(0, 0, 0.25, WHITE), vtx(8, 0, 0.75, WHITE), vtx(0, 8, 0.25, WHITE)];

  function depthCodes(depthBias: number, slopeScaleDepthBias: number): number[] {
    const depth = makeTarget(F.Z_D16, 8, 8);
    const ctx = testContext({
      targets: { colors: [], depth },
      rasterizer: { depthBias, slopeScaleDepthBias },
      output: { depth: { enable: true, func: Cmp.ALWAYS, write: true } },
    });
    rasterizeTriangle(...tri, ctx);
    return [pixelWord(depth, 0, 0), pixelWord(depth, 2, 1)];
  }

  it('measures the steepest depth slope per pixel', () => {
    expect(maxDepthSlope(...tri)).toBe(0.0625);
    expect(maxDepthSlope(tri[0], tri[2], tri[1])).toBe(0.0625);
  });

  it('adds DEPTHBIAS + SLOPESCALEDEPTHBIAS · max slope before quantising', () => {
    // No bias: 0.25 · 65535 = 16383.75 → 16384; (2,1): 0.375 · 65535 = 24575.625 → 24576.
    expect(depthCodes(0, 0)).toEqual([16384, 24576]);
    // Bias 0.0625 + 2 · 0.0625 = 0.1875: 0.4375 → 28671.5625 → 28672; 0.5625 → 36863.4375 → 36863.
    expect(depthCodes(0.0625, 2)).toEqual([28672, 36863]);
    // Clamped to [0, 1].
    expect(depthCodes(-1, 0)).toEqual([0, 0]);
    expect(depthCodes(0.5, 4)).toEqual([65535, 65535]);
    // Non-finite bias states count as 0.
    expect(depthCodes(NaN, Infinity)).toEqual([16384, 24576]);
  });
});

describe('occlusion counting', () => {
  it('counts samples passing depth and stencil only', () => {
    const depth = makeTarget(F.Z_D16, 8, 8);
    for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) setPixelWord(depth, x, y, x < 2 ? 0 : 65535);
    const ctx = testContext({ targets: { colors: [], depth }, output: { depth: { enable: true, func: Cmp.LESS, write: true } } });
    rasterizeTriangle(vtx(0, 0, 0.5, WHITE), vtx(4, 0, 0.5, WHITE), vtx(0, 4, 0.5, WHITE), ctx);
    // Of the 10 covered pixels, those with x < 2 (0,0) (1,0) (0,1) (1,1) (0,2) (1,2) (0,3) fail.
    expect(ctx.counters.samplesPassed).toBe(3);
    rasterizeTriangle(vtx(0, 0, 0.5, WHITE), vtx(4, 0, 0.5, WHITE), vtx(0, 4, 0.5, WHITE), ctx);
    expect(ctx.counters.samplesPassed).toBe(3);
  });
});

describe('shared edges with depth', () => {
  const coord = fc.integer({ min: 0, max: 16 * 256 }).map((v) => v / 256);
  const point = fc.record({ x: coord, y: coord });

  it('two coplanar triangles sharing an edge with LESS never write a pixel twice', () => {
    fc.assert(
      fc.property(point, point, point, point, fc.integer({ min: 1, max: 1000 }), (a, b, c, d, k) => {
        const quad = [a, b, c, d];
        const cross = (o: WindowPoint, p: WindowPoint, q: WindowPoint) => (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x);
        const signs = quad.map((_, i) => Math.sign(cross(quad[i]!, quad[(i + 1) % 4]!, quad[(i + 2) % 4]!)));
        fc.pre(signs.every((s) => s === signs[0] && s !== 0)); // strictly convex: the halves only share the edge a–c
        // A plane z = k/2000 + (x + y)/64 through all four vertices.
        const zAt = (p: WindowPoint) => k / 2000 + (p.x + p.y) / 64;
        const v = (p: WindowPoint) => vtx(p.x, p.y, zAt(p), [1, 0, 0, 0]);
        const rt = makeTarget(F.ARGB_S23E8, 16, 16);
        const depth = makeTarget(F.Z_D24S8, 16, 16);
        for (let y = 0; y < 16; y++) for (let x = 0; x < 16; x++) setPixelWord(depth, x, y, 0xffffff00);
        // Additive blending counts the writes of each pixel in R.
        const ctx = testContext({
          targets: { colors: [rt], depth },
          output: {
            depth: { enable: true, func: Cmp.LESS, write: true },
            blend: [{ ...BLEND_OFF, enable: true, srcFactor: B.ONE, dstFactor: B.ONE }],
          },
        });
        rasterizeTriangle(v(a), v(b), v(c), ctx);
        rasterizeTriangle(v(a), v(c), v(d), ctx);
        const clip = { x0: 0, y0: 0, x1: 16, y1: 16 };
        const t1 = setupTriangle(a, b, c, clip);
        const t2 = setupTriangle(a, c, d, clip);
        let total = 0;
        const wrong: string[] = [];
        for (let y = 0; y < 16; y++) {
          for (let x = 0; x < 16; x++) {
            const n = pixelF32(rt, x, y)[0]!;
            const covered = (t1 !== undefined && coversPixel(t1, x, y)) || (t2 !== undefined && coversPixel(t2, x, y));
            if (n !== (covered ? 1 : 0)) wrong.push(`${x},${y}: ${n} writes`);
            total += n;
          }
        }
        expect(wrong).toEqual([]);
        expect(ctx.counters.samplesPassed).toBe(total);
      }),
      { seed: 42, numRuns: 80 },
    );
  });
});
