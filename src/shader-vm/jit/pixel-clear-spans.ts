/**
 * What a compiled pixel runner must zero between quads on its own machine.
 *
 * The runner's machine runs one program and nothing else, so a register the program never names
 * is never written and stays zero from construction: only the registers a run can write and a
 * later run can read before writing need clearing. Those are, per file, the registers the
 * program names (operands, predicates, matrix rows; the whole file when it is addressed
 * relatively), plus what the runner reads back after a run that an instruction can write without
 * naming it: oDepth (texdepth, texm3x2depth) and r0 for ps_1_x. (oC# registers are written only
 * by name, so the ones a program never names stay zero.)
 * Each file's span runs from its lowest to its highest such register, so one `fill` per file
 * clears it; zeroing a register in between that was zero already changes nothing.
 */

import type { RegisterFile, ShaderProgram, SrcOperand } from '../ir/ir.js';
import type { Machine } from '../interp/machine.js';
import type { PreparedShader } from '../interp/prepare.js';

/** Files the runner reads after every run that instructions may write unnamed: oDepth. */
const READ_BACK: readonly RegisterFile[] = ['depthout'];

/**
 * Views of `m`'s register files to fill with zeros before each run of `prepared`'s program
 * (at most one per file, in a fixed file order).
 */
export function pixelClearSpans(prepared: PreparedShader, m: Machine): Float32Array[] {
  const program: ShaderProgram = prepared.program;
  const low = new Map<RegisterFile, number>();
  const high = new Map<RegisterFile, number>();
  const mark = (file: RegisterFile, from: number, to: number): void => {
    const count = m.count(file);
    if (count === 0) return;
    const a = Math.max(0, from);
    const b = Math.min(count - 1, to);
    if (a > b) return;
    low.set(file, Math.min(low.get(file) ?? a, a));
    high.set(file, Math.max(high.get(file) ?? b, b));
  };
  const note = (file: RegisterFile, index: number, relative: SrcOperand['relative']): void => {
    if (relative) {
      mark(file, 0, m.count(file) - 1);
      mark(relative.file, 0, m.count(relative.file) - 1);
    } else mark(file, index, index);
  };
  for (let pc = 0; pc < program.instructions.length; pc++) {
    const it = program.instructions[pc];
    if (it === undefined || it.kind !== 'op') continue;
    for (const s of it.src) note(s.file, s.index, s.relative);
    if (it.predicate) note(it.predicate.file, it.predicate.index, undefined);
    if (it.dst) note(it.dst.file, it.dst.index, it.dst.relative);
    for (const row of prepared.matrix[pc]?.rows ?? []) note(row.file, row.index, row.relative);
  }
  for (const file of READ_BACK) mark(file, 0, m.count(file) - 1);
  if (program.version.major === 1) mark('temp', 0, 0);
  const spans: Float32Array[] = [];
  for (const file of [...low.keys()].sort()) {
    const arr = m.files.get(file);
    const a = low.get(file);
    const b = high.get(file);
    if (arr === undefined || a === undefined || b === undefined) continue;
    spans.push(arr.subarray(a * m.lanes * 4, (b + 1) * m.lanes * 4));
  }
  return spans;
}
