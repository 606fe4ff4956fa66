/**
 * `svga3d dump <trace>`: the file-reading shell around {@link dumpTrace}.
 */
import { resolve } from 'node:path';
import { nodeGunzip, readFileBytes } from '../node.js';
import { CliError, ExitCode, type CliContext } from './cli-context.js';
import { dumpTrace } from './dump-trace.js';

/** Lines handed to the output at once: a trace can dump to hundreds of thousands of lines. */
const BATCH_LINES = 4096;

/** Prints the dump of one trace file; exit 1 when it cannot be read or is not a readable trace. */
export function runDump(trace: string, ctx: CliContext): number {
  let bytes: Uint8Array;
  try {
    bytes = readFileBytes(resolve(ctx.cwd, trace));
  } catch (e) {
    throw new CliError(`cannot read ${trace}: ${e instanceof Error ? e.message : String(e)}`, ExitCode.UNREADABLE);
  }
  let batch: string[] = [];
  const result = dumpTrace(
    bytes,
    (line) => {
      batch.push(line);
      if (batch.length >= BATCH_LINES) {
        ctx.io.out(batch.join('\n'));
        batch = [];
      }
    },
    { gunzip: nodeGunzip },
  );
  if (batch.length > 0) ctx.io.out(batch.join('\n'));
  if (!result.readable) {
    ctx.io.err(`svga3d: ${trace} is not a readable trace`);
    return ExitCode.UNREADABLE;
  }
  return ExitCode.OK;
}
