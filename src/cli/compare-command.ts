/**
 * `svga3d compare <expected.png> <actual.png> [--threshold T] [--max-diff-pixels N]
 * [--max-diff-ratio R] [--diff out.png]`: what a hardware backend's tests call to diff their
 * output against ours. Exact unless a limit is given; then tolerant through pixelmatch.
 */
import { resolve } from 'node:path';
import type { Rgba8Image } from '../common/image.js';
import { compareExact } from '../golden/exact-compare.js';
import { compareTolerant, DEFAULT_THRESHOLD, exactDiffImage, type TolerantLimits } from '../golden/tolerant-compare.js';
import { readPng, writePng } from '../node.js';
import { CliError, ExitCode, type CliContext } from './cli-context.js';
import { expectPositionals, parseCommandArgs, usageError, type CommandName } from './command-args.js';

/** `svga3d compare --help`. */
export const COMPARE_HELP = `Usage: svga3d compare <expected.png> <actual.png> [--threshold T] [--max-diff-pixels N]
                      [--max-diff-ratio R] [--diff out.png]

Exact by default: every RGBA byte must be equal (alpha-0 pixels included); images of different
sizes never match.

Tolerant when --threshold, --max-diff-pixels or --max-diff-ratio is given: pixels are compared by
pixelmatch, which counts a pixel as different when its colour distance (OKLab HyAB, 0 = same
colour, 1 = black against white) exceeds T (default ${DEFAULT_THRESHOLD}). Anti-aliasing detection is on:
pixels pixelmatch detects as anti-aliased are NOT counted (drawn yellow in the diff). Then
  --max-diff-pixels N  at most N differing pixels
  --max-diff-ratio R   at most R × (width × height) differing pixels, 0 <= R <= 1
Both may be given: the stricter limit wins. With --threshold alone no differing pixel is allowed.

  --diff out.png  write the diff image (pixelmatch's: red = differs, yellow = anti-aliased,
                  faded = same; in exact mode every differing pixel is red)

Prints one line: the verdict and the counts.
Exit codes: 0 match, 1 mismatch, 2 usage error or an unreadable file.`;

const COMPARE: CommandName = { name: 'svga3d compare', helpCommand: 'svga3d compare' };

function number(name: string, text: string | undefined, min: number, max: number, integer: boolean): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
    throw usageError(COMPARE, `--${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, not '${text}'`);
  }
  return v;
}

function load(path: string, cwd: string): Rgba8Image {
  try {
    return readPng(resolve(cwd, path));
  } catch (e) {
    throw new CliError(`svga3d compare: cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`, ExitCode.USAGE);
  }
}

/** Runs `svga3d compare <args>`. */
export function runCompare(args: readonly string[], ctx: CliContext): number {
  const { values, positionals } = parseCommandArgs(COMPARE, args, {
    threshold: { type: 'string' },
    'max-diff-pixels': { type: 'string' },
    'max-diff-ratio': { type: 'string' },
    diff: { type: 'string' },
  });
  if (values.help) {
    ctx.io.out(COMPARE_HELP);
    return ExitCode.OK;
  }
  const [expectedPath, actualPath] = expectPositionals(COMPARE, positionals, 2, 'two PNG files');
  const threshold = number('threshold', values.threshold, 0, 1, false);
  const maxDiffPixels = number('max-diff-pixels', values['max-diff-pixels'], 0, Number.MAX_SAFE_INTEGER, true);
  const maxDiffRatio = number('max-diff-ratio', values['max-diff-ratio'], 0, 1, false);
  const expected = load(expectedPath, ctx.cwd);
  const actual = load(actualPath, ctx.cwd);
  const size = (i: Rgba8Image): string => `${i.width}x${i.height}`;
  const tolerant = threshold !== undefined || maxDiffPixels !== undefined || maxDiffRatio !== undefined;

  if (expected.width !== actual.width || expected.height !== actual.height) {
    ctx.io.out(`MISMATCH: sizes differ (expected ${size(expected)}, actual ${size(actual)})`);
    return 1;
  }
  const total = expected.width * expected.height;
  if (!tolerant) {
    const cmp = compareExact(expected, actual);
    if (values.diff !== undefined) {
      const diff = exactDiffImage(expected, actual);
      if (diff && diff.width > 0 && diff.height > 0) writePng(resolve(ctx.cwd, values.diff), diff);
    }
    const box = cmp.bbox ? `, box (${cmp.bbox.x0},${cmp.bbox.y0})-(${cmp.bbox.x1},${cmp.bbox.y1})` : '';
    ctx.io.out(
      `${cmp.match ? 'MATCH' : 'MISMATCH'} (exact): ${cmp.diffPixels} of ${total} pixels differ, max channel delta ${cmp.maxChannelDelta}${box}`,
    );
    return cmp.match ? ExitCode.OK : 1;
  }
  const limits: TolerantLimits = {
    ...(threshold !== undefined ? { threshold } : {}),
    ...(maxDiffPixels !== undefined ? { maxDiffPixels } : {}),
    ...(maxDiffRatio !== undefined ? { maxDiffRatio } : {}),
  };
  const diff = values.diff !== undefined ? { width: expected.width, height: expected.height, data: new Uint8Array(total * 4) } : undefined;
  const cmp = compareTolerant(expected, actual, limits, diff);
  if (diff && values.diff !== undefined && total > 0) writePng(resolve(ctx.cwd, values.diff), diff);
  ctx.io.out(
    `${cmp.match ? 'MATCH' : 'MISMATCH'} (tolerant, threshold ${cmp.threshold}, anti-aliased pixels not counted): ` +
      `${cmp.diffPixels} of ${total} pixels differ, ${cmp.allowedPixels} allowed`,
  );
  return cmp.match ? ExitCode.OK : 1;
}
