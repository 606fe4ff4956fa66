/**
 * The FIFO decoder: one record's bytes → typed commands, in order.
 *
 * Framing rules (protocol notes §2.2, §2.4; security checklist §5 rows 1–4, 22):
 * - ids 1000–2999 carry `{id, size}`; a readable header is always skipped by `8 + size` (rounded
 *   up to a whole word, the FIFO's unit), whatever is wrong with the body;
 * - a `size` past the end of the record cannot be resynchronised: decoding stops there;
 * - any other id is a 2D command whose size follows from the id; an id with no known size, or a
 *   body past the end, ends the record for the same reason.
 * The decoder checks structure only. It never throws, reads every byte at most a constant number
 * of times and copies every variable payload out of `bytes`.
 */
import { diagnostic, type DiagnosticCode, type DiagnosticSink } from '../common/diagnostics.js';
import { COMMAND_SPECS_BY_ID, type SvgaCommand, type UndecodedCommand } from './commands.js';
import { DecoderDiagnostics as D } from './decoder-diagnostics.js';
import { readerFor } from './field-codec.js';
import type { CommandSpec } from './spec/command-spec.js';
import { commandShortName, commandSpecName, is3dCommandId } from './spec/command-ids.js';
import { decodeTail } from './tail-codec.js';

export interface FifoDecodeOptions {
  /** Added to every offset in commands and diagnostics (e.g. the record's position in the file). */
  readonly baseOffset?: number;
  /** Receives the framing diagnostics; without one they are dropped. */
  readonly sink?: DiagnosticSink;
  /** Trace record index, copied into diagnostics. */
  readonly record?: number;
}

export interface FifoDecodeResult {
  /** Decoded commands, in FIFO order. */
  readonly commands: SvgaCommand[];
  /** Commands skipped or not decodable, in FIFO order (merge with `commands` by offset to dump). */
  readonly undecoded: UndecodedCommand[];
  /** False when decoding stopped before the end of `bytes` (framing lost). */
  readonly complete: boolean;
}

/** Decodes every command in `bytes` (one FIFO record: a whole number of 32-bit words). */
export function decodeFifo(bytes: Uint8Array, options: FifoDecodeOptions = {}): FifoDecodeResult {
  const base = options.baseOffset ?? 0;
  const { sink, record } = options;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.byteLength;
  const commands: SvgaCommand[] = [];
  const undecoded: UndecodedCommand[] = [];

  const report = (def: DiagnosticCode, message: string, at: number, command: string | undefined): void => {
    if (sink === undefined) return;
    const where: { record?: number; offset: number; command?: string } = { offset: base + at };
    if (record !== undefined) where.record = record;
    if (command !== undefined) where.command = command;
    sink.report(diagnostic(def, message, where));
  };
  const skip = (id: number, at: number, byteLength: number, def: DiagnosticCode, message: string): void => {
    const name = commandShortName(id);
    report(def, message, at, name);
    undecoded.push({ id, name, specName: commandSpecName(id), offset: base + at, byteLength, code: def.code });
  };

  let pos = 0;
  while (pos < len) {
    const left = len - pos;
    if (left < 4) {
      report(D.E_TRUNCATED_HEADER, `${left} stray bytes after the last whole word`, pos, undefined);
      return { commands, undecoded, complete: false };
    }
    const id = dv.getUint32(pos, true);
    const spec = COMMAND_SPECS_BY_ID.get(id);

    if (is3dCommandId(id)) {
      if (left < 8) {
        skip(id, pos, left, D.E_TRUNCATED_HEADER, `3D command id ${id} without its size word`);
        return { commands, undecoded, complete: false };
      }
      const size = dv.getUint32(pos + 4, true);
      if (size > left - 8) {
        skip(id, pos, left, D.E_SIZE_PAST_END, `size ${size} runs past the end of the record (${left - 8} bytes left)`);
        return { commands, undecoded, complete: false };
      }
      const advance = Math.min(8 + Math.ceil(size / 4) * 4, left);
      if (size % 4 !== 0) {
        skip(id, pos, advance, D.E_SIZE_ALIGN, `size ${size} is not a multiple of 4`);
      } else if (spec === undefined) {
        if (commandShortName(id) !== undefined) {
          skip(id, pos, advance, D.E_UNSUPPORTED_CMD, `id ${id} is not part of the legacy SVGA3D protocol; skipped ${size} bytes`);
        } else {
          skip(id, pos, advance, D.E_UNKNOWN_3D_CMD, `unknown 3D command id ${id}; skipped ${size} bytes`);
        }
      } else {
        decode3d(spec, pos, size);
      }
      pos += advance;
      continue;
    }

    if (spec === undefined) {
      skip(id, pos, left, D.E_UNKNOWN_2D_CMD, `2D command id ${id} has no known size; rest of the record dropped`);
      return { commands, undecoded, complete: false };
    }
    const next = decode2d(spec, pos);
    if (next < 0) return { commands, undecoded, complete: false };
    pos = next;
  }
  return { commands, undecoded, complete: true };

  function decode3d(spec: CommandSpec, pos: number, size: number): void {
    const bodyStart = pos + 8;
    const fixedSize = spec.fixed.size;
    if (size < fixedSize) {
      skip(spec.id, pos, 8 + size, D.E_SIZE_TOO_SMALL, `size ${size} is smaller than the ${fixedSize}-byte ${spec.fixed.typeName ?? 'body'}`);
      return;
    }
    const body = readerFor(spec.fixed)(dv, bodyStart) as Record<string, unknown>;
    if (spec.tail !== undefined) {
      const res = decodeTail(spec.tail, { dv, bytes, start: bodyStart + fixedSize, end: bodyStart + size, head: body });
      if (!res.ok) {
        skip(spec.id, pos, 8 + size, res.def, res.message);
        return;
      }
      Object.assign(body, res.value);
    } else if (size > fixedSize) {
      report(D.W_TRAILING_BYTES, `${size - fixedSize} bytes after the ${fixedSize}-byte body ignored`, pos, spec.name);
    }
    commands.push({ id: spec.id, name: spec.name, offset: base + pos, byteLength: 8 + size, body } as SvgaCommand);
  }

  /** Returns the offset after the command, or −1 when the record cannot be framed any further. */
  function decode2d(spec: CommandSpec, pos: number): number {
    const bodyStart = pos + 4;
    const fixedSize = spec.fixed.size;
    if (len - bodyStart < fixedSize) {
      skip(spec.id, pos, len - pos, D.E_TRUNCATED_2D, `body of ${fixedSize} bytes, ${len - bodyStart} left in the record`);
      return -1;
    }
    const body = readerFor(spec.fixed)(dv, bodyStart) as Record<string, unknown>;
    let next = bodyStart + fixedSize;
    if (spec.tail !== undefined) {
      const res = decodeTail(spec.tail, { dv, bytes, start: next, end: len, head: body });
      if (!res.ok) {
        skip(spec.id, pos, len - pos, res.def, `${res.message}; rest of the record dropped`);
        return -1;
      }
      Object.assign(body, res.value);
      next = res.next;
    }
    commands.push({ id: spec.id, name: spec.name, offset: base + pos, byteLength: next - pos, body } as SvgaCommand);
    return next;
  }
}
