/**
 * The golden runner (Node side): renders every selected case twice (the two runs must be
 * bit-identical), compares each checkpoint image with `golden/manifest.json` by pixel hash, writes
 * expected/actual/diff PNGs of every mismatch into the report directory, and writes new or
 * rewritten expectations as the update mode allows.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatDiagnostic } from '../common/diagnostics.js';
import type { Rgba8Image } from '../common/image.js';
import { encodePng, nodeGunzip, readFileBytes, readPng, writePng } from '../node.js';
import type { ReplayDeviceFactory } from '../replay/replay-trace.js';
import { compareExact } from './exact-compare.js';
import { filterCases, type GoldenCase } from './golden-case.js';
import { createGoldenDevice } from './golden-device.js';
import {
  isPassing,
  updateCommandFor,
  type CaseResult,
  type CaseStatus,
  type GoldenRunResult,
  type ImageResult,
  type UpdateMode,
} from './golden-results.js';
import { emptyManifest, parseManifest, serializeManifest, withCase, type GoldenManifest, type ManifestImage } from './manifest.js';
import { pixelSha256 } from './pixel-hash.js';
import { renderCaseTrace, type RenderedCase } from './render-case.js';
import { exactDiffImage } from './tolerant-compare.js';

/** Corpus PNGs up to this size are stored; larger ones are kept as hashes only. */
export const MAX_STORED_CORPUS_PNG_BYTES = 64 * 1024;

/** Options of {@link runGolden}. */
export interface GoldenRunOptions {
  readonly cases: readonly GoldenCase[];
  /** Holds `manifest.json` and `expected/`. */
  readonly goldenDir: string;
  /** Needed by corpus cases. */
  readonly corpusDir?: string;
  /** Mismatch artefacts go to `<reportDir>/images/`. */
  readonly reportDir: string;
  readonly filter?: string;
  readonly update: UpdateMode;
  /** Default {@link createGoldenDevice}. */
  readonly createDevice?: ReplayDeviceFactory;
  /** Called before and after each case (for progress output). */
  readonly onCaseStart?: (c: GoldenCase, index: number, total: number) => void;
  readonly onCaseDone?: (r: CaseResult, index: number, total: number) => void;
}

/** Reads the manifest, or an empty one when the file does not exist. Throws when it is broken. */
export function readManifest(goldenDir: string): GoldenManifest {
  const path = join(goldenDir, 'manifest.json');
  if (!existsSync(path)) return emptyManifest();
  const parsed = parseManifest(readFileSync(path, 'utf8'));
  if ('error' in parsed) throw new Error(`${path}: ${parsed.error}`);
  return parsed.manifest;
}

/** Path of an expected PNG. Case and image names are validated, so this stays inside `expected/`. */
export function expectedPngPath(goldenDir: string, caseName: string, image: string): string {
  return join(goldenDir, 'expected', ...caseName.split('/'), `${image}.png`);
}

function traceBytes(c: GoldenCase, corpusDir: string | undefined): Uint8Array {
  if (c.source.kind === 'script') return c.source.build();
  if (corpusDir === undefined) throw new Error(`case '${c.name}' needs the corpus directory, which was not found`);
  return readFileBytes(join(corpusDir, c.source.file));
}

function sameRender(a: RenderedCase, b: RenderedCase): string | undefined {
  if (a.images.length !== b.images.length) return `the two runs produced ${a.images.length} and ${b.images.length} images`;
  for (let i = 0; i < a.images.length; i++) {
    const x = a.images[i];
    const y = b.images[i];
    if (!x || !y || x.name !== y.name) return `the two runs produced different image names`;
    const cmp = compareExact(x.image, y.image);
    if (!cmp.match) return `image '${x.name}' differs between the two runs in ${cmp.diffPixels} pixels`;
  }
  return undefined;
}

/** Runs the suite. Throws only for environment problems (unwritable directories, broken manifest). */
export function runGolden(options: GoldenRunOptions): GoldenRunResult {
  const createDevice = options.createDevice ?? createGoldenDevice;
  const selected = filterCases(options.cases, options.filter);
  let manifest = readManifest(options.goldenDir);
  let manifestChanged = false;
  const results: CaseResult[] = [];
  const imagesDir = join(options.reportDir, 'images');

  const artefact = (c: GoldenCase, image: string, kind: string, img: Rgba8Image): string => {
    const rel = ['images', ...c.name.split('/'), `${image}-${kind}.png`].join('/');
    writePng(join(options.reportDir, rel), img);
    return rel;
  };
  rmSync(imagesDir, { recursive: true, force: true });

  selected.forEach((c, index) => {
    options.onCaseStart?.(c, index, selected.length);
    const start = performance.now();
    const messages: string[] = [];
    const images: ImageResult[] = [];
    let status: CaseStatus;
    const render = (): RenderedCase =>
      renderCaseTrace(traceBytes(c, options.corpusDir), {
        createDevice,
        gunzip: nodeGunzip,
        ...(c.expectDiagnostics ? { expectDiagnostics: c.expectDiagnostics } : {}),
      });
    const first = render();
    const second = render();
    const expectedImages = manifest.cases[c.name] ?? {};
    const why = sameRender(first, second);
    if (!first.readable || first.images.length === 0 || first.unexpected.length > 0) {
      status = 'error';
      if (!first.readable) messages.push('the trace is not readable');
      if (first.images.length === 0) messages.push('the trace produced no checkpoint image');
      for (const d of first.unexpected.slice(0, 20)) messages.push(`unexpected diagnostic: ${formatDiagnostic(d)}`);
    } else if (why !== undefined) {
      status = 'nondeterministic';
      messages.push(why);
      for (const [i, r] of first.images.entries()) {
        const again = second.images[i];
        const files = { actual: artefact(c, r.name, 'actual', r.image), ...(again ? { expected: artefact(c, r.name, 'second-run', again.image) } : {}) };
        images.push({ name: r.name, status: 'failed', actual: facts(r.image), files });
      }
    } else {
      const next: Record<string, ManifestImage> = {};
      let caseChanged = false;
      for (const r of first.images) {
        const exp = expectedImages[r.name];
        const act = facts(r.image);
        const matches = exp !== undefined && exp.width === act.width && exp.height === act.height && exp.sha256 === act.sha256;
        const pngProblem = exp !== undefined && exp.png ? storedPngProblem(options.goldenDir, c.name, r.name, exp) : undefined;
        if (matches && pngProblem === undefined) {
          next[r.name] = exp;
          images.push({ name: r.name, status: 'passed', expected: exp, actual: act, diffPixels: 0, totalPixels: act.width * act.height, maxChannelDelta: 0, files: {} });
          continue;
        }
        if (pngProblem !== undefined) messages.push(pngProblem);
        const canWrite = exp === undefined ? options.update !== 'none' : options.update === 'all';
        if (canWrite) {
          next[r.name] = writeExpectation(options.goldenDir, c, r.name, r.image, act.sha256);
          caseChanged = true;
          images.push({ name: r.name, status: exp === undefined ? 'new' : 'updated', actual: act, files: {} });
          continue;
        }
        if (exp === undefined) {
          images.push({ name: r.name, status: 'missing', actual: act, files: { actual: artefact(c, r.name, 'actual', r.image) } });
          continue;
        }
        next[r.name] = exp;
        images.push(mismatch(options.goldenDir, c, r.name, r.image, exp, artefact));
      }
      for (const [name, exp] of Object.entries(expectedImages)) {
        if (first.images.some((r) => r.name === name)) continue;
        if (options.update === 'all') {
          rmSync(expectedPngPath(options.goldenDir, c.name, name), { force: true });
          caseChanged = true;
          messages.push(`image '${name}' is no longer produced; its expectation was removed`);
        } else {
          next[name] = exp;
          images.push({ name, status: 'unproduced', expected: exp, files: {} });
        }
      }
      if (caseChanged) {
        manifest = withCase(manifest, c.name, next);
        manifestChanged = true;
      }
      status = caseStatus(images);
    }
    const result: CaseResult = {
      name: c.name,
      description: c.description,
      tags: c.tags,
      status,
      images,
      messages,
      updateCommand: updateCommandFor(c.name),
      durationMs: Math.round(performance.now() - start),
    };
    results.push(result);
    options.onCaseDone?.(result, index, selected.length);
  });

  const known = new Set(options.cases.map((c) => c.name));
  const stale = Object.keys(manifest.cases).filter((n) => !known.has(n)).sort();
  if (options.update === 'all' && (options.filter === undefined || options.filter === '')) {
    for (const name of stale) {
      manifest = withCase(manifest, name, undefined);
      rmSync(join(options.goldenDir, 'expected', ...name.split('/')), { recursive: true, force: true });
      manifestChanged = true;
    }
  }
  if (manifestChanged) {
    mkdirSync(options.goldenDir, { recursive: true });
    writeFileSync(join(options.goldenDir, 'manifest.json'), serializeManifest(manifest));
  }
  const passed = results.filter((r) => isPassing(r.status)).length;
  return {
    passed,
    failed: results.length - passed,
    cases: results,
    stale,
    update: options.update,
    ...(options.filter !== undefined ? { filter: options.filter } : {}),
  };
}

function facts(image: Rgba8Image): { width: number; height: number; sha256: string } {
  return { width: image.width, height: image.height, sha256: pixelSha256(image) };
}

function caseStatus(images: readonly ImageResult[]): CaseStatus {
  for (const s of ['failed', 'missing', 'unproduced'] as const) if (images.some((i) => i.status === s)) return s === 'failed' ? 'failed' : s;
  if (images.some((i) => i.status === 'updated')) return 'updated';
  if (images.some((i) => i.status === 'new')) return 'new';
  return 'passed';
}

/** Why a stored expected PNG cannot be trusted, or undefined when it decodes to the manifest's pixels. */
function storedPngProblem(goldenDir: string, caseName: string, image: string, exp: ManifestImage): string | undefined {
  const path = expectedPngPath(goldenDir, caseName, image);
  if (!existsSync(path)) return `expected PNG ${caseName}/${image}.png is missing`;
  try {
    const png = readPng(path);
    if (png.width !== exp.width || png.height !== exp.height || pixelSha256(png) !== exp.sha256) {
      return `expected PNG ${caseName}/${image}.png does not hold the manifest's pixels`;
    }
  } catch (e) {
    return `expected PNG ${caseName}/${image}.png cannot be read: ${e instanceof Error ? e.message : String(e)}`;
  }
  return undefined;
}

function writeExpectation(goldenDir: string, c: GoldenCase, name: string, image: Rgba8Image, sha256: string): ManifestImage {
  const path = expectedPngPath(goldenDir, c.name, name);
  const bytes = encodePng(image);
  const store = c.storePng ?? (c.source.kind === 'script' || bytes.length <= MAX_STORED_CORPUS_PNG_BYTES);
  if (store) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  } else {
    rmSync(path, { force: true });
  }
  return { width: image.width, height: image.height, sha256, png: store };
}

function mismatch(
  goldenDir: string,
  c: GoldenCase,
  name: string,
  actual: Rgba8Image,
  exp: ManifestImage,
  artefact: (c: GoldenCase, image: string, kind: string, img: Rgba8Image) => string,
): ImageResult {
  const act = facts(actual);
  const files: { expected?: string; actual?: string; diff?: string } = { actual: artefact(c, name, 'actual', actual) };
  let expectedImage: Rgba8Image | undefined;
  if (exp.png) {
    try {
      expectedImage = readPng(expectedPngPath(goldenDir, c.name, name));
    } catch {
      expectedImage = undefined;
    }
  }
  if (expectedImage === undefined) return { name, status: 'failed', expected: exp, actual: act, files };
  files.expected = artefact(c, name, 'expected', expectedImage);
  const cmp = compareExact(expectedImage, actual);
  const diff = exactDiffImage(expectedImage, actual);
  if (diff) files.diff = artefact(c, name, 'diff', diff);
  return {
    name,
    status: 'failed',
    expected: exp,
    actual: act,
    ...(cmp.sizeMatch ? { diffPixels: cmp.diffPixels, totalPixels: cmp.totalPixels, maxChannelDelta: cmp.maxChannelDelta } : {}),
    ...(cmp.bbox ? { bbox: cmp.bbox } : {}),
    files,
  };
}
