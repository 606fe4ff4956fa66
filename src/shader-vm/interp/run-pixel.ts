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
import type { ExecStatus, InterpOptions, TextureStageState } from './exec-context.js';
import { resolveBudget } from './exec-context.js';
import { execute } from './execute.js';
import { InterpDiag } from './interp-diagnostics.js';
import type { Machine } from './machine.js';
import { acquireMachine, releaseMachine } from './machine.js';
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
  const failed = (status: ExecStatus, executed: number): PixelQuadResult => ({
    status, executed, colors: new Float32Array(64), colorsWritten: 0, killed: 0xf, live: 0,
  });
  if (program.version.type !== 'ps') {
    sink?.report(diagnostic(InterpDiag.WRONG_SHADER_TYPE, 'runPixelQuad was given a vertex shader'));
    return failed('invalid', 0);
  }
  const prepared = prepareShader(program, sink);
  const m = acquireMachine(4, program.version);
  try {
    return runOn(m, prepared, input, active, failed);
  } finally {
    releaseMachine(m);
  }
}

/** The body of `runPixelQuad` on a cleared machine. */
function runOn(
  m: Machine,
  prepared: PreparedShader,
  input: PixelQuadInput,
  active: number,
  failed: (status: ExecStatus, executed: number) => PixelQuadResult,
): PixelQuadResult {
  const version = prepared.program.version;
  const sink = input.diagnostics;
  const sm3 = version.major >= 3;
  const v = input.v;
  const t = input.t;
  const vin = m.files.get('input') as Float32Array;
  const tex = m.files.get('texture') as Float32Array;
  const misc = m.files.get('misc') as Float32Array;
  for (let p = 0; p < 4; p++) {
    if (v) {
      for (let r = 0; r < PIXEL_INPUT_REGISTERS; r++) {
        const o = m.offset(r, p);
        const src = (p * PIXEL_INPUT_REGISTERS + r) * 4;
        for (let i = 0; i < 4; i++) {
          const x = (v[src + i] as number | undefined) ?? 0;
          vin[o + i] = sm3 ? x : saturateF(x);
        }
      }
    }
    if (t && !sm3) {
      for (let s = 0; s < PIXEL_TEXCOORD_SETS; s++) {
        const o = m.offset(s, p);
        const src = (p * PIXEL_TEXCOORD_SETS + s) * 4;
        for (let i = 0; i < 4; i++) {
          const x = (t[src + i] as number | undefined) ?? 0;
          tex[o + i] = x;
          m.texcoords[o + i] = x;
        }
      }
    }
    if (sm3) {
      const o = m.offset(0, p);
      misc[o] = (input.vPos?.[2 * p] as number | undefined) ?? 0;
      misc[o + 1] = (input.vPos?.[2 * p + 1] as number | undefined) ?? 0;
      misc[o + 3] = 1;
      const face = input.vFace;
      const f = typeof face === 'number' ? face : ((face?.[p] as number | undefined) ?? 1);
      misc.fill(f, m.offset(1, p), m.offset(1, p) + 4);
    }
  }
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
  if (result.status !== 'ok') return failed(result.status, result.executed);

  const colors = new Float32Array(64);
  let colorsWritten: number;
  if (version.major === 1) {
    const r0 = m.files.get('temp') as Float32Array;
    for (let p = 0; p < 4; p++) for (let i = 0; i < 4; i++) colors[p * 4 + i] = r0[m.offset(0, p) + i] as number;
    colorsWritten = 1;
  } else {
    colorsWritten = (m.written.get('colorout') ?? 0) & 0xf;
    const oc = m.files.get('colorout') as Float32Array;
    for (let target = 0; target < 4; target++) {
      for (let p = 0; p < 4; p++) {
        for (let i = 0; i < 4; i++) colors[(target * 4 + p) * 4 + i] = oc[m.offset(target, p) + i] as number;
      }
    }
  }
  const killed = m.killed & 0xf;
  const base = { status: result.status, executed: result.executed, colors, colorsWritten, killed, live: active & ~killed };
  if (!prepared.writesDepth) return base;
  const depth = new Float32Array(4);
  for (let p = 0; p < 4; p++) depth[p] = m.vector('depthout', 0, p)[0] as number;
  return { ...base, depth };
}
