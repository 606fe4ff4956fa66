/**
 * DCL / DEF / DEFI / DEFB rules: which registers each model declares, usages and sampler types,
 * duplicates (overlapping components of one register, a usage bound twice, a sampler declared
 * twice), declarations after the first ordinary instruction, full write masks on constants.
 */

import type { DclInstruction, DefbInstruction, DefiInstruction, DefInstruction, Instruction, RegisterFile } from '../ir/ir.js';
import { SamplerTextureType } from '../ir/ir.js';
import { Opcode } from '../ir/opcodes.js';
import { ShaderDiag } from '../shader-diagnostics.js';
import { registerName, USAGE_NAMES } from '../text/syntax.js';
import type { ValidationContext } from './context.js';
import { checkRegister } from './operand-rules.js';

/** Which files `dcl` may name in the model. */
function declarableFiles(ctx: ValidationContext): readonly RegisterFile[] {
  const v = ctx.version;
  if (v.type === 'vs') return v.major >= 3 ? ['input', 'output', 'sampler'] : ['input'];
  return v.major >= 3 ? ['input', 'misc', 'sampler'] : ['input', 'texture', 'sampler'];
}

/** Per-shader state of the declaration rules. */
export class DeclarationState {
  private readonly masks = new Map<string, number>();
  private readonly usages = new Set<string>();
  private sawCode = false;
  private readonly declared = new Set<string>();

  /** Whether `file:index` was declared. */
  isDeclared(key: string): boolean {
    return this.declared.has(key);
  }

  /** Notes an ordinary instruction: declarations after it are misplaced. */
  noteCode(ins: Instruction): void {
    if (ins.kind === 'op') this.sawCode = true;
  }

  /** Checks one DCL. */
  checkDcl(ctx: ValidationContext, ins: DclInstruction, at: number): void {
    const v = ctx.version;
    const d = ins.dst;
    const name = registerName(d.file, d.index);
    if (this.sawCode) ctx.report(ShaderDiag.DECLARATION_PLACEMENT, `dcl ${name} after the first instruction`, ins, at);
    if (!checkRegister(ctx, d.file, d.index, declarableFiles(ctx), 'dcl', ins, at)) return;
    if (d.writeMask === 0) ctx.report(ShaderDiag.WRITE_MASK, `dcl ${name}: empty write mask`, ins, at);
    if (d.saturate || d.shift !== 0 || d.relative) ctx.report(ShaderDiag.RESULT_MODIFIER, `dcl ${name}: only _pp and _centroid may modify a declaration`, ins, at);
    if ((d.partialPrecision || d.centroid) && !(v.type === 'ps' && v.major >= 2)) {
      ctx.report(ShaderDiag.RESULT_MODIFIER, `dcl ${name}: _pp/_centroid only on pixel shader inputs`, ins, at);
    }
    if (d.file === 'sampler') {
      const t = ins.samplerType;
      const ok = t === SamplerTextureType.TEXTURE_2D || t === SamplerTextureType.CUBE || t === SamplerTextureType.VOLUME
        || t === SamplerTextureType.TEXTURE_2D_SHADOW;
      if (!ok) ctx.report(ShaderDiag.BAD_DECLARATION, `dcl ${name}: sampler texture type ${t} is not 2d, cube, volume or 2d shadow`, ins, at);
      if (ins.usage !== 0 || ins.usageIndex !== 0) ctx.report(ShaderDiag.BAD_DECLARATION, `dcl ${name}: a sampler has no usage`, ins, at);
    } else {
      if (ins.samplerType !== 0) ctx.report(ShaderDiag.BAD_DECLARATION, `dcl ${name}: texture type on a non-sampler register`, ins, at);
      if (ins.usage >= USAGE_NAMES.length) ctx.report(ShaderDiag.BAD_DECLARATION, `dcl ${name}: unknown usage ${ins.usage}`, ins, at);
    }
    const key = `${d.file}:${d.index}`;
    const prev = this.masks.get(key) ?? 0;
    if ((prev & d.writeMask) !== 0 || (d.file === 'sampler' && this.masks.has(key))) {
      ctx.report(ShaderDiag.DUPLICATE_DECLARATION, `${name} declared twice`, ins, at);
    }
    this.masks.set(key, prev | d.writeMask);
    this.declared.add(key);
    // Inputs and outputs with a semantic bind a usage once per direction.
    const semantic = (v.type === 'vs' || v.major >= 3) && (d.file === 'input' || d.file === 'output');
    if (semantic) {
      const u = `${d.file}:${ins.usage}:${ins.usageIndex}`;
      if (this.usages.has(u)) {
        const uname = `${USAGE_NAMES[ins.usage] ?? ins.usage}${ins.usageIndex || ''}`;
        ctx.report(ShaderDiag.DUPLICATE_DECLARATION, `usage ${uname} declared twice for ${d.file}`, ins, at);
      }
      this.usages.add(u);
    }
  }
}

/** Files that SM2+ models declare before use (the D3D9 runtime refuses undeclared ones). */
function mustDeclare(ctx: ValidationContext): { read: readonly RegisterFile[]; write: readonly RegisterFile[] } {
  const v = ctx.version;
  if (v.major < 2) return { read: [], write: [] };
  if (v.type === 'vs') return v.major >= 3 ? { read: ['input', 'sampler'], write: ['output'] } : { read: ['input'], write: [] };
  return v.major >= 3 ? { read: ['input', 'misc', 'sampler'], write: [] } : { read: ['input', 'texture', 'sampler'], write: [] };
}

/**
 * Warns (once per register) about SM2+ inputs, samplers and vs_3_0 outputs used without a DCL:
 * the interpreter then has no usage or texture type for them. Relative accesses are not checked.
 */
export function checkUndeclared(ctx: ValidationContext, state: DeclarationState, instructions: readonly Instruction[]): void {
  const rules = mustDeclare(ctx);
  if (rules.read.length === 0 && rules.write.length === 0) return;
  const warned = new Set<string>();
  const check = (file: RegisterFile, index: number, files: readonly RegisterFile[], ins: Instruction, at: number): void => {
    const key = `${file}:${index}`;
    if (!files.includes(file) || state.isDeclared(key) || warned.has(key)) return;
    warned.add(key);
    ctx.report(ShaderDiag.UNDECLARED_REGISTER, `${registerName(file, index)} is used without a dcl`, ins, at);
  };
  instructions.forEach((ins, at) => {
    if (ins.kind !== 'op') return;
    for (const s of ins.src) if (!s.relative) check(s.file, s.index, rules.read, ins, at);
    if (ins.dst && !ins.dst.relative) {
      // texkill names a register it reads.
      check(ins.dst.file, ins.dst.index, ins.opcode === Opcode.TEXKILL ? rules.read : rules.write, ins, at);
    }
  });
}

/** Checks DEF / DEFI / DEFB destinations. */
export function checkConstantDefinition(ctx: ValidationContext, ins: DefInstruction | DefiInstruction | DefbInstruction, at: number): void {
  const file: RegisterFile = ins.kind === 'def' ? 'const' : ins.kind === 'defi' ? 'constint' : 'constbool';
  const d = ins.dst;
  if (!checkRegister(ctx, d.file, d.index, [file], ins.kind, ins, at)) return;
  if (d.writeMask !== 0xf) ctx.report(ShaderDiag.WRITE_MASK, `${ins.kind} ${registerName(d.file, d.index)}: constants are defined whole (.xyzw)`, ins, at);
  if (d.saturate || d.partialPrecision || d.centroid || d.shift !== 0 || d.relative) {
    ctx.report(ShaderDiag.RESULT_MODIFIER, `${ins.kind}: modifiers are not allowed`, ins, at);
  }
}
