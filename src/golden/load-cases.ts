/**
 * Loads the suite's case registry (`golden/cases/index.ts`) at run time (Node side). The cases
 * live outside `src/`, so the CLI cannot import them statically (the declaration build covers
 * `src/` only); instead the registry is bundled with esbuild, a development dependency that any
 * clone with the suite has, into a file under `out/` (so its package imports resolve) and
 * imported from there.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkRegistry, type GoldenCase } from './golden-case.js';

/** Bundles and imports `<goldenDir>/cases/index.ts`; throws with a plain reason when it cannot. */
export async function loadGoldenCases(goldenDir: string): Promise<readonly GoldenCase[]> {
  const entry = join(goldenDir, 'cases', 'index.ts');
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error('loading the golden cases needs esbuild (a development dependency): run npm install');
  }
  const built = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const text = built.outputFiles[0]?.text;
  if (text === undefined) throw new Error(`esbuild produced nothing for ${entry}`);
  const outDir = join(dirname(goldenDir), 'out');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `.golden-cases-${process.pid}-${Date.now()}.mjs`);
  writeFileSync(file, text);
  let loaded: unknown;
  try {
    loaded = await import(pathToFileURL(file).href);
  } finally {
    rmSync(file, { force: true });
  }
  const cases = (loaded as { GOLDEN_CASES?: unknown }).GOLDEN_CASES;
  if (!Array.isArray(cases)) throw new Error(`${entry} does not export GOLDEN_CASES`);
  const problems = checkRegistry(cases as GoldenCase[]);
  if (problems.length > 0) throw new Error(`${entry}: ${problems.join('; ')}`);
  return cases as GoldenCase[];
}
