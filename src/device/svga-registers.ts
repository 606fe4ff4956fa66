/**
 * The SVGA II registers as this device sees them: the protocol constants (re-exported from the
 * codec's spec tables) and the capabilities and limits this device advertises.
 */

export {
  SvgaReg,
  SVGA_ID_0,
  SVGA_ID_1,
  SVGA_ID_2,
  SVGA_PALETTE_BASE,
  SVGA_PALETTE_COUNT,
  SVGA_SCRATCH_BASE,
  SvgaCap,
} from '../svga3d-decoder/spec/svga-registers.js';
import { SvgaCap } from '../svga3d-decoder/spec/svga-registers.js';

/** Scratch registers after the palette that this device keeps (SVGA_REG_SCRATCH_SIZE). */
export const SCRATCH_REGISTERS = 64;

/**
 * What this device implements and therefore advertises: 2D RECT_COPY, the cursor commands
 * (monochrome and alpha), 3D, the extended FIFO registers, PITCHLOCK, GMR v1 (registers) and
 * GMR2 (FIFO). Not advertised: IRQMASK (replay and polling emulators are synchronous),
 * MULTIMON / DISPLAY_TOPOLOGY (legacy multi-monitor registers are stored, not acted on),
 * SCREEN_OBJECT_2 (no backing-store screens / SCREEN_DMA), TRACES, command buffers, and never
 * GBOBJECTS or DX: a guest then speaks the legacy protocol only.
 */
export const DEVICE_CAPABILITIES =
  SvgaCap.RECT_COPY |
  SvgaCap.CURSOR |
  SvgaCap.ALPHA_CURSOR |
  SvgaCap.THREE_D |
  SvgaCap.EXTENDED_FIFO |
  SvgaCap.PITCHLOCK |
  SvgaCap.GMR |
  SvgaCap.GMR2;

/** Largest legacy mode and screen size (SVGA_REG_MAX_WIDTH / MAX_HEIGHT). */
export const MAX_WIDTH = 8192;
export const MAX_HEIGHT = 8192;
/** Entries one GMR v1 descriptor chain may hold (SVGA_REG_GMR_MAX_DESCRIPTOR_LENGTH). */
export const GMR_MAX_DESCRIPTOR_LENGTH = 4096;
/** Descriptor pages one GMR v1 chain may visit (links included). */
export const GMR_MAX_DESCRIPTOR_PAGES = 64;
