/**
 * `runVertexShader` through the compiled path: the same output signature, defaults of unwritten
 * outputs, vs < 3.0 colour saturation and failure result as `interp/run-vertex.ts`.
 */

import { diagnostic } from '../../common/diagnostics.js';
import type { ShaderProgram } from '../ir/ir.js';
import type { ExecStatus } from '../interp/exec-context.js';
import { InterpDiag } from '../interp/interp-diagnostics.js';
import { prepareShader } from '../interp/prepare.js';
import type { VertexShaderInput, VertexShaderResult } from '../interp/run-vertex.js';
import { cachedOutputSignature, runVertexShader } from '../interp/run-vertex.js';
import { UNBOUND_SAMPLER } from '../interp/texture-sampler.js';
import { loadVertexInputs, vertexOutputList } from '../interp/vertex-outputs.js';
import { loadPlannedConstants } from './load-constants.js';
import { acquireJitMachine, releaseJitMachine } from './machine-pool.js';
import { compiledFor, executeCompiled } from './run-compiled.js';
import type { ShaderCache } from './shader-cache.js';
import { defaultShaderCache } from './shader-cache.js';

/** `runVertexShader` through the compiled path. Never throws. */
export function runVertexShaderCompiled(program: ShaderProgram, input: VertexShaderInput, cache: ShaderCache = defaultShaderCache): VertexShaderResult {
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
  const compiled = compiledFor(program, prepared, cache);
  if (!compiled) return runVertexShader(program, input);
  const m = acquireJitMachine(1, program.version, compiled.plan);
  try {
    loadVertexInputs(m, input.inputs);
    loadPlannedConstants(m, prepared, input.constants, compiled.plan.constants);
    const result = executeCompiled(compiled, m, input.options, input.sampler ?? UNBOUND_SAMPLER, {}, sink);
    if (result.status !== 'ok') return failed(result.status, result.executed);
    return { status: 'ok', executed: result.executed, outputs: vertexOutputList(m, signature) };
  } finally {
    releaseJitMachine(m);
  }
}
