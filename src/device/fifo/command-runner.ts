/**
 * The one executor behind `executeFifo` (replay) and `processFifo` (the FIFO ring): decode the
 * bytes with the codec, then run every command, strictly in order, through the dispatch table.
 *
 * Diagnostics come out in stream order: the decoder's (framing) ones are held back and released
 * just before the command at or after their offset runs, and every diagnostic an executor reports
 * carries the record, the byte offset of its command and the command's name.
 */
import { diagnostic, type Diagnostic, type DiagnosticSink, type ReportFn } from '../../common/diagnostics.js';
import { decodeFifo, DecoderDiagnostics, type CommandBody, type CommandName, type SvgaCommand } from '../../svga3d-decoder/index.js';
import { REG_DIAGNOSTICS } from '../device-diagnostics.js';

/** One executor per command name; a missing name is an unsupported command. */
export type DispatchTable = { readonly [N in CommandName]?: (body: CommandBody<N>, report: ReportFn) => void };

/** How to run one buffer. */
export interface RunOptions {
  readonly record?: number | undefined;
  /** Reported offset of byte `linear` of the buffer (file offset, or FIFO ring offset). */
  readonly offsetOf: (linear: number) => number;
  /** Most commands to execute in this call. */
  readonly maxCommands: number;
  /**
   * The buffer may end in a command the guest has not finished writing (FIFO ring): a command
   * cut off at the end is left unconsumed and unreported.
   */
  readonly partialTail: boolean;
  /**
   * With `partialTail`: the largest command that can ever be complete (what the ring can hold).
   * A cut-off 3D command whose size says it is bigger is garbage, not a command in progress.
   */
  readonly maxCommandBytes?: number;
}

/** What a run did. */
export interface RunResult {
  /** Bytes of the buffer consumed (whole commands only). */
  readonly consumed: number;
  /** Commands executed. */
  readonly executed: number;
  /** The run stopped at `maxCommands` with commands left. */
  readonly budgetHit: boolean;
}

const TRUNCATION_CODES: ReadonlySet<number> = new Set([
  DecoderDiagnostics.E_TRUNCATED_HEADER.code,
  DecoderDiagnostics.E_SIZE_PAST_END.code,
  DecoderDiagnostics.E_TRUNCATED_2D.code,
]);

interface Entry {
  readonly offset: number;
  readonly end: number;
  readonly command?: SvgaCommand;
}

/** Decodes and executes `bytes`; see {@link RunOptions}. */
export function runCommands(
  bytes: Uint8Array,
  table: DispatchTable,
  sink: DiagnosticSink,
  counts: Map<string, number>,
  options: RunOptions,
): RunResult {
  const held: Diagnostic[] = [];
  const decoded = decodeFifo(bytes, { sink: { report: (d) => held.push(d) } });
  const entries: Entry[] = [
    ...decoded.commands.map((c) => ({ offset: c.offset, end: c.offset + c.byteLength, command: c })),
    ...decoded.undecoded.map((u) => ({ offset: u.offset, end: u.offset + u.byteLength })),
  ].sort((a, b) => a.offset - b.offset);

  // Where this run may stop consuming: before a cut-off last command the guest may still finish.
  let limit = bytes.length;
  if (!decoded.complete && options.partialTail) {
    const last = decoded.undecoded[decoded.undecoded.length - 1];
    if (last && TRUNCATION_CODES.has(last.code) && !neverFits(bytes, last, options.maxCommandBytes)) limit = last.offset;
  }

  let nextHeld = 0;
  const release = (upTo: number): void => {
    while (nextHeld < held.length && (held[nextHeld]?.offset ?? 0) <= upTo) {
      const d = held[nextHeld++] as Diagnostic;
      sink.report(relocate(d, options));
    }
  };

  let consumed = 0;
  let executed = 0;
  let budgetHit = false;
  for (const entry of entries) {
    if (entry.offset >= limit) break;
    if (entry.command) {
      if (executed >= options.maxCommands) {
        budgetHit = true;
        break;
      }
      release(entry.offset);
      execute(entry.command, table, sink, counts, options);
      executed++;
    } else {
      release(entry.offset);
    }
    consumed = Math.min(entry.end, limit);
  }
  // Without a budget stop everything before the limit was run; after lost framing nothing more
  // can be read, so the limit is the end of the buffer and all of it is consumed.
  if (!budgetHit) consumed = limit;
  release(consumed === bytes.length ? Infinity : consumed - 1);
  return { consumed, executed, budgetHit };
}

/**
 * Whether a cut-off command can never be completed: the ring already holds all it can and the
 * command is all of it, or a 3D header announces more bytes than the ring can hold.
 */
function neverFits(bytes: Uint8Array, entry: { offset: number; code: number }, maxCommandBytes: number | undefined): boolean {
  if (maxCommandBytes === undefined) return false;
  if (entry.offset === 0 && bytes.length >= maxCommandBytes) return true;
  if (entry.code !== DecoderDiagnostics.E_SIZE_PAST_END.code || entry.offset + 8 > bytes.length) return false;
  const size = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(entry.offset + 4, true);
  return 8 + size > maxCommandBytes;
}

function relocate(d: Diagnostic, options: RunOptions): Diagnostic {
  const where: { record?: number; offset?: number; command?: string } = {};
  if (options.record !== undefined) where.record = options.record;
  if (d.offset !== undefined) where.offset = options.offsetOf(d.offset);
  if (d.command !== undefined) where.command = d.command;
  return diagnostic(d, d.message, where);
}

function execute(
  command: SvgaCommand,
  table: DispatchTable,
  sink: DiagnosticSink,
  counts: Map<string, number>,
  options: RunOptions,
): void {
  const where: { record?: number; offset: number; command: string } = {
    offset: options.offsetOf(command.offset),
    command: command.name,
  };
  if (options.record !== undefined) where.record = options.record;
  const report: ReportFn = (def, message) => sink.report(diagnostic(def, message, where));
  counts.set(command.name, (counts.get(command.name) ?? 0) + 1);
  const executor = table[command.name] as ((body: unknown, report: ReportFn) => void) | undefined;
  if (!executor) {
    report(REG_DIAGNOSTICS.E_NO_EXECUTOR, `${command.name} is not implemented by this device`);
    return;
  }
  try {
    executor(command.body, report);
  } catch (error) {
    // A defect of ours must not end the replay: report it against the command and go on.
    report(REG_DIAGNOSTICS.E_INTERNAL, `executor failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
