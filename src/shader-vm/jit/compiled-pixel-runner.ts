/**
 * The interpreter's `PixelQuadRunner` on the compiled path: the same constructor options, `run`
 * signature and reused result object, with the program's generated function (from the shader
 * cache) as the instruction loop. The machine is the runner's own, constants are loaded once, and
 * a run clears only the registers the program's plan can read. Programs the compiler does not take
 * run on an interpreter `PixelQuadRunner`, every run counted in the cache's `fallbackRuns`.
 */

import type { DiagnosticSink } from '../../common/diagnostics.js';
import type { RegisterFile, ShaderProgram } from '../ir/ir.js';
import type { ExecStatus, TextureStageState } from '../interp/exec-context.js';
import { Machine } from '../interp/machine.js';
import type { PreparedShader } from '../interp/prepare.js';
import { prepareShader } from '../interp/prepare.js';
import type { PixelQuadRun, PixelQuadRunnerOptions } from '../interp/run-pixel.js';
import { copyPixelResult, failedPixelRun, oneShotPixelInput, PIXEL_INPUT_REGISTERS, PIXEL_TEXCOORD_SETS, PixelQuadRunner } from '../interp/run-pixel.js';
import { saturateF } from '../ops/scalar.js';
import type { TextureSampler } from '../interp/texture-sampler.js';
import { UNBOUND_SAMPLER } from '../interp/texture-sampler.js';
import type { CompiledShader } from './compile-shader.js';
import { loadPlannedConstants } from './load-constants.js';
import { pixelClearSpans } from './pixel-clear-spans.js';
import { compiledCall, runCall, loadPixelInputs, runPixelQuadCompiled } from './run-compiled.js';
import type { JitCall } from './jit-runtime.js';
import type { ShaderCache } from './shader-cache.js';
import { defaultShaderCache } from './shader-cache.js';

function zeroFlags(_bits: number, file: RegisterFile, flags: Map<RegisterFile, number>): void {
  flags.set(file, 0);
}

/**
 * `PixelQuadRunner` through generated code: every run gives exactly what the interpreter's runner
 * gives for the same program, options and quad (differential test), and allocates no result.
 */
export class CompiledPixelQuadRunner {
  /** The latest run's results (the interpreter fallback's own object when the program is not compiled). */
  readonly result: PixelQuadRun;
  private readonly program: ShaderProgram;
  private readonly options: PixelQuadRunnerOptions;
  private readonly cache: ShaderCache;
  private readonly sink: DiagnosticSink | undefined;
  private readonly sampler: TextureSampler;
  private readonly stages: TextureStageState;
  private readonly compiled: (CompiledShader & { ok: true }) | undefined;
  private readonly prepared: PreparedShader | undefined;
  private readonly m: Machine | undefined;
  /** The generated function's argument, made once (its outputs are reset by every run). */
  private readonly rt: JitCall | undefined;
  /** The interpreter runner of a program left to it (or not a pixel shader). */
  private readonly fallback: PixelQuadRunner | undefined;
  /** Whether fallback runs count in `fallbackRuns` (a vertex shader is refused, not run). */
  private readonly countFallback: boolean;
  /** The registers a run must find zero (`pixelClearSpans`), as views made once. */
  private readonly clearSpans: readonly Float32Array[] = [];
  /** v# and t# the program reads (the plan's lists), and the files they are loaded into. */
  private readonly inputRegs: Int32Array = new Int32Array(0);
  private readonly textureRegs: Int32Array = new Int32Array(0);
  private readonly inputFile: Float32Array | undefined;
  private readonly textureFile: Float32Array | undefined;
  private readonly miscFile: Float32Array | undefined;
  /** The registers `collect` reads back (r0 for ps_1_x, oC0–oC3 otherwise; oDepth), as views made once. */
  private readonly colorSource: Float32Array | undefined;
  private readonly depthSource: Float32Array | undefined;

  constructor(program: ShaderProgram, options: PixelQuadRunnerOptions, cache: ShaderCache = defaultShaderCache) {
    this.program = program;
    this.options = options;
    this.cache = cache;
    this.sink = options.diagnostics;
    this.sampler = options.sampler ?? UNBOUND_SAMPLER;
    this.stages = options.stages ?? {};
    const isPixel = program.version.type === 'ps';
    const prepared = isPixel ? prepareShader(program, this.sink) : undefined;
    const entry = prepared?.ok ? cache.get(program) : undefined;
    if (prepared === undefined || entry === undefined || !entry.ok) {
      // The interpreter runner reports a wrong shader type itself, per run, as runPixelQuad does.
      this.fallback = new PixelQuadRunner(program, options);
      this.countFallback = isPixel;
      this.result = this.fallback.result;
      return;
    }
    this.countFallback = false;
    this.compiled = entry;
    this.prepared = prepared;
    const m = new Machine(4, program.version);
    loadPlannedConstants(m, prepared, options.constants, entry.plan.constants);
    this.m = m;
    this.clearSpans = pixelClearSpans(prepared, m);
    this.inputRegs = Int32Array.from(entry.plan.inputs);
    this.textureRegs = Int32Array.from(entry.plan.textures);
    this.inputFile = m.files.get('input');
    this.textureFile = m.files.get('texture');
    this.miscFile = m.files.get('misc');
    const colors = m.files.get(m.version.major === 1 ? 'temp' : 'colorout') as Float32Array;
    this.colorSource = colors.subarray(0, m.version.major === 1 ? 16 : 64);
    this.depthSource = m.files.get('depthout') as Float32Array;
    this.rt = compiledCall(entry, m, options.options, this.sampler, this.stages, this.sink);
    this.result = {
      status: 'ok',
      executed: 0,
      colors: new Float32Array(64),
      colorsWritten: 0,
      depth: new Float32Array(4),
      depthWritten: false,
      killed: 0,
      live: 0,
    };
  }

  /** Whether runs go through generated code (false: the interpreter runs them). */
  get isCompiled(): boolean {
    return this.compiled !== undefined;
  }

  /**
   * Shades one quad (inputs laid out as in `PixelQuadInput`; `activeMask` default all four).
   * Never throws.
   */
  run(
    v: Float32Array | undefined,
    t: Float32Array | undefined,
    vPos: Float32Array | undefined,
    vFace: number | ArrayLike<number> | undefined,
    activeMask = 0xf,
  ): PixelQuadRun {
    const { m, compiled, prepared, fallback } = this;
    if (m === undefined || compiled === undefined || prepared === undefined) {
      if (this.countFallback) this.cache.stats.fallbackRuns++;
      return (fallback as PixelQuadRunner).run(v, t, vPos, vFace, activeMask);
    }
    if (m.busy) {
      // Re-entered (a sampler shading with this very runner): the one-shot compiled path.
      const input = oneShotPixelInput(this.options, v, t, vPos, vFace, activeMask);
      return copyPixelResult(this.result, runPixelQuadCompiled(this.program, input, this.cache));
    }
    m.busy = true;
    try {
      this.clear(m);
      if (!this.loadFullInputs(m, v, t, vPos, vFace)) loadPixelInputs(m, v, t, vPos, vFace, compiled.plan);
      const r = runCall(compiled, this.rt as JitCall, this.sink);
      if (r.status !== 'ok') return this.fail(r.status, r.executed);
      return this.collect(m, prepared, activeMask, r.executed);
    } finally {
      m.busy = false;
    }
  }

  /**
   * `loadPixelInputs` for full-size inputs (every v# and t# present, as the pipeline passes them):
   * the same stores without per-component fallbacks or per-run file lookups. Returns false,
   * having loaded nothing, for anything else (short or absent arrays, ps_1_x coordinates read by
   * texture instructions), which `loadPixelInputs` then handles.
   */
  private loadFullInputs(
    m: Machine,
    v: Float32Array | undefined,
    t: Float32Array | undefined,
    vPos: Float32Array | undefined,
    vFace: number | ArrayLike<number> | undefined,
  ): boolean {
    const sm3 = m.version.major >= 3;
    const inputs = this.inputRegs;
    const textures = this.textureRegs;
    const vin = this.inputFile;
    const tex = this.textureFile;
    const misc = this.miscFile;
    if (vin === undefined || tex === undefined || misc === undefined) return false;
    if (v === undefined || v.length < 4 * PIXEL_INPUT_REGISTERS * 4) return false;
    if ((this.compiled as CompiledShader & { ok: true }).plan.texcoords) return false;
    if (!sm3 && textures.length !== 0 && (t === undefined || t.length < 4 * PIXEL_TEXCOORD_SETS * 4)) return false;
    if (sm3 && (vPos === undefined || vPos.length < 8 || (typeof vFace !== 'number' && (vFace === undefined || vFace.length < 4)))) return false;
    for (let p = 0; p < 4; p++) {
      for (let j = 0; j < inputs.length; j++) {
        const r = inputs[j] as number;
        const o = (r * 4 + p) * 4;
        const src = (p * PIXEL_INPUT_REGISTERS + r) * 4;
        for (let i = 0; i < 4; i++) {
          const x = v[src + i] as number;
          vin[o + i] = sm3 ? x : saturateF(x);
        }
      }
      if (sm3) {
        const o = p * 4;
        misc[o] = (vPos as Float32Array)[2 * p] as number;
        misc[o + 1] = (vPos as Float32Array)[2 * p + 1] as number;
        misc[o + 3] = 1;
        const face = typeof vFace === 'number' ? vFace : (((vFace as ArrayLike<number>)[p] as number | undefined) ?? 1);
        const fo = (4 + p) * 4;
        misc[fo] = face;
        misc[fo + 1] = face;
        misc[fo + 2] = face;
        misc[fo + 3] = face;
      } else if (t !== undefined) {
        for (let j = 0; j < textures.length; j++) {
          const s = textures[j] as number;
          const o = (s * 4 + p) * 4;
          const src = (p * PIXEL_TEXCOORD_SETS + s) * 4;
          for (let i = 0; i < 4; i++) tex[o + i] = t[src + i] as number;
        }
      }
    }
    return true;
  }

  /**
   * What `clearForRun` does for a pooled machine, limited to the registers this program can
   * read before writing (the machine is this runner's alone; see `pixelClearSpans`).
   */
  private clear(m: Machine): void {
    const spans = this.clearSpans;
    // Plain loops: the spans are a few dozen floats, where `fill`'s call costs more than the stores.
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i] as Float32Array;
      for (let j = 0; j < span.length; j++) span[j] = 0;
    }
    // Zeroing the flags instead of `clear()` keeps the map's storage (every reader treats a
    // missing file as 0, so both mean "nothing written").
    if (m.written.size !== 0) m.written.forEach(zeroFlags);
    if (m.padCount !== 0 || m.version.major === 1) m.pad.fill(0);
    m.padCount = 0;
    m.aL = 0;
    m.killed = 0;
  }

  /** Colours (r0 for ps_1_x, oC0–oC3 otherwise), kill mask and depth into the result, as the interpreter runner reports them. */
  private collect(m: Machine, prepared: PreparedShader, activeMask: number, executed: number): PixelQuadRun {
    const out = this.result;
    out.status = 'ok';
    out.executed = executed;
    // The machine keeps register r, pixel p at (r·4 + p)·4: the result's layout for oC0–oC3 and r0.
    out.colors.set(this.colorSource as Float32Array);
    if (m.version.major === 1) {
      out.colors.fill(0, 16);
      out.colorsWritten = 1;
    } else {
      out.colorsWritten = (m.written.get('colorout') ?? 0) & 0xf;
    }
    out.killed = m.killed & 0xf;
    out.live = activeMask & 0xf & ~out.killed;
    out.depthWritten = prepared.writesDepth;
    if (prepared.writesDepth) {
      const d = this.depthSource as Float32Array;
      for (let p = 0; p < 4; p++) out.depth[p] = d[p * 4] as number;
    } else out.depth.fill(0);
    return out;
  }

  private fail(status: ExecStatus, executed: number): PixelQuadRun {
    return failedPixelRun(this.result, status, executed);
  }
}
