/**
 * Diagnostic codes of the screens area (3600–3799): screens, 2D FIFO commands, GMRFB blits, 3D
 * presents to screens, cursors and video overlays. Codes are stable: add rows, never renumber.
 */
import type { DiagnosticCode } from '../../common/diagnostics.js';

function row(code: number, name: string, severity: DiagnosticCode['severity']): DiagnosticCode {
  return { code, name, severity };
}

/** Every code of this area, by symbolic name. */
export const SCREEN_DIAGNOSTICS = {
  /** A command names a screen id that is out of range or not defined. */
  E_SCREEN_ID: row(3600, 'E_SCREEN_ID', 'error'),
  /** DEFINE_SCREEN with a bad struct size, a zero or oversized size, or over the pixel budget. */
  E_SCREEN_DEFINE: row(3601, 'E_SCREEN_DEFINE', 'error'),
  /** DEFINE_SCREEN without SVGA_SCREEN_MUST_BE_SET: defined anyway, as VMware's results are undefined. */
  W_SCREEN_FLAGS: row(3602, 'W_SCREEN_FLAGS', 'warning'),
  /** A legacy 2D command while no legacy display (mode) is set. */
  E_NO_LEGACY_MODE: row(3610, 'E_NO_LEGACY_MODE', 'error'),
  /** The legacy mode's bits per pixel is not one of 8, 15, 16, 24, 32. */
  E_LEGACY_FORMAT: row(3611, 'E_LEGACY_FORMAT', 'error'),
  /** A rectangle of the guest framebuffer lies outside VRAM. */
  E_GFB_RANGE: row(3612, 'E_GFB_RANGE', 'error'),
  /** RECT_ROP_COPY / FRONT_ROP_FILL with a raster operation other than SVGA_ROP_COPY (3). */
  E_ROP: row(3613, 'E_ROP', 'error'),
  /** DEFINE_GMRFB with an unsupported format word; the GMRFB becomes undefined. */
  E_GMRFB_FORMAT: row(3620, 'E_GMRFB_FORMAT', 'error'),
  /** A GMRFB blit before any valid DEFINE_GMRFB. */
  E_GMRFB_UNDEFINED: row(3621, 'E_GMRFB_UNDEFINED', 'error'),
  /** A GMRFB row lies outside its GMR (or the GMR is not defined); nothing is copied. */
  E_GMRFB_RANGE: row(3622, 'E_GMRFB_RANGE', 'error'),
  /** BLIT_SCREEN_TO_GMRFB whose source rectangle does not lie inside one screen. */
  E_SCREEN_SOURCE: row(3623, 'E_SCREEN_SOURCE', 'error'),
  /** An ANNOTATION_FILL colour that the blitted guest bytes do not match (the bytes win). */
  I_ANNOTATION_MISMATCH: row(3624, 'I_ANNOTATION_MISMATCH', 'info'),
  /** PRESENT / BLIT_SURFACE_TO_SCREEN naming a surface that does not exist or has no face 0 mip 0. */
  E_SURFACE: row(3630, 'E_SURFACE', 'error'),
  /** The surface's format cannot be read as RGBA8. */
  E_SURFACE_FORMAT: row(3631, 'E_SURFACE_FORMAT', 'error'),
  /** More copy or clip rectangles than the per-command limit. */
  E_RECT_COUNT: row(3632, 'E_RECT_COUNT', 'error'),
  /** A command would write more pixels than the per-command work budget; the rest is skipped. */
  E_WORK_BUDGET: row(3633, 'E_WORK_BUDGET', 'error'),
  /** An empty or inverted source or destination rectangle: nothing to do. */
  I_EMPTY_RECT: row(3634, 'I_EMPTY_RECT', 'info'),
  /** A cursor definition with bad id, size, depth or data length. */
  E_CURSOR: row(3640, 'E_CURSOR', 'error'),
  /** An ESCAPE in an unknown namespace or with an unknown command: skipped. */
  I_ESCAPE_UNKNOWN: row(3650, 'I_ESCAPE_UNKNOWN', 'info'),
  /** A malformed video escape (short payload, bad stream id, unknown register). */
  E_VIDEO_ESCAPE: row(3651, 'E_VIDEO_ESCAPE', 'error'),
  /** A video FLUSH whose registers describe an unsupported or oversized frame. */
  E_VIDEO_FRAME: row(3652, 'E_VIDEO_FRAME', 'error'),
  /** A video FLUSH whose frame data lies outside its GMR; the overlay keeps its previous frame. */
  E_VIDEO_RANGE: row(3653, 'E_VIDEO_RANGE', 'error'),
} as const satisfies Record<string, DiagnosticCode>;
