/**
 * The constant banks of a compiled run, as `interp/shader-constants.ts` `loadConstants` builds
 * them (context values, then the shader's DEF / DEFI / DEFB, ps_1_x floats clamped to [−1, 1]),
 * but only for the float constants the program can read: the others keep whatever an earlier
 * run left and are never read.
 */

import type { Machine } from '../interp/machine.js';
import type { PreparedShader } from '../interp/prepare.js';
import { loadIntAndBoolConstants, type ShaderConstants } from '../interp/shader-constants.js';
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

  loadIntAndBoolConstants(m, prepared, constants);
}
