/**
 * Vertex shader entry point: one vertex per call, outputs tagged with their semantics.
 *
 * Output rules (`reference/d3d9-shaders.md` §3.10): vs < 3.0 oD0/oD1 are saturated to [0, 1];
 * vs_3_0 outputs are not. Unwritten outputs read as: oD0 (1, 1, 1, 1); oD1, oT#, vs_3_0 o#
 * (0, 0, 0, 1) (Wine `test_uninitialized_varyings`; vs_3_0 varies by vendor, we pick the same
 * rule); oPos, oFog and oPts (0, 0, 0, 0). A failed invocation (invalid program, budget, stack
 * overflow) gives every output as (0, 0, 0, 0) with `written` false, so the pipeline can drop it.
 */

import type { DiagnosticSink } from '../../common/diagnostics.js';
import { diagnostic } from '../../common/diagnostics.js';
import type { ShaderProgram } from '../ir/ir.js';
import { DeclUsage } from '../ir/ir.js';
import type { ExecContext, ExecStatus, InterpOptions } from './exec-context.js';
import { resolveBudget } from './exec-context.js';
import { execute } from './execute.js';
import { InterpDiag } from './interp-diagnostics.js';
import { acquireMachine, Machine, releaseMachine } from './machine.js';
import type { PreparedShader } from './prepare.js';
import { prepareShader } from './prepare.js';
import type { ShaderConstants } from './shader-constants.js';
import { loadConstants } from './shader-constants.js';
import type { SignatureEntry } from './signature.js';
import { outputSignature } from './signature.js';
import type { TextureSampler } from './texture-sampler.js';
import { UNBOUND_SAMPLER } from './texture-sampler.js';
import { collectVertexOutputs, loadVertexInputs, vertexOutputFiles, vertexOutputList } from './vertex-outputs.js';

/** What a vertex invocation reads. */
export interface VertexShaderInput {
  /** v0–v15, 4 floats each, by register number (64 values; missing values read as 0). */
  readonly inputs: Float32Array;
  readonly constants: ShaderConstants;
  /** vs_3_0 texldl; defaults to the unbound sampler. */
  readonly sampler?: TextureSampler;
  readonly options?: InterpOptions;
  readonly diagnostics?: DiagnosticSink;
}

/** One output of a vertex invocation. */
export interface ShaderOutput {
  readonly usage: number;
  readonly usageIndex: number;
  /** Assembler name of the register (`oPos`, `oD0`, `oT3`, `o5`). */
  readonly register: string;
  readonly value: Float32Array;
  /** Whether the shader wrote this register (else `value` holds the default). */
  readonly written: boolean;
}

/** Result of `runVertexShader`. */
export interface VertexShaderResult {
  readonly status: ExecStatus;
  /** Executed instructions (budget count). */
  readonly executed: number;
  readonly outputs: readonly ShaderOutput[];
}

/** The output with a semantic, if the program has it. */
export function findOutput(result: VertexShaderResult, usage: number, usageIndex = 0): ShaderOutput | undefined {
  return result.outputs.find((o) => o.usage === usage && o.usageIndex === usageIndex);
}

export { UNWRITTEN_COLORS, UNWRITTEN_OUTPUTS, UNWRITTEN_TEXCOORDS } from './vertex-outputs.js';

const signatures = new WeakMap<ShaderProgram, readonly SignatureEntry[]>();

/** The output signature of `program`, computed once per program object. */
export function cachedOutputSignature(program: ShaderProgram): readonly SignatureEntry[] {
  let s = signatures.get(program);
  if (!s) {
    s = outputSignature(program);
    signatures.set(program, s);
  }
  return s;
}

/** Runs a vertex shader for one vertex. Never throws. */
export function runVertexShader(program: ShaderProgram, input: VertexShaderInput): VertexShaderResult {
  const sink = input.diagnostics;
  const prepared = prepareShader(program, sink);
  const signature = cachedOutputSignature(program);
  const failed = (status: ExecStatus, executed: number): VertexShaderResult => ({
    status,
    executed,
    outputs: signature.map((s) => ({ usage: s.usage, usageIndex: s.usageIndex, register: s.name, value: new Float32Array(4), written: false })),
  });
  if (program.version.type !== 'vs') {
    sink?.report(diagnostic(InterpDiag.WRONG_SHADER_TYPE, 'runVertexShader was given a pixel shader'));
    return failed('invalid', 0);
  }
  const m = acquireMachine(1, program.version);
  try {
    return runOn(m, prepared, signature, input, failed);
  } finally {
    releaseMachine(m);
  }
}

/** The body of `runVertexShader` on a cleared machine. */
function runOn(
  m: Machine,
  prepared: PreparedShader,
  signature: readonly SignatureEntry[],
  input: VertexShaderInput,
  failed: (status: ExecStatus, executed: number) => VertexShaderResult,
): VertexShaderResult {
  const program = prepared.program;
  const sink = input.diagnostics;
  loadVertexInputs(m, input.inputs);
  loadConstants(m, prepared, input.constants);

  const result = execute({
    prepared,
    m,
    legacy: input.options?.legacyZeroMul ?? true,
    budget: resolveBudget(input.options),
    sampler: input.sampler ?? UNBOUND_SAMPLER,
    stages: {},
    sink,
  });
  if (result.status !== 'ok') return failed(result.status, result.executed);

  return { status: 'ok', executed: result.executed, outputs: vertexOutputList(m, signature) };
}

/** What {@link VertexShaderRunner} runs with for a whole draw. */
export interface VertexShaderRunnerOptions {
  /** Read when the runner is made (and on `rebind`): later changes to the arrays are not seen. */
  readonly constants: ShaderConstants;
  readonly sampler?: TextureSampler;
  readonly options?: InterpOptions;
  readonly diagnostics?: DiagnosticSink;
}

/**
 * `runVertexShader` for many vertices of one draw: the program is prepared, the machine made and
 * the constants loaded once, and outputs land in reused arrays, so a vertex allocates nothing.
 * Each run gives exactly the values `runVertexShader` gives (differential test). `rebind` makes
 * the runner serve a later draw (new constants, sampler, sink) as a fresh one would.
 */
export class VertexShaderRunner {
  /** The outputs, in the order of `runVertexShader`'s `outputs`. */
  readonly signature: readonly SignatureEntry[];
  /** The latest run: output i's value at [4i, 4i + 4) (zeros when it failed). */
  readonly values: Float32Array;
  /** The latest run: 1 where output i was written. */
  readonly written: Uint8Array;
  status: ExecStatus = 'ok';
  executed = 0;
  private sink: DiagnosticSink | undefined;
  private readonly m: Machine | undefined;
  private ctx: ExecContext | undefined;
  private options: VertexShaderRunnerOptions;
  private readonly program: ShaderProgram;
  private readonly prepared: PreparedShader;
  /** Per output: its register file's array on the machine (resolved once). */
  private readonly files: readonly Float32Array[];

  constructor(program: ShaderProgram, options: VertexShaderRunnerOptions) {
    this.program = program;
    this.options = options;
    this.sink = options.diagnostics;
    this.prepared = prepareShader(program, this.sink);
    this.signature = cachedOutputSignature(program);
    this.values = new Float32Array(this.signature.length * 4);
    this.written = new Uint8Array(this.signature.length);
    if (program.version.type !== 'vs') {
      this.files = [];
      return;
    }
    const m = new Machine(1, program.version);
    this.m = m;
    this.files = vertexOutputFiles(m, this.signature);
    this.bind(options);
  }

  /**
   * Takes a later draw's constants, sampler, options and sink: the runner then gives exactly
   * what a runner made with `options` gives (the machine is cleared by every run; constants are
   * reloaded here).
   */
  rebind(options: VertexShaderRunnerOptions): void {
    this.options = options;
    this.sink = options.diagnostics;
    this.status = 'ok';
    this.executed = 0;
    if (this.m !== undefined) this.bind(options);
  }

  private bind(options: VertexShaderRunnerOptions): void {
    const m = this.m as Machine;
    loadConstants(m, this.prepared, options.constants);
    this.ctx = {
      prepared: this.prepared,
      m,
      legacy: options.options?.legacyZeroMul ?? true,
      budget: resolveBudget(options.options),
      sampler: options.sampler ?? UNBOUND_SAMPLER,
      stages: {},
      sink: this.sink,
    };
  }

  /** Runs one vertex (v0–v15 as in `VertexShaderInput.inputs`); returns the status. Never throws. */
  run(inputs: Float32Array): ExecStatus {
    const { m, ctx } = this;
    if (m === undefined || ctx === undefined) {
      this.sink?.report(diagnostic(InterpDiag.WRONG_SHADER_TYPE, 'runVertexShader was given a pixel shader'));
      return this.fail('invalid', 0);
    }
    if (m.busy) {
      // Re-entered through a sampler: the one-shot path.
      const r = runVertexShader(this.program, { ...this.options, inputs });
      if (r.status !== 'ok') return this.fail(r.status, r.executed);
      r.outputs.forEach((o, i) => {
        this.values.set(o.value, i * 4);
        this.written[i] = o.written ? 1 : 0;
      });
      this.status = r.status;
      this.executed = r.executed;
      return r.status;
    }
    m.busy = true;
    try {
      m.reset();
      loadVertexInputs(m, inputs);
      const result = execute(ctx);
      if (result.status !== 'ok') return this.fail(result.status, result.executed);
      collectVertexOutputs(m, this.signature, this.files, this.values, this.written);
      this.status = 'ok';
      this.executed = result.executed;
      return 'ok';
    } finally {
      m.busy = false;
    }
  }

  private fail(status: ExecStatus, executed: number): ExecStatus {
    this.values.fill(0);
    this.written.fill(0);
    this.status = status;
    this.executed = executed;
    return status;
  }
}

/** The clip-space position output (POSITION0 / oPos), if present. */
export function outputPosition(result: VertexShaderResult): Float32Array | undefined {
  return findOutput(result, DeclUsage.POSITION, 0)?.value;
}
