/**
 * Typed views of record payloads: what each record type means once its bytes are checked.
 *
 * A payload that does not fit its type becomes an `INVALID` view with a diagnostic, so replay and
 * dump can skip it without looking at the bytes again.
 */
import { diagnostic, type DiagnosticSink } from '../common/diagnostics.js';
import { TraceDiagnostics as D } from './trace-diagnostics.js';
import {
  CheckpointKind,
  MAX_CHECKPOINT_NAME_LENGTH,
  MAX_COMMENT_BYTES,
  RecordType,
  isValidCheckpointName,
} from './trace-format.js';

/** A CHECKPOINT: where an image is taken, and its name. */
export interface Checkpoint {
  /** 0 = screen `id`, 1 = surface image (`id` = sid, `face`, `mipmap`). */
  readonly kind: 0 | 1;
  readonly id: number;
  readonly face: number;
  readonly mipmap: number;
  /** `[A-Za-z0-9._-]+`; the image is written as `<name>.png`. */
  readonly name: string;
}

/** The meaning of one record, by type. `bytes` are views into the trace, never copies. */
export type RecordView =
  | { readonly kind: 'REG_WRITE'; readonly register: number; readonly value: number }
  | { readonly kind: 'FIFO'; readonly bytes: Uint8Array }
  | { readonly kind: 'VRAM_WRITE'; readonly vramOffset: number; readonly bytes: Uint8Array }
  | { readonly kind: 'GUEST_WRITE'; readonly address: number; readonly bytes: Uint8Array }
  | { readonly kind: 'CHECKPOINT'; readonly checkpoint: Checkpoint }
  | { readonly kind: 'COMMENT'; readonly text: string }
  | { readonly kind: 'CONFIG'; readonly vramBytes: number }
  /** A type this version does not define (skipped with a warning). */
  | { readonly kind: 'UNKNOWN' }
  /** A known type whose payload is malformed (skipped; the diagnostic says why). */
  | { readonly kind: 'INVALID'; readonly reason: string };

/** Where a record sits, for diagnostics. */
export interface RecordLocation {
  readonly record: number;
  readonly offset: number;
}

const utf8 = new TextDecoder('utf-8');
const TWO_POW_32 = 0x1_0000_0000;

function u32(p: Uint8Array, at: number): number {
  return ((p[at] ?? 0) | ((p[at + 1] ?? 0) << 8) | ((p[at + 2] ?? 0) << 16) | ((p[at + 3] ?? 0) << 24)) >>> 0;
}

/**
 * Decodes and checks one payload. Reports at most one diagnostic per problem to `sink`, located at
 * the record header. Never throws.
 */
export function viewRecord(type: number, payload: Uint8Array, where: RecordLocation, sink: DiagnosticSink): RecordView {
  const invalid = (def: (typeof D)[keyof typeof D], reason: string): RecordView => {
    sink.report(diagnostic(def, reason, where));
    return { kind: 'INVALID', reason };
  };
  const exactly = (name: string, want: number): RecordView | undefined =>
    payload.length === want ? undefined : invalid(D.E_TRACE_RECORD_SIZE, `${name} payload is ${payload.length} bytes, expected ${want}`);
  const atLeast = (name: string, want: number): RecordView | undefined =>
    payload.length >= want
      ? undefined
      : invalid(D.E_TRACE_RECORD_SIZE, `${name} payload is ${payload.length} bytes, expected at least ${want}`);

  switch (type) {
    case RecordType.REG_WRITE:
      return exactly('REG_WRITE', 8) ?? { kind: 'REG_WRITE', register: u32(payload, 0), value: u32(payload, 4) };
    case RecordType.FIFO: {
      const whole = payload.length - (payload.length % 4);
      if (whole !== payload.length) {
        sink.report(
          diagnostic(
            D.E_TRACE_FIFO_ALIGN,
            `FIFO payload is ${payload.length} bytes, not a whole number of 32-bit words; the last ${payload.length - whole} bytes are dropped`,
            where,
          ),
        );
      }
      return { kind: 'FIFO', bytes: payload.subarray(0, whole) };
    }
    case RecordType.VRAM_WRITE:
      return atLeast('VRAM_WRITE', 4) ?? { kind: 'VRAM_WRITE', vramOffset: u32(payload, 0), bytes: payload.subarray(4) };
    case RecordType.GUEST_WRITE: {
      const short = atLeast('GUEST_WRITE', 8);
      if (short) return short;
      const low = u32(payload, 0);
      const high = u32(payload, 4);
      const length = payload.length - 8;
      // The range [address, address + length) must stay exact in a double: high < 2^21.
      if (high >= 0x20_0000 || high * TWO_POW_32 + low + length > Number.MAX_SAFE_INTEGER) {
        return invalid(
          D.E_TRACE_GUEST_ADDRESS,
          `GUEST_WRITE address 0x${high.toString(16)}_${low.toString(16).padStart(8, '0')} + ${length} bytes is beyond 2^53`,
        );
      }
      return { kind: 'GUEST_WRITE', address: high * TWO_POW_32 + low, bytes: payload.subarray(8) };
    }
    case RecordType.CHECKPOINT:
      return viewCheckpoint(payload, where, sink, invalid);
    case RecordType.COMMENT: {
      if (payload.length <= MAX_COMMENT_BYTES) return { kind: 'COMMENT', text: utf8.decode(payload) };
      sink.report(
        diagnostic(D.W_TRACE_COMMENT_LONG, `COMMENT of ${payload.length} bytes; only the first ${MAX_COMMENT_BYTES} are decoded`, where),
      );
      return { kind: 'COMMENT', text: utf8.decode(payload.subarray(0, MAX_COMMENT_BYTES)) };
    }
    case RecordType.CONFIG: {
      const wrong = exactly('CONFIG', 8);
      if (wrong) return wrong;
      const reserved = u32(payload, 4);
      if (reserved !== 0) {
        sink.report(diagnostic(D.W_TRACE_CONFIG_RESERVED, `CONFIG reserved word is 0x${reserved.toString(16)}, expected 0; ignored`, where));
      }
      return { kind: 'CONFIG', vramBytes: u32(payload, 0) };
    }
    default:
      sink.report(diagnostic(D.W_TRACE_UNKNOWN_RECORD, `unknown record type ${type} (${payload.length} bytes) skipped`, where));
      return { kind: 'UNKNOWN' };
  }
}

function viewCheckpoint(
  payload: Uint8Array,
  where: RecordLocation,
  sink: DiagnosticSink,
  invalid: (def: (typeof D)[keyof typeof D], reason: string) => RecordView,
): RecordView {
  if (payload.length < 17) {
    return invalid(D.E_TRACE_RECORD_SIZE, `CHECKPOINT payload is ${payload.length} bytes, expected 16 plus a name of at least 1 byte`);
  }
  const kind = u32(payload, 0);
  const id = u32(payload, 4);
  let face = u32(payload, 8);
  let mipmap = u32(payload, 12);
  // Decode at most a little past the limit: a longer name is rejected anyway.
  const nameBytes = payload.subarray(16, 16 + Math.min(payload.length - 16, MAX_CHECKPOINT_NAME_LENGTH * 4 + 4));
  const name = utf8.decode(nameBytes);
  if (payload.length - 16 > MAX_CHECKPOINT_NAME_LENGTH || !isValidCheckpointName(name)) {
    return invalid(
      D.E_TRACE_CHECKPOINT_NAME,
      `checkpoint name ${JSON.stringify(name.slice(0, 40))}${name.length > 40 ? '…' : ''} (${payload.length - 16} bytes) is not 1 to ${MAX_CHECKPOINT_NAME_LENGTH} characters of [A-Za-z0-9._-]`,
    );
  }
  if (kind !== CheckpointKind.SCREEN && kind !== CheckpointKind.SURFACE) {
    return invalid(D.E_TRACE_CHECKPOINT_KIND, `checkpoint '${name}' has kind ${kind}; only 0 (screen) and 1 (surface) exist`);
  }
  if (kind === CheckpointKind.SCREEN && (face !== 0 || mipmap !== 0)) {
    sink.report(
      diagnostic(D.W_TRACE_CHECKPOINT_FIELDS, `screen checkpoint '${name}' has face ${face} mipmap ${mipmap}; both are ignored`, where),
    );
    face = 0;
    mipmap = 0;
  }
  return { kind: 'CHECKPOINT', checkpoint: { kind, id, face, mipmap, name } };
}
