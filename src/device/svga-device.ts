/**
 * `SvgaDevice`: a whole VMware SVGA II device with SVGA3D, as replay and emulators drive it.
 *
 * It owns the registers, VRAM, guest memory, the GMR table, the FIFO memory and ring, the
 * surface store, the contexts and the screens, decodes FIFO bytes with the codec and runs every
 * command, in order, through one dispatch table. Nothing a guest sends makes it throw: problems
 * become numbered diagnostics with the record, byte offset and command.
 */
import { diagnostic, DiagnosticList, type DiagnosticSink, type ReportFn } from '../common/diagnostics.js';
import type { Rgba8Image } from '../common/image.js';
import { unpackImageRgba8 } from '../formats/index.js';
import { createDrawBackend } from '../pipeline/index.js';
import { buildDispatchTable } from './command-table.js';
import type { ClearImageFn, ContextEnv, DrawBackend, ShaderValidator } from './contexts/context-env.js';
import { ContextTable } from './contexts/context-table.js';
import { validateShaderBytecode } from './contexts/shader-validation.js';
import { MEM_DIAGNOSTICS, REG_DIAGNOSTICS } from './device-diagnostics.js';
import { runCommands, type DispatchTable } from './fifo/command-runner.js';
import { DEVICE_FIFO_CAPABILITIES, FifoReg, writeFifo3dInfo } from './fifo/fifo-registers.js';
import { advanceStop, readRing, ringOffset } from './fifo/fifo-ring.js';
import { defineGmrFromDescriptor } from './memory/gmr-registers.js';
import { DEFAULT_GMR_LIMITS, GmrTable } from './memory/gmr-table.js';
import { rangeInside, SparseGuestMemory, type GuestPhysicalMemory } from './memory/guest-physical-memory.js';
import { RegisterFile } from './register-file.js';
import { ScreenSystem } from './screens/screen-system.js';
import { clearImageRect, readSurfaceRgba8, SurfaceStore } from './surfaces/index.js';

/** Where a host call's data came from, for diagnostics (a trace record and its file offset). */
export interface SourceLocation {
  readonly record?: number;
  readonly fileOffset?: number;
}

/** Construction options. */
export interface SvgaDeviceOptions {
  /** VRAM (BAR1) bytes; default 16 MiB, 64 KiB … 512 MiB. */
  vramBytes?: number;
  /** Guest physical memory; default: sparse 4 KiB pages, zero until written, 256 MiB budget. */
  guestMemory?: GuestPhysicalMemory;
  /** Where diagnostics go; default an internal {@link DiagnosticList}. */
  sink?: DiagnosticSink;
  /**
   * Renders DRAW_PRIMITIVES; default the reference draw path (`createDrawBackend()` of
   * `src/pipeline`). `null` renders nothing: valid draws then give an info diagnostic, which is
   * what a test of the non-drawing commands wants when it replays draw-heavy traces.
   */
  drawBackend?: DrawBackend | null;
  /**
   * Validates shader bytecode at SHADER_DEFINE beyond framing; default the shader VM's
   * validator, `null` for framing checks only.
   */
  shaderValidator?: ShaderValidator | null;
  /** FIFO memory (BAR2) bytes; default 256 KiB, 16 KiB … 4 MiB, a multiple of 4. */
  fifoBytes?: number;
  /** Commands one `processFifo` call runs at most; default 65536. */
  maxCommandsPerDrain?: number;
  /** Surface memory budget in bytes (SVGA_REG_MEMORY_SIZE); the surface store's default otherwise. */
  surfaceBudgetBytes?: number;
  /** Live surfaces at most; the surface store's default otherwise. */
  maxSurfaces?: number;
}

const DEFAULT_VRAM = 16 * 1024 * 1024;
const DEFAULT_FIFO = 256 * 1024;
const MAX_HOST_READ = 256 * 1024 * 1024;

/** The device. */
export class SvgaDevice {
  readonly diagnostics: DiagnosticSink;
  /** FIFO memory (BAR2) as 32-bit words; words 0–3 are MIN, MAX, NEXT_CMD, STOP (byte offsets). */
  readonly fifoMemory: Uint32Array;
  /** VRAM (BAR1). */
  readonly vram: Uint8Array;
  readonly guestMemory: GuestPhysicalMemory;
  readonly gmrs: GmrTable;
  readonly surfaces: SurfaceStore;
  readonly contexts: ContextTable;
  readonly screens: ScreenSystem;
  private readonly registers: RegisterFile;
  private readonly table: DispatchTable;
  private readonly env: { -readonly [K in keyof ContextEnv]: ContextEnv[K] };
  private readonly counts = new Map<string, number>();
  private readonly maxCommandsPerDrain: number;
  private fenceValue = 0;

  constructor(options: SvgaDeviceOptions = {}) {
    this.diagnostics = options.sink ?? new DiagnosticList();
    const vramBytes = this.checkedOption('vramBytes', options.vramBytes, DEFAULT_VRAM, 64 * 1024, 512 * 1024 * 1024);
    const fifoBytes = this.checkedOption('fifoBytes', options.fifoBytes, DEFAULT_FIFO, 16 * 1024, 4 * 1024 * 1024);
    this.maxCommandsPerDrain = Math.max(1, Math.floor(options.maxCommandsPerDrain ?? 65536));
    this.vram = new Uint8Array(vramBytes);
    this.fifoMemory = new Uint32Array(fifoBytes / 4);
    this.guestMemory = options.guestMemory ?? new SparseGuestMemory();
    this.gmrs = new GmrTable(this.vram, this.guestMemory, DEFAULT_GMR_LIMITS);
    this.surfaces = new SurfaceStore({
      ...(options.surfaceBudgetBytes !== undefined ? { budgetBytes: options.surfaceBudgetBytes } : {}),
      ...(options.maxSurfaces !== undefined ? { maxSurfaces: options.maxSurfaces } : {}),
    });
    this.contexts = new ContextTable();
    this.surfaces.onDestroy((sid) => this.contexts.unbindSurface(sid));
    this.screens = new ScreenSystem({
      vram: this.vram,
      memory: this.gmrs,
      surfaces: this.surfaces,
      unpackRgba8: (format, image, slice) => unpackImageRgba8(format, image, slice),
    });
    const clearImage: ClearImageFn = clearImageRect;
    this.env = {
      contexts: this.contexts,
      surfaces: this.surfaces,
      memory: this.gmrs,
      clearImage,
      drawBackend: options.drawBackend === undefined ? createDrawBackend() : (options.drawBackend ?? undefined),
      shaderValidator: options.shaderValidator === undefined ? validateShaderBytecode : (options.shaderValidator ?? undefined),
    };
    this.table = buildDispatchTable({
      env: this.env,
      gmrs: this.gmrs,
      surfaces: this.surfaces,
      screens: this.screens,
      fence: (value) => this.fence(value),
    });
    this.registers = new RegisterFile({
      vramBytes,
      fifoBytes,
      memorySize: this.surfaces.budgetBytes,
      gmrMaxIds: this.gmrs.limits.maxIds,
      gmrMaxPages: this.gmrs.limits.maxTotalPages,
      setLegacyMode: (mode) => this.screens.setLegacyMode(mode),
      defineGmr: (gmrId, ppn, report) => defineGmrFromDescriptor(this.gmrs, this.guestMemory, gmrId, ppn, report),
      sync: () => void this.processFifo(),
      configure: () => this.publishFifoInfo(),
      setPaletteEntry: (index, r, g, b) => this.screens.setPaletteEntry(index, r, g, b),
    });
    this.publishFifoInfo();
  }

  /** Installs (or, with undefined, removes) the backend that renders DRAW_PRIMITIVES. */
  setDrawBackend(backend: DrawBackend | undefined): void {
    this.env.drawBackend = backend;
  }

  /** The value of the last FENCE executed (0 before any). */
  get lastFence(): number {
    return this.fenceValue;
  }

  /** A write through the SVGA index/value ports. Never throws. */
  writeRegister(index: number, value: number, where?: SourceLocation): void {
    this.registers.write(index, value, this.reporter(where));
  }

  /** A read through the SVGA index/value ports. */
  readRegister(index: number): number {
    return this.registers.read(index);
  }

  /** Guest bytes into VRAM at `offset`; a write outside VRAM is reported and writes nothing. */
  writeVram(offset: number, bytes: Uint8Array, where?: SourceLocation): void {
    if (!rangeInside(offset, bytes.length, this.vram.length)) {
      this.reporter(where)(
        MEM_DIAGNOSTICS.E_VRAM_RANGE,
        `VRAM write of ${bytes.length} bytes at ${offset} is outside the ${this.vram.length}-byte VRAM`,
      );
      return;
    }
    this.vram.set(bytes, offset);
  }

  /** A copy of VRAM bytes `[offset, offset + length)`, cut at the end of VRAM. */
  readVram(offset: number, length: number): Uint8Array {
    const start = Number.isSafeInteger(offset) ? Math.max(0, Math.min(offset, this.vram.length)) : this.vram.length;
    const end = Number.isSafeInteger(length) && length > 0 ? Math.min(this.vram.length, start + length) : start;
    return this.vram.slice(start, end);
  }

  /** Guest bytes into guest physical memory; out of range or over budget is reported. */
  writeGuestMemory(address: number, bytes: Uint8Array, where?: SourceLocation): void {
    if (this.guestMemory.write(address, bytes)) return;
    const size = this.guestMemory.size ?? Number.MAX_SAFE_INTEGER;
    const inside = rangeInside(address, bytes.length, size);
    this.reporter(where)(
      inside ? MEM_DIAGNOSTICS.E_GUEST_BUDGET : MEM_DIAGNOSTICS.E_GUEST_RANGE,
      inside
        ? `guest write of ${bytes.length} bytes at 0x${address.toString(16)} exceeds the guest memory budget`
        : `guest write of ${bytes.length} bytes at 0x${address.toString(16)} is outside guest memory`,
    );
  }

  /**
   * Guest physical bytes (zero where never written); empty when the range is not guest memory
   * or longer than 256 MiB (a host read, bounded so that a wrong length cannot exhaust memory).
   */
  readGuestMemory(address: number, length: number): Uint8Array {
    const size = this.guestMemory.size ?? Number.MAX_SAFE_INTEGER;
    if (!rangeInside(address, length, size) || length > MAX_HOST_READ) return new Uint8Array(0);
    const out = new Uint8Array(length);
    return this.guestMemory.read(address, out) ? out : new Uint8Array(0);
  }

  /**
   * Executes whole FIFO commands (a trace's FIFO record). Diagnostics carry `where.record` and
   * `where.fileOffset` + the command's offset in `bytes`.
   */
  executeFifo(bytes: Uint8Array, where: SourceLocation = {}): void {
    this.registers.flushMode(this.reporter(where));
    const base = where.fileOffset ?? 0;
    runCommands(bytes, this.table, this.diagnostics, this.counts, {
      record: where.record,
      offsetOf: (linear) => base + linear,
      maxCommands: Infinity,
      partialTail: false,
    });
  }

  /**
   * Drains the FIFO ring from STOP to NEXT_CMD (emulators; SYNC does it too): whole commands
   * only, at most `maxCommandsPerDrain`. Returns the number of commands run.
   */
  processFifo(): number {
    if (!this.registers.fifoConfigured) return 0;
    const report = this.reporter(undefined);
    this.registers.flushMode(report);
    const ring = readRing(this.fifoMemory);
    if (ring.kind === 'idle') return 0;
    if (ring.kind === 'invalid') {
      report(REG_DIAGNOSTICS.E_FIFO_RING, ring.reason);
      return 0;
    }
    const snapshot = ring.snapshot;
    const result = runCommands(snapshot.bytes, this.table, this.diagnostics, this.counts, {
      offsetOf: (linear) => ringOffset(snapshot, linear),
      maxCommands: this.maxCommandsPerDrain,
      // A cut-off last command waits for the guest, unless it can never fit the ring.
      partialTail: true,
      maxCommandBytes: snapshot.max - snapshot.min - 4,
    });
    advanceStop(this.fifoMemory, snapshot, result.consumed);
    this.fifoMemory[FifoReg.BUSY] = 0;
    if (result.budgetHit) {
      report(REG_DIAGNOSTICS.W_FIFO_BUDGET, `stopped after ${result.executed} commands; the rest runs on the next drain`);
    }
    return result.executed;
  }

  /** What the user sees on screen `screenId` (0 = the legacy display or screen object 0). */
  readScreen(screenId: number): Rgba8Image | undefined {
    this.registers.flushMode(this.reporter(undefined));
    return this.screens.readScreen(screenId);
  }

  /** Image (face, mip) of surface `sid` as 8-bit RGBA (slice 0), or undefined. */
  readSurfaceImage(sid: number, face: number, mip: number): Rgba8Image | undefined {
    return readSurfaceRgba8(this.surfaces, sid, face, mip);
  }

  /** Executed commands by short name (a copy). */
  commandCounts(): ReadonlyMap<string, number> {
    return new Map(this.counts);
  }

  private fence(value: number): void {
    this.fenceValue = value >>> 0;
    this.fifoMemory[FifoReg.FENCE] = this.fenceValue;
  }

  /** FIFO capabilities, 3D hardware version and caps block, where the guest reads them. */
  private publishFifoInfo(): void {
    this.fifoMemory[FifoReg.CAPABILITIES] = DEVICE_FIFO_CAPABILITIES;
    writeFifo3dInfo(this.fifoMemory);
  }

  private reporter(where: SourceLocation | undefined): ReportFn {
    const location: { record?: number; offset?: number } = {};
    if (where?.record !== undefined) location.record = where.record;
    if (where?.fileOffset !== undefined) location.offset = where.fileOffset;
    return (def, message) => this.diagnostics.report(diagnostic(def, message, location));
  }

  private checkedOption(name: string, value: number | undefined, fallback: number, min: number, max: number): number {
    if (value === undefined) return fallback;
    if (Number.isInteger(value) && value >= min && value <= max && value % 4 === 0) return value;
    // A size out of range is clamped (a trace asking for more VRAM still gets the most there
    // is); anything that is not a size at all gets the default.
    const chosen = Number.isInteger(value) ? Math.min(max, Math.max(min, value - (value % 4))) : fallback;
    this.reporter(undefined)(REG_DIAGNOSTICS.E_OPTION, `${name} ${value} is not a multiple of 4 in ${min}..${max}; using ${chosen}`);
    return chosen;
  }
}
