/**
 * The fixed-function pipeline as generated shader programs: from a key of the D3D9-style
 * fixed-function state, a `vs_2_x` vertex program (transform, vertex blending, lighting, texture
 * coordinates, vertex fog, point size) and a `ps_2_x` pixel program (the texture-stage cascade),
 * which the draw path runs in the shader VM like any guest shader.
 */
export {
  buildFixedFunctionVertexProgram,
  buildFixedFunctionPixelProgram,
  fixedFunctionCacheStats,
  clearFixedFunctionCaches,
  dumpFixedFunctionProgram,
  FIXED_FUNCTION_CACHE_CAPACITY,
} from './fixed-function.js';
export type { FixedFunctionProgram } from './fixed-function.js';
export type { FixedFunctionContext } from './ff-context.js';
export type { FixedFunctionVertexElement, FixedFunctionVertexInputs, VertexKey } from './vertex-key.js';
export type { FixedFunctionPixelInputs, PixelKey, TextureShape } from './pixel-key.js';
export { fixedFunctionTextureTypes } from './pixel-key.js';
export type { CacheStats } from './program-cache.js';
export { ProgramCache } from './program-cache.js';
export { VI as FIXED_FUNCTION_VERTEX_INPUTS } from './vertex-lighting.js';
