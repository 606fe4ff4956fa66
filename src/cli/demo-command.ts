/**
 * `svga3d demo [--out DIR]`: render every trace of the bundled corpus and the built-in demo scene,
 * then say where the images are. `npm start` runs this after the build.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemoScene, DEMO_SCENE_NAME } from '../replay/demo-scene.js';
import { ExitCode, type CliContext } from './cli-context.js';
import { renderTrace, traceBaseName } from './render-command.js';
import { formatSeverities } from './render-summary.js';

/** Where the corpus sits inside the package. */
export const CORPUS_DIR = join('corpus', 'vmware-svga-sdk');

/**
 * The corpus directory of this package: found by walking up from this module (src/cli/ when run
 * from source, dist/ when bundled), so it works from a fresh clone whatever the working directory.
 */
export function findCorpusDir(start: string = dirname(fileURLToPath(import.meta.url))): string | undefined {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, CORPUS_DIR);
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** The corpus trace files, sorted by name. */
export function corpusTraces(corpusDir: string): string[] {
  return readdirSync(corpusDir)
    .filter((f) => /\.svgatrace(\.gz)?$/.test(f))
    .sort()
    .map((f) => join(corpusDir, f));
}

/** Options of the demo. */
export interface DemoOptions {
  /** Output root: `<out>/<trace>/…png` and `<out>/demo/…png`. */
  readonly out: string;
  /** Corpus directory; found next to the package when omitted. */
  readonly corpusDir?: string;
}

/** Renders the corpus and the demo scene; prints one line per trace and where the images went. */
export function runDemo(options: DemoOptions, ctx: CliContext): number {
  const outRoot = resolve(ctx.cwd, options.out);
  const show = (p: string): string => relative(ctx.cwd, p) || '.';
  const corpusDir = options.corpusDir ?? findCorpusDir();
  const traces = corpusDir ? corpusTraces(corpusDir) : [];
  if (!corpusDir) ctx.io.err(`svga3d demo: no ${CORPUS_DIR} next to the package; rendering the demo scene only`);

  // The demo scene is written out as a trace too, so it can be dumped and rendered on its own.
  const sceneDir = join(outRoot, DEMO_SCENE_NAME);
  mkdirSync(sceneDir, { recursive: true });
  const scenePath = join(sceneDir, `${DEMO_SCENE_NAME}.svgatrace`);
  writeFileSync(scenePath, buildDemoScene());

  let images = 0;
  let failures = 0;
  for (const trace of [...traces, scenePath]) {
    const name = traceBaseName(trace);
    const report = renderTrace({ trace, out: join(outRoot, name) }, ctx);
    const s = report.summary;
    if (!s.readable) failures++;
    images += report.images.length;
    const commands = Object.values(s.commands).reduce((a, b) => a + b, 0);
    ctx.io.out(
      `${name}: ${report.images.length} image${report.images.length === 1 ? '' : 's'} in ${show(report.outDir)} ` +
        `(${s.records} records, ${commands} commands; diagnostics: ${formatSeverities(s.diagnostics, s.diagnosticsDropped)})`,
    );
  }
  ctx.io.out(`${images} images written under ${show(outRoot)}; the demo scene's trace is ${show(scenePath)}`);
  return failures > 0 ? ExitCode.UNREADABLE : ExitCode.OK;
}
