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
import { applySaturate } from '../ops/modifiers.js';
import type { ExecStatus, InterpOptions } from './exec-context.js';
import { resolveBudget } from './exec-context.js';
import { execute } from './execute.js';
import { InterpDiag } from './interp-diagnostics.js';
import type { Machine } from './machine.js';
import { acquireMachine, releaseMachine } from './machine.js';
import type { PreparedShader } from './prepare.js';
import { prepareShader } from './prepare.js';
import type { ShaderConstants } from './shader-constants.js';
import { loadConstants } from './shader-constants.js';
import type { SignatureEntry } from './signature.js';
import { outputSignature } from './signature.js';
import type { TextureSampler } from './texture-sampler.js';
import { UNBOUND_SAMPLER } from './texture-sampler.js';

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

/** oD0 = (1, 1, 1, 1), oD1 = (0, 0, 0, 1); oT# and vs_3_0 o# = (0, 0, 0, 1). */
const UNWRITTEN_COLORS = new Float32Array([1, 1, 1, 1, 0, 0, 0, 1]);
const UNWRITTEN_TEXCOORDS = new Float32Array(32).map((_, i) => (i % 4 === 3 ? 1 : 0));
const UNWRITTEN_OUTPUTS = new Float32Array(48).map((_, i) => (i % 4 === 3 ? 1 : 0));

const signatures = new WeakMap<ShaderProgram, readonly SignatureEntry[]>();

function cachedOutputSignature(program: ShaderProgram): readonly SignatureEntry[] {
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
  const vin = m.files.get('input') as Float32Array;
  vin.set(input.inputs.length > vin.length ? input.inputs.subarray(0, vin.length) : input.inputs);
  loadConstants(m, prepared, input.constants);
  const sm3 = program.version.major >= 3;
  // Defaults of unwritten outputs.
  if (!sm3) {
    (m.files.get('attrout') as Float32Array).set(UNWRITTEN_COLORS);
    (m.files.get('texcrdout') as Float32Array).set(UNWRITTEN_TEXCOORDS);
  } else (m.files.get('output') as Float32Array).set(UNWRITTEN_OUTPUTS);

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

  const outputs: ShaderOutput[] = signature.map((s) => {
    const arr = m.files.get(s.file) as Float32Array;
    const value = arr.slice(s.index * 4, s.index * 4 + 4);
    if (!sm3 && s.file === 'attrout') applySaturate(value);
    const written = (((m.written.get(s.file) ?? 0) >>> s.index) & 1) === 1;
    return { usage: s.usage, usageIndex: s.usageIndex, register: s.name, value, written };
  });
  return { status: 'ok', executed: result.executed, outputs };
}

/** The clip-space position output (POSITION0 / oPos), if present. */
export function outputPosition(result: VertexShaderResult): Float32Array | undefined {
  return findOutput(result, DeclUsage.POSITION, 0)?.value;
}
