/**
 * What an executing invocation carries besides its registers: the prepared program, the sampler,
 * ps_1_x texture-stage state, options and the depth / kill results.
 */

import type { DiagnosticSink } from '../../common/diagnostics.js';
import type { Machine } from './machine.js';
import type { PreparedShader } from './prepare.js';
import type { TextureSampler } from './texture-sampler.js';

/** Default executed-instruction budget per invocation (D3D9's minimum MaxVShaderInstructionsExecuted). */
export const DEFAULT_INSTRUCTION_BUDGET = 65535;

/** Interpreter options. */
export interface InterpOptions {
  /**
   * The legacy D3D9 "anything × 0 = 0" rule for mul, mad, dp*, m*x*, crs, dst, nrm and lrp
   * (DXVK's float emulation). Default true.
   */
  readonly legacyZeroMul?: boolean;
  /** Executed instructions allowed per invocation (a quad counts once). Default 65535, capped at 2^24. */
  readonly instructionBudget?: number;
}

/** ps_1_x texture-stage state the texture-address instructions need. */
export interface TextureStageState {
  /**
   * Per stage 0–7, six floats: BUMPENVMAT00, BUMPENVMAT01, BUMPENVMAT10, BUMPENVMAT11,
   * BUMPENVLSCALE, BUMPENVLOFFSET (SVGA3D_TS_BUMPENVMAT00 … LOFFSET). Missing = zeros.
   */
  readonly bumpEnv?: Float32Array;
  /**
   * Bit per stage whose TEXTURETRANSFORMFLAGS has PROJECTED: ps_1_1–1_3 `tex` and `texbem(l)`
   * divide the coordinates by their last one (see `projectedCount`).
   */
  readonly projected?: number;
  /**
   * Per stage, the TEXTURETRANSFORMFLAGS count (2–4) of a projected stage: the coordinate that
   * divides is number count − 1 (0-based), and it divides the ones before it. Default 4 (by .w).
   */
  readonly projectedCount?: ArrayLike<number>;
  /** Bit per stage bound to a cube texture, where projection is ignored (as D3D9 does). */
  readonly cubeStages?: number;
}

/** Outcome of an invocation. */
export type ExecStatus =
  | 'ok'
  /** The program's structure cannot be executed (see `PreparedShader.problems`). */
  | 'invalid'
  /** The instruction budget ran out. */
  | 'budget-exceeded'
  /** Calls or loops nested beyond the interpreter's stacks. */
  | 'stack-overflow';

/** Mutable context of one invocation. */
export interface ExecContext {
  readonly prepared: PreparedShader;
  readonly m: Machine;
  readonly legacy: boolean;
  readonly budget: number;
  readonly sampler: TextureSampler;
  readonly stages: TextureStageState;
  readonly sink: DiagnosticSink | undefined;
}

/** The budget to use: the option clamped to [1, 2^24], else the default. */
export function resolveBudget(options: InterpOptions | undefined): number {
  const b = options?.instructionBudget;
  if (b === undefined || !(b >= 1)) return DEFAULT_INSTRUCTION_BUDGET;
  return Math.min(Math.floor(b), 16777216);
}
