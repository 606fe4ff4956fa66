// `npm run bench:peers`: bundles bench/peers/main.ts into bench/.build/ and runs it (arguments after
// `--` are passed on; see bench/peers/main.ts).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from '../run.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const file = await bundle('bench/peers/main.ts', 'peers');
const r = spawnSync(process.execPath, [file, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
