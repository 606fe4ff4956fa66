import { beforeEach, describe, expect, it } from 'vitest';
import { SVGA3dRenderStateName as RS } from '../../svga3d-decoder/spec/enums-render-state.js';
import {
  SVGA3dTextureArgData as TA,
  SVGA3dTextureCombiner as TC,
  SVGA3dTextureStateName as TS,
} from '../../svga3d-decoder/spec/enums-texture-state.js';
import { buildFixedFunctionPixelProgram, clearFixedFunctionCaches } from './fixed-function.js';
import { FakeSampler, newContext, runPixel, setRs, setTs, setTsFloat, validationErrors } from './ff-test-support.js';
import type { ContextState } from '../../device/contexts/context-state.js';

// Dyadic inputs: every D3D9 formula below is exact in float32, so results compare exactly.
const D = [0.5, 0.25, 0.75, 0.5];
const T = [0.25, 0.5, 0.125, 0.75];
const S = [0.75, 0.125, 0.5, 0.25];
const T1 = [0.375, 0.625, 1, 0.5];
const sat = (x: number): number => Math.min(1, Math.max(0, x));

function run(ctx: ContextState, textures: number[] = [2, 2], t?: (number[] | undefined)[]): number[] {
  const p = buildFixedFunctionPixelProgram(ctx, { textures });
  expect(validationErrors(p.program)).toEqual([]);
  return runPixel(p.program, p.constants, { diffuse: D, specular: S, texcoord: t ?? [] }, new FakeSampler({ 0: T, 1: T1 }));
}

function stage(ctx: ContextState, s: number, colorOp: number, alphaOp: number, a1: number, a2: number, a0: number = TA.PREVIOUS): void {
  setTs(ctx, s, TS.COLOROP, colorOp);
  setTs(ctx, s, TS.ALPHAOP, alphaOp);
  setTs(ctx, s, TS.COLORARG1, a1);
  setTs(ctx, s, TS.COLORARG2, a2);
  setTs(ctx, s, TS.COLORARG0, a0);
  setTs(ctx, s, TS.ALPHAARG1, a1);
  setTs(ctx, s, TS.ALPHAARG2, a2);
  setTs(ctx, s, TS.ALPHAARG0, a0);
}

beforeEach(() => clearFixedFunctionCaches());

describe('texture combiners (arg1 TEXTURE, arg2 DIFFUSE, arg0 SPECULAR; SVGA op numbers)', () => {
  // Per channel c: t = texel, d = diffuse, s = specular, and their alphas ta, da.
  type F = (t: number, d: number, s: number, ta: number, da: number, next: number) => number;
  const cases: [string, number, F][] = [
    ['SELECTARG1', TC.SELECTARG1, (t) => t],
    ['SELECTARG2', TC.SELECTARG2, (_t, d) => d],
    ['MODULATE', TC.MODULATE, (t, d) => t * d],
    ['ADD', TC.ADD, (t, d) => t + d],
    ['ADDSIGNED', TC.ADDSIGNED, (t, d) => t + d - 0.5],
    ['SUBTRACT', TC.SUBTRACT, (t, d) => t - d],
    ['BLENDTEXTUREALPHA', TC.BLENDTEXTUREALPHA, (t, d, _s, ta) => t * ta + d * (1 - ta)],
    ['BLENDDIFFUSEALPHA', TC.BLENDDIFFUSEALPHA, (t, d, _s, _ta, da) => t * da + d * (1 - da)],
    // On stage 0 the current colour is the diffuse colour.
    ['BLENDCURRENTALPHA', TC.BLENDCURRENTALPHA, (t, d, _s, _ta, da) => t * da + d * (1 - da)],
    ['MODULATE2X', TC.MODULATE2X, (t, d) => 2 * t * d],
    ['MODULATE4X', TC.MODULATE4X, (t, d) => 4 * t * d],
    ['BLENDTEXTUREALPHAPM', TC.BLENDTEXTUREALPHAPM, (t, d, _s, ta) => t + d * (1 - ta)],
    ['ADDSIGNED2X', TC.ADDSIGNED2X, (t, d) => 2 * (t + d - 0.5)],
    ['ADDSMOOTH', TC.ADDSMOOTH, (t, d) => t + d - t * d],
    ['PREMODULATE', TC.PREMODULATE, (t, _d, _s, _ta, _da, next) => t * next],
    ['MODULATEALPHA_ADDCOLOR', TC.MODULATEALPHA_ADDCOLOR, (t, d, _s, ta) => t + ta * d],
    ['MODULATECOLOR_ADDALPHA', TC.MODULATECOLOR_ADDALPHA, (t, d, _s, ta) => t * d + ta],
    ['MODULATEINVALPHA_ADDCOLOR', TC.MODULATEINVALPHA_ADDCOLOR, (t, d, _s, ta) => (1 - ta) * d + t],
    ['MODULATEINVCOLOR_ADDALPHA', TC.MODULATEINVCOLOR_ADDALPHA, (t, d, _s, ta) => (1 - t) * d + ta],
    ['MULTIPLYADD', TC.MULTIPLYADD, (t, d, s) => s + t * d],
    ['LERP', TC.LERP, (t, d, s) => s * t + (1 - s) * d],
  ];
  for (const [name, op, formula] of cases) {
    it(`${name} (${op}) as colour and alpha op`, () => {
      const ctx = newContext();
      stage(ctx, 0, op, op, TA.TEXTURE, TA.DIFFUSE, TA.SPECULAR);
      // PREMODULATE modulates with the next stage's texel; stage 1 passes current on.
      stage(ctx, 1, TC.SELECTARG1, TC.SELECTARG1, TA.PREVIOUS, TA.PREVIOUS);
      const out = run(ctx);
      const expected = [0, 1, 2, 3].map((c) =>
        sat(formula(T[c]!, D[c]!, S[c]!, T[3]!, D[3]!, T1[c]!)));
      expect(out).toEqual(expected);
    });
  }

  it('BLENDFACTORALPHA (11) blends by TEXTUREFACTOR alpha (within 1 ulp of the float64 formula)', () => {
    const ctx = newContext();
    stage(ctx, 0, TC.BLENDFACTORALPHA, TC.BLENDFACTORALPHA, TA.TEXTURE, TA.DIFFUSE);
    setRs(ctx, RS.TEXTUREFACTOR, 0x40000000);
    const a = 64 / 255;
    const out = run(ctx);
    for (let c = 0; c < 4; c++) expect(Math.abs(out[c]! - (T[c]! * a + D[c]! * (1 - a)))).toBeLessThan(2 ** -23);
  });

  it('DOTPRODUCT3 (15) puts 4·Σ(a1 − ½)(a2 − ½) in every channel, alpha too', () => {
    const ctx = newContext();
    stage(ctx, 0, TC.DOTPRODUCT3, TC.SELECTARG2, TA.TEXTURE | 0x20, TA.DIFFUSE);
    const out = run(ctx);
    const t = T.map((x) => 1 - x);
    const dot = 4 * ((t[0]! - 0.5) * (D[0]! - 0.5) + (t[1]! - 0.5) * (D[1]! - 0.5) + (t[2]! - 0.5) * (D[2]! - 0.5));
    expect(dot).toBe(0.375);
    expect(out).toEqual([dot, dot, dot, dot]);
  });
});

describe('arguments and modifiers (SVGA numbering: 1 TFACTOR … 6 CONSTANT; 0x10 ALPHA, 0x20 ONE_MINUS)', () => {
  const select = (arg: number, textures = [2, 2]): number[] => {
    const ctx = newContext();
    // Stage 0 makes current differ from diffuse (current = texel); stage 1 selects `arg`.
    stage(ctx, 0, TC.SELECTARG1, TC.SELECTARG1, TA.TEXTURE, TA.TEXTURE);
    stage(ctx, 1, TC.SELECTARG1, TC.SELECTARG1, arg, arg);
    setRs(ctx, RS.TEXTUREFACTOR, 0x80ff4000);
    setTs(ctx, 1, TS.CONSTANT, 0x40800000 | 0xff);
    return run(ctx, textures);
  };
  it('TFACTOR (1) is TEXTUREFACTOR 0xAARRGGBB', () => {
    expect(select(TA.TFACTOR)).toEqual([1, 64 / 255, 0, 128 / 255].map(Math.fround));
  });
  it('PREVIOUS (2) is the current colour', () => expect(select(TA.PREVIOUS)).toEqual(T));
  it('DIFFUSE (3) is v0', () => expect(select(TA.DIFFUSE)).toEqual(D));
  it('TEXTURE (4) is the stage\'s own texel', () => expect(select(TA.TEXTURE)).toEqual(T1));
  it('SPECULAR (5) is v1', () => expect(select(TA.SPECULAR)).toEqual(S));
  it('CONSTANT (6) is the stage\'s CONSTANT (texture state 30)', () => {
    expect(select(TA.CONSTANT)).toEqual([128 / 255, 0, 1, 64 / 255].map(Math.fround));
  });
  it('TM_ALPHA (0x10) replicates alpha', () => expect(select(TA.TEXTURE | 0x10)).toEqual([0.5, 0.5, 0.5, 0.5]));
  it('TM_ONE_MINUS (0x20) complements', () => expect(select(TA.TEXTURE | 0x20)).toEqual(T1.map((x) => 1 - x)));
  it('both modifiers give 1 − alpha', () => expect(select(TA.DIFFUSE | 0x30)).toEqual([0.5, 0.5, 0.5, 0.5]));
  it('a source outside 1–6 reads as PREVIOUS', () => expect(select(9)).toEqual(T));
});

describe('the stage chain', () => {
  it('ends at the first DISABLE colour op', () => {
    const ctx = newContext();
    stage(ctx, 0, TC.SELECTARG1, TC.SELECTARG1, TA.TEXTURE, TA.TEXTURE);
    stage(ctx, 1, TC.DISABLE, TC.DISABLE, TA.DIFFUSE, TA.DIFFUSE);
    stage(ctx, 2, TC.SELECTARG1, TC.SELECTARG1, TA.TFACTOR, TA.TFACTOR);
    expect(run(ctx)).toEqual(T);
  });
  it('stage 0 DISABLE outputs the diffuse colour', () => {
    const ctx = newContext();
    stage(ctx, 0, TC.DISABLE, TC.DISABLE, TA.TEXTURE, TA.TEXTURE);
    expect(run(ctx)).toEqual(D);
  });
  it('ALPHAOP DISABLE keeps the current alpha', () => {
    const ctx = newContext();
    stage(ctx, 0, TC.SELECTARG1, TC.DISABLE, TA.TEXTURE, TA.TEXTURE);
    expect(run(ctx)).toEqual([T[0], T[1], T[2], D[3]]);
  });
  it('the power-on stage 0 (MODULATE TEXTURE × PREVIOUS, alpha TEXTURE) with no texture is the diffuse colour', () => {
    const ctx = newContext();
    const p = buildFixedFunctionPixelProgram(ctx, { textures: [] });
    expect(runPixel(p.program, p.constants, { diffuse: D }, new FakeSampler({}))).toEqual(D);
    // Only what the chain reads is declared: no texture coordinates, no specular colour.
    expect(p.program.instructions.filter((i) => i.kind === 'dcl').map((i) => i.dst.file + i.dst.index)).toEqual(['input0']);
  });
  it('SPECULARENABLE adds v1.rgb, saturated', () => {
    const ctx = newContext();
    stage(ctx, 0, TC.SELECTARG1, TC.SELECTARG1, TA.DIFFUSE, TA.DIFFUSE);
    setRs(ctx, RS.SPECULARENABLE, 1);
    expect(run(ctx)).toEqual([1, 0.375, 1, 0.5]);
  });
  it('stage n samples sampler n at t<n>; with POSITIONT at the TEXCOORDINDEX set', () => {
    const ctx = newContext();
    stage(ctx, 0, TC.SELECTARG1, TC.SELECTARG1, TA.TEXTURE, TA.TEXTURE);
    setTs(ctx, 0, TS.TEXCOORDINDEX, 3);
    const sampler = new FakeSampler({ 0: T });
    const coords = [[0.125, 0.25], undefined, undefined, [0.5, 0.75]];
    const vsFed = buildFixedFunctionPixelProgram(ctx, { textures: [2] });
    runPixel(vsFed.program, vsFed.constants, { texcoord: coords }, sampler);
    const pre = buildFixedFunctionPixelProgram(ctx, { textures: [2], pretransformed: true });
    runPixel(pre.program, pre.constants, { texcoord: coords }, sampler);
    expect(sampler.requests.map((r) => [r.sampler, r.coords[0], r.coords[1]])).toEqual([[0, 0.125, 0.25], [0, 0.5, 0.75]]);
  });
  it('PROJECTED with S|T divides by the second component (texldp)', () => {
    const ctx = newContext();
    stage(ctx, 0, TC.SELECTARG1, TC.SELECTARG1, TA.TEXTURE, TA.TEXTURE);
    setTs(ctx, 0, TS.TEXTURETRANSFORMFLAGS, 0x8000 | 3);
    const sampler = new FakeSampler({ 0: T });
    const p = buildFixedFunctionPixelProgram(ctx, { textures: [2] });
    runPixel(p.program, p.constants, { texcoord: [[0.5, 2, 0.25, 8]] }, sampler);
    expect(sampler.requests[0]).toEqual({ sampler: 0, variant: 'projected', coords: [0.25, 1, 0.125, 2] });
  });
});

describe('bump mapping', () => {
  const bumpContext = (op: number): ContextState => {
    const ctx = newContext();
    stage(ctx, 0, op, TC.SELECTARG1, TA.TEXTURE, TA.DIFFUSE);
    setTs(ctx, 0, TS.ALPHAARG1, TA.DIFFUSE);
    stage(ctx, 1, TC.SELECTARG1, TC.SELECTARG1, TA.TEXTURE, TA.TEXTURE);
    setTsFloat(ctx, 0, TS.BUMPENVMAT00, 0.5);
    setTsFloat(ctx, 0, TS.BUMPENVMAT01, 0.25);
    setTsFloat(ctx, 0, TS.BUMPENVMAT10, -0.125);
    setTsFloat(ctx, 0, TS.BUMPENVMAT11, 2);
    setTsFloat(ctx, 0, TS.BUMPENVLSCALE, 0.5);
    setTsFloat(ctx, 0, TS.BUMPENVLOFFSET, 0.25);
    return ctx;
  };
  // Bump texel (du, dv, luminance) = (0.25, −0.5, 0.5); stage 1 coordinates (0.5, 0.5).
  const bumpTexel = [0.25, -0.5, 0.5, 1];
  it('DSDT (14) offsets the next stage\'s lookup by the bump matrix and passes current through', () => {
    const sampler = new FakeSampler({ 0: bumpTexel, 1: T1 });
    const p = buildFixedFunctionPixelProgram(bumpContext(TC.DSDT), { textures: [2, 2] });
    expect(validationErrors(p.program)).toEqual([]);
    const out = runPixel(p.program, p.constants, { diffuse: D, texcoord: [[0, 0], [0.5, 0.5]] }, sampler);
    // u' = 0.5 + 0.5·0.25 + (−0.125)·(−0.5) = 0.6875; v' = 0.5 + 0.25·0.25 + 2·(−0.5) = −0.4375.
    expect(sampler.requests[1]?.coords.slice(0, 2)).toEqual([0.6875, -0.4375]);
    expect(out).toEqual(T1);
  });
  it('BUMPENVMAPLUMINANCE (24) also scales the next texel\'s rgb by saturate(b·LSCALE + LOFFSET)', () => {
    const sampler = new FakeSampler({ 0: bumpTexel, 1: T1 });
    const p = buildFixedFunctionPixelProgram(bumpContext(TC.BUMPENVMAPLUMINANCE), { textures: [2, 2] });
    const out = runPixel(p.program, p.constants, { diffuse: D, texcoord: [[0, 0], [0.5, 0.5]] }, sampler);
    const l = 0.5 * 0.5 + 0.25;
    expect(out).toEqual([T1[0]! * l, T1[1]! * l, T1[2]! * l, T1[3]]);
  });
});
