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

/** One image of a surface: `{sid, face, mipmap}` (12 bytes). */
export const SVGA3dSurfaceImageId = struct('SVGA3dSurfaceImageId', { sid: u32, face: u32, mipmap: u32 });
export type SVGA3dSurfaceImageId = ValueOf<typeof SVGA3dSurfaceImageId>;

/** A pointer into guest memory: GMR id and byte offset (8 bytes). */
export const SVGAGuestPtr = struct('SVGAGuestPtr', { gmrId: hex32, offset: u32 });
export type SVGAGuestPtr = ValueOf<typeof SVGAGuestPtr>;

/** Guest memory image: pointer and pitch in bytes, 0 = tightly packed (12 bytes). */
export const SVGA3dGuestImage = struct('SVGA3dGuestImage', { ptr: SVGAGuestPtr, pitch: u32 });
export type SVGA3dGuestImage = ValueOf<typeof SVGA3dGuestImage>;

/** Pixel dimensions of one mip level (12 bytes). */
export const SVGA3dSize = struct('SVGA3dSize', { width: u32, height: u32, depth: u32 });
export type SVGA3dSize = ValueOf<typeof SVGA3dSize>;

/** Unsigned rectangle `{x, y, w, h}` (16 bytes). */
export const SVGA3dRect = struct('SVGA3dRect', { x: u32, y: u32, w: u32, h: u32 });
export type SVGA3dRect = ValueOf<typeof SVGA3dRect>;

/** Signed half-open rectangle, left/top inclusive, right/bottom exclusive (16 bytes). */
export const SVGASignedRect = struct('SVGASignedRect', { left: i32, top: i32, right: i32, bottom: i32 });
export type SVGASignedRect = ValueOf<typeof SVGASignedRect>;

/** Signed point (8 bytes). */
export const SVGASignedPoint = struct('SVGASignedPoint', { x: i32, y: i32 });
export type SVGASignedPoint = ValueOf<typeof SVGASignedPoint>;

/** Box `{x, y, z, w, h, d}` (24 bytes). */
export const SVGA3dBox = struct('SVGA3dBox', { x: u32, y: u32, z: u32, w: u32, h: u32, d: u32 });
export type SVGA3dBox = ValueOf<typeof SVGA3dBox>;

/** Rectangle copy: destination x, y, size, source srcx, srcy (24 bytes). */
export const SVGA3dCopyRect = struct('SVGA3dCopyRect', { x: u32, y: u32, w: u32, h: u32, srcx: u32, srcy: u32 });
export type SVGA3dCopyRect = ValueOf<typeof SVGA3dCopyRect>;

/** Box copy (36 bytes): x, y, z = destination; srcx, srcy, srcz = source (for DMA: host position, guest position). */
export const SVGA3dCopyBox = struct('SVGA3dCopyBox', {
  x: u32, y: u32, z: u32, w: u32, h: u32, d: u32, srcx: u32, srcy: u32, srcz: u32,
});
export type SVGA3dCopyBox = ValueOf<typeof SVGA3dCopyBox>;

/** A vertex or index array: surface, byte offset, byte stride (12 bytes). */
export const SVGA3dArray = struct('SVGA3dArray', { surfaceId: u32, offset: u32, stride: u32 });
export type SVGA3dArray = ValueOf<typeof SVGA3dArray>;

const rgba = array(f32, 4);
/** Fixed-function material, colours as r, g, b, a floats (68 bytes). */
export const SVGA3dMaterial = struct('SVGA3dMaterial', {
  diffuse: rgba, ambient: rgba, specular: rgba, emissive: rgba, shininess: f32,
});
export type SVGA3dMaterial = ValueOf<typeof SVGA3dMaterial>;

/** Fixed-function light (116 bytes). */
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

/** One vertex element of DRAW_PRIMITIVES (36 bytes). */
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

/** One primitive range of DRAW_PRIMITIVES; indexBias is signed (28 bytes). */
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
