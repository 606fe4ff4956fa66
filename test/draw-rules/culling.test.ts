/**
 * Culling end to end: CULLMODE NONE / FRONT / BACK / FRONT_BACK × FRONTWINDING CW / CCW × the
 * triangle's screen winding. A triangle is front-facing when its screen winding equals
 * FRONTWINDING; CULLMODE names the face that is dropped (SVGA3dFace, not D3DCULL).
 */
import { describe, expect, it } from 'vitest';
import { SVGA3dFace as FACE, SVGA3dFrontWinding as FW, SVGA3dRenderStateName as RS } from '../../src/svga3d-decoder/index.js';
import { coverage, expectedRows, hexRows } from '../support/draw-expect.js';
import { renderScene, states, win } from '../support/draw-scene.js';

const RED = [1, 0, 0, 1];

/** Clockwise on screen (y down): (1, 1) → (7, 1) → (1, 7); the counter-clockwise one swaps the last two. */
const CW: [number, number][] = [[1, 1], [7, 1], [1, 7]];
const CCW: [number, number][] = [[1, 1], [1, 7], [7, 1]];

const CASES = (['NONE', 'FRONT', 'BACK', 'FRONT_BACK'] as const).flatMap((cull) =>
  (['CW', 'CCW'] as const).flatMap((front) => (['CW', 'CCW'] as const).map((winding) => ({ cull, front, winding }))),
);

describe.each(CASES)('CULLMODE $cull, FRONTWINDING $front', ({ cull, front, winding }) => {
  const isFront = winding === front;
  const drawn = cull === 'NONE' || (cull === 'FRONT' && !isFront) || (cull === 'BACK' && isFront);
  it(`a ${winding} triangle is ${drawn ? 'drawn' : 'culled'}`, () => {
    const tri = winding === 'CW' ? CW : CCW;
    const { colors, diagnostics } = renderScene({
      vertices: tri.map(([x, y]) => win(x, y, 0.5, RED)),
      draw: (c, d) => {
        states(c, { [RS.CULLMODE]: FACE[cull], [RS.FRONTWINDING]: FW[front] });
        d(0, 1);
      },
    });
    expect(diagnostics).toEqual([]);
    const cov = coverage(tri);
    // Both windings cover the same 21 centres (x ≥ 1, y ≥ 1, x + y < 8).
    expect(cov.flat().filter(Boolean).length).toBe(21);
    expect(hexRows(colors[0]!)).toEqual(expectedRows((x, y) => (drawn && cov[y]![x] ? 'ff0000ff' : '000000ff')));
  });
});
