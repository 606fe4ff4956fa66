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
import { LruMap } from '../common/lru-map.js';
import {
  cachedOutputSignature,
  DeclUsage,
  inputSignature,
  VertexShaderRunner,
  type ShaderConstants,
  type ShaderProgram,
  type SignatureEntry,
  type TextureSampler,
  type VertexShaderRunnerOptions,
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

const inputCache = new WeakMap<ShaderProgram, readonly SignatureEntry[]>();

/** The v0–v15 inputs a vertex program declares (worked out once per program: programs are immutable). */
function vertexInputs(program: ShaderProgram): readonly SignatureEntry[] {
  let found = inputCache.get(program);
  if (found === undefined) {
    found = inputSignature(program).filter((e) => e.file === 'input' && e.index < 16);
    inputCache.set(program, found);
  }
  return found;
}

/** The vertex runner of either mode (same `run`, `values`, `written`, `rebind`). */
type VertexRunner = VertexShaderRunner | CompiledVertexShaderRunner;

/** Programs whose runners one {@link VertexRunnerCache} keeps (per mode). */
export const VERTEX_RUNNER_CACHE_ENTRIES = 16;

/** A kept runner and the last stage made over it, with the declarations that stage binds. */
interface RunnerEntry {
  readonly runner: VertexRunner;
  stage: VertexStage | undefined;
  /** (usage, usage index) per declaration of `stage`. */
  decls: Int32Array;
}

function sameDecls(key: Int32Array, decls: readonly DeclSemantic[]): boolean {
  if (key.length !== decls.length * 2) return false;
  for (let i = 0; i < decls.length; i++) {
    const d = decls[i] as DeclSemantic;
    if (key[i * 2] !== d.usage || key[i * 2 + 1] !== d.usageIndex) return false;
  }
  return true;
}

function declKey(decls: readonly DeclSemantic[]): Int32Array {
  const key = new Int32Array(decls.length * 2);
  decls.forEach((d, i) => {
    key[i * 2] = d.usage;
    key[i * 2 + 1] = d.usageIndex;
  });
  return key;
}

/**
 * The vertex runners of one context's draws, kept between draws by program and run mode so a
 * draw rebinds a runner (its constants, sampler and sink) instead of building one with a new
 * register machine, and reuses the stage over it while the declarations' semantics are the same.
 * A rebound runner gives exactly what a new one gives (runner tests), and a stage holds nothing
 * of a draw but its scratch inputs (every bound register is written before each run), so the
 * cache only saves work. Bounded: least recently used programs are dropped past
 * {@link VERTEX_RUNNER_CACHE_ENTRIES}. One cache per context: nothing crosses contexts.
 */
export class VertexRunnerCache {
  private readonly entries = new LruMap<ShaderProgram, RunnerEntry>(VERTEX_RUNNER_CACHE_ENTRIES);
  private readonly mode: ShaderRunMode;

  constructor(mode: ShaderRunMode) {
    this.mode = mode;
  }

  private entry(program: ShaderProgram, options: VertexShaderRunnerOptions): RunnerEntry {
    const found = this.entries.get(program);
    if (found !== undefined) {
      found.runner.rebind(options);
      return found;
    }
    const made: RunnerEntry = { runner: newRunner(program, options, this.mode), stage: undefined, decls: new Int32Array(0) };
    this.entries.set(program, made);
    return made;
  }

  /** The runner of `program` bound to `options` (built on a miss). */
  runner(program: ShaderProgram, options: VertexShaderRunnerOptions): VertexRunner {
    return this.entry(program, options).runner;
  }

  /** The stage of `program` over `decls`, its runner bound to `options`. */
  stage(program: ShaderProgram, decls: readonly DeclSemantic[], options: VertexShaderRunnerOptions): VertexStage {
    const e = this.entry(program, options);
    if (e.stage !== undefined && sameDecls(e.decls, decls)) return e.stage;
    e.stage = programStage(program, decls, e.runner);
    e.decls = declKey(decls);
    return e.stage;
  }

  /** Programs cached now. */
  get size(): number {
    return this.entries.size;
  }
}

function newRunner(program: ShaderProgram, options: VertexShaderRunnerOptions, mode: ShaderRunMode): VertexRunner {
  return mode === 'reference' ? new VertexShaderRunner(program, options) : new CompiledVertexShaderRunner(program, options);
}

/**
 * A stage running vertex program `program` with `constants`, on the compiled runner by default or
 * the interpreter's in `reference` mode (bit-identical results). With `runners` (a context's
 * cache, of the same mode) the runner and stage are taken from it, rebound, instead of built.
 */
export function createProgramVertexStage(
  program: ShaderProgram,
  decls: readonly DeclSemantic[],
  constants: ShaderConstants,
  sampler: TextureSampler,
  diagnostics?: DiagnosticSink,
  shaderMode: ShaderRunMode = 'compiled',
  runners?: VertexRunnerCache,
): VertexStage {
  const runnerOptions: VertexShaderRunnerOptions = { constants, sampler, ...(diagnostics ? { diagnostics } : {}) };
  if (runners) return runners.stage(program, decls, runnerOptions);
  return programStage(program, decls, newRunner(program, runnerOptions, shaderMode));
}

/** The stage of `program` over `decls`, running on `runner`. */
function programStage(program: ShaderProgram, decls: readonly DeclSemantic[], runner: VertexRunner): VertexStage {
  const outputs = cachedOutputSignature(program).map((e) => ({ usage: e.usage, usageIndex: e.usageIndex }));
  // Input register ← declaration index; declarations the program does not read are not fetched
  // into it, inputs no declaration provides read as (0, 0, 0, 1).
  const bindings = vertexInputs(program);
  const registers = new Int32Array(bindings.length);
  const sources = new Int32Array(bindings.length);
  bindings.forEach((e, i) => {
    registers[i] = e.index * 4;
    sources[i] = decls.findIndex((d) => d.usage === e.usage && d.usageIndex === e.usageIndex) * 4;
  });
  const inputs = new Float32Array(64);
  const values = runner.values;
  const writtenFlags = runner.written;
  const n = Math.min(runner.signature.length, outputs.length);
  return {
    pretransformed: false,
    outputs,
    position: indexOf(outputs, DeclUsage.POSITION, 0),
    pointSize: indexOf(outputs, DeclUsage.PSIZE, 0),
    defaultFor: () => PROGRAM_DEFAULT,
    run(elements, out) {
      for (let b = 0; b < registers.length; b++) {
        const o = registers[b] as number;
        const from = sources[b] as number;
        if (from < 0) {
          inputs[o] = 0;
          inputs[o + 1] = 0;
          inputs[o + 2] = 0;
          inputs[o + 3] = 1;
        } else {
          inputs[o] = elements[from] as number;
          inputs[o + 1] = elements[from + 1] as number;
          inputs[o + 2] = elements[from + 2] as number;
          inputs[o + 3] = elements[from + 3] as number;
        }
      }
      if (runner.run(inputs) !== 'ok') return -1;
      let written = 0;
      for (let i = 0; i < n; i++) {
        const o = i * 4;
        out[o] = values[o] as number;
        out[o + 1] = values[o + 1] as number;
        out[o + 2] = values[o + 2] as number;
        out[o + 3] = values[o + 3] as number;
        if (writtenFlags[i] === 1 && i < 31) written |= 1 << i;
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
