/**
 * IR -> assembly text in Microsoft's syntax as fxc prints it: one instruction per line, indented
 * four spaces, `vs_2_0` first, `def c4, 1, 0.5, 0, 0`, `dcl_position v0`, `texld r0, t0, s0`,
 * `mad_sat r0.xy, -r1.yzxw, c0_abs, r2`, `(p0.x) add …`, `  + mov …` for co-issue, `c3[a0.x]` for
 * relative addressing. Comment blocks (CTAB) are not printed.
 */

import type { DclInstruction, DstOperand, Instruction, OpInstruction, ShaderProgram, ShaderVersion, SrcOperand } from '../ir/ir.js';
import { versionName } from '../ir/ir.js';
import { findOpcode, layoutRow, printedMnemonic } from '../ir/opcodes.js';
import { decodeShader } from '../decode/decoder.js';
import { formatDefValue } from './format-float.js';
import { formatShift, formatSwizzle, formatWriteMask, registerName, SAMPLER_TYPE_NAMES, USAGE_NAMES } from './syntax.js';
import { formatDiagnostic } from '../../common/diagnostics.js';

function relativeText(op: SrcOperand | DstOperand): string {
  const rel = op.relative;
  if (!rel) return '';
  const reg = registerName(rel.file, rel.index);
  return rel.file === 'loop' ? `[${reg}]` : `[${reg}.${'xyzw'[rel.component] ?? 'x'}]`;
}

/** A source operand: `-r1.yzxw`, `c0_abs`, `1-t0`, `!b0`, `c3[a0.x].x`. */
export function formatSrc(s: SrcOperand): string {
  const reg = registerName(s.file, s.index) + relativeText(s);
  const swz = formatSwizzle(s.swizzle);
  switch (s.modifier) {
    case 'none': return reg + swz;
    case 'neg': return `-${reg}${swz}`;
    case 'bias': return `${reg}_bias${swz}`;
    case 'biasneg': return `-${reg}_bias${swz}`;
    case 'sign': return `${reg}_bx2${swz}`;
    case 'signneg': return `-${reg}_bx2${swz}`;
    case 'comp': return `1-${reg}${swz}`;
    case 'x2': return `${reg}_x2${swz}`;
    case 'x2neg': return `-${reg}_x2${swz}`;
    case 'dz': return `${reg}_dz${swz}`;
    case 'dw': return `${reg}_dw${swz}`;
    case 'abs': return `${reg}_abs${swz}`;
    case 'absneg': return `-${reg}_abs${swz}`;
    case 'not': return `!${reg}${swz}`;
  }
}

/** A destination operand: `r0.xy`, `oPos`, `o[aL]`. */
export function formatDst(d: DstOperand): string {
  return registerName(d.file, d.index) + relativeText(d) + formatWriteMask(d.writeMask);
}

/** Instruction-name suffixes carried by the destination: shift, `_sat`, `_pp`, `_centroid`. */
function dstSuffix(d: DstOperand | undefined): string {
  if (!d) return '';
  return formatShift(d.shift) + (d.saturate ? '_sat' : '') + (d.partialPrecision ? '_pp' : '') + (d.centroid ? '_centroid' : '');
}

function dclText(ins: DclInstruction, version: ShaderVersion): string {
  const d = ins.dst;
  const parts: string[] = [];
  const isIo = d.file === 'input' || d.file === 'output';
  const implicitUsage = version.type === 'ps' && version.major < 3;
  if (ins.usage !== 0 || ins.usageIndex !== 0 || (isIo && !implicitUsage)) {
    const name = USAGE_NAMES[ins.usage] ?? `usage${ins.usage}x`;
    parts.push(ins.usageIndex !== 0 ? `${name}${ins.usageIndex}` : name);
  }
  if (ins.samplerType !== 0) parts.push(SAMPLER_TYPE_NAMES[ins.samplerType] ?? `samplertype${ins.samplerType}`);
  const mnemonic = ['dcl', ...parts].join('_') + dstSuffix(d);
  return `${mnemonic} ${formatDst(d)}`;
}

function opText(ins: OpInstruction, version: ShaderVersion): string {
  const row = findOpcode(ins.opcode, version) ?? layoutRow(ins.opcode, version);
  const name = row ? printedMnemonic(row, ins.control) : `op${ins.opcode}`;
  const operands: string[] = [];
  if (ins.dst) operands.push(formatDst(ins.dst));
  for (const s of ins.src) operands.push(formatSrc(s));
  const pred = ins.predicate ? `(${formatSrc(ins.predicate)}) ` : '';
  const text = name + dstSuffix(ins.dst);
  return pred + (operands.length > 0 ? `${text} ${operands.join(', ')}` : text);
}

/** One instruction as a line of assembly (without indentation). */
export function formatInstruction(ins: Instruction, version: ShaderVersion): string {
  let text: string;
  switch (ins.kind) {
    case 'phase': text = 'phase'; break;
    case 'dcl': text = dclText(ins, version); break;
    case 'def': text = `def${dstSuffix(ins.dst)} ${formatDst(ins.dst)}, ${ins.bits.map(formatDefValue).join(', ')}`; break;
    case 'defi': text = `defi${dstSuffix(ins.dst)} ${formatDst(ins.dst)}, ${ins.values.join(', ')}`; break;
    case 'defb': text = `defb${dstSuffix(ins.dst)} ${formatDst(ins.dst)}, ${ins.value ? 'true' : 'false'}`; break;
    case 'op': text = opText(ins, version); break;
  }
  return ins.coissue ? `+ ${text}` : text;
}

/**
 * Disassembles bytecode or a decoded program. Bytecode that does not decode gives `//` lines
 * naming the diagnostics instead (which the assembler rejects, having no version line).
 */
export function disassemble(input: Uint8Array | Uint32Array | ShaderProgram): string {
  let program: ShaderProgram;
  if (input instanceof Uint8Array || input instanceof Uint32Array) {
    const r = decodeShader(input);
    if (!r.ok) return r.diagnostics.map((d) => `// ${formatDiagnostic(d)}`).join('\n') + '\n';
    program = r.program;
  } else {
    program = input;
  }
  const v = program.version;
  const lines = [`    ${versionName(v)}`];
  // fxc indents the body of if/loop/rep by two more spaces per level, and puts the co-issue `+`
  // into the indentation: `  + mul r0.w, t0.w, c0.w`.
  let depth = 0;
  for (const ins of program.instructions) {
    const flow = ins.kind === 'op' ? findOpcode(ins.opcode, v)?.flow : undefined;
    const closes = flow === 'endif' || flow === 'endloop' || flow === 'endrep';
    if (closes) depth = Math.max(0, depth - 1);
    const indent = ' '.repeat(4 + 2 * (flow === 'else' ? Math.max(0, depth - 1) : depth) - (ins.coissue ? 2 : 0));
    lines.push(indent + formatInstruction(ins, v));
    if (flow === 'if' || flow === 'ifc' || flow === 'loop' || flow === 'rep') depth = Math.min(depth + 1, 64);
  }
  return lines.join('\n') + '\n';
}
