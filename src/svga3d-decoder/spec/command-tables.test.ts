import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS, COMMAND_SPECS_BY_ID, commandFraming, SVGA_COMMAND_ID } from '../commands.js';
import { commandShortName, commandSpecName, is3dCommandId, SVGA_3D_CMD_LAST_NAMED } from './command-ids.js';
import { flattenLayout, offsetOf } from './layout.js';
import { SVGA3dRenderStateName } from './enums-render-state.js';
import { SVGA3dTextureStateName } from './enums-texture-state.js';
import { SVGA3dLightData, SVGA3dMaterial, SVGA3dPrimitiveRange, SVGA3dVertexDecl, SVGA3dCopyBox } from './structs.js';

const fixedSize = (id: number) => COMMAND_SPECS_BY_ID.get(id)?.fixed.size;

describe('command table', () => {
  it('covers 3D ids 1040–1071, 1080, 1081 and 2D ids with known sizes', () => {
    const ids3d = COMMAND_SPECS.filter((s) => s.family === '3d').map((s) => s.id);
    expect(ids3d).toEqual([...Array.from({ length: 32 }, (_, i) => 1040 + i), 1080, 1081]);
    const ids2d = COMMAND_SPECS.filter((s) => s.family === '2d').map((s) => s.id);
    expect(ids2d).toEqual([0, 1, 2, 3, 14, 19, 20, 21, 22, 25, 29, 30, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42]);
  });

  it('names and spec names follow the headers', () => {
    for (const s of COMMAND_SPECS) {
      expect(s.specName).toBe(s.family === '3d' ? `SVGA_3D_CMD_${s.name}` : `SVGA_CMD_${s.name}`);
      expect(commandShortName(s.id)).toBe(s.name);
      expect(commandSpecName(s.id)).toBe(s.specName);
      expect(is3dCommandId(s.id)).toBe(s.family === '3d');
    }
    expect(SVGA_COMMAND_ID.SURFACE_DMA).toBe(1044);
    expect(SVGA_COMMAND_ID.FENCE).toBe(30);
  });

  it('fixed body sizes match protocol notes §2.4 and §3', () => {
    const expected: [number, number][] = [
      [1040, 36], [1041, 4], [1042, 24], [1043, 76], [1044, 28], [1045, 4], [1046, 4], [1047, 72], [1048, 12],
      [1049, 4], [1050, 20], [1051, 4], [1052, 76], [1053, 124], [1054, 12], [1055, 20], [1056, 24], [1057, 20],
      [1058, 4], [1059, 12], [1060, 12], [1061, 12], [1062, 16], [1063, 12], [1064, 20], [1065, 8], [1066, 16],
      [1067, 16], [1068, 0], [1069, 48], [1070, 44], [1071, 8], [1080, 4], [1081, 4],
      [0, 0], [1, 16], [2, 20], [3, 24], [14, 28], [19, 28], [20, 8], [21, 8], [22, 20], [25, 20], [29, 24],
      [30, 4], [33, 8], [34, 28], [35, 4], [36, 16], [37, 28], [38, 28], [39, 4], [40, 12], [41, 8], [42, 16],
    ];
    expect(expected.map(([id]) => [id, fixedSize(id)])).toEqual(expected);
  });

  it('sub-structure sizes and offsets match the headers', () => {
    expect([SVGA3dCopyBox.size, SVGA3dMaterial.size, SVGA3dLightData.size, SVGA3dVertexDecl.size, SVGA3dPrimitiveRange.size]).toEqual([36, 68, 116, 36, 28]);
    expect(offsetOf(SVGA3dLightData, 'range')).toBe(88);
    expect(offsetOf(SVGA3dLightData, 'phi')).toBe(112);
    expect(offsetOf(SVGA3dMaterial, 'shininess')).toBe(64);
    expect(offsetOf(SVGA3dVertexDecl, 'array.stride')).toBe(24);
    expect(offsetOf(SVGA3dVertexDecl, 'rangeHint.last')).toBe(32);
    expect(offsetOf(SVGA3dPrimitiveRange, 'indexBias')).toBe(24);
    const dma = COMMAND_SPECS_BY_ID.get(1044)!.fixed;
    expect([offsetOf(dma, 'guest.pitch'), offsetOf(dma, 'host.sid'), offsetOf(dma, 'transfer')]).toEqual([8, 12, 24]);
    const v2 = COMMAND_SPECS_BY_ID.get(1070)!.fixed;
    expect([offsetOf(v2, 'multisampleCount'), offsetOf(v2, 'autogenFilter')]).toEqual([36, 40]);
    const setShader = COMMAND_SPECS_BY_ID.get(1061)!.fixed;
    expect([offsetOf(setShader, 'type'), offsetOf(setShader, 'shid')]).toEqual([4, 8]);
    const blit = COMMAND_SPECS_BY_ID.get(1069)!.fixed;
    expect([offsetOf(blit, 'destScreenId'), offsetOf(blit, 'destRect.bottom')]).toEqual([28, 44]);
    expect(offsetOf(blit, 'nope')).toBeUndefined();
  });
});

describe('flattenLayout', () => {
  it('lists SURFACE_DMA like protocol notes §3.1', () => {
    expect(flattenLayout(COMMAND_SPECS_BY_ID.get(1044)!.fixed).map((r) => `${r.offset} ${r.path} ${r.kind}`)).toEqual([
      '0 guest.ptr.gmrId u32', '4 guest.ptr.offset u32', '8 guest.pitch u32', '12 host.sid u32', '16 host.face u32',
      '20 host.mipmap u32', '24 transfer u32',
    ]);
  });

  it('expands fixed arrays: SETTRANSFORM matrix[15] at 68, SETLIGHTDATA data.phi at 120', () => {
    const t = flattenLayout(COMMAND_SPECS_BY_ID.get(1047)!.fixed);
    expect(t.length).toBe(18);
    expect(t[17]).toEqual({ path: 'matrix[15]', offset: 68, kind: 'f32' });
    const l = flattenLayout(COMMAND_SPECS_BY_ID.get(1053)!.fixed);
    expect(l.at(-1)).toEqual({ path: 'data.phi', offset: 120, kind: 'f32' });
    expect(l.find((r) => r.path === 'data.position[3]')).toEqual({ path: 'data.position[3]', offset: 8 + 68, kind: 'f32' });
  });

  it('signed members of the 2D blits are i32', () => {
    const rows = flattenLayout(COMMAND_SPECS_BY_ID.get(37)!.fixed);
    expect(rows.map((r) => r.kind)).toEqual(['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'u32']);
  });
});

describe('id name table', () => {
  it('names every 3D id from 1040 to 1244 and nothing after', () => {
    expect(SVGA_3D_CMD_LAST_NAMED).toBe(1244);
    for (let id = 1040; id <= 1244; id++) expect(commandShortName(id)).toMatch(/^[A-Z0-9_]+$/);
    expect(commandShortName(1245)).toBeUndefined();
    expect(commandShortName(1039)).toBeUndefined();
  });

  it('spot checks against svga3d_cmd.h', () => {
    expect([1072, 1079, 1082, 1083, 1090, 1091, 1119, 1137, 1138, 1143, 1226, 1227, 1236, 1244].map(commandShortName)).toEqual([
      'DEAD4', 'DEAD11', 'SCREEN_DMA', 'DEAD1', 'DEAD17', 'SET_OTABLE_BASE', 'NOP', 'NOP_ERROR', 'SET_VERTEX_STREAMS',
      'DX_DEFINE_CONTEXT', 'DX_COND_BIND_ALL_SHADER', 'SCREEN_COPY', 'GROW_OTABLE', 'WHOLE_SURFACE_COPY',
    ]);
    expect(commandSpecName(1152)).toBe('SVGA_3D_CMD_DX_DRAW');
    expect([23, 31, 43, 45, 46, 4, 47].map(commandShortName)).toEqual(['DRAW_GLYPH', 'VIDEO_PLAY_OBSOLETE', 'DEAD', 'NOP', 'NOP_ERROR', undefined, undefined]);
  });

  it('3D framing covers 1000–2999 only', () => {
    expect([999, 1000, 2999, 3000].map(is3dCommandId)).toEqual([false, true, true, false]);
  });

  it('2D ids of unknown size are exactly the obsolete ones and 43+', () => {
    const unknown: number[] = [];
    for (let id = 0; id < 1000; id++) if (commandFraming(id) === 'unknown') unknown.push(id);
    const expected = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18, 23, 24, 26, 27, 28, 31, 32];
    for (let id = 43; id < 1000; id++) expected.push(id);
    expect(unknown).toEqual(expected);
    expect([1044, 1152, 3000, 0xffffffff].map(commandFraming)).toEqual(['3d', '3d', 'unknown', 'unknown']);
  });
});

describe('enum tables', () => {
  it('use SVGA numbering', () => {
    expect(SVGA3dRenderStateName.ZENABLE).toBe(1);
    expect(SVGA3dRenderStateName.CULLMODE).toBe(35);
    expect(SVGA3dRenderStateName.OUTPUTGAMMA).toBe(65);
    expect(SVGA3dRenderStateName.WRAP15).toBe(84);
    expect(SVGA3dRenderStateName.TRANSPARENCYANTIALIAS).toBe(97);
    expect(SVGA3dTextureStateName.TEXCOORDINDEX).toBe(14);
    expect(SVGA3dTextureStateName.ALPHAARG0).toBe(29);
    expect(SVGA3dTextureStateName.COLOR_KEY).toBe(32);
  });
});
