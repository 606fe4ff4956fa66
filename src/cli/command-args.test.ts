import { describe, expect, it } from 'vitest';
import { CliError } from './cli-context.js';
import { expectPositionals, parseCommandArgs, reportingCliErrors, usageError } from './command-args.js';

const TOOL = { name: 'svga3d tool', helpCommand: 'svga3d tool' };

function thrown(f: () => unknown): { message: string; exitCode: number } {
  try {
    f();
  } catch (e) {
    if (e instanceof CliError) return { message: e.message, exitCode: e.exitCode };
    throw e;
  }
  throw new Error('nothing thrown');
}

describe('parseCommandArgs', () => {
  it('parses the options, -h as --help and the positionals in order', () => {
    const r = parseCommandArgs(TOOL, ['a', '-o', 'dir', '--flag', 'b', '-h'], { out: { type: 'string', short: 'o' }, flag: { type: 'boolean' } });
    expect(r.values).toEqual({ out: 'dir', flag: true, help: true });
    expect(r.positionals).toEqual(['a', 'b']);
  });

  it('turns an unknown option and a missing value into exit 2 with the command and where its help is', () => {
    // The middle is node:util's own wording, which Node may refine: only its start is pinned.
    const unknown = thrown(() => parseCommandArgs(TOOL, ['--bogus'], {}));
    expect(unknown.exitCode).toBe(2);
    expect(unknown.message.startsWith("svga3d tool: Unknown option '--bogus'")).toBe(true);
    expect(unknown.message.endsWith("\nRun 'svga3d tool --help' for usage.")).toBe(true);
    expect(thrown(() => parseCommandArgs(TOOL, ['--out'], { out: { type: 'string' } }))).toEqual({
      message: "svga3d tool: Option '--out <value>' argument missing\nRun 'svga3d tool --help' for usage.",
      exitCode: 2,
    });
  });
});

describe('expectPositionals and usageError', () => {
  it('returns exactly the positionals asked for, otherwise says how many there were', () => {
    expect(expectPositionals(TOOL, ['x', 'y'], 2, 'two files')).toEqual(['x', 'y']);
    expect(thrown(() => expectPositionals(TOOL, ['x'], 2, 'two files'))).toEqual({
      message: "svga3d tool: expected two files, got 1\nRun 'svga3d tool --help' for usage.",
      exitCode: 2,
    });
    const main = { name: 'svga3d', helpCommand: 'svga3d' };
    expect(usageError(main, "unknown command 'x'").message).toBe("svga3d: unknown command 'x'\nRun 'svga3d --help' for usage.");
  });

  it('reportingCliErrors prints a CliError and returns its exit code; other errors pass through', async () => {
    const err: string[] = [];
    const io = { out: () => undefined, err: (t: string) => void err.push(t) };
    expect(await reportingCliErrors(io, async () => 7)).toBe(7);
    expect(await reportingCliErrors(io, async () => { throw new CliError('bad', 3); })).toBe(3);
    expect(err).toEqual(['bad']);
    await expect(reportingCliErrors(io, async () => { throw new Error('disk full'); })).rejects.toThrow('disk full');
  });
});
