/**
 * Pixel shader 1.x rules: texture-addressing instructions come before arithmetic (in each phase
 * for ps_1_4), one `phase` at most, `bem` once and only in phase 1, v# read only in phase 2,
 * co-issue pairs made of one colour (.rgb) and one alpha (.a) arithmetic instruction.
 */

import type { Instruction } from '../ir/ir.js';
import { versionNumber } from '../ir/ir.js';
import { findOpcode, Opcode } from '../ir/opcodes.js';
import { ShaderDiag } from '../shader-diagnostics.js';
import type { ValidationContext } from './context.js';

function isArithmetic(ins: Instruction, ctx: ValidationContext): boolean {
  if (ins.kind !== 'op') return false;
  const row = findOpcode(ins.opcode, ctx.version);
  return row !== undefined && !row.texAddress && ins.opcode !== Opcode.NOP;
}

/** Co-issue is a ps_1_x feature; the flagged instruction pairs with the one before it. */
export function checkCoissue(ctx: ValidationContext, instructions: readonly Instruction[]): void {
  const v = ctx.version;
  instructions.forEach((ins, at) => {
    if (!ins.coissue) return;
    if (!(v.type === 'ps' && v.major < 2)) {
      ctx.report(ShaderDiag.COISSUE_NOT_ALLOWED, 'co-issue exists only in ps_1_x', ins, at);
      return;
    }
    const prev = at > 0 ? instructions[at - 1] : undefined;
    const ok = prev !== undefined && !prev.coissue && isArithmetic(prev, ctx) && isArithmetic(ins, ctx)
      && prev.kind === 'op' && ins.kind === 'op' && prev.dst !== undefined && ins.dst !== undefined
      && (prev.dst.writeMask & ins.dst.writeMask) === 0
      && (prev.dst.writeMask === 8 || ins.dst.writeMask === 8);
    if (!ok) ctx.report(ShaderDiag.COISSUE_PAIRING, 'co-issued instruction must pair a .rgb and a .a arithmetic instruction', ins, at);
  });
}

/** Ordering and phase rules of ps_1_1–1_4. */
export function checkPs1Order(ctx: ValidationContext, instructions: readonly Instruction[]): void {
  const v = ctx.version;
  if (v.type !== 'ps' || v.major >= 2) return;
  const is14 = versionNumber(v) === 0x104;
  const phaseAt = instructions.findIndex((i) => i.kind === 'phase');
  let phases = 0;
  let seenArithmetic = false;
  let bemCount = 0;
  instructions.forEach((ins, at) => {
    if (ins.kind === 'phase') {
      phases++;
      if (phases > 1) ctx.report(ShaderDiag.PHASE_MISUSE, 'more than one phase marker', ins, at);
      seenArithmetic = false;
      return;
    }
    if (ins.kind !== 'op') return;
    const row = findOpcode(ins.opcode, v);
    if (!row) return;
    if (row.texAddress) {
      if (seenArithmetic) {
        ctx.report(ShaderDiag.TEXTURE_ORDER, `${row.mnemonic} after arithmetic instructions${is14 ? ' in this phase' : ''}`, ins, at);
      }
    } else if (ins.opcode !== Opcode.NOP) {
      seenArithmetic = true;
    }
    const inPhase1 = phaseAt >= 0 && at < phaseAt;
    if (ins.opcode === Opcode.BEM) {
      bemCount++;
      if (bemCount > 1) ctx.report(ShaderDiag.PHASE_MISUSE, 'bem may appear once', ins, at);
      if (!inPhase1) ctx.report(ShaderDiag.PHASE_MISUSE, 'bem belongs in phase 1 (before the phase marker)', ins, at);
      if (ins.dst && ins.dst.writeMask !== 3) ctx.report(ShaderDiag.WRITE_MASK, 'bem writes .rg (.xy) only', ins, at);
    }
    if (is14 && inPhase1) {
      for (const s of ins.src) {
        if (s.file === 'input') ctx.report(ShaderDiag.PHASE_MISUSE, `v${s.index} can only be read in phase 2`, ins, at);
      }
    }
  });
}
