/**
 * The `.svgatrace` reader: header check, gzip detection, and record framing.
 *
 * Platform-neutral: decompression is a function the caller supplies (`svga3d/node` passes one built
 * on `node:zlib`), so the core never imports a Node module. Every problem is a diagnostic; nothing
 * here throws on any input.
 */
import { diagnostic, type Diagnostic, type DiagnosticSink } from '../common/diagnostics.js';
import { TraceDiagnostics as D } from './trace-diagnostics.js';
import {
  RECORD_HEADER_BYTES,
  RecordType,
  TRACE_HEADER_BYTES,
  TRACE_MAGIC,
  TRACE_VERSION,
  paddingAfter,
} from './trace-format.js';
import { viewRecord, type RecordView } from './trace-records.js';

/**
 * Decompresses a gzip stream. Must fail (throw) rather than produce more than `maxOutputBytes`
 * bytes, so a small hostile file cannot exhaust memory; the reader turns the throw into a diagnostic.
 */
export type GunzipFn = (compressed: Uint8Array, maxOutputBytes: number) => Uint8Array;

/** Default bound on a decompressed trace: 1 GiB. */
export const MAX_TRACE_BYTES = 1024 * 1024 * 1024;

/**
 * Default bound on the records `readTrace` collects into an array: about 300 MB of record objects
 * at worst. Streaming ({@link traceRecords}, which replay uses) has no such bound.
 */
export const MAX_COLLECTED_RECORDS = 1 << 20;

/** Options of {@link openTrace} and {@link readTrace}. */
export interface ReadTraceOptions {
  /** Needed for gzip-compressed input (bytes starting 0x1f 0x8b). */
  readonly gunzip?: GunzipFn;
  /** Bound on the decompressed size; default {@link MAX_TRACE_BYTES}. */
  readonly maxBytes?: number;
  /** Bound on collected records (`readTrace` only); default {@link MAX_COLLECTED_RECORDS}. */
  readonly maxRecords?: number;
}

/** A trace whose header was accepted. */
export interface TraceFile {
  /** The decompressed file; every offset in records and diagnostics points into these bytes. */
  readonly bytes: Uint8Array;
  /** Whether the input was gzip-compressed. */
  readonly compressed: boolean;
  readonly version: number;
}

/** One record, framed and decoded. */
export interface TraceRecord {
  /** Position in the file, counting from 0 (the first record after the header). */
  readonly index: number;
  /** The raw type number (`RecordType`). */
  readonly type: number;
  /** File offset of the record header. */
  readonly offset: number;
  /** File offset of the payload (`offset + 8`). */
  readonly payloadOffset: number;
  /** The payload bytes, without padding (a view into the file). */
  readonly payload: Uint8Array;
  /** What the payload means. */
  readonly view: RecordView;
}

/** Result of {@link readTrace}. */
export interface TraceReadResult {
  /** False when the header (or decompression) failed: such a file is "not a readable trace". */
  readonly readable: boolean;
  /** Present when readable. */
  readonly file?: TraceFile;
  readonly records: readonly TraceRecord[];
  /** True when the records stopped early (truncation or the record bound). */
  readonly truncated: boolean;
}

const NO_SINK: DiagnosticSink = { report() {} };

/** True for bytes that start with the gzip magic (0x1f 0x8b). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses (when needed) and checks the 16-byte header. Returns undefined, after reporting why,
 * when the input is not a readable trace.
 */
export function openTrace(input: Uint8Array, sink: DiagnosticSink = NO_SINK, options: ReadTraceOptions = {}): TraceFile | undefined {
  let bytes = input;
  const compressed = isGzip(input);
  if (compressed) {
    if (!options.gunzip) {
      sink.report(diagnostic(D.E_TRACE_GZIP_UNAVAILABLE, 'the trace is gzip-compressed but no gunzip function was given'));
      return undefined;
    }
    const limit = options.maxBytes ?? MAX_TRACE_BYTES;
    try {
      bytes = options.gunzip(input, limit);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      sink.report(diagnostic(D.E_TRACE_GZIP, `gzip decompression failed (limit ${limit} bytes): ${why}`));
      return undefined;
    }
    if (bytes.length > limit) {
      sink.report(diagnostic(D.E_TRACE_GZIP, `decompressed trace is ${bytes.length} bytes, over the limit of ${limit}`));
      return undefined;
    }
  }
  const header = checkHeader(bytes);
  if (header) {
    sink.report(header);
    return undefined;
  }
  return { bytes, compressed, version: TRACE_VERSION };
}

function checkHeader(bytes: Uint8Array): Diagnostic | undefined {
  if (bytes.length < TRACE_HEADER_BYTES) {
    return diagnostic(D.E_TRACE_HEADER, `not a readable trace: ${bytes.length} bytes, shorter than the 16-byte header`, { offset: 0 });
  }
  for (let i = 0; i < TRACE_MAGIC.length; i++) {
    if (bytes[i] !== TRACE_MAGIC.charCodeAt(i)) {
      return diagnostic(D.E_TRACE_MAGIC, `not a readable trace: the file does not start with '${TRACE_MAGIC}'`, { offset: 0 });
    }
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== TRACE_VERSION) {
    return diagnostic(D.E_TRACE_VERSION, `not a readable trace: format version ${version}, this reader knows only ${TRACE_VERSION}`, {
      offset: 8,
    });
  }
  const flags = view.getUint32(12, true);
  if (flags !== 0) {
    return diagnostic(D.E_TRACE_FLAGS, `not a readable trace: header flags 0x${flags.toString(16)}, must be 0`, { offset: 12 });
  }
  return undefined;
}

/**
 * The records of an opened trace, in file order, decoded lazily. Diagnostics go to `sink` as the
 * iteration reaches them, so iterating twice reports twice. Stops after a truncated record.
 */
export function* traceRecords(file: TraceFile, sink: DiagnosticSink = NO_SINK): Generator<TraceRecord, void, undefined> {
  const bytes = file.bytes;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = TRACE_HEADER_BYTES;
  for (let index = 0; offset < bytes.length; index++) {
    const where = { record: index, offset };
    if (bytes.length - offset < RECORD_HEADER_BYTES) {
      sink.report(
        diagnostic(D.E_TRACE_TRUNCATED, `truncated: ${bytes.length - offset} bytes at the end are a partial record header`, where),
      );
      return;
    }
    const type = view.getUint32(offset, true);
    const length = view.getUint32(offset + 4, true);
    const payloadOffset = offset + RECORD_HEADER_BYTES;
    if (length > bytes.length - payloadOffset) {
      sink.report(
        diagnostic(
          D.E_TRACE_TRUNCATED,
          `truncated: record type ${type} declares ${length} payload bytes but only ${bytes.length - payloadOffset} remain`,
          where,
        ),
      );
      return;
    }
    const payload = bytes.subarray(payloadOffset, payloadOffset + length);
    const end = payloadOffset + length;
    const padding = paddingAfter(length);
    const paddingPresent = Math.min(padding, bytes.length - end);
    if (paddingPresent < padding) {
      sink.report(diagnostic(D.W_TRACE_PADDING, `the last record lacks ${padding - paddingPresent} bytes of padding`, where));
    }
    for (let i = 0; i < paddingPresent; i++) {
      if (bytes[end + i] !== 0) {
        sink.report(diagnostic(D.W_TRACE_PADDING, `padding byte at 0x${(end + i).toString(16)} is not zero`, where));
        break;
      }
    }
    let recordView = viewRecord(type, payload, where, sink);
    if (type === RecordType.CONFIG && index !== 0 && recordView.kind === 'CONFIG') {
      sink.report(diagnostic(D.E_TRACE_CONFIG_POSITION, `CONFIG is only valid as the first record; this one is ignored`, where));
      recordView = { kind: 'INVALID', reason: 'CONFIG not first' };
    }
    yield { index, type, offset, payloadOffset, payload, view: recordView };
    offset = end + paddingPresent;
  }
}

/**
 * Reads a whole trace into memory: header, then every record (up to `maxRecords`).
 *
 * @param input  the file's bytes, plain or gzip-compressed
 * @param sink   receives every diagnostic (framing, payload checks)
 */
export function readTrace(input: Uint8Array, sink: DiagnosticSink = NO_SINK, options: ReadTraceOptions = {}): TraceReadResult {
  const file = openTrace(input, sink, options);
  if (!file) return { readable: false, records: [], truncated: false };
  const limit = options.maxRecords ?? MAX_COLLECTED_RECORDS;
  const records: TraceRecord[] = [];
  let truncated = false;
  let lastEnd = TRACE_HEADER_BYTES;
  for (const record of traceRecords(file, sink)) {
    if (records.length >= limit) {
      sink.report(
        diagnostic(D.E_TRACE_TOO_MANY_RECORDS, `more than ${limit} records; the rest are not read`, {
          record: record.index,
          offset: record.offset,
        }),
      );
      truncated = true;
      break;
    }
    records.push(record);
    lastEnd = record.payloadOffset + record.payload.length + paddingAfter(record.payload.length);
  }
  // The iterator stops early only on truncation: it did not reach the end of the bytes.
  if (!truncated && lastEnd < file.bytes.length) truncated = true;
  return { readable: true, file, records, truncated };
}
