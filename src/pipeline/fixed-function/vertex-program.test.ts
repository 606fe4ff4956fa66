import { beforeEach, describe, expect, it } from 'vitest';
import { SVGA3dRenderStateName as RS } from '../../svga3d-decoder/spec/enums-render-state.js';
import { SVGA3dTextureStateName as TS } from '../../svga3d-decoder/spec/enums-texture-state.js';
import { SVGA3dDeclType as DT, SVGA3dDeclUsage as DU } from '../../svga3d-decoder/spec/enums.js';
import type { ContextState } from '../../device/contexts/context-state.js';
import { buildFixedFunctionVertexProgram, clearFixedFunctionCaches } from './fixed-function.js';
import {
  newContext, runVertex, scale, setRs, setRsFloat, setTransform, setTs, translation, validationErrors,
  type VertexValues,
} from './ff-test-support.js';
import type { FixedFunctionVertexElement } from './vertex-key.js';

const POS = { type: DT.FLOAT3, usage: DU.POSITION, usageIndex: 0 };
const NORMAL = { type: DT.FLOAT3, usage: DU.NORMAL, usageIndex: 0 };
const COLOR0 = { type: DT.D3DCOLOR, usage: DU.COLOR, usageIndex: 0 };
const COLOR1 = { type: DT.D3DCOLOR, usage: DU.COLOR, usageIndex: 1 };
const tex = (set: number, type: number = DT.FLOAT2): FixedFunctionVertexElement => ({ type, usage: DU.TEXCOORD, usageIndex: set });
const WORLD = 1, VIEW = 2, PROJECTION = 3, TEXTURE0 = 4, WORLD1 = 12;

export function shade(ctx: ContextState, elements: FixedFunctionVertexElement[], v: VertexValues, viewportHeight?: number): Record<string, number[]> {
  const p = buildFixedFunctionVertexProgram(ctx, viewportHeight === undefined ? { elements } : { elements, viewportHeight });
  expect(validationErrors(p.program)).toEqual([]);
  return runVertex(p.program, p.constants, v);
}

/** A context with lighting off (the power-on state has it on). */
function unlit(): ContextState {
  const ctx = newContext();
  setRs(ctx, RS.LIGHTINGENABLE, 0);
  return ctx;
}

beforeEach(() => clearFixedFunctionCaches());

describe('transforms (row vectors, world × view × projection)', () => {
  it('oPos = p · WORLD · VIEW · PROJECTION', () => {
    const ctx = unlit();
    setTransform(ctx, WORLD, translation(1, 2, 3));
    setTransform(ctx, VIEW, scale(2, 4, 0.5));
    // A D3D perspective-like matrix: w' = z.
    setTransform(ctx, PROJECTION, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, -0.5, 0]);
    const out = shade(ctx, [POS], { position: [0.5, -1, 1] });
    // world (1.5, 1, 4) → view (3, 4, 2) → clip (3, 4, 2 − 0.5, 2).
    expect(out.oPos).toEqual([3, 4, 1.5, 2]);
  });

  it('VERTEXBLEND 1WEIGHT blends WORLD and WORLD1 by w and 1 − w', () => {
    const ctx = unlit();
    setRs(ctx, RS.VERTEXBLEND, 1);
    setTransform(ctx, WORLD, translation(4, 0, 0));
    setTransform(ctx, WORLD1, translation(0, 8, 0));
    const out = shade(ctx, [POS, { type: DT.FLOAT1, usage: DU.BLENDWEIGHT, usageIndex: 0 }], { position: [1, 1, 1], blendWeight: [0.25] });
    // 0.25·(5, 1, 1) + 0.75·(1, 9, 1) = (2, 7, 1).
    expect(out.oPos).toEqual([2, 7, 1, 1]);
  });

  it('INDEXEDVERTEXBLENDENABLE picks the matrices by BLENDINDICES (clamped to WORLD3)', () => {
    const ctx = unlit();
    setRs(ctx, RS.VERTEXBLEND, 1);
    setRs(ctx, RS.INDEXEDVERTEXBLENDENABLE, 1);
    setTransform(ctx, WORLD1, translation(0, 8, 0));
    setTransform(ctx, 14, translation(16, 0, 0));
    const elements = [POS, { type: DT.FLOAT1, usage: DU.BLENDWEIGHT, usageIndex: 0 }, { type: DT.UBYTE4, usage: DU.BLENDINDICES, usageIndex: 0 }];
    const out = shade(ctx, elements, { position: [0, 0, 0], blendWeight: [0.5], blendIndices: [1, 200, 0, 0] });
    // 0.5·WORLD1 + 0.5·WORLD3 (index 200 clamps to 3): (8, 4, 0).
    expect(out.oPos).toEqual([8, 4, 0, 1]);
  });
});

describe('colours with lighting off', () => {
  it('pass the vertex colours through', () => {
    const out = shade(unlit(), [POS, COLOR0, COLOR1], { position: [0, 0, 0], color0: [0.25, 0.5, 0.75, 1], color1: [0.5, 0, 1, 0.25] });
    expect(out.oD0).toEqual([0.25, 0.5, 0.75, 1]);
    expect(out.oD1).toEqual([0.5, 0, 1, 0.25]);
  });
  it('default to white diffuse and zero specular', () => {
    const out = shade(unlit(), [POS], { position: [0, 0, 0] });
    expect(out.oD0).toEqual([1, 1, 1, 1]);
    expect(out.oD1).toEqual([0, 0, 0, 0]);
  });
});

describe('texture coordinates', () => {
  it('TEXCOORDINDEX picks the set for oT<stage>; stages without a set are not written', () => {
    const ctx = unlit();
    setTs(ctx, 0, TS.TEXCOORDINDEX, 1);
    setTs(ctx, 1, TS.TEXCOORDINDEX, 0);
    const out = shade(ctx, [POS, tex(0), tex(1)], { position: [0, 0, 0], texcoord: [[0.25, 0.5], [0.75, 1]] });
    expect(out.oT0).toEqual([0.75, 1, 0, 1]);
    expect(out.oT1).toEqual([0.25, 0.5, 0, 1]);
    expect(out.oT2).toBeUndefined();
  });
  it('a 2D set meets the texture matrix as (u, v, 1, 0): translation comes from row 2', () => {
    const ctx = unlit();
    setTs(ctx, 0, TS.TEXTURETRANSFORMFLAGS, 3);
    setTransform(ctx, TEXTURE0, [2, 0, 0, 0, 0, 2, 0, 0, 0.25, 0.5, 1, 0, 100, 100, 0, 1]);
    const out = shade(ctx, [POS, tex(0)], { position: [0, 0, 0], texcoord: [[0.25, 0.5]] });
    expect(out.oT0).toEqual([0.75, 1.5, 1, 0]);
  });
  it('a 1D set is (u, 1, 0, 0) and a 3D set (u, v, w, 1)', () => {
    const ctx = unlit();
    setTs(ctx, 0, TS.TEXTURETRANSFORMFLAGS, 15);
    setTs(ctx, 1, TS.TEXTURETRANSFORMFLAGS, 15);
    const m = [1, 0, 0, 0, 0.5, 1, 0, 0, 0, 0.25, 1, 0, 2, 4, 8, 1];
    setTransform(ctx, TEXTURE0, m);
    setTransform(ctx, TEXTURE0 + 1, m);
    const out = shade(ctx, [POS, tex(0, DT.FLOAT1), tex(1, DT.FLOAT3)], { position: [0, 0, 0], texcoord: [[0.5], [1, 2, 4]] });
    expect(out.oT0).toEqual([1, 1, 0, 0]);
    expect(out.oT1).toEqual([1 + 1 + 2, 2 + 1 + 4, 4 + 8, 1]);
  });
  it('TEXCOORDGEN EYE_POSITION (1) and EYE_NORMAL (2) give view-space position and normal', () => {
    const ctx = unlit();
    setTransform(ctx, VIEW, translation(0, 0, 5));
    setTs(ctx, 0, TS.TEXCOORDGEN, 1);
    setTs(ctx, 1, TS.TEXCOORDGEN, 2);
    const out = shade(ctx, [POS, NORMAL], { position: [1, 2, 3], normal: [0, 1, 0] });
    expect(out.oT0).toEqual([1, 2, 8, 1]);
    expect(out.oT1).toEqual([0, 1, 0, 1]);
  });
  it('REFLECTIONVECTOR (3) reflects the eye direction about the normal', () => {
    const ctx = unlit();
    setRs(ctx, RS.LOCALVIEWER, 0);
    setTs(ctx, 0, TS.TEXCOORDGEN, 3);
    // Eye direction (0, 0, 1), normal (0, 0, −1): R = E − 2(N·E)N = (0, 0, −1).
    const out = shade(ctx, [POS, NORMAL], { position: [0, 0, 4], normal: [0, 0, -1] });
    expect(out.oT0).toEqual([0, 0, -1, 1]);
  });
  it('SPHERE (4) maps R to (Rx/m + ½, Ry/m + ½), m = 2·|R + (0, 0, 1)|', () => {
    const ctx = unlit();
    setRs(ctx, RS.LOCALVIEWER, 0);
    setTs(ctx, 0, TS.TEXCOORDGEN, 4);
    // Normal (0, −0.6, −0.8): N·E = −0.8, R = (0, 0, 1) − 2·(−0.8)·N = (0, −0.96, −0.28);
    // |R + (0, 0, 1)| = |(0, −0.96, 0.72)| = 1.2, m = 2.4, v = −0.96/2.4 + 0.5 = 0.1.
    const out = shade(ctx, [POS, NORMAL], { position: [0, 0, 4], normal: [0, -0.6, -0.8] });
    expect(out.oT0![0]).toBe(0.5);
    expect(Math.abs(out.oT0![1]! - 0.1)).toBeLessThan(4e-7);
    expect(out.oT0!.slice(2)).toEqual([0, 1]);
  });
});

describe('vertex fog into oFog (factor 1 = no fog)', () => {
  const fogContext = (func: number, range = false): ContextState => {
    const ctx = unlit();
    setRs(ctx, RS.FOGENABLE, 1);
    setRs(ctx, RS.FOGMODE, func | (1 << 16) | ((range ? 2 : 1) << 24));
    setRsFloat(ctx, RS.FOGSTART, 2);
    setRsFloat(ctx, RS.FOGEND, 10);
    setRsFloat(ctx, RS.FOGDENSITY, 0.25);
    return ctx;
  };
  it('LINEAR (3): (end − z) / (end − start) of view-space z', () => {
    expect(shade(fogContext(3), [POS], { position: [7, 7, 5] }).oFog![0]).toBe(0.625);
  });
  it('LINEAR range-based: the eye distance (3, 0, 4) → 5', () => {
    expect(shade(fogContext(3, true), [POS], { position: [3, 0, 4] }).oFog![0]).toBe(0.625);
  });
  it('EXP (1): e^(−d·density), within 2 ulp', () => {
    const f = shade(fogContext(1), [POS], { position: [0, 0, 4] }).oFog![0]!;
    expect(Math.abs(f - Math.exp(-1))).toBeLessThan(2 * 2 ** -24);
  });
  it('EXP2 (2): e^(−(d·density)²), within 2 ulp', () => {
    const f = shade(fogContext(2), [POS], { position: [0, 0, 6] }).oFog![0]!;
    expect(Math.abs(f - Math.exp(-2.25))).toBeLessThan(2 * 2 ** -24);
  });
  it('clamps to [0, 1] and is absent without FOGENABLE or with PIXEL fog', () => {
    expect(shade(fogContext(3), [POS], { position: [0, 0, 20] }).oFog![0]).toBe(0);
    expect(shade(fogContext(3), [POS], { position: [0, 0, -20] }).oFog![0]).toBe(1);
    const pixel = fogContext(3);
    setRs(pixel, RS.FOGMODE, 3 | (2 << 16));
    expect(shade(pixel, [POS], { position: [0, 0, 5] }).oFog).toBeUndefined();
    const off = fogContext(3);
    setRs(off, RS.FOGENABLE, 0);
    expect(shade(off, [POS], { position: [0, 0, 5] }).oFog).toBeUndefined();
  });
  it('PER_VERTEX (4) takes the specular alpha', () => {
    const ctx = fogContext(4);
    expect(shade(ctx, [POS, COLOR1], { position: [0, 0, 5], color1: [0, 0, 0, 0.75] }).oFog![0]).toBe(0.75);
  });
});

describe('point size into oPts', () => {
  it('passes PSIZE through', () => {
    const out = shade(unlit(), [POS, { type: DT.FLOAT1, usage: DU.PSIZE, usageIndex: 0 }], { position: [0, 0, 0], psize: [3] });
    expect(out.oPts![0]).toBe(3);
  });
  it('POINTSCALEENABLE: Vh · size · sqrt(1 / (A + B·De + C·De²))', () => {
    const ctx = unlit();
    setRs(ctx, RS.POINTSCALEENABLE, 1);
    setRsFloat(ctx, RS.POINTSIZE, 2);
    setRsFloat(ctx, RS.POINTSCALE_A, 0);
    setRsFloat(ctx, RS.POINTSCALE_B, 0);
    setRsFloat(ctx, RS.POINTSCALE_C, 1);
    // De = 4: sqrt(1/16) = 0.25; 100 · 2 · 0.25 = 50.
    expect(shade(ctx, [POS], { position: [0, 0, 4] }, 100).oPts![0]).toBe(50);
  });
  it('leaves oPts unwritten without PSIZE or scaling (the draw path uses POINTSIZE)', () => {
    expect(shade(unlit(), [POS], { position: [0, 0, 0] }).oPts).toBeUndefined();
  });
});
