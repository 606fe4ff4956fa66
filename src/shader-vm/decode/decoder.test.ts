import { describe, expect, it } from 'vitest';
import { encodeShader } from '../encode/encoder.js';
import { decodeShader } from './decoder.js';

const END = 0x0000ffff;

function errorCodes(input: Uint8Array | Uint32Array): number[] {
  const r = decodeShader(input);
  return r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
}

function decodeWords(words: number[]) {
  const r = decodeShader(Uint32Array.from(words));
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r;
}

describe('decoder framing', () => {
  it('4000: empty input', () => expect(errorCodes(new Uint8Array(0))).toEqual([4000]));
  it('4001: byte length not a multiple of 4', () => expect(errorCodes(new Uint8Array(5))).toEqual([4001]));
  it('4002: not a supported vs/ps version token', () => {
    expect(errorCodes(Uint32Array.from([0xfeff0100, END]))).toEqual([4002]);
    expect(errorCodes(Uint32Array.from([0xfffe0100, END]))).toEqual([4002]); // vs_1_0 (D3D8 only)
    expect(errorCodes(Uint32Array.from([0xfffe02ff, END]))).toEqual([4002]); // vs_2_sw
  });
  it('4004: bytecode over the 512 KiB budget is refused before parsing', () => {
    expect(errorCodes(new Uint32Array(131073))).toEqual([4004]);
  });
  it('4005: no END token', () => {
    expect(errorCodes(Uint32Array.from([0xffff0200, 0x02000001, 0x800f0800, 0xa0e40000]))).toEqual([4005]);
  });
  it('4006: data after END is a warning only', () => {
    const r = decodeShader(Uint32Array.from([0xffff0200, END, 0x12345678]));
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.offset])).toEqual([[4006, 'warning', 8]]);
  });
  it('4007: comment running past the end', () => {
    expect(errorCodes(Uint32Array.from([0xffff0200, 0x0005fffe, 1, 2, END]))).toEqual([4007]);
  });
  it('4008: instruction running past the end', () => {
    expect(errorCodes(Uint32Array.from([0xffff0200, 0x04000004, 0x800f0000, END]))).toEqual([4008]);
  });
  it('4009: more instructions than the 32768 budget', () => {
    const words = [0xfffe0200, ...new Array<number>(32769).fill(0), END];
    expect(errorCodes(Uint32Array.from(words))).toEqual([4009]);
  });
  it('4050: unknown opcodes are skipped by length in SM2 and stop SM1 decoding', () => {
    const r = decodeShader(Uint32Array.from([0xffff0200, 0x01000031, 0x80000000, 0x0100004b, 0x80000000, END]));
    expect(r.diagnostics.map((d) => [d.code, d.offset])).toEqual([[4050, 4], [4050, 12]]);
    const sm1 = decodeShader(Uint32Array.from([0xffff0101, 0x00000031, 0x80000000, END]));
    expect(sm1.diagnostics.map((d) => d.code)).toEqual([4050]);
  });
  it('4052: SM2 length field disagreeing with the operands', () => {
    expect(errorCodes(Uint32Array.from([0xffff0200, 0x03000001, 0x800f0000, 0x80e40000, 0x80e40000, END]))).toEqual([4052]);
    // A relative token running past the instruction's length.
    expect(errorCodes(Uint32Array.from([0xfffe0200, 0x02000001, 0x800f0000, 0xa0e42000, END]))).toEqual([4052]);
  });
  it('4053: reserved bits in END, phase or instruction tokens, and DCL semantic tokens', () => {
    expect(errorCodes(Uint32Array.from([0xffff0200, 0x8000ffff]))).toContain(4053);
    expect(errorCodes(Uint32Array.from([0xffff0200, 0x22000001, 0x800f0800, 0xa0e40000, END]))).toEqual([4053]);
    expect(errorCodes(Uint32Array.from([0xffff0200, 0x0200001f, 0x80000100, 0xb00f0000, END]))).toEqual([4053]);
  });
  it('4054: an SM1 length field is a warning and ignored', () => {
    const r = decodeShader(Uint32Array.from([0xffff0101, 0x02000001, 0x800f0000, 0xa0e40000, END]));
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).toEqual([4054]);
  });
  it('4055: predication bit in SM1', () => {
    expect(errorCodes(Uint32Array.from([0xfffe0101, 0x10000001, 0x800f0000, 0xa0e40000, END]))).toEqual([4055]);
  });
  it('4057: control bits on an instruction without control, reserved comparisons and texld modes', () => {
    expect(errorCodes(Uint32Array.from([0xffff0200, 0x02010001, 0x800f0800, 0xa0e40000, END]))).toEqual([4057]);
    expect(errorCodes(Uint32Array.from([0xffff0300, 0x02000029, 0x80000000, 0x80000001, END]))).toEqual([4057]);
    expect(errorCodes(Uint32Array.from([0xffff0200, 0x03030042, 0x800f0000, 0xb0e40000, 0xa0e40800, END]))).toEqual([4057]);
  });
  it('4100: bad parameter tokens (bit 31 clear, reserved bits, modifier 14, relative via c#)', () => {
    expect(errorCodes(Uint32Array.from([0xffff0200, 0x02000001, 0x800f0800, 0x20e40000, END]))).toEqual([4100]);
    expect(errorCodes(Uint32Array.from([0xffff0200, 0x02000001, 0x800f4800, 0xa0e40000, END]))).toEqual([4100]);
    expect(errorCodes(Uint32Array.from([0xffff0200, 0x02000001, 0x800f0800, 0xaee40000, END]))).toEqual([4100]);
    expect(errorCodes(Uint32Array.from([0xfffe0200, 0x03000001, 0x800f0000, 0xa0e42000, 0xa0000000, END]))).toEqual([4100]);
  });
});

describe('decoded IR', () => {
  it('ps_2_0 texldp: control, mode, register files, swizzle and write mask', () => {
    const { program } = decodeWords([0xffff0200, 0x03010042, 0x80030000, 0xb0e40001, 0xa0e40802, END]);
    expect(program.version).toEqual({ type: 'ps', major: 2, minor: 0 });
    expect(program.instructions).toEqual([{
      kind: 'op', opcode: 66, offset: 4, coissue: false, control: 1, texldMode: 'texldp',
      dst: { file: 'temp', index: 0, writeMask: 3, saturate: false, partialPrecision: false, centroid: false, shift: 0 },
      src: [
        { file: 'texture', index: 1, swizzle: 0xe4, modifier: 'none' },
        { file: 'sampler', index: 2, swizzle: 0xe4, modifier: 'none' },
      ],
    }]);
  });

  it('vs_2_x predicated add: predicate token between destination and sources', () => {
    const { program } = decodeWords([0xfffe0201, 0x14000002, 0x800f0002, 0xbde41000, 0x80e40002, 0x80e40003, END]);
    const ins = program.instructions[0];
    expect(ins?.kind === 'op' && ins.predicate).toEqual({ file: 'predicate', index: 0, swizzle: 0xe4, modifier: 'not' });
    expect(ins?.kind === 'op' && ins.src.map((s) => s.index)).toEqual([2, 3]);
  });

  it('vs_1_1 relative addressing implies a0.x without a token; vs_2_0 reads the token', () => {
    const sm1 = decodeWords([0xfffe0101, 0x00000001, 0x800f0000, 0xa0e42005, END]).program.instructions[0];
    expect(sm1?.kind === 'op' && sm1.src[0]).toEqual({
      file: 'const', index: 5, swizzle: 0xe4, modifier: 'none', relative: { file: 'addr', index: 0, swizzle: 0, component: 0 },
    });
    const sm2 = decodeWords([0xfffe0200, 0x03000001, 0x800f0000, 0xa0e42005, 0xb0aa0000, END]).program.instructions[0];
    expect(sm2?.kind === 'op' && sm2.src[0]?.relative).toEqual({ file: 'addr', index: 0, swizzle: 0xaa, component: 2 });
  });

  it('DCL, DEF (bits kept), DEFI, DEFB, comments and labels', () => {
    const { program } = decodeWords([
      0xfffe0300, 0x0002fffe, 0x42415443, 0x1c,
      0x0200001f, 0x98010005, 0xa00f0801,
      0x05000051, 0xa00f0003, 0x7fc00001, 0x3f000000, 0x80000000, 0xbf800000,
      0x05000030, 0xf00f0002, 0xffffffff, 2, 3, 4,
      0x0200002f, 0xe00f0801, 7,
      0x0100001e, 0xa0e41004, 0x0000001c, END,
    ]);
    expect(program.comments).toEqual([{ before: 0, offset: 4, words: [0x42415443, 0x1c] }]);
    const [dcl, def, defi, defb, label] = program.instructions;
    expect(dcl).toMatchObject({ kind: 'dcl', usage: 5, usageIndex: 1, samplerType: 3, dst: { file: 'sampler', index: 1 } });
    expect(def?.kind === 'def' && def.bits).toEqual([0x7fc00001, 0x3f000000, 0x80000000, 0xbf800000]);
    expect(def?.kind === 'def' && def.values.slice(1)).toEqual([0.5, -0, -1]);
    expect(defi?.kind === 'defi' && defi.values).toEqual([-1, 2, 3, 4]);
    expect(defb).toMatchObject({ kind: 'defb', value: true, raw: 7, dst: { file: 'constbool', index: 1 } });
    expect(label).toMatchObject({ kind: 'op', opcode: 30, src: [{ file: 'label', index: 4 }] });
    expect([...program.labels]).toEqual([[4, 4]]);
  });

  it('sincos: three sources in SM2, one in SM3, from the length field', () => {
    const sm2 = decodeWords([0xfffe0200, 0x04000025, 0x80030000, 0x80000001, 0xa0e40000, 0xa0e40001, END]);
    const sm3 = decodeWords([0xfffe0300, 0x02000025, 0x80030000, 0x80000001, END]);
    expect(sm2.program.instructions[0]?.kind === 'op' && sm2.program.instructions[0].src.length).toBe(3);
    expect(sm3.program.instructions[0]?.kind === 'op' && sm3.program.instructions[0].src.length).toBe(1);
    // SM3 sgn is accepted with 1 (vkd3d/Wine) or 3 (Microsoft's page) sources.
    expect(decodeShader(Uint32Array.from([0xfffe0300, 0x02000022, 0x800f0000, 0x80e40001, END])).ok).toBe(true);
    expect(decodeShader(Uint32Array.from([0xfffe0300, 0x04000022, 0x800f0000, 0x80e40001, 0x80e40002, 0x80e40003, END])).ok).toBe(true);
  });

  it('keeps comment blocks anywhere in the stream, and the encoder puts them back in place', () => {
    const words = [0xfffe0200, 0x02000001, 0x800f0000, 0x90e40000, 0x0001fffe, 0x54584554, 0x0000fffe,
      0x02000001, 0xc00f0000, 0x80e40000, 0x0002fffe, 1, 2, END];
    const { program } = decodeWords(words);
    expect(program.comments).toEqual([
      { before: 1, offset: 16, words: [0x54584554] },
      { before: 1, offset: 24, words: [] },
      { before: 2, offset: 40, words: [1, 2] },
    ]);
    const e = encodeShader(program);
    expect(e.ok && Array.from(e.words)).toEqual(words);
  });

  it('reads bytes little-endian', () => {
    const bytes = new Uint8Array([0x00, 0x02, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00]);
    const r = decodeShader(bytes);
    expect(r.ok && r.program.version).toEqual({ type: 'ps', major: 2, minor: 0 });
  });
});
