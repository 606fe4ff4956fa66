import { describe, expect, it } from 'vitest';
import { DeclUsage, outputSignature } from '../shader-vm/index.js';
import { program } from './draw-test-support.js';
import { linkStages, type Semantic } from './shader-linkage.js';

const outputsOf = (text: string): Semantic[] => outputSignature(program(text)).map((e) => ({ usage: e.usage, usageIndex: e.usageIndex }));
const defaultFor = () => [0, 0, 0, 1] as const;

describe('linkStages', () => {
  const vs2 = outputsOf('vs_2_0\ndcl_position v0\nmov oPos, v0');
  // vs < 3.0 signature: oPos, oFog, oPts, oD0, oD1, oT0–oT7 (entries 0–12).

  it('vs_2_0 → ps_2_0: declared v#/t# only, by semantic; flat colours; texcoords take sprite coordinates', () => {
    const ps = program('ps_2_0\ndcl t3\ndcl v1\ndcl v0\nadd r0, v0, v1\nadd oC0, r0, t3');
    const link = linkStages(vs2, ps, { flat: true, vertexFog: false, defaultFor });
    // Order follows the pixel shader's signature: v0, v1, then t3.
    expect(link.sources).toEqual([3, 4, 5 + 3]);
    expect(link.targets).toEqual([{ file: 'input', index: 0 }, { file: 'input', index: 1 }, { file: 'texture', index: 3 }]);
    expect(link.layout).toEqual({ count: 3, interpolation: ['flat', 'flat', 'perspective'], spriteCoordVaryings: [2] });
  });

  it('vertex fog adds oFog as one more varying, not a shader input', () => {
    const ps = program('ps_2_0\ndcl v0\nmov oC0, v0');
    const link = linkStages(vs2, ps, { flat: false, vertexFog: true, defaultFor });
    expect(link.sources).toEqual([3, 1]);
    expect(link.targets).toEqual([{ file: 'input', index: 0 }, undefined]);
    expect(link.layout).toEqual({ count: 2, interpolation: ['perspective', 'perspective'], spriteCoordVaryings: [], fogVarying: 1 });
  });

  it('vs_3_0 o# → ps_3_0 v# by DCL usage and index; a semantic the vertex stage lacks takes its default', () => {
    const vs3 = outputsOf('vs_3_0\ndcl_position o0\ndcl_texcoord3 o1\ndcl_color o2\ndcl_position v0\nmov o0, v0\nmov o1, v0\nmov o2, v0');
    const ps3 = program('ps_3_0\ndcl_color v2\ndcl_texcoord3 v0\ndcl_texcoord5 v1\nadd r0, v0, v1\nadd oC0, r0, v2');
    const link = linkStages(vs3, ps3, { flat: false, vertexFog: false, defaultFor: (s) => (s.usage === DeclUsage.TEXCOORD ? [7, 7, 7, 7] : [0, 0, 0, 1]) });
    expect(link.sources).toEqual([2, 1, -1]);
    expect(link.defaults[2]).toEqual([7, 7, 7, 7]);
    expect(link.targets).toEqual([{ file: 'input', index: 2 }, { file: 'input', index: 0 }, { file: 'input', index: 1 }]);
  });

  it('ps_1_x has no declarations: all of v0/v1 and t0–t7 are linked', () => {
    const ps = program('ps_1_1\nmov r0, v0');
    expect(linkStages(vs2, ps, { flat: false, vertexFog: false, defaultFor }).sources).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});
