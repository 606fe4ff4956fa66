/**
 * FILLMODE LINE and POINT on triangles the clipper cuts (near plane, a user clip plane), next to
 * an uncut one, and FILLMODE's face half restricting the mode to front or back faces. D3D9 draws
 * only what is left of a cut triangle's own edges and vertices: no fan diagonal, no edge along a
 * clip plane, no vertex the clipper made.
 */
import type { GoldenCase } from '../../../src/golden/golden-case.js';
import { SVGA3dFace, SVGA3dFillModeType as Fill, SVGA3dPrimitiveType as P } from '../../../src/svga3d-decoder/index.js';
import { CID, scriptCase } from '../scene-kit.js';
import { DrawScene, RS, type ColorVertex } from './draw-kit.js';

const GREY = 0xff40_4040;
const RED = 0xffff_0000;
const GREEN = 0xff00_ff00;
const BLUE = 0xff00_00ff;
const WHITE = 0xffff_ffff;

/** Top left: cut by the near plane (its first vertex at z −0.6, halfway cuts on two edges). */
const NEAR_CUT: ColorVertex[] = [
  { x: -0.9, y: 0.9, z: -0.6, color: RED },
  { x: -0.1, y: 0.9, z: 0.6, color: GREEN },
  { x: -0.9, y: 0.1, z: 0.6, color: BLUE },
];
/** Bottom: whole. */
const WHOLE: ColorVertex[] = [
  { x: -0.8, y: -0.2, z: 0.5, color: WHITE },
  { x: 0.8, y: -0.2, z: 0.5, color: GREEN },
  { x: 0, y: -0.9, z: 0.5, color: RED },
];
/** Top right: cut by user plane 0 (x ≤ 0.5), which leaves two of its vertices. */
const PLANE_CUT: ColorVertex[] = [
  { x: 0.1, y: 0.9, z: 0.5, color: RED },
  { x: 0.9, y: 0.5, z: 0.5, color: GREEN },
  { x: 0.1, y: 0.1, z: 0.5, color: BLUE },
];

function clipped(name: string, mode: number): () => Uint8Array {
  return () => {
    const s = new DrawScene(name, 32, 32, GREY);
    s.states([[RS.FILLMODE, mode | (SVGA3dFace.FRONT_BACK << 16)]]);
    s.draw(P.TRIANGLELIST, 2, [...NEAR_CUT, ...WHOLE]);
    s.c.setClipPlane({ cid: CID, index: 0, plane: [-1, 0, 0, 0.5] });
    s.states([[RS.CLIPPLANEENABLE, 1]]);
    s.draw(P.TRIANGLELIST, 1, PLANE_CUT);
    return s.finish();
  };
}

function face(): Uint8Array {
  const s = new DrawScene('draw/fill-mode-face', 32, 32, GREY);
  // In each row the left triangle is clockwise on screen (front under FRONTWINDING CW), the right
  // one counter-clockwise (back). Top row: LINE for front faces only; bottom row: back faces only.
  const row = (y0: number, y1: number): ColorVertex[] => [
    { x: -0.9, y: y0, z: 0.5, color: RED },
    { x: -0.5, y: y1, z: 0.5, color: RED },
    { x: -0.1, y: y0, z: 0.5, color: RED },
    { x: 0.1, y: y0, z: 0.5, color: GREEN },
    { x: 0.9, y: y0, z: 0.5, color: GREEN },
    { x: 0.5, y: y1, z: 0.5, color: GREEN },
  ];
  s.states([[RS.FILLMODE, Fill.LINE | (SVGA3dFace.FRONT << 16)]]);
  s.draw(P.TRIANGLELIST, 2, row(0.1, 0.9));
  s.states([[RS.FILLMODE, Fill.LINE | (SVGA3dFace.BACK << 16)]]);
  s.draw(P.TRIANGLELIST, 2, row(-0.9, -0.1));
  return s.finish();
}

const needs = ['draw', 'shader'] as const;

export const fillModeCases: GoldenCase[] = [
  scriptCase(
    'draw/fill-line-clipped',
    'FILLMODE LINE: a triangle cut by the near plane and one cut by a user clip plane draw only what is left of their own edges; an uncut one draws all three',
    ['draw', 'shader', 'fill-mode', 'clip'],
    needs,
    clipped('draw/fill-line-clipped', Fill.LINE),
  ),
  scriptCase(
    'draw/fill-point-clipped',
    'FILLMODE POINT: the same triangles draw only their own surviving vertices, none the clipper made',
    ['draw', 'shader', 'fill-mode', 'clip'],
    needs,
    clipped('draw/fill-point-clipped', Fill.POINT),
  ),
  scriptCase('draw/fill-mode-face', 'FILLMODE LINE with face FRONT (top row) and BACK (bottom row): the other facing is filled', ['draw', 'shader', 'fill-mode'], needs, face),
];
