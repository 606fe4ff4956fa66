/**
 * Compiled entry points with the signatures and results of the interpreter's `runVertexShader`
 * and `runPixelQuad`: same input loading, same constant banks, same output rules, same
 * diagnostics; only the instruction loop is the generated function. Programs the compiler does
 * not take (and structurally invalid ones, whose defined result the interpreter gives) run on the
 * interpreter, counted in the cache's `fallbackRuns`.
 */

import { diagnostic } from '../../common/diagnostics.js';
import type { DiagnosticSink } from '../../common/diagnostics.js';
import type { ShaderProgram } from '../ir/ir.js';
import type { ExecContext, ExecStatus, InterpOptions, TextureStageState } from '../interp/exec-context.js';
import { resolveBudget } from '../interp/exec-context.js';
import { MAX_STACK_DEPTH } from '../interp/execute.js';
import { InterpDiag } from '../interp/interp-diagnostics.js';
import type { Machine } from '../interp/machine.js';
import type { PreparedShader } from '../interp/prepare.js';
import { prepareShader } from '../interp/prepare.js';
import type { PixelQuadInput, PixelQuadResult } from '../interp/run-pixel.js';
import { PIXEL_INPUT_REGISTERS, PIXEL_TEXCOORD_SETS, runPixelQuad } from '../interp/run-pixel.js';
import { saturateF } from '../ops/scalar.js';
import type { TextureSampler } from '../interp/texture-sampler.js';
import { UNBOUND_SAMPLER } from '../interp/texture-sampler.js';
import type { CompiledShader } from './compile-shader.js';
import { loadPlannedConstants } from './load-constants.js';
import { acquireJitMachine, releaseJitMachine } from './machine-pool.js';
import type { RegisterPlan } from './register-plan.js';
import { JIT_HELPERS, JitStatus } from './jit-runtime.js';
import type { JitCall } from './jit-runtime.js';
import type { ShaderCache } from './shader-cache.js';
import { defaultShaderCache } from './shader-cache.js';

/** The outcome of one generated-function run, as the interpreter's `execute` reports it. */
export interface RunOutcome {
  readonly status: ExecStatus;
  readonly executed: number;
}

/** Runs a compiled program on machine `m` (inputs and constants loaded) and reports like `execute`. */
export function executeCompiled(
  compiled: CompiledShader & { ok: true },
  m: Machine,
  options: InterpOptions | undefined,
  sampler: TextureSampler,
  stages: TextureStageState,
  sink: DiagnosticSink | undefined,
): RunOutcome {
  return runCall(compiled, compiledCall(compiled, m, options, sampler, stages, sink), sink);
}

/** The argument of a compiled program's function for runs on `m`; a per-draw runner makes it once. */
export function compiledCall(
  compiled: CompiledShader & { ok: true },
  m: Machine,
  options: InterpOptions | undefined,
  sampler: TextureSampler,
  stages: TextureStageState,
  sink: DiagnosticSink | undefined,
): JitCall {
  const legacy = options?.legacyZeroMul ?? true;
  const budget = resolveBudget(options);
  const ctx: ExecContext = { prepared: compiled.prepared, m, legacy, budget, sampler, stages, sink };
  return { m, ctx, legacy, budget, k: compiled.tables, h: JIT_HELPERS, ex: 0, pc: -1 };
}

/** Runs the generated function with `rt` (its outputs reset first) and reports like `execute`. */
export function runCall(compiled: CompiledShader & { ok: true }, rt: JitCall, sink: DiagnosticSink | undefined): RunOutcome {
  rt.ex = 0;
  rt.pc = -1;
  const budget = rt.budget;
  const code = compiled.run(rt);
  const pc = rt.pc;
  switch (code) {
    case JitStatus.OK:
      return { status: 'ok', executed: rt.ex };
    case JitStatus.BUDGET:
      sink?.report(diagnostic(InterpDiag.BUDGET_EXCEEDED, `shader stopped after ${budget} executed instructions at instruction ${pc}`));
      return { status: 'budget-exceeded', executed: budget };
    case JitStatus.LOOP_OVERFLOW:
      sink?.report(diagnostic(InterpDiag.LOOP_STACK_OVERFLOW, `loops nested deeper than ${MAX_STACK_DEPTH} at instruction ${pc}`));
      return { status: 'stack-overflow', executed: rt.ex };
    case JitStatus.CALL_OVERFLOW:
      sink?.report(diagnostic(InterpDiag.CALL_STACK_OVERFLOW, `calls nested deeper than ${MAX_STACK_DEPTH} at instruction ${pc}`));
      return { status: 'stack-overflow', executed: rt.ex };
    default:
      sink?.report(diagnostic(InterpDiag.BAD_STRUCTURE, `loop end at instruction ${pc} reached outside its loop`));
      return { status: 'invalid', executed: rt.ex };
  }
}

/** The compiled program for a run, or undefined when the interpreter must run it. */
export function compiledFor(program: ShaderProgram, prepared: PreparedShader, cache: ShaderCache): (CompiledShader & { ok: true }) | undefined {
  const compiled = prepared.ok ? cache.get(program) : undefined;
  if (compiled?.ok) return compiled;
  cache.stats.fallbackRuns++;
  return undefined;
}


/** `runPixelQuad` through the compiled path. Never throws. */
export function runPixelQuadCompiled(program: ShaderProgram, input: PixelQuadInput, cache: ShaderCache = defaultShaderCache): PixelQuadResult {
  const sink = input.diagnostics;
  const active = (input.activeMask ?? 0xf) & 0xf;
  const failed = (status: ExecStatus, executed: number): PixelQuadResult => ({
    status, executed, colors: new Float32Array(64), colorsWritten: 0, killed: 0xf, live: 0,
  });
  if (program.version.type !== 'ps') {
    sink?.report(diagnostic(InterpDiag.WRONG_SHADER_TYPE, 'runPixelQuad was given a vertex shader'));
    return failed('invalid', 0);
  }
  const prepared = prepareShader(program, sink);
  const compiled = compiledFor(program, prepared, cache);
  if (!compiled) return runPixelQuad(program, input);
  const m = acquireJitMachine(4, program.version, compiled.plan);
  try {
    loadPixelInputs(m, input.v, input.t, input.vPos, input.vFace, compiled.plan);
    loadPlannedConstants(m, prepared, input.constants, compiled.plan.constants);
    const result = executeCompiled(compiled, m, input.options, input.sampler ?? UNBOUND_SAMPLER, input.stages ?? {}, sink);
    if (result.status !== 'ok') return failed(result.status, result.executed);
    return pixelOutputs(m, prepared, active, result.executed);
  } finally {
    releaseJitMachine(m);
  }
}

/**
 * Places v#, t#, vPos and vFace (the layouts of `PixelQuadInput`) as `runPixelQuad` does (ps < 3.0
 * colours clamped to [0, 1]), for the registers the program can read (the others stay cleared
 * and are never read).
 */
export function loadPixelInputs(
  m: Machine,
  v: Float32Array | undefined,
  t: Float32Array | undefined,
  vPos: Float32Array | undefined,
  vFace: number | ArrayLike<number> | undefined,
  plan: RegisterPlan,
): void {
  const sm3 = m.version.major >= 3;
  const vin = m.files.get('input') as Float32Array;
  const tex = m.files.get('texture') as Float32Array;
  const misc = m.files.get('misc') as Float32Array;
  for (let p = 0; p < 4; p++) {
    if (v) {
      for (const r of plan.inputs) {
        const o = (r * 4 + p) * 4;
        const src = (p * PIXEL_INPUT_REGISTERS + r) * 4;
        for (let i = 0; i < 4; i++) {
          const x = (v[src + i] as number | undefined) ?? 0;
          vin[o + i] = sm3 ? x : saturateF(x);
        }
      }
    }
    if (t && !sm3) {
      for (const s of plan.textures) {
        const o = (s * 4 + p) * 4;
        const src = (p * PIXEL_TEXCOORD_SETS + s) * 4;
        for (let i = 0; i < 4; i++) tex[o + i] = (t[src + i] as number | undefined) ?? 0;
      }
      if (plan.texcoords) {
        for (let s = 0; s < PIXEL_TEXCOORD_SETS; s++) {
          const o = (s * 4 + p) * 4;
          const src = (p * PIXEL_TEXCOORD_SETS + s) * 4;
          for (let i = 0; i < 4; i++) m.texcoords[o + i] = (t[src + i] as number | undefined) ?? 0;
        }
      }
    }
    if (sm3) {
      const o = p * 4;
      misc[o] = (vPos?.[2 * p] as number | undefined) ?? 0;
      misc[o + 1] = (vPos?.[2 * p + 1] as number | undefined) ?? 0;
      misc[o + 3] = 1;
      const f = typeof vFace === 'number' ? vFace : ((vFace?.[p] as number | undefined) ?? 1);
      misc.fill(f, (4 + p) * 4, (4 + p) * 4 + 4);
    }
  }
  if (plan.texcoords && !t) m.texcoords.fill(0);
}

/** Colours (r0 for ps_1_x, oC0–oC3 otherwise), kill mask and depth, as `runPixelQuad` reports them. */
function pixelOutputs(m: Machine, prepared: PreparedShader, active: number, executed: number): PixelQuadResult {
  const colors = new Float32Array(64);
  let colorsWritten: number;
  // The machine keeps register r, pixel p at (r·4 + p)·4: the result's layout for oC0–oC3 and r0.
  if (m.version.major === 1) {
    colors.set((m.files.get('temp') as Float32Array).subarray(0, 16));
    colorsWritten = 1;
  } else {
    colorsWritten = (m.written.get('colorout') ?? 0) & 0xf;
    colors.set((m.files.get('colorout') as Float32Array).subarray(0, 64));
  }
  const killed = m.killed & 0xf;
  const base = { status: 'ok' as const, executed, colors, colorsWritten, killed, live: active & ~killed };
  if (!prepared.writesDepth) return base;
  const depth = new Float32Array(4);
  for (let p = 0; p < 4; p++) depth[p] = m.vector('depthout', 0, p)[0] as number;
  return { ...base, depth };
}
