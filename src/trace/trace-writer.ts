/**
 * Builds `.svgatrace` files in memory: for tests, the demo scene, and tools that synthesise
 * streams. The writer trusts its caller (a program, not a guest), so misuse — a CONFIG that is not
 * first, a bad checkpoint name, a value that is not a u32 — throws a RangeError at once instead of
 * producing a file that the reader would reject.
 */
import {
  CheckpointKind,
  MEMORY_WRITE_SPLIT_BYTES,
  RecordType,
  TRACE_HEADER_BYTES,
  TRACE_MAGIC,
  TRACE_VERSION,
  isValidCheckpointName,
  paddingAfter,
} from './trace-format.js';
import { SVGA_ID_2, SvgaReg } from '../svga3d-decoder/spec/svga-registers.js';

/**
 * Anything that can hand over finished FIFO commands: the codec's `CommandWriter` is one. Kept
 * structural so the trace layer does not depend on the codec.
 */
export interface FifoWordSource {
  /** The commands written so far, as little-endian bytes (a whole number of words). */
  finish(): Uint8Array;
}

const utf8 = new TextEncoder();

function checkU32(what: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff_ffff) throw new RangeError(`${what} ${value} is not a u32`);
  return value;
}

/** Writes one trace, record by record; {@link TraceWriter.finish} returns the file. */
export class TraceWriter {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;
  private recordCount = 0;
  private finished = false;

  constructor() {
    const header = new Uint8Array(TRACE_HEADER_BYTES);
    for (let i = 0; i < TRACE_MAGIC.length; i++) header[i] = TRACE_MAGIC.charCodeAt(i);
    new DataView(header.buffer).setUint32(8, TRACE_VERSION, true);
    this.push(header);
  }

  /** Number of records written so far. */
  get records(): number {
    return this.recordCount;
  }

  /**
   * Appends one record of any type (also types this version does not define, for tests of the
   * reader). The payload is copied; padding is added.
   */
  record(type: number, payload: Uint8Array): this {
    checkU32('record type', type);
    if (this.finished) throw new RangeError('TraceWriter.finish() was already called');
    const head = new Uint8Array(8);
    const view = new DataView(head.buffer);
    view.setUint32(0, type, true);
    view.setUint32(4, payload.length, true);
    this.push(head);
    this.push(payload.slice());
    const pad = paddingAfter(payload.length);
    if (pad > 0) this.push(new Uint8Array(pad));
    this.recordCount++;
    return this;
  }

  /** CONFIG: the device's VRAM size. Only valid as the first record. */
  config(vramBytes: number): this {
    if (this.recordCount !== 0) throw new RangeError('CONFIG must be the first record');
    return this.record(RecordType.CONFIG, words(checkU32('vramBytes', vramBytes), 0));
  }

  /** COMMENT: provenance or notes, ignored by replay. */
  comment(text: string): this {
    return this.record(RecordType.COMMENT, utf8.encode(text));
  }

  /** REG_WRITE: a write of `value` to SVGA register `index`. */
  regWrite(index: number, value: number): this {
    return this.record(RecordType.REG_WRITE, words(checkU32('register', index), checkU32('value', value)));
  }

  /**
   * The registers a guest writes to set a legacy mode: the ID handshake (`SVGA_ID_2`), WIDTH,
   * HEIGHT, BITS_PER_PIXEL, then ENABLE = 1 and CONFIG_DONE = 1.
   */
  setMode(width: number, height: number, bitsPerPixel: number): this {
    return this.regWrite(SvgaReg.ID, SVGA_ID_2)
      .regWrite(SvgaReg.WIDTH, width)
      .regWrite(SvgaReg.HEIGHT, height)
      .regWrite(SvgaReg.BITS_PER_PIXEL, bitsPerPixel)
      .regWrite(SvgaReg.ENABLE, 1)
      .regWrite(SvgaReg.CONFIG_DONE, 1);
  }

  /** VRAM_WRITE records (split at 1 MiB) putting `bytes` at VRAM `offset`. */
  vramWrite(offset: number, bytes: Uint8Array): this {
    checkU32('VRAM offset', offset);
    checkU32('VRAM end', offset + bytes.length);
    forEachSplit(bytes, (at, part) => {
      const payload = new Uint8Array(4 + part.length);
      new DataView(payload.buffer).setUint32(0, offset + at, true);
      payload.set(part, 4);
      this.record(RecordType.VRAM_WRITE, payload);
    });
    return this;
  }

  /** GUEST_WRITE records (split at 1 MiB) putting `bytes` at guest-physical `address`. */
  guestWrite(address: number, bytes: Uint8Array): this {
    if (!Number.isSafeInteger(address) || address < 0 || !Number.isSafeInteger(address + bytes.length)) {
      throw new RangeError(`guest address ${address} is not a safe non-negative integer`);
    }
    forEachSplit(bytes, (at, part) => {
      const payload = new Uint8Array(8 + part.length);
      const view = new DataView(payload.buffer);
      const a = address + at;
      view.setUint32(0, a % 0x1_0000_0000, true);
      view.setUint32(4, Math.floor(a / 0x1_0000_0000), true);
      payload.set(part, 8);
      this.record(RecordType.GUEST_WRITE, payload);
    });
    return this;
  }

  /** A FIFO record of whole commands: raw bytes (a multiple of 4), words, or a command writer. */
  fifo(commands: Uint8Array | Uint32Array | FifoWordSource): this {
    let bytes: Uint8Array;
    if (commands instanceof Uint8Array) bytes = commands;
    else if (commands instanceof Uint32Array) bytes = littleEndianBytes(commands);
    else bytes = commands.finish();
    if (bytes.length % 4 !== 0) throw new RangeError(`FIFO bytes (${bytes.length}) are not a whole number of words`);
    return this.record(RecordType.FIFO, bytes);
  }

  /** CHECKPOINT kind 0: an image of screen `id` (0 = the legacy display or screen object 0). */
  checkpointScreen(name: string, id = 0): this {
    return this.checkpoint(CheckpointKind.SCREEN, id, 0, 0, name);
  }

  /** CHECKPOINT kind 1: the image (face, mip) of surface `sid`, converted to RGBA8. */
  checkpointSurface(name: string, sid: number, face = 0, mip = 0): this {
    return this.checkpoint(CheckpointKind.SURFACE, sid, face, mip, name);
  }

  private checkpoint(kind: number, id: number, face: number, mip: number, name: string): this {
    if (!isValidCheckpointName(name)) throw new RangeError(`checkpoint name '${name}' is not [A-Za-z0-9._-]+ (at most 200)`);
    const nameBytes = utf8.encode(name);
    const payload = new Uint8Array(16 + nameBytes.length);
    payload.set(words(kind, checkU32('id', id), checkU32('face', face), checkU32('mipmap', mip)), 0);
    payload.set(nameBytes, 16);
    return this.record(RecordType.CHECKPOINT, payload);
  }

  /** The whole file. The writer cannot be used afterwards. */
  finish(): Uint8Array {
    this.finished = true;
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    this.chunks.length = 0;
    return out;
  }

  private push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
}

function words(...values: number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setUint32(i * 4, v >>> 0, true));
  return out;
}

function littleEndianBytes(w: Uint32Array): Uint8Array {
  const out = new Uint8Array(w.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < w.length; i++) view.setUint32(i * 4, w[i] ?? 0, true);
  return out;
}

function forEachSplit(bytes: Uint8Array, each: (at: number, part: Uint8Array) => void): void {
  if (bytes.length === 0) {
    each(0, bytes);
    return;
  }
  for (let at = 0; at < bytes.length; at += MEMORY_WRITE_SPLIT_BYTES) {
    each(at, bytes.subarray(at, Math.min(bytes.length, at + MEMORY_WRITE_SPLIT_BYTES)));
  }
}
