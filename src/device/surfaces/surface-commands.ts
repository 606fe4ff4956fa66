/**
 * The command bodies the surface executors read, as structural types.
 *
 * Field names are those of the codec (`src/svga3d-decoder`): the SVGA header names in camelCase with
 * nested structs. Declaring only the fields used here keeps the executors independent of how the
 * codec spells the rest, and any decoded body with these fields is accepted as is.
 */

/** `SVGA3dSurfaceImageId`. */
export interface SurfaceImageIdFields {
  readonly sid: number;
  readonly face: number;
  readonly mipmap: number;
}

/** `SVGA3dBox`. */
export interface BoxFields {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly w: number;
  readonly h: number;
  readonly d: number;
}

/** `SVGA3dCopyBox`: x, y, z name the destination (the host image for DMA), srcx… the source. */
export interface CopyBoxFields extends BoxFields {
  readonly srcx: number;
  readonly srcy: number;
  readonly srcz: number;
}

/** `SVGA3dSize`. */
export interface SizeFields {
  readonly width: number;
  readonly height: number;
  readonly depth: number;
}

/** SURFACE_DEFINE (1040) and SURFACE_DEFINE_V2 (1070); the V2 fields are absent in a V1 body. */
export interface SurfaceDefineBody {
  readonly sid: number;
  readonly surfaceFlags: number;
  readonly format: number;
  /** Six `SVGA3dSurfaceFace` entries. */
  readonly face: readonly { readonly numMipLevels: number }[];
  /** Face-major: face 0 mip 0…n−1, then face 1… */
  readonly sizes: readonly SizeFields[];
  readonly multisampleCount?: number;
  readonly autogenFilter?: number;
}

/** SURFACE_DMA (1044). */
export interface SurfaceDmaBody {
  readonly guest: { readonly ptr: { readonly gmrId: number; readonly offset: number }; readonly pitch: number };
  readonly host: SurfaceImageIdFields;
  readonly transfer: number;
  readonly boxes: readonly CopyBoxFields[];
  readonly suffix?: { readonly suffixSize: number; readonly maximumOffset: number; readonly flags: number };
}

/** SURFACE_COPY (1042). */
export interface SurfaceCopyBody {
  readonly src: SurfaceImageIdFields;
  readonly dest: SurfaceImageIdFields;
  readonly boxes: readonly CopyBoxFields[];
}

/** SURFACE_STRETCHBLT (1043). */
export interface SurfaceStretchBltBody {
  readonly src: SurfaceImageIdFields;
  readonly dest: SurfaceImageIdFields;
  readonly boxSrc: BoxFields;
  readonly boxDest: BoxFields;
  readonly mode: number;
}

/** GENERATE_MIPMAPS (1071). */
export interface GenerateMipmapsBody {
  readonly sid: number;
  readonly filter: number;
}

/** `SVGA3dTransferType`. */
export const SVGA3dTransferType = { WRITE_HOST_VRAM: 1, READ_HOST_VRAM: 2 } as const;
/** `SVGA3dStretchBltMode`. */
export const SVGA3dStretchBltMode = { POINT: 0, LINEAR: 1 } as const;
/** `SVGA3dTextureFilter`. */
export const SVGA3dTextureFilter = {
  NONE: 0,
  NEAREST: 1,
  LINEAR: 2,
  ANISOTROPIC: 3,
  FLATCUBIC: 4,
  GAUSSIANCUBIC: 5,
  PYRAMIDALQUAD: 6,
  GAUSSIANQUAD: 7,
} as const;
/** `SVGA3D_SURFACE_CUBEMAP` of `SVGA3dSurfaceFlags`. */
export const SVGA3D_SURFACE_CUBEMAP = 1 << 0;
/** `SVGA3D_MAX_SURFACE_IDS`: surface ids are below this. */
export const SVGA3D_MAX_SURFACE_IDS = 32768;
/** `SVGA3D_MAX_SURFACE_FACES`. */
export const SVGA3D_MAX_SURFACE_FACES = 6;
/** `SVGA3D_MAX_MIP_LEVELS`. */
export const SVGA3D_MAX_MIP_LEVELS = 16;
