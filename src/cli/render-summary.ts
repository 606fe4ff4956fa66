/**
 * How `svga3d render` reports a replay: plain text for people, JSON for programs.
 */
import { formatDiagnostic, type Diagnostic } from '../common/diagnostics.js';
import type { ReplaySummary } from '../replay/replay-trace.js';
import type { WrittenImage } from '../node.js';
import { RecordType, type RecordTypeName } from '../trace/trace-format.js';

/** The result of rendering one trace, as printed by `--json`. */
export interface RenderReport {
  readonly trace: string;
  readonly outDir: string;
  readonly summary: ReplaySummary;
  readonly images: readonly WrittenImage[];
  readonly exitCode: number;
}

/** Diagnostics that make `--strict` fail: errors and warnings. Info (e.g. "not rendered yet") does not. */
export function countsAgainstStrict(d: Diagnostic): boolean {
  return d.severity === 'error' || d.severity === 'warning';
}

/** `name n, name n` ordered by count (highest first), then name: stable across runs. */
export function formatCounts(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
}

function total(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

const TYPE_ORDER: readonly string[] = [...(Object.keys(RecordType) as RecordTypeName[]), 'UNKNOWN'];

/** Records by type in the format's type order (CONFIG last only because its number is 7). */
export function formatRecordTypes(byType: Readonly<Record<string, number>>): string {
  return TYPE_ORDER.filter((t) => byType[t] !== undefined)
    .map((t) => `${t} ${byType[t]}`)
    .join(', ');
}

/** Severity tally, e.g. `2 errors, 0 warnings, 8 info`. */
export function formatSeverities(diagnostics: readonly Diagnostic[], dropped = 0): string {
  let e = 0;
  let w = 0;
  let i = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') e++;
    else if (d.severity === 'warning') w++;
    else i++;
  }
  const more = dropped > 0 ? `, ${dropped} more not kept` : '';
  return `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${i} info${more}`;
}

/** The text report: records, commands, every diagnostic, images. One string per line. */
export function renderReportLines(report: RenderReport): string[] {
  const s = report.summary;
  const lines = [`trace: ${report.trace}`];
  lines.push(`records: ${s.records}${s.records > 0 ? ` (${formatRecordTypes(s.recordsByType)})` : ''}`);
  const commands = total(s.commands);
  lines.push(`commands: ${commands}${commands > 0 ? ` (${formatCounts(s.commands)})` : ''}`);
  lines.push(`diagnostics: ${s.diagnostics.length + s.diagnosticsDropped} (${formatSeverities(s.diagnostics, s.diagnosticsDropped)})`);
  for (const d of s.diagnostics) lines.push(`  ${formatDiagnostic(d)}`);
  lines.push(`images: ${report.images.length} written to ${report.outDir}`);
  for (const image of report.images) lines.push(`  ${image.path} ${image.width}x${image.height}`);
  for (const cp of s.checkpoints) if (!cp.produced) lines.push(`  ${cp.name}: no image`);
  return lines;
}

/** The JSON report (`--json`), two-space indented. */
export function renderReportJson(report: RenderReport): string {
  const s = report.summary;
  return JSON.stringify(
    {
      trace: report.trace,
      outDir: report.outDir,
      exitCode: report.exitCode,
      readable: s.readable,
      records: s.records,
      recordsByType: s.recordsByType,
      commands: s.commands,
      checkpoints: s.checkpoints,
      images: report.images,
      diagnostics: s.diagnostics,
      diagnosticsDropped: s.diagnosticsDropped,
    },
    null,
    2,
  );
}
