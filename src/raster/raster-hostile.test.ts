import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SVGA3dSurfaceFormat as F } from '../formats/index.js';
import { rasterizeLine } from './draw-line.js';
import { rasterizePoint } from './draw-point.js';
import { rasterizeTriangle } from './draw-triangle.js';
import type { RasterContext, RasterVertex, RenderTarget } from './raster-interfaces.js';
import { defaultOutputMergerState, type OutputMergerState, type RasterizerState } from './raster-state.js';
import { fillTarget, makeTarget, testContext, testStage } from './raster-test-support.js';

// Guest-controlled numbers: ordinary, extreme and non-finite.
const wild = fc.oneof(
  { arbitrary: fc.integer({ min: -8 * 256, max: 20 * 256 }).map((v) => v / 256), weight: 4 },
  { arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 1e30, -1e30, 0, -0, 2 ** 15, -(2 ** 15), 3.4e38), weight: 1 },
);
const small = fc.integer({ min: -2, max: 14 });
const u32 = fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 0xffffffff }));
/** A comparison function: mostly ALWAYS (so fragments get through), sometimes anything. */
const func = fc.oneof({ arbitrary: fc.constant(8), weight: 3 }, { arbitrary: u32, weight: 1 });
const vertex = fc.record({
  x: wild,
  y: wild,
  z: wild,
  invW: wild,
  varyings: fc.array(wild, { maxLength: 12 }).map((a) => Float32Array.from(a)),
});

interface Draw {
  kind: 'tri' | 'line' | 'point';
  v: RasterVertex[];
  size: number;
}

const draw = fc.record({
  kind: fc.constantFrom<'tri' | 'line' | 'point'>('tri', 'line', 'point'),
  v: fc.array(vertex, { minLength: 3, maxLength: 3 }),
  size: wild,
});

const stateArb = fc.record({
  cullMode: u32,
  frontWinding: u32,
  fillMode: u32,
  depthBias: wild,
  slopeScaleDepthBias: wild,
  lastPixel: fc.boolean(),
  pointSprite: fc.boolean(),
  clip: fc.oneof(
    fc.constant({ x0: 0, y0: 0, x1: 12, y1: 10 }),
    fc.record({ x0: small, y0: small, x1: small, y1: small }),
    fc.record({ x0: wild, y0: wild, x1: wild, y1: wild }),
  ),
  zfunc: func,
  stencilFunc: func,
  alphaFunc: func,
  stencilOp: u32,
  ref: u32,
  blendOp: u32,
  equation: u32,
  gamma: wild,
  fogFunc: u32,
  fogType: u32,
  count: fc.oneof(fc.integer({ min: -3, max: 40 }), fc.constant(NaN)),
});

function run(s: typeof stateArb extends fc.Arbitrary<infer T> ? T : never, draws: Draw[]): { color: RenderTarget; ds: RenderTarget; ctx: RasterContext } {
  const color = makeTarget(F.A8R8G8B8, 12, 10);
  const ds = makeTarget(F.Z_D24S8, 12, 10);
  fillTarget(color, 0x5a5a5a5a);
  const base = defaultOutputMergerState();
  const face = { func: s.stencilFunc, fail: s.stencilOp, zfail: s.stencilOp ^ 1, pass: s.stencilOp ^ 2 };
  const blend = { enable: true, srcFactor: s.blendOp, dstFactor: s.blendOp ^ 3, equation: s.equation, separateAlpha: true, srcFactorAlpha: s.blendOp ^ 1, dstFactorAlpha: s.blendOp, equationAlpha: s.equation ^ 1 };
  const output: Partial<OutputMergerState> = {
    depth: { enable: true, func: s.zfunc, write: true },
    stencil: { enable: true, twoSided: true, cw: face, ccw: face, ref: s.ref, mask: s.ref ^ 0xff, writeMask: s.ref },
    alphaTest: { enable: true, func: s.alphaFunc, ref: s.gamma },
    blend: [blend],
    outputGamma: s.gamma,
    fog: { ...base.fog, enable: true, func: s.fogFunc & 7, type: s.fogType & 3, start: s.gamma, end: s.depthBias, density: s.slopeScaleDepthBias },
  };
  const rasterizer: Partial<RasterizerState> = {
    cullMode: s.cullMode,
    frontWinding: s.frontWinding,
    fillMode: s.fillMode,
    depthBias: s.depthBias,
    slopeScaleDepthBias: s.slopeScaleDepthBias,
    lastPixel: s.lastPixel,
    pointSprite: s.pointSprite,
    clip: s.clip,
  };
  const ctx = testContext({
    targets: { colors: [color], depth: ds, stencil: ds },
    rasterizer,
    output,
    layout: { count: s.count, interpolation: ['flat', 'linear'], spriteCoordVaryings: [0, -1, 99, 0.5], fogVarying: 1 },
    stage: testStage({ targets: 2, depthFrom: 1, killFrom: 2 }),
  });
  for (const d of draws) {
    const [a, b, c] = d.v as [RasterVertex, RasterVertex, RasterVertex];
    if (d.kind === 'tri') rasterizeTriangle(a, b, c, ctx);
    else if (d.kind === 'line') rasterizeLine(a, b, ctx);
    else rasterizePoint(a, d.size, ctx);
  }
  return { color, ds, ctx };
}

describe('hostile geometry and state', () => {
  it('never throws, never writes outside the clip rectangle, and repeats exactly', () => {
    let drew = 0;
    fc.assert(
      fc.property(stateArb, fc.array(draw, { minLength: 1, maxLength: 6 }), (s, draws) => {
        const first = run(s, draws);
        const again = run(s, draws);
        expect(again.color.image.bytes).toEqual(first.color.image.bytes);
        expect(again.ds.image.bytes).toEqual(first.ds.image.bytes);
        expect(again.ctx.counters).toEqual(first.ctx.counters);
        const c = s.clip;
        const touched: string[] = [];
        for (let y = 0; y < 10; y++) {
          for (let x = 0; x < 12; x++) {
            const inside = x >= Math.ceil(c.x0) && x < Math.ceil(c.x1) && y >= Math.ceil(c.y0) && y < Math.ceil(c.y1);
            if (inside) continue;
            const at = (y * 12 + x) * 4;
            for (let i = at; i < at + 4; i++) {
              if (first.color.image.bytes[i] !== 0x5a || first.ds.image.bytes[i] !== 0) touched.push(`${x},${y}`);
            }
          }
        }
        expect(touched).toEqual([]);
        if (first.ctx.counters.samplesPassed > 0) drew++;
        expect(Number.isInteger(first.ctx.counters.samplesPassed)).toBe(true);
        expect(first.ctx.counters.samplesPassed).toBeLessThanOrEqual(first.ctx.counters.quadsShaded * 4);
      }),
      { seed: 42, numRuns: 120 },
    );
    // The generator must reach the output merger often enough to mean something.
    expect(drew).toBeGreaterThan(20);
  });
});
