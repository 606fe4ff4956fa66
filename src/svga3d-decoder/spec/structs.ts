/**
 * Sub-structures shared by several commands (protocol notes §3, "Common sub-structures"), with the
 * SVGA headers' type and member names. All fields are 32-bit words; there is no padding.
 */
import {
  SVGA3dDeclMethodEnum,
  SVGA3dDeclTypeEnum,
  SVGA3dDeclUsageEnum,
  SVGA3dLightTypeEnum,
  SVGA3dPrimitiveTypeEnum,
} from './enums.js';
import { array, enumU32, f32, hex32, i32, struct, u32, type ValueOf } from './layout.js';

export const SVGA3dSurfaceImageId = struct('SVGA3dSurfaceImageId', { sid: u32, face: u32, mipmap: u32 });
export type SVGA3dSurfaceImageId = ValueOf<typeof SVGA3dSurfaceImageId>;

export const SVGAGuestPtr = struct('SVGAGuestPtr', { gmrId: hex32, offset: u32 });
export type SVGAGuestPtr = ValueOf<typeof SVGAGuestPtr>;

export const SVGA3dGuestImage = struct('SVGA3dGuestImage', { ptr: SVGAGuestPtr, pitch: u32 });
export type SVGA3dGuestImage = ValueOf<typeof SVGA3dGuestImage>;

export const SVGA3dSize = struct('SVGA3dSize', { width: u32, height: u32, depth: u32 });
export type SVGA3dSize = ValueOf<typeof SVGA3dSize>;

export const SVGA3dRect = struct('SVGA3dRect', { x: u32, y: u32, w: u32, h: u32 });
export type SVGA3dRect = ValueOf<typeof SVGA3dRect>;

export const SVGASignedRect = struct('SVGASignedRect', { left: i32, top: i32, right: i32, bottom: i32 });
export type SVGASignedRect = ValueOf<typeof SVGASignedRect>;

export const SVGASignedPoint = struct('SVGASignedPoint', { x: i32, y: i32 });
export type SVGASignedPoint = ValueOf<typeof SVGASignedPoint>;

export const SVGA3dBox = struct('SVGA3dBox', { x: u32, y: u32, z: u32, w: u32, h: u32, d: u32 });
export type SVGA3dBox = ValueOf<typeof SVGA3dBox>;

export const SVGA3dCopyRect = struct('SVGA3dCopyRect', { x: u32, y: u32, w: u32, h: u32, srcx: u32, srcy: u32 });
export type SVGA3dCopyRect = ValueOf<typeof SVGA3dCopyRect>;

/** x, y, z = destination; srcx, srcy, srcz = source (for DMA: host position, guest position). */
export const SVGA3dCopyBox = struct('SVGA3dCopyBox', {
  x: u32, y: u32, z: u32, w: u32, h: u32, d: u32, srcx: u32, srcy: u32, srcz: u32,
});
export type SVGA3dCopyBox = ValueOf<typeof SVGA3dCopyBox>;

export const SVGA3dArray = struct('SVGA3dArray', { surfaceId: u32, offset: u32, stride: u32 });
export type SVGA3dArray = ValueOf<typeof SVGA3dArray>;

const rgba = array(f32, 4);
export const SVGA3dMaterial = struct('SVGA3dMaterial', {
  diffuse: rgba, ambient: rgba, specular: rgba, emissive: rgba, shininess: f32,
});
export type SVGA3dMaterial = ValueOf<typeof SVGA3dMaterial>;

export const SVGA3dLightData = struct('SVGA3dLightData', {
  type: enumU32(SVGA3dLightTypeEnum),
  inWorldSpace: u32,
  diffuse: rgba,
  specular: rgba,
  ambient: rgba,
  position: rgba,
  direction: rgba,
  range: f32,
  falloff: f32,
  attenuation0: f32,
  attenuation1: f32,
  attenuation2: f32,
  theta: f32,
  phi: f32,
});
export type SVGA3dLightData = ValueOf<typeof SVGA3dLightData>;

export const SVGA3dVertexDecl = struct('SVGA3dVertexDecl', {
  identity: struct('SVGA3dVertexArrayIdentity', {
    type: enumU32(SVGA3dDeclTypeEnum),
    method: enumU32(SVGA3dDeclMethodEnum),
    usage: enumU32(SVGA3dDeclUsageEnum),
    usageIndex: u32,
  }),
  array: SVGA3dArray,
  rangeHint: struct('SVGA3dArrayRangeHint', { first: u32, last: u32 }),
});
export type SVGA3dVertexDecl = ValueOf<typeof SVGA3dVertexDecl>;

export const SVGA3dPrimitiveRange = struct('SVGA3dPrimitiveRange', {
  primType: enumU32(SVGA3dPrimitiveTypeEnum),
  primitiveCount: u32,
  indexArray: SVGA3dArray,
  indexWidth: u32,
  indexBias: i32,
});
export type SVGA3dPrimitiveRange = ValueOf<typeof SVGA3dPrimitiveRange>;

/** The optional tail of SURFACE_DMA (`SVGA3dCmdSurfaceDMASuffix`). */
export const SVGA3dCmdSurfaceDMASuffix = struct('SVGA3dCmdSurfaceDMASuffix', {
  suffixSize: u32, maximumOffset: hex32, flags: hex32,
});
export type SVGA3dCmdSurfaceDMASuffix = ValueOf<typeof SVGA3dCmdSurfaceDMASuffix>;
