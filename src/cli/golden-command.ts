/**
 * `svga3d golden check [--filter PATTERN] [--update[=new|all|none]] [--report DIR] [--json FILE]`:
 * runs the golden suite of this repository (`golden/`), prints one line per case (a progress bar
 * on a terminal), writes the report page and results, and ends with `N passed, N failed`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GoldenCase } from '../golden/golden-case.js';
import { summaryLine, type CaseResult, type GoldenRunResult, type UpdateMode } from '../golden/golden-results.js';
import { runGolden } from '../golden/golden-runner.js';
import { loadGoldenCases } from '../golden/load-cases.js';
import { writeReport } from '../golden/write-report.js';
import { CliError, ExitCode, type CliContext } from './cli-context.js';
import { parseCommandArgs, usageError, type CommandName } from './command-args.js';
import { findCorpusDir } from './demo-command.js';

/** `svga3d golden --help`. */
export const GOLDEN_HELP = `Usage: svga3d golden check [--filter PATTERN] [--update[=new|all|none]] [--report DIR] [--json FILE]

Renders every golden case twice (the two renders must be bit-identical) and compares each
checkpoint image with golden/manifest.json by the SHA-256 of its decoded RGBA pixels.

  --filter PATTERN  only the case named PATTERN, or else every case whose name contains it
                    (a * in PATTERN matches any text)
  --update[=MODE]   new (the default without CI=true, and of a bare --update): write missing
                    expectations; all: also rewrite every expectation that differs;
                    none (the default with CI=true): write nothing, a missing expectation fails
  --report DIR      where the report goes (default out/golden): index.html, results.json and,
                    for each mismatch, expected/actual/diff PNGs under images/
  --json FILE       also write the results as JSON to FILE
  --golden-dir DIR  the suite's directory (default: golden/ of this package)

Exit codes: 0 every case passed, 1 a case failed, 2 usage error.`;

/** Options besides the arguments: the environment (CI=true) and the suite, for tests. */
export interface GoldenCommandEnv {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cases?: readonly GoldenCase[];
  /** Draw a progress bar instead of one line per case. Default: stderr is a terminal. */
  readonly tty?: boolean;
}

/** The `golden/` directory of this package, found by walking up from this module. */
export function findGoldenDir(start: string = dirname(fileURLToPath(import.meta.url))): string | undefined {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'golden', 'cases'))) return join(dir, 'golden');
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

const GOLDEN: CommandName = { name: 'svga3d golden', helpCommand: 'svga3d golden' };

function parseUpdate(value: string | undefined, ci: boolean): UpdateMode {
  if (value === undefined) return ci ? 'none' : 'new';
  if (value === 'new' || value === 'all' || value === 'none') return value;
  throw usageError(GOLDEN, `--update must be new, all or none, not '${value}'`);
}

const STATUS_WORD: Record<CaseResult['status'], string> = {
  passed: 'PASS',
  new: 'NEW',
  updated: 'UPDATED',
  failed: 'FAIL',
  missing: 'MISSING',
  unproduced: 'FAIL',
  nondeterministic: 'NONDETERMINISTIC',
  error: 'ERROR',
};

/** One plain line per case. */
export function caseLine(r: CaseResult): string {
  const bad = r.images.filter((i) => i.status !== 'passed' && i.status !== 'new' && i.status !== 'updated');
  const detail = bad.map((i) => `${i.name}: ${i.status}${i.diffPixels !== undefined ? ` (${i.diffPixels} px differ)` : ''}`);
  const extra = [...detail, ...r.messages].join('; ');
  return `${STATUS_WORD[r.status]} ${r.name} (${r.images.length} image${r.images.length === 1 ? '' : 's'}, ${r.durationMs} ms)${extra ? `: ${extra}` : ''}`;
}

function progressBar(done: number, total: number, name: string): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}`.slice(0, 120).padEnd(120);
}

/** Runs `svga3d golden <args>`. */
export async function runGoldenCommand(args: readonly string[], ctx: CliContext, options: GoldenCommandEnv = {}): Promise<number> {
  const env = options.env ?? process.env;
  // parseArgs has no optional values: a bare --update means --update=new.
  const normalised = args.map((a) => (a === '--update' ? '--update=new' : a));
  const { values, positionals } = parseCommandArgs(GOLDEN, normalised, {
    filter: { type: 'string' },
    update: { type: 'string' },
    report: { type: 'string' },
    json: { type: 'string' },
    'golden-dir': { type: 'string' },
  });
  if (values.help) {
    ctx.io.out(GOLDEN_HELP);
    return ExitCode.OK;
  }
  if (positionals.length !== 1 || positionals[0] !== 'check') throw usageError(GOLDEN, `expected 'check', got '${positionals.join(' ')}'`);
  const update = parseUpdate(values.update, env['CI'] === 'true');
  const goldenDir = values['golden-dir'] !== undefined ? resolve(ctx.cwd, values['golden-dir']) : findGoldenDir();
  if (goldenDir === undefined) throw new CliError('svga3d golden: no golden/ directory next to the package; pass --golden-dir', ExitCode.UNREADABLE);
  const reportDir = resolve(ctx.cwd, values.report ?? join('out', 'golden'));
  const corpusDir = findCorpusDir();
  const tty = options.tty ?? (process.stderr.isTTY === true && env['CI'] !== 'true');
  let cases: readonly GoldenCase[];
  try {
    cases = options.cases ?? (await loadGoldenCases(goldenDir));
  } catch (e) {
    throw new CliError(`svga3d golden: cannot load the cases: ${e instanceof Error ? e.message : String(e)}`, ExitCode.UNREADABLE);
  }

  const result: GoldenRunResult = runGolden({
    cases,
    goldenDir,
    ...(corpusDir !== undefined ? { corpusDir } : {}),
    reportDir,
    ...(values.filter !== undefined ? { filter: values.filter } : {}),
    update,
    onCaseStart: (c, i, n) => {
      if (tty) process.stderr.write(progressBar(i, n, c.name));
    },
    onCaseDone: (r, i, n) => {
      if (tty) {
        process.stderr.write(progressBar(i + 1, n, r.name));
        if (r.status !== 'passed') process.stderr.write(`\r${' '.repeat(120)}\r${caseLine(r)}\n`);
      } else {
        ctx.io.out(caseLine(r));
      }
    },
  });
  if (tty) process.stderr.write(`\r${' '.repeat(120)}\r`);

  writeReport(reportDir, result);
  if (values.json !== undefined) {
    const jsonPath = resolve(ctx.cwd, values.json);
    mkdirSync(dirname(jsonPath), { recursive: true });
    writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);
  }
  if (result.stale.length > 0) {
    ctx.io.out(`stale expectations (no such case): ${result.stale.join(', ')}${update === 'all' && !values.filter ? ' (removed)' : ''}`);
  }
  if (result.failed > 0) ctx.io.out(`report: ${relative(ctx.cwd, join(reportDir, 'index.html')) || 'index.html'}`);
  ctx.io.out(summaryLine(result));
  return result.failed > 0 ? 1 : ExitCode.OK;
}
