/**
 * The command bodies the screen system executes, as minimal structural types.
 *
 * Field names follow the SVGA headers in camelCase with nested structs, as the command codec
 * (`src/svga3d-decoder`) spells them; the codec's `CommandBody<'…'>` types are assignable to these.
 * Every number is the raw 32-bit field: u32 fields arrive as 0…2^32−1, int32 fields as
 * −2^31…2^31−1. Variable parts (masks, pixels, rectangle lists, escape payloads) are arrays.
 */

/** `SVGA_ID_INVALID`: "no screen", i.e. virtual-desktop coordinates. */
export const SVGA_ID_INVALID = 0xffffffff;
/** `SVGA_ROP_COPY`, the only raster operation the device supports. */
export const SVGA_ROP_COPY = 3;

export interface SignedPoint { readonly x: number; readonly y: number }
/** `SVGASignedRect`: int32, left/top inclusive, right/bottom exclusive. */
export interface SignedRect { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number }
/** `SVGA3dRect`: u32 x, y, w, h. */
export interface Rect3d { readonly x: number; readonly y: number; readonly w: number; readonly h: number }
/** `SVGA3dCopyRect`: u32 destination x, y, size w, h, source srcx, srcy. */
export interface CopyRect3d extends Rect3d { readonly srcx: number; readonly srcy: number }
export interface GuestPtr { readonly gmrId: number; readonly offset: number }

/** UPDATE (1) and UPDATE_VERBOSE (25, which adds `reason`). */
export interface UpdateBody { readonly x: number; readonly y: number; readonly width: number; readonly height: number }
export interface UpdateVerboseBody extends UpdateBody { readonly reason: number }
/** RECT_FILL (2): `pixel` is in the framebuffer's format. */
export interface RectFillBody {
  readonly pixel: number; readonly destX: number; readonly destY: number; readonly width: number; readonly height: number;
}
/** RECT_COPY (3). */
export interface RectCopyBody {
  readonly srcX: number; readonly srcY: number; readonly destX: number; readonly destY: number;
  readonly width: number; readonly height: number;
}
/** RECT_ROP_COPY (14). */
export interface RectRopCopyBody extends RectCopyBody { readonly rop: number }
/** FRONT_ROP_FILL (29): `color` in the framebuffer's format. */
export interface FrontRopFillBody {
  readonly color: number; readonly x: number; readonly y: number; readonly width: number; readonly height: number;
  readonly rop: number;
}
/** DEFINE_CURSOR (19): masks are the scanline data exactly as sent (each line padded to 32 bits). */
export interface DefineCursorBody {
  readonly id: number; readonly hotspotX: number; readonly hotspotY: number;
  readonly width: number; readonly height: number; readonly andMaskDepth: number; readonly xorMaskDepth: number;
  readonly andMask: Uint8Array; readonly xorMask: Uint8Array;
}
/** DEFINE_ALPHA_CURSOR (22): `data` is width × height BGRA words, premultiplied alpha. */
export interface DefineAlphaCursorBody {
  readonly id: number; readonly hotspotX: number; readonly hotspotY: number;
  readonly width: number; readonly height: number; readonly data: Uint8Array;
}
/** DISPLAY_CURSOR (20). */
export interface DisplayCursorBody { readonly id: number; readonly state: number }
/** MOVE_CURSOR (21): u32 fields, read as int32 positions. */
export interface MoveCursorBody { readonly x: number; readonly y: number }
/** ESCAPE (33): `data` is the `size` payload bytes. */
export interface EscapeBody { readonly nsid: number; readonly size: number; readonly data: Uint8Array }
/** `SVGAScreenObject`: 28 bytes, or 40/44 with the Screen Object 2 fields. */
export interface ScreenObjectFields {
  readonly structSize: number;
  readonly id: number;
  readonly flags: number;
  readonly size: { readonly width: number; readonly height: number };
  readonly root: SignedPoint;
  readonly backingStore?: { readonly ptr: GuestPtr; readonly pitch: number };
  readonly cloneCount?: number;
}
/** DEFINE_SCREEN (34). */
export interface DefineScreenBody { readonly screen: ScreenObjectFields }
/** DESTROY_SCREEN (35). */
export interface DestroyScreenBody { readonly screenId: number }
/** DEFINE_GMRFB (36): format bits 0–7 bits per pixel, 8–15 colour depth, 16–31 reserved (0). */
export interface DefineGmrfbBody {
  readonly ptr: GuestPtr; readonly bytesPerLine: number;
  readonly format: { readonly bitsPerPixel: number; readonly colorDepth: number; readonly reserved: number };
}
/** BLIT_GMRFB_TO_SCREEN (37). */
export interface BlitGmrfbToScreenBody { readonly srcOrigin: SignedPoint; readonly destRect: SignedRect; readonly destScreenId: number }
/** BLIT_SCREEN_TO_GMRFB (38). */
export interface BlitScreenToGmrfbBody { readonly destOrigin: SignedPoint; readonly srcRect: SignedRect; readonly srcScreenId: number }
/** ANNOTATION_FILL (39): `color` as SVGAColorBGRX, i.e. 0x00RRGGBB. */
export interface AnnotationFillBody { readonly color: number }
/** ANNOTATION_COPY (40). */
export interface AnnotationCopyBody { readonly srcOrigin: SignedPoint; readonly srcScreenId: number }
/** `SVGA3dSurfaceImageId`. */
export interface SurfaceImageId { readonly sid: number; readonly face: number; readonly mipmap: number }
/** SVGA_3D_CMD_PRESENT (1058). */
export interface PresentBody { readonly sid: number; readonly rects: readonly CopyRect3d[] }
/** SVGA_3D_CMD_PRESENT_READBACK (1068). */
export interface PresentReadbackBody { readonly rects: readonly Rect3d[] }
/** SVGA_3D_CMD_BLIT_SURFACE_TO_SCREEN (1069): clip rects relative to destRect's top-left. */
export interface BlitSurfaceToScreenBody {
  readonly srcImage: SurfaceImageId; readonly srcRect: SignedRect; readonly destScreenId: number;
  readonly destRect: SignedRect; readonly clipRects: readonly SignedRect[];
}
