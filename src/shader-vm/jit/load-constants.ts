/**
 * The constant banks of a compiled run, as `interp/shader-constants.ts` `loadConstants` builds
 * them (context values, then the shader's DEF / DEFI / DEFB, ps_1_x floats clamped to [−1, 1]),
 * but only for the float constants the program can read: the others keep whatever an earlier
 * run left and are never read.
 */

import type { Machine } from '../interp/machine.js';
import type { PreparedShader } from '../interp/prepare.js';
import { BOOL_CONSTANTS, INT_CONSTANTS } from '../interp/prepare.js';
import type { ShaderConstants } from '../interp/shader-constants.js';
import { clampF } from '../ops/scalar.js';

/** Loads the banks of `constants` into `m` for the float registers in `floats`. */
export function loadPlannedConstants(m: Machine, prepared: PreparedShader, constants: ShaderConstants, floats: readonly number[]): void {
  const f = constants.float;
  const c = m.consts;
  for (const r of floats) {
    const o = r * 4;
    for (let i = 0; i < 4; i++) c[o + i] = o + i < f.length ? (f[o + i] as number) : 0;
  }
  for (const def of prepared.floatDefs) c.set(def.values, def.index * 4);
  if (m.range !== 0) {
    for (const r of floats) for (let i = r * 4; i < r * 4 + 4; i++) c[i] = clampF(c[i] as number, -1, 1);
  }

  const ints = constants.int;
  m.ints.fill(0);
  if (ints) m.ints.set(ints.length > INT_CONSTANTS * 4 ? ints.subarray(0, INT_CONSTANTS * 4) : ints);
  for (const def of prepared.intDefs) m.ints.set(def.values.map((x) => x | 0), def.index * 4);

  const bools = constants.bool;
  m.bools.fill(0);
  if (bools) for (let i = 0; i < BOOL_CONSTANTS && i < bools.length; i++) m.bools[i] = bools[i] ? 1 : 0;
  for (const def of prepared.boolDefs) m.bools[def.index] = def.value ? 1 : 0;
}
