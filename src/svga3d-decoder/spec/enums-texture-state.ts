/**
 * `SVGA3dTextureStateName` (SETTEXTURESTATE, prefix `SVGA3D_TS_`) and the value enums of texture
 * stages. 30–32 exist only in 2015+ headers; texture argument 1 is named `TFACTOR` and 6
 * `CONSTANT` after the 2015+ headers, which is how guests use them (the SDK calls 1 `CONSTANT`).
 */
import { namedEnum } from './enum-table.js';

export const SVGA3dTextureStateName = {
  INVALID: 0,
  BIND_TEXTURE: 1,
  COLOROP: 2,
  COLORARG1: 3,
  COLORARG2: 4,
  ALPHAOP: 5,
  ALPHAARG1: 6,
  ALPHAARG2: 7,
  ADDRESSU: 8,
  ADDRESSV: 9,
  MIPFILTER: 10,
  MAGFILTER: 11,
  MINFILTER: 12,
  BORDERCOLOR: 13,
  TEXCOORDINDEX: 14,
  TEXTURETRANSFORMFLAGS: 15,
  TEXCOORDGEN: 16,
  BUMPENVMAT00: 17,
  BUMPENVMAT01: 18,
  BUMPENVMAT10: 19,
  BUMPENVMAT11: 20,
  TEXTURE_MIPMAP_LEVEL: 21,
  TEXTURE_LOD_BIAS: 22,
  TEXTURE_ANISOTROPIC_LEVEL: 23,
  ADDRESSW: 24,
  GAMMA: 25,
  BUMPENVLSCALE: 26,
  BUMPENVLOFFSET: 27,
  COLORARG0: 28,
  ALPHAARG0: 29,
  CONSTANT: 30,
  COLOR_KEY_ENABLE: 31,
  COLOR_KEY: 32,
  MAX: 33,
} as const;
export type SVGA3dTextureStateName = (typeof SVGA3dTextureStateName)[keyof typeof SVGA3dTextureStateName];
export const SVGA3dTextureStateNameEnum = namedEnum('SVGA3dTextureStateName', 'SVGA3D_TS_', SVGA3dTextureStateName);

const TS = SVGA3dTextureStateName;
/** Texture states whose value word is an IEEE float. */
export const SVGA3D_TS_FLOAT_STATES: ReadonlySet<number> = new Set<number>([
  TS.BUMPENVMAT00, TS.BUMPENVMAT01, TS.BUMPENVMAT10, TS.BUMPENVMAT11, TS.TEXTURE_LOD_BIAS,
  TS.GAMMA, TS.BUMPENVLSCALE, TS.BUMPENVLOFFSET,
]);
/** Texture states whose value is an `0xAARRGGBB` colour or a surface id (printed in hex). */
export const SVGA3D_TS_HEX_STATES: ReadonlySet<number> = new Set<number>([
  TS.BIND_TEXTURE, TS.BORDERCOLOR, TS.CONSTANT, TS.COLOR_KEY,
]);

/** `SVGA3dTextureCombiner` (prefix `SVGA3D_TC_`); numbers differ from D3DTOP. */
export const SVGA3dTextureCombiner = {
  INVALID: 0,
  DISABLE: 1,
  SELECTARG1: 2,
  SELECTARG2: 3,
  MODULATE: 4,
  ADD: 5,
  ADDSIGNED: 6,
  SUBTRACT: 7,
  BLENDTEXTUREALPHA: 8,
  BLENDDIFFUSEALPHA: 9,
  BLENDCURRENTALPHA: 10,
  BLENDFACTORALPHA: 11,
  MODULATE2X: 12,
  MODULATE4X: 13,
  DSDT: 14,
  DOTPRODUCT3: 15,
  BLENDTEXTUREALPHAPM: 16,
  ADDSIGNED2X: 17,
  ADDSMOOTH: 18,
  PREMODULATE: 19,
  MODULATEALPHA_ADDCOLOR: 20,
  MODULATECOLOR_ADDALPHA: 21,
  MODULATEINVALPHA_ADDCOLOR: 22,
  MODULATEINVCOLOR_ADDALPHA: 23,
  BUMPENVMAPLUMINANCE: 24,
  MULTIPLYADD: 25,
  LERP: 26,
  MAX: 27,
} as const;
export const SVGA3dTextureCombinerEnum = namedEnum('SVGA3dTextureCombiner', 'SVGA3D_TC_', SVGA3dTextureCombiner);

/** `SVGA3dTextureArgData` (low 4 bits of an argument, prefix `SVGA3D_TA_`). */
export const SVGA3dTextureArgData = {
  INVALID: 0,
  TFACTOR: 1,
  PREVIOUS: 2,
  DIFFUSE: 3,
  TEXTURE: 4,
  SPECULAR: 5,
  CONSTANT: 6,
  MAX: 7,
} as const;
export const SVGA3dTextureArgDataEnum = namedEnum('SVGA3dTextureArgData', 'SVGA3D_TA_', SVGA3dTextureArgData);

/** `SVGA3dTextureArgModifier` bits (prefix `SVGA3D_TM_`); swapped relative to D3DTA_*. */
export const SVGA3dTextureArgModifier = {
  NONE: 0,
  ALPHA: 0x10,
  ONE_MINUS: 0x20,
} as const;

/** `SVGA3dTextureAddress` (prefix `SVGA3D_TEX_ADDRESS_`). */
export const SVGA3dTextureAddress = {
  INVALID: 0,
  WRAP: 1,
  MIRROR: 2,
  CLAMP: 3,
  BORDER: 4,
  MIRRORONCE: 5,
  EDGE: 6,
} as const;
export const SVGA3dTextureAddressEnum = namedEnum('SVGA3dTextureAddress', 'SVGA3D_TEX_ADDRESS_', SVGA3dTextureAddress);

/** `SVGA3dTextureFilter` (prefix `SVGA3D_TEX_FILTER_`). */
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
export const SVGA3dTextureFilterEnum = namedEnum('SVGA3dTextureFilter', 'SVGA3D_TEX_FILTER_', SVGA3dTextureFilter);

/** `SVGA3dTexTransformFlags` bits (prefix `SVGA3D_TEX_TRANSFORM_`). */
export const SVGA3dTexTransformFlags = {
  OFF: 0,
  S: 1 << 0,
  T: 1 << 1,
  R: 1 << 2,
  Q: 1 << 3,
  PROJECTED: 1 << 15,
} as const;

/** `SVGA3dTextureCoordGen` (prefix `SVGA3D_TEXCOORD_GEN_`). */
export const SVGA3dTextureCoordGen = {
  OFF: 0,
  EYE_POSITION: 1,
  EYE_NORMAL: 2,
  REFLECTIONVECTOR: 3,
  SPHERE: 4,
} as const;

/** Which value enum names a texture state's value when printing, if any. */
export const SVGA3D_TS_VALUE_ENUMS: ReadonlyMap<number, ReturnType<typeof namedEnum>> = new Map<
  number,
  ReturnType<typeof namedEnum>
>([
  [TS.COLOROP, SVGA3dTextureCombinerEnum],
  [TS.ALPHAOP, SVGA3dTextureCombinerEnum],
  [TS.ADDRESSU, SVGA3dTextureAddressEnum],
  [TS.ADDRESSV, SVGA3dTextureAddressEnum],
  [TS.ADDRESSW, SVGA3dTextureAddressEnum],
  [TS.MIPFILTER, SVGA3dTextureFilterEnum],
  [TS.MAGFILTER, SVGA3dTextureFilterEnum],
  [TS.MINFILTER, SVGA3dTextureFilterEnum],
]);
