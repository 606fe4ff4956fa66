/**
 * Textured draws through ps_2_0 `texld`: a 4×4 A8R8G8B8 texture of 16 distinct texels on a
 * full-target quad whose texture coordinates span [0, s] (computed in the vertex shader from the
 * position), sampled with POINT and LINEAR filtering and WRAP, MIRROR and CLAMP addressing.
 */
import { SVGA3dSurfaceFormat as F } from '../../../src/formats/surface-formats.js';
import type { GoldenCase } from '../../../src/golden/golden-case.js';
import { SVGA3dPrimitiveType as P, SVGA3dTextureAddress as A, SVGA3dTextureFilter as TF, SVGA3dTextureStateName as TS } from '../../../src/svga3d-decoder/index.js';
import { CID, box, defineSurface, dmaFromVram, scriptCase, u32le } from '../scene-kit.js';
import { DrawScene, quad } from './draw-kit.js';

const TEXTURE_SID = 5;
const TEXTURE_VRAM = 0x80_0000;

/** Texel (x, y) of the 4×4 texture, 0xAARRGGBB: every one distinct, all opaque. */
function texel(x: number, y: number): number {
  return (0xff00_0000 | ((x * 85) << 16) | ((y * 85) << 8) | (((x + y) & 1) * 0xff)) >>> 0;
}

function textured(name: string, span: number, filter: number, address: number): () => Uint8Array {
  return () => {
    const s = new DrawScene(name, 32, 32, 0xff40_4040);
    const texels: number[] = [];
    for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) texels.push(texel(x, y));
    s.t.vramWrite(TEXTURE_VRAM, u32le(texels));
    defineSurface(s.c, TEXTURE_SID, F.A8R8G8B8, 4, 4);
    dmaFromVram(s.c, TEXTURE_SID, TEXTURE_VRAM, 16, [box(0, 0, 4, 4)]);
    const a = span / 2;
    s.useShaders(
      `vs_2_0
def c0, ${a}, ${-a}, 0, 0
def c1, ${a}, ${a}, 0, 1
dcl_position v0
dcl_color v1
mov oPos, v0
mad oT0, v0, c0, c1
`,
      `ps_2_0
dcl t0.xy
dcl_2d s0
texld r0, t0, s0
mov oC0, r0
`,
    );
    s.c.setTextureState({
      cid: CID,
      states: [
        { stage: 0, name: TS.BIND_TEXTURE, value: TEXTURE_SID },
        { stage: 0, name: TS.MAGFILTER, value: filter },
        { stage: 0, name: TS.MINFILTER, value: filter },
        { stage: 0, name: TS.MIPFILTER, value: TF.NONE },
        { stage: 0, name: TS.ADDRESSU, value: address },
        { stage: 0, name: TS.ADDRESSV, value: address },
      ],
    });
    s.draw(P.TRIANGLELIST, 2, quad(-1, -1, 1, 1, 0.5, 0xffff_ffff));
    return s.finish();
  };
}

const needs = ['draw', 'shader', 'texture', 'dma'] as const;

export const textureDrawCases: GoldenCase[] = [
  scriptCase('texture/point-wrap', 'texld of a 4×4 texture over [0, 2]² with POINT filtering and WRAP: two crisp repeats, 4 pixels per texel', ['texture', 'point', 'wrap'], needs, textured('texture/point-wrap', 2, TF.NEAREST, A.WRAP)),
  scriptCase('texture/linear-wrap', 'The same with LINEAR filtering: neighbours blend, across the wrap seam too', ['texture', 'linear', 'wrap'], needs, textured('texture/linear-wrap', 2, TF.LINEAR, A.WRAP)),
  scriptCase('texture/point-mirror', 'POINT filtering over [0, 3]² with MIRROR: the middle repeat is flipped', ['texture', 'point', 'mirror'], needs, textured('texture/point-mirror', 3, TF.NEAREST, A.MIRROR)),
  scriptCase('texture/linear-clamp', 'LINEAR filtering over [0, 2]² with CLAMP: the edge texels stretch to the right and bottom', ['texture', 'linear', 'clamp'], needs, textured('texture/linear-clamp', 2, TF.LINEAR, A.CLAMP)),
];
