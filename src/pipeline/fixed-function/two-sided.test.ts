import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ContextState } from '../../device/contexts/context-state.js';
import { encodeShader, validateShader, VertexShaderRunner } from '../../shader-vm/index.js';
import { CompiledVertexShaderRunner } from '../../shader-vm/jit/index.js';
import { SVGA3dRenderStateName as RS } from '../../svga3d-decoder/spec/enums-render-state.js';
import { SVGA3dTextureStateName as TS } from '../../svga3d-decoder/spec/enums-texture-state.js';
import { SVGA3dDeclType as DT, SVGA3dDeclUsage as DU, SVGA3dLightType as LT } from '../../svga3d-decoder/spec/enums.js';
import { buildFixedFunctionVertexProgram, clearFixedFunctionCaches, dumpFixedFunctionProgram } from './fixed-function.js';
import { newContext, runVertex, setLight, setMaterial, setRs, setTs, validationErrors, type TestMaterial } from './ff-test-support.js';
import type { FixedFunctionVertexElement } from './vertex-key.js';
import { VI } from './vertex-lighting.js';

const POS = { type: DT.FLOAT3, usage: DU.POSITION, usageIndex: 0 };
const NORMAL = { type: DT.FLOAT3, usage: DU.NORMAL, usageIndex: 0 };
const COLOR0 = { type: DT.D3DCOLOR, usage: DU.COLOR, usageIndex: 0 };
const COLOR1 = { type: DT.D3DCOLOR, usage: DU.COLOR, usageIndex: 1 };
const ELEMENTS = [POS, NORMAL];

/*
 * The scene of every value below: one directional light along +z (to-light L = (0, 0, −1)),
 * Ld = (0.5, 0.5, 0.5), La = (0.25, 0.25, 0.25), Ls = (1, 1, 1); the normal (0, 0, −0.5) is
 * not unit (NORMALIZENORMALS off): N·L = 0.5, and with the non-local viewer V = (0, 0, −1),
 * H = normalize(L + V) = (0, 0, −1), N·H = 0.5. Global ambient 0. So ΣLa = 0.25, ΣLd = 0.25 and
 * ΣLs = 0.5^P: 0.25 for P = 2, 0.0625 for P = 4 (powers of two: exact in float32).
 */
const FRONT: TestMaterial = { diffuse: [0.5, 0.25, 1, 0.75], ambient: [1, 0.5, 0, 1], specular: [0.5, 0.5, 0.5, 0.25], emissive: [0, 0, 0.125, 1], power: 2 };
const BACK: TestMaterial = { diffuse: [1, 0, 0.5, 0.5], ambient: [0, 1, 1, 1], specular: [1, 0, 0.25, 0.5], emissive: [0.25, 0, 0, 1], power: 4 };
// FRONT: Ce + Ca·0.25 + Cd·0.25 = (0, 0, 0.125) + (0.25, 0.125, 0) + (0.125, 0.0625, 0.25), a = Cd.a; Cs·0.25, a = Cs.a.
const FRONT_D0 = [0.375, 0.1875, 0.375, 0.75];
const FRONT_D1 = [0.125, 0.125, 0.125, 0.25];
// BACK: (0.25, 0, 0) + (0, 0.25, 0.25) + (0.25, 0, 0.125), a 0.5; Cs·0.0625 = (0.0625, 0, 0.015625), a 0.5.
const BACK_D0 = [0.5, 0.25, 0.375, 0.5];
const BACK_D1 = [0.0625, 0, 0.015625, 0.5];
const VERTEX = { position: [0, 0, 0], normal: [0, 0, -0.5] };

function scene(): ContextState {
  const ctx = newContext();
  setRs(ctx, RS.VERTEXMATERIALENABLE, 0);
  setRs(ctx, RS.SPECULARENABLE, 1);
  setRs(ctx, RS.LOCALVIEWER, 0);
  setLight(ctx, 0, { type: LT.DIRECTIONAL, diffuse: [0.5, 0.5, 0.5, 1], ambient: [0.25, 0.25, 0.25, 1], specular: [1, 1, 1, 1], direction: [0, 0, 1] });
  setMaterial(ctx, FRONT);
  return ctx;
}

function build(ctx: ContextState, elements: FixedFunctionVertexElement[] = ELEMENTS) {
  const p = buildFixedFunctionVertexProgram(ctx, { elements });
  expect(validationErrors(p.program)).toEqual([]);
  return p;
}

function shade(ctx: ContextState, values: Parameters<typeof runVertex>[2] = VERTEX, elements: FixedFunctionVertexElement[] = ELEMENTS) {
  const p = build(ctx, elements);
  return { key: p.key, version: p.program.version, out: runVertex(p.program, p.constants, values) };
}

beforeEach(() => clearFixedFunctionCaches());

describe('FRONT_BACK (one material): the one-sided program', () => {
  it('keeps the key without the two-sided field and the vs_2_1 program, both faces FRONT', () => {
    const { key, version, out } = shade(scene());
    expect(key).toBe('vs|1000|b00|n0|l110:d|mmmmm|fnone0|p0|t-1.0.0.0,-1.0.0.0,-1.0.0.0,-1.0.0.0,-1.0.0.0,-1.0.0.0,-1.0.0.0,-1.0.0.0');
    expect(version).toEqual({ type: 'vs', major: 2, minor: 1 });
    expect(out.oD0).toEqual(FRONT_D0);
    expect(out.oD1).toEqual(FRONT_D1);
    expect(out.backD0).toBeUndefined();
  });
});

describe('BACK different: the two-sided program', () => {
  const twoSided = (): ContextState => {
    const ctx = scene();
    setMaterial(ctx, BACK, 'back');
    return ctx;
  };

  it('is vs_3_0, keyed with the two-sided field, valid as bytecode, and lights each face with its material', () => {
    const { key, version, out } = shade(twoSided());
    expect(key.endsWith('|2')).toBe(true);
    expect(version).toEqual({ type: 'vs', major: 3, minor: 0 });
    const encoded = encodeShader(build(twoSided()).program);
    expect(encoded.ok && validateShader(encoded.words, 'vs').ok).toBe(true);
    expect(out.oD0).toEqual(FRONT_D0);
    expect(out.oD1).toEqual(FRONT_D1);
    expect(out.backD0).toEqual(BACK_D0);
    expect(out.backD1).toEqual(BACK_D1);
    // FOG0 is always there (0, as an unwritten vs < 3.0 oFog), the position as in vs_2_1.
    expect(out.oFog?.[0]).toBe(0);
    expect(out.oPos).toEqual([0, 0, 0, 1]);
  });

  it('gives the front face bit-identical colours to the one-sided program (same instructions)', () => {
    const one = shade(scene(), { position: [0.25, -1, 3], normal: [0.3, -0.7, -0.2] }).out;
    const two = shade(twoSided(), { position: [0.25, -1, 3], normal: [0.3, -0.7, -0.2] }).out;
    expect(two.oD0).toEqual(one.oD0);
    expect(two.oD1).toEqual(one.oD1);
    expect(two.oPos).toEqual(one.oPos);
  });

  it('gives the back face what a one-sided program with BACK as its only material gives', () => {
    const values = { position: [0.25, -1, 3], normal: [0.3, -0.7, -0.2] };
    const back = scene();
    setMaterial(back, BACK);
    const reference = shade(back, values).out;
    const two = shade(twoSided(), values).out;
    expect(two.backD0).toEqual(reference.oD0);
    expect(two.backD1).toEqual(reference.oD1);
  });

  it('a SETMATERIAL FRONT afterwards changes the front colours only', () => {
    const ctx = twoSided();
    setMaterial(ctx, { ...FRONT, emissive: [0.5, 0, 0, 1] }, 'front');
    const { out } = shade(ctx);
    // Ce (0.5, 0, 0) replaces (0, 0, 0.125): (0.5, 0, 0) + (0.25, 0.125, 0) + (0.125, 0.0625, 0.25).
    expect(out.oD0).toEqual([0.875, 0.1875, 0.25, 0.75]);
    expect(out.backD0).toEqual(BACK_D0);
  });

  it('dumps readably: the key, then the vs_3_0 declarations of the back colours', () => {
    const text = dumpFixedFunctionProgram(build(twoSided()));
    expect(text.split('\n')[0]).toMatch(/^; fixed-function vs\|.*\|2$/);
    expect(text).toContain('vs_3_0');
    expect(text).toContain('dcl_color2 o3');
    expect(text).toContain('dcl_color3 o4');
    expect(text).toContain('mov_sat o3, r23');
  });
});

describe('one BACK component at a time changes only the back colours', () => {
  // BACK = FRONT but for one component; the front outputs stay FRONT_D0 / FRONT_D1.
  const cases: [string, TestMaterial, number[], number[]][] = [
    // Cd (1, 0, 0.5, 0.5): (0, 0, 0.125) + (0.25, 0.125, 0) + (0.25, 0, 0.125), a 0.5.
    ['diffuse', { ...FRONT, diffuse: [1, 0, 0.5, 0.5] }, [0.5, 0.125, 0.25, 0.5], FRONT_D1],
    // Ca (0, 1, 1): (0, 0, 0.125) + (0, 0.25, 0.25) + (0.125, 0.0625, 0.25).
    ['ambient', { ...FRONT, ambient: [0, 1, 1, 1] }, [0.125, 0.3125, 0.625, 0.75], FRONT_D1],
    // Ce (0.25, 0, 0): (0.25, 0, 0) + (0.25, 0.125, 0) + (0.125, 0.0625, 0.25).
    ['emissive', { ...FRONT, emissive: [0.25, 0, 0, 1] }, [0.625, 0.1875, 0.25, 0.75], FRONT_D1],
    // Cs (1, 0, 0.25, 0.5) · 0.5² = (0.25, 0, 0.0625), a 0.5.
    ['specular', { ...FRONT, specular: [1, 0, 0.25, 0.5] }, FRONT_D0, [0.25, 0, 0.0625, 0.5]],
    // P 4: Cs · 0.5⁴ = (0.03125, 0.03125, 0.03125).
    ['power', { ...FRONT, power: 4 }, FRONT_D0, [0.03125, 0.03125, 0.03125, 0.25]],
  ];
  for (const [name, back, d0, d1] of cases) {
    it(name, () => {
      const ctx = scene();
      setMaterial(ctx, back, 'back');
      const { key, out } = shade(ctx);
      expect(key.endsWith('|2')).toBe(true);
      expect(out.oD0).toEqual(FRONT_D0);
      expect(out.oD1).toEqual(FRONT_D1);
      expect(out.backD0).toEqual(d0);
      expect(out.backD1).toEqual(d1);
    });
  }
});

describe('the key bit is set only where BACK changes what the program reads', () => {
  const keyWith = (back: TestMaterial, states: [number, number][] = [], elements: FixedFunctionVertexElement[] = ELEMENTS): string => {
    const ctx = scene();
    for (const [name, value] of states) setRs(ctx, name, value);
    setMaterial(ctx, back, 'back');
    return build(ctx, elements).key;
  };
  const isTwoSided = (...args: Parameters<typeof keyWith>): boolean => keyWith(...args).endsWith('|2');

  it('ambient and emissive alpha are never read', () => {
    expect(isTwoSided({ ...FRONT, ambient: [1, 0.5, 0, 0.5], emissive: [0, 0, 0.125, 0] })).toBe(false);
  });
  it('specular RGB and the power are read only with SPECULARENABLE; the specular alpha always (oD1.a)', () => {
    expect(isTwoSided({ ...FRONT, specular: [0, 0, 0, 0.25], power: 8 }, [[RS.SPECULARENABLE, 0]])).toBe(false);
    expect(isTwoSided({ ...FRONT, specular: [0, 0, 0, 0.75] }, [[RS.SPECULARENABLE, 0]])).toBe(true);
    expect(isTwoSided({ ...FRONT, power: 8 })).toBe(true);
  });
  it('the power is not read without a light', () => {
    const ctx = scene();
    ctx.lightEnabled[0] = 0;
    setMaterial(ctx, { ...FRONT, power: 8 }, 'back');
    expect(build(ctx).key.endsWith('|2')).toBe(false);
  });
  it('lighting off: no material is read', () => {
    expect(isTwoSided(BACK, [[RS.LIGHTINGENABLE, 0]])).toBe(false);
  });
  it('−0 against 0 counts as different (Object.is)', () => {
    expect(isTwoSided({ ...FRONT, emissive: [-0, 0, 0.125, 1] })).toBe(true);
  });
  it('a component taken from a vertex colour (VERTEXMATERIALENABLE) is not read from either material', () => {
    const diffuseFromColor1: [number, number][] = [[RS.VERTEXMATERIALENABLE, 1], [RS.DIFFUSEMATERIALSOURCE, 2], [RS.SPECULARMATERIALSOURCE, 0]];
    expect(isTwoSided({ ...FRONT, diffuse: [0, 1, 0, 1] }, diffuseFromColor1, [POS, NORMAL, COLOR1])).toBe(false);
    // Without a COLOR1 element the source falls back to the material, which then counts.
    expect(isTwoSided({ ...FRONT, diffuse: [0, 1, 0, 1] }, diffuseFromColor1, [POS, NORMAL])).toBe(true);
  });
  it('more outputs than vs_3_0 has (seven coordinate sets): both faces stay FRONT', () => {
    const ctx = scene();
    setMaterial(ctx, BACK, 'back');
    const sets = [0, 1, 2, 3, 4, 5, 6].map((n) => ({ type: DT.FLOAT2, usage: DU.TEXCOORD, usageIndex: n }));
    for (let s = 0; s < 7; s++) setTs(ctx, s, TS.TEXCOORDINDEX, s);
    // 6 (position, four colours, fog) + 7 sets = 13 > 12.
    expect(build(ctx, [POS, NORMAL, ...sets]).key.endsWith('|2')).toBe(false);
    // Six sets fit exactly.
    expect(build(ctx, [POS, NORMAL, ...sets.slice(0, 6)]).key.endsWith('|2')).toBe(true);
  });
});

describe('material sources and fog on two-sided programs', () => {
  it('COLOR1 as the diffuse source feeds both faces; the other components follow each face', () => {
    const ctx = scene();
    setRs(ctx, RS.VERTEXMATERIALENABLE, 1);
    setRs(ctx, RS.DIFFUSEMATERIALSOURCE, 2);
    setRs(ctx, RS.SPECULARMATERIALSOURCE, 0);
    setMaterial(ctx, BACK, 'back');
    const { key, out } = shade(ctx, { ...VERTEX, color1: [0.5, 1, 0, 0.25] }, [POS, NORMAL, COLOR0, COLOR1]);
    expect(key).toContain('|m1mmm|');
    // Cd = (0.5, 1, 0, 0.25) on both faces: Cd·0.25 = (0.125, 0.25, 0), a 0.25.
    // Front: (0, 0, 0.125) + (0.25, 0.125, 0) + (0.125, 0.25, 0); back: (0.25, 0, 0) + (0, 0.25, 0.25) + (0.125, 0.25, 0).
    expect(out.oD0).toEqual([0.375, 0.375, 0.125, 0.25]);
    expect(out.backD0).toEqual([0.375, 0.5, 0.25, 0.25]);
    expect(out.oD1).toEqual(FRONT_D1);
    expect(out.backD1).toEqual(BACK_D1);
  });

  it('PER_VERTEX fog takes each face its own specular alpha (FOG0 front, FOG1 back)', () => {
    const ctx = scene();
    setRs(ctx, RS.FOGENABLE, 1);
    setRs(ctx, RS.FOGMODE, 4);
    setMaterial(ctx, BACK, 'back');
    const { out } = shade(ctx);
    expect(out.oFog?.[0]).toBe(0.25);
    expect(out.backFog?.[0]).toBe(0.5);
  });
});

describe('the vs_3_0 two-sided program on both VM paths', () => {
  it('the compiled runner gives the interpreter\'s bits on every output (fixed seed)', () => {
    const ctx = scene();
    setRs(ctx, RS.FOGENABLE, 1);
    setRs(ctx, RS.FOGMODE, 4);
    setRs(ctx, RS.VERTEXMATERIALENABLE, 1);
    setRs(ctx, RS.AMBIENTMATERIALSOURCE, 1);
    setRs(ctx, RS.LOCALVIEWER, 1);
    setLight(ctx, 1, { type: LT.POINT, diffuse: [0.25, 0.5, 1, 1], specular: [1, 0.5, 0.25, 1], position: [1, 2, -3], range: 100, attenuation: [0.5, 0.25, 0.125] });
    setMaterial(ctx, BACK, 'back');
    const p = build(ctx, [POS, NORMAL, COLOR0]);
    expect(p.program.version.major).toBe(3);
    const reference = new VertexShaderRunner(p.program, { constants: p.constants });
    const compiled = new CompiledVertexShaderRunner(p.program, { constants: p.constants });
    const component = fc.float({ min: -8, max: 8, noNaN: true });
    const vec = fc.tuple(component, component, component, component);
    fc.assert(
      fc.property(vec, vec, vec, (position, normal, color) => {
        const inputs = new Float32Array(64);
        inputs.set(position, VI.POSITION * 4);
        inputs.set(normal, VI.NORMAL * 4);
        inputs.set(color, VI.COLOR0 * 4);
        expect(reference.run(inputs)).toBe('ok');
        expect(compiled.run(inputs)).toBe('ok');
        expect(Array.from(compiled.written)).toEqual(Array.from(reference.written));
        const a = Array.from(reference.values);
        const b = Array.from(compiled.values);
        b.forEach((v, i) => expect(Object.is(v, a[i]) || (Number.isNaN(v) && Number.isNaN(a[i]))).toBe(true));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
