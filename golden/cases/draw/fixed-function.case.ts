/**
 * Draws without shaders, through the device's fixed-function programs: vertex colours with
 * lighting off under identity transforms, and a WORLD × VIEW × PROJECTION that scales, rotates
 * and moves the geometry.
 */
import type { GoldenCase } from '../../../src/golden/golden-case.js';
import { SVGA3dPrimitiveType as P, SVGA3dTransformType as T } from '../../../src/svga3d-decoder/index.js';
import { CID, scriptCase } from '../scene-kit.js';
import { DrawScene, quad } from './draw-kit.js';

const IDENTITY = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

function identities(s: DrawScene): void {
  for (const type of [T.WORLD, T.VIEW, T.PROJECTION]) s.c.setTransform({ cid: CID, type, matrix: IDENTITY });
}

function vertexColours(): Uint8Array {
  const s = new DrawScene('ff/vertex-colours', 32, 32, 0xff40_4040, { fixedFunction: true });
  identities(s);
  s.draw(P.TRIANGLELIST, 1, [
    { x: -0.8, y: -0.8, z: 0.5, color: 0xffff_0000 },
    { x: 0.0, y: 0.8, z: 0.5, color: 0xff00_ff00 },
    { x: 0.8, y: -0.6, z: 0.5, color: 0xff00_00ff },
  ]);
  return s.finish();
}

function transforms(): Uint8Array {
  const s = new DrawScene('ff/world-view-projection', 32, 32, 0xff40_4040, { fixedFunction: true });
  // Row vectors (D3D): WORLD scales by 0.5 and rotates 90° about z (x → y, y → −x), VIEW moves
  // by (0.25, 0.25), PROJECTION is the identity. The unit quad becomes a 1×1 square centred at
  // (0.25, 0.25) whose corner colours are rotated a quarter turn.
  s.c.setTransform({ cid: CID, type: T.WORLD, matrix: [0, 0.5, 0, 0, -0.5, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] });
  s.c.setTransform({ cid: CID, type: T.VIEW, matrix: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0.25, 0.25, 0, 1] });
  s.c.setTransform({ cid: CID, type: T.PROJECTION, matrix: IDENTITY });
  const q = quad(-1, -1, 1, 1, 0.5, 0xffff_ffff);
  const corner = [0xffff_0000, 0xff00_ff00, 0xff00_00ff, 0xff00_ff00, 0xffff_ff00, 0xff00_00ff];
  s.draw(P.TRIANGLELIST, 2, q.map((v, i) => ({ ...v, color: corner[i] ?? 0 })));
  return s.finish();
}

const needs = ['draw', 'fixed-function'] as const;

export const fixedFunctionCases: GoldenCase[] = [
  scriptCase('ff/vertex-colours', 'Fixed function, lighting off, identity transforms: a Gouraud triangle of red, green and blue vertices', ['fixed-function', 'triangle'], needs, vertexColours),
  scriptCase('ff/world-view-projection', 'Fixed function: WORLD scale and quarter turn, VIEW translation; a colour-cornered quad lands as a 16×16 square', ['fixed-function', 'transform'], needs, transforms),
];
