/**
 * Surface formats: the legacy `SVGA3dSurfaceFormat` table, image geometry, texel/block decode to
 * RGBA, encode from RGBA, depth/stencil quantisation.
 *
 * API being completed here (signatures fixed; code against them):
 * ```ts
 * interface FormatImage { width; height; depth; rowPitch; slicePitch; bytes: Uint8Array } // = SurfaceImage
 * decodeTexelRgbaF32(format, bytes, offset, out: Float32Array, outOffset = 0): boolean      // 1×1 formats
 * decodeBlockRgbaF32(format, bytes, offset, out: Float32Array(64)): boolean          // DXT/BC 4×4, UYVY/YUY2 2×1
 * decodeBlockRgba8(format, bytes, offset, out: Uint8Array(64)): boolean
 * readTexelRgbaF32(format, image, x, y, z, out, outOffset = 0): boolean                   // any format, NV12 too
 * unpackImageRgbaF32(format, image, slice): Float32Array | undefined                       // width×height×4
 * unpackImageRgba8(format, image, slice): Uint8Array | undefined                           // width×height×4
 * packRgbaF32(format, r, g, b, a, out: Uint8Array, offset): boolean                        // uncompressed colour
 * packColorArgb8888(format, argb: 0xAARRGGBB, out, offset): boolean
 * packDepth(format, depth, out, offset): boolean      // keeps stencil bits
 * packStencil(format, stencil, out, offset): boolean  // keeps depth bits
 * unpackDepth(format, bytes, offset): number | undefined
 * unpackStencil(format, bytes, offset): number | undefined
 * quantizeDepth(format, depth): number | undefined    // the stored integer
 * ```
 * Every function returns false / undefined (never throws) for unknown formats, formats it does
 * not handle, or offsets that would read or write outside the given arrays.
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
