/**
 * Two-sided material end to end (SETMATERIAL face): a front-facing triangle is lit with the FRONT
 * material, a back-facing one with the BACK material; facing is culling's (FRONTWINDING, screen
 * winding); lines and points are front-facing. Fixed-function vertex and pixel pipelines, identity
 * transforms (positions are clip coordinates), lighting in view space.
 *
 * The light and normal of every draw: one directional light along +z (L = (0, 0, −1)),
 * Ld = (0.5, 0.5, 0.5), La = (0.25, 0.25, 0.25), Ls = (1, 1, 1); normal (0, 0, −0.5) (not unit,
 * NORMALIZENORMALS off): N·L = 0.5, H = (0, 0, −1) with the non-local viewer, N·H = 0.5. Global
 * ambient 0. Hence ΣLd = ΣLa = 0.25 and ΣLs = 0.5^P. D3D9: D0 = Ce + Ca·ΣLa + Cd·ΣLd (alpha
 * Cd.a), D1 = Cs·ΣLs; the fixed-function pixel program outputs D0 (+ D1's RGB with SPECULARENABLE).
 */
import { describe, expect, it } from 'vitest';
import type { CommandWriter } from '../../src/svga3d-decoder/index.js';
import { SVGA3dRenderStateName as RS } from '../../src/svga3d-decoder/index.js';
import { expectedRows, hexRows, unorm8 } from '../support/draw-expect.js';
import { renderScene, states, win } from '../support/draw-scene.js';

const INVALID = 0xffffffff;
const FACE = { FRONT: 2, BACK: 3, FRONT_BACK: 4 } as const;
const WINDING = { CW: 1, CCW: 2 } as const;
const NORMAL_USAGE = 3;
const N = [0, 0, -0.5, 0];

interface Material {
  readonly diffuse: number[];
  readonly ambient: number[];
  readonly specular: number[];
  readonly emissive: number[];
  readonly shininess: number;
}

const FRONT: Material = { diffuse: [1, 0.5, 0.25, 1], ambient: [0.5, 0, 1, 1], specular: [0.5, 0.25, 0, 1], emissive: [0.0625, 0.25, 0, 1], shininess: 2 };
const BACK: Material = { diffuse: [0, 1, 0.5, 0.25], ambient: [1, 0.5, 0, 1], specular: [1, 0.5, 0.25, 1], emissive: [0.125, 0, 0.0625, 1], shininess: 4 };

const hex = (rgba: readonly number[]): string => rgba.map((v) => unorm8(v).toString(16).padStart(2, '0')).join('');
// FRONT D0 = (0.0625, 0.25, 0) + (0.125, 0, 0.25) + (0.25, 0.125, 0.0625) = (0.4375, 0.375, 0.3125), a 1.
const FRONT_LIT = hex([0.4375, 0.375, 0.3125, 1]);
// BACK D0 = (0.125, 0, 0.0625) + (0.25, 0.125, 0) + (0, 0.25, 0.125) = (0.375, 0.375, 0.1875), a 0.25.
const BACK_LIT = hex([0.375, 0.375, 0.1875, 0.25]);
// + D1: FRONT Cs·0.5² = (0.125, 0.0625, 0); BACK Cs·0.5⁴ = (0.0625, 0.03125, 0.015625).
const FRONT_SPECULAR = hex([0.5625, 0.4375, 0.3125, 1]);
const BACK_SPECULAR = hex([0.4375, 0.40625, 0.203125, 0.25]);

/** Vertices: 0–5 a clockwise quad over x 0..4, 6–11 a counter-clockwise one over x 4..8 (whole height). */
function halves(normals: readonly (readonly number[])[] = [N, N, N]): number[][] {
  const n = (i: number) => normals[i % 3]!;
  const cw = [win(0, 0, 0.5, n(0)), win(4, 0, 0.5, n(1)), win(0, 8, 0.5, n(2)), win(4, 0, 0.5, n(0)), win(4, 8, 0.5, n(1)), win(0, 8, 0.5, n(2))];
  const ccw = [win(4, 0, 0.5, n(0)), win(4, 8, 0.5, n(1)), win(8, 0, 0.5, n(2)), win(8, 0, 0.5, n(0)), win(4, 8, 0.5, n(1)), win(8, 8, 0.5, n(2))];
  return [...cw, ...ccw];
}

function setMaterial(c: CommandWriter, face: number, m: Material): void {
  c.setMaterial({ cid: 1, face, material: m });
}

/** Fixed function, lighting on with the light above, material colours only. */
function fixedFunction(c: CommandWriter, extra: Record<number, number> = {}): void {
  c.setShader({ cid: 1, type: 1, shid: INVALID });
  c.setShader({ cid: 1, type: 2, shid: INVALID });
  c.setLightData({
    cid: 1, index: 0, data: {
      type: 4, inWorldSpace: 1, diffuse: [0.5, 0.5, 0.5, 1], specular: [1, 1, 1, 1], ambient: [0.25, 0.25, 0.25, 1],
      position: [0, 0, 0, 1], direction: [0, 0, 1, 0], range: 0, falloff: 0, attenuation0: 1, attenuation1: 0, attenuation2: 0, theta: 0, phi: 0,
    },
  });
  c.setLightEnabled({ cid: 1, index: 0, enabled: 1 });
  states(c, { [RS.LIGHTINGENABLE]: 1, [RS.VERTEXMATERIALENABLE]: 0, [RS.LOCALVIEWER]: 0, [RS.SPECULARENABLE]: 0, ...extra });
}

function render(draw: (c: CommandWriter, range: (first: number, count: number, primType?: number) => void) => void, vertices = halves()): string[][] {
  const result = renderScene({ vertices, secondUsage: NORMAL_USAGE, draw });
  expect(result.diagnostics).toEqual([]);
  return hexRows(result.colors[0]!);
}

const split = (left: string, right: string, black = '000000ff') =>
  expectedRows((x) => (x < 4 ? left : x < 8 ? right : black));

describe('two-sided material: FRONT on front faces, BACK on back faces', () => {
  it('FRONTWINDING CW: the clockwise half is FRONT, the counter-clockwise half BACK (CULLMODE NONE)', () => {
    const rows = render((c, range) => {
      fixedFunction(c, { [RS.FRONTWINDING]: WINDING.CW, [RS.CULLMODE]: 1 });
      setMaterial(c, FACE.FRONT, FRONT);
      setMaterial(c, FACE.BACK, BACK);
      range(0, 4);
    });
    expect(rows).toEqual(split(FRONT_LIT, BACK_LIT));
  });

  it('FRONTWINDING CCW swaps the faces, so the materials swap halves', () => {
    const rows = render((c, range) => {
      fixedFunction(c, { [RS.FRONTWINDING]: WINDING.CCW, [RS.CULLMODE]: 1 });
      setMaterial(c, FACE.FRONT, FRONT);
      setMaterial(c, FACE.BACK, BACK);
      range(0, 4);
    });
    expect(rows).toEqual(split(BACK_LIT, FRONT_LIT));
  });

  it('every component and the power: diffuse, ambient, emissive, specular (SPECULARENABLE) per face', () => {
    const rows = render((c, range) => {
      fixedFunction(c, { [RS.SPECULARENABLE]: 1 });
      setMaterial(c, FACE.FRONT, FRONT);
      setMaterial(c, FACE.BACK, BACK);
      range(0, 4);
    });
    expect(rows).toEqual(split(FRONT_SPECULAR, BACK_SPECULAR));
  });

  it('FRONT_BACK lights both faces alike', () => {
    const rows = render((c, range) => {
      fixedFunction(c);
      setMaterial(c, FACE.FRONT_BACK, FRONT);
      range(0, 4);
    });
    expect(rows).toEqual(split(FRONT_LIT, FRONT_LIT));
  });

  it('a SETMATERIAL BACK alone, after FRONT_BACK, changes only the back faces', () => {
    const rows = render((c, range) => {
      fixedFunction(c);
      setMaterial(c, FACE.FRONT_BACK, FRONT);
      range(0, 4);
      setMaterial(c, FACE.BACK, BACK);
      // The same quads again, over the first draw.
      range(0, 4);
    });
    expect(rows).toEqual(split(FRONT_LIT, BACK_LIT));
  });

  it('a BACK change between two two-sided draws reaches the second draw (same program, new constants)', () => {
    const rows = render((c, range) => {
      fixedFunction(c);
      setMaterial(c, FACE.FRONT, FRONT);
      setMaterial(c, FACE.BACK, BACK);
      range(0, 4);
      setMaterial(c, FACE.BACK, { ...BACK, emissive: [0.1875, 0, 0.0625, 1] });
      range(0, 4);
    });
    // BACK D0 with Ce.r 0.1875: (0.1875 + 0.25 + 0, 0.375, 0.1875), a 0.25.
    expect(rows).toEqual(split(FRONT_LIT, hex([0.4375, 0.375, 0.1875, 0.25])));
  });

  it('CULLMODE BACK leaves only the FRONT half; CULLMODE FRONT only the BACK half', () => {
    const draw = (cull: number) => (c: CommandWriter, range: (first: number, count: number) => void) => {
      fixedFunction(c, { [RS.CULLMODE]: cull });
      setMaterial(c, FACE.FRONT, FRONT);
      setMaterial(c, FACE.BACK, BACK);
      range(0, 4);
    };
    expect(render(draw(3))).toEqual(split(FRONT_LIT, '000000ff'));
    expect(render(draw(2))).toEqual(split('000000ff', BACK_LIT));
  });

  it('flat shading takes the provoking (first) vertex of the triangle, with its face\'s material', () => {
    // Normals per vertex of each triangle: (0, 0, −0.5), (0, 0, 0), (0, 0, 0): only vertex 0 gets
    // diffuse light, so a smooth triangle would be a ramp and a flat one is vertex 0's colour.
    const rows = render((c, range) => {
      fixedFunction(c, { [RS.SHADEMODE]: 1 });
      setMaterial(c, FACE.FRONT, FRONT);
      setMaterial(c, FACE.BACK, BACK);
      range(0, 4);
    }, halves([N, [0, 0, 0, 0], [0, 0, 0, 0]]));
    expect(rows).toEqual(split(FRONT_LIT, BACK_LIT));
  });

  it('smooth shading interpolates the back colours like the front ones (a back face equals BACK as the only material)', () => {
    // Per-vertex normals make a ramp: the back half must be the ramp a one-sided BACK draw gives.
    const ramp = halves([N, [0, 0, -0.25, 0], [0, 0, 0, 0]]);
    const twoSided = render((c, range) => {
      fixedFunction(c);
      setMaterial(c, FACE.FRONT, FRONT);
      setMaterial(c, FACE.BACK, BACK);
      range(0, 4);
    }, ramp);
    const oneSided = (m: Material) => render((c, range) => {
      fixedFunction(c);
      setMaterial(c, FACE.FRONT_BACK, m);
      range(0, 4);
    }, ramp);
    const front = oneSided(FRONT);
    const back = oneSided(BACK);
    expect(twoSided).toEqual(expectedRows((x, y) => (x < 4 ? front : back)[y]![x]!));
    // And it is a ramp, not one colour per triangle.
    expect(new Set(back.flat().filter((_, i) => i % 8 >= 4)).size).toBeGreaterThan(2);
  });

  it('FILLMODE LINE keeps the triangle\'s face: the back triangle\'s edges are BACK', () => {
    const rows = render((c, range) => {
      fixedFunction(c, { [RS.FILLMODE]: 2 | (FACE.FRONT_BACK << 16) });
      setMaterial(c, FACE.FRONT, FRONT);
      setMaterial(c, FACE.BACK, BACK);
      // Only the counter-clockwise triangle (4, 0), (4, 8), (8, 0): back-facing.
      range(6, 1);
    });
    const colours = new Set(rows.flat());
    expect(colours).toEqual(new Set(['000000ff', BACK_LIT]));
  });

  it('lines and points are front-facing: FRONT', () => {
    const draw = (primType: number) => (c: CommandWriter, range: (first: number, count: number, primType?: number) => void) => {
      fixedFunction(c);
      setMaterial(c, FACE.FRONT, FRONT);
      setMaterial(c, FACE.BACK, BACK);
      // A line (4, 0) → (4, 8), or the points (4, 0) and (4, 8), from the counter-clockwise triangle's vertices.
      range(6, primType === 3 ? 1 : 2, primType);
    };
    for (const primType of [3, 2]) {
      const lit = render(draw(primType)).flat().filter((p) => p !== '000000ff');
      expect(lit.length).toBeGreaterThan(0);
      expect(new Set(lit)).toEqual(new Set([FRONT_LIT]));
    }
  });
});
