/**
 * A small emitter of shader-VM IR for the generated fixed-function programs. Registers are written
 * as the assembler spells them (`r0.xyz`, `-c12.w`, `oT3`), so a generator reads like the shader it
 * produces; the result is an ordinary `ShaderProgram` the validator, disassembler and interpreter
 * take like any guest shader.
 *
 * The generators only pass register names they build themselves, so a malformed name is a bug in
 * this directory, never guest input: it throws.
 */
import type {
  DclInstruction,
  DstOperand,
  Instruction,
  OpInstruction,
  RegisterFile,
  ShaderProgram,
  ShaderType,
  SrcOperand,
  TexldMode,
} from '../../shader-vm/index.js';
import { makeSwizzle, Opcode } from '../../shader-vm/index.js';

const NAMED: ReadonlyMap<string, readonly [RegisterFile, number]> = new Map([
  ['oPos', ['rastout', 0]],
  ['oFog', ['rastout', 1]],
  ['oPts', ['rastout', 2]],
  ['a0', ['addr', 0]],
]);

const PREFIXES: readonly (readonly [string, RegisterFile])[] = [
  ['oD', 'attrout'], ['oT', 'texcrdout'], ['oC', 'colorout'],
  ['r', 'temp'], ['v', 'input'], ['c', 'const'], ['t', 'texture'], ['s', 'sampler'],
  // vs_3_0's declared outputs (after oD/oT/oC and the named oPos/oFog/oPts).
  ['o', 'output'],
];

const COMPONENT: Readonly<Record<string, number>> = { x: 0, y: 1, z: 2, w: 3 };

function parseRegister(name: string): { file: RegisterFile; index: number; comps: string } {
  const dot = name.indexOf('.');
  const reg = dot < 0 ? name : name.slice(0, dot);
  const comps = dot < 0 ? '' : name.slice(dot + 1);
  const named = NAMED.get(reg);
  if (named) return { file: named[0], index: named[1], comps };
  for (const [prefix, file] of PREFIXES) {
    const digits = reg.slice(prefix.length);
    if (reg.startsWith(prefix) && /^\d+$/.test(digits)) return { file, index: Number(digits), comps };
  }
  throw new Error(`fixed-function generator: bad register name ${name}`);
}

function componentOf(ch: string | undefined): number {
  const c = ch === undefined ? undefined : COMPONENT[ch];
  if (c === undefined) throw new Error(`fixed-function generator: bad component ${String(ch)}`);
  return c;
}

/** A destination, `dst('r0.xy')`; `sat` adds the saturate modifier. */
export function dst(name: string, sat = false): DstOperand {
  const { file, index, comps } = parseRegister(name);
  let writeMask = comps === '' ? 0xf : 0;
  for (const ch of comps) writeMask |= 1 << componentOf(ch);
  return { file, index, writeMask, saturate: sat, partialPrecision: false, centroid: false, shift: 0 };
}

/**
 * A source, `src('-c1.x')` (leading `-` negates; a short swizzle repeats its last component, as
 * the assembler does).
 */
export function src(name: string): SrcOperand {
  const neg = name.startsWith('-');
  const { file, index, comps } = parseRegister(neg ? name.slice(1) : name);
  const c = comps === '' ? 'xyzw' : comps;
  const at = (i: number): number => componentOf(c[Math.min(i, c.length - 1)]);
  return { file, index, swizzle: makeSwizzle(at(0), at(1), at(2), at(3)), modifier: neg ? 'neg' : 'none' };
}

/** `c[a0.x + index]` with a swizzle (`'xyzw'`), for indexed vertex blending. */
export function srcRelative(index: number, swizzle: string): SrcOperand {
  const base = src(`c${index}.${swizzle}`);
  return { ...base, relative: { file: 'addr', index: 0, swizzle: 0, component: 0 } };
}

/** Collects instructions of one program. */
export class ProgramBuilder {
  private readonly instructions: Instruction[] = [];
  private readonly type: ShaderType;
  private readonly major: number;
  private readonly minor: number;

  constructor(type: ShaderType, major: number, minor: number) {
    this.type = type;
    this.major = major;
    this.minor = minor;
  }

  /** `dcl_<usage><usageIndex> reg` (vertex inputs; `samplerType` for s#). */
  dcl(reg: string, usage = 0, usageIndex = 0, samplerType = 0): void {
    const ins: DclInstruction = {
      kind: 'dcl', opcode: Opcode.DCL, offset: -1, coissue: false, usage, usageIndex, samplerType, dst: dst(reg),
    };
    this.instructions.push(ins);
  }

  /** `def c#, x, y, z, w` (values are rounded to float32). */
  def(index: number, values: readonly [number, number, number, number]): void {
    const f = new Float32Array(values);
    const bits = Array.from(new Uint32Array(f.buffer)) as [number, number, number, number];
    const vals = Array.from(f) as [number, number, number, number];
    this.instructions.push({ kind: 'def', opcode: Opcode.DEF, offset: -1, coissue: false, dst: dst(`c${index}`), bits, values: vals });
  }

  /** An arithmetic instruction: `op(Opcode.MAD, 'r0.xyz', 'v0', 'c1', 'r2')`; `sat` saturates. */
  op(opcode: number, d: string, ...sources: string[]): void {
    this.push(opcode, dst(d), sources.map(src));
  }

  /** An instruction with prepared operands (relative addressing). */
  opWith(opcode: number, d: string, sources: readonly SrcOperand[]): void {
    this.push(opcode, dst(d), sources.slice());
  }

  /** The same with saturate. */
  opSat(opcode: number, d: string, ...sources: string[]): void {
    this.push(opcode, dst(d, true), sources.map(src));
  }

  /** `texld` / `texldp` of sampler `s#` at `coord` into temp `d`. */
  texld(d: string, coord: string, sampler: number, mode: TexldMode = 'texld'): void {
    const control = mode === 'texldp' ? 1 : mode === 'texldb' ? 2 : 0;
    const ins: OpInstruction = {
      kind: 'op', opcode: Opcode.TEX, offset: -1, coissue: false, control, texldMode: mode,
      dst: dst(d), src: [src(coord), src(`s${sampler}`)],
    };
    this.instructions.push(ins);
  }

  private push(opcode: number, d: DstOperand, sources: SrcOperand[]): void {
    this.instructions.push({ kind: 'op', opcode, offset: -1, coissue: false, control: 0, dst: d, src: sources });
  }

  /** The finished program. */
  build(): ShaderProgram {
    return {
      version: { type: this.type, major: this.major, minor: this.minor },
      instructions: this.instructions.slice(),
      comments: [],
      labels: new Map(),
    };
  }
}
