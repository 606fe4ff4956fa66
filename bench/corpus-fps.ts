/**
 * Frames per second replaying the captured corpus traces on our renderer (the device with the
 * pipeline's draw backend). A frame is a checkpoint of the trace: the corpus traces take one per
 * frame and screen (the point where the example program presented), and replay reads the screen or
 * surface there, so the time includes producing that image.
 *
 * Whole traces can take minutes on a slow renderer, so each replay has a time budget: once it is
 * spent (and at least one frame has completed) the rest of the trace is skipped, and the figure
 * is frames completed / time until the last completed frame. Traces that finish within the budget
 * are replayed again until it is spent, so short traces get several samples.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Rgba8Image } from '../src/common/image.js';
import { SvgaDevice } from '../src/device/svga-device.js';
import { nodeGunzip, readFileBytes } from '../src/node.js';
import { createDrawBackend } from '../src/pipeline/index.js';
import { replayTrace, type ReplayDevice, type ReplayLocation } from '../src/replay/replay-trace.js';

/** One trace's result. */
export interface CorpusFps {
  readonly trace: string;
  /** Frames completed over all replays. */
  readonly frames: number;
  /** Milliseconds until the last completed frame, summed over replays. */
  readonly ms: number;
  readonly fps: number;
  /** Whole replays finished (0 when the budget cut the first replay short). */
  readonly completeReplays: number;
  /** Frames in one whole replay, when one finished. */
  readonly framesPerReplay?: number;
}

/**
 * A replay device that forwards to `inner` until `budgetMs` has passed since `start` and a frame
 * is done; after that every call is dropped, so replay runs to the end of the file quickly.
 */
class BudgetedDevice implements ReplayDevice {
  stopped = false;
  frames = 0;
  lastFrameMs = 0;
  private readonly inner: SvgaDevice;
  private readonly start: number;
  private readonly budgetMs: number;

  constructor(inner: SvgaDevice, start: number, budgetMs: number) {
    this.inner = inner;
    this.start = start;
    this.budgetMs = budgetMs;
  }

  private live(): boolean {
    if (!this.stopped && this.frames > 0 && performance.now() - this.start > this.budgetMs) this.stopped = true;
    return !this.stopped;
  }

  writeRegister(index: number, value: number, where?: ReplayLocation): void {
    if (this.live()) this.inner.writeRegister(index, value, where);
  }
  writeVram(offset: number, bytes: Uint8Array, where?: ReplayLocation): void {
    if (this.live()) this.inner.writeVram(offset, bytes, where);
  }
  writeGuestMemory(address: number, bytes: Uint8Array, where?: ReplayLocation): void {
    if (this.live()) this.inner.writeGuestMemory(address, bytes, where);
  }
  executeFifo(bytes: Uint8Array, where: ReplayLocation): void {
    if (this.live()) this.inner.executeFifo(bytes, where);
  }
  readScreen(screenId: number): Rgba8Image | undefined {
    return this.live() ? this.frameDone(this.inner.readScreen(screenId)) : undefined;
  }
  readSurfaceImage(sid: number, face: number, mip: number): Rgba8Image | undefined {
    return this.live() ? this.frameDone(this.inner.readSurfaceImage(sid, face, mip)) : undefined;
  }
  private frameDone(image: Rgba8Image | undefined): Rgba8Image | undefined {
    this.frames++;
    this.lastFrameMs = performance.now() - this.start;
    return image;
  }
  commandCounts(): ReadonlyMap<string, number> {
    return this.inner.commandCounts();
  }
}

/** The corpus trace files in `dir`, sorted. */
export function corpusTraces(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.svgatrace.gz') || f.endsWith('.svgatrace'))
    .sort();
}

/** Replays `file` within `budgetMs` (see the module comment). */
export function measureTraceFps(file: string, budgetMs: number): CorpusFps {
  const bytes = readFileBytes(file);
  let frames = 0;
  let ms = 0;
  let completeReplays = 0;
  let framesPerReplay: number | undefined;
  let lastReplayMs = 0;
  const begin = performance.now();
  // Decompression and parsing are part of every replay, as they are for a user replaying a file.
  // Another whole replay starts only when it can be expected to fit in what is left of the budget.
  while (completeReplays === 0 || budgetMs - (performance.now() - begin) >= lastReplayMs) {
    const start = performance.now();
    let device: BudgetedDevice | undefined;
    replayTrace(bytes, {
      gunzip: nodeGunzip,
      createDevice: ({ vramBytes, sink }) => {
        const inner = new SvgaDevice({ vramBytes, sink, drawBackend: createDrawBackend() });
        device = new BudgetedDevice(inner, start, budgetMs - (start - begin));
        return device;
      },
    });
    if (device === undefined) break;
    frames += device.frames;
    if (device.stopped) {
      ms += device.lastFrameMs;
      break;
    }
    completeReplays++;
    framesPerReplay = device.frames;
    lastReplayMs = performance.now() - start;
    ms += lastReplayMs;
    if (device.frames === 0) break;
  }
  const trace = file.split('/').pop() ?? file;
  return { trace, frames, ms, fps: ms > 0 ? (frames / ms) * 1000 : 0, completeReplays, ...(framesPerReplay !== undefined ? { framesPerReplay } : {}) };
}

/** Every trace of the corpus directory, each within `budgetMs`. */
export function measureCorpusFps(dir: string, budgetMs: number, only?: (name: string) => boolean): CorpusFps[] {
  return corpusTraces(dir)
    .filter((f) => only === undefined || only(f))
    .map((f) => measureTraceFps(join(dir, f), budgetMs));
}
