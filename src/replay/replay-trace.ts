/**
 * Replays a `.svgatrace` against a device and hands out the checkpoint images.
 *
 * Platform-neutral: the caller gets images through `onImage` and decides where they go (the CLI
 * writes PNGs). Records take effect strictly in file order (docs/svga-trace.md, "Replay rules").
 */
import { DiagnosticList, diagnostic, type Diagnostic, type DiagnosticSink } from '../common/diagnostics.js';
import type { Rgba8Image } from '../common/image.js';
import { openTrace, traceRecords, type GunzipFn } from '../trace/read-trace.js';
import type { Checkpoint } from '../trace/trace-records.js';
import { DEFAULT_VRAM_BYTES, recordTypeName } from '../trace/trace-format.js';
import { ReplayDiagnostics as R } from './replay-diagnostics.js';
import { createSvgaDevice } from './svga-device-factory.js';

/** Where a record's data sits in the trace: its index and the file offset of its data. */
export interface ReplayLocation {
  readonly record: number;
  readonly fileOffset: number;
}

/** What replay needs from a device: the `SvgaDevice` of `src/device` provides it. */
export interface ReplayDevice {
  /** `where` locates the record header, so diagnostics can name it. */
  writeRegister(index: number, value: number, where?: ReplayLocation): void;
  writeVram(offset: number, bytes: Uint8Array, where?: ReplayLocation): void;
  writeGuestMemory(address: number, bytes: Uint8Array, where?: ReplayLocation): void;
  /** Executes whole FIFO commands; `fileOffset` is where `bytes` start in the trace file. */
  executeFifo(bytes: Uint8Array, where: ReplayLocation): void;
  /** Screen `id` as the user sees it, or undefined when there is no such screen. */
  readScreen(screenId: number): Rgba8Image | undefined;
  /** Surface image converted to RGBA8, or undefined when (sid, face, mip) does not exist. */
  readSurfaceImage(sid: number, face: number, mip: number): Rgba8Image | undefined;
  /** How many commands of each name were executed (or attempted). */
  commandCounts(): ReadonlyMap<string, number> | Readonly<Record<string, number>>;
}

/** Creates the device for one replay; `sink` receives the device's diagnostics. */
export type ReplayDeviceFactory = (config: { vramBytes: number; sink: DiagnosticSink }) => ReplayDevice;

/** Largest VRAM a CONFIG record may ask for: 2 GiB. */
export const MAX_REPLAY_VRAM_BYTES = 2 * 1024 * 1024 * 1024;
/** Default bound on checkpoints that produce images. */
export const MAX_REPLAY_CHECKPOINTS = 4096;
/** Name of the image taken at the end of a trace that has no checkpoint. */
export const FINAL_IMAGE_NAME = 'final';

/** Options of {@link replayTrace}. */
export interface ReplayOptions {
  /** Default: the project's `SvgaDevice` ({@link createSvgaDevice}). */
  readonly createDevice?: ReplayDeviceFactory;
  /** Called once per image, in file order. `checkpoint` is synthesised for the `final` image. */
  readonly onImage?: (name: string, image: Rgba8Image, checkpoint: Checkpoint) => void;
  /** Receives every diagnostic as it happens (the summary keeps them too). */
  readonly sink?: DiagnosticSink;
  /** Needed for gzip-compressed traces. */
  readonly gunzip?: GunzipFn;
  readonly maxVramBytes?: number;
  readonly maxCheckpoints?: number;
}

/** One checkpoint as replay saw it. */
export interface ReplayCheckpoint extends Checkpoint {
  /** Record index of the CHECKPOINT (-1 for the synthesised `final`). */
  readonly record: number;
  /** File offset of the record header (-1 for `final`). */
  readonly offset: number;
  /** Image size when one was produced. */
  readonly width?: number;
  readonly height?: number;
  /** Whether an image was produced (and given to `onImage`). */
  readonly produced: boolean;
}

/** What a replay did. */
export interface ReplaySummary {
  /** False when the file is not a readable trace (nothing was replayed). */
  readonly readable: boolean;
  /** Records read (framed), whatever their type. */
  readonly records: number;
  /** Records per type name (`REG_WRITE`, ..., `UNKNOWN` for undefined types). */
  readonly recordsByType: Readonly<Record<string, number>>;
  /** Commands executed per command name, as the device counted them. */
  readonly commands: Readonly<Record<string, number>>;
  /** Checkpoints in file order, up to the bound (`maxCheckpoints`); the final image's too. */
  readonly checkpoints: readonly ReplayCheckpoint[];
  /** Every diagnostic, in order (bounded; see `diagnosticsDropped`). */
  readonly diagnostics: readonly Diagnostic[];
  readonly diagnosticsDropped: number;
  /** VRAM the device was created with. */
  readonly vramBytes: number;
}

/**
 * Replays `bytes` (a trace, plain or gzip-compressed). Never throws on any input.
 */
export function replayTrace(bytes: Uint8Array, options: ReplayOptions = {}): ReplaySummary {
  const list = new DiagnosticList();
  // Location of the record being replayed, added to device diagnostics that lack one.
  let here: { record: number; offset: number } | undefined;
  const sink: DiagnosticSink = {
    report(d) {
      const located = here && d.record === undefined ? { ...d, record: here.record, offset: d.offset ?? here.offset } : d;
      list.report(located);
      options.sink?.report(located);
    },
  };
  const recordsByType: Record<string, number> = {};
  const checkpoints: ReplayCheckpoint[] = [];
  const summary = (readable: boolean, records: number, vramBytes: number, device?: ReplayDevice): ReplaySummary => ({
    readable,
    records,
    recordsByType,
    commands: device ? countsObject(device.commandCounts()) : {},
    checkpoints,
    diagnostics: list.items,
    diagnosticsDropped: list.dropped,
    vramBytes,
  });

  const file = openTrace(bytes, sink, options.gunzip ? { gunzip: options.gunzip } : {});
  if (!file) return summary(false, 0, 0);

  const createDevice = options.createDevice ?? createSvgaDevice;
  const maxVram = options.maxVramBytes ?? MAX_REPLAY_VRAM_BYTES;
  const maxCheckpoints = options.maxCheckpoints ?? MAX_REPLAY_CHECKPOINTS;
  let device: ReplayDevice | undefined;
  let vramBytes = DEFAULT_VRAM_BYTES;
  let records = 0;
  let validCheckpoints = 0;
  const names = new Set<string>();

  const guarded = (what: string, run: () => void): void => {
    try {
      run();
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      sink.report(diagnostic(R.E_REPLAY_DEVICE_FAULT, `the device failed on ${what}: ${why}`, here ?? {}));
    }
  };

  const take = (cp: Checkpoint, record: number, offset: number): void => {
    let image: Rgba8Image | undefined;
    guarded(`checkpoint '${cp.name}'`, () => {
      image = cp.kind === 0 ? device?.readScreen(cp.id) : device?.readSurfaceImage(cp.id, cp.face, cp.mipmap);
    });
    if (!image) {
      const what = cp.kind === 0 ? `screen ${cp.id}` : `surface ${cp.id} face ${cp.face} mipmap ${cp.mipmap}`;
      const where = record >= 0 ? { record, offset } : {};
      sink.report(diagnostic(R.E_REPLAY_NO_IMAGE, `checkpoint '${cp.name}': ${what} does not exist, no image`, where));
      checkpoints.push({ ...cp, record, offset, produced: false });
      return;
    }
    checkpoints.push({ ...cp, record, offset, width: image.width, height: image.height, produced: true });
    options.onImage?.(cp.name, image, cp);
  };

  for (const rec of traceRecords(file, sink)) {
    records++;
    const typeName = recordTypeName(rec.type) ?? 'UNKNOWN';
    recordsByType[typeName] = (recordsByType[typeName] ?? 0) + 1;
    here = { record: rec.index, offset: rec.offset };
    const v = rec.view;
    if (!device) {
      if (v.kind === 'CONFIG') {
        if (v.vramBytes === 0 || v.vramBytes > maxVram) {
          sink.report(
            diagnostic(R.E_REPLAY_VRAM_SIZE, `CONFIG asks for ${v.vramBytes} bytes of VRAM (1 to ${maxVram}); using ${DEFAULT_VRAM_BYTES}`, here),
          );
        } else {
          vramBytes = v.vramBytes;
        }
      }
      device = createDevice({ vramBytes, sink });
    }
    const d = device;
    const at = { record: rec.index, fileOffset: rec.offset };
    switch (v.kind) {
      case 'REG_WRITE':
        guarded('REG_WRITE', () => d.writeRegister(v.register, v.value, at));
        break;
      case 'FIFO':
        guarded('FIFO', () => d.executeFifo(v.bytes, { record: rec.index, fileOffset: rec.payloadOffset }));
        break;
      case 'VRAM_WRITE':
        guarded('VRAM_WRITE', () => d.writeVram(v.vramOffset, v.bytes, at));
        break;
      case 'GUEST_WRITE':
        guarded('GUEST_WRITE', () => d.writeGuestMemory(v.address, v.bytes, at));
        break;
      case 'CHECKPOINT': {
        validCheckpoints++;
        const cp = v.checkpoint;
        if (validCheckpoints > maxCheckpoints) {
          // Reported once and not listed, so a hostile trace cannot grow the summary without bound.
          if (validCheckpoints === maxCheckpoints + 1) {
            sink.report(diagnostic(R.E_REPLAY_TOO_MANY_CHECKPOINTS, `more than ${maxCheckpoints} checkpoints; the rest produce no image`, here));
          }
          break;
        }
        if (names.has(cp.name)) {
          sink.report(diagnostic(R.W_REPLAY_DUPLICATE_NAME, `checkpoint name '${cp.name}' was used before; this image replaces it`, here));
        }
        names.add(cp.name);
        take(cp, rec.index, rec.offset);
        break;
      }
      case 'COMMENT':
      case 'CONFIG':
      case 'UNKNOWN':
      case 'INVALID':
        // Comments are provenance only; the others were already reported by the reader.
        break;
    }
  }
  here = undefined;
  device ??= createDevice({ vramBytes, sink });
  if (validCheckpoints === 0) take({ kind: 0, id: 0, face: 0, mipmap: 0, name: FINAL_IMAGE_NAME }, -1, -1);
  return summary(true, records, vramBytes, device);
}

function countsObject(counts: ReadonlyMap<string, number> | Readonly<Record<string, number>>): Record<string, number> {
  const entries = counts instanceof Map ? [...counts.entries()] : Object.entries(counts);
  const out: Record<string, number> = {};
  for (const [name, n] of entries) out[name] = n;
  return out;
}
