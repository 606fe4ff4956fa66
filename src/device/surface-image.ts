/**
 * The read side of a surface, as the screens, the CLI and later the draw path see it.
 *
 * A surface is faces × mip levels; each (face, mip) image is `depth` slices of tightly packed rows
 * of format blocks (`rowPitch = ceil(width / blockWidth) * bytesPerBlock`,
 * `slicePitch = ceil(height / blockHeight) * rowPitch`): the layout SURFACE_DMA and vertex fetch
 * use (svga3d-protocol.md §5.4).
 */
export interface SurfaceImage {
  readonly width: number;
  readonly height: number;
  readonly depth: number;
  readonly rowPitch: number;
  readonly slicePitch: number;
  /** Exactly `slicePitch * depth` bytes: this image's own storage (writes go straight to the surface). */
  readonly bytes: Uint8Array;
}

/** One defined surface. */
export interface SurfaceView {
  readonly sid: number;
  /** `SVGA3dSurfaceFormat` id. */
  readonly format: number;
  /** `SVGA3dSurfaceFlags`. */
  readonly flags: number;
  /** 1, or 6 for a cube map. */
  readonly faceCount: number;
  readonly mipLevels: number;
  /** The image of (face, mip), or undefined when either is out of range. */
  image(face: number, mip: number): SurfaceImage | undefined;
}

/** Finds surfaces by id. */
export interface SurfaceLookup {
  get(sid: number): SurfaceView | undefined;
}
