/**
 * The fixed-function programs of `./fixed-function/` behind the draw's `FixedFunctionBuilder`
 * port: the vertex program is keyed on the declaration and the viewport height, the pixel program
 * on the shape of the texture bound to each of the eight stages.
 */
import { SVGA3dTextureStateName as TS } from '../svga3d-decoder/spec/enums-texture-state.js';
import type { FixedFunctionBuilder } from './draw.js';
import type { DrawSurfaces } from './draw-context.js';
import { buildFixedFunctionPixelProgram, buildFixedFunctionVertexProgram } from './fixed-function/index.js';

/** `SamplerTextureType` of a surface: 3 CUBE (six faces), 4 VOLUME (depth > 1), else 2 (2D). */
function textureType(surfaces: DrawSurfaces, sid: number): number | undefined {
  if (sid === 0xffffffff) return undefined;
  const surface = surfaces.get(sid);
  const image = surface?.image(0, 0);
  if (!surface || !image) return undefined;
  if (surface.faceCount === 6) return 3;
  return image.depth > 1 ? 4 : 2;
}

/** The pipeline's fixed-function programs. */
export const FIXED_FUNCTION_BUILDER: FixedFunctionBuilder = {
  vertex(context, elements, viewportHeight) {
    return buildFixedFunctionVertexProgram(context, { elements, viewportHeight });
  },
  pixel(context, surfaces, pretransformed) {
    const textures: (number | undefined)[] = [];
    for (let stage = 0; stage < 8; stage++) textures.push(textureType(surfaces, context.textureState(stage, TS.BIND_TEXTURE)));
    return buildFixedFunctionPixelProgram(context, { textures, pretransformed });
  },
};
