// Builds dist/: the platform-neutral core (index.js), the Node helpers (node.js), the CLI (cli.js,
// one self-contained file with a shebang) and the .d.ts declarations (tsc). Dependencies stay
// external: they are installed next to the package, never inlined.
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

// The core: no Node built-ins may appear here (esbuild fails on `node:*` for the neutral platform).
await esbuild.build({
  ...common,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  platform: 'neutral',
  mainFields: ['module', 'main'],
});

// svga3d/node reuses the core bundle at run time instead of carrying a second copy of it, so
// classes and constants are the same objects whichever entry a program imports them from.
const coreAsExternal = {
  name: 'core-as-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/index\.js$/ }, (args) =>
      args.importer.endsWith(join('src', 'node.ts')) ? { path: './index.js', external: true } : undefined,
    );
  },
};
await esbuild.build({
  ...common,
  entryPoints: ['src/node.ts'],
  outfile: 'dist/node.js',
  platform: 'node',
  target: 'node20',
  plugins: [coreAsExternal],
});

// The CLI is one file: it runs from dist/ without resolving our own modules.
await esbuild.build({
  ...common,
  entryPoints: ['src/cli/cli.ts'],
  outfile: 'dist/cli.js',
  platform: 'node',
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync(join(dist, 'cli.js'), 0o755);

// Declarations only; esbuild does not type-check or emit .d.ts.
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});

console.log('built dist/index.js, dist/node.js, dist/cli.js and declarations');
