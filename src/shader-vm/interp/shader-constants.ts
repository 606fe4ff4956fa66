/**
 * Constant banks of an invocation: the context's values (SET_SHADER_CONST) overridden by the
 * shader's own DEF / DEFI / DEFB. ps_1_x clamps float constants, API and DEF alike, to [−1, 1]
 * (Wine `constant_clamp_ps_test`); other models use them as given.
 */

import { clampF } from '../ops/scalar.js';
import type { Machine } from './machine.js';
import type { PreparedShader } from './prepare.js';
import { BOOL_CONSTANTS, FLOAT_CONSTANTS, INT_CONSTANTS } from './prepare.js';

/** The context's constant banks for one shader type. Shorter arrays read as zero beyond their end. */
export interface ShaderConstants {
  /** c0–c255, 4 floats each (1024 values). */
  readonly float: Float32Array;
  /** i0–i15, 4 signed integers each (64 values). */
  readonly int?: Int32Array;
  /** b0–b15, non-zero = true. */
  readonly bool?: ArrayLike<number>;
}

/** Copies the banks into the machine and applies the shader's local constants. */
export function loadConstants(m: Machine, prepared: PreparedShader, constants: ShaderConstants): void {
  const f = constants.float;
  m.consts.set(f.length >= FLOAT_CONSTANTS * 4 ? f.subarray(0, FLOAT_CONSTANTS * 4) : f);
  if (f.length < FLOAT_CONSTANTS * 4) m.consts.fill(0, f.length);
  for (const def of prepared.floatDefs) m.consts.set(def.values, def.index * 4);
  if (m.range !== 0) for (let i = 0; i < m.consts.length; i++) m.consts[i] = clampF(m.consts[i] as number, -1, 1);

  loadIntAndBoolConstants(m, prepared, constants);
}

/** The integer and boolean banks, with the shader's DEFI / DEFB applied: shared with the compiled path. */
export function loadIntAndBoolConstants(m: Machine, prepared: PreparedShader, constants: ShaderConstants): void {  const ints = constants.int;
  m.ints.fill(0);
  if (ints) m.ints.set(ints.length > INT_CONSTANTS * 4 ? ints.subarray(0, INT_CONSTANTS * 4) : ints);
  for (const def of prepared.intDefs) m.ints.set(def.values.map((x) => x | 0), def.index * 4);

  const bools = constants.bool;
  m.bools.fill(0);
  if (bools) for (let i = 0; i < BOOL_CONSTANTS && i < bools.length; i++) m.bools[i] = bools[i] ? 1 : 0;
  for (const def of prepared.boolDefs) m.bools[def.index] = def.value ? 1 : 0;
}
