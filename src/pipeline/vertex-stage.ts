/**
 * The vertex stage of a draw: turns the fetched elements of one vertex (one vec4 per vertex
 * declaration) into outputs tagged with semantics. Two kinds:
 *
 * - a vertex program (the bound vertex shader, or a fixed-function program): declarations feed
 *   the program's `dcl` inputs by (usage, usage index), outputs follow the program's signature;
 * - pre-transformed (any POSITIONT element): no vertex processing, as D3D9 specifies; the
 *   elements are the outputs and POSITIONT carries window x, y, depth z and 1/w.
 */
import type { DiagnosticSink } from '../common/diagnostics.js';
import {
  DeclUsage,
  inputSignature,
  outputSignature,
  VertexShaderRunner,
  type ShaderConstants,
  type ShaderProgram,
  type TextureSampler,
} from '../shader-vm/index.js';
import { CompiledVertexShaderRunner, type ShaderRunMode } from '../shader-vm/jit/index.js';
import type { Semantic } from './shader-linkage.js';

/** A vec4 default. */
export type Vec4 = readonly [number, number, number, number];

/** Converts one vertex's elements into outputs. */
export interface VertexStage {
  readonly pretransformed: boolean;
  /** Output semantics, in output order (4 floats each). */
  readonly outputs: readonly Semantic[];
  /** Output index of the position (POSITION0, or POSITIONT when pre-transformed); −1 if none. */
  readonly position: number;
  /** Output index of the point size (PSIZE0), −1 if none. */
  readonly pointSize: number;
  /** Value of a semantic the stage does not output. */
  defaultFor(s: Semantic): Vec4;
  /**
   * Computes the outputs of one vertex from `elements` (declaration d at `4d`) into `out`
   * (`outputs.length × 4`). Returns −1 when the invocation failed (its primitives are dropped),
   * else a mask of the outputs it wrote (bit i = output i; outputs past 30 always count as written).
   */
  run(elements: Float32Array, out: Float32Array): number;
}

/** The semantic of one vertex declaration. */
export interface DeclSemantic {
  readonly usage: number;
  readonly usageIndex: number;
}

function indexOf(list: readonly Semantic[], usage: number, usageIndex: number): number {
  return list.findIndex((s) => s.usage === usage && s.usageIndex === usageIndex);
}

/**
 * A program's default for semantics it lacks: vs_3_0's rule for unwritten outputs (0, 0, 0, 1)
 * (the interpreter's documented choice), which vs < 3.0 never needs since its signature is fixed.
 */
const PROGRAM_DEFAULT: Vec4 = [0, 0, 0, 1];

/**
 * A stage running vertex program `program` with `constants`, on the compiled runner by default or
 * the interpreter's in `reference` mode (bit-identical results).
 */
export function createProgramVertexStage(
  program: ShaderProgram,
  decls: readonly DeclSemantic[],
  constants: ShaderConstants,
  sampler: TextureSampler,
  diagnostics?: DiagnosticSink,
  shaderMode: ShaderRunMode = 'compiled',
): VertexStage {
  const outputs = outputSignature(program).map((e) => ({ usage: e.usage, usageIndex: e.usageIndex }));
  // Input register ← declaration index; declarations the program does not read are not fetched
  // into it, inputs no declaration provides read as (0, 0, 0, 1).
  const bindings = inputSignature(program)
    .filter((e) => e.file === 'input' && e.index < 16)
    .map((e) => ({ register: e.index, decl: decls.findIndex((d) => d.usage === e.usage && d.usageIndex === e.usageIndex) }));
  const inputs = new Float32Array(64);
  const runnerOptions = { constants, sampler, ...(diagnostics ? { diagnostics } : {}) };
  const runner =
    shaderMode === 'reference' ? new VertexShaderRunner(program, runnerOptions) : new CompiledVertexShaderRunner(program, runnerOptions);
  return {
    pretransformed: false,
    outputs,
    position: indexOf(outputs, DeclUsage.POSITION, 0),
    pointSize: indexOf(outputs, DeclUsage.PSIZE, 0),
    defaultFor: () => PROGRAM_DEFAULT,
    run(elements, out) {
      for (const b of bindings) {
        const o = b.register * 4;
        if (b.decl < 0) inputs.set(PROGRAM_DEFAULT, o);
        else inputs.set(elements.subarray(b.decl * 4, b.decl * 4 + 4), o);
      }
      if (runner.run(inputs) !== 'ok') return -1;
      const n = Math.min(runner.signature.length, outputs.length);
      let written = 0;
      for (let i = 0; i < n; i++) {
        out.set(runner.values.subarray(i * 4, i * 4 + 4), i * 4);
        if (runner.written[i] === 1 && i < 31) written |= 1 << i;
      }
      return written;
    },
  };
}

/**
 * D3D9's defaults for elements a pre-transformed declaration lacks: diffuse white, specular
 * black, everything else (0, 0, 0, 1).
 */
function pretransformedDefault(s: Semantic): Vec4 {
  if (s.usage === DeclUsage.COLOR && s.usageIndex === 0) return [1, 1, 1, 1];
  if (s.usage === DeclUsage.COLOR && s.usageIndex === 1) return [0, 0, 0, 0];
  return PROGRAM_DEFAULT;
}

/** The stage of a draw with a POSITIONT element: elements pass through unchanged. */
export function createPretransformedStage(decls: readonly DeclSemantic[]): VertexStage {
  const outputs = decls.map((d) => ({ usage: d.usage, usageIndex: d.usageIndex }));
  return {
    pretransformed: true,
    outputs,
    position: decls.findIndex((d) => d.usage === DeclUsage.POSITIONT),
    pointSize: indexOf(outputs, DeclUsage.PSIZE, 0),
    defaultFor: pretransformedDefault,
    run(elements, out) {
      out.set(elements.subarray(0, out.length));
      return 0x7fffffff;
    },
  };
}
