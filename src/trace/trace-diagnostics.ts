/**
 * Diagnostic codes of the trace file layer (range 1000–1099 of the trace area 1000–1999;
 * replay uses 1100–1199, see `src/replay/replay-diagnostics.ts`).
 *
 * Codes 1000–1009 make a file "not a readable trace": nothing of it is replayed. The others concern
 * one record; that record (or, for truncation, the rest of the file) is skipped.
 */
import { defineDiagnosticCodes } from '../common/diagnostics.js';

export const TraceDiagnostics = defineDiagnosticCodes({
  /** The bytes are gzip-compressed but no gunzip function was supplied. */
  E_TRACE_GZIP_UNAVAILABLE: 1000,
  /** Decompression failed, or the output would exceed the size bound. */
  E_TRACE_GZIP: 1001,
  /** Fewer than 16 bytes: no complete header. */
  E_TRACE_HEADER: 1002,
  /** The first 8 bytes are not `SVGATRC1`. */
  E_TRACE_MAGIC: 1003,
  /** A version other than 1. */
  E_TRACE_VERSION: 1004,
  /** Non-zero header flags (reserved; the format says readers reject them). */
  E_TRACE_FLAGS: 1005,

  /** A partial record header, or a payload running past the end: nothing after it is read. */
  E_TRACE_TRUNCATED: 1010,
  /** A record type this version does not define; skipped so later versions can add types. */
  W_TRACE_UNKNOWN_RECORD: 1011,
  /** Padding bytes that are not zero, or missing padding after the last record. */
  W_TRACE_PADDING: 1012,
  /** More records than the reader's bound; the rest are not read. */
  E_TRACE_TOO_MANY_RECORDS: 1013,

  /** A payload of the wrong length for its record type. */
  E_TRACE_RECORD_SIZE: 1020,
  /** A FIFO payload that is not a whole number of 32-bit words; the tail is dropped. */
  E_TRACE_FIFO_ALIGN: 1021,
  /** A GUEST_WRITE whose 64-bit address range does not fit in a safe integer. */
  E_TRACE_GUEST_ADDRESS: 1022,
  /** A CHECKPOINT of a kind other than 0 (screen) or 1 (surface). */
  E_TRACE_CHECKPOINT_KIND: 1023,
  /** A CHECKPOINT name that is empty, too long, or not `[A-Za-z0-9._-]+`. */
  E_TRACE_CHECKPOINT_NAME: 1024,
  /** A screen CHECKPOINT with a non-zero face or mipmap (ignored). */
  W_TRACE_CHECKPOINT_FIELDS: 1025,
  /** A CONFIG record that is not the first record; ignored. */
  E_TRACE_CONFIG_POSITION: 1026,
  /** A CONFIG record whose reserved word is not zero (ignored). */
  W_TRACE_CONFIG_RESERVED: 1027,
  /** A COMMENT longer than the reader decodes; its text is cut (replay ignores comments anyway). */
  W_TRACE_COMMENT_LONG: 1028,
});
