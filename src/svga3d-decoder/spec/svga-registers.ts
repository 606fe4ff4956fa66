/**
 * SVGA II register indices, handshake ids and capability bits, spelled as in `svga_reg.h`
 * (svga3d-protocol.md §5.13). Protocol facts only: what the registers do is the device's business,
 * and the trace layer uses the names to write and print REG_WRITE records.
 */

/** `SVGA_REG_*` indices. */
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
  /** One past the last named register. */
  TOP: 48,
} as const;

/** `SVGA_ID_0` … `SVGA_ID_2`: the versions of the handshake through SVGA_REG_ID. */
export const SVGA_ID_0 = 0x90000000;
export const SVGA_ID_1 = 0x90000001;
export const SVGA_ID_2 = 0x90000002;

/** Palette registers: 256 entries × (R, G, B), `SVGA_PALETTE_BASE` 1024. */
export const SVGA_PALETTE_BASE = 1024;
export const SVGA_PALETTE_COUNT = 768;
/** Scratch registers after the palette (`SVGA_SCRATCH_BASE`); SCRATCH_SIZE says how many. */
export const SVGA_SCRATCH_BASE = SVGA_PALETTE_BASE + SVGA_PALETTE_COUNT;

/** `SVGA_CAP_*` bits of SVGA_REG_CAPABILITIES. */
export const SvgaCap = {
  RECT_COPY: 0x00000002,
  CURSOR: 0x00000020,
  CURSOR_BYPASS: 0x00000040,
  CURSOR_BYPASS_2: 0x00000080,
  EIGHTBIT_EMULATION: 0x00000100,
  ALPHA_CURSOR: 0x00000200,
  THREE_D: 0x00004000,
  EXTENDED_FIFO: 0x00008000,
  MULTIMON: 0x00010000,
  PITCHLOCK: 0x00020000,
  IRQMASK: 0x00040000,
  DISPLAY_TOPOLOGY: 0x00080000,
  GMR: 0x00100000,
  TRACES: 0x00200000,
  GMR2: 0x00400000,
  SCREEN_OBJECT_2: 0x00800000,
  COMMAND_BUFFERS: 0x01000000,
  GBOBJECTS: 0x08000000,
  DX: 0x10000000,
} as const;

const NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(SvgaReg)
    .filter(([name]) => name !== 'TOP')
    .map(([name, index]) => [index, name]),
);

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
