/**
 * Diagnostics: how every mistake of the guest (or of a trace file) is reported.
 *
 * Guest bytes never throw. Each area owns a range of numbered codes and defines them in its own
 * table (for example `src/svga3d-decoder/decoder-diagnostics.ts`), so codes stay stable and
 * greppable:
 *
 * | range | area |
 * |---|---|
 * | 1000–1999 | trace file framing (`src/trace`) |
 * | 2000–2999 | FIFO framing and command decoding (`src/svga3d-decoder`) |
 * | 3000–3099 | registers, FIFO ring, fences (`src/device`) |
 * | 3100–3199 | guest memory and GMRs |
 * | 3200–3399 | surfaces, DMA, copies, blits |
 * | 3400–3599 | contexts, state, shaders as objects, queries |
 * | 3600–3799 | screens, 2D commands, cursors, overlays |
 * | 4000–4999 | shader bytecode validation and execution (`src/shader-vm`) |
 * | 5000–5999 | drawing (`src/pipeline`, `src/raster`) |
 */

/** How serious a diagnostic is. Warnings are expected, harmless oddities (an unknown record type). */
export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** One reported problem. */
export interface Diagnostic {
  /** Stable number, unique across the project (see the range table above). */
  readonly code: number;
  /** Short symbolic name of the code, e.g. `E_FRAMING`. */
  readonly name: string;
  readonly severity: DiagnosticSeverity;
  /** Human-readable reason, naming the offending values. */
  readonly message: string;
  /** Index of the trace record that carried the command, when known. */
  readonly record?: number;
  /** Byte offset in the trace file (or in the buffer handed to the decoder), when known. */
  readonly offset?: number;
  /** Spec name of the command being executed, e.g. `SURFACE_DMA`, when there is one. */
  readonly command?: string;
}

/** A code definition: one row of an area's diagnostic table. */
export interface DiagnosticCode {
  readonly code: number;
  readonly name: string;
  readonly severity: DiagnosticSeverity;
}

/** Where to report diagnostics. Implementations add the record/offset context they know. */
export interface DiagnosticSink {
  report(d: Diagnostic): void;
}

/** Builds a diagnostic from a code row and a message, with optional location fields. */
export function diagnostic(
  def: DiagnosticCode,
  message: string,
  where: { record?: number; offset?: number; command?: string } = {},
): Diagnostic {
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = {
    code: def.code,
    name: def.name,
    severity: def.severity,
    message,
  };
  if (where.record !== undefined) d.record = where.record;
  if (where.offset !== undefined) d.offset = where.offset;
  if (where.command !== undefined) d.command = where.command;
  return d;
}

/** A sink that keeps every diagnostic in order; handy for tests and for the replay summary. */
export class DiagnosticList implements DiagnosticSink {
  readonly items: Diagnostic[] = [];
  /** Upper bound so a hostile stream cannot grow the list without limit; the rest are counted. */
  readonly limit: number;
  /** Diagnostics past `limit`, counted but not kept. */
  dropped = 0;
  constructor(limit = 100_000) {
    this.limit = limit;
  }
  report(d: Diagnostic): void {
    if (this.items.length < this.limit) this.items.push(d);
    else this.dropped++;
  }
  /** One line per diagnostic, for messages and CLI output. */
  format(): string[] {
    return this.items.map(formatDiagnostic);
  }
}

/** `#12 @0x1a4 SURFACE_DMA E3301 E_DMA_BOX: ...` */
export function formatDiagnostic(d: Diagnostic): string {
  const parts: string[] = [];
  if (d.record !== undefined) parts.push(`#${d.record}`);
  if (d.offset !== undefined) parts.push(`@0x${d.offset.toString(16)}`);
  if (d.command !== undefined) parts.push(d.command);
  parts.push(`${d.severity === 'error' ? 'E' : d.severity === 'warning' ? 'W' : 'I'}${d.code} ${d.name}: ${d.message}`);
  return parts.join(' ');
}

/**
 * What command executors receive: report a problem by its code row and a reason. The caller (the
 * device) adds the record index, byte offset and command name it is executing.
 */
export type ReportFn = (def: DiagnosticCode, message: string) => void;

/** The severity a code's name announces: `E_` error, `W_` warning, `I_` info. */
type SeverityPrefix = `E_${string}` | `W_${string}` | `I_${string}`;

/**
 * Builds an area's code table from `{ E_NAME: number }` rows: the key is the code's name and its
 * prefix gives the severity, so a row cannot disagree with itself.
 */
export function defineDiagnosticCodes<const T extends Record<SeverityPrefix, number>>(
  rows: T,
): { readonly [K in keyof T & string]: DiagnosticCode } {
  const table: Record<string, DiagnosticCode> = {};
  for (const [name, code] of Object.entries(rows)) {
    const severity: DiagnosticSeverity = name.startsWith('W_') ? 'warning' : name.startsWith('I_') ? 'info' : 'error';
    table[name] = { code, name, severity };
  }
  return table as { readonly [K in keyof T & string]: DiagnosticCode };
}
