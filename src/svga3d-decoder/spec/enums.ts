/**
 * The value enums of the legacy SVGA3D protocol (protocol notes §4.3, §4.5, §4.6), as `as const`
 * objects with the SVGA header's member names minus their prefix, plus `NamedEnum` wrappers
 * (`…Enum`) that the command table uses to print fields by name. Numbers are SVGA's, which often
 * differ from Direct3D 9's (faces, primitive types, transform types, blend factors 12/13).
 */
import { namedEnum } from './enum-table.js';
import { SVGA3dRenderStateName as RS } from './enums-render-state.js';
import type { NamedEnum } from './layout.js';

/** `SVGA3dBlendOp` (prefix `SVGA3D_BLENDOP_`). */
export const SVGA3dBlendOp = {
  INVALID: 0, ZERO: 1, ONE: 2, SRCCOLOR: 3, INVSRCCOLOR: 4, SRCALPHA: 5, INVSRCALPHA: 6,
  DESTALPHA: 7, INVDESTALPHA: 8, DESTCOLOR: 9, INVDESTCOLOR: 10, SRCALPHASAT: 11,
  BLENDFACTOR: 12, INVBLENDFACTOR: 13, SRC1COLOR: 14, INVSRC1COLOR: 15, SRC1ALPHA: 16,
  INVSRC1ALPHA: 17, BLENDFACTORALPHA: 18, INVBLENDFACTORALPHA: 19,
} as const;
export const SVGA3dBlendOpEnum = namedEnum('SVGA3dBlendOp', 'SVGA3D_BLENDOP_', SVGA3dBlendOp);

/** `SVGA3dBlendEquation` (prefix `SVGA3D_BLENDEQ_`). */
export const SVGA3dBlendEquation = {
  INVALID: 0, ADD: 1, SUBTRACT: 2, REVSUBTRACT: 3, MINIMUM: 4, MAXIMUM: 5,
} as const;
export const SVGA3dBlendEquationEnum = namedEnum('SVGA3dBlendEquation', 'SVGA3D_BLENDEQ_', SVGA3dBlendEquation);

/** `SVGA3dCmpFunc` (prefix `SVGA3D_CMP_`). */
export const SVGA3dCmpFunc = {
  INVALID: 0, NEVER: 1, LESS: 2, EQUAL: 3, LESSEQUAL: 4, GREATER: 5, NOTEQUAL: 6,
  GREATEREQUAL: 7, ALWAYS: 8,
} as const;
export const SVGA3dCmpFuncEnum = namedEnum('SVGA3dCmpFunc', 'SVGA3D_CMP_', SVGA3dCmpFunc);

/** `SVGA3dStencilOp` (prefix `SVGA3D_STENCILOP_`). */
export const SVGA3dStencilOp = {
  INVALID: 0, KEEP: 1, ZERO: 2, REPLACE: 3, INCRSAT: 4, DECRSAT: 5, INVERT: 6, INCR: 7, DECR: 8,
} as const;
export const SVGA3dStencilOpEnum = namedEnum('SVGA3dStencilOp', 'SVGA3D_STENCILOP_', SVGA3dStencilOp);

/** `SVGA3dFace` (prefix `SVGA3D_FACE_`): CULLMODE, SETMATERIAL, FILLMODE face. Not D3DCULL. */
export const SVGA3dFace = { INVALID: 0, NONE: 1, FRONT: 2, BACK: 3, FRONT_BACK: 4 } as const;
export const SVGA3dFaceEnum = namedEnum('SVGA3dFace', 'SVGA3D_FACE_', SVGA3dFace);

/** `SVGA3dFrontWinding` (prefix `SVGA3D_FRONTWINDING_`). */
export const SVGA3dFrontWinding = { INVALID: 0, CW: 1, CCW: 2 } as const;
export const SVGA3dFrontWindingEnum = namedEnum('SVGA3dFrontWinding', 'SVGA3D_FRONTWINDING_', SVGA3dFrontWinding);

/** `SVGA3dCoordinateType` (prefix `SVGA3D_COORDINATE_`). */
export const SVGA3dCoordinateType = { INVALID: 0, LEFTHANDED: 1, RIGHTHANDED: 2 } as const;
export const SVGA3dCoordinateTypeEnum = namedEnum('SVGA3dCoordinateType', 'SVGA3D_COORDINATE_', SVGA3dCoordinateType);

/** `SVGA3dFillModeType` (prefix `SVGA3D_FILLMODE_`), the low 16 bits of the FILLMODE state. */
export const SVGA3dFillModeType = { INVALID: 0, POINT: 1, LINE: 2, FILL: 3 } as const;

/** `SVGA3dShadeMode` (prefix `SVGA3D_SHADEMODE_`). */
export const SVGA3dShadeMode = { INVALID: 0, FLAT: 1, SMOOTH: 2, PHONG: 3 } as const;
export const SVGA3dShadeModeEnum = namedEnum('SVGA3dShadeMode', 'SVGA3D_SHADEMODE_', SVGA3dShadeMode);

/** `SVGA3dFogFunction` (prefix `SVGA3D_FOGFUNC_`), bits 0–15 of FOGMODE. */
export const SVGA3dFogFunction = { INVALID: 0, EXP: 1, EXP2: 2, LINEAR: 3, PER_VERTEX: 4 } as const;
/** `SVGA3dFogType` (prefix `SVGA3D_FOGTYPE_`), bits 16–23 of FOGMODE. */
export const SVGA3dFogType = { INVALID: 0, VERTEX: 1, PIXEL: 2 } as const;
/** `SVGA3dFogBase` (prefix `SVGA3D_FOGBASE_`), bits 24–31 of FOGMODE. */
export const SVGA3dFogBase = { INVALID: 0, DEPTHBASED: 1, RANGEBASED: 2 } as const;

/** `SVGA3dVertexMaterial` (prefix `SVGA3D_VERTEXMATERIAL_`). */
export const SVGA3dVertexMaterial = { NONE: 0, DIFFUSE: 1, SPECULAR: 2 } as const;
export const SVGA3dVertexMaterialEnum = namedEnum('SVGA3dVertexMaterial', 'SVGA3D_VERTEXMATERIAL_', SVGA3dVertexMaterial);

/** `SVGA3dTransparencyAntialiasType` (prefix `SVGA3D_TRANSPARENCYANTIALIAS_`). */
export const SVGA3dTransparencyAntialiasType = { NORMAL: 0, ALPHATOCOVERAGE: 1, SUPERSAMPLE: 2 } as const;

/** `SVGA3dTransformType` (prefix `SVGA3D_TRANSFORM_`). Not D3DTS numbering. */
export const SVGA3dTransformType = {
  INVALID: 0, WORLD: 1, VIEW: 2, PROJECTION: 3, TEXTURE0: 4, TEXTURE1: 5, TEXTURE2: 6,
  TEXTURE3: 7, TEXTURE4: 8, TEXTURE5: 9, TEXTURE6: 10, TEXTURE7: 11, WORLD1: 12, WORLD2: 13,
  WORLD3: 14, MAX: 15,
} as const;
export const SVGA3dTransformTypeEnum = namedEnum('SVGA3dTransformType', 'SVGA3D_TRANSFORM_', SVGA3dTransformType);

/** `SVGA3dDeclType` (prefix `SVGA3D_DECLTYPE_`) = D3DDECLTYPE. */
export const SVGA3dDeclType = {
  FLOAT1: 0, FLOAT2: 1, FLOAT3: 2, FLOAT4: 3, D3DCOLOR: 4, UBYTE4: 5, SHORT2: 6, SHORT4: 7,
  UBYTE4N: 8, SHORT2N: 9, SHORT4N: 10, USHORT2N: 11, USHORT4N: 12, UDEC3: 13, DEC3N: 14,
  FLOAT16_2: 15, FLOAT16_4: 16, MAX: 17,
} as const;
export const SVGA3dDeclTypeEnum = namedEnum('SVGA3dDeclType', 'SVGA3D_DECLTYPE_', SVGA3dDeclType);

/** `SVGA3dDeclMethod` (prefix `SVGA3D_DECLMETHOD_`) = D3DDECLMETHOD. */
export const SVGA3dDeclMethod = {
  DEFAULT: 0, PARTIALU: 1, PARTIALV: 2, CROSSUV: 3, UV: 4, LOOKUP: 5, LOOKUPPRESAMPLED: 6,
} as const;
export const SVGA3dDeclMethodEnum = namedEnum('SVGA3dDeclMethod', 'SVGA3D_DECLMETHOD_', SVGA3dDeclMethod);

/** `SVGA3dDeclUsage` (prefix `SVGA3D_DECLUSAGE_`) = D3DDECLUSAGE. */
export const SVGA3dDeclUsage = {
  POSITION: 0, BLENDWEIGHT: 1, BLENDINDICES: 2, NORMAL: 3, PSIZE: 4, TEXCOORD: 5, TANGENT: 6,
  BINORMAL: 7, TESSFACTOR: 8, POSITIONT: 9, COLOR: 10, FOG: 11, DEPTH: 12, SAMPLE: 13, MAX: 14,
} as const;
export const SVGA3dDeclUsageEnum = namedEnum('SVGA3dDeclUsage', 'SVGA3D_DECLUSAGE_', SVGA3dDeclUsage);

/** `SVGA3dPrimitiveType` (prefix `SVGA3D_PRIMITIVE_`). Not D3DPT numbering. */
export const SVGA3dPrimitiveType = {
  INVALID: 0, TRIANGLELIST: 1, POINTLIST: 2, LINELIST: 3, LINESTRIP: 4, TRIANGLESTRIP: 5,
  TRIANGLEFAN: 6, LINELIST_ADJ: 7, LINESTRIP_ADJ: 8, TRIANGLELIST_ADJ: 9, TRIANGLESTRIP_ADJ: 10,
} as const;
export const SVGA3dPrimitiveTypeEnum = namedEnum('SVGA3dPrimitiveType', 'SVGA3D_PRIMITIVE_', SVGA3dPrimitiveType);

/** `SVGA3dShaderType` (prefix `SVGA3D_SHADERTYPE_`). */
export const SVGA3dShaderType = { INVALID: 0, VS: 1, PS: 2, GS: 3, HS: 4, DS: 5, CS: 6 } as const;
export const SVGA3dShaderTypeEnum = namedEnum('SVGA3dShaderType', 'SVGA3D_SHADERTYPE_', SVGA3dShaderType);

/** `SVGA3dShaderConstType` (prefix `SVGA3D_CONST_TYPE_`). */
export const SVGA3dShaderConstType = { FLOAT: 0, INT: 1, BOOL: 2 } as const;
export const SVGA3dShaderConstTypeEnum = namedEnum('SVGA3dShaderConstType', 'SVGA3D_CONST_TYPE_', SVGA3dShaderConstType);

/** `SVGA3dLightType` (prefix `SVGA3D_LIGHTTYPE_`). Not D3DLIGHTTYPE numbering. */
export const SVGA3dLightType = { INVALID: 0, POINT: 1, SPOT1: 2, SPOT2: 3, DIRECTIONAL: 4 } as const;
export const SVGA3dLightTypeEnum = namedEnum('SVGA3dLightType', 'SVGA3D_LIGHTTYPE_', SVGA3dLightType);

/** `SVGA3dQueryType` (prefix `SVGA3D_QUERYTYPE_`); legacy devices know OCCLUSION only. */
export const SVGA3dQueryType = { OCCLUSION: 0 } as const;
export const SVGA3dQueryTypeEnum = namedEnum('SVGA3dQueryType', 'SVGA3D_QUERYTYPE_', SVGA3dQueryType);

/** `SVGA3dQueryState` (prefix `SVGA3D_QUERYSTATE_`), word 1 of `SVGA3dQueryResult`. */
export const SVGA3dQueryState = { PENDING: 0, SUCCEEDED: 1, FAILED: 2, NEW: 3 } as const;

/** `SVGA3dClearFlag` bits (prefix `SVGA3D_CLEAR_`). */
export const SVGA3dClearFlag = { COLOR: 0x1, DEPTH: 0x2, STENCIL: 0x4, COLORFILL: 0x8 } as const;
export const SVGA3dClearFlagEnum = namedEnum('SVGA3dClearFlag', 'SVGA3D_CLEAR_', SVGA3dClearFlag);

/** `SVGA3dRenderTargetType` (prefix `SVGA3D_RT_`). */
export const SVGA3dRenderTargetType = {
  DEPTH: 0, STENCIL: 1, COLOR0: 2, COLOR1: 3, COLOR2: 4, COLOR3: 5, COLOR4: 6, COLOR5: 7,
  COLOR6: 8, COLOR7: 9, MAX: 10, INVALID: 0xffffffff,
} as const;
export const SVGA3dRenderTargetTypeEnum = namedEnum('SVGA3dRenderTargetType', 'SVGA3D_RT_', SVGA3dRenderTargetType);

/** `SVGA3dTransferType` (prefix `SVGA3D_`). */
export const SVGA3dTransferType = { WRITE_HOST_VRAM: 1, READ_HOST_VRAM: 2 } as const;
export const SVGA3dTransferTypeEnum = namedEnum('SVGA3dTransferType', 'SVGA3D_', SVGA3dTransferType);

/** `SVGA3dStretchBltMode` (prefix `SVGA3D_STRETCH_BLT_`). */
export const SVGA3dStretchBltMode = { POINT: 0, LINEAR: 1 } as const;
export const SVGA3dStretchBltModeEnum = namedEnum('SVGA3dStretchBltMode', 'SVGA3D_STRETCH_BLT_', SVGA3dStretchBltMode);

/** `SVGA3dCubeFace` (prefix `SVGA3D_CUBEFACE_`) = D3DCUBEMAP_FACES. */
export const SVGA3dCubeFace = { POSX: 0, NEGX: 1, POSY: 2, NEGY: 3, POSZ: 4, NEGZ: 5 } as const;

/** `SVGA3dSurfaceFlags` bits (prefix `SVGA3D_SURFACE_`), the low 32 bits carried by DEFINE. */
export const SVGA3dSurfaceFlags = {
  CUBEMAP: 1 << 0,
  HINT_STATIC: 1 << 1,
  HINT_DYNAMIC: 1 << 2,
  HINT_INDEXBUFFER: 1 << 3,
  HINT_VERTEXBUFFER: 1 << 4,
  HINT_TEXTURE: 1 << 5,
  HINT_RENDERTARGET: 1 << 6,
  HINT_DEPTHSTENCIL: 1 << 7,
  HINT_WRITEONLY: 1 << 8,
  MASKABLE_ANTIALIAS: 1 << 9,
  AUTOGENMIPMAPS: 1 << 10,
} as const;
export const SVGA3dSurfaceFlagsEnum = namedEnum('SVGA3dSurfaceFlags', 'SVGA3D_SURFACE_', SVGA3dSurfaceFlags);

/** Value enum of a render state, for printing SETRENDERSTATE entries by name. */
export const SVGA3D_RS_VALUE_ENUMS: ReadonlyMap<number, NamedEnum> = new Map<number, NamedEnum>([
  [RS.SHADEMODE, SVGA3dShadeModeEnum],
  [RS.SRCBLEND, SVGA3dBlendOpEnum],
  [RS.DSTBLEND, SVGA3dBlendOpEnum],
  [RS.SRCBLENDALPHA, SVGA3dBlendOpEnum],
  [RS.DSTBLENDALPHA, SVGA3dBlendOpEnum],
  [RS.BLENDEQUATION, SVGA3dBlendEquationEnum],
  [RS.BLENDEQUATIONALPHA, SVGA3dBlendEquationEnum],
  [RS.CULLMODE, SVGA3dFaceEnum],
  [RS.ZFUNC, SVGA3dCmpFuncEnum],
  [RS.ALPHAFUNC, SVGA3dCmpFuncEnum],
  [RS.STENCILFUNC, SVGA3dCmpFuncEnum],
  [RS.CCWSTENCILFUNC, SVGA3dCmpFuncEnum],
  [RS.STENCILFAIL, SVGA3dStencilOpEnum],
  [RS.STENCILZFAIL, SVGA3dStencilOpEnum],
  [RS.STENCILPASS, SVGA3dStencilOpEnum],
  [RS.CCWSTENCILFAIL, SVGA3dStencilOpEnum],
  [RS.CCWSTENCILZFAIL, SVGA3dStencilOpEnum],
  [RS.CCWSTENCILPASS, SVGA3dStencilOpEnum],
  [RS.FRONTWINDING, SVGA3dFrontWindingEnum],
  [RS.COORDINATETYPE, SVGA3dCoordinateTypeEnum],
  [RS.DIFFUSEMATERIALSOURCE, SVGA3dVertexMaterialEnum],
  [RS.SPECULARMATERIALSOURCE, SVGA3dVertexMaterialEnum],
  [RS.AMBIENTMATERIALSOURCE, SVGA3dVertexMaterialEnum],
  [RS.EMISSIVEMATERIALSOURCE, SVGA3dVertexMaterialEnum],
]);
