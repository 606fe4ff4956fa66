/**
 * The shader validator: decodes (framing rules) and then checks every rule a guest shader must
 * meet before the VM runs it: opcodes and register files allowed in the model, SVGA3D register
 * limits, write masks, modifiers, relative addressing, predication, declarations, flow control,
 * labels and calls, ps_1_x phase and ordering. Never throws; every finding is a numbered
 * diagnostic (4000–4299).
 */

import type { Diagnostic } from '../../common/diagnostics.js';
import type { Instruction, OpInstruction, ShaderProgram, ShaderType, SrcOperand } from '../ir/ir.js';
import { isReplicateSwizzle, versionName, versionNumber } from '../ir/ir.js';
import type { OpcodeRow, SrcKind } from '../ir/opcodes.js';
import { findOpcode, layoutRow, Opcode } from '../ir/opcodes.js';
import { registerCount } from '../ir/registers.js';
import { decodeShader } from '../decode/decoder.js';
import { ShaderDiag } from '../shader-diagnostics.js';
import { ValidationContext } from './context.js';
import { checkConstantDefinition, checkUndeclared, DeclarationState } from './declaration-rules.js';
import { checkFlow } from './flow-rules.js';
import { checkDst, checkSrc } from './operand-rules.js';
import { checkCoissue, checkPs1Order } from './ps1-rules.js';

/** Result of `validateShader`: `ok` when there is no error (warnings may be present). */
export interface ValidationResult {
  readonly ok: boolean;
  readonly program?: ShaderProgram;
  readonly diagnostics: Diagnostic[];
}

function checkPredicate(ctx: ValidationContext, row: OpcodeRow, ins: OpInstruction, p: SrcOperand, at: number): void {
  if (registerCount('predicate', ctx.version) === 0) {
    ctx.report(ShaderDiag.PREDICATE_NOT_ALLOWED, `${row.mnemonic}: predication needs vs_2_x / ps_2_x or later`, ins, at);
    return;
  }
  if (row.flow !== undefined) ctx.report(ShaderDiag.PREDICATE_NOT_ALLOWED, `${row.mnemonic}: flow control cannot be predicated`, ins, at);
  if (p.file !== 'predicate' || p.index !== 0 || p.relative) ctx.report(ShaderDiag.OPERAND_KIND, `${row.mnemonic}: predicate must be p0`, ins, at);
  if (p.modifier !== 'none' && p.modifier !== 'not') ctx.report(ShaderDiag.SOURCE_MODIFIER, `${row.mnemonic}: predicate takes only !`, ins, at);
  if (!isReplicateSwizzle(p.swizzle) && p.swizzle !== 0xe4) ctx.report(ShaderDiag.SWIZZLE, `${row.mnemonic}: predicate swizzle must be identity or one component`, ins, at);
}

/** Rules that belong to one instruction rather than to operand positions. */
function checkSpecial(ctx: ValidationContext, ins: OpInstruction, at: number): void {
  const v = ctx.version;
  const n = versionNumber(v);
  const d = ins.dst;
  switch (ins.opcode) {
    case Opcode.SINCOS: {
      if (d && (d.file !== 'temp' || (d.writeMask & ~3) !== 0 || d.writeMask === 0)) {
        ctx.report(ShaderDiag.WRITE_MASK, 'sincos writes a temp register, mask .x, .y or .xy', ins, at);
      }
      const s0 = ins.src[0];
      if (s0 && !isReplicateSwizzle(s0.swizzle)) ctx.report(ShaderDiag.SWIZZLE, 'sincos source needs a replicate swizzle', ins, at);
      if (ins.src.length === 3 && ins.src.slice(1).some((s) => s.file !== 'const')) {
        ctx.report(ShaderDiag.OPERAND_KIND, 'sincos (SM2) takes D3DSINCOSCONST1/2 in constant registers', ins, at);
      }
      break;
    }
    case Opcode.SGN:
      if (ins.src.length === 3 && ins.src.slice(1).some((s) => s.file !== 'temp')) {
        ctx.report(ShaderDiag.OPERAND_KIND, 'sgn scratch operands must be temp registers', ins, at);
      }
      break;
    case Opcode.FRC:
      if (v.type === 'vs' && n < 0x200 && d && d.writeMask !== 2 && d.writeMask !== 3) {
        ctx.report(ShaderDiag.WRITE_MASK, 'vs_1_1 frc writes .y or .xy only', ins, at);
      }
      break;
    case Opcode.TEXDEPTH:
      if (d && (d.file !== 'temp' || d.index !== 5)) ctx.report(ShaderDiag.OPERAND_KIND, 'texdepth writes r5', ins, at);
      break;
    default:
      break;
  }
}

function checkOp(ctx: ValidationContext, ins: OpInstruction, at: number): void {
  const row = findOpcode(ins.opcode, ctx.version);
  if (!row) {
    const name = layoutRow(ins.opcode, ctx.version)?.mnemonic ?? `opcode ${ins.opcode}`;
    ctx.report(ShaderDiag.OPCODE_NOT_IN_VERSION, `${name} is not available in ${versionName(ctx.version)}`, ins, at);
    return;
  }
  if (ins.predicate) checkPredicate(ctx, row, ins, ins.predicate, at);
  if (row.dst !== undefined) {
    if (ins.dst) checkDst(ctx, row, ins, ins.dst, at);
    else ctx.report(ShaderDiag.OPERAND_KIND, `${row.mnemonic} needs a destination`, ins, at);
  }
  const kinds: readonly SrcKind[] = row.srcAlt && ins.src.length === row.srcAlt.length ? row.srcAlt : row.src;
  if (ins.src.length !== kinds.length) {
    ctx.report(ShaderDiag.OPERAND_KIND, `${row.mnemonic} takes ${kinds.length} sources, has ${ins.src.length}`, ins, at);
  }
  ins.src.forEach((s, i) => checkSrc(ctx, row, ins, s, kinds[i] ?? 'src', i, at));
  checkSpecial(ctx, ins, at);
}

/** Validates a decoded program; returns its diagnostics (errors and warnings). */
export function validateProgram(program: ShaderProgram, expectedType?: ShaderType): Diagnostic[] {
  const v = program.version;
  const ctx = new ValidationContext(v);
  if (expectedType !== undefined && expectedType !== v.type) {
    ctx.report(ShaderDiag.TYPE_MISMATCH, `${versionName(v)} bytecode where a ${expectedType} shader is expected`);
  }
  const decls = new DeclarationState();
  program.instructions.forEach((ins: Instruction, at) => {
    switch (ins.kind) {
      case 'op':
        checkOp(ctx, ins, at);
        decls.noteCode(ins);
        break;
      case 'dcl':
        if (!findOpcode(Opcode.DCL, v)) ctx.report(ShaderDiag.OPCODE_NOT_IN_VERSION, `dcl is not available in ${versionName(v)}`, ins, at);
        else decls.checkDcl(ctx, ins, at);
        break;
      case 'def': case 'defi': case 'defb':
        if (!findOpcode(ins.opcode, v)) ctx.report(ShaderDiag.OPCODE_NOT_IN_VERSION, `${ins.kind} is not available in ${versionName(v)}`, ins, at);
        else checkConstantDefinition(ctx, ins, at);
        break;
      case 'phase':
        if (!findOpcode(Opcode.PHASE, v)) ctx.report(ShaderDiag.PHASE_MISUSE, `phase exists only in ps_1_4`, ins, at);
        break;
    }
  });
  checkUndeclared(ctx, decls, program.instructions);
  checkFlow(ctx, program.instructions);
  checkCoissue(ctx, program.instructions);
  checkPs1Order(ctx, program.instructions);
  return ctx.diagnostics;
}

/**
 * Decodes and validates guest bytecode. `ok` is true only when neither step found an error;
 * `program` is present whenever decoding succeeded.
 */
export function validateShader(bytes: Uint8Array | Uint32Array, expectedType?: ShaderType): ValidationResult {
  const decoded = decodeShader(bytes);
  if (!decoded.ok) {
    return { ok: false, diagnostics: decoded.diagnostics };
  }
  const diagnostics = [...decoded.diagnostics, ...validateProgram(decoded.program, expectedType)];
  const ok = !diagnostics.some((d) => d.severity === 'error');
  return { ok, program: decoded.program, diagnostics };
}
