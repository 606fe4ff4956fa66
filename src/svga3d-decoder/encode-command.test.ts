import { describe, expect, it } from 'vitest';
import { CommandWriter } from './command-writer.js';
import { encodeCommand } from './encode-command.js';
import { bitsOf, words } from './test-words.js';

const u32s = (w: Uint32Array) => [...w];
const box = { x: 1, y: 2, z: 3, w: 4, h: 5, d: 6, srcx: 7, srcy: 8, srcz: 9 };

describe('encodeCommand', () => {
  it('3D: id, size computed from the body, fields in header order', () => {
    expect(u32s(encodeCommand({ name: 'SETVIEWPORT', body: { cid: 1, rect: { x: 2, y: 3, w: 4, h: 5 } } }))).toEqual([1055, 20, 1, 2, 3, 4, 5]);
    expect(u32s(encodeCommand({ name: 'SETZRANGE', body: { cid: 1, zRange: { min: 0, max: 1 } } }))).toEqual([1048, 12, 1, 0, bitsOf(1)]);
    expect(u32s(encodeCommand({ name: 'SET_SHADER', body: { cid: 1, type: 2, shid: 7 } }))).toEqual([1061, 12, 1, 2, 7]);
  });

  it('SURFACE_DMA: suffix written only when given', () => {
    const base = { guest: { ptr: { gmrId: 0xfffffffe, offset: 16 }, pitch: 0 }, host: { sid: 2, face: 0, mipmap: 0 }, transfer: 1, boxes: [box] };
    expect(u32s(encodeCommand({ name: 'SURFACE_DMA', body: base }))).toEqual([1044, 64, 0xfffffffe, 16, 0, 2, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const withSuffix = encodeCommand({ name: 'SURFACE_DMA', body: { ...base, suffix: { suffixSize: 12, maximumOffset: 100, flags: 2 } } });
    expect(u32s(withSuffix).slice(0, 2)).toEqual([1044, 76]);
    expect(u32s(withSuffix).slice(-3)).toEqual([12, 100, 2]);
  });

  it('DRAW_PRIMITIVES: counts come from the arrays, whatever the caller says', () => {
    const decl = { identity: { type: 2, method: 0, usage: 0, usageIndex: 0 }, array: { surfaceId: 5, offset: 0, stride: 12 }, rangeHint: { first: 0, last: 0 } };
    const range = { primType: 1, primitiveCount: 1, indexArray: { surfaceId: 0xffffffff, offset: 0, stride: 0 }, indexWidth: 0, indexBias: -2 };
    const w = u32s(encodeCommand({ name: 'DRAW_PRIMITIVES', body: { cid: 3, numVertexDecls: 9, numRanges: 9, decls: [decl], ranges: [range], divisors: [5] } }));
    expect(w).toEqual([1063, 12 + 36 + 28 + 4, 3, 1, 1, 2, 0, 0, 0, 5, 0, 12, 0, 0, 1, 1, 0xffffffff, 0, 0, 0, 0xfffffffe, 5]);
  });

  it('SHADER_DEFINE and SET_SHADER_CONST with several registers', () => {
    expect(u32s(encodeCommand({ name: 'SHADER_DEFINE', body: { cid: 1, shid: 2, type: 1, bytecode: words(0xfffe0200, 0xffff) } })))
      .toEqual([1059, 20, 1, 2, 1, 0xfffe0200, 0xffff]);
    expect(u32s(encodeCommand({ name: 'SET_SHADER_CONST', body: { cid: 1, reg: 0, type: 1, ctype: 0, values: [[1, 2, 3, 4], [5, 6, 7, 8]] } })))
      .toEqual([1062, 48, 1, 0, 1, 0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('2D: no size word; ESCAPE size derived and padded with zeros', () => {
    expect(u32s(encodeCommand({ name: 'UPDATE', body: { x: 1, y: 2, width: 3, height: 4 } }))).toEqual([1, 1, 2, 3, 4]);
    expect(u32s(encodeCommand({ name: 'ESCAPE', body: { nsid: 0, data: new Uint8Array([1, 2, 3, 4, 5]) } }))).toEqual([33, 0, 5, 0x04030201, 5]);
    expect(u32s(encodeCommand({ name: 'INVALID_CMD', body: {} }))).toEqual([0]);
  });

  it('DEFINE_SCREEN: structSize from the members given', () => {
    const base = { id: 1, flags: 1, size: { width: 8, height: 4 }, root: { x: -1, y: 0 } };
    expect(u32s(encodeCommand({ name: 'DEFINE_SCREEN', body: base }))).toEqual([34, 28, 1, 1, 8, 4, 0xffffffff, 0]);
    const bs = { ptr: { gmrId: 2, offset: 3 }, pitch: 4 };
    expect(u32s(encodeCommand({ name: 'DEFINE_SCREEN', body: { ...base, backingStore: bs, cloneCount: 5 } }))).toEqual([34, 44, 1, 1, 8, 4, 0xffffffff, 0, 2, 3, 4, 5]);
  });

  it('inconsistent input is a caller bug and throws RangeError', () => {
    expect(() => encodeCommand({ name: 'SHADER_DEFINE', body: { cid: 1, shid: 2, type: 1, bytecode: new Uint8Array(3) } })).toThrow(RangeError);
    expect(() => encodeCommand({ name: 'SETTRANSFORM', body: { cid: 1, type: 1, matrix: [1, 2] } })).toThrow(RangeError);
    expect(() => encodeCommand({ name: 'DEFINE_ALPHA_CURSOR', body: { id: 0, hotspotX: 0, hotspotY: 0, width: 2, height: 2, pixels: new Uint8Array(4) } })).toThrow(RangeError);
    expect(() => encodeCommand({ name: 'REMAP_GMR2', body: { gmrId: 1, flags: 0, offsetPages: 0, numPages: 2, payload: new Uint8Array(4) } })).toThrow(RangeError);
    expect(() => encodeCommand({ name: 'DEFINE_SCREEN', body: { id: 1, flags: 1, size: { width: 8, height: 4 }, root: { x: 0, y: 0 }, cloneCount: 1 } })).toThrow(RangeError);
    expect(() => encodeCommand({ name: 'NOPE', body: {} } as never)).toThrow(RangeError);
  });
});

describe('CommandWriter', () => {
  it('concatenates commands and raw words; byteLength is the next offset', () => {
    const w = new CommandWriter().fence(1);
    expect(w.byteLength).toBe(8);
    w.contextDefine({ cid: 4 }).raw([1044, 0xfffffff0]).rawBytes(new Uint8Array([0xaa]));
    expect(w.byteLength).toBe(8 + 12 + 8 + 1);
    expect([...w.finish()]).toEqual([...words(30, 1, 1045, 4, 4, 1044, 0xfffffff0), 0xaa]);
  });

  it('has one method per command, e.g. 2D cursors and GMR2', () => {
    const bytes = new CommandWriter()
      .defineCursor({ id: 0, hotspotX: 0, hotspotY: 0, width: 1, height: 1, andMaskDepth: 1, xorMaskDepth: 1, andMask: words(0x80000000), xorMask: words(0) })
      .defineGmr2({ gmrId: 1, numPages: 2 })
      .remapGmr2({ gmrId: 1, flags: 4, offsetPages: 1, numPages: 2, payload: words(0x123) })
      .finish();
    expect([...bytes]).toEqual([...words(19, 0, 0, 0, 1, 1, 1, 1, 0x80000000, 0, 41, 1, 2, 42, 1, 4, 1, 2, 0x123)]);
  });

  it('finish() is a copy: later writes do not change it', () => {
    const w = new CommandWriter().fence(1);
    const first = w.finish();
    w.fence(2);
    expect(first.length).toBe(8);
    expect(w.finish().length).toBe(16);
  });
});
