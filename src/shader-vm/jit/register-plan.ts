/**
 * Which registers an invocation of a compiled program can touch, worked out once per program, so
 * the compiled entry points clear and load only those (the interpreter clears every file and
 * loads every input and constant; registers a program never names are never read, so skipping
 * them cannot change a result). Relative addressing of a file makes the whole file count.
 */

import type { RegisterFile, ShaderProgram, SrcOperand } from '../ir/ir.js';
import type { PreparedShader } from '../interp/prepare.js';
import { FLOAT_CONSTANTS } from '../interp/prepare.js';
import { laneFileCount } from './jit-runtime.js';

/** The registers of a program. */
export interface RegisterPlan {
  /** Per-lane files to zero before a run (sorted, so the order never depends on the program's). */
  readonly clear: readonly RegisterFile[];
  /** v# the program can read (pixel inputs are loaded only for these). */
  readonly inputs: readonly number[];
  /** t# the program can read. */
  readonly textures: readonly number[];
  /** Whether texture instructions may read the interpolated coordinates (`Machine.texcoords`). */
  readonly texcoords: boolean;
  /** c# the program can read (every one when any is addressed relatively). */
  readonly constants: readonly number[];
}

/** Files every run clears: those the runners load or read results from, and oDepth (texdepth writes it unnamed). */
const PIXEL_FIXED: readonly RegisterFile[] = ['colorout', 'depthout', 'input', 'misc', 'temp', 'texture'];
const VERTEX_FIXED: readonly RegisterFile[] = ['attrout', 'input', 'output', 'rastout', 'texcrdout'];

/** The register plan of `program`; `readsTexcoords`: whether its texture instructions read the interpolated coordinates. */
export function registerPlan(prepared: PreparedShader, readsTexcoords: boolean): RegisterPlan {
  const program: ShaderProgram = prepared.program;
  const isPixel = program.version.type === 'ps';
  const files = new Set<RegisterFile>(isPixel ? PIXEL_FIXED : VERTEX_FIXED);
  const regs: Record<'input' | 'texture' | 'const', Set<number>> = { input: new Set(), texture: new Set(), const: new Set() };
  const note = (file: RegisterFile, index: number, relative: SrcOperand['relative']): void => {
    if (laneFileCount(file) > 0) files.add(file);
    if (relative && laneFileCount(relative.file) > 0) files.add(relative.file);
    if (file === 'const') {
      if (relative) for (let i = 0; i < FLOAT_CONSTANTS; i++) regs.const.add(i);
      else if (index >= 0 && index < FLOAT_CONSTANTS) regs.const.add(index);
      return;
    }
    if (file !== 'input' && file !== 'texture') return;
    const count = laneFileCount(file);
    if (relative) for (let i = 0; i < count; i++) regs[file].add(i);
    else if (index >= 0 && index < count) regs[file].add(index);
  };
  program.instructions.forEach((it, pc) => {
    if (it.kind !== 'op') return;
    for (const s of it.src) note(s.file, s.index, s.relative);
    if (it.predicate) note(it.predicate.file, it.predicate.index, undefined);
    if (it.dst) note(it.dst.file, it.dst.index, it.dst.relative);
    for (const row of prepared.matrix[pc]?.rows ?? []) note(row.file, row.index, row.relative);
  });
  const sorted = (s: Set<number>): number[] => [...s].sort((a, b) => a - b);
  return {
    clear: [...files].sort(),
    inputs: sorted(regs.input),
    textures: sorted(regs.texture),
    texcoords: isPixel && program.version.major < 3 && readsTexcoords,
    constants: sorted(regs.const),
  };
}
