/**
 * The `svga3d` executable (bundled to dist/cli.js): real stdout/stderr, the process's working
 * directory and the project's device, then `main`.
 */
import { createSvgaDevice } from '../replay/svga-device-factory.js';
import type { CliContext } from './cli-context.js';
import { main } from './main.js';

const ctx: CliContext = {
  io: {
    out: (text) => void process.stdout.write(`${text}\n`),
    err: (text) => void process.stderr.write(`${text}\n`),
  },
  cwd: process.cwd(),
  createDevice: createSvgaDevice,
};

process.exitCode = await main(process.argv.slice(2), ctx);
