import { describe, expect, it } from 'vitest';
import { DeclUsage, outputSignature } from '../shader-vm/index.js';
import { program } from './draw-test-support.js';
import { backFaceSemantic, linkStages, type Semantic } from './shader-linkage.js';

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

  describe('two-sided pairs', () => {
    // Entries: 0 POSITION0, 1 COLOR0, 2 COLOR1, 3 COLOR2 (back COLOR0), 4 COLOR3 (back COLOR1), 5 FOG0, 6 FOG1, 7 TEXCOORD0.
    const vs3 = outputsOf(
      'vs_3_0\ndcl_position o0\ndcl_color o1\ndcl_color1 o2\ndcl_color2 o3\ndcl_color3 o4\ndcl_fog o5.x\ndcl_fog1 o6.x\ndcl_texcoord o7\n' +
        'dcl_position v0\nmov o0, v0\nmov o1, v0\nmov o2, v0\nmov o3, v0\nmov o4, v0\nmov o5.x, v0\nmov o6.x, v0\nmov o7, v0',
    );

    it('COLOR2/3 and FOG1 become back varyings, read by no pixel input, interpolated like their fronts, paired with COLOR0/1 and the fog varying', () => {
      const ps = program('ps_2_0\ndcl t0\ndcl v1\ndcl v0\nadd r0, v0, v1\nadd oC0, r0, t0');
      const link = linkStages(vs3, ps, { flat: true, vertexFog: true, defaultFor });
      // Slots: 0 v0, 1 v1, 2 t0, 3 fog, then the backs of 0, 1, 3.
      expect(link.sources).toEqual([1, 2, 7, 5, 3, 4, 6]);
      expect(link.targets).toEqual([{ file: 'input', index: 0 }, { file: 'input', index: 1 }, { file: 'texture', index: 0 }, undefined, undefined, undefined, undefined]);
      expect(link.layout).toEqual({
        count: 7,
        interpolation: ['flat', 'flat', 'perspective', 'perspective', 'flat', 'flat', 'perspective'],
        spriteCoordVaryings: [2],
        fogVarying: 3,
        facePairs: [[0, 4], [1, 5], [3, 6]],
      });
      expect(link.defaults.slice(4)).toEqual([[0, 0, 0, 1], [0, 0, 0, 1], [1, 0, 0, 1]]);
    });

    it('only pairs what is linked: a colour the pixel shader does not read, or no vertex fog, gets no back varying', () => {
      const ps = program('ps_2_0\ndcl v1\nmov oC0, v1');
      const link = linkStages(vs3, ps, { flat: false, vertexFog: false, defaultFor });
      expect(link.sources).toEqual([2, 4]);
      expect(link.layout.facePairs).toEqual([[0, 1]]);
    });

    it('a vertex stage without back outputs (every vs < 3.0) gives no facePairs field at all', () => {
      const ps = program('ps_2_0\ndcl v0\ndcl v1\nadd oC0, v0, v1');
      expect(linkStages(vs2, ps, { flat: false, vertexFog: true, defaultFor }).layout).not.toHaveProperty('facePairs');
    });

    it('ps_3_0 reads COLOR2 as an ordinary input and gets no pairs', () => {
      const ps3 = program('ps_3_0\ndcl_color v0\ndcl_color2 v1\nadd oC0, v0, v1');
      const link = linkStages(vs3, ps3, { flat: false, vertexFog: false, defaultFor });
      expect(link.sources).toEqual([1, 3]);
      expect(link.layout).not.toHaveProperty('facePairs');
    });

    it('back varyings are dropped when no slot is left', () => {
      const ps = program('ps_1_1\nmov r0, v0');
      // ps_1_x links v0, v1, t0–t7 (10 slots) and the fog varying: 11, +3 backs = 14 ≤ 16.
      expect(linkStages(vs3, ps, { flat: false, vertexFog: true, defaultFor }).layout.facePairs).toEqual([[0, 11], [1, 12], [10, 13]]);
    });

    it('backFaceSemantic: COLOR0/1 → COLOR2/3, FOG0 → FOG1, nothing else', () => {
      expect(backFaceSemantic({ usage: DeclUsage.COLOR, usageIndex: 0 })).toEqual({ usage: DeclUsage.COLOR, usageIndex: 2 });
      expect(backFaceSemantic({ usage: DeclUsage.COLOR, usageIndex: 1 })).toEqual({ usage: DeclUsage.COLOR, usageIndex: 3 });
      expect(backFaceSemantic({ usage: DeclUsage.FOG, usageIndex: 0 })).toEqual({ usage: DeclUsage.FOG, usageIndex: 1 });
      expect(backFaceSemantic({ usage: DeclUsage.COLOR, usageIndex: 2 })).toBeUndefined();
      expect(backFaceSemantic({ usage: DeclUsage.TEXCOORD, usageIndex: 0 })).toBeUndefined();
    });
  });
});
