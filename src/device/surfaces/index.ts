/**
 * Surfaces and everything that moves their bytes: the surface table (SURFACE_DEFINE / _V2,
 * SURFACE_DESTROY), SURFACE_DMA, SURFACE_COPY, SURFACE_STRETCHBLT, GENERATE_MIPMAPS, the pixel
 * work of CLEAR and RGBA8 read-back. Executors take a `ReportFn`; they never throw.
 */
export { SurfaceStore, DEFAULT_MAX_SURFACES, DEFAULT_SURFACE_BUDGET_BYTES } from './surface-store.js';
export type { SurfaceStoreOptions } from './surface-store.js';
export { Surface } from './surface.js';
export type { BlockGeometry, SurfaceInit, SurfaceSource } from './surface.js';
export { executeSurfaceDma } from './surface-dma.js';
export { executeSurfaceCopy } from './surface-copy.js';
export { executeSurfaceStretchBlt } from './surface-stretch-blt.js';
export { executeGenerateMipmaps } from './generate-mipmaps.js';
export { clearImageRect } from './clear-image.js';
export type { ClearRect, ClearValues } from './clear-image.js';
export { readSurfaceRgba8 } from './read-surface.js';
export { SurfaceDiagnostics } from './surface-diagnostics.js';
export {
  SVGA3D_MAX_MIP_LEVELS,
  SVGA3D_MAX_SURFACE_FACES,
  SVGA3D_MAX_SURFACE_IDS,
  SVGA3D_SURFACE_CUBEMAP,
  SVGA3dStretchBltMode,
  SVGA3dTextureFilter,
  SVGA3dTransferType,
} from './surface-commands.js';
export type {
  BoxFields,
  CopyBoxFields,
  GenerateMipmapsBody,
  SizeFields,
  SurfaceCopyBody,
  SurfaceDefineBody,
  SurfaceDmaBody,
  SurfaceImageIdFields,
  SurfaceStretchBltBody,
} from './surface-commands.js';
export { MAX_STRETCH_EXTENT } from './stretch-sampling.js';
