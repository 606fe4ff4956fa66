/**
 * The results of a golden run, as the CLI prints them, the JSON file holds them and the report
 * page shows them. Paths are relative to the report directory, so the directory can be moved or
 * uploaded as a CI artefact as it is.
 */
import type { PixelBox } from './exact-compare.js';

/** How one checkpoint image fared. */
export type ImageStatus =
  /** Pixels equal to the expectation. */
  | 'passed'
  /** Pixels differ from the expectation. */
  | 'failed'
  /** No expectation existed; one was written. */
  | 'new'
  /** The expectation differed and was rewritten (`--update=all`). */
  | 'updated'
  /** No expectation exists and none was written (`CI=true`, or `--update=none`). */
  | 'missing'
  /** The manifest expects this image but the run did not produce it. */
  | 'unproduced';

/** How one case fared. `error`: unreadable trace, no image, or an unexpected diagnostic. */
export type CaseStatus = ImageStatus | 'nondeterministic' | 'error';

/** Size and hash of an image. */
export interface ImageFacts {
  readonly width: number;
  readonly height: number;
  readonly sha256: string;
}

/** One checkpoint image of a case. */
export interface ImageResult {
  readonly name: string;
  readonly status: ImageStatus;
  readonly expected?: ImageFacts & { readonly png: boolean };
  readonly actual?: ImageFacts;
  /** Exact comparison counts, when both images exist and their sizes match. */
  readonly diffPixels?: number;
  readonly totalPixels?: number;
  readonly maxChannelDelta?: number;
  readonly bbox?: PixelBox;
  /** Files written for the report (relative to the report directory). */
  readonly files: { readonly expected?: string; readonly actual?: string; readonly diff?: string };
}

/** One case. */
export interface CaseResult {
  readonly name: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly status: CaseStatus;
  readonly images: readonly ImageResult[];
  /** Why the case failed or what was done (diagnostics, nondeterminism, files written). */
  readonly messages: readonly string[];
  /** Command that rewrites this case's expectations. */
  readonly updateCommand: string;
  readonly durationMs: number;
}

/** A whole run. */
export interface GoldenRunResult {
  readonly passed: number;
  readonly failed: number;
  readonly cases: readonly CaseResult[];
  /** Manifest cases that no registered case has (removed with `--update=all` and no filter). */
  readonly stale: readonly string[];
  readonly update: UpdateMode;
  readonly filter?: string;
}

/** `none`: write nothing; `new`: write missing expectations; `all`: rewrite every differing one. */
export type UpdateMode = 'none' | 'new' | 'all';

/** Whether a case status counts as passed in `N passed, N failed`. */
export function isPassing(status: CaseStatus): boolean {
  return status === 'passed' || status === 'new' || status === 'updated';
}

/** The closing line, exactly `N passed, N failed`. */
export function summaryLine(result: Pick<GoldenRunResult, 'passed' | 'failed'>): string {
  return `${result.passed} passed, ${result.failed} failed`;
}

/** The command that rewrites the expectations of case `name`. */
export function updateCommandFor(name: string): string {
  return `svga3d golden check --filter ${name} --update=all`;
}
