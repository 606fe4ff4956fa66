/**
 * Draws through vs_2_0 / ps_2_0: a Gouraud triangle, primitive types, culling, scissor and a
 * pixel shader that computes its colour from constants.
 */
import type { GoldenCase } from '../../../src/golden/golden-case.js';
import { SVGA3dFace, SVGA3dPrimitiveType as P, SVGA3dShadeMode, SVGA3dShaderType } from '../../../src/svga3d-decoder/index.js';
import { CID, scriptCase } from '../scene-kit.js';
import { DrawScene, PASS_VS, RS, f32bits, quad, type ColorVertex } from './draw-kit.js';

const GREY = 0xff40_4040;

function triangle(): Uint8Array {
  const s = new DrawScene('draw/triangle-vs2-ps2', 32, 32, GREY);
  s.draw(P.TRIANGLELIST, 1, [
    { x: -0.8, y: -0.8, z: 0.5, color: 0xffff_0000 },
    { x: 0.0, y: 0.8, z: 0.5, color: 0xff00_ff00 },
    { x: 0.8, y: -0.6, z: 0.5, color: 0xff00_00ff },
  ]);
  return s.finish();
}

function flat(): Uint8Array {
  const s = new DrawScene('draw/shade-flat', 32, 32, GREY);
  s.states([[RS.SHADEMODE, SVGA3dShadeMode.FLAT]]);
  s.draw(P.TRIANGLELIST, 1, [
    { x: -0.8, y: -0.8, z: 0.5, color: 0xffff_0000 },
    { x: 0.0, y: 0.8, z: 0.5, color: 0xff00_ff00 },
    { x: 0.8, y: -0.6, z: 0.5, color: 0xff00_00ff },
  ]);
  return s.finish();
}

function strip(): Uint8Array {
  const s = new DrawScene('draw/triangle-strip-fan', 32, 32, GREY);
  // A strip of 4 triangles across the top half, a fan of 3 triangles in the bottom half.
  const top: ColorVertex[] = [];
  for (let i = 0; i < 6; i++) top.push({ x: -0.9 + 0.36 * i, y: i % 2 === 0 ? 0.1 : 0.9, z: 0.5, color: i % 2 === 0 ? 0xffff_ff00 : 0xff00_ffff });
  s.draw(P.TRIANGLESTRIP, 4, top);
  s.draw(P.TRIANGLEFAN, 3, [
    { x: 0, y: -0.9, z: 0.5, color: 0xffff_ffff },
    { x: -0.9, y: -0.2, z: 0.5, color: 0xffff_0000 },
    { x: -0.3, y: -0.1, z: 0.5, color: 0xff00_ff00 },
    { x: 0.3, y: -0.1, z: 0.5, color: 0xff00_00ff },
    { x: 0.9, y: -0.2, z: 0.5, color: 0xffff_00ff },
  ]);
  return s.finish();
}

function linesPoints(): Uint8Array {
  const s = new DrawScene('draw/lines-points', 32, 32, GREY);
  s.draw(P.LINELIST, 3, [
    { x: -0.9, y: -0.9, z: 0.5, color: 0xffff_0000 },
    { x: 0.9, y: 0.9, z: 0.5, color: 0xffff_ff00 },
    { x: -0.9, y: 0.5, z: 0.5, color: 0xff00_ff00 },
    { x: 0.9, y: 0.5, z: 0.5, color: 0xff00_ff00 },
    { x: 0.5, y: -0.9, z: 0.5, color: 0xff00_ffff },
    { x: 0.5, y: 0.9, z: 0.5, color: 0xff00_00ff },
  ]);
  s.draw(P.LINESTRIP, 3, [
    { x: -0.7, y: -0.2, z: 0.5, color: 0xffff_ffff },
    { x: -0.4, y: 0.2, z: 0.5, color: 0xffff_ffff },
    { x: -0.1, y: -0.2, z: 0.5, color: 0xffff_ffff },
    { x: 0.2, y: 0.2, z: 0.5, color: 0xffff_ffff },
  ]);
  const pts: ColorVertex[] = [];
  for (let i = 0; i < 5; i++) pts.push({ x: -0.8 + 0.4 * i, y: -0.6, z: 0.5, color: 0xffff_80ff });
  s.draw(P.POINTLIST, 5, pts);
  return s.finish();
}

function cull(mode: number, name: string): () => Uint8Array {
  return () => {
    const s = new DrawScene(name, 32, 32, GREY);
    s.states([[RS.CULLMODE, mode]]);
    // Left triangle clockwise on screen, right one counter-clockwise.
    s.draw(P.TRIANGLELIST, 2, [
      { x: -0.9, y: -0.8, z: 0.5, color: 0xffff_0000 },
      { x: -0.5, y: 0.8, z: 0.5, color: 0xffff_0000 },
      { x: -0.1, y: -0.8, z: 0.5, color: 0xffff_0000 },
      { x: 0.1, y: -0.8, z: 0.5, color: 0xff00_ff00 },
      { x: 0.9, y: -0.8, z: 0.5, color: 0xff00_ff00 },
      { x: 0.5, y: 0.8, z: 0.5, color: 0xff00_ff00 },
    ]);
    return s.finish();
  };
}

function scissor(): Uint8Array {
  const s = new DrawScene('draw/scissor', 32, 32, GREY);
  s.c.setScissorRect({ cid: CID, rect: { x: 6, y: 10, w: 15, h: 9 } });
  s.states([[RS.SCISSORTESTENABLE, 1]]);
  s.draw(P.TRIANGLELIST, 2, quad(-1, -1, 1, 1, 0.5, 0xff00_c0ff));
  return s.finish();
}

function constantShader(): Uint8Array {
  const s = new DrawScene('draw/ps-constants', 32, 32, GREY);
  // The pixel shader mixes c0 and c1 by the red channel of the interpolated colour.
  s.useShaders(
    PASS_VS,
    `ps_2_0
dcl v0
lrp r0, v0.x, c0, c1
mov oC0, r0
`,
  );
  const cst = (reg: number, v: [number, number, number, number]) =>
    s.c.setShaderConst({ cid: CID, reg, type: SVGA3dShaderType.PS, ctype: 0, values: [v.map(f32bits) as [number, number, number, number]] });
  cst(0, [1, 0.5, 0, 1]);
  cst(1, [0, 0.25, 1, 1]);
  s.draw(P.TRIANGLELIST, 2, [
    { x: -1, y: -1, z: 0.5, color: 0xff00_0000 },
    { x: 1, y: -1, z: 0.5, color: 0xffff_0000 },
    { x: -1, y: 1, z: 0.5, color: 0xff00_0000 },
    { x: 1, y: -1, z: 0.5, color: 0xffff_0000 },
    { x: 1, y: 1, z: 0.5, color: 0xffff_0000 },
    { x: -1, y: 1, z: 0.5, color: 0xff00_0000 },
  ]);
  return s.finish();
}

const needs = ['draw', 'shader'] as const;

export const shaderDrawCases: GoldenCase[] = [
  scriptCase('draw/triangle-vs2-ps2', 'One triangle through a pass-through vs_2_0 / ps_2_0 with red, green and blue vertices (Gouraud)', ['draw', 'shader', 'triangle'], needs, triangle),
  scriptCase('draw/shade-flat', 'SHADEMODE FLAT: the same triangle in the colour of its first vertex', ['draw', 'shader', 'flat'], needs, flat),
  scriptCase('draw/triangle-strip-fan', 'TRIANGLESTRIP of 4 and TRIANGLEFAN of 3 triangles', ['draw', 'shader', 'strip', 'fan'], needs, strip),
  scriptCase('draw/lines-points', 'LINELIST, LINESTRIP and POINTLIST (1-pixel points)', ['draw', 'shader', 'line', 'point'], needs, linesPoints),
  scriptCase('draw/cull-none', 'CULLMODE NONE: both windings drawn', ['draw', 'shader', 'cull'], needs, cull(SVGA3dFace.NONE, 'draw/cull-none')),
  scriptCase('draw/cull-back', 'CULLMODE BACK: one of two triangles of opposite winding is culled', ['draw', 'shader', 'cull'], needs, cull(SVGA3dFace.BACK, 'draw/cull-back')),
  scriptCase('draw/cull-front', 'CULLMODE FRONT: the other triangle is culled', ['draw', 'shader', 'cull'], needs, cull(SVGA3dFace.FRONT, 'draw/cull-front')),
  scriptCase('draw/scissor', 'A full-target quad with SCISSORTESTENABLE and a 15×9 scissor rectangle at (6, 10)', ['draw', 'shader', 'scissor'], needs, scissor),
  scriptCase('draw/ps-constants', 'ps_2_0 lrp between two SET_SHADER_CONST colours by the interpolated red channel', ['draw', 'shader', 'constants'], needs, constantShader),
];
