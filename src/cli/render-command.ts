/**
 * `svga3d render <trace> [--out DIR] [--strict] [--json]`: replay a trace, write one PNG per
 * checkpoint to `<out>/<name>.png`, print what happened.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { formatDiagnostic } from '../common/diagnostics.js';
import { renderTraceFile } from '../node.js';
import { CliError, ExitCode, type CliContext } from './cli-context.js';
import { countsAgainstStrict, renderReportJson, renderReportLines, type RenderReport } from './render-summary.js';

/** Options of one render. */
export interface RenderOptions {
  readonly trace: string;
  /** Output directory; default `out/<trace base name>`. */
  readonly out?: string;
  readonly strict?: boolean;
  readonly json?: boolean;
}

/** `cube.svgatrace.gz` → `cube`: the name the default output directory takes. */
export function traceBaseName(path: string): string {
  return basename(path).replace(/(\.svgatrace)?(\.gz)?$/i, '') || 'trace';
}

/**
 * Replays one trace file and writes its images. Returns the report (printing is the caller's),
 * or throws a {@link CliError} with exit code 1 when the file cannot be read at all.
 */
export function renderTrace(options: RenderOptions, ctx: CliContext): RenderReport {
  const tracePath = resolve(ctx.cwd, options.trace);
  try {
    if (!statSync(tracePath).isFile()) throw new Error('not a regular file');
    accessSync(tracePath, constants.R_OK);
  } catch (e) {
    throw new CliError(`cannot read ${options.trace}: ${e instanceof Error ? e.message : String(e)}`, ExitCode.UNREADABLE);
  }
  const outDir = resolve(ctx.cwd, options.out ?? join('out', traceBaseName(options.trace)));
  const { summary, images } = renderTraceFile(tracePath, outDir, { createDevice: ctx.createDevice });
  let exitCode: number = ExitCode.OK;
  if (!summary.readable) exitCode = ExitCode.UNREADABLE;
  else if (options.strict && (summary.diagnosticsDropped > 0 || summary.diagnostics.some(countsAgainstStrict))) exitCode = ExitCode.STRICT;
  return { trace: options.trace, outDir, summary, images, exitCode };
}

/** Runs `render` and prints its report; returns the exit code. */
export function runRender(options: RenderOptions, ctx: CliContext): number {
  const report = renderTrace(options, ctx);
  if (options.json) {
    ctx.io.out(renderReportJson(report));
  } else if (!report.summary.readable) {
    for (const d of report.summary.diagnostics) ctx.io.err(formatDiagnostic(d));
    ctx.io.err(`svga3d: ${options.trace} is not a readable trace`);
  } else {
    for (const line of renderReportLines(report)) ctx.io.out(line);
  }
  return report.exitCode;
}
