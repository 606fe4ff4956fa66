/**
 * What ps_1_x's texture-address instructions read from the texture stages: the bump-environment
 * matrix, scale and offset (texbem, texbeml), which stages are projected (TEXTURETRANSFORMFLAGS
 * PROJECTED) and by which coordinate, and which are bound to cube maps (never projected).
 *
 * SVGA's TEXTURETRANSFORMFLAGS is a bitmask (S 1, T 2, R 4, Q 8, PROJECTED 0x8000) where D3D9
 * has a count: the number of coordinate bits set plays D3D9's count.
 */
import { f32FromBits } from '../common/f32-math.js';
import type { TextureStageState } from '../shader-vm/index.js';
import { SVGA3dTextureStateName as TS } from '../svga3d-decoder/spec/enums-texture-state.js';
import type { DrawContext, DrawSurfaces } from './draw-context.js';

/** Stages ps_1_x can address. */
const PS1_STAGES = 8;
const PROJECTED = 0x8000;
const BUMP_STATES = [TS.BUMPENVMAT00, TS.BUMPENVMAT01, TS.BUMPENVMAT10, TS.BUMPENVMAT11, TS.BUMPENVLSCALE, TS.BUMPENVLOFFSET];

/** The texture-stage state of stages 0–7 for a ps_1_x program. */
export function ps1StageState(context: DrawContext, surfaces: DrawSurfaces): TextureStageState {
  const bumpEnv = new Float32Array(PS1_STAGES * 6);
  const projectedCount = new Array<number>(PS1_STAGES).fill(4);
  let projected = 0;
  let cubeStages = 0;
  for (let s = 0; s < PS1_STAGES; s++) {
    BUMP_STATES.forEach((name, i) => (bumpEnv[s * 6 + i] = f32FromBits(context.textureState(s, name))));
    const flags = context.textureState(s, TS.TEXTURETRANSFORMFLAGS);
    if ((flags & PROJECTED) !== 0) {
      projected |= 1 << s;
      const count = (flags & 1) + ((flags >> 1) & 1) + ((flags >> 2) & 1) + ((flags >> 3) & 1);
      if (count >= 2) projectedCount[s] = count;
    }
    const sid = context.textureState(s, TS.BIND_TEXTURE);
    if (sid !== 0xffffffff && surfaces.get(sid)?.faceCount === 6) cubeStages |= 1 << s;
  }
  return { bumpEnv, projected, projectedCount, cubeStages };
}
