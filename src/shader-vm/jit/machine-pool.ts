/**
 * Register machines for compiled runs: the interpreter's `Machine` (same layout, so texture
 * instructions can run through the interpreter's executor on it), pooled per shader model and
 * cleared by a program's `RegisterPlan` instead of whole. A machine busy with a run (a sampler
 * that itself runs a shader) is never handed out twice.
 */

import type { ShaderVersion } from '../ir/ir.js';
import { Machine } from '../interp/machine.js';
import type { RegisterPlan } from './register-plan.js';

const pool = new Map<string, Machine>();

/** A machine for `lanes` and `version` with the plan's files, results and counters cleared. */
export function acquireJitMachine(lanes: number, version: ShaderVersion, plan: RegisterPlan): Machine {
  const key = `${lanes}:${version.type}:${version.major}:${version.minor}`;
  let m = pool.get(key);
  if (!m || m.busy) {
    m = new Machine(lanes, version);
    if (!pool.has(key)) pool.set(key, m);
  } else clearForRun(m, plan);
  m.busy = true;
  return m;
}

/**
 * Clears what a run of a program with `plan` can read before writing: the plan's files, the
 * written flags, the ps_1_x pad rows, aL and the kill mask (constants are left as loaded).
 */
export function clearForRun(m: Machine, plan: RegisterPlan): void {
  for (const file of plan.clear) m.files.get(file)?.fill(0);
  clearRunState(m);
}

/** The register files of `plan.clear` on `m`, resolved once for {@link clearPlannedFiles}. */
export function planClearFiles(m: Machine, plan: RegisterPlan): Float32Array[] {
  const files: Float32Array[] = [];
  for (const file of plan.clear) {
    const f = m.files.get(file);
    if (f !== undefined) files.push(f);
  }
  return files;
}

/** `clearForRun` with the plan's files resolved beforehand (a runner that reuses one machine). */
export function clearPlannedFiles(m: Machine, files: readonly Float32Array[]): void {
  for (let i = 0; i < files.length; i++) (files[i] as Float32Array).fill(0);
  clearRunState(m);
}

/** What every run clears besides the plan's files. */
function clearRunState(m: Machine): void {
  if (m.written.size !== 0) m.written.clear();
  m.pad.fill(0);
  m.padCount = 0;
  m.aL = 0;
  m.killed = 0;
}

/** Returns a machine to the pool. */
export function releaseJitMachine(m: Machine): void {
  m.busy = false;
}
