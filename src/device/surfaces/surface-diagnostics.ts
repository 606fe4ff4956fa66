/**
 * Diagnostic codes of the surface area (3200–3399): surface definition, SURFACE_DMA, SURFACE_COPY,
 * SURFACE_STRETCHBLT, GENERATE_MIPMAPS and clears of surface images.
 *
 * Layout of the range: 3200–3219 definition and lookup, 3220–3239 DMA, 3240–3259 copy,
 * 3260–3279 stretch blit, 3280–3299 mipmap generation, 3300–3319 clears and read-back.
 */
import type { DiagnosticCode } from '../../common/diagnostics.js';

function code(code: number, name: string, severity: DiagnosticCode['severity'] = 'error'): DiagnosticCode {
  return { code, name, severity };
}

/** Every diagnostic the surface executors can report. */
export const SurfaceDiagnostics = {
  /** A surface id at or above the device limit (`SVGA3D_MAX_SURFACE_IDS` = 32768). */
  E_SURFACE_ID: code(3200, 'E_SURFACE_ID'),
  /** A command names a surface id that is not defined. */
  E_SURFACE_UNDEFINED: code(3201, 'E_SURFACE_UNDEFINED'),
  /** SURFACE_DEFINE with a format src/formats does not know. */
  E_SURFACE_FORMAT: code(3202, 'E_SURFACE_FORMAT'),
  /** Face rules broken: mip counts of the six faces, cube flag, mip count limits. */
  E_SURFACE_FACES: code(3203, 'E_SURFACE_FACES'),
  /** Sizes broken: count of sizes, zero dimensions, mip chain, cube faces not square. */
  E_SURFACE_SIZE: code(3204, 'E_SURFACE_SIZE'),
  /** The surface would exceed the byte budget (checked before allocating). */
  E_SURFACE_BUDGET: code(3205, 'E_SURFACE_BUDGET'),
  /** The surface would exceed the maximum number of live surfaces. */
  E_SURFACE_COUNT: code(3206, 'E_SURFACE_COUNT'),
  /** A (face, mipmap) pair that the surface does not have. */
  E_IMAGE_RANGE: code(3207, 'E_IMAGE_RANGE'),

  /** SURFACE_DMA transfer is neither WRITE_HOST_VRAM (1) nor READ_HOST_VRAM (2). */
  E_DMA_TRANSFER: code(3220, 'E_DMA_TRANSFER'),
  /** SURFACE_DMA suffix with suffixSize ≠ 12 or reserved flag bits set. */
  E_DMA_SUFFIX: code(3221, 'E_DMA_SUFFIX'),
  /** The guest pointer names no memory region (undefined GMR, SVGA_GMR_NULL). */
  E_DMA_GMR: code(3222, 'E_DMA_GMR'),
  /** A box touches guest bytes outside the region or at/after the suffix's maximumOffset. */
  E_DMA_GUEST_RANGE: code(3223, 'E_DMA_GUEST_RANGE'),
  /** The memory port refused a range that had been validated; the DMA stopped part-way. */
  E_DMA_MEMORY: code(3224, 'E_DMA_MEMORY'),

  /** SURFACE_COPY between images whose blocks differ in size. */
  E_COPY_FORMAT: code(3240, 'E_COPY_FORMAT'),

  /** SURFACE_STRETCHBLT mode other than POINT (0) or LINEAR (1). */
  E_STRETCH_MODE: code(3260, 'E_STRETCH_MODE'),
  /** SURFACE_STRETCHBLT between formats that cannot be unpacked / packed. */
  E_STRETCH_FORMAT: code(3261, 'E_STRETCH_FORMAT'),
  /** A stretch box that is empty after clipping: nothing is drawn. */
  W_STRETCH_EMPTY: code(3262, 'W_STRETCH_EMPTY', 'warning'),
  /** A clipped stretch box wider, taller or deeper than the exact-arithmetic limit. */
  E_STRETCH_SIZE: code(3263, 'E_STRETCH_SIZE'),

  /** GENERATE_MIPMAPS with a filter that is not an SVGA3dTextureFilter. */
  E_MIPMAP_FILTER: code(3280, 'E_MIPMAP_FILTER'),
  /** GENERATE_MIPMAPS on a format that cannot be filtered (compressed, depth, YUV). */
  E_MIPMAP_FORMAT: code(3281, 'E_MIPMAP_FORMAT'),

  /** A clear value that the image's format cannot hold (colour into depth, depth into colour…). */
  E_CLEAR_FORMAT: code(3300, 'E_CLEAR_FORMAT'),
} as const satisfies Record<string, DiagnosticCode>;
