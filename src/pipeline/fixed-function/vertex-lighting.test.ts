import { beforeEach, describe, expect, it } from 'vitest';
import { SVGA3dRenderStateName as RS } from '../../svga3d-decoder/spec/enums-render-state.js';
import { SVGA3dDeclType as DT, SVGA3dDeclUsage as DU, SVGA3dLightType as LT } from '../../svga3d-decoder/spec/enums.js';
import type { ContextState } from '../../device/contexts/context-state.js';
import { buildFixedFunctionVertexProgram, clearFixedFunctionCaches } from './fixed-function.js';
import { newContext, runVertex, scale, setLight, setMaterial, setRs, setTransform, translation, validationErrors, type VertexValues } from './ff-test-support.js';
import type { FixedFunctionVertexElement } from './vertex-key.js';

const POS = { type: DT.FLOAT3, usage: DU.POSITION, usageIndex: 0 };
const NORMAL = { type: DT.FLOAT3, usage: DU.NORMAL, usageIndex: 0 };
const COLOR0 = { type: DT.D3DCOLOR, usage: DU.COLOR, usageIndex: 0 };
const WORLD = 1, VIEW = 2;
const f = Math.fround;

function shade(ctx: ContextState, v: VertexValues, elements: FixedFunctionVertexElement[] = [POS, NORMAL]): Record<string, number[]> {
  const p = buildFixedFunctionVertexProgram(ctx, { elements });
  expect(validationErrors(p.program)).toEqual([]);
  return runVertex(p.program, p.constants, v);
}

/** Lighting on with material colours only (no vertex colour sources). */
function lit(): ContextState {
  const ctx = newContext();
  setRs(ctx, RS.VERTEXMATERIALENABLE, 0);
  return ctx;
}

function near(actual: readonly number[] | undefined, expected: readonly number[], tolerance: number): void {
  expect(actual).toBeDefined();
  expected.forEach((e, i) => expect(Math.abs((actual![i] ?? NaN) - e)).toBeLessThanOrEqual(tolerance));
}

beforeEach(() => clearFixedFunctionCaches());

describe('directional light (SVGA type 4)', () => {
  const setup = (): ContextState => {
    const ctx = lit();
    setMaterial(ctx, { diffuse: [0.5, 0.25, 1, 0.75], ambient: [1, 0.5, 0.25, 0], emissive: [0.125, 0, 0, 0] });
    setLight(ctx, 0, { type: LT.DIRECTIONAL, diffuse: [0.5, 1, 0.25, 1], ambient: [0.25, 0.5, 0, 0], direction: [0, 0, 1] });
    return ctx;
  };
  it('Ce + Ca·(Ga + La) + Cd·Ld·(N·L), alpha Cd.a', () => {
    const out = shade(setup(), { position: [0, 0, 0], normal: [0, 0, -1] });
    expect(out.oD0).toEqual([0.625, 0.5, 0.25, 0.75]);
    expect(out.oD1).toEqual([0, 0, 0, 0]);
  });
  it('faces turned away get no diffuse light', () => {
    expect(shade(setup(), { position: [0, 0, 0], normal: [0, 0, 1] }).oD0).toEqual([0.375, 0.25, 0, 0.75]);
  });
  it('the global AMBIENT render state adds Ca·Ga', () => {
    const ctx = setup();
    setRs(ctx, RS.AMBIENT, 0x00ff0000);
    expect(shade(ctx, { position: [0, 0, 0], normal: [0, 0, 1] }).oD0).toEqual([1, 0.25, 0, 0.75]);
  });
  it('NORMALIZENORMALS undoes a world scale; without it N·L shrinks', () => {
    const ctx = setup();
    setMaterial(ctx, { diffuse: [1, 1, 1, 1] });
    setLight(ctx, 0, { type: LT.DIRECTIONAL, diffuse: [1, 1, 1, 1], direction: [0, 0, 1] });
    setTransform(ctx, WORLD, scale(2, 2, 2));
    expect(shade(ctx, { position: [0, 0, 0], normal: [0, 0, -1] }).oD0).toEqual([0.5, 0.5, 0.5, 1]);
    setRs(ctx, RS.NORMALIZENORMALS, 1);
    expect(shade(ctx, { position: [0, 0, 0], normal: [0, 0, -1] }).oD0).toEqual([1, 1, 1, 1]);
  });
});

describe('point light (SVGA type 1)', () => {
  const setup = (world = true, range = 100): ContextState => {
    const ctx = lit();
    setMaterial(ctx, { diffuse: [1, 1, 1, 1] });
    setLight(ctx, 0, { type: LT.POINT, world, diffuse: [0.75, 0.5, 1, 1], position: [0, 0, -2], range, attenuation: [1, 0.5, 0.25] });
    return ctx;
  };
  it('attenuates by 1 / (att0 + att1·d + att2·d²)', () => {
    const a = f(1 / 3); // d = 2: 1 + 1 + 1
    expect(shade(setup(), { position: [0, 0, 0], normal: [0, 0, -1] }).oD0).toEqual([f(0.75 * a), f(0.5 * a), a, 1]);
  });
  it('gives nothing beyond its range', () => {
    expect(shade(setup(true, 1.5), { position: [0, 0, 0], normal: [0, 0, -1] }).oD0).toEqual([0, 0, 0, 1]);
  });
  it('world-space lights move with VIEW; view-space lights do not', () => {
    const world = setup(true);
    setTransform(world, VIEW, translation(0, 0, 5));
    const a = f(1 / 3);
    expect(shade(world, { position: [0, 0, 0], normal: [0, 0, -1] }).oD0).toEqual([f(0.75 * a), f(0.5 * a), a, 1]);
    const view = setup(false);
    setTransform(view, VIEW, translation(0, 0, 5));
    // The light stays at view (0, 0, −2), the vertex is at view (0, 0, 5): d = 7.
    const b = f(1 / (1 + 3.5 + 12.25));
    expect(shade(view, { position: [0, 0, 0], normal: [0, 0, -1] }).oD0).toEqual([f(0.75 * b), f(0.5 * b), b, 1]);
  });
});

describe('spot lights (SPOT1 2 in degrees, SPOT2 3 in radians)', () => {
  const setup = (type: number, theta: number, phi: number): ContextState => {
    const ctx = lit();
    setMaterial(ctx, { diffuse: [1, 1, 1, 1] });
    setLight(ctx, 0, { type, diffuse: [1, 1, 1, 1], position: [0, 0, -2], direction: [0, 0, 1], range: 100, falloff: 2, theta, phi });
    return ctx;
  };
  // Vertex (2, 0, 0), normal (0, 0, −1): L = (−1, 0, −1)/√2, ρ = N·L = 1/√2.
  const rho = Math.SQRT1_2;
  const spot = ((rho - Math.cos(1)) / (Math.cos(0.5) - Math.cos(1))) ** 2;
  it('inside the inner cone the factor is 1', () => {
    expect(shade(setup(LT.SPOT2, 1, 2), { position: [0, 0, 0], normal: [0, 0, -1] }).oD0).toEqual([1, 1, 1, 1]);
  });
  it('between the cones ((ρ − cos φ/2) / (cos θ/2 − cos φ/2))^falloff (float32 pow, within 4e-7)', () => {
    const v = rho * spot;
    near(shade(setup(LT.SPOT2, 1, 2), { position: [2, 0, 0], normal: [0, 0, -1] }).oD0, [v, v, v, 1], 4e-7);
  });
  it('SPOT1 takes the same cones in degrees', () => {
    const v = rho * spot;
    const deg = 180 / Math.PI;
    near(shade(setup(LT.SPOT1, deg, 2 * deg), { position: [2, 0, 0], normal: [0, 0, -1] }).oD0, [v, v, v, 1], 4e-7);
  });
  it('outside the outer cone there is no light', () => {
    expect(shade(setup(LT.SPOT2, 1, 2), { position: [10, 0, 0], normal: [0, 0, -1] }).oD0).toEqual([0, 0, 0, 1]);
  });
});

describe('specular (SPECULARENABLE)', () => {
  const setup = (direction: number[], local: boolean): ContextState => {
    const ctx = lit();
    setRs(ctx, RS.SPECULARENABLE, 1);
    setRs(ctx, RS.LOCALVIEWER, local ? 1 : 0);
    setMaterial(ctx, { specular: [1, 0.5, 0.25, 0.5], power: 10 });
    setLight(ctx, 0, { type: LT.DIRECTIONAL, specular: [0.5, 1, 1, 1], direction });
    return ctx;
  };
  it('oD1 = Cs·Ls·(N·H)^P, oD1.a = Cs.a', () => {
    expect(shade(setup([0, 0, 1], false), { position: [0, 0, 4], normal: [0, 0, -1] }).oD1).toEqual([0.5, 0.5, 0.25, 0.5]);
  });
  it('H = normalize(L + (0, 0, −1)) without a local viewer (float32 pow, within 1e-6)', () => {
    const s = Math.cos(Math.PI / 8) ** 10;
    near(shade(setup([0, Math.SQRT1_2, Math.SQRT1_2], false), { position: [4, 0, 4], normal: [0, 0, -1] }).oD1, [0.5 * s, 0.5 * s, 0.25 * s, 0.5], 1e-6);
  });
  it('H uses the direction to the eye with LOCALVIEWER', () => {
    const s = Math.cos(Math.PI / 8) ** 10;
    near(shade(setup([0, 0, 1], true), { position: [4, 0, 4], normal: [0, 0, -1] }).oD1, [0.5 * s, 0.5 * s, 0.25 * s, 0.5], 1e-6);
  });
  it('no highlight where N·L ≤ 0, and none with SPECULARENABLE off', () => {
    expect(shade(setup([0, 0, 1], false), { position: [0, 0, 4], normal: [0, 0, 1] }).oD1).toEqual([0, 0, 0, 0.5]);
    const off = setup([0, 0, 1], false);
    setRs(off, RS.SPECULARENABLE, 0);
    expect(shade(off, { position: [0, 0, 4], normal: [0, 0, -1] }).oD1).toEqual([0, 0, 0, 0.5]);
  });
});

describe('material sources (VERTEXMATERIALENABLE)', () => {
  it('DIFFUSE from vertex colour 0, AMBIENT from colour 1 falls back to the material when the vertex lacks it', () => {
    const ctx = newContext();
    setRs(ctx, RS.DIFFUSEMATERIALSOURCE, 1);
    setRs(ctx, RS.AMBIENTMATERIALSOURCE, 2);
    setMaterial(ctx, { diffuse: [1, 1, 1, 1], ambient: [0.5, 0.5, 0.5, 1] });
    setRs(ctx, RS.AMBIENT, 0xffffffff);
    setLight(ctx, 0, { type: LT.DIRECTIONAL, diffuse: [0.5, 0.5, 0.5, 1], direction: [0, 0, 1] });
    const out = shade(ctx, { position: [0, 0, 0], normal: [0, 0, -1], color0: [0.25, 0.5, 1, 0.25] }, [POS, NORMAL, COLOR0]);
    expect(out.oD0).toEqual([0.5 + 0.125, 0.5 + 0.25, 1, 0.25]);
  });
  it('the power-on state (lighting on, no lights, zero material) draws black with the vertex alpha', () => {
    const out = shade(newContext(), { position: [0, 0, 0], color0: [1, 0, 0, 0.5] }, [POS, COLOR0]);
    expect(out.oD0).toEqual([0, 0, 0, 0.5]);
  });
  it('lights with at most the first eight enabled lights', () => {
    const ctx = lit();
    setMaterial(ctx, { diffuse: [1, 1, 1, 1] });
    for (let i = 0; i < 10; i++) setLight(ctx, i, { type: LT.DIRECTIONAL, diffuse: [0.0625, 0, 0, 1], direction: [0, 0, 1] });
    const p = buildFixedFunctionVertexProgram(ctx, { elements: [POS, NORMAL] });
    expect(p.key).toContain(':dddddddd|');
    expect(runVertex(p.program, p.constants, { position: [0, 0, 0], normal: [0, 0, -1] }).oD0).toEqual([0.5, 0, 0, 1]);
  });
});
