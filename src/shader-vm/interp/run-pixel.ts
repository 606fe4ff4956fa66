/**
 * Pixel shader entry point: one 2×2 quad per call, so derivatives (dsx / dsy, texture LOD) are
 * defined. Pixel p of the quad is lane p: 0 = (x, y), 1 = (x+1, y), 2 = (x, y+1), 3 = (x+1, y+1).
 *
 * All four lanes execute (uncovered pixels as helpers, so derivatives stay right); `activeMask`
 * only says which results matter. ps < 3.0 colour inputs are clamped to [0, 1], ps_3_0 inputs are
 * taken as given. ps_1_x output colour is r0; SM2+ writes oC0–oC3 and optionally oDepth. A failed
 * invocation (invalid program, budget, stack overflow) kills the whole quad.
 */

import type { DiagnosticSink } from '../../common/diagnostics.js';
import { diagnostic } from '../../common/diagnostics.js';
import type { ShaderProgram } from '../ir/ir.js';
import { saturateF } from '../ops/scalar.js';
import type { ExecContext, ExecStatus, InterpOptions, TextureStageState } from './exec-context.js';
import { resolveBudget } from './exec-context.js';
import { execute } from './execute.js';
import { InterpDiag } from './interp-diagnostics.js';
import { acquireMachine, Machine, releaseMachine } from './machine.js';
import type { PreparedShader } from './prepare.js';
import { prepareShader } from './prepare.js';
import type { ShaderConstants } from './shader-constants.js';
import { loadConstants } from './shader-constants.js';
import type { TextureSampler } from './texture-sampler.js';
import { UNBOUND_SAMPLER } from './texture-sampler.js';

/** Input registers per pixel in `PixelQuadInput.v`. */
export const PIXEL_INPUT_REGISTERS = 16;
/** Texture coordinate sets per pixel in `PixelQuadInput.t`. */
export const PIXEL_TEXCOORD_SETS = 8;

/** What a quad invocation reads. */
export interface PixelQuadInput {
  /**
   * v# per pixel, pixel p register r at (p·16 + r)·4 (256 values). ps < 3.0: v0 = COLOR0,
   * v1 = COLOR1; ps_3_0: v0–v9 as declared (see `inputSignature`).
   */
  readonly v?: Float32Array;
  /** Texture coordinates t0–t7 per pixel (ps < 3.0), set s of pixel p at (p·8 + s)·4 (128 values). */
  readonly t?: Float32Array;
  /** vPos per pixel (ps_3_0): D3D9 integer pixel coordinates, pixel p at 2p (8 values). */
  readonly vPos?: Float32Array;
  /**
   * vFace (ps_3_0): positive for front faces, negative for back faces; one value for the quad (all
   * its pixels come from one primitive) or one per pixel. Default +1.
   */
  readonly vFace?: number | ArrayLike<number>;
  readonly constants: ShaderConstants;
  readonly sampler?: TextureSampler;
  /** ps_1_x bump-environment matrices and projected stages. */
  readonly stages?: TextureStageState;
  /** Covered pixels (bit p = pixel p); default all four. */
  readonly activeMask?: number;
  readonly options?: InterpOptions;
  readonly diagnostics?: DiagnosticSink;
}

/** Result of `runPixelQuad`. */
export interface PixelQuadResult {
  readonly status: ExecStatus;
  readonly executed: number;
  /** oC0–oC3 per pixel: target t, pixel p at (t·4 + p)·4 (64 values). */
  readonly colors: Float32Array;
  /** Render targets written (bit t = oC#t); ps_1_x reports bit 0 (r0). */
  readonly colorsWritten: number;
  /** Per-pixel depth when the shader writes it (oDepth, texdepth, texm3x2depth). */
  readonly depth?: Float32Array;
  /** Pixels discarded by texkill (or all four when the invocation failed). */
  readonly killed: number;
  /** `activeMask & ~killed`: pixels whose results go on to the output merger. */
  readonly live: number;
}

/** Runs a pixel shader over one 2×2 quad. Never throws. */
export function runPixelQuad(program: ShaderProgram, input: PixelQuadInput): PixelQuadResult {
  const sink = input.diagnostics;
  const active = (input.activeMask ?? 0xf) & 0xf;
  if (program.version.type !== 'ps') {
    sink?.report(diagnostic(InterpDiag.WRONG_SHADER_TYPE, 'runPixelQuad was given a vertex shader'));
    return failedResult('invalid', 0);
  }
  const prepared = prepareShader(program, sink);
  const m = acquireMachine(4, program.version);
  try {
    loadQuadInputs(m, input.v, input.t, input.vPos, input.vFace);
    loadConstants(m, prepared, input.constants);
    const result = execute({
      prepared,
      m,
      legacy: input.options?.legacyZeroMul ?? true,
      budget: resolveBudget(input.options),
      sampler: input.sampler ?? UNBOUND_SAMPLER,
      stages: input.stages ?? {},
      sink,
    });
    if (result.status !== 'ok') return failedResult(result.status, result.executed);
    const colors = new Float32Array(64);
    const colorsWritten = collectColors(m, colors);
    const killed = m.killed & 0xf;
    const base = { status: result.status, executed: result.executed, colors, colorsWritten, killed, live: active & ~killed };
    if (!prepared.writesDepth) return base;
    const depth = new Float32Array(4);
    collectDepth(m, depth);
    return { ...base, depth };
  } finally {
    releaseMachine(m);
  }
}

function failedResult(status: ExecStatus, executed: number): PixelQuadResult {
  return { status, executed, colors: new Float32Array(64), colorsWritten: 0, killed: 0xf, live: 0 };
}

/**
 * Places a quad's v#, t#, vPos and vFace in the registers of a cleared 4-lane machine (the
 * layouts of `PixelQuadInput`; missing values read as 0, vFace as +1).
 */
function loadQuadInputs(
  m: Machine,
  v: Float32Array | undefined,
  t: Float32Array | undefined,
  vPos: Float32Array | undefined,
  vFace: number | ArrayLike<number> | undefined,
): void {
  const sm3 = m.version.major >= 3;
  const vin = m.files.get('input') as Float32Array;
  const tex = m.files.get('texture') as Float32Array;
  const misc = m.files.get('misc') as Float32Array;
  // Register r, lane p of a 4-lane file sits at (r·4 + p)·4.
  if (v && v.length >= PIXEL_INPUT_REGISTERS * 16) {
    // The whole layout is present: no per-element bound check.
    for (let p = 0; p < 4; p++) {
      for (let r = 0; r < PIXEL_INPUT_REGISTERS; r++) {
        const o = (r * 4 + p) * 4;
        const src = (p * PIXEL_INPUT_REGISTERS + r) * 4;
        const x = v[src] as number;
        const y = v[src + 1] as number;
        const z = v[src + 2] as number;
        const w = v[src + 3] as number;
        vin[o] = sm3 ? x : saturateF(x);
        vin[o + 1] = sm3 ? y : saturateF(y);
        vin[o + 2] = sm3 ? z : saturateF(z);
        vin[o + 3] = sm3 ? w : saturateF(w);
      }
    }
  } else if (v) {
    for (let p = 0; p < 4; p++) {
      for (let r = 0; r < PIXEL_INPUT_REGISTERS; r++) {
        const o = (r * 4 + p) * 4;
        const src = (p * PIXEL_INPUT_REGISTERS + r) * 4;
        for (let i = 0; i < 4; i++) {
          // A short array reads as zeros past its end.
          const x = src + i < v.length ? (v[src + i] as number) : 0;
          vin[o + i] = sm3 ? x : saturateF(x);
        }
      }
    }
  }
  if (t && !sm3) {
    const texcoords = m.texcoords;
    for (let p = 0; p < 4; p++) {
      for (let s = 0; s < PIXEL_TEXCOORD_SETS; s++) {
        const o = (s * 4 + p) * 4;
        const src = (p * PIXEL_TEXCOORD_SETS + s) * 4;
        for (let i = 0; i < 4; i++) {
          const x = src + i < t.length ? (t[src + i] as number) : 0;
          tex[o + i] = x;
          texcoords[o + i] = x;
        }
      }
    }
  }
  if (sm3) {
    for (let p = 0; p < 4; p++) {
      const o = p * 4;
      misc[o] = (vPos?.[2 * p] as number | undefined) ?? 0;
      misc[o + 1] = (vPos?.[2 * p + 1] as number | undefined) ?? 0;
      misc[o + 3] = 1;
      const f = typeof vFace === 'number' ? vFace : ((vFace?.[p] as number | undefined) ?? 1);
      const face = (4 + p) * 4; // misc register 1, lane p
      misc[face] = f;
      misc[face + 1] = f;
      misc[face + 2] = f;
      misc[face + 3] = f;
    }
  }
}

/** Copies the colour results into `colors` (target t, pixel p at (t·4 + p)·4); returns the targets written. */
function collectColors(m: Machine, colors: Float32Array): number {
  if (m.version.major === 1) {
    // ps_1_x: the colour is r0, lane p at p·4.
    const r0 = m.files.get('temp') as Float32Array;
    for (let i = 0; i < 16; i++) colors[i] = r0[i] as number;
    colors.fill(0, 16);
    return 1;
  }
  // colorout register t, lane p is at (t·4 + p)·4: the same layout as `colors`.
  colors.set((m.files.get('colorout') as Float32Array).subarray(0, 64));
  return (m.written.get('colorout') ?? 0) & 0xf;
}

/** Copies oDepth per pixel into `depth`. */
function collectDepth(m: Machine, depth: Float32Array): void {
  const d = m.files.get('depthout') as Float32Array;
  for (let p = 0; p < 4; p++) depth[p] = d[p * 4] as number;
}

/** What {@link PixelQuadRunner} runs with for a whole draw. */
export interface PixelQuadRunnerOptions {
  /** Read once, when the runner is made: later changes to the arrays are not seen. */
  readonly constants: ShaderConstants;
  readonly sampler?: TextureSampler;
  readonly stages?: TextureStageState;
  readonly options?: InterpOptions;
  readonly diagnostics?: DiagnosticSink;
}

/** The result of {@link PixelQuadRunner.run}: the runner's own buffers, overwritten by the next run. */
export interface PixelQuadRun {
  status: ExecStatus;
  executed: number;
  /** oC0–oC3 per pixel, as `PixelQuadResult.colors`. */
  readonly colors: Float32Array;
  colorsWritten: number;
  /** oDepth per pixel, meaningful when `depthWritten`. */
  readonly depth: Float32Array;
  /** Whether the program writes depth (and the invocation succeeded): `PixelQuadResult.depth` is present. */
  depthWritten: boolean;
  killed: number;
  live: number;
}

/**
 * `runPixelQuad` for many quads of one draw: the program is prepared, the machine made and the
 * constants loaded once, and results land in reused buffers, so a quad allocates nothing. Every
 * run gives exactly what `runPixelQuad` gives for the same program, constants and quad
 * (differential test).
 */
export class PixelQuadRunner {
  /** The latest run's results. */
  readonly result: PixelQuadRun = {
    status: 'ok',
    executed: 0,
    colors: new Float32Array(64),
    colorsWritten: 0,
    depth: new Float32Array(4),
    depthWritten: false,
    killed: 0,
    live: 0,
  };
  private readonly program: ShaderProgram;
  private readonly prepared: PreparedShader | undefined;
  private readonly options: PixelQuadRunnerOptions;
  private readonly sink: DiagnosticSink | undefined;
  private readonly m: Machine | undefined;
  private readonly ctx: ExecContext | undefined;

  constructor(program: ShaderProgram, options: PixelQuadRunnerOptions) {
    this.program = program;
    this.options = options;
    this.sink = options.diagnostics;
    if (program.version.type !== 'ps') return;
    const prepared = prepareShader(program, this.sink);
    const m = new Machine(4, program.version);
    loadConstants(m, prepared, options.constants);
    this.prepared = prepared;
    this.m = m;
    this.ctx = {
      prepared,
      m,
      legacy: options.options?.legacyZeroMul ?? true,
      budget: resolveBudget(options.options),
      sampler: options.sampler ?? UNBOUND_SAMPLER,
      stages: options.stages ?? {},
      sink: this.sink,
    };
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
    const out = this.result;
    const { m, ctx, prepared } = this;
    if (m === undefined || ctx === undefined || prepared === undefined) {
      this.sink?.report(diagnostic(InterpDiag.WRONG_SHADER_TYPE, 'runPixelQuad was given a vertex shader'));
      return this.fail('invalid', 0);
    }
    if (m.busy) {
      // Re-entered (a sampler shading with this very runner): take the one-shot path.
      return this.copy(runPixelQuad(this.program, oneShotPixelInput(this.options, v, t, vPos, vFace, activeMask)));
    }
    m.busy = true;
    try {
      m.reset();
      loadQuadInputs(m, v, t, vPos, vFace);
      const result = execute(ctx);
      if (result.status !== 'ok') return this.fail(result.status, result.executed);
      out.status = result.status;
      out.executed = result.executed;
      out.colorsWritten = collectColors(m, out.colors);
      out.killed = m.killed & 0xf;
      out.live = activeMask & 0xf & ~out.killed;
      out.depthWritten = prepared.writesDepth;
      if (prepared.writesDepth) collectDepth(m, out.depth);
      else out.depth.fill(0);
      return out;
    } finally {
      m.busy = false;
    }
  }

  private fail(status: ExecStatus, executed: number): PixelQuadRun {
    return failedPixelRun(this.result, status, executed);
  }

  private copy(r: PixelQuadResult): PixelQuadRun {
    return copyPixelResult(this.result, r);
  }
}

/**
 * A runner's quad as the one-shot entry points take it (a re-entered runner, whose machine is
 * busy, shades through them): the runner's options plus this quad's inputs.
 */
export function oneShotPixelInput(
  options: PixelQuadRunnerOptions,
  v: Float32Array | undefined,
  t: Float32Array | undefined,
  vPos: Float32Array | undefined,
  vFace: number | ArrayLike<number> | undefined,
  activeMask: number,
): PixelQuadInput {
  return {
    ...options,
    activeMask,
    ...(v ? { v } : {}),
    ...(t ? { t } : {}),
    ...(vPos ? { vPos } : {}),
    ...(vFace !== undefined ? { vFace } : {}),
  };
}

/**
 * A failed quad as every pixel runner reports it: the whole quad killed, nothing written. Shared by
 * the interpreter's and the compiled runners so the two cannot disagree.
 */
export function failedPixelRun(out: PixelQuadRun, status: ExecStatus, executed: number): PixelQuadRun {
  out.status = status;
  out.executed = executed;
  out.colors.fill(0);
  out.colorsWritten = 0;
  out.depth.fill(0);
  out.depthWritten = false;
  out.killed = 0xf;
  out.live = 0;
  return out;
}

/** A one-shot `PixelQuadResult` copied into a runner's reused result (re-entrant and fallback runs). */
export function copyPixelResult(out: PixelQuadRun, r: PixelQuadResult): PixelQuadRun {
  out.status = r.status;
  out.executed = r.executed;
  out.colors.set(r.colors);
  out.colorsWritten = r.colorsWritten;
  out.depthWritten = r.depth !== undefined;
  if (r.depth) out.depth.set(r.depth);
  else out.depth.fill(0);
  out.killed = r.killed;
  out.live = r.live;
  return out;
}
