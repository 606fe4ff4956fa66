/**
 * Which `VectorOp` implements an arithmetic opcode in a shader model, and the matrix macros
 * (m4x4 … m3x2) as rows of dot products over consecutive registers.
 */

import type { ShaderVersion } from '../ir/ir.js';
import { Opcode } from '../ir/opcodes.js';
import * as V from './vector-ops.js';
import type { VectorOp } from './vector-ops.js';

/** How the interpreter runs an arithmetic opcode. */
export interface ArithmeticOp {
  readonly op: VectorOp;
  /** Components the op can write (crs: xyz; sincos: xy); the dst mask is intersected with it. */
  readonly writable: number;
}

const ALL = 0xf;

const TABLE = new Map<number, ArithmeticOp>([
  [Opcode.MOV, { op: V.opMov, writable: ALL }],
  [Opcode.ADD, { op: V.opAdd, writable: ALL }],
  [Opcode.SUB, { op: V.opSub, writable: ALL }],
  [Opcode.MAD, { op: V.opMad, writable: ALL }],
  [Opcode.MUL, { op: V.opMul, writable: ALL }],
  [Opcode.RCP, { op: V.opRcp, writable: ALL }],
  [Opcode.RSQ, { op: V.opRsq, writable: ALL }],
  [Opcode.DP3, { op: V.opDp3, writable: ALL }],
  [Opcode.DP4, { op: V.opDp4, writable: ALL }],
  [Opcode.MIN, { op: V.opMin, writable: ALL }],
  [Opcode.MAX, { op: V.opMax, writable: ALL }],
  [Opcode.SLT, { op: V.opSlt, writable: ALL }],
  [Opcode.SGE, { op: V.opSge, writable: ALL }],
  [Opcode.EXP, { op: V.opExp, writable: ALL }],
  [Opcode.LOG, { op: V.opLog, writable: ALL }],
  [Opcode.LOGP, { op: V.opLog, writable: ALL }],
  [Opcode.LIT, { op: V.opLit, writable: ALL }],
  [Opcode.DST, { op: V.opDst, writable: ALL }],
  [Opcode.LRP, { op: V.opLrp, writable: ALL }],
  [Opcode.FRC, { op: V.opFrc, writable: ALL }],
  [Opcode.POW, { op: V.opPow, writable: ALL }],
  [Opcode.CRS, { op: V.opCrs, writable: 0x7 }],
  [Opcode.SGN, { op: V.opSgn, writable: ALL }],
  [Opcode.ABS, { op: V.opAbs, writable: ALL }],
  [Opcode.NRM, { op: V.opNrm, writable: ALL }],
  [Opcode.SINCOS, { op: V.opSincos, writable: 0x3 }],
  [Opcode.CMP, { op: V.opCmp, writable: ALL }],
  [Opcode.CND, { op: V.opCnd, writable: ALL }],
  [Opcode.DP2ADD, { op: V.opDp2add, writable: ALL }],
]);

const EXPP_11: ArithmeticOp = { op: V.opExpp11, writable: ALL };
const EXPP_20: ArithmeticOp = { op: V.opExp, writable: ALL };

/** The op of an arithmetic opcode in `version`, or undefined when it is not a plain arithmetic op. */
export function arithmeticOp(opcode: number, version: ShaderVersion): ArithmeticOp | undefined {
  if (opcode === Opcode.EXPP) return version.major < 2 ? EXPP_11 : EXPP_20;
  return TABLE.get(opcode);
}

/** m4x4 … m3x2: `rows` dot products of `columns` (3 or 4) components with c, c+1, … */
export interface MatrixShape {
  readonly rows: number;
  readonly columns: 3 | 4;
}

const MATRIX = new Map<number, MatrixShape>([
  [Opcode.M4x4, { rows: 4, columns: 4 }],
  [Opcode.M4x3, { rows: 3, columns: 4 }],
  [Opcode.M3x4, { rows: 4, columns: 3 }],
  [Opcode.M3x3, { rows: 3, columns: 3 }],
  [Opcode.M3x2, { rows: 2, columns: 3 }],
]);

/** The shape of a matrix macro opcode, or undefined. */
export function matrixShape(opcode: number): MatrixShape | undefined {
  return MATRIX.get(opcode);
}
