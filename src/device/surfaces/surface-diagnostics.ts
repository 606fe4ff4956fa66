/**
 * Diagnostic codes of the surface area (3200–3399): surface definition, SURFACE_DMA, SURFACE_COPY,
 * SURFACE_STRETCHBLT, GENERATE_MIPMAPS and clears of surface images.
 *
 * Layout of the range: 3200–3219 definition and lookup, 3220–3239 DMA, 3240–3259 copy,
 * 3260–3279 stretch blit, 3280–3299 mipmap generation, 3300–3319 clears and read-back.
 */
import { defineDiagnosticCodes } from '../../common/diagnostics.js';

/** Every diagnostic the surface executors can report. */
export const SurfaceDiagnostics = defineDiagnosticCodes({
  /** A surface id at or above the device limit (`SVGA3D_MAX_SURFACE_IDS` = 32768). */
  E_SURFACE_ID: 3200,
  /** A command names a surface id that is not defined. */
  E_SURFACE_UNDEFINED: 3201,
  /** SURFACE_DEFINE with a format src/formats does not know. */
  E_SURFACE_FORMAT: 3202,
  /** Face rules broken: mip counts of the six faces, cube flag, mip count limits. */
  E_SURFACE_FACES: 3203,
  /** Sizes broken: count of sizes, zero dimensions, mip chain, cube faces not square. */
  E_SURFACE_SIZE: 3204,
  /** The surface would exceed the byte budget (checked before allocating). */
  E_SURFACE_BUDGET: 3205,
  /** The surface would exceed the maximum number of live surfaces. */
  E_SURFACE_COUNT: 3206,
  /** A (face, mipmap) pair that the surface does not have. */
  E_IMAGE_RANGE: 3207,

  /** SURFACE_DMA transfer is neither WRITE_HOST_VRAM (1) nor READ_HOST_VRAM (2). */
  E_DMA_TRANSFER: 3220,
  /** SURFACE_DMA suffix with suffixSize ≠ 12 or reserved flag bits set. */
  E_DMA_SUFFIX: 3221,
  /** The guest pointer names no memory region (undefined GMR, SVGA_GMR_NULL). */
  E_DMA_GMR: 3222,
  /** A box touches guest bytes outside the region or at/after the suffix's maximumOffset. */
  E_DMA_GUEST_RANGE: 3223,
  /** The memory port refused a range that had been validated; the DMA stopped part-way. */
  E_DMA_MEMORY: 3224,

  /** SURFACE_COPY between images whose blocks differ in size. */
  E_COPY_FORMAT: 3240,

  /** SURFACE_STRETCHBLT mode other than POINT (0) or LINEAR (1). */
  E_STRETCH_MODE: 3260,
  /** SURFACE_STRETCHBLT between formats that cannot be unpacked / packed. */
  E_STRETCH_FORMAT: 3261,
  /** A stretch box that is empty after clipping: nothing is drawn. */
  W_STRETCH_EMPTY: 3262,
  /** A clipped stretch box wider, taller or deeper than the exact-arithmetic limit. */
  E_STRETCH_SIZE: 3263,

  /** GENERATE_MIPMAPS with a filter that is not an SVGA3dTextureFilter. */
  E_MIPMAP_FILTER: 3280,
  /** GENERATE_MIPMAPS on a format that cannot be filtered (compressed, depth, YUV). */
  E_MIPMAP_FORMAT: 3281,

  /** A clear value that the image's format cannot hold (colour into depth, depth into colour…). */
  E_CLEAR_FORMAT: 3300,
});
