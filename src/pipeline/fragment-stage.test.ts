import { describe, expect, it } from 'vitest';
import type { FragmentOutput, FragmentQuad } from '../raster/raster-interfaces.js';
import { UNBOUND_SAMPLER } from '../shader-vm/index.js';
import { program } from './draw-test-support.js';
import { createShaderFragmentStage } from './fragment-stage.js';

/** A quad of two varyings: pixel p has varying 0 = (p, 0, 0, 0) and varying 1 = (0, 0.5, 0, 1). */
function quad(): FragmentQuad {
  const varyings = new Float32Array(4 * 2 * 4);
  for (let p = 0; p < 4; p++) {
    varyings.set([p / 4, 0, 0, 0], (p * 2 + 0) * 4);
    varyings.set([0, 0.5, 0, 1], (p * 2 + 1) * 4);
  }
  return {
    x: 2, y: 4, mask: 0b0111, primitive: 'triangle', varyingCount: 2, varyings,
    z: new Float32Array(4), vPos: new Float32Array([2, 4, 3, 4, 2, 5, 3, 5]), vFace: -1,
  };
}

function output(): FragmentOutput {
  return { colors: new Float32Array(64), colorsWritten: 0, depth: new Float32Array(4), depthWritten: false, killed: 0 };
}

const constants = { float: new Float32Array(1024) };

describe('createShaderFragmentStage', () => {
  it('puts each varying in its register (v# or t#) and returns oC0 per pixel', () => {
    const stage = createShaderFragmentStage({
      program: program('ps_2_0\ndcl t2\ndcl v1\nadd oC0, t2, v1'),
      constants,
      sampler: UNBOUND_SAMPLER,
      targets: [{ file: 'texture', index: 2 }, { file: 'input', index: 1 }],
    });
    const out = output();
    stage.shadeQuad(quad(), out);
    expect(out.colorsWritten).toBe(1);
    expect(Array.from(out.colors.subarray(0, 16))).toEqual([0, 0.5, 0, 1, 0.25, 0.5, 0, 1, 0.5, 0.5, 0, 1, 0.75, 0.5, 0, 1]);
    expect([out.killed, out.depthWritten]).toEqual([0, false]);
  });

  it('ps_3_0: vPos and vFace from the quad, oDepth and texkill reach the output', () => {
    const stage = createShaderFragmentStage({
      program: program('ps_3_0\ndef c0, 0.25, 0, 0, 0\ndcl vPos.xy\ndcl vFace\ndcl_texcoord0 v0\nmov r0, vPos\nmov r0.z, vFace\nmov r0.w, c0.y\nmov oC0, r0\nmov oDepth, c0.x\nadd r1, v0.x, -c0.x\ntexkill r1'),
      constants,
      sampler: UNBOUND_SAMPLER,
      targets: [{ file: 'input', index: 0 }],
    });
    const out = output();
    stage.shadeQuad(quad(), out);
    expect(Array.from(out.colors.subarray(0, 16))).toEqual([2, 4, -1, 0, 3, 4, -1, 0, 2, 5, -1, 0, 3, 5, -1, 0]);
    expect(Array.from(out.depth)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(out.depthWritten).toBe(true);
    // v0.x − 0.25 < 0 for pixel 0 only.
    expect(out.killed).toBe(0b0001);
  });
});
