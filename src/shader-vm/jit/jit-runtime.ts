/**
 * What generated shader functions receive at run time. A generated function closes over nothing:
 * everything it calls (the `ops/` functions, the interpreter's texture-instruction executor) and
 * every program-derived table (operand objects, budget item lists) comes in through its one
 * argument, so its source can be dumped and read on its own.
 */

import { Machine } from '../interp/machine.js';
import type { ExecContext } from '../interp/exec-context.js';
import { execTextureOp } from '../interp/exec-texture.js';
import { clampF, madF, mov11Floor, movaRound, mulF, saturateF } from '../ops/scalar.js';
import { frcScalar, logScalar, powScalar, rcpScalar, rsqScalar } from '../ops/vector-ops.js';

/** Status codes a generated function returns (the wrapper turns them into `ExecStatus` + diagnostics). */
export const JitStatus = {
  OK: 0,
  BUDGET: 1,
  LOOP_OVERFLOW: 2,
  CALL_OVERFLOW: 3,
  BAD_LOOP_END: 4,
} as const;

/**
 * Replays the budget count of one straight-line segment instruction by instruction, for the rare
 * case where the fast check (`executed + k > budget`) says the budget may run out inside it.
 * `items` are the instruction indices in execution order; −(pc + 1) marks the second half of a
 * co-issued pair, which the interpreter counts without ever stopping on it (its count saturates).
 * With `zero` set (no lane active) every instruction is counted on its own and may stop the shader.
 * Returns the new count, or −1 after storing the stopping instruction in `st.pc`.
 */
export function budgetWalk(st: { pc: number }, executed: number, budget: number, items: Int32Array, zero: boolean): number {
  let e = executed;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as number;
    if (item < 0 && !zero) {
      if (++e > budget) e = budget;
      continue;
    }
    if (++e > budget) {
      st.pc = item < 0 ? -item - 1 : item;
      return -1;
    }
  }
  return e;
}

/**
 * Fine quad derivatives of 4-lane coordinates (`exec-texture.ts`): ddx of a lane is right − left
 * of its row, ddy bottom − top of its column.
 */
export function quadDerivatives(coords: Float32Array, ddx: Float32Array, ddy: Float32Array): void {
  for (let l = 0; l < 4; l++) {
    const left = l & 2;
    const top = l & 1;
    for (let i = 0; i < 4; i++) {
      ddx[l * 4 + i] = Math.fround((coords[(left | 1) * 4 + i] as number) - (coords[left * 4 + i] as number));
      ddy[l * 4 + i] = Math.fround((coords[(top | 2) * 4 + i] as number) - (coords[top * 4 + i] as number));
    }
  }
}

/** Scratch of the inline lookups, with the views a request passes for 4 lanes and for 1. */
const TC = new Float32Array(16);
const TDX = new Float32Array(16);
const TDY = new Float32Array(16);
const TLOD = new Float32Array(4);
const views = (lanes: number) => ({
  coords: TC.subarray(0, lanes * 4), ddx: TDX.subarray(0, lanes * 4), ddy: TDY.subarray(0, lanes * 4), lod: TLOD.subarray(0, lanes),
});

/** Helpers shared by every generated function (one frozen object; never per invocation state). */
export interface JitHelpers {
  readonly fr: (x: number) => number;
  readonly mulF: typeof mulF;
  readonly madF: typeof madF;
  readonly saturateF: typeof saturateF;
  readonly clampF: typeof clampF;
  readonly rcpScalar: typeof rcpScalar;
  readonly rsqScalar: typeof rsqScalar;
  readonly logScalar: typeof logScalar;
  readonly powScalar: typeof powScalar;
  readonly frcScalar: typeof frcScalar;
  readonly movaRound: typeof movaRound;
  readonly mov11Floor: typeof mov11Floor;
  readonly execTextureOp: typeof execTextureOp;
  readonly budgetWalk: typeof budgetWalk;
  readonly quadDerivatives: typeof quadDerivatives;
  readonly TC: Float32Array;
  readonly TDX: Float32Array;
  readonly TDY: Float32Array;
  readonly TLOD: Float32Array;
  readonly TRES: Float32Array;
  readonly V4: ReturnType<typeof views>;
  readonly V1: ReturnType<typeof views>;
  /** Scratch vectors for `ops/` calls and relative-address reads (read back immediately, never held). */
  readonly SA: Float32Array;
  readonly SB: Float32Array;
  readonly SC: Float32Array;
  readonly SD: Float32Array;
  readonly RS: Float32Array;
  readonly VALS: Float32Array;
  readonly QD: Float32Array;
}

/** The one helpers object. */
export const JIT_HELPERS: JitHelpers = Object.freeze({
  fr: Math.fround,
  mulF,
  madF,
  saturateF,
  clampF,
  rcpScalar,
  rsqScalar,
  logScalar,
  powScalar,
  frcScalar,
  movaRound,
  mov11Floor,
  execTextureOp,
  budgetWalk,
  quadDerivatives,
  TC,
  TDX,
  TDY,
  TLOD,
  TRES: new Float32Array(16),
  V4: views(4),
  V1: views(1),
  SA: new Float32Array(4),
  SB: new Float32Array(4),
  SC: new Float32Array(4),
  SD: new Float32Array(4),
  RS: new Float32Array(4),
  VALS: new Float32Array(4),
  QD: new Float32Array(16),
});

/** The argument of one generated-function call. */
export interface JitCall {
  /** The invocation's registers (the interpreter's own machine layout). */
  readonly m: Machine;
  /** Context for the texture instructions, which run through the interpreter's executor. */
  readonly ctx: ExecContext;
  readonly legacy: boolean;
  readonly budget: number;
  /** Program-derived tables of the compiled shader (operands, instructions, item lists, ops). */
  readonly k: readonly unknown[];
  readonly h: JitHelpers;
  /** Out: executed instructions. */
  ex: number;
  /** Out: the instruction where a failure happened. */
  pc: number;
}

/** A generated shader function. */
export type JitFunction = (rt: JitCall) => number;

/** Register counts of the per-lane files, as the interpreter's machine has them. */
const SIZES = new Machine(1, { type: 'vs', major: 3, minor: 0 });

/** Registers in a per-lane file (0 when the file is not per lane: constants, samplers, labels…). */
export function laneFileCount(file: Parameters<Machine['count']>[0]): number {
  return SIZES.count(file);
}
