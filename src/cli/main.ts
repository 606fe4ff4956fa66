/**
 * The `svga3d` command line: dispatch to the commands. No framework: `node:util` parseArgs through
 * `command-args.ts`.
 *
 * `main` never calls `process.exit` and never prints a stack trace for a user mistake, so tests can
 * run it in-process and check the exit code and the output.
 */
import { ExitCode, type CliContext } from './cli-context.js';
import { expectPositionals, parseCommandArgs, reportingCliErrors, usageError, type CommandName } from './command-args.js';
import { SVGA3D_VERSION } from './cli-version.js';
import { runDemo } from './demo-command.js';
import { runDump } from './dump-command.js';
import { runRender } from './render-command.js';
import { runAsm, runDisasm } from './shader-commands.js';
import { runCompare } from './compare-command.js';
import { runGoldenCommand } from './golden-command.js';

/** `svga3d --help`. */
export const HELP = `svga3d ${SVGA3D_VERSION}: bit-exact software renderer for VMware SVGA II / SVGA3D traces

Usage:
  svga3d render <trace> [--out DIR] [--strict] [--json]
      Replay a .svgatrace (or .svgatrace.gz) and write one PNG per checkpoint
      to DIR/<name>.png (default DIR: out/<trace name>). Prints the records,
      the commands by name, every diagnostic and the images written.
      --strict  exit 3 when there was any error or warning diagnostic
                (info diagnostics, such as "not rendered yet", do not count)
      --json    print the summary as JSON instead of text
  svga3d dump <trace>
      Print every record and every decoded FIFO command, one per line, with
      its file offset and field names.
  svga3d demo [--out DIR]
      Render the bundled corpus and a built-in demo scene into DIR (default
      out). This is what runs when no command is given.
  svga3d asm <args>       Assemble D3D9 shader text (svga3d asm --help).
  svga3d disasm <args>    Disassemble D3D9 shader bytecode (svga3d disasm --help).
  svga3d golden check     Run the golden-image suite (svga3d golden --help).
  svga3d compare <expected.png> <actual.png>
                          Compare two PNGs, exact or tolerant (svga3d compare --help).
  svga3d --help | --version

Exit codes:
  0  replayed (diagnostics may have been reported)
  1  the file cannot be read, or is not a readable trace
  2  usage error
  3  --strict, and at least one error or warning diagnostic
`;

/** render, dump and demo are described by the main help, so their usage errors point there. */
function command(name?: string): CommandName {
  return { name: name === undefined ? 'svga3d' : `svga3d ${name}`, helpCommand: 'svga3d' };
}

function oneTrace(name: string, positionals: readonly string[]): string {
  return expectPositionals(command(name), positionals, 1, 'exactly one trace file')[0];
}

async function dispatch(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith('-')) {
    if (first === '--help' || first === '-h') {
      ctx.io.out(HELP);
      return ExitCode.OK;
    }
    if (first === '--version' || first === '-v') {
      ctx.io.out(SVGA3D_VERSION);
      return ExitCode.OK;
    }
    // No command: the demo, with whatever options were given.
    return dispatch(['demo', ...argv], ctx);
  }
  switch (first) {
    case 'render': {
      const { values, positionals } = parseCommandArgs(command('render'), rest, {
        out: { type: 'string', short: 'o' },
        strict: { type: 'boolean' },
        json: { type: 'boolean' },
      });
      if (values.help) return help(ctx);
      const trace = oneTrace('render', positionals);
      const out = values.out;
      return runRender({ trace, ...(out !== undefined ? { out } : {}), strict: values.strict === true, json: values.json === true }, ctx);
    }
    case 'dump': {
      const { values, positionals } = parseCommandArgs(command('dump'), rest, {});
      if (values.help) return help(ctx);
      return runDump(oneTrace('dump', positionals), ctx);
    }
    case 'demo': {
      const { values, positionals } = parseCommandArgs(command('demo'), rest, { out: { type: 'string', short: 'o' } });
      if (values.help) return help(ctx);
      if (positionals.length > 0) throw usageError(command('demo'), `unexpected argument '${positionals[0]}'`);
      return runDemo({ out: values.out ?? 'out' }, ctx);
    }
    case 'asm':
      return runAsm(rest, ctx.io, ctx.cwd);
    case 'disasm':
      return runDisasm(rest, ctx.io, ctx.cwd);
    case 'golden':
      return runGoldenCommand(rest, ctx);
    case 'compare':
      return runCompare(rest, ctx);
    default:
      throw usageError(command(), `unknown command '${first}'`);
  }
}

function help(ctx: CliContext): number {
  ctx.io.out(HELP);
  return ExitCode.OK;
}

/**
 * Runs the CLI with `argv` (without `node` and the script). Returns the exit code; prints usage and
 * I/O problems to `ctx.io.err`.
 */
export async function main(argv: readonly string[], ctx: CliContext): Promise<number> {
  try {
    return await reportingCliErrors(ctx.io, () => dispatch(argv, ctx));
  } catch (e) {
    // Writing output failed (disk full, permissions): an environment problem, reported plainly.
    const message = e instanceof Error ? e.message : String(e);
    ctx.io.err(`svga3d: ${message}`);
    return ExitCode.UNREADABLE;
  }
}
