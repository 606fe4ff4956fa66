// `npm run bench`: bundles bench/main.ts (our sources included, packages external) into
// bench/.build/ and runs it; arguments after `--` are passed on (see bench/main.ts).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles `entry` (relative to the root) to bench/.build/<name>.mjs and returns its path. */
export async function bundle(entry, name) {
  const outfile = join(root, 'bench', '.build', `${name}.mjs`);
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = await bundle('bench/main.ts', 'main');
  const r = spawnSync(process.execPath, [file, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
  process.exit(r.status ?? 1);
}
