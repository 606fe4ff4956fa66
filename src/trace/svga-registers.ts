/**
 * SVGA II register indices (`SVGA_REG_*`), as a trace's REG_WRITE records name them.
 *
 * The trace layer needs them to write the mode-set sequence and to print register names; the
 * device owns what the registers do.
 */

/** Register indices of `svga_reg.h` (svga3d-protocol.md §5.13). */
export const SvgaReg = {
  ID: 0,
  ENABLE: 1,
  WIDTH: 2,
  HEIGHT: 3,
  MAX_WIDTH: 4,
  MAX_HEIGHT: 5,
  DEPTH: 6,
  BITS_PER_PIXEL: 7,
  PSEUDOCOLOR: 8,
  RED_MASK: 9,
  GREEN_MASK: 10,
  BLUE_MASK: 11,
  BYTES_PER_LINE: 12,
  FB_START: 13,
  FB_OFFSET: 14,
  VRAM_SIZE: 15,
  FB_SIZE: 16,
  CAPABILITIES: 17,
  MEM_START: 18,
  MEM_SIZE: 19,
  CONFIG_DONE: 20,
  SYNC: 21,
  BUSY: 22,
  GUEST_ID: 23,
  CURSOR_ID: 24,
  CURSOR_X: 25,
  CURSOR_Y: 26,
  CURSOR_ON: 27,
  HOST_BITS_PER_PIXEL: 28,
  SCRATCH_SIZE: 29,
  MEM_REGS: 30,
  NUM_DISPLAYS: 31,
  PITCHLOCK: 32,
  IRQMASK: 33,
  NUM_GUEST_DISPLAYS: 34,
  DISPLAY_ID: 35,
  DISPLAY_IS_PRIMARY: 36,
  DISPLAY_POSITION_X: 37,
  DISPLAY_POSITION_Y: 38,
  DISPLAY_WIDTH: 39,
  DISPLAY_HEIGHT: 40,
  GMR_ID: 41,
  GMR_DESCRIPTOR: 42,
  GMR_MAX_IDS: 43,
  GMR_MAX_DESCRIPTOR_LENGTH: 44,
  TRACES: 45,
  GMRS_MAX_PAGES: 46,
  MEMORY_SIZE: 47,
} as const;

/** `SVGA_ID_2`: the version a guest writes to `SVGA_REG_ID` during the handshake. */
export const SVGA_ID_2 = 0x90000002;

/** First palette register (`SVGA_PALETTE_BASE`); 768 of them (256 × RGB). */
export const SVGA_PALETTE_BASE = 1024;
/** First scratch register (`SVGA_SCRATCH_BASE`), after the palette. */
export const SVGA_SCRATCH_BASE = SVGA_PALETTE_BASE + 768;

const NAMES: ReadonlyMap<number, string> = new Map(Object.entries(SvgaReg).map(([name, index]) => [index, name]));

/**
 * The register's name without the `SVGA_REG_` prefix (`WIDTH`), `PALETTE[n]`, `SCRATCH[n]`, or
 * `REG_<index>` for an index with no name.
 */
export function svgaRegisterName(index: number): string {
  const name = NAMES.get(index);
  if (name !== undefined) return name;
  if (index >= SVGA_PALETTE_BASE && index < SVGA_SCRATCH_BASE) return `PALETTE[${index - SVGA_PALETTE_BASE}]`;
  if (index >= SVGA_SCRATCH_BASE && index < SVGA_SCRATCH_BASE + 0x10000) return `SCRATCH[${index - SVGA_SCRATCH_BASE}]`;
  return `REG_${index}`;
}
