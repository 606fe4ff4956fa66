/**
 * Emits the source reads and destination writes of one instruction for one lane, with swizzle,
 * source modifier, result shift, saturate, ps_1_x range and write mask resolved at generation
 * time. Everything mirrors `interp/machine.ts` (`readRaw`, `readSrc`, `writeDst`) and
 * `ops/modifiers.ts`, expression by expression, so the values are the same float32 bits.
 *
 * The lane is known only at run time: register r, lane l, component c sits at
 * `(r·lanes + l)·4 + c`, emitted as `F[o + K]` with `o = 4l` and K = (r·lanes)·4 + c.
 * Relative addressing goes through the machine's own `readSrc` / `writeDst`.
 */

import type { DstOperand, RegisterFile, SrcOperand } from '../ir/ir.js';
import { swizzleComponent } from '../ir/ir.js';
import { BOOL_CONSTANTS, FLOAT_CONSTANTS, INT_CONSTANTS } from '../interp/prepare.js';
import { laneFileCount } from './jit-runtime.js';

/** Generation state shared by all instructions of one program. */
export interface EmitState {
  readonly lanes: number;
  /** ps_1_x register range (0 = none). */
  readonly range: number;
  /** Program-derived tables passed to the generated function as `rt.k`. */
  readonly tables: unknown[];
  /** Per-lane files the code touches (the prologue binds one array variable per file). */
  readonly files: Set<RegisterFile>;
  /** Files whose registers the code writes directly (the epilogue merges their written bits). */
  readonly written: Set<RegisterFile>;
}

/** Adds a table entry and returns its expression (`k[3]`). */
export function table(e: EmitState, value: unknown): string {
  e.tables.push(value);
  return `k[${e.tables.length - 1}]`;
}

/** The variable bound to a per-lane file's Float32Array. */
export function fileVar(e: EmitState, file: RegisterFile): string {
  e.files.add(file);
  return `F_${file}`;
}

/** The variable holding written-register bits of a file. */
export function writtenVar(e: EmitState, file: RegisterFile): string {
  e.written.add(file);
  return `W_${file}`;
}

/** Expression of raw component `c` of register (`file`, `index`) for the current lane (`readRaw`). */
export function rawRead(e: EmitState, file: RegisterFile, index: number, c: number): string {
  switch (file) {
    case 'const':
      return index >= 0 && index < FLOAT_CONSTANTS ? `C[${index * 4 + c}]` : '0';
    case 'constint':
      // Integers pass through a Float32Array in the interpreter: round them the same way.
      return index >= 0 && index < INT_CONSTANTS ? `fr(I[${index * 4 + c}])` : '0';
    case 'constbool':
      return index >= 0 && index < BOOL_CONSTANTS ? `(BO[${index}] ? 1 : 0)` : '0';
    case 'loop':
      return 'fr(m.aL)';
    default: {
      const count = laneFileCount(file);
      if (count === 0 || index < 0 || index >= count) return '0';
      return `${fileVar(e, file)}[o + ${index * e.lanes * 4 + c}]`;
    }
  }
}

/** Lazily declared component reads of one source operand: `comp(i)` names a local holding it. */
export type SourceReader = (i: number) => string;

/** Applies a source modifier to component `i`, given the swizzled (unmodified) components `w`. */
function modified(mod: SrcOperand['modifier'], i: number, w: (j: number) => string): string {
  const x = w(i);
  switch (mod) {
    case 'none':
    case 'not':
      return x;
    case 'neg':
      return `(-${x})`;
    case 'bias':
      return `fr(${x} - 0.5)`;
    case 'biasneg':
      return `(-fr(${x} - 0.5))`;
    case 'sign':
      return `fr(fr(2 * ${x}) - 1)`;
    case 'signneg':
      return `(-fr(fr(2 * ${x}) - 1))`;
    case 'comp':
      return `fr(1 - ${x})`;
    case 'x2':
      return `fr(2 * ${x})`;
    case 'x2neg':
      return `(-fr(2 * ${x}))`;
    case 'abs':
      return `Math.abs(${x})`;
    case 'absneg':
      return `(-Math.abs(${x}))`;
    case 'dz':
      return i < 2 ? `fr(${x} / ${w(2)})` : x;
    case 'dw':
      return i < 3 ? `fr(${x} / ${w(3)})` : x;
  }
}

/**
 * A reader for `src` (undefined reads as zeros, as `readOr0`). Declarations go to `out` the first
 * time a component is asked for; `tag` keeps the locals of different operands apart.
 */
export function sourceReader(e: EmitState, out: string[], src: SrcOperand | undefined, tag: string): SourceReader {
  if (!src) return () => '0';
  if (src.relative) {
    // Relative indices are data: read through the machine exactly as the interpreter does.
    const op = table(e, src);
    out.push(`m.readSrc(${op}, l, RS); const ${tag}0 = RS[0], ${tag}1 = RS[1], ${tag}2 = RS[2], ${tag}3 = RS[3];`);
    return (i) => `${tag}${i}`;
  }
  const raw = new Map<number, string>();
  const rawName = (c: number): string => {
    let name = raw.get(c);
    if (name === undefined) {
      const expr = rawRead(e, src.file, src.index, c);
      if (/^[0-9]+$/.test(expr)) return expr;
      name = `${tag}r${c}`;
      out.push(`const ${name} = ${expr};`);
      raw.set(c, name);
    }
    return name;
  };
  const swizzled = (i: number): string => rawName(swizzleComponent(src.swizzle, i));
  const done = new Map<number, string>();
  return (i) => {
    let name = done.get(i);
    if (name === undefined) {
      const expr = modified(src.modifier, i, swizzled);
      if (expr === swizzled(i)) name = expr;
      else {
        name = `${tag}${i}`;
        out.push(`const ${name} = ${expr};`);
      }
      done.set(i, name);
    }
    return name;
  };
}

/** The result modifiers (`finishResult`): shift → saturate → ps_1_x range, as one expression. */
export function finish(e: EmitState, dst: DstOperand, x: string): string {
  let v = x;
  if (dst.shift !== 0) {
    const s = dst.shift;
    const k = s > 0 ? (s === 1 ? 2 : s === 2 ? 4 : 8) : s === -1 ? 0.5 : s === -2 ? 0.25 : 0.125;
    v = `fr(${v} * ${k})`;
  }
  if (dst.saturate) v = `saturateF(${v})`;
  if (e.range !== 0) v = `clampF(${v}, ${-e.range}, ${e.range})`;
  return v;
}

/** A staged write: compute part (predicate read included) and the commit part. */
export interface StagedWrite {
  readonly compute: string[];
  readonly commit: string[];
}

/**
 * Writes `values` (per component, only those in `mask` used) to `dst` for the current lane with
 * the instruction's predicate. The predicate is read in the compute part, as the interpreter reads
 * it before either half of a co-issued pair commits.
 */
export function stageWrite(
  e: EmitState,
  dst: DstOperand,
  mask: number,
  values: readonly string[],
  predicate: SrcOperand | undefined,
  tag: string,
): StagedWrite {
  const compute: string[] = [];
  const commit: string[] = [];
  if (mask === 0) return { compute, commit };
  const pred: string[] = [];
  if (predicate) {
    const pv = fileVar(e, 'predicate');
    const test = predicate.modifier === 'not' ? '===' : '!==';
    for (let i = 0; i < 4; i++) {
      if (!(mask & (1 << i))) continue;
      const name = `${tag}p${i}`;
      compute.push(`const ${name} = ${pv}[o + ${swizzleComponent(predicate.swizzle, i)}] ${test} 0;`);
      pred[i] = name;
    }
  }
  if (dst.relative) {
    const d = table(e, dst);
    for (let i = 0; i < 4; i++) if (mask & (1 << i)) commit.push(`VALS[${i}] = ${values[i] ?? '0'};`);
    const runtimeMask = predicate
      ? [0, 1, 2, 3].filter((i) => mask & (1 << i)).map((i) => `(${pred[i] as string} ? ${1 << i} : 0)`).join(' | ')
      : String(mask);
    commit.push(`m.writeDst(${d}, l, VALS, ${runtimeMask});`);
    return { compute, commit };
  }
  const count = laneFileCount(dst.file);
  if (count === 0 || dst.index < 0 || dst.index >= count) return { compute, commit }; // dropped, as writeDst does
  const arr = fileVar(e, dst.file);
  const w = writtenVar(e, dst.file);
  const base = dst.index * e.lanes * 4;
  const bit = (1 << dst.index) | 0;
  if (!predicate) {
    for (let i = 0; i < 4; i++) if (mask & (1 << i)) commit.push(`${arr}[o + ${base + i}] = ${values[i] ?? '0'};`);
    commit.push(`${w} |= ${bit};`);
    return { compute, commit };
  }
  const any = `${tag}any`;
  commit.push(`let ${any} = false;`);
  for (let i = 0; i < 4; i++) {
    if (mask & (1 << i)) commit.push(`if (${pred[i] as string}) { ${arr}[o + ${base + i}] = ${values[i] ?? '0'}; ${any} = true; }`);
  }
  commit.push(`if (${any}) ${w} |= ${bit};`);
  return { compute, commit };
}
