/**
 * The texture port of the shader VM. The VM owns this interface; the rasteriser implements it and
 * the pipeline wires the two together (the `tgsi_sampler` / `sp_tgsi_sampler` split).
 */

/**
 * How a lookup was asked for:
 * - `plain`: texld / tex / the ps_1_x texture-address lookups; LOD from the derivatives;
 * - `projected`: texldp (and ps_1_x projected stages): coordinates are already divided by w (except
 *   for cube samplers), derivatives are those of the divided coordinates;
 * - `bias`: texldb, `lod` holds the bias (coordinate .w);
 * - `lod`: texldl (and every vertex-shader lookup), `lod` holds the explicit level (coordinate .w);
 * - `grad`: texldd, `ddx` / `ddy` are the shader's explicit gradients.
 */
export type SampleVariant = 'plain' | 'projected' | 'bias' | 'lod' | 'grad';

/** One lookup for all lanes of an invocation (4 pixels of a quad, or 1 vertex). */
export interface TextureSampleRequest {
  /**
   * Sampler / texture stage index: s# for SM2+, the stage number for ps_1_x, s# of vs_3_0 (0–3;
   * the pipeline maps it to its vertex sampler slots).
   */
  readonly sampler: number;
  readonly variant: SampleVariant;
  /** Number of lanes: 4 for a pixel quad, 1 for a vertex. */
  readonly lanes: number;
  /**
   * Lanes executing this lookup (bit i = lane i), helper pixels of the quad included (their
   * results can feed derivatives). Lanes outside the mask are in a branch not taken; the sampler
   * may skip them but must still write something finite into their result slots.
   */
  readonly mask: number;
  /** Coordinates, 4 per lane (lane-major: lane i at [4i, 4i+4)). */
  readonly coords: Float32Array;
  /** Screen-space x derivative of the coordinates, 4 per lane (0 in vertex shaders). */
  readonly ddx: Float32Array;
  /** Screen-space y derivative (D3D y grows downward), 4 per lane. */
  readonly ddy: Float32Array;
  /** Per lane: LOD bias (`bias`) or explicit LOD (`lod`); 0 otherwise. */
  readonly lod: Float32Array;
}

/** Implemented by the rasteriser's texture unit. Must not throw; an unbound sampler gives (0, 0, 0, 1). */
export interface TextureSampler {
  /** Writes RGBA float32 results, 4 per lane, lane-major, into `out` (length ≥ 4·lanes). */
  sample(request: TextureSampleRequest, out: Float32Array): void;
}

/** A sampler with nothing bound: every lookup returns (0, 0, 0, 1), as D3D9 does. */
export const UNBOUND_SAMPLER: TextureSampler = {
  sample(request, out) {
    for (let i = 0; i < request.lanes; i++) {
      out[4 * i] = 0;
      out[4 * i + 1] = 0;
      out[4 * i + 2] = 0;
      out[4 * i + 3] = 1;
    }
  },
};
