/**
 * What a CLI command may touch besides the file system: its output streams and working directory.
 * Tests pass their own to run commands in-process and read what they printed.
 */
import type { ReplayDeviceFactory } from '../replay/replay-trace.js';

/** Where a command writes. Each call is one line or block of text, without a final newline. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** The environment of one CLI run. */
export interface CliContext {
  readonly io: CliIo;
  /** Relative paths (arguments, default output directories) resolve against this. */
  readonly cwd: string;
  /** How replay creates its device. */
  readonly createDevice: ReplayDeviceFactory;
}

/** Exit codes of `svga3d` (also in the README and `--help`). */
export const ExitCode = {
  /** The trace was replayed (diagnostics may have been reported). */
  OK: 0,
  /** The file could not be read, or it is not a readable trace. */
  UNREADABLE: 1,
  /** Bad command line. */
  USAGE: 2,
  /** `--strict`: replayed, but with at least one error or warning diagnostic. */
  STRICT: 3,
} as const;

/** An error that should end the run with a message and an exit code, not a stack trace. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.exitCode = exitCode;
  }
}
