/**
 * The SVGA II register file: what a write through the index/value ports does and what a read
 * answers (protocol notes §5.13). Writes never throw; values are taken as unsigned 32-bit words.
 *
 * The legacy mode (ENABLE, WIDTH, HEIGHT, BITS_PER_PIXEL, PITCHLOCK) is applied lazily: guests
 * write the registers one by one, so the intermediate combinations mean nothing. The device
 * flushes the mode when ENABLE is written and before anything that shows or draws.
 */
import type { ReportFn } from '../common/diagnostics.js';
import { REG_DIAGNOSTICS } from './device-diagnostics.js';
import { FifoReg } from './fifo/fifo-registers.js';
import {
  DEVICE_CAPABILITIES,
  GMR_MAX_DESCRIPTOR_LENGTH,
  MAX_HEIGHT,
  MAX_WIDTH,
  SCRATCH_REGISTERS,
  SVGA_ID_0,
  SVGA_ID_2,
  SVGA_PALETTE_BASE,
  SVGA_PALETTE_COUNT,
  SVGA_SCRATCH_BASE,
  SvgaReg,
} from './svga-registers.js';

/** The legacy display mode, as the screens module receives it. */
export interface LegacyModeState {
  readonly enabled: boolean;
  readonly width: number;
  readonly height: number;
  readonly bitsPerPixel: number;
  readonly fbOffset: number;
  readonly bytesPerLine: number;
}

/** What register writes act on. */
export interface RegisterHost {
  readonly vramBytes: number;
  readonly fifoBytes: number;
  /** SVGA_REG_MEMORY_SIZE: device memory for surfaces. */
  readonly memorySize: number;
  readonly gmrMaxIds: number;
  readonly gmrMaxPages: number;
  /** A new legacy mode (only called when it changed). */
  setLegacyMode(mode: LegacyModeState): void;
  /** GMR_DESCRIPTOR written: define GMR `gmrId` from the descriptor at page `ppn` (0 deletes). */
  defineGmr(gmrId: number, ppn: number, report: ReportFn): void;
  /** SYNC written: run everything the guest queued. */
  sync(): void;
  /** ENABLE or CONFIG_DONE written: (re)publish the FIFO capabilities and 3D caps. */
  configure(): void;
  /** Palette entry `index` (0–255) is now (r, g, b). */
  setPaletteEntry(index: number, r: number, g: number, b: number): void;
}

const VALID_BPP: ReadonlySet<number> = new Set([8, 15, 16, 24, 32]);

/** Channel masks and colour depth of each legacy bits-per-pixel value. */
function pixelFormat(bpp: number): { depth: number; red: number; green: number; blue: number } {
  switch (bpp) {
    case 8:
      return { depth: 8, red: 0, green: 0, blue: 0 };
    case 15:
      return { depth: 15, red: 0x7c00, green: 0x03e0, blue: 0x001f };
    case 16:
      return { depth: 16, red: 0xf800, green: 0x07e0, blue: 0x001f };
    default:
      return { depth: 24, red: 0xff0000, green: 0x00ff00, blue: 0x0000ff };
  }
}

/** Register state of one device. */
export class RegisterFile {
  private readonly host: RegisterHost;
  private id = SVGA_ID_2;
  private enable = 0;
  private width = 0;
  private height = 0;
  private bpp = 32;
  private pitchlock = 0;
  private configDone = 0;
  private gmrId = 0;
  /** Registers with no side effect keep what the guest wrote (GUEST_ID, cursor, IRQMASK, …). */
  private readonly plain = new Map<number, number>();
  private readonly palette = new Uint32Array(SVGA_PALETTE_COUNT);
  private readonly scratch = new Uint32Array(SCRATCH_REGISTERS);
  private modeDirty = false;
  private lastMode: LegacyModeState | undefined;

  constructor(host: RegisterHost) {
    this.host = host;
  }

  /** Whether the guest finished configuring the FIFO (CONFIG_DONE written non-zero). */
  get fifoConfigured(): boolean {
    return this.configDone !== 0;
  }

  /** BYTES_PER_LINE: the pitch lock, or width × bytes per pixel (15 bpp takes 2 bytes). */
  get bytesPerLine(): number {
    return this.pitchlock !== 0 ? this.pitchlock : this.width * Math.ceil(this.bpp / 8);
  }

  write(index: number, value: number, report: ReportFn): void {
    const v = value >>> 0;
    if (!Number.isInteger(index)) {
      report(REG_DIAGNOSTICS.W_REG_UNKNOWN, `write to register index ${index} ignored`);
      return;
    }
    switch (index) {
      case SvgaReg.ID:
        if (v >= SVGA_ID_0 && v <= SVGA_ID_2) this.id = v;
        else report(REG_DIAGNOSTICS.E_REG_VALUE, `SVGA_REG_ID 0x${v.toString(16)} is not SVGA_ID_0..SVGA_ID_2`);
        return;
      case SvgaReg.ENABLE:
        // Bit 0 enables; newer headers add ENABLE_HIDE (2), enabled but not shown.
        this.enable = v;
        this.modeDirty = true;
        this.host.configure();
        this.flushMode(report);
        return;
      case SvgaReg.WIDTH:
        this.width = v;
        this.modeDirty = true;
        return;
      case SvgaReg.HEIGHT:
        this.height = v;
        this.modeDirty = true;
        return;
      case SvgaReg.BITS_PER_PIXEL:
        this.bpp = v;
        this.modeDirty = true;
        return;
      case SvgaReg.PITCHLOCK:
        this.pitchlock = v;
        this.modeDirty = true;
        return;
      case SvgaReg.CONFIG_DONE:
        this.configDone = v;
        if (v !== 0) this.host.configure();
        return;
      case SvgaReg.SYNC:
        this.flushMode(report);
        this.host.sync();
        return;
      case SvgaReg.GMR_ID:
        this.gmrId = v;
        return;
      case SvgaReg.GMR_DESCRIPTOR:
        this.host.defineGmr(this.gmrId, v, report);
        return;
      default:
        break;
    }
    if (index >= SVGA_PALETTE_BASE && index < SVGA_PALETTE_BASE + SVGA_PALETTE_COUNT) {
      const at = index - SVGA_PALETTE_BASE;
      this.palette[at] = v;
      const entry = Math.floor(at / 3);
      const p = this.palette;
      this.host.setPaletteEntry(entry, (p[entry * 3] ?? 0) & 0xff, (p[entry * 3 + 1] ?? 0) & 0xff, (p[entry * 3 + 2] ?? 0) & 0xff);
      return;
    }
    if (index >= SVGA_SCRATCH_BASE && index < SVGA_SCRATCH_BASE + SCRATCH_REGISTERS) {
      this.scratch[index - SVGA_SCRATCH_BASE] = v;
      return;
    }
    if (index >= 0 && index < SvgaReg.TOP) {
      // Read-only and side-effect-free registers: keep the value, nothing else happens.
      this.plain.set(index, v);
      return;
    }
    report(REG_DIAGNOSTICS.W_REG_UNKNOWN, `write of 0x${v.toString(16)} to unknown register ${index} ignored`);
  }

  read(index: number): number {
    switch (index) {
      case SvgaReg.ID:
        return this.id;
      case SvgaReg.ENABLE:
        return this.enable;
      case SvgaReg.WIDTH:
        return this.width;
      case SvgaReg.HEIGHT:
        return this.height;
      case SvgaReg.MAX_WIDTH:
        return MAX_WIDTH;
      case SvgaReg.MAX_HEIGHT:
        return MAX_HEIGHT;
      case SvgaReg.DEPTH:
        return pixelFormat(this.bpp).depth;
      case SvgaReg.BITS_PER_PIXEL:
        return this.bpp;
      case SvgaReg.HOST_BITS_PER_PIXEL:
        return 32;
      case SvgaReg.PSEUDOCOLOR:
        return this.bpp === 8 ? 1 : 0;
      case SvgaReg.RED_MASK:
        return pixelFormat(this.bpp).red;
      case SvgaReg.GREEN_MASK:
        return pixelFormat(this.bpp).green;
      case SvgaReg.BLUE_MASK:
        return pixelFormat(this.bpp).blue;
      case SvgaReg.BYTES_PER_LINE:
        return this.bytesPerLine >>> 0;
      case SvgaReg.FB_START:
      case SvgaReg.FB_OFFSET:
      case SvgaReg.MEM_START:
      case SvgaReg.BUSY:
      case SvgaReg.GMR_DESCRIPTOR:
      case SvgaReg.SYNC:
        return 0;
      case SvgaReg.VRAM_SIZE:
      case SvgaReg.FB_SIZE:
        return this.host.vramBytes;
      case SvgaReg.CAPABILITIES:
        return DEVICE_CAPABILITIES >>> 0;
      case SvgaReg.MEM_SIZE:
        return this.host.fifoBytes;
      case SvgaReg.CONFIG_DONE:
        return this.configDone;
      case SvgaReg.SCRATCH_SIZE:
        return SCRATCH_REGISTERS;
      case SvgaReg.MEM_REGS:
        return FifoReg.NUM_REGS;
      case SvgaReg.NUM_DISPLAYS:
        return 1;
      case SvgaReg.PITCHLOCK:
        return this.pitchlock;
      case SvgaReg.GMR_ID:
        return this.gmrId;
      case SvgaReg.GMR_MAX_IDS:
        return this.host.gmrMaxIds;
      case SvgaReg.GMR_MAX_DESCRIPTOR_LENGTH:
        return GMR_MAX_DESCRIPTOR_LENGTH;
      case SvgaReg.GMRS_MAX_PAGES:
        return this.host.gmrMaxPages;
      case SvgaReg.MEMORY_SIZE:
        return this.host.memorySize >>> 0;
      default:
        break;
    }
    if (index >= SVGA_PALETTE_BASE && index < SVGA_PALETTE_BASE + SVGA_PALETTE_COUNT) {
      return this.palette[index - SVGA_PALETTE_BASE] ?? 0;
    }
    if (index >= SVGA_SCRATCH_BASE && index < SVGA_SCRATCH_BASE + SCRATCH_REGISTERS) {
      return this.scratch[index - SVGA_SCRATCH_BASE] ?? 0;
    }
    return this.plain.get(index) ?? 0;
  }

  /** The legacy mode the registers describe now. */
  currentMode(): LegacyModeState {
    return {
      enabled: (this.enable & 1) !== 0,
      width: this.width,
      height: this.height,
      bitsPerPixel: this.bpp,
      fbOffset: 0,
      bytesPerLine: this.bytesPerLine,
    };
  }

  /**
   * Applies pending mode-register writes: checks the mode and, if it changed, hands it to the
   * host. A mode that cannot be shown is reported and shown as disabled.
   */
  flushMode(report: ReportFn): void {
    if (!this.modeDirty) return;
    this.modeDirty = false;
    let mode = this.currentMode();
    if (mode.enabled && mode.width > 0 && mode.height > 0) {
      const problem = this.modeProblem(mode);
      if (problem !== undefined) {
        report(REG_DIAGNOSTICS.E_MODE, problem);
        mode = { ...mode, enabled: false };
      }
    } else if (mode.enabled) {
      // ENABLE before WIDTH/HEIGHT (the SDK's init order): nothing to show yet, nothing wrong.
      mode = { ...mode, enabled: false };
    }
    const last = this.lastMode;
    const same =
      last !== undefined &&
      last.enabled === mode.enabled &&
      last.width === mode.width &&
      last.height === mode.height &&
      last.bitsPerPixel === mode.bitsPerPixel &&
      last.bytesPerLine === mode.bytesPerLine;
    if (same) return;
    this.lastMode = mode;
    this.host.setLegacyMode(mode);
  }

  private modeProblem(mode: LegacyModeState): string | undefined {
    if (mode.width > MAX_WIDTH || mode.height > MAX_HEIGHT) {
      return `mode ${mode.width}x${mode.height} exceeds ${MAX_WIDTH}x${MAX_HEIGHT}`;
    }
    if (!VALID_BPP.has(mode.bitsPerPixel)) return `bits per pixel ${mode.bitsPerPixel} is not 8, 15, 16, 24 or 32`;
    const rowBytes = mode.width * Math.ceil(mode.bitsPerPixel / 8);
    if (mode.bytesPerLine < rowBytes) return `pitch lock ${mode.bytesPerLine} is less than a row of ${rowBytes} bytes`;
    const needed = mode.fbOffset + mode.bytesPerLine * mode.height;
    if (needed > this.host.vramBytes) {
      return `mode ${mode.width}x${mode.height}x${mode.bitsPerPixel} needs ${needed} bytes of the ${this.host.vramBytes}-byte VRAM`;
    }
    return undefined;
  }
}
