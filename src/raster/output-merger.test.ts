import { describe, expect, it } from 'vitest';
import { SVGA3dSurfaceFormat as F } from '../formats/index.js';
import {
  SVGA3dBlendEquation as Eq,
  SVGA3dBlendOp as B,
  SVGA3dCmpFunc as Cmp,
  SVGA3dFogFunction as Fog,
  SVGA3dFogType as FogType,
} from '../svga3d-decoder/spec/enums.js';
import { rasterizePoint } from './draw-point.js';
import type { RasterContext, RenderTarget } from './raster-interfaces.js';
import { BLEND_OFF, defaultOutputMergerState, type BlendTargetState, type FogState } from './raster-state.js';
import { makeTarget, pixelF32, pixelWord, setPixelF32, setPixelWord, testContext, testStage, vtx } from './raster-test-support.js';

const base = defaultOutputMergerState();

/** One pixel at (0, 0) of depth z with the given varyings. */
function probe(ctx: RasterContext, varyings: readonly number[], z = 0): void {
  rasterizePoint(vtx(0, 0, z, varyings), 1, ctx);
}

describe('blending in float32', () => {
  // Exact binary fractions, so every product and sum is exact and the float target stores it.
  const SRC = [0.5, 0.25, 0.75, 0.625];
  const DST = [0.125, 0.5, 0.375, 0.25];
  const blendColor = 0x00ff00ff; // A 0, R 1, G 0, B 1

  function blend(state: Partial<BlendTargetState>): number[] {
    const rt = makeTarget(F.ARGB_S23E8, 1, 1);
    setPixelF32(rt, 0, 0, DST);
    const ctx = testContext({ targets: { colors: [rt] }, output: { blend: [{ ...BLEND_OFF, enable: true, ...state }], blendColor } });
    probe(ctx, SRC);
    return pixelF32(rt, 0, 0);
  }

  it('every source factor (destination ZERO, ADD)', () => {
    const src = (factor: number) => blend({ srcFactor: factor, dstFactor: B.ZERO });
    expect(src(B.ZERO)).toEqual([0, 0, 0, 0]);
    expect(src(B.ONE)).toEqual(SRC);
    expect(src(B.SRCCOLOR)).toEqual([0.25, 0.0625, 0.5625, 0.390625]);
    expect(src(B.INVSRCCOLOR)).toEqual([0.25, 0.1875, 0.1875, 0.234375]);
    expect(src(B.SRCALPHA)).toEqual([0.3125, 0.15625, 0.46875, 0.390625]);
    expect(src(B.INVSRCALPHA)).toEqual([0.1875, 0.09375, 0.28125, 0.234375]);
    expect(src(B.DESTALPHA)).toEqual([0.125, 0.0625, 0.1875, 0.15625]);
    expect(src(B.INVDESTALPHA)).toEqual([0.375, 0.1875, 0.5625, 0.46875]);
    expect(src(B.DESTCOLOR)).toEqual([0.0625, 0.125, 0.28125, 0.15625]);
    expect(src(B.INVDESTCOLOR)).toEqual([0.4375, 0.125, 0.46875, 0.46875]);
    // f = min(As, 1 − Ad) = min(0.625, 0.75); alpha's factor is 1.
    expect(src(B.SRCALPHASAT)).toEqual([0.3125, 0.15625, 0.46875, 0.625]);
    expect(src(B.BLENDFACTOR)).toEqual([0.5, 0, 0.75, 0]);
    expect(src(B.INVBLENDFACTOR)).toEqual([0, 0.25, 0, 0.625]);
    expect(src(B.BLENDFACTORALPHA)).toEqual([0, 0, 0, 0]);
    expect(src(B.INVBLENDFACTORALPHA)).toEqual(SRC);
    expect(src(B.INVALID)).toEqual(SRC); // unknown source factors act as ONE
  });

  it('every destination factor (source ZERO, ADD)', () => {
    const dst = (factor: number) => blend({ srcFactor: B.ZERO, dstFactor: factor });
    expect(dst(B.ZERO)).toEqual([0, 0, 0, 0]);
    expect(dst(B.ONE)).toEqual(DST);
    expect(dst(B.SRCCOLOR)).toEqual([0.0625, 0.125, 0.28125, 0.15625]);
    expect(dst(B.INVSRCCOLOR)).toEqual([0.0625, 0.375, 0.09375, 0.09375]);
    expect(dst(B.SRCALPHA)).toEqual([0.078125, 0.3125, 0.234375, 0.15625]);
    expect(dst(B.INVSRCALPHA)).toEqual([0.046875, 0.1875, 0.140625, 0.09375]);
    expect(dst(B.DESTALPHA)).toEqual([0.03125, 0.125, 0.09375, 0.0625]);
    expect(dst(B.INVDESTALPHA)).toEqual([0.09375, 0.375, 0.28125, 0.1875]);
    expect(dst(B.DESTCOLOR)).toEqual([0.015625, 0.25, 0.140625, 0.0625]);
    expect(dst(B.INVDESTCOLOR)).toEqual([0.109375, 0.25, 0.234375, 0.1875]);
    expect(dst(B.SRCALPHASAT)).toEqual([0.078125, 0.3125, 0.234375, 0.25]);
    expect(dst(B.BLENDFACTOR)).toEqual([0.125, 0, 0.375, 0]);
    expect(dst(B.INVBLENDFACTOR)).toEqual([0, 0.5, 0, 0.25]);
    expect(dst(B.SRC1COLOR)).toEqual([0, 0, 0, 0]); // unknown destination factors act as ZERO
  });

  it('every equation; MINIMUM and MAXIMUM ignore the factors', () => {
    const eq = (equation: number, f: number = B.ONE) => blend({ srcFactor: f, dstFactor: f, equation });
    expect(eq(Eq.ADD)).toEqual([0.625, 0.75, 1.125, 0.875]);
    expect(eq(Eq.SUBTRACT)).toEqual([0.375, -0.25, 0.375, 0.375]);
    expect(eq(Eq.REVSUBTRACT)).toEqual([-0.375, 0.25, -0.375, -0.375]);
    expect(eq(Eq.MINIMUM, B.ZERO)).toEqual([0.125, 0.25, 0.375, 0.25]);
    expect(eq(Eq.MAXIMUM, B.ZERO)).toEqual([0.5, 0.5, 0.75, 0.625]);
    expect(eq(Eq.INVALID)).toEqual([0.625, 0.75, 1.125, 0.875]); // unknown: ADD
  });

  it('separate alpha blending uses its own factors and equation for alpha only', () => {
    const classic = { srcFactor: B.SRCALPHA, dstFactor: B.INVSRCALPHA };
    // RGB = src·0.625 + dst·0.375; alpha = dst·1 − src·1 = 0.25 − 0.625.
    expect(blend({ ...classic, separateAlpha: true, srcFactorAlpha: B.ONE, dstFactorAlpha: B.ONE, equationAlpha: Eq.REVSUBTRACT })).toEqual([
      0.359375, 0.34375, 0.609375, -0.375,
    ]);
    // Without it, alpha blends like colour: 0.625·0.625 + 0.25·0.375.
    expect(blend({ ...classic, srcFactorAlpha: B.ONE, dstFactorAlpha: B.ONE, equationAlpha: Eq.REVSUBTRACT })).toEqual([
      0.359375, 0.34375, 0.609375, 0.484375,
    ]);
  });

  it('reads unorm destinations as k/255 and packs with round-half-up', () => {
    const rt = makeTarget(F.A8R8G8B8, 1, 1);
    setPixelWord(rt, 0, 0, 0xcc336699); // A 204 (0.8), R 51 (0.2), G 102 (0.4), B 153 (0.6)
    const ctx = testContext({
      targets: { colors: [rt] },
      output: { blend: [{ ...BLEND_OFF, enable: true, srcFactor: B.SRCALPHA, dstFactor: B.INVSRCALPHA }] },
    });
    probe(ctx, [1, 0.5, 0.25, 0.5]);
    // R 0.5 + 0.1 = 0.6 → 153; G 0.25 + 0.2 = 0.45 → 114.75 → 115; B 0.125 + 0.3 = 0.425 →
    // 108.375 → 108; A 0.25 + 0.4 = 0.65 → 165.75 → 166.
    expect(pixelWord(rt, 0, 0)).toBe(0xa699736c);
  });

  it('reads destination alpha as 1 from formats without alpha', () => {
    const rt = makeTarget(F.X8R8G8B8, 1, 1);
    setPixelWord(rt, 0, 0, 0x00336699); // X byte 0
    const blend = (dstFactor: number) => [{ ...BLEND_OFF, enable: true, srcFactor: B.ZERO, dstFactor }];
    probe(testContext({ targets: { colors: [rt] }, output: { blend: blend(B.DESTALPHA) } }), [0.5, 0.5, 0.5, 0.5]);
    // RGB · 1 is kept; alpha 0 + 1 · 1 = 1 goes to the X byte.
    expect(pixelWord(rt, 0, 0)).toBe(0xff336699);
    probe(testContext({ targets: { colors: [rt] }, output: { blend: blend(B.INVDESTALPHA) } }), [0.5, 0.5, 0.5, 0.5]);
    expect(pixelWord(rt, 0, 0)).toBe(0);
  });

  it('clamps the source to [0, 1] for unorm targets before blending, not for float ones', () => {
    const unorm = makeTarget(F.A8R8G8B8, 1, 1);
    setPixelWord(unorm, 0, 0, 0x80808080);
    const add = { blend: [{ ...BLEND_OFF, enable: true, srcFactor: B.ONE, dstFactor: B.ONE, equation: Eq.REVSUBTRACT }] };
    probe(testContext({ targets: { colors: [unorm] }, output: add }), [2, -1, 0, 0]);
    // dst − src: 128/255 − 1 → 0; 128/255 − 0 → 128; 128/255 → 128; 128/255 → 128.
    expect(pixelWord(unorm, 0, 0)).toBe(0x80008080);
    const float = makeTarget(F.ARGB_S23E8, 1, 1);
    probe(testContext({ targets: { colors: [float] }, output: add }), [2, -1, 0, 0]);
    expect(pixelF32(float, 0, 0)).toEqual([-2, 1, 0, 0]);
  });
});

describe('colour writes', () => {
  function write(format: number, stored: number, rgba: number[], mask: number): number {
    const rt = makeTarget(format, 1, 1);
    setPixelWord(rt, 0, 0, stored);
    probe(testContext({ targets: { colors: [rt] }, output: { colorWriteMask: [mask] } }), rgba);
    return pixelWord(rt, 0, 0);
  }

  it('COLORWRITEENABLE leaves the stored bits of masked channels exactly', () => {
    expect(write(F.A8R8G8B8, 0x11223344, [1, 1, 1, 1], 0b0101)).toBe(0x11ff33ff);
    expect(write(F.A8R8G8B8, 0x11223344, [1, 1, 1, 1], 0)).toBe(0x11223344);
    expect(write(F.R5G6B5, 0, [1, 1, 1, 1], 0b0010)).toBe(0x07e0);
    expect(write(F.A1R5G5B5, 0x8000, [1, 0, 0, 0], 0b0001)).toBe(0xfc00);
    // X8R8G8B8's X byte is written from alpha, and so is masked with it.
    expect(write(F.X8R8G8B8, 0xab000000, [1, 1, 1, 0], 0b0111)).toBe(0xabffffff);
    expect(write(F.X8R8G8B8, 0xab000000, [1, 1, 1, 0], 0b1111)).toBe(0x00ffffff);
  });

  it('writes MRT COLOR0–1 from oC0–oC1 with per-target masks, and leaves unwritten targets', () => {
    const rt0 = makeTarget(F.A8R8G8B8, 1, 1);
    const rt1 = makeTarget(F.A8R8G8B8, 1, 1);
    const layout = { count: 2, interpolation: [] };
    const both = testContext({ targets: { colors: [rt0, rt1] }, layout, stage: testStage({ targets: 2 }), output: { colorWriteMask: [0xf, 0b1000] } });
    probe(both, [1, 0, 0, 1, 0, 1, 0, 0.5]);
    expect(pixelWord(rt0, 0, 0)).toBe(0xffff0000);
    expect(pixelWord(rt1, 0, 0)).toBe(0x80000000); // only alpha (0.5 → 128) written
    const one = testContext({ targets: { colors: [rt0, rt1] }, layout, stage: testStage({ targets: 1 }) });
    probe(one, [0, 0, 1, 1, 1, 1, 1, 1]);
    expect(pixelWord(rt0, 0, 0)).toBe(0xff0000ff);
    expect(pixelWord(rt1, 0, 0)).toBe(0x80000000); // oC1 not written: kept
  });

  it('OUTPUTGAMMA raises RGB to 1/gamma before blending and leaves alpha', () => {
    const rt = makeTarget(F.A8R8G8B8, 1, 1);
    probe(testContext({ targets: { colors: [rt] }, output: { outputGamma: 2 } }), [0.25, 1, 0, 0.25]);
    // 0.25^(1/2) = 0.5 → 127.5 → 128; alpha 0.25 → 63.75 → 64.
    expect(pixelWord(rt, 0, 0)).toBe(0x4080ff00);
    for (const gamma of [1, 0, -2, NaN]) {
      probe(testContext({ targets: { colors: [rt] }, output: { outputGamma: gamma } }), [0.25, 1, 0, 0.25]);
      expect(pixelWord(rt, 0, 0)).toBe(0x4040ff00);
    }
    // Before blending: 0.25 → 0.5, plus the stored 0.25 = 0.75 (after would be √0.5).
    const float = makeTarget(F.ARGB_S23E8, 1, 1);
    setPixelF32(float, 0, 0, [0.25, 0.25, 0.25, 0.25]);
    const blend = [{ ...BLEND_OFF, enable: true, srcFactor: B.ONE, dstFactor: B.ONE }];
    probe(testContext({ targets: { colors: [float] }, output: { outputGamma: 2, blend } }), [0.25, 0.25, 0.25, 0.25]);
    expect(pixelF32(float, 0, 0)).toEqual([0.75, 0.75, 0.75, 0.5]);
  });
});

describe('alpha test', () => {
  function passes(func: number, alpha: number, ref = 0.5, format: number = F.A8R8G8B8): boolean {
    const rt = makeTarget(format, 1, 1);
    const depth = makeTarget(F.Z_D16, 1, 1);
    const ctx = testContext({
      targets: { colors: [rt], depth },
      output: { alphaTest: { enable: true, func, ref }, depth: { enable: true, func: Cmp.ALWAYS, write: true } },
    });
    probe(ctx, [1, 1, 1, alpha], 1);
    const passed = ctx.counters.samplesPassed === 1;
    // A fragment that fails writes neither colour nor depth.
    expect(pixelWord(depth, 0, 0)).toBe(passed ? 65535 : 0);
    return passed;
  }

  it('compares oC0 alpha with ALPHAREF in float32 at the boundary', () => {
    const above = Math.fround(0.5 + 2 ** -24); // the next float32 above 0.5
    expect([Cmp.LESS, Cmp.LESSEQUAL, Cmp.EQUAL, Cmp.GREATER, Cmp.GREATEREQUAL, Cmp.NOTEQUAL].map((f) => passes(f, 0.5))).toEqual([
      false, true, true, false, true, false,
    ]);
    expect([Cmp.EQUAL, Cmp.GREATER].map((f) => passes(f, above))).toEqual([false, true]);
    expect(passes(Cmp.NEVER, 1)).toBe(false);
    expect(passes(Cmp.ALWAYS, 0)).toBe(true);
  });

  it('clamps alpha to [0, 1] for unorm COLOR0 but not for float COLOR0', () => {
    expect(passes(Cmp.EQUAL, 1.5, 1)).toBe(true);
    expect(passes(Cmp.EQUAL, 1.5, 1, F.ARGB_S23E8)).toBe(false);
  });
});

describe('fog', () => {
  const fogOff = base.fog;
  function fogged(fog: Partial<FogState>, z: number, varyings: number[] = [1, 0, 0, 1], invW = 1, fogVarying?: number): number {
    const rt = makeTarget(F.A8R8G8B8, 1, 1);
    const layout = fogVarying === undefined ? { count: varyings.length / 4, interpolation: [] } : { count: varyings.length / 4, interpolation: [], fogVarying };
    const ctx = testContext({ targets: { colors: [rt] }, layout, output: { fog: { ...fogOff, enable: true, color: 0xff0000ff, ...fog } } });
    rasterizePoint(vtx(0, 0, z, varyings, invW), 1, ctx);
    return pixelWord(rt, 0, 0);
  }

  it('LINEAR, EXP and EXP2 pixel fog from window depth', () => {
    const pixel = { type: FogType.PIXEL, start: 0, end: 1, density: 1 };
    // f = (1 − 0.25) / 1 = 0.75: R 191.25 → 191, B 63.75 → 64.
    expect(fogged({ ...pixel, func: Fog.LINEAR }, 0.25)).toBe(0xffbf0040);
    // f = e^−(0.5·2) = 0.36787944: R 93.81 → 94, B 161.19 → 161.
    expect(fogged({ ...pixel, func: Fog.EXP, density: 2 }, 0.5)).toBe(0xff5e00a1);
    // f = e^−(0.5·1)² = 0.77880078: R 198.59 → 199, B 56.41 → 56.
    expect(fogged({ ...pixel, func: Fog.EXP2 }, 0.5)).toBe(0xffc70038);
    // LINEAR with end = start: all fog from the end on.
    expect(fogged({ ...pixel, func: Fog.LINEAR, start: 0.5, end: 0.5 }, 0.25)).toBe(0xffff0000);
    expect(fogged({ ...pixel, func: Fog.LINEAR, start: 0.5, end: 0.5 }, 0.5)).toBe(0xff0000ff);
  });

  it('pixel fog from eye w (1 / interpolated 1/w) when the pipeline asks for it', () => {
    // w = 1 / 0.5 = 2; f = (3 − 2) / (3 − 1) = 0.5: R and B 127.5 → 128.
    expect(fogged({ type: FogType.PIXEL, func: Fog.LINEAR, depthSource: 'w', start: 1, end: 3 }, 0, [1, 0, 0, 1], 0.5)).toBe(0xff800080);
  });

  it('vertex fog reads the fog varying; no fog when disabled or without one', () => {
    // f = 0.25: R 63.75 → 64, B 191.25 → 191.
    expect(fogged({ type: FogType.VERTEX, func: Fog.LINEAR }, 0, [1, 0, 0, 1, 0.25, 0, 0, 0], 1, 1)).toBe(0xff4000bf);
    expect(fogged({ type: FogType.VERTEX, func: Fog.PER_VERTEX }, 0, [1, 0, 0, 1, 0.25, 0, 0, 0], 1, 1)).toBe(0xff4000bf);
    expect(fogged({ type: FogType.VERTEX, func: Fog.LINEAR }, 0, [1, 0, 0, 1, 0.25, 0, 0, 0])).toBe(0xffff0000);
    expect(fogged({ enable: false, type: FogType.PIXEL, func: Fog.LINEAR }, 0.25)).toBe(0xffff0000);
  });
});

describe('shader depth and kill', () => {
  function drawWithStage(stage: ReturnType<typeof testStage>, varyings: number[], z: number, depth: RenderTarget, bias = 0): RasterContext {
    const ctx = testContext({
      targets: { colors: [], depth },
      layout: { count: 2, interpolation: [] },
      stage,
      rasterizer: { depthBias: bias },
      output: { depth: { enable: true, func: Cmp.ALWAYS, write: true } },
    });
    probe(ctx, varyings, z);
    return ctx;
  }

  it('oDepth replaces the interpolated, biased depth and is clamped to [0, 1]', () => {
    const depth = makeTarget(F.Z_D16, 1, 1);
    drawWithStage(testStage({ depthFrom: 1 }), [0, 0, 0, 0, 0.25, 0, 0, 0], 0.9, depth, 0.125);
    expect(pixelWord(depth, 0, 0)).toBe(16384); // 0.25 · 65535 = 16383.75
    drawWithStage(testStage({ depthFrom: 1 }), [0, 0, 0, 0, 1.5, 0, 0, 0], 0, depth);
    expect(pixelWord(depth, 0, 0)).toBe(65535);
    drawWithStage(testStage({ depthFrom: 1 }), [0, 0, 0, 0, -1, 0, 0, 0], 1, depth);
    expect(pixelWord(depth, 0, 0)).toBe(0);
  });

  it('killed pixels write nothing and count nothing', () => {
    const depth = makeTarget(F.Z_D16, 1, 1);
    const ctx = drawWithStage(testStage({ killFrom: 1 }), [0, 0, 0, 0, 0, 0, 0, -1], 0.5, depth);
    expect(pixelWord(depth, 0, 0)).toBe(0);
    expect(ctx.counters.samplesPassed).toBe(0);
    expect(ctx.counters.quadsShaded).toBe(1);
  });
});
