import { describe, expect, it } from 'vitest';
import { f32Bits } from '../device/contexts/state-defaults.js';
import { SVGA3dTextureStateName as TS } from '../svga3d-decoder/spec/enums-texture-state.js';
import { MemorySurfaces, contextWith } from './draw-test-support.js';
import { ps1StageState } from './ps1-stage-state.js';

describe('ps1StageState', () => {
  it('bump matrices, projected stages with their coordinate count, cube stages', () => {
    const c = contextWith(undefined, undefined);
    const set = (stage: number, name: number, value: number) => (c.textureStates[stage * TS.MAX + name] = value);
    [0.5, -0.25, 0.125, 2, 4, -1].forEach((v, i) => set(1, [TS.BUMPENVMAT00, TS.BUMPENVMAT01, TS.BUMPENVMAT10, TS.BUMPENVMAT11, TS.BUMPENVLSCALE, TS.BUMPENVLOFFSET][i]!, f32Bits(v)));
    set(2, TS.TEXTURETRANSFORMFLAGS, 0x8000 | 0x7);
    set(3, TS.TEXTURETRANSFORMFLAGS, 0x8000);
    set(4, TS.TEXTURETRANSFORMFLAGS, 0x3);
    set(5, TS.BIND_TEXTURE, 7);
    const surfaces = new MemorySurfaces();
    const cube = { sid: 7, format: 2, flags: 1, faceCount: 6, mipLevels: 1, image: () => undefined };
    const state = ps1StageState(c, { get: (sid) => (sid === 7 ? cube : surfaces.get(sid)) });
    expect(Array.from(state.bumpEnv!.subarray(6, 12))).toEqual([0.5, -0.25, 0.125, 2, 4, -1]);
    expect(Array.from(state.bumpEnv!.subarray(0, 6))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(state.projected).toBe(0b1100);
    expect(Array.from(state.projectedCount!)).toEqual([4, 4, 3, 4, 4, 4, 4, 4]);
    expect(state.cubeStages).toBe(1 << 5);
  });
});
