/**
 * The command bodies the surface executors take: the codec's decoded types (`src/svga3d-decoder`),
 * and the SVGA constants the executors check them against.
 */

import type { CommandBody } from '../../svga3d-decoder/index.js';

/** SURFACE_DEFINE (1040) or SURFACE_DEFINE_V2 (1070, adds multisampleCount and autogenFilter). */
export type SurfaceDefineBody = CommandBody<'SURFACE_DEFINE'> | CommandBody<'SURFACE_DEFINE_V2'>;
/** SURFACE_DMA (1044). */
export type SurfaceDmaBody = CommandBody<'SURFACE_DMA'>;
/** SURFACE_COPY (1042). */
export type SurfaceCopyBody = CommandBody<'SURFACE_COPY'>;
/** SURFACE_STRETCHBLT (1043). */
export type SurfaceStretchBltBody = CommandBody<'SURFACE_STRETCHBLT'>;
/** GENERATE_MIPMAPS (1071). */
export type GenerateMipmapsBody = CommandBody<'GENERATE_MIPMAPS'>;

/** `SVGA3dSurfaceImageId`. */
export type SurfaceImageIdFields = SurfaceCopyBody['src'];
/** `SVGA3dCopyBox`: x, y, z name the destination (the host image for DMA), srcx… the source. */
export type CopyBoxFields = SurfaceDmaBody['boxes'][number];
/** `SVGA3dBox`. */
export type BoxFields = SurfaceStretchBltBody['boxSrc'];
/** `SVGA3dSize`. */
export type SizeFields = SurfaceDefineBody['sizes'][number];

/** The SVGA enums these executors switch on: the codec's tables, re-exported for the surface code. */
export { SVGA3dStretchBltMode, SVGA3dTextureFilter, SVGA3dTransferType } from '../../svga3d-decoder/index.js';
/** `SVGA3D_SURFACE_CUBEMAP` of `SVGA3dSurfaceFlags`. */
export const SVGA3D_SURFACE_CUBEMAP = 1 << 0;
/** `SVGA3D_MAX_SURFACE_IDS`: surface ids are below this. */
export const SVGA3D_MAX_SURFACE_IDS = 32768;
/** `SVGA3D_MAX_SURFACE_FACES`. */
export const SVGA3D_MAX_SURFACE_FACES = 6;
/** `SVGA3D_MAX_MIP_LEVELS`. */
export const SVGA3D_MAX_MIP_LEVELS = 16;
