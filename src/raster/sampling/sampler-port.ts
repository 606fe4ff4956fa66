/**
 * The shapes the texture unit meets the rest of the renderer through, declared here so that raster
 * imports neither the shader VM nor the device (DEVELOPERS.md import direction):
 *
 * - the request / sampler pair is structurally the VM's `TextureSampler` port
 *   (`src/shader-vm/interp/texture-sampler.ts`), so the pipeline can hand our sampler to the VM;
 * - the surface view is structurally the device's `SurfaceView` (`src/device/surface-image.ts`).
 */

/**
 * How a lookup was asked for (the VM's `SampleVariant`): `plain` (LOD from the derivatives),
 * `projected` (coordinates already divided by w except for cube samplers), `bias` (`lod` holds the
 * texldb bias), `lod` (`lod` holds the explicit texldl level), `grad` (texldd: `ddx`/`ddy` are the
 * shader's gradients).
 */
export type SampleVariantLike = 'plain' | 'projected' | 'bias' | 'lod' | 'grad';

/** One lookup for all lanes of an invocation: 4 pixels of a quad, or 1 vertex. */
export interface SampleRequestLike {
  /** Index into the sampler's bindings. */
  readonly sampler: number;
  readonly variant: SampleVariantLike;
  readonly lanes: number;
  /** Bit i set: lane i executes the lookup. Other lanes get (0, 0, 0, 1). */
  readonly mask: number;
  /** 4 coordinates per lane, lane-major. */
  readonly coords: Float32Array;
  /** Screen-space x derivatives of the coordinates, 4 per lane. */
  readonly ddx: Float32Array;
  /** Screen-space y derivatives, 4 per lane. */
  readonly ddy: Float32Array;
  /** Per lane: the texldb bias or the texldl level; 0 otherwise. */
  readonly lod: Float32Array;
}

/** The texture unit as the VM sees it: writes 4 floats per lane into `out`; never throws. */
export interface TextureSamplerLike {
  sample(request: SampleRequestLike, out: Float32Array): void;
}

/** One (face, mip) image of a surface: `depth` slices of block rows (svga3d-protocol.md §5.4). */
export interface SurfaceImageLike {
  readonly width: number;
  readonly height: number;
  readonly depth: number;
  readonly rowPitch: number;
  readonly slicePitch: number;
  readonly bytes: Uint8Array;
}

/** The read side of a surface: what the sampler needs of the device's `SurfaceView`. */
export interface SurfaceViewLike {
  /** `SVGA3dSurfaceFormat` id. */
  readonly format: number;
  readonly flags: number;
  /** 1, or 6 for a cube map. */
  readonly faceCount: number;
  readonly mipLevels: number;
  image(face: number, mip: number): SurfaceImageLike | undefined;
}
