/**
 * Operand rules: which register files an instruction may read and write in a shader model, index
 * bounds (SVGA3D limits), write masks, modifiers, swizzles and relative addressing.
 */

import type { DstOperand, Instruction, OpInstruction, RegisterFile, ShaderVersion, SrcOperand } from '../ir/ir.js';
import { isReplicateSwizzle, versionNumber } from '../ir/ir.js';
import type { DstKind, OpcodeRow, SrcKind } from '../ir/opcodes.js';
import { Opcode } from '../ir/opcodes.js';
import { registerCount } from '../ir/registers.js';
import { ShaderDiag } from '../shader-diagnostics.js';
import { formatShift, registerName } from '../text/syntax.js';
import type { ValidationContext } from './context.js';

/** Files a plain source operand may read. */
export function readableFiles(v: ShaderVersion): readonly RegisterFile[] {
  if (v.type === 'vs') return ['temp', 'input', 'const'];
  if (v.major >= 3) return ['temp', 'input', 'const', 'misc'];
  return ['temp', 'input', 'const', 'texture'];
}

/** Files a plain destination may write (a0 only through `mov` in vs_1_1; mova has its own kind). */
export function writableFiles(v: ShaderVersion, opcode: number): readonly RegisterFile[] {
  const n = versionNumber(v);
  if (v.type === 'vs') {
    if (n >= 0x300) return ['temp', 'output'];
    const base: RegisterFile[] = ['temp', 'rastout', 'attrout', 'texcrdout'];
    if (n < 0x200 && opcode === Opcode.MOV) base.push('addr');
    return base;
  }
  if (n >= 0x200) return ['temp', 'colorout', 'depthout'];
  return n === 0x104 ? ['temp'] : ['temp', 'texture'];
}

const DST_KIND_FILES: Partial<Record<DstKind, readonly RegisterFile[]>> = {
  pred: ['predicate'], addr: ['addr'], texture: ['texture'],
  'float-const': ['const'], 'int-const': ['constint'], 'bool-const': ['constbool'],
};

const SRC_KIND_FILES: Partial<Record<SrcKind, readonly RegisterFile[]>> = {
  label: ['label'], loop: ['loop'], int: ['constint'], bool: ['constbool'],
  cond: ['constbool', 'predicate'], pred: ['predicate'], sampler: ['sampler'],
};

/** Checks that a register exists in the model and its index is within the limits. */
export function checkRegister(
  ctx: ValidationContext, file: RegisterFile, index: number, allowed: readonly RegisterFile[], what: string, ins: Instruction | undefined, at: number,
): boolean {
  const name = registerName(file, index);
  if (!allowed.includes(file)) {
    ctx.report(ShaderDiag.REGISTER_FILE, `${what}: ${name} (${file}) is not allowed here`, ins, at);
    return false;
  }
  const count = registerCount(file, ctx.version);
  if (count === 0) {
    ctx.report(ShaderDiag.REGISTER_FILE, `${what}: ${file} registers do not exist in this shader model`, ins, at);
    return false;
  }
  if (index >= count) {
    ctx.report(ShaderDiag.REGISTER_INDEX, `${what}: ${name} is beyond the limit of ${count} ${file} registers`, ins, at);
    return false;
  }
  return true;
}

function checkRelative(ctx: ValidationContext, op: SrcOperand | DstOperand, isDst: boolean, what: string, ins: OpInstruction | undefined, at: number): void {
  const rel = op.relative;
  if (!rel) return;
  const v = ctx.version;
  const n = versionNumber(v);
  let ok: boolean;
  if (isDst) ok = v.type === 'vs' && n >= 0x300 && op.file === 'output' && rel.file === 'loop';
  else if (v.type === 'vs') ok = op.file === 'const' || (n >= 0x300 && op.file === 'input');
  // ps_3_0 indexes inputs and float constants with aL only.
  else ok = n >= 0x300 && (op.file === 'input' || op.file === 'const') && rel.file === 'loop';
  if (!ok) {
    ctx.report(ShaderDiag.RELATIVE_NOT_ALLOWED, `${what}: relative addressing of ${op.file} is not allowed here`, ins, at);
    return;
  }
  if (rel.file === 'addr') {
    if (v.type !== 'vs' || rel.index !== 0) ctx.report(ShaderDiag.RELATIVE_NOT_ALLOWED, `${what}: index register must be a0 or aL`, ins, at);
    else if (v.major >= 2 && !isReplicateSwizzle(rel.swizzle)) {
      ctx.report(ShaderDiag.SWIZZLE, `${what}: a0 index needs a single component`, ins, at);
    } else if (n < 0x200 && rel.component !== 0) {
      ctx.report(ShaderDiag.SWIZZLE, `${what}: vs_1_1 indexes with a0.x only`, ins, at);
    }
  } else if (rel.file === 'loop') {
    if (rel.index !== 0 || registerCount('loop', v) === 0) ctx.report(ShaderDiag.RELATIVE_NOT_ALLOWED, `${what}: aL does not exist here`, ins, at);
  } else {
    ctx.report(ShaderDiag.RELATIVE_NOT_ALLOWED, `${what}: ${rel.file} cannot index a register`, ins, at);
  }
}

/** Checks a destination operand of an instruction row. */
export function checkDst(ctx: ValidationContext, row: OpcodeRow, ins: OpInstruction, d: DstOperand, at: number): void {
  const v = ctx.version;
  const n = versionNumber(v);
  const kind = row.dst ?? 'dst';
  // texkill names the register it tests rather than writing it: r# or t# (v# in ps_3_0).
  const killFiles: readonly RegisterFile[] | undefined = row.opcode === Opcode.TEXKILL && kind === 'dst'
    ? (n >= 0x300 ? ['temp', 'input'] : ['temp', 'texture']) : undefined;
  const files = killFiles ?? DST_KIND_FILES[kind] ?? writableFiles(v, row.opcode);
  const what = `${row.mnemonic} destination`;
  checkRegister(ctx, d.file, d.index, files, what, ins, at);
  if (d.writeMask === 0) ctx.report(ShaderDiag.WRITE_MASK, `${what}: empty write mask`, ins, at);
  if (d.file === 'addr' && n < 0x200 && d.writeMask !== 1) ctx.report(ShaderDiag.WRITE_MASK, `${what}: vs_1_1 writes a0.x only`, ins, at);
  if (d.saturate && v.type === 'vs' && n < 0x300) ctx.report(ShaderDiag.RESULT_MODIFIER, `${what}: _sat needs vs_3_0`, ins, at);
  if (d.partialPrecision && !(v.type === 'ps' && n >= 0x200)) ctx.report(ShaderDiag.RESULT_MODIFIER, `${what}: _pp needs ps_2_0 or later`, ins, at);
  if (d.centroid && !(v.type === 'ps' && n >= 0x200 && (row.opcode === Opcode.TEX || row.opcode === Opcode.TEXLDD || row.opcode === Opcode.TEXLDL))) {
    ctx.report(ShaderDiag.RESULT_MODIFIER, `${what}: _centroid only on ps_2_0+ declarations and texture loads`, ins, at);
  }
  if (d.shift !== 0) {
    // _x2 _x4 _d2 in ps_1_1–1_4; _x8 _d4 _d8 from ps_1_4; never on texture-address instructions.
    const allowed = v.type === 'ps' && n < 0x200 && !row.texAddress
      && (n === 0x104 ? d.shift >= -3 && d.shift <= 3 : d.shift === 1 || d.shift === 2 || d.shift === -1);
    if (!allowed) ctx.report(ShaderDiag.RESULT_MODIFIER, `${what}: shift ${formatShift(d.shift)} is not allowed here`, ins, at);
  }
  checkRelative(ctx, d, true, what, ins, at);
}

const PS1_ONLY_MODIFIERS = new Set(['bias', 'biasneg', 'sign', 'signneg', 'comp']);

/** Checks a source operand against what the row expects in that position. */
export function checkSrc(ctx: ValidationContext, row: OpcodeRow, ins: OpInstruction, s: SrcOperand, kind: SrcKind, i: number, at: number): void {
  const v = ctx.version;
  const n = versionNumber(v);
  const what = `${row.mnemonic} source ${i}`;
  const files = SRC_KIND_FILES[kind] ?? readableFiles(v);
  checkRegister(ctx, s.file, s.index, files, what, ins, at);
  const m = s.modifier;
  if (kind === 'cond' || kind === 'pred') {
    if (m !== 'none' && m !== 'not') ctx.report(ShaderDiag.SOURCE_MODIFIER, `${what}: only ! may modify a condition`, ins, at);
    if (s.file === 'predicate' && !isReplicateSwizzle(s.swizzle)) ctx.report(ShaderDiag.SWIZZLE, `${what}: predicate condition needs one component`, ins, at);
  } else if (kind !== 'src') {
    if (m !== 'none') ctx.report(ShaderDiag.SOURCE_MODIFIER, `${what}: ${kind} operand takes no modifier`, ins, at);
    if (kind === 'sampler' && s.swizzle !== 0xe4 && n < 0x300) ctx.report(ShaderDiag.SWIZZLE, `${what}: sampler swizzle needs ps_3_0`, ins, at);
  } else {
    const texCoordOp = n === 0x104 && v.type === 'ps' && (row.opcode === Opcode.TEX || row.opcode === Opcode.TEXCOORD);
    let bad = false;
    if (m === 'not') bad = true;
    else if (PS1_ONLY_MODIFIERS.has(m)) bad = !(v.type === 'ps' && n < 0x200);
    else if (m === 'x2' || m === 'x2neg') bad = !(v.type === 'ps' && n === 0x104);
    else if (m === 'dz' || m === 'dw') bad = !texCoordOp;
    else if (m === 'abs' || m === 'absneg') bad = n < 0x200;
    if (bad) ctx.report(ShaderDiag.SOURCE_MODIFIER, `${what}: modifier ${m} is not allowed here`, ins, at);
    if (v.type === 'ps' && n < 0x200 && !isReplicateSwizzle(s.swizzle) && s.swizzle !== 0xe4) {
      // ps_1_4 texld/texcrd take .xyz / .xyw; other ps_1_x sources only identity or a replicate.
      const coordOk = texCoordOp && (s.swizzle === 0xa4 || s.swizzle === 0xf4);
      if (!coordOk) ctx.report(ShaderDiag.SWIZZLE, `${what}: ps_1_x allows only identity or replicate swizzles`, ins, at);
    }
  }
  checkRelative(ctx, s, false, what, ins, at);
}
