/**
 * The interpreter's `VertexShaderRunner` on the compiled path: the same constructor options,
 * `run` signature and reused `signature` / `values` / `written` / `status` / `executed`, with the
 * program's generated function (from the shader cache) as the instruction loop. The machine is
 * the runner's own and constants are loaded once per draw. Programs the compiler does not take run on an
 * interpreter `VertexShaderRunner`, every run counted in the cache's `fallbackRuns`.
 */

import type { DiagnosticSink } from '../../common/diagnostics.js';
import type { ShaderProgram } from '../ir/ir.js';
import type { ExecStatus } from '../interp/exec-context.js';
import { Machine } from '../interp/machine.js';
import { prepareShader } from '../interp/prepare.js';
import type { VertexShaderRunnerOptions } from '../interp/run-vertex.js';
import { VertexShaderRunner } from '../interp/run-vertex.js';
import type { PreparedShader } from '../interp/prepare.js';
import { cachedOutputSignature } from '../interp/run-vertex.js';
import type { SignatureEntry } from '../interp/signature.js';
import type { TextureSampler } from '../interp/texture-sampler.js';
import { UNBOUND_SAMPLER } from '../interp/texture-sampler.js';
import { collectVertexOutputs, loadVertexInputs, vertexOutputFiles } from '../interp/vertex-outputs.js';
import type { CompiledShader } from './compile-shader.js';
import { loadPlannedConstants } from './load-constants.js';
import { clearPlannedFiles, planClearFiles } from './machine-pool.js';
import { compiledCall, runCall } from './run-compiled.js';
import { runVertexShaderCompiled } from './run-vertex-compiled.js';
import type { JitCall } from './jit-runtime.js';
import type { ShaderCache } from './shader-cache.js';
import { defaultShaderCache } from './shader-cache.js';

/**
 * `VertexShaderRunner` through generated code: each run gives exactly the values the interpreter's
 * runner gives (differential test), into reused arrays. `rebind` makes the runner serve a later
 * draw (new constants, sampler, sink) as a fresh one would, keeping its machine.
 */
export class CompiledVertexShaderRunner {
  /** The outputs, in the order of `runVertexShader`'s `outputs`. */
  readonly signature: readonly SignatureEntry[];
  /** The latest run: output i's value at [4i, 4i + 4) (zeros when it failed). */
  readonly values: Float32Array;
  /** The latest run: 1 where output i was written. */
  readonly written: Uint8Array;
  private ownStatus: ExecStatus = 'ok';
  private ownExecuted = 0;
  private readonly program: ShaderProgram;
  private options: VertexShaderRunnerOptions;
  private readonly cache: ShaderCache;
  private sink: DiagnosticSink | undefined;
  private readonly prepared: PreparedShader;
  private readonly compiled: (CompiledShader & { ok: true }) | undefined;
  private readonly m: Machine | undefined;
  /** The generated function's argument, made once per draw (its outputs are reset by every run). */
  private rt: JitCall | undefined;
  /** Per output: its register file's array on the machine (resolved once). */
  private readonly files: readonly Float32Array[];
  /** The files the plan clears before each run, resolved once. */
  private readonly clearFiles: readonly Float32Array[] = [];
  /** The interpreter runner of a program left to it (or not a vertex shader). */
  private readonly fallback: VertexShaderRunner | undefined;
  private readonly countFallback: boolean;

  constructor(program: ShaderProgram, options: VertexShaderRunnerOptions, cache: ShaderCache = defaultShaderCache) {
    this.program = program;
    this.options = options;
    this.cache = cache;
    this.sink = options.diagnostics;
    const isVertex = program.version.type === 'vs';
    const prepared = prepareShader(program, this.sink);
    this.prepared = prepared;
    const entry = isVertex && prepared.ok ? cache.get(program) : undefined;
    if (entry === undefined || !entry.ok) {
      // The interpreter runner reports a wrong shader type itself, per run, as runVertexShader does.
      const fallback = new VertexShaderRunner(program, options);
      this.fallback = fallback;
      this.countFallback = isVertex;
      this.signature = fallback.signature;
      this.values = fallback.values;
      this.written = fallback.written;
      this.files = [];
      return;
    }
    this.countFallback = false;
    this.compiled = entry;
    this.signature = cachedOutputSignature(program);
    this.values = new Float32Array(this.signature.length * 4);
    this.written = new Uint8Array(this.signature.length);
    const m = new Machine(1, program.version);
    this.m = m;
    this.files = vertexOutputFiles(m, this.signature);
    this.clearFiles = planClearFiles(m, entry.plan);
    this.bind(options);
  }

  /**
   * Takes a later draw's constants, sampler, options and sink: the runner then gives exactly
   * what a runner made with `options` gives (every run clears what the program reads before
   * writing; the planned constants are reloaded here).
   */
  rebind(options: VertexShaderRunnerOptions): void {
    this.options = options;
    this.sink = options.diagnostics;
    this.ownStatus = 'ok';
    this.ownExecuted = 0;
    if (this.fallback) this.fallback.rebind(options);
    else this.bind(options);
  }

  private bind(options: VertexShaderRunnerOptions): void {
    const m = this.m as Machine;
    const compiled = this.compiled as CompiledShader & { ok: true };
    loadPlannedConstants(m, this.prepared, options.constants, compiled.plan.constants);
    this.rt = compiledCall(compiled, m, options.options, options.sampler ?? UNBOUND_SAMPLER, {}, this.sink);
  }

  /** The latest run's status. */
  get status(): ExecStatus {
    return this.fallback ? this.fallback.status : this.ownStatus;
  }

  /** The latest run's executed instruction count (budget count). */
  get executed(): number {
    return this.fallback ? this.fallback.executed : this.ownExecuted;
  }

  /** Whether runs go through generated code (false: the interpreter runs them). */
  get isCompiled(): boolean {
    return this.compiled !== undefined;
  }

  /** Runs one vertex (v0–v15 as in `VertexShaderInput.inputs`); returns the status. Never throws. */
  run(inputs: Float32Array): ExecStatus {
    const { m, compiled, fallback } = this;
    if (m === undefined || compiled === undefined) {
      if (this.countFallback) this.cache.stats.fallbackRuns++;
      return (fallback as VertexShaderRunner).run(inputs);
    }
    if (m.busy) {
      // Re-entered through a sampler: the one-shot compiled path.
      const r = runVertexShaderCompiled(this.program, { ...this.options, inputs }, this.cache);
      if (r.status !== 'ok') return this.fail(r.status, r.executed);
      r.outputs.forEach((o, i) => {
        this.values.set(o.value, i * 4);
        this.written[i] = o.written ? 1 : 0;
      });
      this.ownStatus = r.status;
      this.ownExecuted = r.executed;
      return r.status;
    }
    m.busy = true;
    try {
      clearPlannedFiles(m, this.clearFiles);
      loadVertexInputs(m, inputs);
      const r = runCall(compiled, this.rt as JitCall, this.sink);
      if (r.status !== 'ok') return this.fail(r.status, r.executed);
      collectVertexOutputs(m, this.signature, this.files, this.values, this.written);
      this.ownStatus = 'ok';
      this.ownExecuted = r.executed;
      return 'ok';
    } finally {
      m.busy = false;
    }
  }

  private fail(status: ExecStatus, executed: number): ExecStatus {
    this.values.fill(0);
    this.written.fill(0);
    this.ownStatus = status;
    this.ownExecuted = executed;
    return status;
  }
}
