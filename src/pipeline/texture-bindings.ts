/**
 * The texture unit of a draw: the raster's `createTextureSampler` over the context's bound
 * textures and texture-stage states. Pixel sampler s# (and ps_1_x stage #) is texture stage #;
 * vs_3_0 sampler s0–s3 is stage 17–20, the vertex-texture slots VirtualBox's D3D backend uses
 * (svga3d-protocol.md §4.4). The shader's sampler DCL gives each sampler its shape.
 */
import { createTextureSampler, samplerStateFromWords, type SamplerBinding } from '../raster/sampling/index.js';
import { prepareShader, type ShaderProgram, type TextureSampler } from '../shader-vm/index.js';
import { SVGA3dTextureStateName as TS } from '../svga3d-decoder/spec/enums-texture-state.js';
import type { DrawContext, DrawSurfaces } from './draw-context.js';

/** Pixel samplers (s0–s15) and vertex samplers (s0–s3) of SVGA3D. */
const PIXEL_SAMPLERS = 16;
const VERTEX_SAMPLERS = 4;
/** First texture stage of the vertex samplers. */
export const VERTEX_SAMPLER_STAGE = 17;

/** The sampler bindings of `program` (samplers it does not declare sample as 2D). */
export function samplerBindings(
  context: DrawContext,
  surfaces: DrawSurfaces,
  program: ShaderProgram | undefined,
  stage: 'vertex' | 'pixel',
): (SamplerBinding | undefined)[] {
  const types = program ? prepareShader(program).samplerTypes : undefined;
  const count = stage === 'pixel' ? PIXEL_SAMPLERS : VERTEX_SAMPLERS;
  const first = stage === 'pixel' ? 0 : VERTEX_SAMPLER_STAGE;
  const bindings: (SamplerBinding | undefined)[] = [];
  for (let s = 0; s < count; s++) {
    const unit = first + s;
    const sid = context.textureState(unit, TS.BIND_TEXTURE);
    const surface = sid === 0xffffffff ? undefined : surfaces.get(sid);
    if (!surface) {
      bindings.push(undefined);
      continue;
    }
    const state = samplerStateFromWords((name) => context.textureState(unit, name), types?.[s] ?? 0);
    bindings.push({ surface, state });
  }
  return bindings;
}

/** The texture sampler of one stage of a draw. */
export function createDrawSampler(
  context: DrawContext,
  surfaces: DrawSurfaces,
  program: ShaderProgram | undefined,
  stage: 'vertex' | 'pixel',
): TextureSampler {
  return createTextureSampler(samplerBindings(context, surfaces, program, stage));
}
