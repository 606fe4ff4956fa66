/**
 * Compiles a `ShaderProgram` into one JavaScript function (`new Function('rt', source)`) that
 * runs an invocation exactly as the interpreter (`interp/execute.ts`) does, on the interpreter's
 * own register machine.
 *
 * Shape of the generated code:
 * - straight-line runs of arithmetic become one *segment*: the budget is counted once for the run
 *   (instruction by instruction only when it may run out inside it), then a lane loop computes
 *   every instruction of the run per lane (lanes never read each other's registers in arithmetic);
 * - derivatives (dsx / dsy) read all four lanes and have code of their own;
 * - texture instructions (texld…, texkill, every ps_1_x texture-address op, bem) call the
 *   interpreter's `execTextureOp` on the same machine: they are dominated by the sampler, and
 *   sharing the code keeps every ps_1_x rule identical;
 * - with any flow control, the code sits in a `for (;;) switch (pc)` dispatcher whose cases are the
 *   flow instructions and the instructions after them (see `emit-flow.ts`).
 *
 * The source depends only on the program (no time, no randomness, no unordered iteration).
 * Programs the compiler does not take (see `unsupportedReason`) run on the interpreter.
 */

import type { OpInstruction, ShaderProgram } from '../ir/ir.js';
import { Opcode } from '../ir/opcodes.js';
import type { PreparedShader } from '../interp/prepare.js';
import { prepareShader } from '../interp/prepare.js';
import { ps1xRange } from '../ops/modifiers.js';
import { formatInstruction } from '../text/disassembler.js';
import { emitArithmetic } from './emit-arith.js';
import type { EmitState } from './emit-operands.js';
import { finish, sourceReader, stageWrite, table } from './emit-operands.js';
import { END_OF_PROGRAM, FLOW_OPCODES, emitFlow } from './emit-flow.js';
import { emitLookup, isInlineLookup } from './emit-texture.js';
import type { JitFunction } from './jit-runtime.js';
import type { RegisterPlan } from './register-plan.js';
import { registerPlan } from './register-plan.js';
import { JitStatus } from './jit-runtime.js';

/** Instruction opcodes `execTextureOp` handles (it returns true for exactly these). */
const TEXTURE_OPCODES: ReadonlySet<number> = new Set([
  Opcode.TEX, Opcode.TEXLDL, Opcode.TEXLDD, Opcode.TEXKILL, Opcode.TEXCOORD, Opcode.TEXBEM, Opcode.TEXBEML,
  Opcode.TEXREG2AR, Opcode.TEXREG2GB, Opcode.TEXREG2RGB, Opcode.TEXM3x2PAD, Opcode.TEXM3x3PAD,
  Opcode.TEXM3x2TEX, Opcode.TEXM3x2DEPTH, Opcode.TEXM3x3TEX, Opcode.TEXM3x3, Opcode.TEXM3x3SPEC,
  Opcode.TEXM3x3VSPEC, Opcode.TEXDP3, Opcode.TEXDP3TEX, Opcode.TEXDEPTH, Opcode.BEM,
]);

/** Texture instructions that, outside ps_1_x, read only registers. */
const REGISTER_LOOKUPS: ReadonlySet<number> = new Set([Opcode.TEX, Opcode.TEXLDL, Opcode.TEXLDD, Opcode.TEXKILL]);

/** Op instructions beyond which the compiler leaves a program to the interpreter (source size). */
export const MAX_COMPILED_INSTRUCTIONS = 4096;

/** Compiler options. */
export interface CompileOptions {
  /** Put the disassembly of every instruction into the generated source as a comment. */
  readonly debug?: boolean;
}

/** A compiled program, or the reason it runs on the interpreter. */
export type CompiledShader =
  | {
      readonly ok: true;
      readonly program: ShaderProgram;
      readonly prepared: PreparedShader;
      /** The generated function body (readable; with `debug`, annotated with the disassembly). */
      readonly source: string;
      readonly run: JitFunction;
      /** Program-derived tables the function reads as `rt.k`. */
      readonly tables: readonly unknown[];
      /** The registers a run can touch (what the entry points clear and load). */
      readonly plan: RegisterPlan;
    }
  | { readonly ok: false; readonly program: ShaderProgram; readonly prepared: PreparedShader; readonly reason: string };

type Category = 'flow' | 'nop' | 'texture' | 'derivative' | 'arith';

function category(it: OpInstruction): Category {
  if (FLOW_OPCODES.has(it.opcode)) return 'flow';
  if (it.opcode === Opcode.NOP) return 'nop';
  if (TEXTURE_OPCODES.has(it.opcode)) return 'texture';
  if (it.opcode === Opcode.DSX || it.opcode === Opcode.DSY) return 'derivative';
  return 'arith';
}

function integral(x: number): boolean {
  return Number.isSafeInteger(x);
}

/**
 * Why the compiler does not take `program` (undefined: it does). Each case is one where the
 * interpreter's behaviour depends on a run-time condition the generated structure would have to
 * duplicate: a co-issued half that is flow control or a derivative (the interpreter runs it as a
 * no-op when lanes are active and as itself when none are), a derivative as the first half of a
 * pair, non-integer register numbers (only hand-built IR has them), or a very long program.
 */
export function unsupportedReason(program: ShaderProgram): string | undefined {
  const ins = program.instructions;
  let ops = 0;
  for (let pc = 0; pc < ins.length; pc++) {
    const it = ins[pc];
    if (!it || it.kind !== 'op') continue;
    ops++;
    for (const s of [...it.src, ...(it.predicate ? [it.predicate] : [])]) {
      if (!integral(s.index) || (s.relative && !integral(s.relative.index))) return `instruction ${pc}: non-integer register number`;
    }
    if (it.dst && (!integral(it.dst.index) || !integral(it.dst.shift))) return `instruction ${pc}: non-integer destination`;
    const next = ins[pc + 1];
    if (next?.kind === 'op' && next.coissue) {
      const first = category(it);
      const second = category(next);
      if ((first === 'arith' || first === 'derivative') && (first === 'derivative' || second === 'flow' || second === 'derivative')) {
        return `instruction ${pc + 1}: co-issued ${second === 'flow' ? 'flow control' : 'derivative'} pairing`;
      }
    }
  }
  if (ops > MAX_COMPILED_INSTRUCTIONS) return `${ops} instructions (more than ${MAX_COMPILED_INSTRUCTIONS})`;
  return undefined;
}

/** One straight-line run: pairs and singles, and the instruction indices the budget counts. */
interface Segment {
  readonly units: { readonly first: number; readonly second?: number }[];
  readonly items: number[];
}

/** The generator of one program. */
class Generator {
  readonly e: EmitState;
  readonly body: string[] = [];
  readonly ins: ShaderProgram['instructions'];
  readonly full: number;
  readonly hasFlow: boolean;
  segment: Segment | undefined;

  readonly prepared: PreparedShader;
  readonly debug: boolean;

  constructor(prepared: PreparedShader, debug: boolean) {
    this.prepared = prepared;
    this.debug = debug;
    const v = prepared.program.version;
    const lanes = v.type === 'ps' ? 4 : 1;
    this.e = { lanes, range: ps1xRange(v.major, v.minor, v.type === 'ps'), tables: [], files: new Set(), written: new Set() };
    this.ins = prepared.program.instructions;
    this.full = (1 << lanes) - 1;
    this.hasFlow = this.ins.some((it) => it.kind === 'op' && FLOW_OPCODES.has(it.opcode));
  }

  /** `exec` of a unit: constant without flow control, from the masks with it. */
  get execExpr(): string {
    return this.hasFlow ? '(cond & loopM & func)' : String(this.full);
  }

  comment(pc: number): void {
    const it = this.ins[pc];
    if (this.debug && it) this.body.push(`// ${pc}: ${formatInstruction(it, this.prepared.program.version).replace(/\s+/g, ' ').trim()}`);
  }

  /** Budget count of one instruction that may stop the shader. */
  countOne(pc: number): string {
    return `if (++ex > B) { rt.pc = ${pc}; return ${JitStatus.BUDGET}; }`;
  }

  countItems(items: readonly number[], zero: boolean): string {
    const list = table(this.e, Int32Array.from(items));
    return `if (ex + ${items.length} <= B) ex += ${items.length};`
      + ` else { ex = budgetWalk(rt, ex, B, ${list}, ${zero}); if (ex < 0) return ${JitStatus.BUDGET}; }`;
  }

  /** The code of one lane for a unit of a segment (a pair computes both halves before either writes). */
  laneCode(unit: Segment['units'][number]): string[] {
    const it = this.ins[unit.first] as OpInstruction;
    const a = emitArithmetic(this.e, this.prepared, it, unit.first, 'A');
    if (unit.second === undefined) return a.compute.length + a.commit.length === 0 ? [] : ['{', ...a.compute, ...a.commit, '}'];
    const b = emitArithmetic(this.e, this.prepared, this.ins[unit.second] as OpInstruction, unit.second, 'B');
    const all = [...a.compute, ...b.compute, ...a.commit, ...b.commit];
    return all.length === 0 ? [] : ['{', ...all, '}'];
  }

  closeSegment(): void {
    const seg = this.segment;
    this.segment = undefined;
    if (!seg || seg.items.length === 0) return;
    const code: string[] = [];
    for (const u of seg.units) code.push(...this.laneCode(u));
    const lanes = this.e.lanes;
    const loop = code.length === 0
      ? []
      : lanes === 1
        ? ['{ const l = 0, o = 0;', ...code, '}']
        : [`for (let l = 0; l < 4; l++) {${this.hasFlow ? ' if (!((exec >> l) & 1)) continue;' : ''} const o = l << 2;`, ...code, '}'];
    if (!this.hasFlow) {
      this.body.push(this.countItems(seg.items, false), ...loop);
      return;
    }
    this.body.push(`{ const exec = ${this.execExpr};`, `if (exec !== 0) { ${this.countItems(seg.items, false)}`, ...loop,
      `} else { ${this.countItems(seg.items, true)} } }`);
  }

  addToSegment(first: number, second?: number): void {
    this.segment ??= { units: [], items: [] };
    this.segment.units.push(second === undefined ? { first } : { first, second });
    this.segment.items.push(first);
    if (second !== undefined) this.segment.items.push(-second - 1);
  }

  texture(pc: number): void {
    const it = this.ins[pc] as OpInstruction;
    if (isInlineLookup(this.prepared, it)) {
      this.body.push(`{ ${this.countOne(pc)} const exec = ${this.execExpr}; if (exec !== 0) {`, ...emitLookup(this.e, this.prepared, it), '} }');
      return;
    }
    const op = table(this.e, it);
    this.body.push(`{ ${this.countOne(pc)} const exec = ${this.execExpr}; if (exec !== 0) execTextureOp(ctx, ${op}, exec); }`);
  }

  /** dsx / dsy (`computeArithmetic`): every lane's source first, then fine differences. */
  derivative(pc: number): void {
    const it = this.ins[pc] as OpInstruction;
    const dst = it.dst;
    const lines = [`{ ${this.countOne(pc)} const exec = ${this.execExpr}; if (exec !== 0) {`];
    if (dst) {
      const lanes = this.e.lanes;
      if (lanes === 4) {
        for (let l = 0; l < 4; l++) {
          const decls: string[] = [];
          const s = sourceReader(this.e, decls, it.src[0], 'q_');
          const comps = [0, 1, 2, 3].map((i) => s(i));
          lines.push(`{ const l = ${l}, o = ${l * 4};`, ...decls, comps.map((c, i) => `QD[${l * 4 + i}] = ${c};`).join(' '), '}');
        }
      }
      for (let l = 0; l < lanes; l++) {
        const pair = it.opcode === Opcode.DSX ? (l & 2) | 1 : l | 2;
        const base = it.opcode === Opcode.DSX ? l & 2 : l & 1;
        const values = [0, 1, 2, 3].map((i) => finish(this.e, dst, lanes === 4 ? `fr(QD[${pair * 4 + i}] - QD[${base * 4 + i}])` : '0'));
        const names = values.map((_, i) => `r${i}`);
        const w = stageWrite(this.e, dst, dst.writeMask, names, it.predicate, 'D');
        lines.push(`if ((exec >> ${l}) & 1) { const l = ${l}, o = ${l * 4};`, ...values.map((v, i) => `const r${i} = ${v};`), ...w.compute, ...w.commit, '}');
      }
    }
    lines.push('} }');
    this.body.push(...lines);
  }

  /** Indices that start a dispatcher case: 0, every flow instruction and the one after it. */
  caseLabels(): Set<number> {
    const labels = new Set<number>([0]);
    this.ins.forEach((it, pc) => {
      if (it.kind === 'op' && FLOW_OPCODES.has(it.opcode)) {
        labels.add(pc);
        labels.add(pc + 1);
      }
    });
    return labels;
  }

  generate(): string {
    const n = this.ins.length;
    const labels = this.hasFlow ? this.caseLabels() : new Set<number>();
    let pc = 0;
    while (pc < n) {
      if (labels.has(pc)) {
        this.closeSegment();
        this.body.push(`case ${pc}:`);
      }
      const it = this.ins[pc];
      if (!it || it.kind !== 'op') {
        pc++;
        continue;
      }
      const cat = category(it);
      if (cat === 'nop') {
        this.comment(pc);
        this.segment ??= { units: [], items: [] };
        this.segment.items.push(pc);
        pc++;
        continue;
      }
      if (cat === 'arith') {
        const next = this.ins[pc + 1];
        const paired = next?.kind === 'op' && next.coissue;
        this.comment(pc);
        if (paired) this.comment(pc + 1);
        this.addToSegment(pc, paired ? pc + 1 : undefined);
        pc += paired ? 2 : 1;
        continue;
      }
      this.closeSegment();
      this.comment(pc);
      if (cat === 'texture') this.texture(pc);
      else if (cat === 'derivative') this.derivative(pc);
      else this.body.push(`{ ${this.countOne(pc)} ${emitFlow(this.e, this.prepared, it, pc)} }`);
      pc++;
    }
    this.closeSegment();
    return this.assemble();
  }

  assemble(): string {
    const e = this.e;
    const files = [...e.files].sort();
    const written = [...e.written].sort();
    const out = [
      '"use strict";',
      'const m = rt.m, k = rt.k, h = rt.h, L = rt.legacy, B = rt.budget, ctx = rt.ctx;',
      'const fr = h.fr, mulF = h.mulF, madF = h.madF, saturateF = h.saturateF, clampF = h.clampF;',
      'const rcpScalar = h.rcpScalar, rsqScalar = h.rsqScalar, logScalar = h.logScalar, powScalar = h.powScalar, frcScalar = h.frcScalar;',
      'const movaRound = h.movaRound, mov11Floor = h.mov11Floor, execTextureOp = h.execTextureOp, budgetWalk = h.budgetWalk;',
      'const SA = h.SA, SB = h.SB, SC = h.SC, SD = h.SD, RS = h.RS, VALS = h.VALS, QD = h.QD;',
      'const TC = h.TC, TDX = h.TDX, TDY = h.TDY, TLOD = h.TLOD, TRES = h.TRES, V4 = h.V4, V1 = h.V1, quadDerivatives = h.quadDerivatives;',
      'const C = m.consts, I = m.ints, BO = m.bools;',
      ...files.map((f) => `const F_${f} = m.files.get(${JSON.stringify(f)});`),
      ...written.map((f) => `let W_${f} = 0;`),
      'let ex = 0;',
    ];
    if (this.hasFlow) {
      out.push(`let pc = 0, cond = ${this.full}, loopM = ${this.full}, func = ${this.full};`, 'const cs = [], lf = [], cf = [];');
      out.push('run: for (;;) { switch (pc) {', ...this.body, `default: { ${END_OF_PROGRAM} } } }`);
    } else out.push('run: {', ...this.body, '}');
    for (const f of written) {
      out.push(`if (W_${f} !== 0) m.written.set(${JSON.stringify(f)}, (m.written.get(${JSON.stringify(f)}) ?? 0) | W_${f});`);
    }
    out.push('rt.ex = ex;', `return ${JitStatus.OK};`);
    return out.join('\n');
  }
}

/** Compiles `program` (prepared as the interpreter prepares it). Never throws for guest programs. */
export function compileShader(program: ShaderProgram, options: CompileOptions = {}): CompiledShader {
  const prepared = prepareShader(program);
  const reason = unsupportedReason(program);
  if (reason !== undefined) return { ok: false, program, prepared, reason };
  const gen = new Generator(prepared, options.debug ?? false);
  const source = gen.generate();
  let run: JitFunction;
  try {
    run = new Function('rt', source) as JitFunction;
  } catch (err) {
    // A generator defect, never guest data: keep running through the interpreter.
    return { ok: false, program, prepared, reason: `generated source did not parse: ${String(err)}` };
  }
  // Interpolated texture coordinates are read by ps_1_x lookups and by the texture-address
  // instructions (whatever the model claims); SM2+ lookups and texkill read registers only.
  const ps1 = program.version.type === 'ps' && program.version.major === 1;
  const readsTexcoords = program.instructions.some((it) => it.kind === 'op' && TEXTURE_OPCODES.has(it.opcode) && (ps1 || !REGISTER_LOOKUPS.has(it.opcode)));
  return { ok: true, program, prepared, source, run, tables: gen.e.tables, plan: registerPlan(prepared, readsTexcoords) };
}
