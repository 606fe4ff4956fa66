/**
 * Screens: the legacy display and Screen Objects with their host-side images, the 2D FIFO
 * commands, GMRFB blits, 3D → screen presents, the hardware cursor and video overlays.
 */
export { ScreenSystem, type ScreenSystemOptions } from './screen-system.js';
export { SCREEN_DIAGNOSTICS } from './screen-diagnostics.js';
export {
  MAX_SCREENS, MAX_SCREEN_DIMENSION, MAX_SCREEN_PIXELS, SVGA_SCREEN_BLANKING, SVGA_SCREEN_DEACTIVATE,
  SVGA_SCREEN_FULLSCREEN_HINT, SVGA_SCREEN_IS_PRIMARY, SVGA_SCREEN_MUST_BE_SET,
  type HostScreen, type NamedScreenRule,
} from './screen-set.js';
export type { LegacyMode } from './legacy-framebuffer.js';
export { MAX_PIXELS_PER_COMMAND, MAX_RECTS, type UnpackRgba8 } from './surface-to-screen.js';
export { MAX_CURSOR_SIZE, type CursorDefinition, type CursorState } from './cursor.js';
export { MAX_VIDEO_STREAMS, SVGA_VIDEO, type OverlayFrame, type OverlayStream } from './video-overlay.js';
export { MAX_VIDEO_SIZE } from './video-frame.js';
export { SVGA_ID_INVALID, SVGA_ROP_COPY } from './screen-commands.js';
