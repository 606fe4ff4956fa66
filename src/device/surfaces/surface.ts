/**
 * One defined surface: its definition fields and the storage of every (face, mip) image.
 *
 * Each image owns its own `Uint8Array` (no shared pool with offsets), laid out as
 * `surface-image.ts` describes: `depth` slices of tightly packed rows of format blocks.
 */
import type { SurfaceFormatInfo } from '../../formats/index.js';
import type { SurfaceImage, SurfaceView } from '../surface-image.js';

/**
 * Block geometry of a surface's format, kept with the surface so executors need no table lookup
 * (a `SurfaceFormatInfo` is one).
 */
export type BlockGeometry = Pick<SurfaceFormatInfo, 'blockWidth' | 'blockHeight' | 'bytesPerBlock' | 'planar'>;

/** What a surface is made from; the store validates and allocates it. */
export interface SurfaceInit {
  readonly sid: number;
  readonly format: number;
  readonly flags: number;
  readonly faceCount: number;
  readonly mipLevels: number;
  readonly multisampleCount: number;
  readonly autogenFilter: number;
  readonly formatInfo: SurfaceFormatInfo;
  /** Face-major: `faceCount × mipLevels` images. */
  readonly images: readonly SurfaceImage[];
}

/** A defined surface. Implements the shared read interface; its images are writable in place. */
export class Surface implements SurfaceView {
  readonly sid: number;
  readonly format: number;
  readonly flags: number;
  readonly faceCount: number;
  readonly mipLevels: number;
  /** `SURFACE_DEFINE_V2.multisampleCount` (0 for SURFACE_DEFINE); kept, not used for storage. */
  readonly multisampleCount: number;
  /** `SURFACE_DEFINE_V2.autogenFilter` (0 = NONE for SURFACE_DEFINE). */
  readonly autogenFilter: number;
  /** The format's table row (block geometry, channels, kind). */
  readonly formatInfo: SurfaceFormatInfo;
  /** Bytes of storage of all images together. */
  readonly byteSize: number;
  readonly #images: readonly SurfaceImage[];

  constructor(init: SurfaceInit) {
    this.sid = init.sid;
    this.format = init.format;
    this.flags = init.flags;
    this.faceCount = init.faceCount;
    this.mipLevels = init.mipLevels;
    this.multisampleCount = init.multisampleCount;
    this.autogenFilter = init.autogenFilter;
    this.formatInfo = init.formatInfo;
    this.#images = init.images;
    let total = 0;
    for (const image of init.images) total += image.bytes.length;
    this.byteSize = total;
  }

  image(face: number, mip: number): SurfaceImage | undefined {
    if (!Number.isInteger(face) || !Number.isInteger(mip)) return undefined;
    if (face < 0 || face >= this.faceCount || mip < 0 || mip >= this.mipLevels) return undefined;
    return this.#images[face * this.mipLevels + mip];
  }
}

/** Finds defined surfaces with their storage (the store, or a test double). */
export interface SurfaceSource {
  get(sid: number): Surface | undefined;
}
