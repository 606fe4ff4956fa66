/**
 * Node-only helpers behind `svga3d/node`: gzip through `node:zlib`, trace files, PNG files.
 *
 * The platform-neutral core never imports this module.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PNG } from 'pngjs';
// The core comes through its public entry, so the built dist/node.js shares dist/index.js.
import {
  MAX_TRACE_BYTES,
  readTrace,
  replayTrace,
  type DiagnosticSink,
  type GunzipFn,
  type ReplayDeviceFactory,
  type ReplaySummary,
  type Rgba8Image,
  type TraceReadResult,
} from './index.js';

/**
 * Gunzip with a hard output bound: zlib stops and throws once `maxOutputBytes` would be exceeded,
 * so a small zip bomb cannot exhaust memory.
 */
export const nodeGunzip: GunzipFn = (compressed, maxOutputBytes) => {
  const out = gunzipSync(compressed, { maxOutputLength: Math.max(1, Math.min(maxOutputBytes, MAX_TRACE_BYTES)) });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};

/**
 * Reads and parses a trace file (plain or gzip-compressed). Throws only when the file cannot be
 * read at all (missing, a directory, no permission); everything about its content is a diagnostic.
 */
export function readTraceFile(path: string, sink?: DiagnosticSink): TraceReadResult {
  const bytes = readFileBytes(path);
  return readTrace(bytes, sink, { gunzip: nodeGunzip });
}

/** The bytes of a file as a plain Uint8Array view. Throws when the file cannot be read. */
export function readFileBytes(path: string): Uint8Array {
  const b = readFileSync(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** Encodes an image as an 8-bit RGBA PNG. The bytes depend on zlib: compare pixels, not files. */
export function encodePng(image: Rgba8Image): Uint8Array {
  checkImage(image);
  const png = new PNG({ width: image.width, height: image.height, colorType: 6, inputColorType: 6, bitDepth: 8 });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  // Paeth on every row: about half the time of the adaptive choice, for the same size on renders.
  const out = PNG.sync.write(png, { colorType: 6, inputColorType: 6, bitDepth: 8, deflateLevel: 6, filterType: 4 });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** Decodes a PNG of any colour type or bit depth into 8-bit RGBA. Throws on a malformed PNG. */
export function decodePng(bytes: Uint8Array): Rgba8Image {
  const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
}

/** Writes `image` as an 8-bit RGBA PNG at `path`, creating the directory when needed. */
export function writePng(path: string, image: Rgba8Image): void {
  const bytes = encodePng(image);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

/** Reads a PNG file into 8-bit RGBA. */
export function readPng(path: string): Rgba8Image {
  return decodePng(readFileBytes(path));
}

function checkImage(image: Rgba8Image): void {
  if (!Number.isInteger(image.width) || !Number.isInteger(image.height) || image.width < 1 || image.height < 1) {
    throw new RangeError(`image size ${image.width}x${image.height} cannot be written as a PNG`);
  }
  if (image.data.length !== image.width * image.height * 4) {
    throw new RangeError(`image data is ${image.data.length} bytes, expected ${image.width * image.height * 4}`);
  }
}

/** One PNG written by {@link renderTraceFile}. */
export interface WrittenImage {
  readonly name: string;
  readonly path: string;
  readonly width: number;
  readonly height: number;
}

/** Options of {@link renderTraceFile}. */
export interface RenderTraceFileOptions {
  /** Receives every diagnostic as it happens (the summary keeps them too). */
  readonly sink?: DiagnosticSink;
  /** Default: the project's `SvgaDevice`. */
  readonly createDevice?: ReplayDeviceFactory;
}

/**
 * Replays the trace at `path` and writes each checkpoint image to `<outDir>/<name>.png`. A name
 * used twice rewrites its file and is listed once. Throws only when the trace file cannot be read
 * or a PNG cannot be written; everything about the trace's content is in the summary.
 */
export function renderTraceFile(
  path: string,
  outDir: string,
  options: RenderTraceFileOptions = {},
): { summary: ReplaySummary; images: WrittenImage[] } {
  const bytes = readFileBytes(path);
  const images: WrittenImage[] = [];
  const index = new Map<string, number>();
  const summary = replayTrace(bytes, {
    gunzip: nodeGunzip,
    ...(options.sink ? { sink: options.sink } : {}),
    ...(options.createDevice ? { createDevice: options.createDevice } : {}),
    onImage(name, image) {
      const file = join(outDir, `${name}.png`);
      writePng(file, image);
      const entry = { name, path: file, width: image.width, height: image.height };
      const at = index.get(name);
      if (at === undefined) {
        index.set(name, images.length);
        images.push(entry);
      } else {
        images[at] = entry;
      }
    },
  });
  return { summary, images };
}
