/**
 * Emits one lane of a non-texture, non-flow instruction (`interp/exec-arith.ts`
 * `computeArithmetic`): the table ops, the matrix macros, setp, mova and ps_1_x cnd. Ops that
 * are plain float32 arithmetic become expressions on the same `ops/scalar.ts` helpers the ops
 * use (mulF, madF, fround); every other op is a call of the very `ops/` function the interpreter
 * calls, so transcendentals are never re-implemented.
 */

import type { OpInstruction, ShaderVersion } from '../ir/ir.js';
import { Opcode } from '../ir/opcodes.js';
import type { PreparedShader } from '../interp/prepare.js';
import * as V from '../ops/vector-ops.js';
import type { VectorOp } from '../ops/vector-ops.js';
import type { EmitState, SourceReader, StagedWrite } from './emit-operands.js';
import { finish, sourceReader, stageWrite, table } from './emit-operands.js';

/** Result component i of an op, as an expression; asked only for the components written. */
type Result = (i: number) => string;
type Gen = (a: SourceReader, b: SourceReader, c: SourceReader, out: string[], tag: string) => Result;

const perComponent = (f: Result): Result => f;

/** A replicated scalar, declared the first time a component is asked for. */
function splat(out: string[], tag: string, expr: string): Result {
  let declared = false;
  return () => {
    if (!declared) {
      out.push(`const ${tag}v = ${expr};`);
      declared = true;
    }
    return `${tag}v`;
  };
}

const list = (xs: readonly string[]): Result => (i) => xs[i] ?? '0';

const dot3 = (a: SourceReader, b: SourceReader): string =>
  `fr(fr(mulF(${a(0)}, ${b(0)}, L) + mulF(${a(1)}, ${b(1)}, L)) + mulF(${a(2)}, ${b(2)}, L))`;
const dot4 = (a: SourceReader, b: SourceReader): string => `fr(${dot3(a, b)} + mulF(${a(3)}, ${b(3)}, L))`;

/** Inline forms of the ops that are plain float32 arithmetic, keyed by the op function itself. */
const INLINE = new Map<VectorOp, Gen>([
  [V.opMov, (a) => perComponent(a)],
  [V.opAdd, (a, b) => perComponent((i) => `fr(${a(i)} + ${b(i)})`)],
  [V.opSub, (a, b) => perComponent((i) => `fr(${a(i)} - ${b(i)})`)],
  [V.opMul, (a, b) => perComponent((i) => `mulF(${a(i)}, ${b(i)}, L)`)],
  [V.opMad, (a, b, c) => perComponent((i) => `madF(${a(i)}, ${b(i)}, ${c(i)}, L)`)],
  [V.opDp3, (a, b, _c, out, tag) => splat(out, tag, dot3(a, b))],
  [V.opDp4, (a, b, _c, out, tag) => splat(out, tag, dot4(a, b))],
  [V.opDp2add, (a, b, c, out, tag) => splat(out, tag, `fr(fr(mulF(${a(0)}, ${b(0)}, L) + mulF(${a(1)}, ${b(1)}, L)) + ${c(0)})`)],
  [V.opRcp, (a, _b, _c, out, tag) => splat(out, tag, `rcpScalar(${a(3)})`)],
  [V.opRsq, (a, _b, _c, out, tag) => splat(out, tag, `rsqScalar(${a(3)})`)],
  [V.opLog, (a, _b, _c, out, tag) => splat(out, tag, `logScalar(${a(3)})`)],
  [V.opPow, (a, b, _c, out, tag) => splat(out, tag, `powScalar(${a(3)}, ${b(3)})`)],
  [V.opMin, (a, b) => perComponent((i) => `(${a(i)} < ${b(i)} ? ${a(i)} : ${b(i)})`)],
  [V.opMax, (a, b) => perComponent((i) => `(${a(i)} >= ${b(i)} ? ${a(i)} : ${b(i)})`)],
  [V.opSlt, (a, b) => perComponent((i) => `(${a(i)} < ${b(i)} ? 1 : 0)`)],
  [V.opSge, (a, b) => perComponent((i) => `(${a(i)} >= ${b(i)} ? 1 : 0)`)],
  [V.opFrc, (a) => perComponent((i) => `frcScalar(${a(i)})`)],
  [V.opAbs, (a) => perComponent((i) => `Math.abs(${a(i)})`)],
  [V.opSgn, (a) => perComponent((i) => `(${a(i)} > 0 ? 1 : ${a(i)} < 0 ? -1 : 0)`)],
  [V.opDst, (a, b) => (i) => (i === 0 ? '1' : i === 1 ? `mulF(${a(1)}, ${b(1)}, L)` : i === 2 ? a(2) : b(3))],
  [V.opLrp, (a, b, c) => perComponent((i) => `madF(${a(i)}, fr(${b(i)} - ${c(i)}), ${c(i)}, L)`)],
  [V.opCrs, (a, b) => (i) => {
    const [p, q] = i === 0 ? [1, 2] : i === 1 ? [2, 0] : [0, 1];
    return i > 2 ? '0' : `fr(mulF(${a(p)}, ${b(q)}, L) - mulF(${a(q)}, ${b(p)}, L))`;
  }],
  [V.opCmp, (a, b, c) => perComponent((i) => `(${a(i)} >= 0 ? ${b(i)} : ${c(i)})`)],
  [V.opCnd, (a, b, c) => perComponent((i) => `(${a(i)} > 0.5 ? ${b(i)} : ${c(i)})`)],
]);

/** Any other op: fill the scratch vectors, call the op, read the results back. */
function callOp(e: EmitState, op: VectorOp): Gen {
  const fn = table(e, op);
  return (a, b, c, out, tag) => {
    out.push(`SA[0] = ${a(0)}; SA[1] = ${a(1)}; SA[2] = ${a(2)}; SA[3] = ${a(3)};`);
    out.push(`SB[0] = ${b(0)}; SB[1] = ${b(1)}; SB[2] = ${b(2)}; SB[3] = ${b(3)};`);
    out.push(`SC[0] = ${c(0)}; SC[1] = ${c(1)}; SC[2] = ${c(2)}; SC[3] = ${c(3)};`);
    out.push(`${fn}(SD, SA, SB, SC, L);`);
    out.push(`const ${tag}d0 = SD[0], ${tag}d1 = SD[1], ${tag}d2 = SD[2], ${tag}d3 = SD[3];`);
    return list([`${tag}d0`, `${tag}d1`, `${tag}d2`, `${tag}d3`]);
  };
}

const SETP_TESTS: readonly (string | undefined)[] = [undefined, '>', '===', '>=', '<', '!==', '<='];

/**
 * One lane of instruction `it` (at `pc`) as a compute part and a commit part; both empty when the
 * interpreter would write nothing. `tag` prefixes every local (two halves of a pair differ).
 */
export function emitArithmetic(e: EmitState, prepared: PreparedShader, it: OpInstruction, pc: number, tag: string): StagedWrite {
  const none: StagedWrite = { compute: [], commit: [] };
  const dst = it.dst;
  if (!dst) return none;
  const version: ShaderVersion = prepared.program.version;
  const opcode = it.opcode;
  const arith = prepared.arith[pc];
  const matrix = prepared.matrix[pc];
  if (!arith && !matrix && opcode !== Opcode.MOVA && opcode !== Opcode.SETP) return none;
  const out: string[] = [];
  const a = sourceReader(e, out, it.src[0], `${tag}a_`);
  let values: Result;
  let mask = dst.writeMask;
  let finished = true;
  if (matrix) {
    const rows = matrix.rows.slice(0, Math.min(matrix.shape.rows, 4));
    values = perComponent((r) => {
      const row = rows[r];
      if (!row) return '0';
      const b = sourceReader(e, out, row, `${tag}m${r}_`);
      return matrix.shape.columns === 4 ? dot4(a, b) : dot3(a, b);
    });
    mask &= (1 << rows.length) - 1;
  } else if (opcode === Opcode.SETP) {
    const b = sourceReader(e, out, it.src[1], `${tag}b_`);
    const test = SETP_TESTS[it.control & 7];
    values = perComponent((i) => (mask & (1 << i) && test ? `(${a(i)} ${test} ${b(i)} ? 1 : 0)` : '0'));
  } else if (opcode === Opcode.MOVA || (opcode === Opcode.MOV && dst.file === 'addr')) {
    const round = opcode === Opcode.MOV && version.major < 2 ? 'mov11Floor' : 'movaRound';
    values = perComponent((i) => (mask & (1 << i) ? `${round}(${a(i)})` : '0'));
    finished = false;
  } else if (arith) {
    const b = sourceReader(e, out, it.src[1], `${tag}b_`);
    const c = sourceReader(e, out, it.src[2], `${tag}c_`);
    mask &= arith.writable;
    const gen = INLINE.get(arith.op) ?? callOp(e, arith.op);
    const result = gen(a, b, c, out, `${tag}o_`);
    // ps_1_1–1_3: a co-issued cnd writing colour always picks src1 (Wine cnd_test).
    const cndRule = opcode === Opcode.CND && it.coissue && version.type === 'ps' && version.major === 1 && version.minor < 4 && dst.writeMask !== 0x8;
    values = cndRule ? perComponent(b) : result;
  } else return none;
  if (mask === 0) return none;
  const final: string[] = [];
  for (let i = 0; i < 4; i++) {
    if (!(mask & (1 << i))) {
      final.push('0');
      continue;
    }
    const expr = finished ? finish(e, dst, values(i)) : values(i);
    const name = `${tag}r${i}`;
    out.push(`const ${name} = ${expr};`);
    final.push(name);
  }
  const write = stageWrite(e, dst, mask, final, it.predicate, tag);
  return { compute: [...out, ...write.compute], commit: write.commit };
}
