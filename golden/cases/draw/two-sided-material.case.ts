/**
 * Two-sided material (SETMATERIAL FRONT and BACK) on an open cylinder seen from above in
 * perspective, fixed-function lighting, CULLMODE NONE, depth test: the outside of the near wall
 * faces the viewer (FRONT material, orange), the inside of the far wall shows over the rim
 * (BACK material, blue). Same normals on both faces (D3D9's equation, nothing flipped): a light
 * from the viewer's side lights the outside, one from behind lights the inside of the far wall.
 * The CCW case flips FRONTWINDING, so the two materials swap walls and nothing else changes.
 */
import { f32Cos, f32Sin, f32Sqrt } from '../../../src/common/f32-math.js';
import type { GoldenCase } from '../../../src/golden/golden-case.js';
import {
  SVGA3dDeclType as DT,
  SVGA3dDeclUsage as DU,
  SVGA3dFace,
  SVGA3dFrontWinding,
  SVGA3dPrimitiveType as P,
  SVGA3dTransformType as T,
} from '../../../src/svga3d-decoder/index.js';
import { SVGA3dSurfaceFormat as F } from '../../../src/formats/surface-formats.js';
import { CID, INVALID_ID, scriptCase } from '../scene-kit.js';
import { DrawScene, RS } from './draw-kit.js';

const SEGMENTS = 24;
const STRIDE = 24;

/** The band's triangles: FLOAT3 position, FLOAT3 outward normal; outside clockwise on screen. */
function cylinder(): Uint8Array {
  // A regular 24-gon, through the project's own float32 cos / sin (never Math.*: deterministic).
  const ring = (i: number) => {
    const a = Math.fround((2 * Math.PI * (i % SEGMENTS)) / SEGMENTS);
    return [f32Cos(a), f32Sin(a)] as const;
  };
  const out = new Float32Array(SEGMENTS * 6 * 6);
  let o = 0;
  const put = (x: number, y: number, z: number) => {
    out.set([x, y, z, x, 0, z], o);
    o += 6;
  };
  for (let i = 0; i < SEGMENTS; i++) {
    const [x0, z0] = ring(i);
    const [x1, z1] = ring(i + 1);
    put(x0, 0.6, z0);
    put(x1, 0.6, z1);
    put(x0, -0.6, z0);
    put(x1, 0.6, z1);
    put(x1, -0.6, z1);
    put(x0, -0.6, z0);
  }
  return new Uint8Array(out.buffer);
}

function scene(name: string, frontWinding: number): Uint8Array {
  const s = new DrawScene(name, 64, 64, 0xff20_2020, { depthFormat: F.Z_D24S8, fixedFunction: true });
  // Row vectors: VIEW tilts the world 30° about x (the viewer looks down at the band) and moves it
  // 3.5 away; PROJECTION is a D3D perspective (cot(fov/2) = 2, near 1, far 10).
  const c30 = f32Sqrt(0.75);
  s.c.setTransform({ cid: CID, type: T.WORLD, matrix: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] });
  s.c.setTransform({ cid: CID, type: T.VIEW, matrix: [1, 0, 0, 0, 0, c30, -0.5, 0, 0, 0.5, c30, 0, 0, 0, 3.5, 1] });
  s.c.setTransform({ cid: CID, type: T.PROJECTION, matrix: [2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 10 / 9, 1, 0, 0, -10 / 9, 0].map(Math.fround) });
  const light = (index: number, direction: number[], diffuse: number[]) => {
    s.c.setLightData({
      cid: CID, index, data: {
        type: 4, inWorldSpace: 1, diffuse, specular: [1, 1, 1, 1], ambient: [0, 0, 0, 0],
        position: [0, 0, 0, 1], direction, range: 0, falloff: 0, attenuation0: 1, attenuation1: 0, attenuation2: 0, theta: 0, phi: 0,
      },
    });
    s.c.setLightEnabled({ cid: CID, index, enabled: 1 });
  };
  light(0, [0.3, -0.4, 1, 0], [0.9, 0.9, 0.9, 1]);
  light(1, [-0.2, -0.3, -1, 0], [0.7, 0.7, 0.7, 1]);
  s.c.setMaterial({ cid: CID, face: SVGA3dFace.FRONT, material: { diffuse: [1, 0.55, 0.1, 1], ambient: [1, 0.55, 0.1, 1], specular: [1, 1, 1, 1], emissive: [0, 0, 0, 1], shininess: 20 } });
  s.c.setMaterial({ cid: CID, face: SVGA3dFace.BACK, material: { diffuse: [0.2, 0.45, 1, 1], ambient: [0.2, 0.45, 1, 1], specular: [0.3, 0.3, 0.3, 1], emissive: [0, 0, 0.05, 1], shininess: 5 } });
  s.states([
    [RS.LIGHTINGENABLE, 1],
    [RS.VERTEXMATERIALENABLE, 0],
    [RS.SPECULARENABLE, 1],
    [RS.LOCALVIEWER, 1],
    [RS.AMBIENT, 0xff30_3030],
    [RS.FRONTWINDING, frontWinding],
    [RS.CULLMODE, SVGA3dFace.NONE],
  ]);
  s.c.setShader({ cid: CID, type: 1, shid: INVALID_ID });
  s.c.setShader({ cid: CID, type: 2, shid: INVALID_ID });
  const sid = s.buffer(cylinder());
  const decl = (type: number, usage: number, offset: number) => ({
    identity: { type, method: 0, usage, usageIndex: 0 },
    array: { surfaceId: sid, offset, stride: STRIDE },
    rangeHint: { first: 0, last: SEGMENTS * 6 - 1 },
  });
  s.c.drawPrimitives({
    cid: CID,
    decls: [decl(DT.FLOAT3, DU.POSITION, 0), decl(DT.FLOAT3, DU.NORMAL, 12)],
    ranges: [{ primType: P.TRIANGLELIST, primitiveCount: SEGMENTS * 2, indexArray: { surfaceId: INVALID_ID, offset: 0, stride: 0 }, indexWidth: 0, indexBias: 0 }],
  });
  return s.finish();
}

const needs = ['draw', 'fixed-function'] as const;

export const twoSidedMaterialCases: GoldenCase[] = [
  scriptCase(
    'ff/two-sided-material',
    'Fixed function, two-sided material: an open lit cylinder from above, outside of the near wall FRONT (orange), inside of the far wall BACK (blue), CULLMODE NONE',
    ['fixed-function', 'lighting', 'two-sided'], needs, () => scene('ff/two-sided-material', SVGA3dFrontWinding.CW),
  ),
  scriptCase(
    'ff/two-sided-material-ccw',
    'The same cylinder with FRONTWINDING CCW: the materials swap walls (outside BACK, inside FRONT), the lighting is unchanged',
    ['fixed-function', 'lighting', 'two-sided'], needs, () => scene('ff/two-sided-material-ccw', SVGA3dFrontWinding.CCW),
  ),
];
