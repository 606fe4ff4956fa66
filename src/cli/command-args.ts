/**
 * The one argument parser of every `svga3d` command: `node:util` parseArgs in strict mode with
 * `-h` / `--help` added, and one shape of usage error, so every command words its mistakes the
 * same way (`svga3d <command>: <what>` then where the help is) and exits with {@link ExitCode.USAGE}.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, ExitCode, type CliIo } from './cli-context.js';

/** The option table of one command (parseArgs' own form). */
export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** Who a usage message speaks for. */
export interface CommandName {
  /** The prefix of its messages: `svga3d render`, `svga3d golden`, or `svga3d` for the dispatcher. */
  readonly name: string;
  /** The command whose `--help` covers it: `svga3d` for render, dump and demo (the main help). */
  readonly helpCommand: string;
}

/** A usage error of `command`: `<name>: <message>`, then `Run '<helpCommand> --help' for usage.` */
export function usageError(command: CommandName, message: string): CliError {
  return new CliError(`${command.name}: ${message}\nRun '${command.helpCommand} --help' for usage.`, ExitCode.USAGE);
}

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/** What {@link parseCommandArgs} returns for `options` (named, so declarations can spell it). */
export type ParsedCommandArgs<O extends OptionSpecs> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O & typeof HELP_OPTION; allowPositionals: true; strict: true }>
>;

/**
 * Parses `args` against `options` plus `-h` / `--help`, positionals allowed. An unknown option or
 * a missing value throws {@link usageError} with parseArgs' own explanation. The values are typed
 * from `options`, so a string option reads as `string | undefined`.
 */
export function parseCommandArgs<const O extends OptionSpecs>(
  command: CommandName,
  args: readonly string[],
  options: O,
): ParsedCommandArgs<O> {
  try {
    return parseArgs({ args: [...args], options: { ...options, ...HELP_OPTION }, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageError(command, e instanceof Error ? e.message : String(e));
  }
}

/**
 * The positionals when there are exactly `count` of them; otherwise a usage error
 * `expected <what>, got <n>` (`what` says the count: "exactly one trace file", "two PNG files").
 */
export function expectPositionals(command: CommandName, positionals: readonly string[], count: 1, what: string): [string];
export function expectPositionals(command: CommandName, positionals: readonly string[], count: 2, what: string): [string, string];
export function expectPositionals(command: CommandName, positionals: readonly string[], count: number, what: string): string[] {
  if (positionals.length !== count) throw usageError(command, `expected ${what}, got ${positionals.length}`);
  return [...positionals];
}

/**
 * Runs a command that is called on its own as well as through `main` (asm, disasm): a
 * {@link CliError} it throws is printed and becomes its exit code, like `main` does.
 */
export async function reportingCliErrors(io: CliIo, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    io.err(e.message);
    return e.exitCode;
  }
}
