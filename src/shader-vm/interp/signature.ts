/**
 * Shader input / output signatures: which register carries which semantic (usage, usage index), so
 * the pipeline can bind vertex declarations to v# and link vertex outputs to pixel inputs.
 *
 * - vs inputs: the `dcl_<usage>N v#` declarations.
 * - vs < 3.0 outputs: fixed registers: oPos = POSITION0, oFog = FOG0 (x), oPts = PSIZE0 (x),
 *   oD0/oD1 = COLOR0/1, oT0–oT7 = TEXCOORD0–7.
 * - vs_3_0 outputs: the `dcl_<usage>N o#` declarations.
 * - ps < 3.0 inputs: v0/v1 = COLOR0/1, t0–t7 = TEXCOORD0–7 by register number.
 * - ps_3_0 inputs: the `dcl_<usage>N v#` declarations (vPos / vFace are not semantics).
 */

import type { RegisterFile, ShaderProgram } from '../ir/ir.js';
import { DeclUsage } from '../ir/ir.js';

/** One register of a signature. */
export interface SignatureEntry {
  readonly file: RegisterFile;
  readonly index: number;
  readonly usage: number;
  readonly usageIndex: number;
  /** Declared components (bit 0 = x). */
  readonly mask: number;
  /** Assembler name of the register (`v3`, `oT0`, `o2`, `oPos`). */
  readonly name: string;
}

function declared(program: ShaderProgram, file: RegisterFile, prefix: string): SignatureEntry[] {
  const out: SignatureEntry[] = [];
  for (const it of program.instructions) {
    if (it.kind !== 'dcl' || it.dst.file !== file) continue;
    out.push({
      file,
      index: it.dst.index,
      usage: it.usage,
      usageIndex: it.usageIndex,
      mask: it.dst.writeMask,
      name: `${prefix}${it.dst.index}`,
    });
  }
  return out;
}

/** The inputs of a program with their semantics. */
export function inputSignature(program: ShaderProgram): SignatureEntry[] {
  const v = program.version;
  if (v.type === 'vs' || v.major >= 3) return declared(program, 'input', 'v');
  const out: SignatureEntry[] = [];
  for (let i = 0; i < 2; i++) out.push({ file: 'input', index: i, usage: DeclUsage.COLOR, usageIndex: i, mask: 0xf, name: `v${i}` });
  for (let i = 0; i < 8; i++) out.push({ file: 'texture', index: i, usage: DeclUsage.TEXCOORD, usageIndex: i, mask: 0xf, name: `t${i}` });
  return out;
}

/** The outputs of a vertex program with their semantics (empty for pixel programs). */
export function outputSignature(program: ShaderProgram): SignatureEntry[] {
  const v = program.version;
  if (v.type !== 'vs') return [];
  if (v.major >= 3) return declared(program, 'output', 'o');
  const out: SignatureEntry[] = [
    { file: 'rastout', index: 0, usage: DeclUsage.POSITION, usageIndex: 0, mask: 0xf, name: 'oPos' },
    { file: 'rastout', index: 1, usage: DeclUsage.FOG, usageIndex: 0, mask: 0x1, name: 'oFog' },
    { file: 'rastout', index: 2, usage: DeclUsage.PSIZE, usageIndex: 0, mask: 0x1, name: 'oPts' },
    { file: 'attrout', index: 0, usage: DeclUsage.COLOR, usageIndex: 0, mask: 0xf, name: 'oD0' },
    { file: 'attrout', index: 1, usage: DeclUsage.COLOR, usageIndex: 1, mask: 0xf, name: 'oD1' },
  ];
  for (let i = 0; i < 8; i++) out.push({ file: 'texcrdout', index: i, usage: DeclUsage.TEXCOORD, usageIndex: i, mask: 0xf, name: `oT${i}` });
  return out;
}
