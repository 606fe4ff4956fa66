import { describe, expect, it } from 'vitest';
import { decodeShader } from '../decode/decoder.js';
import { assemble } from '../text/assembler.js';
import { disassemble } from '../text/disassembler.js';
import type { DstKind, OpcodeRow, SrcKind } from './opcodes.js';
import { findOpcode, Opcode, OPCODE_TABLE, opcodeRows, rowAllowsVersion } from './opcodes.js';
import type { ShaderVersion } from './ir.js';
import { versionName } from './ir.js';
import { ALL_VERSIONS } from '../testing/random-program.js';

function v(name: string): ShaderVersion {
  const found = ALL_VERSIONS.find((x) => versionName(x) === name);
  if (!found) throw new Error(name);
  return found;
}

describe('opcode table', () => {
  it('has a row for every D3D9 opcode 0–48, 64–96 except the reserved 75, and PHASE', () => {
    const expected = [...Array.from({ length: 49 }, (_, i) => i), ...Array.from({ length: 33 }, (_, i) => 64 + i).filter((o) => o !== 75), 0xfffd];
    expect([...new Set(OPCODE_TABLE.map((r) => r.opcode))].sort((a, b) => a - b)).toEqual(expected);
    expect(opcodeRows(Opcode.RESERVED0)).toEqual([]);
  });

  it('never has two rows of one opcode for the same model', () => {
    for (const version of ALL_VERSIONS) {
      for (const op of new Set(OPCODE_TABLE.map((r) => r.opcode))) {
        expect(opcodeRows(op).filter((r) => rowAllowsVersion(r, version)).length).toBeLessThanOrEqual(1);
      }
    }
  });

  // Availability per d3d9-shaders.md §2 (Microsoft's asm reference, vkd3d and Wine tables).
  const availability: [number, string, boolean][] = [
    [Opcode.DP4, 'ps_1_1', false], [Opcode.DP4, 'ps_1_2', true], [Opcode.LRP, 'vs_1_1', false], [Opcode.LRP, 'ps_1_1', true],
    [Opcode.RCP, 'ps_1_4', false], [Opcode.RCP, 'ps_2_0', true], [Opcode.SLT, 'ps_3_0', false], [Opcode.LIT, 'vs_1_1', true],
    [Opcode.TEXREG2RGB, 'ps_1_1', false], [Opcode.TEXREG2RGB, 'ps_1_3', true], [Opcode.TEXM3x2DEPTH, 'ps_1_2', false],
    [Opcode.TEXM3x2DEPTH, 'ps_1_3', true], [Opcode.CMP, 'ps_1_1', false], [Opcode.CMP, 'ps_3_0', true], [Opcode.BEM, 'ps_1_3', false],
    [Opcode.BEM, 'ps_1_4', true], [Opcode.DSX, 'ps_2_0', false], [Opcode.DSX, 'ps_2_x', true], [Opcode.LOOP, 'ps_2_x', false],
    [Opcode.LOOP, 'ps_3_0', true], [Opcode.LOOP, 'vs_2_0', true], [Opcode.MOVA, 'vs_1_1', false], [Opcode.MOVA, 'ps_3_0', false],
    [Opcode.SETP, 'vs_2_0', false], [Opcode.SETP, 'ps_2_x', true], [Opcode.TEXLDL, 'vs_3_0', true], [Opcode.TEXLDL, 'ps_2_x', false],
    [Opcode.BREAKP, 'vs_2_x', true], [Opcode.CALL, 'ps_2_0', false], [Opcode.CALL, 'vs_2_0', true], [Opcode.IFC, 'vs_2_0', false],
    [Opcode.DCL, 'ps_1_4', false], [Opcode.DCL, 'vs_1_1', true], [Opcode.PHASE, 'ps_1_4', true], [Opcode.PHASE, 'ps_1_3', false],
    [Opcode.TEXKILL, 'ps_3_0', true], [Opcode.TEXKILL, 'vs_3_0', false], [Opcode.CND, 'ps_2_0', false], [Opcode.EXPP, 'ps_2_0', false],
    [Opcode.TEXLDD, 'ps_2_x', true], [Opcode.DP2ADD, 'vs_3_0', false], [Opcode.SGN, 'vs_2_0', true], [Opcode.SGN, 'ps_3_0', false],
  ];
  for (const [op, name, allowed] of availability) {
    it(`opcode ${op} ${allowed ? 'is' : 'is not'} available in ${name}`, () => {
      expect(findOpcode(op, v(name)) !== undefined).toBe(allowed);
    });
  }

  it('lays out version-dependent operands: tex, texcoord, sincos, sgn', () => {
    expect(findOpcode(Opcode.TEX, v('ps_1_3'))).toMatchObject({ mnemonic: 'tex', dst: 'texture', src: [] });
    expect(findOpcode(Opcode.TEX, v('ps_1_4'))).toMatchObject({ mnemonic: 'texld', dst: 'dst', src: ['src'] });
    expect(findOpcode(Opcode.TEX, v('ps_2_0'))).toMatchObject({ mnemonic: 'texld', src: ['src', 'sampler'], texldModes: true });
    expect(findOpcode(Opcode.TEXCOORD, v('ps_1_4'))?.mnemonic).toBe('texcrd');
    expect(findOpcode(Opcode.SINCOS, v('vs_2_x'))?.src).toHaveLength(3);
    expect(findOpcode(Opcode.SINCOS, v('ps_3_0'))?.src).toHaveLength(1);
    expect(findOpcode(Opcode.SGN, v('vs_3_0'))).toMatchObject({ src: ['src'], srcAlt: ['src', 'src', 'src'] });
  });
});

const DST_TEXT: Record<DstKind, string> = {
  dst: 'r0', pred: 'p0', addr: 'a0', texture: 't0', decl: '', 'float-const': 'c0', 'int-const': 'i0', 'bool-const': 'b0',
};
const SRC_TEXT: Record<SrcKind, string> = {
  src: 'r1', label: 'l1', loop: 'aL', int: 'i0', bool: 'b0', cond: 'b0', pred: 'p0.x', sampler: 's0',
};

/** A line of assembly for `row` in `version`, in the disassembler's spelling. */
function sampleLines(row: OpcodeRow, version: ShaderVersion): string[] {
  switch (row.special) {
    case 'dcl': return [version.type === 'vs' ? 'dcl_position v0' : version.major >= 3 ? 'dcl_texcoord1 v2.xy' : 'dcl_cube s3'];
    case 'def': return ['def c2, 1, -0.5, 6.28318548, -1.55009923e-06'];
    case 'defi': return ['defi i3, 255, 0, -128, 0'];
    case 'defb': return ['defb b4, true'];
    case 'phase': return ['phase'];
    default: break;
  }
  const operands = [...(row.dst ? [DST_TEXT[row.dst]] : []), ...row.src.map((k) => SRC_TEXT[k])].join(', ');
  const names = row.comparison ? ['gt', 'eq', 'ge', 'lt', 'ne', 'le'].map((c) => `${row.mnemonic}_${c}`)
    : row.texldModes ? ['texld', 'texldp', 'texldb'] : [row.mnemonic];
  return names.map((n) => (operands === '' ? n : `${n} ${operands}`));
}

describe('assembler and disassembler cover every row of the table in every model it allows', () => {
  const cases: { version: ShaderVersion; row: OpcodeRow; line: string }[] = [];
  for (const version of ALL_VERSIONS) {
    for (const row of OPCODE_TABLE) {
      if (!rowAllowsVersion(row, version)) continue;
      for (const line of sampleLines(row, version)) cases.push({ version, row, line });
    }
  }

  it('builds a case for every (row, model) pair', () => {
    expect(cases.length).toBeGreaterThan(450);
  });

  it('each line assembles to its opcode and prints back identically', () => {
    for (const { version, row, line } of cases) {
      const text = `${versionName(version)}\n${line}\n`;
      const a = assemble(text, { validate: false });
      if (!a.ok) throw new Error(`${text}: ${a.diagnostics.map((d) => d.message).join('; ')}`);
      const d = decodeShader(a.bytes);
      if (!d.ok) throw new Error(`${text}: ${d.diagnostics.map((x) => x.message).join('; ')}`);
      expect(d.program.instructions.map((i) => i.opcode)).toEqual([row.opcode]);
      expect(disassemble(a.bytes).split('\n')[1]?.trim()).toBe(line);
    }
  });
});
