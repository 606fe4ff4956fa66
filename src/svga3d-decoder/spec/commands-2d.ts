/**
 * The 2D FIFO commands with a known body size (protocol notes §2.4, `svga_reg.h`). A 2D command
 * has no size word: the body size follows from the id, and for DEFINE_CURSOR,
 * DEFINE_ALPHA_CURSOR, ESCAPE, DEFINE_SCREEN and REMAP_GMR2 from the body's own fields.
 */
import { cmd2d } from './command-spec.js';
import { hex32, i32, struct, u32 } from './layout.js';
import { SVGAGuestPtr, SVGASignedPoint, SVGASignedRect } from './structs.js';
import type {
  AlphaCursorTail,
  CursorMasksTail,
  EscapeTail,
  RemapGmr2Tail,
  ScreenObjectTail,
} from './tails.js';

const CURSOR_MASKS: CursorMasksTail = { kind: 'cursorMasks' };
const ALPHA_CURSOR: AlphaCursorTail = { kind: 'alphaCursorImage' };
const ESCAPE_DATA: EscapeTail = { kind: 'escapeData' };
const SCREEN_OBJECT: ScreenObjectTail = { kind: 'screenObject' };
const REMAP_PAYLOAD: RemapGmr2Tail = { kind: 'remapGmr2Payload' };

/** Every decodable 2D command, in id order. */
export const COMMANDS_2D = [
  cmd2d(0, 'INVALID_CMD', 'SVGAFifoCmdInvalid', {}),
  cmd2d(1, 'UPDATE', 'SVGAFifoCmdUpdate', { x: u32, y: u32, width: u32, height: u32 }),
  // Deprecated; kept by VirtualBox and QEMU, no longer in VMware's headers.
  cmd2d(2, 'RECT_FILL', 'SVGAFifoCmdRectFill', { pixel: hex32, destX: u32, destY: u32, width: u32, height: u32 }),
  cmd2d(3, 'RECT_COPY', 'SVGAFifoCmdRectCopy', {
    srcX: u32, srcY: u32, destX: u32, destY: u32, width: u32, height: u32,
  }),
  cmd2d(14, 'RECT_ROP_COPY', 'SVGAFifoCmdRectRopCopy', {
    srcX: u32, srcY: u32, destX: u32, destY: u32, width: u32, height: u32, rop: u32,
  }),
  // 28 + two masks of height × ceil(width × depth / 32) × 4 bytes.
  cmd2d(19, 'DEFINE_CURSOR', 'SVGAFifoCmdDefineCursor', {
    id: u32, hotspotX: u32, hotspotY: u32, width: u32, height: u32, andMaskDepth: u32, xorMaskDepth: u32,
  }, CURSOR_MASKS),
  cmd2d(20, 'DISPLAY_CURSOR', 'SVGAFifoCmdDisplayCursor', { id: u32, state: u32 }),
  cmd2d(21, 'MOVE_CURSOR', 'SVGAFifoCmdMoveCursor', { x: u32, y: u32 }),
  // 20 + width × height × 4 bytes.
  cmd2d(22, 'DEFINE_ALPHA_CURSOR', 'SVGAFifoCmdDefineAlphaCursor', {
    id: u32, hotspotX: u32, hotspotY: u32, width: u32, height: u32,
  }, ALPHA_CURSOR),
  cmd2d(25, 'UPDATE_VERBOSE', 'SVGAFifoCmdUpdateVerbose', { x: u32, y: u32, width: u32, height: u32, reason: hex32 }),
  cmd2d(29, 'FRONT_ROP_FILL', 'SVGAFifoCmdFrontRopFill', {
    color: hex32, x: u32, y: u32, width: u32, height: u32, rop: u32,
  }),
  cmd2d(30, 'FENCE', 'SVGAFifoCmdFence', { fence: u32 }),
  // 8 + size bytes, padded to a whole word.
  cmd2d(33, 'ESCAPE', 'SVGAFifoCmdEscape', { nsid: hex32, size: u32 }, ESCAPE_DATA),
  // The body is an SVGAScreenObject (flattened here); structSize = 28, 40 or 44 bytes.
  cmd2d(34, 'DEFINE_SCREEN', 'SVGAScreenObject', {
    structSize: u32,
    id: u32,
    flags: hex32,
    size: struct(undefined, { width: u32, height: u32 }),
    root: struct(undefined, { x: i32, y: i32 }),
  }, SCREEN_OBJECT),
  cmd2d(35, 'DESTROY_SCREEN', 'SVGAFifoCmdDestroyScreen', { screenId: u32 }),
  // format = SVGAGMRImageFormat: bits 0–7 bitsPerPixel, 8–15 colorDepth.
  cmd2d(36, 'DEFINE_GMRFB', 'SVGAFifoCmdDefineGMRFB', { ptr: SVGAGuestPtr, bytesPerLine: u32, format: hex32 }),
  cmd2d(37, 'BLIT_GMRFB_TO_SCREEN', 'SVGAFifoCmdBlitGMRFBToScreen', {
    srcOrigin: SVGASignedPoint, destRect: SVGASignedRect, destScreenId: u32,
  }),
  cmd2d(38, 'BLIT_SCREEN_TO_GMRFB', 'SVGAFifoCmdBlitScreenToGMRFB', {
    destOrigin: SVGASignedPoint, srcRect: SVGASignedRect, srcScreenId: u32,
  }),
  cmd2d(39, 'ANNOTATION_FILL', 'SVGAFifoCmdAnnotationFill', { color: hex32 }),
  cmd2d(40, 'ANNOTATION_COPY', 'SVGAFifoCmdAnnotationCopy', { srcOrigin: SVGASignedPoint, srcScreenId: u32 }),
  cmd2d(41, 'DEFINE_GMR2', 'SVGAFifoCmdDefineGMR2', { gmrId: u32, numPages: u32 }),
  // 16 + payload: VIA_GMR → 8 bytes; else (SINGLE_PPN ? 1 : numPages) × (PPN64 ? 8 : 4) bytes.
  cmd2d(42, 'REMAP_GMR2', 'SVGAFifoCmdRemapGMR2', { gmrId: u32, flags: hex32, offsetPages: u32, numPages: u32 }, REMAP_PAYLOAD),
] as const;

/** `SVGARemapGMR2Flags`. */
export const SVGARemapGMR2Flags = { PPN32: 0, VIA_GMR: 1 << 0, PPN64: 1 << 1, SINGLE_PPN: 1 << 2 } as const;
