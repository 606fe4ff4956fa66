/**
 * Test helper: builds IR programs directly, with assembler-like register names, so interpreter
 * tests do not depend on the text assembler. `R('r0.xy')` is a destination, `S('-c1.x')` a source
 * (leading `-` = neg; `.x` alone replicates like the assembler does).
 */

import type {
  DclInstruction,
  DstOperand,
  Instruction,
  OpInstruction,
  RegisterFile,
  ShaderProgram,
  SourceModifier,
  SrcOperand,
  TexldMode,
} from '../../ir/ir.js';
import { COMPARISONS, makeSwizzle } from '../../ir/ir.js';
import { Opcode } from '../../ir/opcodes.js';

const NAMES: readonly [string, RegisterFile, number?][] = [
  ['oPos', 'rastout', 0], ['oFog', 'rastout', 1], ['oPts', 'rastout', 2], ['oDepth', 'depthout', 0],
  ['vPos', 'misc', 0], ['vFace', 'misc', 1], ['aL', 'loop', 0],
  ['oD', 'attrout'], ['oT', 'texcrdout'], ['oC', 'colorout'], ['o', 'output'],
  ['r', 'temp'], ['v', 'input'], ['c', 'const'], ['a', 'addr'], ['t', 'texture'], ['i', 'constint'],
  ['b', 'constbool'], ['s', 'sampler'], ['p', 'predicate'], ['l', 'label'],
];

function parseName(text: string): { file: RegisterFile; index: number; comps: string } {
  const [reg = '', comps = ''] = text.split('.');
  for (const [prefix, file, fixed] of NAMES) {
    if (fixed !== undefined && reg === prefix) return { file, index: fixed, comps };
    if (fixed === undefined && reg.startsWith(prefix) && /^\d+$/.test(reg.slice(prefix.length))) {
      return { file, index: Number(reg.slice(prefix.length)), comps };
    }
  }
  throw new Error(`test helper: unknown register ${text}`);
}

const COMP = { x: 0, y: 1, z: 2, w: 3, r: 0, g: 1, b: 2, a: 3 } as const;

/** A destination: `R('r0.xy')`, with optional saturate / shift / relative. */
export function R(text: string, extra: Partial<DstOperand> = {}): DstOperand {
  const { file, index, comps } = parseName(text);
  let writeMask = comps === '' ? 0xf : 0;
  for (const ch of comps) writeMask |= 1 << COMP[ch as keyof typeof COMP];
  return { file, index, writeMask, saturate: false, partialPrecision: false, centroid: false, shift: 0, ...extra };
}

/** A source: `S('-c1.x')`, `S('r0.wzyx')`, with an optional modifier and relative address. */
export function S(text: string, modifier?: SourceModifier, relative?: SrcOperand['relative']): SrcOperand {
  const neg = text.startsWith('-');
  const { file, index, comps } = parseName(neg ? text.slice(1) : text);
  const c = comps === '' ? 'xyzw' : comps;
  const at = (i: number): number => COMP[(c[Math.min(i, c.length - 1)] ?? 'x') as keyof typeof COMP];
  const swizzle = makeSwizzle(at(0), at(1), at(2), at(3));
  const src: SrcOperand = { file, index, swizzle, modifier: modifier ?? (neg ? 'neg' : 'none') };
  return relative ? { ...src, relative } : src;
}

/** `a0.x` / `aL` as a relative address. */
export function rel(file: 'addr' | 'loop', component = 0): NonNullable<SrcOperand['relative']> {
  return { file, index: 0, swizzle: makeSwizzle(component, component, component, component), component };
}

/** Options of an instruction besides its operands. */
export interface OpExtra {
  readonly predicate?: SrcOperand;
  readonly coissue?: boolean;
  readonly comparison?: 'gt' | 'eq' | 'ge' | 'lt' | 'ne' | 'le';
  readonly texldMode?: TexldMode;
}

/** An instruction with a destination (or `undefined`) and sources. */
export function op(opcode: number, dst: DstOperand | undefined, src: SrcOperand[] = [], extra: OpExtra = {}): OpInstruction {
  const control = extra.comparison
    ? COMPARISONS.indexOf(extra.comparison)
    : extra.texldMode === 'texldp' ? 1 : extra.texldMode === 'texldb' ? 2 : 0;
  const ins: OpInstruction = { kind: 'op', opcode, offset: -1, coissue: extra.coissue ?? false, control, src };
  return {
    ...ins,
    ...(dst ? { dst } : {}),
    ...(extra.predicate ? { predicate: extra.predicate } : {}),
    ...(extra.comparison ? { comparison: extra.comparison } : {}),
    ...(extra.texldMode ? { texldMode: extra.texldMode } : {}),
  };
}

/** A flow-control instruction without destination. */
export function flow(opcode: number, ...src: SrcOperand[]): OpInstruction {
  return op(opcode, undefined, src);
}

/** `def c#, x, y, z, w`. */
export function def(index: number, values: [number, number, number, number]): Instruction {
  const f = new Float32Array(values);
  const bits = Array.from(new Uint32Array(f.buffer)) as [number, number, number, number];
  return { kind: 'def', opcode: Opcode.DEF, offset: -1, coissue: false, dst: R(`c${index}`), bits, values: Array.from(f) as [number, number, number, number] };
}

/** `defi i#, x, y, z, w`. */
export function defi(index: number, values: [number, number, number, number]): Instruction {
  return { kind: 'defi', opcode: Opcode.DEFI, offset: -1, coissue: false, dst: R(`i${index}`), values };
}

/** `defb b#, value`. */
export function defb(index: number, value: boolean): Instruction {
  return { kind: 'defb', opcode: Opcode.DEFB, offset: -1, coissue: false, dst: R(`b${index}`), value, raw: value ? 1 : 0 };
}

/** `dcl_<usage><usageIndex> reg` (samplerType for s#). */
export function dcl(reg: string, usage = 0, usageIndex = 0, samplerType = 0): DclInstruction {
  return { kind: 'dcl', opcode: Opcode.DCL, offset: -1, coissue: false, usage, usageIndex, samplerType, dst: R(reg) };
}

/** A program from a version name (`vs_2_0`, `ps_1_4`, `ps_2_x`) and instructions; labels are indexed. */
export function program(version: string, instructions: Instruction[]): ShaderProgram {
  const m = /^(vs|ps)_(\d)_(\d|x)$/.exec(version);
  if (!m) throw new Error(`test helper: bad version ${version}`);
  const labels = new Map<number, number>();
  instructions.forEach((it, i) => {
    const l = it.kind === 'op' && it.opcode === Opcode.LABEL ? it.src[0] : undefined;
    if (l && !labels.has(l.index)) labels.set(l.index, i);
  });
  return {
    version: { type: m[1] as 'vs' | 'ps', major: Number(m[2]), minor: m[3] === 'x' ? 1 : Number(m[3]) },
    instructions,
    comments: [],
    labels,
  };
}
