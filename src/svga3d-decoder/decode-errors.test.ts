import { describe, expect, it } from 'vitest';
import { DiagnosticList, type Diagnostic } from '../common/diagnostics.js';
import { decodeFifo, type FifoDecodeResult } from './decode-fifo.js';
import { DecoderDiagnostics as D } from './decoder-diagnostics.js';
import { concat, words } from './test-words.js';

function decode(bytes: Uint8Array, baseOffset = 0): { res: FifoDecodeResult; diags: Diagnostic[] } {
  const list = new DiagnosticList();
  const res = decodeFifo(bytes, { baseOffset, sink: list, record: 4 });
  return { res, diags: list.items };
}
const names = (res: FifoDecodeResult) => res.commands.map((c) => c.name);
const FENCE = words(30, 1);

describe('3D framing errors', () => {
  it('size past the end (0xfffffff0 with 40 bytes left): E_SIZE_PAST_END, record stops', () => {
    const { res, diags } = decode(concat(FENCE, words(1044, 0xfffffff0), new Uint8Array(40)), 0x200);
    expect(names(res)).toEqual(['FENCE']);
    expect(res.complete).toBe(false);
    expect(diags).toEqual([{
      code: 2002, name: 'E_SIZE_PAST_END', severity: 'error', record: 4, offset: 0x208, command: 'SURFACE_DMA',
      message: 'size 4294967280 runs past the end of the record (40 bytes left)',
    }]);
    expect(res.undecoded).toEqual([{ id: 1044, name: 'SURFACE_DMA', specName: 'SVGA_3D_CMD_SURFACE_DMA', offset: 0x208, byteLength: 48, code: 2002 }]);
  });

  it('size smaller than the fixed struct (SETVIEWPORT size 4): E_SIZE_TOO_SMALL, skipped by size', () => {
    const { res, diags } = decode(concat(words(1055, 4, 1), FENCE));
    expect(names(res)).toEqual(['FENCE']);
    expect(res.commands[0]!.offset).toBe(12);
    expect(diags.map((d) => [d.code, d.offset, d.command])).toEqual([[2004, 0, 'SETVIEWPORT']]);
    expect(res.complete).toBe(true);
  });

  it('size not a multiple of 4 (CLEAR size 20 + 3): E_SIZE_ALIGN, skipped to the next whole word', () => {
    const { res, diags } = decode(concat(words(1057, 23, 1, 1, 0, 0, 0, 0), FENCE));
    expect(diags.map((d) => [d.code, d.offset, d.command])).toEqual([[2003, 0, 'CLEAR']]);
    expect(res.commands).toEqual([{ id: 30, name: 'FENCE', offset: 32, byteLength: 8, body: { fence: 1 } }]);
    expect(res.undecoded[0]).toMatchObject({ id: 1057, byteLength: 32, code: 2003 });
  });

  it('SETRENDERSTATE with a body of 4 + 8N + 4: E_BODY_REMAINDER, skipped', () => {
    const { res, diags } = decode(concat(words(1049, 4 + 8 + 4, 1, 1, 1, 0), FENCE));
    expect(names(res)).toEqual(['FENCE']);
    expect(diags.map((d) => [d.code, d.name, d.offset, d.command])).toEqual([[2005, 'E_BODY_REMAINDER', 0, 'SETRENDERSTATE']]);
  });

  it('SURFACE_DMA: a 12-byte remainder whose first word is not 12 is not a suffix', () => {
    const { res, diags } = decode(words(1044, 40, 1, 0, 0, 2, 0, 0, 1, 16, 0, 0));
    expect(res.commands).toEqual([]);
    expect(diags.map((d) => d.code)).toEqual([2005]);
  });

  it('SURFACE_DMA: a remainder other than 0 or 12 is a diagnostic', () => {
    const { diags } = decode(words(1044, 32, 1, 0, 0, 2, 0, 0, 1, 0));
    expect(diags.map((d) => d.code)).toEqual([2005]);
  });

  it('SET_SHADER_CONST needs at least one register', () => {
    const { res, diags } = decode(words(1062, 16, 1, 0, 1, 0));
    expect(res.commands).toEqual([]);
    expect(diags.map((d) => [d.code, d.command])).toEqual([[2004, 'SET_SHADER_CONST']]);
  });

  it('DRAW_PRIMITIVES: numVertexDecls 33 or numRanges 0xffffffff: E_COUNT_LIMIT', () => {
    const { res, diags } = decode(concat(words(1063, 12, 1, 33, 0), words(1063, 12, 1, 0, 0xffffffff), FENCE));
    expect(names(res)).toEqual(['FENCE']);
    expect(diags.map((d) => [d.code, d.offset])).toEqual([[2006, 0], [2006, 20]]);
  });

  it('DRAW_PRIMITIVES: decls + ranges larger than the body: E_SIZE_TOO_SMALL', () => {
    const { diags } = decode(words(1063, 12 + 36, 1, 1, 1, 0, 0, 0, 0, 1, 0, 16, 0, 0));
    expect(diags.map((d) => d.code)).toEqual([2004]);
  });

  it('DRAW_PRIMITIVES: a remainder that is not 4 × numVertexDecls: E_BODY_REMAINDER', () => {
    const decl = [2, 0, 0, 0, 1, 0, 12, 0, 0];
    const { diags } = decode(words(1063, 12 + 36 + 8, 1, 1, 0, ...decl, 1, 1));
    expect(diags.map((d) => d.code)).toEqual([2005]);
  });

  it('fixed-size command with trailing bytes: warning, command kept', () => {
    const { res, diags } = decode(words(1045, 8, 3, 0xdead));
    expect(res.commands).toEqual([{ id: 1045, name: 'CONTEXT_DEFINE', offset: 0, byteLength: 16, body: { cid: 3 } }]);
    expect(diags.map((d) => [d.code, d.severity])).toEqual([[2011, 'warning']]);
  });

  it('unsupported ids (video, dead, GB, DX) are skipped by size and named', () => {
    const { res, diags } = decode(concat(words(1072, 4, 0), words(1083, 0), words(1152, 8, 3, 0), words(1244, 0), FENCE));
    expect(names(res)).toEqual(['FENCE']);
    expect(diags.map((d) => [d.code, d.offset, d.command])).toEqual([
      [2007, 0, 'DEAD4'], [2007, 12, 'DEAD1'], [2007, 20, 'DX_DRAW'], [2007, 36, 'WHOLE_SURFACE_COPY'],
    ]);
    expect(res.undecoded.map((u) => [u.specName, u.byteLength])).toEqual([
      ['SVGA_3D_CMD_DEAD4', 12], ['SVGA_3D_CMD_DEAD1', 8], ['SVGA_3D_CMD_DX_DRAW', 16], ['SVGA_3D_CMD_WHOLE_SURFACE_COPY', 8],
    ]);
  });

  it('unnamed 3D-range ids (1000–1039, 1245–2999) are skipped by size', () => {
    const { res, diags } = decode(concat(words(1000, 0), words(2999, 4, 0), FENCE));
    expect(names(res)).toEqual(['FENCE']);
    expect(diags.map((d) => [d.code, d.offset, d.command])).toEqual([[2008, 0, undefined], [2008, 8, undefined]]);
  });

  it('a 3D id with no room for its size word: E_TRUNCATED_HEADER', () => {
    const { res, diags } = decode(concat(FENCE, words(1045)));
    expect(names(res)).toEqual(['FENCE']);
    expect(res.complete).toBe(false);
    expect(diags.map((d) => [d.code, d.offset])).toEqual([[2001, 8]]);
  });

  it('stray bytes after the last word: E_TRUNCATED_HEADER', () => {
    const { res, diags } = decode(concat(FENCE, new Uint8Array([1, 2])));
    expect(names(res)).toEqual(['FENCE']);
    expect(diags.map((d) => [d.code, d.offset])).toEqual([[2001, 8]]);
  });
});

describe('2D framing errors', () => {
  it('obsolete ids and ids ≥ 43 have unknown sizes: E_UNKNOWN_2D_CMD ends the record', () => {
    for (const id of [4, 13, 15, 18, 23, 24, 26, 27, 28, 31, 32, 43, 46, 999, 3000, 0x7fffffff]) {
      const { res, diags } = decode(concat(FENCE, words(id, 0), FENCE));
      expect(names(res)).toEqual(['FENCE']);
      expect(res.complete).toBe(false);
      expect(diags.map((d) => [d.code, d.offset])).toEqual([[2009, 8]]);
      expect(res.undecoded).toEqual([expect.objectContaining({ id, offset: 8, byteLength: 16, code: 2009 })]);
    }
  });

  it('a truncated fixed body (UPDATE with 2 words): E_TRUNCATED_2D', () => {
    const { res, diags } = decode(concat(FENCE, words(1, 0, 0)));
    expect(names(res)).toEqual(['FENCE']);
    expect(diags.map((d) => [d.code, d.offset, d.command])).toEqual([[2010, 8, 'UPDATE']]);
  });

  it('ESCAPE whose size runs past the record', () => {
    const { res, diags } = decode(words(33, 0, 9, 1, 2));
    expect(res.commands).toEqual([]);
    expect(diags.map((d) => d.code)).toEqual([2010]);
  });

  it('DEFINE_CURSOR with huge dimensions does not overflow: E_TRUNCATED_2D', () => {
    const { diags } = decode(words(19, 0, 0, 0, 0xffffffff, 0xffffffff, 32, 32, 0));
    expect(diags.map((d) => d.code)).toEqual([2010]);
  });

  it('DEFINE_ALPHA_CURSOR 0x10000 × 0x10000: E_TRUNCATED_2D', () => {
    const { diags } = decode(words(22, 0, 0, 0, 0x10000, 0x10000, 0));
    expect(diags.map((d) => d.code)).toEqual([2010]);
  });

  it('REMAP_GMR2 with numPages 0xffffffff PPN64: E_TRUNCATED_2D', () => {
    const { diags } = decode(words(42, 1, 2, 0, 0xffffffff, 0, 0));
    expect(diags.map((d) => d.code)).toEqual([2010]);
  });

  it('DEFINE_SCREEN structSize 32: E_SCREEN_STRUCT_SIZE ends the record', () => {
    const { res, diags } = decode(concat(words(34, 32, 0, 0, 1, 1, 0, 0, 0), FENCE));
    expect(res.commands).toEqual([]);
    expect(diags.map((d) => [d.code, d.command])).toEqual([[2012, 'DEFINE_SCREEN']]);
  });

  it('DEFINE_SCREEN structSize 44 with only 40 bytes left: E_TRUNCATED_2D', () => {
    const { diags } = decode(words(34, 44, 0, 0, 1, 1, 0, 0, 0, 0, 0));
    expect(diags.map((d) => d.code)).toEqual([2010]);
  });
});

describe('without a sink', () => {
  it('still reports undecoded commands and never throws', () => {
    const res = decodeFifo(concat(words(1055, 4, 1), words(7)));
    expect(res.commands).toEqual([]);
    expect(res.undecoded.map((u) => u.code)).toEqual([D.E_SIZE_TOO_SMALL.code, D.E_UNKNOWN_2D_CMD.code]);
  });
});
