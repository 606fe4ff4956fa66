/**
 * Textures and samplers: the rasteriser's texture unit. `createTextureSampler` implements the
 * shader VM's `TextureSampler` port structurally over surfaces seen through `SurfaceViewLike`
 * (structurally the device's `SurfaceView`); the pipeline builds one per draw from the context's
 * bound textures, its texture-stage states (`samplerStateFromWords`) and the shader's sampler DCLs.
 *
 * Exact rules live with the code that applies them: `texel-address.ts` (fixed point, address
 * modes), `lod.ts` (LOD, mip selection, anisotropy), `level-filter.ts` (weights and their order),
 * `cube-map.ts` (faces), `texel-fetch.ts` (decode, sRGB, depth compare), `srgb.ts`,
 * `prepared-texture.ts` (what makes a surface sampleable), `texture-sampler.ts` (the lane flow).
 */
export {
  createTextureSampler,
  MAX_SAMPLER_BINDINGS,
  type SamplerBinding,
  type TextureSamplerOptions,
} from './texture-sampler.js';
export {
  DEFAULT_SAMPLER_STATE,
  isSrgbGamma,
  samplerShape,
  samplerStateFromWords,
  SamplerTextureType,
  type SamplerShape,
  type SamplerState,
} from './sampler-state.js';
export type {
  SampleRequestLike,
  SampleVariantLike,
  SurfaceImageLike,
  SurfaceViewLike,
  TextureSamplerLike,
} from './sampler-port.js';
export { CubeFace, cubeFace, cubeFaceCoords } from './cube-map.js';
export { SRGB_TO_LINEAR } from './srgb.js';
export { addressTexel, BORDER_TEXEL, TEXEL_FRACTION_BITS } from './texel-address.js';
export { MAX_ANISOTROPY } from './lod.js';
export { MAX_SAMPLED_LEVELS } from './prepared-texture.js';
