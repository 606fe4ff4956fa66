/**
 * The command bodies the screen system executes: the command codec's decoded bodies
 * (`CommandBody<'…'>` of `src/svga3d-decoder`), under short local names.
 *
 * Every number is the raw 32-bit field: u32 fields arrive as 0…2^32−1, int32 fields as
 * −2^31…2^31−1. Variable parts (masks, pixels, rectangle lists, escape payloads) are arrays.
 */
import type { CommandBody } from '../../svga3d-decoder/index.js';

/** `SVGA_ID_INVALID`: "no screen", i.e. virtual-desktop coordinates. */
export const SVGA_ID_INVALID = 0xffffffff;
/** `SVGA_ROP_COPY`, the only raster operation the device supports. */
export const SVGA_ROP_COPY = 3;

/** `SVGASignedRect`: int32, left/top inclusive, right/bottom exclusive. */
export interface SignedRect { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number }

export type UpdateBody = CommandBody<'UPDATE'>;
export type UpdateVerboseBody = CommandBody<'UPDATE_VERBOSE'>;
/** RECT_FILL: `pixel` is in the framebuffer's format. */
export type RectFillBody = CommandBody<'RECT_FILL'>;
export type RectCopyBody = CommandBody<'RECT_COPY'>;
export type RectRopCopyBody = CommandBody<'RECT_ROP_COPY'>;
/** FRONT_ROP_FILL: `color` in the framebuffer's format. */
export type FrontRopFillBody = CommandBody<'FRONT_ROP_FILL'>;
/** DEFINE_CURSOR: `andMask` / `xorMask` are the scanlines as sent (each padded to 32 bits). */
export type DefineCursorBody = CommandBody<'DEFINE_CURSOR'>;
/** DEFINE_ALPHA_CURSOR: `pixels` is width × height BGRA words, premultiplied alpha. */
export type DefineAlphaCursorBody = CommandBody<'DEFINE_ALPHA_CURSOR'>;
export type DisplayCursorBody = CommandBody<'DISPLAY_CURSOR'>;
/** MOVE_CURSOR: u32 fields, read as int32 positions. */
export type MoveCursorBody = CommandBody<'MOVE_CURSOR'>;
/** ESCAPE: `data` is the `size` payload bytes. */
export type EscapeBody = CommandBody<'ESCAPE'>;
/** DEFINE_SCREEN: the flattened `SVGAScreenObject` (28 bytes, or 40/44 with backingStore, cloneCount). */
export type DefineScreenBody = CommandBody<'DEFINE_SCREEN'>;
export type DestroyScreenBody = CommandBody<'DESTROY_SCREEN'>;
/** DEFINE_GMRFB: `format` bits 0–7 bits per pixel, 8–15 colour depth, 16–31 reserved (0). */
export type DefineGmrfbBody = CommandBody<'DEFINE_GMRFB'>;
export type BlitGmrfbToScreenBody = CommandBody<'BLIT_GMRFB_TO_SCREEN'>;
export type BlitScreenToGmrfbBody = CommandBody<'BLIT_SCREEN_TO_GMRFB'>;
/** ANNOTATION_FILL: `color` as SVGAColorBGRX, i.e. 0x00RRGGBB. */
export type AnnotationFillBody = CommandBody<'ANNOTATION_FILL'>;
export type AnnotationCopyBody = CommandBody<'ANNOTATION_COPY'>;
/** PRESENT: `rects` are SVGA3dCopyRect (x, y, w, h, srcx, srcy). */
export type PresentBody = CommandBody<'PRESENT'>;
/** PRESENT_READBACK: `rects` are SVGA3dRect (x, y, w, h). */
export type PresentReadbackBody = CommandBody<'PRESENT_READBACK'>;
/** BLIT_SURFACE_TO_SCREEN: `clipRects` relative to destRect's top-left. */
export type BlitSurfaceToScreenBody = CommandBody<'BLIT_SURFACE_TO_SCREEN'>;
