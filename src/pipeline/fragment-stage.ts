/**
 * The raster's `FragmentStage` on the shader VM: each 2×2 quad's interpolated varyings are
 * placed in the pixel shader's v#/t# registers (by the linkage), vPos and vFace are passed
 * through, and a per-draw quad runner shades all four lanes (helpers included, for derivatives):
 * the compiled `CompiledPixelQuadRunner` by default, the interpreter's `PixelQuadRunner` in
 * `reference` mode (bit-identical results; the interpreter is the specification).
 */
import type { DiagnosticSink } from '../common/diagnostics.js';
import type { FragmentOutput, FragmentQuad, FragmentStage } from '../raster/raster-interfaces.js';
import {
  PIXEL_INPUT_REGISTERS,
  PIXEL_TEXCOORD_SETS,
  PixelQuadRunner,
  type ShaderConstants,
  type ShaderProgram,
  type TextureSampler,
  type TextureStageState,
} from '../shader-vm/index.js';
import { CompiledPixelQuadRunner, type ShaderRunMode } from '../shader-vm/jit/index.js';
import type { PixelInputTarget } from './shader-linkage.js';

/** What a shader fragment stage runs with. */
export interface ShaderFragmentOptions {
  readonly program: ShaderProgram;
  readonly constants: ShaderConstants;
  readonly sampler: TextureSampler;
  /** Per varying of the layout: the register it feeds (undefined: not a shader input). */
  readonly targets: readonly (PixelInputTarget | undefined)[];
  /** ps_1_x texture-stage state (bump environment, projected stages). */
  readonly stages?: TextureStageState | undefined;
  readonly diagnostics?: DiagnosticSink | undefined;
  /** Which runner shades: `compiled` (default) or the `reference` interpreter. */
  readonly shaderMode?: ShaderRunMode | undefined;
}

/** A fragment stage running pixel program `options.program` per quad. */
export function createShaderFragmentStage(options: ShaderFragmentOptions): FragmentStage {
  const { program, constants, sampler, targets } = options;
  const v = new Float32Array(4 * PIXEL_INPUT_REGISTERS * 4);
  const t = new Float32Array(4 * PIXEL_TEXCOORD_SETS * 4);
  const runnerOptions = {
    constants,
    sampler,
    ...(options.stages ? { stages: options.stages } : {}),
    ...(options.diagnostics ? { diagnostics: options.diagnostics } : {}),
  };
  const runner =
    options.shaderMode === 'reference' ? new PixelQuadRunner(program, runnerOptions) : new CompiledPixelQuadRunner(program, runnerOptions);
  return {
    shadeQuad(quad: FragmentQuad, out: FragmentOutput): void {
      const n = quad.varyingCount;
      const src = quad.varyings;
      for (let slot = 0; slot < n && slot < targets.length; slot++) {
        const target = targets[slot];
        if (!target) continue;
        const texture = target.file === 'texture';
        if (texture ? target.index >= PIXEL_TEXCOORD_SETS : target.index >= PIXEL_INPUT_REGISTERS) continue;
        for (let p = 0; p < 4; p++) {
          const from = (p * n + slot) * 4;
          const to = texture ? (p * PIXEL_TEXCOORD_SETS + target.index) * 4 : (p * PIXEL_INPUT_REGISTERS + target.index) * 4;
          const dst = texture ? t : v;
          dst[to] = src[from] ?? 0;
          dst[to + 1] = src[from + 1] ?? 0;
          dst[to + 2] = src[from + 2] ?? 0;
          dst[to + 3] = src[from + 3] ?? 0;
        }
      }
      const result = runner.run(v, t, quad.vPos, quad.vFace, quad.mask);
      out.colors.set(result.colors);
      out.colorsWritten = result.colorsWritten;
      out.killed = result.killed;
      if (result.depthWritten) {
        out.depth.set(result.depth);
        out.depthWritten = true;
      } else out.depthWritten = false;
    },
  };
}
