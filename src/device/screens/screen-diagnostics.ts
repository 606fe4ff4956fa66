/**
 * Diagnostic codes of the screens area (3600–3799): screens, 2D FIFO commands, GMRFB blits, 3D
 * presents to screens, cursors and video overlays. Codes are stable: add rows, never renumber.
 */
import { defineDiagnosticCodes } from '../../common/diagnostics.js';

/** Every code of this area, by symbolic name. */
export const SCREEN_DIAGNOSTICS = defineDiagnosticCodes({
  /** A command names a screen id that is out of range or not defined. */
  E_SCREEN_ID: 3600,
  /** DEFINE_SCREEN with a bad struct size, a zero or oversized size, or over the pixel budget. */
  E_SCREEN_DEFINE: 3601,
  /** DEFINE_SCREEN without SVGA_SCREEN_MUST_BE_SET: defined anyway, as VMware's results are undefined. */
  W_SCREEN_FLAGS: 3602,
  /** A legacy 2D command while no legacy display (mode) is set. */
  E_NO_LEGACY_MODE: 3610,
  /** The legacy mode's bits per pixel is not one of 8, 15, 16, 24, 32. */
  E_LEGACY_FORMAT: 3611,
  /** A rectangle of the guest framebuffer lies outside VRAM. */
  E_GFB_RANGE: 3612,
  /** RECT_ROP_COPY / FRONT_ROP_FILL with a raster operation other than SVGA_ROP_COPY (3). */
  E_ROP: 3613,
  /** DEFINE_GMRFB with an unsupported format word; the GMRFB becomes undefined. */
  E_GMRFB_FORMAT: 3620,
  /** A GMRFB blit before any valid DEFINE_GMRFB. */
  E_GMRFB_UNDEFINED: 3621,
  /** A GMRFB row lies outside its GMR (or the GMR is not defined); nothing is copied. */
  E_GMRFB_RANGE: 3622,
  /** BLIT_SCREEN_TO_GMRFB whose source rectangle does not lie inside one screen. */
  E_SCREEN_SOURCE: 3623,
  /** An ANNOTATION_FILL colour that the blitted guest bytes do not match (the bytes win). */
  I_ANNOTATION_MISMATCH: 3624,
  /** PRESENT / BLIT_SURFACE_TO_SCREEN naming a surface that does not exist or has no face 0 mip 0. */
  E_SURFACE: 3630,
  /** The surface's format cannot be read as RGBA8. */
  E_SURFACE_FORMAT: 3631,
  /** More copy or clip rectangles than the per-command limit. */
  E_RECT_COUNT: 3632,
  /** A command would write more pixels than the per-command work budget; the rest is skipped. */
  E_WORK_BUDGET: 3633,
  /** An empty or inverted source or destination rectangle: nothing to do. */
  I_EMPTY_RECT: 3634,
  /** A cursor definition with bad id, size, depth or data length. */
  E_CURSOR: 3640,
  /** An ESCAPE in an unknown namespace or with an unknown command: skipped. */
  I_ESCAPE_UNKNOWN: 3650,
  /** A malformed video escape (short payload, bad stream id, unknown register). */
  E_VIDEO_ESCAPE: 3651,
  /** A video FLUSH whose registers describe an unsupported or oversized frame. */
  E_VIDEO_FRAME: 3652,
  /** A video FLUSH whose frame data lies outside its GMR; the overlay keeps its previous frame. */
  E_VIDEO_RANGE: 3653,
});
