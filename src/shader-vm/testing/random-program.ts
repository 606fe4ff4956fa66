/**
 * Deterministic generators of shader programs for property tests (here and in the interpreter's
 * tests): `randomValidProgram` builds programs that pass the validator (declarations, arithmetic
 * from the opcode table with legal operands and modifiers, balanced flow control, subroutines,
 * ps_1_x texture phases and co-issue); `randomEncodableProgram` builds anything the encoder can
 * write, legal or not, to exercise printing and parsing of every register file and modifier.
 */

import type {
  DstOperand, Instruction, OpInstruction, RegisterFile, ShaderProgram, ShaderVersion, SourceModifier, SrcOperand,
} from '../ir/ir.js';
import { COMPARISONS, SOURCE_MODIFIERS, versionNumber } from '../ir/ir.js';
import type { OpcodeRow, SrcKind } from '../ir/opcodes.js';
import { findOpcode, Opcode, OPCODE_TABLE, rowAllowsVersion } from '../ir/opcodes.js';
import { registerCount } from '../ir/registers.js';
import { readableFiles, writableFiles } from '../validate/operand-rules.js';

/** A small deterministic PRNG (xorshift32); never `Math.random`. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = (seed >>> 0) || 0x9e3779b9;
  }
  /** Next u32. */
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + (this.next() % (hi - lo + 1));
  }
  bool(pTrue = 0.5): boolean {
    return this.next() / 0x100000000 < pTrue;
  }
  pick<T>(items: readonly T[]): T {
    const v = items[this.int(0, items.length - 1)];
    if (v === undefined) throw new Error('pick from an empty list');
    return v;
  }
}

/** Every shader model of the table. */
export const ALL_VERSIONS: readonly ShaderVersion[] = [
  { type: 'vs', major: 1, minor: 1 }, { type: 'vs', major: 2, minor: 0 }, { type: 'vs', major: 2, minor: 1 },
  { type: 'vs', major: 3, minor: 0 }, { type: 'ps', major: 1, minor: 1 }, { type: 'ps', major: 1, minor: 2 },
  { type: 'ps', major: 1, minor: 3 }, { type: 'ps', major: 1, minor: 4 }, { type: 'ps', major: 2, minor: 0 },
  { type: 'ps', major: 2, minor: 1 }, { type: 'ps', major: 3, minor: 0 },
];

const BASE = { offset: -1, coissue: false } as const;

function dst(file: RegisterFile, index: number, writeMask = 0xf): DstOperand {
  return { file, index, writeMask, saturate: false, partialPrecision: false, centroid: false, shift: 0 };
}

function src(file: RegisterFile, index: number, swizzle = 0xe4, modifier: SourceModifier = 'none'): SrcOperand {
  return { file, index, swizzle, modifier };
}

function op(opcode: number, d: DstOperand | undefined, s: SrcOperand[], control = 0): OpInstruction {
  const ins: { -readonly [K in keyof OpInstruction]: OpInstruction[K] } = { kind: 'op', ...BASE, opcode, control, src: s };
  if (d) ins.dst = d;
  const c = COMPARISONS[control];
  const row = OPCODE_TABLE.find((r) => r.opcode === opcode && (r.comparison || r.texldModes));
  if (row?.comparison && c) ins.comparison = c;
  if (row?.texldModes) ins.texldMode = (['texld', 'texldp', 'texldb'] as const)[control] ?? 'texld';
  return ins;
}

/** Rows usable as plain arithmetic in `v`: dst + sources, no flow, no special rules. */
function arithmeticRows(v: ShaderVersion): OpcodeRow[] {
  const excluded = new Set<number>([Opcode.SINCOS, Opcode.SGN, Opcode.FRC, Opcode.BEM, Opcode.TEXDEPTH, Opcode.MOVA, Opcode.SETP]);
  return OPCODE_TABLE.filter((r) => rowAllowsVersion(r, v) && r.dst === 'dst' && r.special === undefined && r.flow === undefined
    && !r.texAddress && !excluded.has(r.opcode) && r.src.every((k) => k === 'src' || k === 'sampler'));
}

class ValidGen {
  readonly n: number;
  readonly ins: Instruction[] = [];
  readonly r: Rng;
  readonly v: ShaderVersion;
  constructor(r: Rng, v: ShaderVersion) {
    this.r = r;
    this.v = v;
    this.n = versionNumber(v);
  }

  swizzle(): number {
    if (this.v.type === 'ps' && this.n < 0x200) return this.r.bool() ? 0xe4 : this.r.int(0, 3) * 0x55;
    return this.r.int(0, 255);
  }

  modifier(): SourceModifier {
    const v = this.v;
    if (v.type === 'ps' && this.n < 0x200) {
      const mods: SourceModifier[] = ['none', 'neg', 'bias', 'biasneg', 'sign', 'signneg', 'comp'];
      if (this.n === 0x104) mods.push('x2', 'x2neg');
      return this.r.pick(mods);
    }
    return this.r.pick(this.n >= 0x200 ? ['none', 'neg', 'abs', 'absneg'] : ['none', 'neg']);
  }

  source(noInputs: boolean, kind: SrcKind = 'src'): SrcOperand {
    if (kind === 'sampler') return src('sampler', this.r.int(0, registerCount('sampler', this.v) - 1));
    const files = readableFiles(this.v).filter((f) => !(noInputs && f === 'input') && registerCount(f, this.v) > 0);
    const file = this.r.pick(files);
    const count = Math.min(registerCount(file, this.v), file === 'const' ? 300 : 64);
    const s = src(file, this.r.int(0, count - 1), this.swizzle(), this.modifier());
    if (this.v.type === 'vs' && file === 'const' && this.r.bool(0.2)) {
      const comp = this.n < 0x200 ? 0 : this.r.int(0, 3);
      return { ...s, relative: { file: 'addr', index: 0, swizzle: comp * 0x55, component: comp } };
    }
    if (this.v.type === 'ps' && this.n >= 0x300 && file === 'input' && this.r.bool(0.2)) {
      return { ...s, relative: { file: 'loop', index: 0, swizzle: 0xe4, component: 0 } };
    }
    return s;
  }

  destination(opcode: number, mask?: number): DstOperand {
    const files = writableFiles(this.v, opcode).filter((f) => f !== 'addr' && f !== 'texture');
    const file = this.r.pick(files);
    const d = { ...dst(file, this.r.int(0, registerCount(file, this.v) - 1), mask ?? this.r.int(1, 15)) };
    if (this.v.type === 'ps' || this.n >= 0x300) d.saturate = this.r.bool(0.2);
    if (this.v.type === 'ps' && this.n >= 0x200) d.partialPrecision = this.r.bool(0.2);
    if (this.v.type === 'ps' && this.n < 0x200 && this.r.bool(0.2)) d.shift = this.r.pick(this.n === 0x104 ? [-3, -2, -1, 1, 2, 3] : [-1, 1, 2]);
    return d;
  }

  predicate(): SrcOperand | undefined {
    if (registerCount('predicate', this.v) === 0 || !this.r.bool(0.15)) return undefined;
    return src('predicate', 0, this.r.int(0, 3) * 0x55, this.r.bool() ? 'not' : 'none');
  }

  /** One of the instructions with rules of their own (setp, mova, sincos, texkill, sgn), when the model has it. */
  special(): boolean {
    const v = this.v;
    const n = this.n;
    const temp = (mask: number): DstOperand => dst('temp', this.r.int(0, registerCount('temp', v) - 1), mask);
    const replicate = (): SrcOperand => ({ ...this.source(false), swizzle: this.r.int(0, 3) * 0x55 });
    switch (this.r.int(0, 4)) {
      case 0:
        if (registerCount('predicate', v) === 0) return false;
        this.ins.push(op(Opcode.SETP, dst('predicate', 0, this.r.int(1, 15)), [this.source(false), this.source(false)], this.r.int(1, 6)));
        return true;
      case 1:
        if (v.type !== 'vs' || n < 0x200) return false;
        this.ins.push(op(Opcode.MOVA, dst('addr', 0, this.r.int(1, 15)), [this.source(false)]));
        return true;
      case 2: {
        if (n < 0x200) return false;
        const consts = n >= 0x300 ? [] : [src('const', this.r.int(0, 15)), src('const', this.r.int(16, 31))];
        this.ins.push(op(Opcode.SINCOS, temp(this.r.int(1, 3)), [replicate(), ...consts]));
        return true;
      }
      case 3:
        if (v.type !== 'ps' || n < 0x200) return false;
        this.ins.push(op(Opcode.TEXKILL, temp(0xf), []));
        return true;
      default:
        if (v.type !== 'vs' || n < 0x200) return false;
        this.ins.push(op(Opcode.SGN, temp(this.r.int(1, 15)), n >= 0x300 ? [this.source(false)] : [this.source(false), src('temp', 1), src('temp', 2)]));
        return true;
    }
  }

  arithmetic(noInputs: boolean): void {
    if (!noInputs && this.r.bool(0.15) && this.special()) return;
    const row = this.r.pick(arithmeticRows(this.v));
    const ins = op(row.opcode, this.destination(row.opcode), row.src.map((k) => this.source(noInputs, k)),
      row.texldModes ? this.r.int(0, 2) : 0);
    const p = this.predicate();
    this.ins.push(p ? { ...ins, predicate: p } : ins);
  }

  /** A co-issued .rgb + .a pair (ps_1_x). */
  coissuedPair(noInputs: boolean): void {
    const rows = arithmeticRows(this.v);
    const a = this.r.pick(rows);
    const b = this.r.pick(rows);
    this.ins.push(op(a.opcode, { ...this.destination(a.opcode, 7), file: 'temp', index: 0 }, a.src.map(() => this.source(noInputs))));
    const second = op(b.opcode, { ...this.destination(b.opcode, 8), file: 'temp', index: 1 }, b.src.map(() => this.source(noInputs)));
    this.ins.push({ ...second, coissue: true });
  }

  /** SM2+ structured flow control around generated bodies, `depth` levels deep at most. */
  block(depth: number): void {
    const count = this.r.int(1, 4);
    for (let i = 0; i < count; i++) {
      const choice = depth > 0 ? this.r.int(0, 5) : 0;
      if (choice <= 2) {
        this.arithmetic(false);
        continue;
      }
      const n = this.n;
      if (choice === 3) {
        const cmp = n >= 0x201 && this.r.bool();
        this.ins.push(cmp
          ? op(Opcode.IFC, undefined, [this.source(false), this.source(false)], this.r.int(1, 6))
          : op(Opcode.IF, undefined, [src('constbool', this.r.int(0, 15), 0xe4, this.r.bool() ? 'not' : 'none')]));
        this.block(depth - 1);
        if (this.r.bool()) {
          this.ins.push(op(Opcode.ELSE, undefined, []));
          this.block(depth - 1);
        }
        this.ins.push(op(Opcode.ENDIF, undefined, []));
      } else {
        const useLoop = this.r.bool() && findOpcode(Opcode.LOOP, this.v) !== undefined;
        this.ins.push(useLoop
          ? op(Opcode.LOOP, undefined, [src('loop', 0), src('constint', this.r.int(0, 15))])
          : op(Opcode.REP, undefined, [src('constint', this.r.int(0, 15))]));
        this.block(depth - 1);
        if (n >= 0x201 && this.r.bool()) this.ins.push(op(Opcode.BREAKC, undefined, [this.source(false), this.source(false)], this.r.int(1, 6)));
        this.ins.push(op(useLoop ? Opcode.ENDLOOP : Opcode.ENDREP, undefined, []));
      }
    }
  }

  declarations(): void {
    const v = this.v;
    if (v.type === 'ps' && this.n < 0x200) return;
    const usages = [0, 3, 5, 10, 6, 7, 1, 2];
    const inputs = this.r.int(0, Math.min(registerCount('input', v), 4));
    for (let i = 0; i < inputs; i++) {
      const usage = v.type === 'ps' && this.n < 0x300 ? 0 : usages[i] ?? 5;
      this.ins.push({ kind: 'dcl', opcode: Opcode.DCL, ...BASE, usage, usageIndex: 0, samplerType: 0, dst: dst('input', i, this.r.int(1, 15)) });
    }
    if (v.type === 'ps' && this.n < 0x300 && this.r.bool()) {
      this.ins.push({ kind: 'dcl', opcode: Opcode.DCL, ...BASE, usage: 0, usageIndex: 0, samplerType: 0, dst: dst('texture', this.r.int(0, 7), this.r.int(1, 15)) });
    }
    if (v.type === 'vs' && this.n >= 0x300) {
      this.ins.push({ kind: 'dcl', opcode: Opcode.DCL, ...BASE, usage: 0, usageIndex: 0, samplerType: 0, dst: dst('output', 0) });
      this.ins.push({ kind: 'dcl', opcode: Opcode.DCL, ...BASE, usage: 5, usageIndex: 1, samplerType: 0, dst: dst('output', 1, 3) });
      this.ins.push({ kind: 'dcl', opcode: Opcode.DCL, ...BASE, usage: 5, usageIndex: 2, samplerType: 0, dst: dst('output', 1, 12) });
    }
    if (registerCount('sampler', v) > 0 && this.r.bool()) {
      this.ins.push({ kind: 'dcl', opcode: Opcode.DCL, ...BASE, usage: 0, usageIndex: 0, samplerType: this.r.int(2, 5), dst: dst('sampler', this.r.int(0, registerCount('sampler', v) - 1)) });
    }
  }

  constants(): void {
    const defs = this.r.int(0, 3);
    for (let i = 0; i < defs; i++) {
      const bits: [number, number, number, number] = [this.r.next(), this.r.next(), this.r.next(), this.r.next()];
      const view = new DataView(new ArrayBuffer(16));
      bits.forEach((b, k) => view.setUint32(k * 4, b, true));
      const values: [number, number, number, number] = [0, 1, 2, 3].map((k) => view.getFloat32(k * 4, true)) as [number, number, number, number];
      this.ins.push({ kind: 'def', opcode: Opcode.DEF, ...BASE, dst: dst('const', this.r.int(0, registerCount('const', this.v) - 1)), bits, values });
    }
    if (this.n >= 0x200 && this.r.bool()) {
      const values: [number, number, number, number] = [this.r.int(0, 255), this.r.int(0, 255), this.r.int(0, 255) - 128, 0];
      this.ins.push({ kind: 'defi', opcode: Opcode.DEFI, ...BASE, dst: dst('constint', this.r.int(0, 15)), values });
      const value = this.r.bool();
      this.ins.push({ kind: 'defb', opcode: Opcode.DEFB, ...BASE, dst: dst('constbool', this.r.int(0, 15)), value, raw: value ? 1 : 0 });
    }
  }

  ps1Body(): void {
    const is14 = this.n === 0x104;
    const phases = is14 && this.r.bool() ? 2 : 1;
    for (let p = 0; p < phases; p++) {
      const noInputs = phases === 2 && p === 0;
      const texOps = this.r.int(0, 2);
      for (let i = 0; i < texOps; i++) {
        if (is14) {
          const useLd = this.r.bool();
          const coordMod: SourceModifier = this.r.pick(['none', 'dz', 'dw']);
          const swz = coordMod === 'none' ? 0xe4 : coordMod === 'dz' ? 0xa4 : 0xf4;
          const d = dst('temp', this.r.int(0, 5), useLd ? 0xf : 7);
          this.ins.push(op(useLd ? Opcode.TEX : Opcode.TEXCOORD, d, [src('texture', this.r.int(0, 5), swz, coordMod)]));
        } else {
          this.ins.push(op(this.r.bool() ? Opcode.TEX : Opcode.TEXCOORD, dst('texture', this.r.int(0, 3)), []));
        }
      }
      const arith = this.r.int(1, 4);
      for (let i = 0; i < arith; i++) {
        if (this.r.bool(0.25)) this.coissuedPair(noInputs);
        else this.arithmetic(noInputs);
      }
      if (p === 0 && phases === 2) this.ins.push({ kind: 'phase', opcode: Opcode.PHASE, ...BASE });
    }
  }

  program(): ShaderProgram {
    this.constants();
    this.declarations();
    const labels = new Map<number, number>();
    if (this.v.type === 'ps' && this.n < 0x200) {
      this.ps1Body();
    } else if (this.n >= 0x200 && !(this.v.type === 'ps' && this.n === 0x200)) {
      const sub = this.r.bool(0.3);
      if (sub) this.ins.push(op(Opcode.CALL, undefined, [src('label', 7)]));
      this.block(3);
      if (sub) {
        this.ins.push(op(Opcode.RET, undefined, []));
        labels.set(7, this.ins.length);
        this.ins.push(op(Opcode.LABEL, undefined, [src('label', 7)]));
        this.block(1);
        this.ins.push(op(Opcode.RET, undefined, []));
      }
    } else {
      this.block(0);
    }
    return { version: this.v, instructions: this.ins, comments: [], labels };
  }
}

/** A program that the validator accepts, built from `seed`. */
export function randomValidProgram(seed: number): ShaderProgram {
  const r = new Rng(seed);
  return new ValidGen(r, r.pick(ALL_VERSIONS)).program();
}

const ANY_FILES: readonly RegisterFile[] = [
  'temp', 'input', 'const', 'addr', 'texture', 'rastout', 'attrout', 'texcrdout', 'output', 'constint', 'colorout',
  'depthout', 'sampler', 'constbool', 'loop', 'tempfloat16', 'misc', 'label', 'predicate', 'unknown',
];

function anyIndex(r: Rng, file: RegisterFile): number {
  if (file === 'const') return r.int(0, 8191);
  if (file === 'unknown') return r.int(20 * 2048, 32 * 2048 - 1);
  return r.int(0, r.bool() ? 2047 : 16);
}

/** A program the encoder can write but that need not be valid: any file, modifier and index. */
export function randomEncodableProgram(seed: number): ShaderProgram {
  const r = new Rng(seed);
  const v = r.pick(ALL_VERSIONS);
  const rows = OPCODE_TABLE.filter((row) => rowAllowsVersion(row, v) && row.special === undefined);
  const rel = (): SrcOperand['relative'] => {
    if (!r.bool(0.2)) return undefined;
    if (v.major < 2 || r.bool()) {
      const c = v.major < 2 ? 0 : r.int(0, 3);
      return { file: 'addr', index: 0, swizzle: c * 0x55, component: c };
    }
    return { file: 'loop', index: 0, swizzle: 0xe4, component: 0 };
  };
  const anySrc = (): SrcOperand => {
    const file = r.pick(ANY_FILES);
    const s = src(file, anyIndex(r, file), r.int(0, 255), r.pick(SOURCE_MODIFIERS));
    const rl = rel();
    return rl ? { ...s, relative: rl } : s;
  };
  const anyDst = (): DstOperand => {
    const file = r.pick(ANY_FILES);
    const d: DstOperand = {
      ...dst(file, anyIndex(r, file), r.int(1, 15)), saturate: r.bool(), partialPrecision: r.bool(),
      centroid: r.bool(0.2), shift: r.int(-8, 7),
    };
    const rl = rel();
    return rl ? { ...d, relative: rl } : d;
  };
  const ins: Instruction[] = [];
  const count = r.int(0, 12);
  for (let i = 0; i < count; i++) {
    const kind = r.int(0, 9);
    const coissue = r.bool(0.1);
    if (kind === 0) {
      ins.push({ kind: 'dcl', opcode: Opcode.DCL, offset: -1, coissue, usage: r.int(0, 13), usageIndex: r.int(0, 15), samplerType: r.int(0, 5), dst: anyDst() });
    } else if (kind === 1) {
      const bits: [number, number, number, number] = [r.next(), r.next(), r.next(), r.next()];
      ins.push({ kind: 'def', opcode: Opcode.DEF, offset: -1, coissue, dst: anyDst(), bits, values: [0, 0, 0, 0] });
    } else if (kind === 2) {
      ins.push({ kind: 'defi', opcode: Opcode.DEFI, offset: -1, coissue, dst: anyDst(), values: [r.next() | 0, r.next() | 0, r.next() | 0, r.next() | 0] });
    } else if (kind === 3) {
      const value = r.bool();
      ins.push({ kind: 'defb', opcode: Opcode.DEFB, offset: -1, coissue, dst: anyDst(), value, raw: value ? 1 : 0 });
    } else {
      const row = r.pick(rows);
      const srcCount = row.srcAlt && r.bool() ? row.srcAlt.length : row.src.length;
      const control = row.comparison ? r.int(1, 6) : row.texldModes ? r.int(0, 2) : 0;
      const o = op(row.opcode, row.dst !== undefined ? anyDst() : undefined, Array.from({ length: srcCount }, anySrc), control);
      const pred = v.major >= 2 && r.bool(0.2) ? src('predicate', 0, r.int(0, 255), r.bool() ? 'not' : 'none') : undefined;
      ins.push({ ...o, coissue, ...(pred ? { predicate: pred } : {}) });
    }
  }
  return { version: v, instructions: ins, comments: [], labels: new Map() };
}
