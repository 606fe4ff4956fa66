import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { blendColors, blendKernel } from './blend.js';
import { mergePixel, mergePixelReference, setupMerger, type MergerPixel } from './output-merger.js';
import type { FragmentOutput, RenderTarget } from './raster-interfaces.js';
import type { BlendTargetState, OutputMergerState, StencilFaceState } from './raster-state.js';
import { defaultOutputMergerState } from './raster-state.js';
import { bindRenderTargets } from './render-targets.js';
import { makeTarget, testContext } from './raster-test-support.js';

/** Float32 bit patterns, so NaN payloads and −0 count. */
const bits = (a: Float32Array): number[] => Array.from(new Uint32Array(Float32Array.from(a).buffer));

const channel = fc.oneof(fc.float({ min: -2, max: 2 }), fc.constantFrom(0, 1, 0.5, -0, Number.NaN, Infinity, -Infinity), fc.float());
const rgba = fc.tuple(channel, channel, channel, channel).map((c) => Float32Array.from(c));
// SVGA3dBlendOp 0..20 (0 and 14..17, 20 are unknown or dual-source), equations 0..6.
const factor = fc.integer({ min: 0, max: 20 });
const equation = fc.integer({ min: 0, max: 6 });
const blendState: fc.Arbitrary<BlendTargetState> = fc.record({
  enable: fc.boolean(),
  srcFactor: factor,
  dstFactor: factor,
  equation,
  separateAlpha: fc.boolean(),
  srcFactorAlpha: factor,
  dstFactorAlpha: factor,
  equationAlpha: equation,
});
// A quarter of the states take the uniform-factor ADD kernel's shape on purpose.
const uniform = fc.constantFrom(1, 2, 5, 6, 7, 8, 18, 19);
const kernelState: fc.Arbitrary<BlendTargetState> = fc.oneof(
  blendState,
  fc.record({ src: uniform, dst: uniform, eq: fc.constantFrom(1, 0, 9) }).map(({ src, dst, eq }) => ({
    enable: true,
    srcFactor: src,
    dstFactor: dst,
    equation: eq,
    separateAlpha: false,
    srcFactorAlpha: 1,
    dstFactorAlpha: 2,
    equationAlpha: 3,
  })),
);

describe('the blend kernel equals the generic blend', () => {
  test('worked example: SRCALPHA / INVSRCALPHA ADD of (1, 0, 0, 0.5) over (0, 0, 1, 1)', () => {
    const state: BlendTargetState = { enable: true, srcFactor: 5, dstFactor: 6, equation: 1, separateAlpha: false, srcFactorAlpha: 2, dstFactorAlpha: 1, equationAlpha: 1 };
    const out = new Float32Array(4);
    blendKernel(state)(Float32Array.of(1, 0, 0, 0.5), Float32Array.of(0, 0, 1, 1), new Float32Array(4), out);
    expect(Array.from(out)).toEqual([0.5, 0, 0.5, 0.75]);
  });
  test('differential: SRCALPHA / INVSRCALPHA ADD (its own kernel), random colours (fixed seed)', () => {
    const state: BlendTargetState = { enable: true, srcFactor: 5, dstFactor: 6, equation: 1, separateAlpha: false, srcFactorAlpha: 2, dstFactorAlpha: 1, equationAlpha: 1 };
    const kernel = blendKernel(state);
    fc.assert(
      fc.property(rgba, rgba, (s, d) => {
        const a = Float32Array.from(s);
        const b = Float32Array.from(s);
        kernel(a, d, new Float32Array(4), a);
        blendColors(state, b, d, new Float32Array(4), b);
        expect(bits(a)).toEqual(bits(b));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
  test('differential: random states, colours and constants, out aliasing src (fixed seed)', () => {
    fc.assert(
      fc.property(kernelState, rgba, rgba, rgba, (state, s, d, k) => {
        const a = Float32Array.from(s);
        const b = Float32Array.from(s);
        blendKernel(state)(a, d, k, a);
        blendColors(state, b, d, k, b);
        expect(bits(a)).toEqual(bits(b));
      }),
      { seed: 42, numRuns: 4000 },
    );
  });
});

// A8R8G8B8, X8R8G8B8, R5G6B5, ARGB_S23E8 (float), V8U8 (signed); Z_D24S8, Z_D16.
const COLOR_FORMATS = [2, 1, 3, 25, 20];
const face: fc.Arbitrary<StencilFaceState> = fc.record({
  func: fc.integer({ min: 0, max: 9 }),
  fail: fc.integer({ min: 0, max: 9 }),
  zfail: fc.integer({ min: 0, max: 9 }),
  pass: fc.integer({ min: 0, max: 9 }),
});
const stateArb: fc.Arbitrary<OutputMergerState> = fc
  .record({
    depth: fc.record({ enable: fc.boolean(), func: fc.integer({ min: 0, max: 9 }), write: fc.boolean() }),
    stencil: fc.record({
      enable: fc.boolean(),
      twoSided: fc.boolean(),
      cw: face,
      ccw: face,
      ref: fc.integer({ min: 0, max: 0xffffffff }),
      mask: fc.constantFrom(0xffffffff, 0x0f, 0),
      writeMask: fc.constantFrom(0xffffffff, 0xf0, 0),
    }),
    alphaTest: fc.record({ enable: fc.boolean(), func: fc.integer({ min: 0, max: 9 }), ref: fc.constantFrom(0, 0.5, 1, 0.25) }),
    blend: fc.array(kernelState, { minLength: 4, maxLength: 4 }),
    blendColor: fc.integer({ min: 0, max: 0xffffffff }),
    colorWriteMask: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 4, maxLength: 4 }),
    outputGamma: fc.constantFrom(1, 1, 2.2, 0.5),
    fog: fc.record({
      enable: fc.boolean(),
      func: fc.integer({ min: 0, max: 4 }),
      type: fc.integer({ min: 0, max: 2 }),
      depthSource: fc.constantFrom('z' as const, 'w' as const),
      start: fc.constantFrom(0, 0.25),
      end: fc.constantFrom(1, 0.75),
      density: fc.constantFrom(1, 2),
      color: fc.integer({ min: 0, max: 0xffffffff }),
    }),
  })
  .map((s) => ({ ...defaultOutputMergerState(), ...s }));

/** Two identical target sets from one seed: colour targets of the chosen formats, a depth-stencil of `ds`. */
function targets(formats: readonly number[], ds: number, seed: number): { colors: RenderTarget[]; depth: RenderTarget } {
  let s = seed;
  const noise = (t: RenderTarget): RenderTarget => {
    for (let i = 0; i < t.image.bytes.length; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      t.image.bytes[i] = s >>> 24;
    }
    return t;
  };
  return { colors: formats.map((f) => noise(makeTarget(f, 4, 2))), depth: noise(makeTarget(ds, 4, 2)) };
}

describe('the per-draw merger equals the per-pixel reference merger', () => {
  test('differential: random states, targets, fragments and pixel sequences (fixed seed)', () => {
    const fragment = fc.record({
      colors: fc.array(channel, { minLength: 64, maxLength: 64 }),
      depth: fc.array(fc.constantFrom(0, 0.25, 0.5, 1, 2, -1, Number.NaN), { minLength: 4, maxLength: 4 }),
      depthWritten: fc.boolean(),
      colorsWritten: fc.integer({ min: 0, max: 15 }),
      x: fc.integer({ min: 0, max: 3 }),
      y: fc.integer({ min: 0, max: 1 }),
      p: fc.integer({ min: 0, max: 3 }),
      z: fc.constantFrom(0, 0.3, 0.5, 0.7, 1),
      fogDistance: fc.constantFrom(0, 0.5, 1, 2),
      fogVertex: fc.constantFrom(1, 0.5, 0, Number.NaN),
      clockwise: fc.boolean(),
    });
    fc.assert(
      fc.property(
        stateArb,
        fc.array(fc.constantFrom(...COLOR_FORMATS), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(9, 8),
        fc.boolean(),
        fc.integer({ min: 0, max: 0x7fffffff }),
        fc.array(fragment, { minLength: 1, maxLength: 12 }),
        (state, formats, ds, withStencil, seed, frags) => {
          const runs = [mergePixel, mergePixelReference].map((merge) => {
            const t = targets(formats, ds, seed);
            const set = { colors: t.colors, depth: t.depth, ...(withStencil && ds === 9 ? { stencil: t.depth } : {}) };
            const bound = bindRenderTargets(set);
            if (typeof bound === 'string') throw new Error(bound);
            const ctx = testContext({ targets: set, output: state, layout: { count: 2, interpolation: [], fogVarying: 1 } });
            const m = setupMerger(ctx, bound);
            const counters = { samplesPassed: 0 };
            const results: boolean[] = [];
            for (const fr of frags) {
              const out: FragmentOutput = { colors: Float32Array.from(fr.colors), depth: Float32Array.from(fr.depth), depthWritten: fr.depthWritten, colorsWritten: fr.colorsWritten, killed: 0 };
              const px: MergerPixel = { x: fr.x, y: fr.y, p: fr.p, depth: fr.z, fogDistance: fr.fogDistance, fogVertex: fr.fogVertex, clockwise: fr.clockwise };
              results.push(merge(m, out, px, counters));
            }
            return { results, counters, bytes: [...t.colors, t.depth].map((r) => Array.from(r.image.bytes)) };
          });
          expect(runs[0]).toEqual(runs[1]);
        },
      ),
      { seed: 42, numRuns: 1500 },
    );
  });
});
