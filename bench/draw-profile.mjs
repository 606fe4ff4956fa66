// Renders corpus traces through SvgaDevice with the pipeline's draw backend and prints, per trace,
// the wall time, the diagnostics count and a SHA-256 over every image it produced (name and RGBA
// bytes, in file order). The hashes make a before/after comparison of a speed change exact: the
// same hash means the same bits. Run it under `node --cpu-prof` to see where the time goes.
//
//   node bench/draw-profile.mjs [--root DIR] [trace ...]      (default: cube bunnies rt-gamma-test)
//
// The sources are bundled on the fly with esbuild (from --root, default this repository), so the
// profile names the TypeScript functions and needs no prior `npm run build`.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
let root = resolve(here, '..');
const traces = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--root') root = resolve(args[++i] ?? '.');
  else traces.push(args[i]);
}
if (traces.length === 0) traces.push('cube', 'bunnies', 'rt-gamma-test');

const entry = `
export { replayTrace } from './src/replay/replay-trace.ts';
export { createGoldenDevice } from './src/golden/golden-device.ts';
export { nodeGunzip } from './src/node.ts';
`;
const dir = mkdtempSync(join(tmpdir(), 'draw-profile-'));
const outfile = join(dir, 'bundle.mjs');
await esbuild.build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'draw-profile-entry.ts' },
  absWorkingDir: root,
  // Packages come from this tree when --root names a checkout without node_modules (a worktree).
  nodePaths: [resolve(here, '..', 'node_modules')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  // pngjs is CommonJS and requires Node built-ins; an ES module bundle needs a real require.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
  outfile,
});
// Dependencies (pngjs) are bundled too, so the bundle runs from the temporary directory.
let mod;
try {
  mod = await import(pathToFileURL(outfile).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const { replayTrace, createGoldenDevice, nodeGunzip } = mod;

for (const name of traces) {
  const file = join(root, 'corpus', 'vmware-svga-sdk', `${name}.svgatrace.gz`);
  const bytes = new Uint8Array(readFileSync(file));
  const hash = createHash('sha256');
  let images = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  const summary = replayTrace(bytes, {
    createDevice: createGoldenDevice,
    gunzip: nodeGunzip,
    onImage: (imageName, image) => {
      images++;
      hash.update(`${imageName}:${image.width}x${image.height}\n`);
      hash.update(image.data);
    },
  });
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(
    `${name.padEnd(16)} ${(ms / 1000).toFixed(2).padStart(8)} s wall ${(cpuMs / 1000).toFixed(2).padStart(8)} s cpu  images ${images}  diagnostics ${summary.diagnostics.length}  sha256 ${hash.digest('hex').slice(0, 16)}`,
  );
}
