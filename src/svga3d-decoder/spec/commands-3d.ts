/**
 * The legacy SVGA3D commands (ids 1040–1071, 1080, 1081): protocol notes §3. Member names are
 * the SVGA headers' (`svga3d_reg.h`) in camelCase; nested header structs are nested objects.
 * Comments give the size rule of each variable part.
 */
import { cmd3d } from './command-spec.js';
import {
  SVGA3dClearFlagEnum,
  SVGA3dFaceEnum,
  SVGA3dQueryTypeEnum,
  SVGA3dRenderTargetTypeEnum,
  SVGA3dShaderConstTypeEnum,
  SVGA3dShaderTypeEnum,
  SVGA3dStretchBltModeEnum,
  SVGA3dSurfaceFlagsEnum,
  SVGA3dTransferTypeEnum,
  SVGA3dTransformTypeEnum,
} from './enums.js';
import { SVGA3dRenderStateNameEnum } from './enums-render-state.js';
import { SVGA3dTextureFilterEnum, SVGA3dTextureStateNameEnum } from './enums-texture-state.js';
import { array, enumU32, f32, flagsU32, hex32, shaderConstWord, stateValue, struct, u32 } from './layout.js';
import {
  SVGA3dBox,
  SVGA3dCopyBox,
  SVGA3dCopyRect,
  SVGA3dGuestImage,
  SVGA3dLightData,
  SVGA3dMaterial,
  SVGA3dRect,
  SVGA3dSize,
  SVGA3dSurfaceImageId,
  SVGAGuestPtr,
  SVGASignedRect,
} from './structs.js';
import { SVGA3dSurfaceFormatNameEnum } from './surface-format-names.js';
import { restArray, restBytes, type DrawPrimitivesTail, type SurfaceDmaTail } from './tails.js';

const surfaceFace = array(struct('SVGA3dSurfaceFace', { numMipLevels: u32 }), 6);
const surfaceFormat = enumU32(SVGA3dSurfaceFormatNameEnum);
const shaderType = enumU32(SVGA3dShaderTypeEnum);

const SURFACE_DMA_TAIL: SurfaceDmaTail = { kind: 'surfaceDma' };
const DRAW_PRIMITIVES_TAIL: DrawPrimitivesTail = { kind: 'drawPrimitives', maxVertexDecls: 32, maxRanges: 32 };

/** Every decodable 3D command, in id order. */
export const COMMANDS_3D = [
  // 36 + 12 × N: one SVGA3dSize per mip level per face, face-major.
  cmd3d(1040, 'SURFACE_DEFINE', 'SVGA3dCmdDefineSurface', {
    sid: u32, surfaceFlags: flagsU32(SVGA3dSurfaceFlagsEnum), format: surfaceFormat, face: surfaceFace,
  }, restArray('sizes', SVGA3dSize)),
  cmd3d(1041, 'SURFACE_DESTROY', 'SVGA3dCmdDestroySurface', { sid: u32 }),
  // 24 + 36 × N.
  cmd3d(1042, 'SURFACE_COPY', 'SVGA3dCmdSurfaceCopy', {
    src: SVGA3dSurfaceImageId, dest: SVGA3dSurfaceImageId,
  }, restArray('boxes', SVGA3dCopyBox)),
  cmd3d(1043, 'SURFACE_STRETCHBLT', 'SVGA3dCmdSurfaceStretchBlt', {
    src: SVGA3dSurfaceImageId, dest: SVGA3dSurfaceImageId, boxSrc: SVGA3dBox, boxDest: SVGA3dBox,
    mode: enumU32(SVGA3dStretchBltModeEnum),
  }),
  // 28 + 36 × N (+ 12 when the suffix is present: remainder 12 and first suffix word 12).
  cmd3d(1044, 'SURFACE_DMA', 'SVGA3dCmdSurfaceDMA', {
    guest: SVGA3dGuestImage, host: SVGA3dSurfaceImageId, transfer: enumU32(SVGA3dTransferTypeEnum),
  }, SURFACE_DMA_TAIL),
  cmd3d(1045, 'CONTEXT_DEFINE', 'SVGA3dCmdDefineContext', { cid: u32 }),
  cmd3d(1046, 'CONTEXT_DESTROY', 'SVGA3dCmdDestroyContext', { cid: u32 }),
  cmd3d(1047, 'SETTRANSFORM', 'SVGA3dCmdSetTransform', {
    cid: u32, type: enumU32(SVGA3dTransformTypeEnum), matrix: array(f32, 16),
  }),
  cmd3d(1048, 'SETZRANGE', 'SVGA3dCmdSetZRange', { cid: u32, zRange: struct('SVGA3dZRange', { min: f32, max: f32 }) }),
  // 4 + 8 × N.
  cmd3d(1049, 'SETRENDERSTATE', 'SVGA3dCmdSetRenderState', { cid: u32 }, restArray('states', struct('SVGA3dRenderState', {
    state: enumU32(SVGA3dRenderStateNameEnum), value: stateValue('renderState'),
  }))),
  cmd3d(1050, 'SETRENDERTARGET', 'SVGA3dCmdSetRenderTarget', {
    cid: u32, type: enumU32(SVGA3dRenderTargetTypeEnum), target: SVGA3dSurfaceImageId,
  }),
  // 4 + 12 × N.
  cmd3d(1051, 'SETTEXTURESTATE', 'SVGA3dCmdSetTextureState', { cid: u32 }, restArray('states', struct('SVGA3dTextureState', {
    stage: u32, name: enumU32(SVGA3dTextureStateNameEnum), value: stateValue('textureState'),
  }))),
  cmd3d(1052, 'SETMATERIAL', 'SVGA3dCmdSetMaterial', { cid: u32, face: enumU32(SVGA3dFaceEnum), material: SVGA3dMaterial }),
  cmd3d(1053, 'SETLIGHTDATA', 'SVGA3dCmdSetLightData', { cid: u32, index: u32, data: SVGA3dLightData }),
  cmd3d(1054, 'SETLIGHTENABLED', 'SVGA3dCmdSetLightEnabled', { cid: u32, index: u32, enabled: u32 }),
  cmd3d(1055, 'SETVIEWPORT', 'SVGA3dCmdSetViewport', { cid: u32, rect: SVGA3dRect }),
  cmd3d(1056, 'SETCLIPPLANE', 'SVGA3dCmdSetClipPlane', { cid: u32, index: u32, plane: array(f32, 4) }),
  // 20 + 16 × N.
  cmd3d(1057, 'CLEAR', 'SVGA3dCmdClear', {
    cid: u32, clearFlag: flagsU32(SVGA3dClearFlagEnum), color: hex32, depth: f32, stencil: u32,
  }, restArray('rects', SVGA3dRect)),
  // 4 + 24 × N.
  cmd3d(1058, 'PRESENT', 'SVGA3dCmdPresent', { sid: u32 }, restArray('rects', SVGA3dCopyRect)),
  // 12 + bytecode (size − 12 bytes, a whole number of DWORDs).
  cmd3d(1059, 'SHADER_DEFINE', 'SVGA3dCmdDefineShader', { cid: u32, shid: u32, type: shaderType }, restBytes('bytecode')),
  cmd3d(1060, 'SHADER_DESTROY', 'SVGA3dCmdDestroyShader', { cid: u32, shid: u32, type: shaderType }),
  cmd3d(1061, 'SET_SHADER', 'SVGA3dCmdSetShader', { cid: u32, type: shaderType, shid: u32 }),
  // 16 + 16 × N, N ≥ 1: one `values[4]` per register starting at `reg`.
  cmd3d(1062, 'SET_SHADER_CONST', 'SVGA3dCmdSetShaderConst', {
    cid: u32, reg: u32, type: shaderType, ctype: enumU32(SVGA3dShaderConstTypeEnum),
  }, restArray('values', array(shaderConstWord, 4), 1)),
  // 12 + 36 × numVertexDecls + 28 × numRanges (+ 4 × numVertexDecls divisors).
  cmd3d(1063, 'DRAW_PRIMITIVES', 'SVGA3dCmdDrawPrimitives', { cid: u32, numVertexDecls: u32, numRanges: u32 }, DRAW_PRIMITIVES_TAIL),
  cmd3d(1064, 'SETSCISSORRECT', 'SVGA3dCmdSetScissorRect', { cid: u32, rect: SVGA3dRect }),
  cmd3d(1065, 'BEGIN_QUERY', 'SVGA3dCmdBeginQuery', { cid: u32, type: enumU32(SVGA3dQueryTypeEnum) }),
  cmd3d(1066, 'END_QUERY', 'SVGA3dCmdEndQuery', { cid: u32, type: enumU32(SVGA3dQueryTypeEnum), guestResult: SVGAGuestPtr }),
  cmd3d(1067, 'WAIT_FOR_QUERY', 'SVGA3dCmdWaitForQuery', { cid: u32, type: enumU32(SVGA3dQueryTypeEnum), guestResult: SVGAGuestPtr }),
  // 16 × N.
  cmd3d(1068, 'PRESENT_READBACK', 'SVGA3dCmdPresentReadback', {}, restArray('rects', SVGA3dRect)),
  // 48 + 16 × N clip rectangles, relative to destRect.
  cmd3d(1069, 'BLIT_SURFACE_TO_SCREEN', 'SVGA3dCmdBlitSurfaceToScreen', {
    srcImage: SVGA3dSurfaceImageId, srcRect: SVGASignedRect, destScreenId: u32, destRect: SVGASignedRect,
  }, restArray('clipRects', SVGASignedRect)),
  // 44 + 12 × N.
  cmd3d(1070, 'SURFACE_DEFINE_V2', 'SVGA3dCmdDefineSurface_v2', {
    sid: u32, surfaceFlags: flagsU32(SVGA3dSurfaceFlagsEnum), format: surfaceFormat, face: surfaceFace,
    multisampleCount: u32, autogenFilter: enumU32(SVGA3dTextureFilterEnum),
  }, restArray('sizes', SVGA3dSize)),
  cmd3d(1071, 'GENERATE_MIPMAPS', 'SVGA3dCmdGenerateMipmaps', { sid: u32, filter: enumU32(SVGA3dTextureFilterEnum) }),
  cmd3d(1080, 'ACTIVATE_SURFACE', 'SVGA3dCmdActivateSurface', { sid: u32 }),
  cmd3d(1081, 'DEACTIVATE_SURFACE', 'SVGA3dCmdDeactivateSurface', { sid: u32 }),
] as const;
