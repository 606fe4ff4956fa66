/**
 * The state of one sampler: the sampler-related texture-stage states of stage i (they apply to
 * shader sampler s#i, svga3d-protocol.md §4.4) plus what the shader's DCL says about the sampler.
 */
import { f32FromBits } from '../../common/f32-math.js';
import { SVGA3dTextureAddress, SVGA3dTextureFilter, SVGA3dTextureStateName as TS } from '../../svga3d-decoder/spec/enums-texture-state.js';

/**
 * Texture type of a sampler, as the DCL's sampler-type field encodes it (d3d9-shaders.md §3.5):
 * 0 UNKNOWN (ps_1_x; sampled as 2D), 2 2D, 3 CUBE, 4 VOLUME, 5 2D_SHADOW (VMware extension).
 */
export const SamplerTextureType = {
  UNKNOWN: 0,
  TEXTURE_2D: 2,
  CUBE: 3,
  VOLUME: 4,
  TEXTURE_2D_SHADOW: 5,
} as const;

/**
 * What the sampling code does with a sampler: the DCL type reduced to three shapes, or `auto`
 * for an undeclared sampler (ps_1_x has no sampler DCLs: its lookups, texm3x3tex and friends
 * included, take the shape of the bound texture, as D3D9 does): a surface with 6 faces samples as
 * a cube, one whose level 0 has depth > 1 as a volume, anything else as 2D.
 */
export type SamplerShape = 'auto' | '2d' | 'cube' | 'volume';

/** Everything the texture unit needs to know about one sampler. Raw values are guest words. */
export interface SamplerState {
  /** `SVGA3dTextureAddress` of U, V, W (unknown values behave as CLAMP). */
  readonly addressU: number;
  readonly addressV: number;
  readonly addressW: number;
  /** `SVGA3dTextureFilter` values. */
  readonly magFilter: number;
  readonly minFilter: number;
  readonly mipFilter: number;
  /** BORDERCOLOR, `0xAARRGGBB`. */
  readonly borderColor: number;
  /** TEXTURE_MIPMAP_LEVEL: the most detailed level used (D3DSAMP_MAXMIPLEVEL). */
  readonly maxMipLevel: number;
  /** TEXTURE_LOD_BIAS as a float32. */
  readonly lodBias: number;
  /** TEXTURE_ANISOTROPIC_LEVEL (D3DSAMP_MAXANISOTROPY). */
  readonly maxAnisotropy: number;
  /** GAMMA as a float32; see {@link isSrgbGamma}. */
  readonly gamma: number;
  readonly shape: SamplerShape;
  /** The DCL declared a 2D shadow sampler: depth formats are sampled as depth compares. */
  readonly shadow: boolean;
}

/**
 * The D3D9 / power-on sampler: WRAP, POINT filters, no mipmapping, transparent black border,
 * linear reads, shape of the bound texture.
 */
export const DEFAULT_SAMPLER_STATE: SamplerState = Object.freeze({
  addressU: SVGA3dTextureAddress.WRAP,
  addressV: SVGA3dTextureAddress.WRAP,
  addressW: SVGA3dTextureAddress.WRAP,
  magFilter: SVGA3dTextureFilter.NEAREST,
  minFilter: SVGA3dTextureFilter.NEAREST,
  mipFilter: SVGA3dTextureFilter.NONE,
  borderColor: 0,
  maxMipLevel: 0,
  lodBias: 0,
  maxAnisotropy: 1,
  gamma: 1,
  shape: 'auto',
  shadow: false,
});

/**
 * The sampler shape of a DCL texture type: UNKNOWN (no DCL) follows the bound texture; 2D,
 * 2D_SHADOW, 1D (Wine's tables only) and invalid values sample as 2D.
 */
export function samplerShape(textureType: number): SamplerShape {
  if (textureType === SamplerTextureType.UNKNOWN) return 'auto';
  if (textureType === SamplerTextureType.CUBE) return 'cube';
  if (textureType === SamplerTextureType.VOLUME) return 'volume';
  return '2d';
}

/**
 * Whether a GAMMA value asks for sRGB decoding on read. The header says 1.0 gives linear samples
 * and values ≤ 0 are ignored (linear); the only other value guests send is 2.2, Mesa's marker for
 * sRGB textures, and the D3D9 counterpart (D3DSAMP_SRGBTEXTURE) is a boolean. The rule: sRGB
 * decode exactly when `gamma > 1.5` (the midpoint between 1.0 and 2.2); NaN is linear.
 */
export function isSrgbGamma(gamma: number): boolean {
  return gamma > 1.5;
}

/**
 * Builds a sampler state from one stage's raw texture-state words (`word(name)` returns the u32
 * value of `SVGA3dTextureStateName` `name`), plus the shader's DCL texture type for the sampler
 * (`SamplerTextureType`, 0 when undeclared).
 */
export function samplerStateFromWords(word: (name: number) => number, textureType: number = SamplerTextureType.UNKNOWN): SamplerState {
  const u32 = (name: number): number => {
    const v = word(name);
    return Number.isInteger(v) ? v >>> 0 : 0;
  };
  return {
    addressU: u32(TS.ADDRESSU),
    addressV: u32(TS.ADDRESSV),
    addressW: u32(TS.ADDRESSW),
    magFilter: u32(TS.MAGFILTER),
    minFilter: u32(TS.MINFILTER),
    mipFilter: u32(TS.MIPFILTER),
    borderColor: u32(TS.BORDERCOLOR),
    maxMipLevel: u32(TS.TEXTURE_MIPMAP_LEVEL),
    lodBias: f32FromBits(u32(TS.TEXTURE_LOD_BIAS)),
    maxAnisotropy: u32(TS.TEXTURE_ANISOTROPIC_LEVEL),
    gamma: f32FromBits(u32(TS.GAMMA)),
    shape: samplerShape(textureType),
    shadow: textureType === SamplerTextureType.TEXTURE_2D_SHADOW,
  };
}
