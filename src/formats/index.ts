/**
 * Surface formats: the legacy `SVGA3dSurfaceFormat` table, image geometry, texel/block decode to
 * RGBA, encode from RGBA, depth/stencil quantisation.
 *
 * Every function returns false / undefined (never throws) for unknown formats, formats it does
 * not handle, or offsets that would read or write outside the given arrays. The exact rounding
 * rules are stated in `normalized.ts`, `bc-decode.ts`, `yuv.ts`, `pack.ts` and `depth-stencil.ts`.
 */
export {
  SVGA3dSurfaceFormat,
  SURFACE_FORMATS,
  surfaceFormatInfo,
  surfaceFormatName,
} from './surface-formats.js';
export type {
  SVGA3dSurfaceFormatId,
  SurfaceFormatKind,
  SurfaceFormatInfo,
  ChannelType,
  ChannelName,
  ChannelLayout,
  ComponentSource,
} from './surface-formats.js';
export { imageLayout, MAX_IMAGE_BYTES } from './image-layout.js';
export type { ImageLayout } from './image-layout.js';
export type { FormatImage } from './format-image.js';
export {
  decodeBlockRgba8,
  decodeBlockRgbaF32,
  decodeTexelRgbaF32,
  decodeImageBlockRgba8,
  readTexelRgbaF32,
} from './decode.js';
export { unpackImageRgbaF32, unpackImageRgba8, MAX_UNPACK_PIXELS } from './unpack-image.js';
export { packRgbaF32, packColorArgb8888 } from './pack.js';
export { texelPacker } from './pack-codec.js';
export type { TexelPacker } from './pack-codec.js';
export {
  packDepth,
  packStencil,
  unpackDepth,
  unpackStencil,
  quantizeDepth,
  readDepthCode,
  depthCodeMax,
  depthQuantizer,
} from './depth-stencil.js';
export type { DepthQuantizer } from './depth-stencil.js';
export { yuvToRgb8 } from './yuv.js';
export { texelCodec } from './texel-codec.js';
export type { TexelCodec } from './texel-codec.js';
