/**
 * `svga3d dump`: every record and every decoded FIFO command, one per line.
 *
 * Line shapes (offsets are file offsets in the decompressed trace, 8 hex digits):
 *
 *     @00000010 #0 CONFIG vramBytes=16777216
 *     @00000114 #2 REG_WRITE register=ID value=0x90000002
 *     @00000194 #10 FIFO bytes=640
 *     @0000019c   SURFACE_DEFINE sid=1 ...          (a decoded command, from formatCommand)
 *     @000001b0   ! #10 @0x1b0 E2003 ...            (a diagnostic, where it arose)
 *
 * Register values print in decimal below 65536 and in hex above, so handshakes (0x90000002) and
 * sizes (800) both read naturally. Platform-neutral: the caller supplies gunzip and the output.
 */
import { formatDiagnostic, type DiagnosticSink } from '../common/diagnostics.js';
import { decodeFifo, formatCommand, type SvgaCommand, type UndecodedCommand } from '../svga3d-decoder/index.js';
import { openTrace, traceRecords, type GunzipFn } from '../trace/read-trace.js';
import { svgaRegisterName } from '../svga3d-decoder/spec/svga-registers.js';
import type { RecordView } from '../trace/trace-records.js';

/** Options of {@link dumpTrace}. */
export interface DumpOptions {
  readonly gunzip?: GunzipFn;
}

/** What a dump saw. */
export interface DumpResult {
  readonly readable: boolean;
  readonly records: number;
  readonly lines: number;
}

function at(offset: number): string {
  return `@${offset.toString(16).padStart(8, '0')}`;
}

function number(value: number): string {
  return value < 0x10000 ? String(value) : `0x${value.toString(16)}`;
}

/** The fields of one record after its type name (`register=WIDTH value=800`). */
export function describeRecord(view: RecordView, payloadLength: number): string {
  switch (view.kind) {
    case 'REG_WRITE':
      return `register=${svgaRegisterName(view.register)} value=${number(view.value)}`;
    case 'FIFO':
      return `bytes=${view.bytes.length}`;
    case 'VRAM_WRITE':
      return `offset=0x${view.vramOffset.toString(16)} bytes=${view.bytes.length}`;
    case 'GUEST_WRITE':
      return `address=0x${view.address.toString(16)} bytes=${view.bytes.length}`;
    case 'CHECKPOINT': {
      const c = view.checkpoint;
      return c.kind === 0 ? `screen id=${c.id} name=${c.name}` : `surface sid=${c.id} face=${c.face} mipmap=${c.mipmap} name=${c.name}`;
    }
    case 'COMMENT':
      return `text=${JSON.stringify(view.text)}`;
    case 'CONFIG':
      return `vramBytes=${view.vramBytes}`;
    case 'UNKNOWN':
      return `bytes=${payloadLength} (unknown type, skipped)`;
    case 'INVALID':
      return `bytes=${payloadLength} (invalid: ${view.reason})`;
  }
}

function undecodedLine(u: UndecodedCommand): string {
  return `${u.name ?? `id ${u.id}`} bytes=${u.byteLength} (not decoded, see E${u.code})`;
}

/**
 * Dumps `bytes` (a trace, plain or gzip) through `emit`, one call per line. Never throws on any
 * input; an unreadable trace produces the diagnostic lines and `readable: false`.
 */
export function dumpTrace(bytes: Uint8Array, emit: (line: string) => void, options: DumpOptions = {}): DumpResult {
  let lines = 0;
  const line = (text: string): void => {
    lines++;
    emit(text);
  };
  const sink: DiagnosticSink = { report: (d) => line(`${at(d.offset ?? 0)}   ! ${formatDiagnostic(d)}`) };
  const file = openTrace(bytes, sink, options.gunzip ? { gunzip: options.gunzip } : {});
  if (!file) return { readable: false, records: 0, lines };
  let records = 0;
  for (const rec of traceRecords(file, sink)) {
    records++;
    const typeName = rec.view.kind === 'INVALID' || rec.view.kind === 'UNKNOWN' ? `TYPE_${rec.type}` : rec.view.kind;
    line(`${at(rec.offset)} #${rec.index} ${typeName} ${describeRecord(rec.view, rec.payload.length)}`);
    if (rec.view.kind !== 'FIFO') continue;
    const decoded = decodeFifo(rec.view.bytes, { baseOffset: rec.payloadOffset, record: rec.index, sink });
    const all: (SvgaCommand | UndecodedCommand)[] = [...decoded.commands, ...decoded.undecoded];
    all.sort((a, b) => a.offset - b.offset);
    for (const c of all) line(`${at(c.offset)}   ${'body' in c ? formatCommand(c) : undecodedLine(c)}`);
  }
  return { readable: true, records, lines };
}
