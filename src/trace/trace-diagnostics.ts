/**
 * Diagnostic codes of the trace file layer (range 1000–1099 of the trace area 1000–1999;
 * replay uses 1100–1199, see `src/replay/replay-diagnostics.ts`).
 *
 * Codes 1000–1009 make a file "not a readable trace": nothing of it is replayed. The others concern
 * one record; that record (or, for truncation, the rest of the file) is skipped.
 */
import type { DiagnosticCode } from '../common/diagnostics.js';

export const TraceDiagnostics = {
  /** The bytes are gzip-compressed but no gunzip function was supplied. */
  E_TRACE_GZIP_UNAVAILABLE: { code: 1000, name: 'E_TRACE_GZIP_UNAVAILABLE', severity: 'error' },
  /** Decompression failed, or the output would exceed the size bound. */
  E_TRACE_GZIP: { code: 1001, name: 'E_TRACE_GZIP', severity: 'error' },
  /** Fewer than 16 bytes: no complete header. */
  E_TRACE_HEADER: { code: 1002, name: 'E_TRACE_HEADER', severity: 'error' },
  /** The first 8 bytes are not `SVGATRC1`. */
  E_TRACE_MAGIC: { code: 1003, name: 'E_TRACE_MAGIC', severity: 'error' },
  /** A version other than 1. */
  E_TRACE_VERSION: { code: 1004, name: 'E_TRACE_VERSION', severity: 'error' },
  /** Non-zero header flags (reserved; the format says readers reject them). */
  E_TRACE_FLAGS: { code: 1005, name: 'E_TRACE_FLAGS', severity: 'error' },

  /** A partial record header, or a payload running past the end: nothing after it is read. */
  E_TRACE_TRUNCATED: { code: 1010, name: 'E_TRACE_TRUNCATED', severity: 'error' },
  /** A record type this version does not define; skipped so later versions can add types. */
  W_TRACE_UNKNOWN_RECORD: { code: 1011, name: 'W_TRACE_UNKNOWN_RECORD', severity: 'warning' },
  /** Padding bytes that are not zero, or missing padding after the last record. */
  W_TRACE_PADDING: { code: 1012, name: 'W_TRACE_PADDING', severity: 'warning' },
  /** More records than the reader's bound; the rest are not read. */
  E_TRACE_TOO_MANY_RECORDS: { code: 1013, name: 'E_TRACE_TOO_MANY_RECORDS', severity: 'error' },

  /** A payload of the wrong length for its record type. */
  E_TRACE_RECORD_SIZE: { code: 1020, name: 'E_TRACE_RECORD_SIZE', severity: 'error' },
  /** A FIFO payload that is not a whole number of 32-bit words; the tail is dropped. */
  E_TRACE_FIFO_ALIGN: { code: 1021, name: 'E_TRACE_FIFO_ALIGN', severity: 'error' },
  /** A GUEST_WRITE whose 64-bit address range does not fit in a safe integer. */
  E_TRACE_GUEST_ADDRESS: { code: 1022, name: 'E_TRACE_GUEST_ADDRESS', severity: 'error' },
  /** A CHECKPOINT of a kind other than 0 (screen) or 1 (surface). */
  E_TRACE_CHECKPOINT_KIND: { code: 1023, name: 'E_TRACE_CHECKPOINT_KIND', severity: 'error' },
  /** A CHECKPOINT name that is empty, too long, or not `[A-Za-z0-9._-]+`. */
  E_TRACE_CHECKPOINT_NAME: { code: 1024, name: 'E_TRACE_CHECKPOINT_NAME', severity: 'error' },
  /** A screen CHECKPOINT with a non-zero face or mipmap (ignored). */
  W_TRACE_CHECKPOINT_FIELDS: { code: 1025, name: 'W_TRACE_CHECKPOINT_FIELDS', severity: 'warning' },
  /** A CONFIG record that is not the first record; ignored. */
  E_TRACE_CONFIG_POSITION: { code: 1026, name: 'E_TRACE_CONFIG_POSITION', severity: 'error' },
  /** A CONFIG record whose reserved word is not zero (ignored). */
  W_TRACE_CONFIG_RESERVED: { code: 1027, name: 'W_TRACE_CONFIG_RESERVED', severity: 'warning' },
  /** A COMMENT longer than the reader decodes; its text is cut (replay ignores comments anyway). */
  W_TRACE_COMMENT_LONG: { code: 1028, name: 'W_TRACE_COMMENT_LONG', severity: 'warning' },
} as const satisfies Record<string, DiagnosticCode>;
