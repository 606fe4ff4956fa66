import { describe, expect, it } from 'vitest';
import { assemble } from './assembler.js';
import { disassemble } from './disassembler.js';

/** Assembles and returns the DWORDs between the version token and END. */
function body(text: string, validate = true): number[] {
  const r = assemble(text, { validate });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  const view = new DataView(r.bytes.buffer);
  const words: number[] = [];
  for (let i = 0; i < r.bytes.length; i += 4) words.push(view.getUint32(i, true));
  expect(words[words.length - 1]).toBe(0x0000ffff);
  return words.slice(1, -1);
}

/** Encodings produced independently by Wine's and MojoShader's assemblers (d3d9-shaders.md §1). */
const KNOWN: readonly { text: string; version: string; words: number[]; canonical?: string }[] = [
  { version: 'ps_2_0', text: 'mad_sat r0, r0, c0, c0.y', words: [0x04000004, 0x801f0000, 0x80e40000, 0xa0e40000, 0xa0550000] },
  { version: 'ps_2_0', text: 'texldp r0, t0, s0', words: [0x03010042, 0x800f0000, 0xb0e40000, 0xa0e40800] },
  { version: 'ps_2_0', text: 'texldb r0, t0, s0', words: [0x03020042, 0x800f0000, 0xb0e40000, 0xa0e40800] },
  { version: 'ps_3_0', text: 'if_lt r0.x, r1.y', words: [0x02040029, 0x80000000, 0x80550001] },
  { version: 'vs_2_x', text: 'setp_gt p0, r0, r1', words: [0x0301005e, 0xb00f1000, 0x80e40000, 0x80e40001] },
  { version: 'ps_1_1', text: 'mov_d4 r0, r1', words: [0x00000001, 0x8e0f0000, 0x80e40001] },
  { version: 'vs_3_0', text: 'mov o0, c[a0.x + 3]', words: [0x03000001, 0xe00f0000, 0xa0e42003, 0xb0000000], canonical: 'mov o0, c3[a0.x]' },
  { version: 'vs_2_x', text: '(!p0) add r2, r2, r3', words: [0x14000002, 0x800f0002, 0xbde41000, 0x80e40002, 0x80e40003] },
  { version: 'vs_1_1', text: 'dcl_position v0', words: [0x0000001f, 0x80000000, 0x900f0000] },
  { version: 'ps_2_0', text: 'dcl t0.xy', words: [0x0200001f, 0x80000000, 0xb0030000] },
  { version: 'ps_2_0', text: 'dcl_2d s0', words: [0x0200001f, 0x90000000, 0xa00f0800] },
  { version: 'ps_3_0', text: 'dcl_texcoord0 v0', words: [0x0200001f, 0x80000005, 0x900f0000], canonical: 'dcl_texcoord v0' },
  { version: 'ps_3_0', text: 'dcl_color1 v0', words: [0x0200001f, 0x8001000a, 0x900f0000] },
  { version: 'ps_3_0', text: 'dcl vFace', words: [0x0200001f, 0x80000000, 0x900f1001] },
  { version: 'ps_3_0', text: 'dcl vPos.xy', words: [0x0200001f, 0x80000000, 0x90031000] },
  { version: 'ps_2_0', text: 'def c0, 1, 0.5, 0, 1', words: [0x05000051, 0xa00f0000, 0x3f800000, 0x3f000000, 0x00000000, 0x3f800000] },
  { version: 'ps_1_1', text: 'def c0, 1, 0.5, 0, 1', words: [0x00000051, 0xa00f0000, 0x3f800000, 0x3f000000, 0x00000000, 0x3f800000] },
  { version: 'ps_1_4', text: 'texcrd r1.rgb, t1_dw.xyw', words: [0x00000040, 0x80070001, 0xbaf40001], canonical: 'texcrd r1.xyz, t1_dw.xyww' },
  { version: 'vs_2_0', text: 'defb b3, true', words: [0x0200002f, 0xe00f0803, 0x00000001] },
  { version: 'vs_2_0', text: 'defi i1, 4, -2, 1, 0', words: [0x05000030, 0xf00f0001, 4, 0xfffffffe, 1, 0] },
  { version: 'ps_1_3', text: 'texm3x3spec t3, t2, c0', words: [0x0000004c, 0xb00f0003, 0xb0e40002, 0xa0e40000] },
  { version: 'ps_1_4', text: 'texld r0, t0_dz.xyz', words: [0x00000042, 0x800f0000, 0xb9a40000], canonical: 'texld r0, t0_dz.xyzz' },
  // Encodings that Wine's assembler tests expect (and native d3dcompiler produces).
  { version: 'vs_1_1', text: 'dcl_normal12 v15', words: [0x0000001f, 0x800c0003, 0x900f000f] },
  { version: 'vs_1_1', text: 'mov r0, c1[a0.x + 2]', words: [0x00000001, 0x800f0000, 0xa0e42003], canonical: 'mov r0, c3[a0.x]' },
  { version: 'vs_1_1', text: 'mov r0, c4[2]', words: [0x00000001, 0x800f0000, 0xa0e40006], canonical: 'mov r0, c6' },
  { version: 'vs_1_1', text: 'mov oFog, c0.x', words: [0x00000001, 0xc00f0001, 0xa0000000] },
  { version: 'vs_1_1', text: 'dp4 r0.xw, r1.wzyx, r2.xxww', words: [0x00000009, 0x80090000, 0x801b0001, 0x80f00002] },
  { version: 'ps_1_3', text: 'mov_x2_sat r0, 1 - r1', words: [0x00000001, 0x811f0000, 0x86e40001], canonical: 'mov_x2_sat r0, 1-r1' },
  { version: 'ps_1_3', text: 'mov_x4_sat r0.a, -r1_bx2.a', words: [0x00000001, 0x82180000, 0x85ff0001], canonical: 'mov_x4_sat r0.w, -r1_bx2.w' },
  { version: 'ps_1_3', text: 'texbem_d4 t1, t0', words: [0x00000043, 0xbe0f0001, 0xb0e40000] },
  { version: 'ps_1_3', text: 'texdp3tex_x8 t1, t0', words: [0x00000053, 0xb30f0001, 0xb0e40000] },
  { version: 'ps_1_4', text: 'texld r5, r2_dz', words: [0x00000042, 0x800f0005, 0x89e40002] },
  { version: 'ps_1_4', text: 'bem_d2 r1, c0, r0', words: [0x00000059, 0x8f0f0001, 0xa0e40000, 0x80e40000] },
  { version: 'ps_1_4', text: 'texcrd_sat r4, t3', words: [0x00000040, 0x801f0004, 0xb0e40003] },
  { version: 'vs_2_0', text: 'mov r0, -c0[a0.w+5].x', words: [0x03000001, 0x800f0000, 0xa1002005, 0xb0ff0000], canonical: 'mov r0, -c5[a0.w].x' },
  { version: 'vs_2_0', text: 'mova a0.y, c0.z', words: [0x0200002e, 0xb0020000, 0xa0aa0000] },
  { version: 'vs_2_0', text: 'callnz l0, !b0', words: [0x0200001a, 0xa0e41000, 0xede40800] },
  { version: 'vs_2_0', text: 'call l2047', words: [0x01000019, 0xa0e417ff] },
  { version: 'vs_2_x', text: 'if p0.x', words: [0x01000028, 0xb0001000] },
  { version: 'vs_2_x', text: 'callnz l0, !p0.z', words: [0x0200001a, 0xa0e41000, 0xbdaa1000] },
  { version: 'vs_2_x', text: 'breakp p0.w', words: [0x01000060, 0xb0ff1000] },
  { version: 'vs_2_x', text: 'if_ge r0, r1', words: [0x02030029, 0x80e40000, 0x80e40001] },
  { version: 'vs_2_x', text: 'break_ne r0, r1', words: [0x0205002d, 0x80e40000, 0x80e40001] },
  { version: 'ps_2_x', text: 'texldd r0, v1, s2, r3, r4', words: [0x0500005d, 0x800f0000, 0x90e40001, 0xa0e40802, 0x80e40003, 0x80e40004] },
  { version: 'ps_2_0', text: 'mov oDepth, c0.x', words: [0x02000001, 0x900f0800, 0xa0000000] },
  { version: 'vs_3_0', text: 'dcl_texcoord12 o11', words: [0x0200001f, 0x800c0005, 0xe00f000b] },
  { version: 'vs_3_0', text: 'mova_sat a0.x, r1', words: [0x0200002e, 0xb0110000, 0x80e40001] },
  { version: 'vs_3_0', text: 'mov r2, r1.xygb', words: [0x02000001, 0x800f0002, 0x80940001], canonical: 'mov r2, r1.xyyz' },
  { version: 'vs_3_0', text: 'add r0, v20[aL], r2', words: [0x04000002, 0x800f0000, 0x90e42014, 0xf0e40800, 0x80e40002] },
  { version: 'vs_3_0', text: 'mov o[ a0.x + 12 ], r0', words: [0x03000001, 0xe00f200c, 0xb0000000, 0x80e40000], canonical: 'mov o12[a0.x], r0' },
  { version: 'ps_3_0', text: 'mov r0, v[ aL + 12 ]', words: [0x03000001, 0x800f0000, 0x90e4200c, 0xf0e40800], canonical: 'mov r0, v12[aL]' },
  { version: 'ps_3_0', text: 'mov r0, vFace', words: [0x02000001, 0x800f0000, 0x90e41001] },
  { version: 'ps_3_0', text: 'add_pp r0, r0, r1', words: [0x03000002, 0x802f0000, 0x80e40000, 0x80e40001] },
  { version: 'ps_3_0', text: 'dcl_texcoord0_centroid v0', words: [0x0200001f, 0x80000005, 0x904f0000], canonical: 'dcl_texcoord_centroid v0' },
  { version: 'ps_3_0', text: 'dcl_2d_pp s0', words: [0x0200001f, 0x90000000, 0xa02f0800] },
  { version: 'ps_3_0', text: 'texkill v0', words: [0x01000041, 0x900f0000] },
];

describe('assembler encodings', () => {
  for (const k of KNOWN) {
    it(`${k.version}: ${k.text}`, () => {
      const text = `${k.version}\n${k.text}\n`;
      expect(body(text, false)).toEqual(k.words);
      const r = assemble(text, { validate: false });
      const printed = r.ok ? disassemble(r.bytes) : '';
      expect(printed.split('\n')[1]?.trim()).toBe(k.canonical ?? k.text);
    });
  }

  it('encodes ps_1_x source modifiers bias, comp and bx2 (SVGA3DSRCMOD 2, 6, 5)', () => {
    // 1-r1_bias is not a D3D combination; bias and complement are tested separately.
    expect(body('ps_1_1\nadd r0, r1_bias, -t0_bx2', false)).toEqual([0x00000002, 0x800f0000, 0x82e40001, 0xb5e40000]);
    expect(body('ps_1_1\nmov r0, 1-r1', false)).toEqual([0x00000001, 0x800f0000, 0x86e40001]);
    expect(body('ps_1_4\nmov r0, -r1_x2', false)).toEqual([0x00000001, 0x800f0000, 0x88e40001]);
    expect(body('ps_3_0\nmov r0, -r1_abs.x', false)).toEqual([0x02000001, 0x800f0000, 0x8c000001]);
  });

  it('prints co-issue as fxc does, the + in the indentation, and reads it back', () => {
    // Layout of an fxc ps_1_3 listing: `  + mul r0.w, t0.w, c0.w` under `    add r0.xyz, r0, v0`.
    const text = '    ps_1_3\n    tex t0\n    add r0.xyz, t0, v0\n  + mul r0.w, t0.w, c0.w\n';
    const r = assemble(text);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    expect(disassemble(r.bytes)).toBe(text);
  });

  it('indents flow-control bodies by two spaces per level as fxc does', () => {
    const text = [
      '    vs_2_x', '    rep i0', '      if_lt r0.x, c0.x', '        break', '      else', '        mov r0, c1',
      '      endif', '      add r0, r0, c2', '    endrep', '    mov oPos, r0', '',
    ].join('\n');
    const r = assemble(text);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    expect(disassemble(r.bytes)).toBe(text);
  });

  it('encodes co-issue with the + prefix on the second instruction of the pair', () => {
    expect(body('ps_1_1\nmov r0.rgb, t0\n+mov r0.a, t0')).toEqual([
      0x00000001, 0x80070000, 0xb0e40000,
      0x40000001, 0x80080000, 0xb0e40000,
    ]);
  });

  it('encodes the ps_1_1 constant-clamp test shader exactly as Wine lists it', () => {
    expect(body('ps_1_1\nmov r1, c1\nadd r0, r1, c2')).toEqual([
      0x00000001, 0x800f0001, 0xa0e40001, 0x00000002, 0x800f0000, 0x80e40001, 0xa0e40002,
    ]);
  });

  it('encodes labels, calls, loops and SM1 relative addressing (no extra token in vs_1_1)', () => {
    expect(body('vs_2_0\ncall l0\nret\nlabel l0\nret')).toEqual([
      0x01000019, 0xa0e41000, 0x0000001c, 0x0100001e, 0xa0e41000, 0x0000001c,
    ]);
    expect(body('vs_2_0\nloop aL, i0\nmov r0, c2[aL]\nendloop')).toEqual([
      0x0200001b, 0xf0e40800, 0xf0e40000, 0x03000001, 0x800f0000, 0xa0e42002, 0xf0e40800, 0x0000001d,
    ]);
    expect(body('vs_1_1\nmov r0, c[a0.x + 2]')).toEqual([0x00000001, 0x800f0000, 0xa0e42002]);
  });

  it('accepts comments of all three kinds, blank lines and mixed case', () => {
    expect(body('// header\n  VS_2_0 ; version\n/* a\n block */ MOV oPos, v0 // tail\n')).toEqual([
      0x02000001, 0xc00f0000, 0x90e40000,
    ]);
  });

  it('reports syntax errors by line with E_ASM codes instead of throwing', () => {
    const r = assemble('vs_2_0\nmov r0, v0\nfrobnicate r0\nmov r0, q7\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [4401, "line 3: unknown instruction 'frobnicate'"],
      [4402, "line 4: unknown register 'q7'"],
    ]);
    const noVersion = assemble('mov r0, v0');
    expect(!noVersion.ok && noVersion.diagnostics[0]?.code).toBe(4403);
  });

  it('rejects malformed text: bad swizzles and masks, doubled modifiers, impossible combinations', () => {
    const bad = [
      'vs_2_0\nmov r0, r1.abcd', 'vs_2_0\nmov r0, r1.xyzwx', 'vs_2_0\nmov r0, r1.', 'vs_2_0\nmov r0.xxyz, r1',
      'ps_1_3\nmov_x2_x2 r0, r1', 'vs_1_1\nmov r0, r1, r2', 'ps_1_4\ntexld r5, -r2_dz', 'vs_3_0\nmov r2, 2 - r0',
      'vs_3_0\nmov r2, c[ aL + 3.4 ]', 'vs_3_0\ncall l2048', 'ps_2_0\nadd r0, v[ r0 ], r1', 'vs_2_0\nmov_sat_sat r0, r1',
    ];
    for (const text of bad) expect(assemble(text, { validate: false }).ok, text).toBe(false);
  });

  it('rejects (through the validator) what the D3D runtime refuses', () => {
    const bad = [
      'vs_1_1\nadd r0.rgb, r0, r1\n+add r0.a, r0, r2', 'ps_2_0\nmov r2, 1 - r0', 'vs_3_0\nmov r2, 1 - r1',
      'vs_1_1\nmov r2, r1_x2', 'vs_1_1\nmov r2, r1_abs', 'ps_2_0\nmov r0, r1_x2', 'ps_1_3\nmov r5, r0',
      'ps_3_0\ndcl_positiont o0', 'vs_3_0\nadd_pp r0, r0, r1', 'ps_3_0\nadd_x4 r0, r0, r1', 'ps_1_3\nadd oC0, r0, r1',
      'ps_3_0\nadd oC4, r0, r1', 'vs_3_0\nadd r0, r0, v17', 'vs_3_0\nadd o13, r0, r1', 'ps_3_0\ntexld r0, r1, s20',
      'ps_1_3\ntex t5', 'vs_3_0\nadd r0, r0[ a0.x ], r1', 'vs_2_0\nadd r0, v[ a0.x ], r1', 'ps_2_0\nadd r0, v[ aL ], r1',
      'ps_3_0\nadd r0, v[ a0.x ], r1', 'ps_3_0\ndcl_texcoord0_sat v0', 'ps_3_0\ndcl_texcoord0_x2 v0',
      'vs_3_0\ndcl_texcoord0_centroid v0', 'vs_3_0\ndcl_2d_pp s0', 'ps_2_0\ntexm3x3vspec t3, t0', 'vs_1_1\nmov r0, s0',
      'ps_3_0\ndcl_2d s2\ntexldd_x2 r0, v1, s2, v3, v4', 'vs_1_1\n(p0) add r0, r0, v0',
    ];
    for (const text of bad) expect(assemble(text).ok, text).toBe(false);
  });

  it('validates by default: an instruction outside the model fails with the validator code', () => {
    const r = assemble('ps_2_0\nloop aL, i0\nendloop');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map((d) => d.code)).toContain(4051);
  });
});
