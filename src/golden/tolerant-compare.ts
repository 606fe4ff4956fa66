/**
 * Tolerant comparison for backends that cannot be bit-exact: pixelmatch's per-pixel colour
 * threshold and anti-aliasing detection, then pixel budgets. Also the diff image of the report.
 *
 * pixelmatch 8 semantics, stated once here and in `svga3d compare --help`: `threshold` (default
 * 0.1) is the largest OKLab HyAB distance at which two pixels are still equal (0 = exact colour,
 * 1 = black against white); with `includeAA: false` (its default, and ours) pixels it detects as
 * anti-aliased are drawn yellow in the diff and **not counted**.
 */
import pixelmatch from 'pixelmatch';
import type { Rgba8Image } from '../common/image.js';
import { isWellFormedImage } from './exact-compare.js';

/** Limits of a tolerant comparison. */
export interface TolerantLimits {
  /** pixelmatch threshold, 0–1; default 0.1. */
  readonly threshold?: number;
  /** Most differing pixels allowed. */
  readonly maxDiffPixels?: number;
  /** Most differing pixels allowed as a fraction of all pixels, 0–1. */
  readonly maxDiffRatio?: number;
  /** Count anti-aliased pixels too (default false: detected AA pixels are not counted). */
  readonly includeAA?: boolean;
}

/** What {@link compareTolerant} found. */
export interface TolerantComparison {
  readonly match: boolean;
  readonly sizeMatch: boolean;
  /** Pixels pixelmatch counts as different. */
  readonly diffPixels: number;
  readonly totalPixels: number;
  /** The budget that applied: the smaller of `maxDiffPixels` and `maxDiffRatio * totalPixels`. */
  readonly allowedPixels: number;
  readonly threshold: number;
}

/** Default pixelmatch threshold. */
export const DEFAULT_THRESHOLD = 0.1;

/** pixelmatch builds 32-bit views of its inputs, so they must start on a 4-byte boundary. */
function aligned(data: Uint8Array): Uint8Array {
  return data.byteOffset % 4 === 0 ? data : data.slice();
}

/**
 * The budget in pixels: both limits apply when both are given, so the stricter one wins. No limit
 * at all means no differing pixel is allowed.
 */
export function allowedDiffPixels(total: number, limits: TolerantLimits): number {
  let allowed = Number.POSITIVE_INFINITY;
  if (limits.maxDiffPixels !== undefined) allowed = Math.min(allowed, Math.floor(limits.maxDiffPixels));
  if (limits.maxDiffRatio !== undefined) allowed = Math.min(allowed, Math.floor(limits.maxDiffRatio * total));
  return Number.isFinite(allowed) ? Math.max(0, allowed) : 0;
}

/**
 * Compares with pixelmatch and the budgets of `limits`. Different sizes never match. When `diff`
 * is given (same size as the inputs) it receives pixelmatch's diff image.
 */
export function compareTolerant(
  expected: Rgba8Image,
  actual: Rgba8Image,
  limits: TolerantLimits = {},
  diff?: Rgba8Image,
): TolerantComparison {
  const threshold = limits.threshold ?? DEFAULT_THRESHOLD;
  const sizeMatch =
    isWellFormedImage(expected) && isWellFormedImage(actual) && expected.width === actual.width && expected.height === actual.height;
  if (!sizeMatch) return { match: false, sizeMatch, diffPixels: 0, totalPixels: 0, allowedPixels: 0, threshold };
  const total = expected.width * expected.height;
  const out = diff !== undefined && diff.width === expected.width && diff.height === expected.height ? diff.data : undefined;
  const target = out !== undefined ? aligned(out) : undefined;
  const count =
    total === 0
      ? 0
      : pixelmatch(aligned(expected.data), aligned(actual.data), target, expected.width, expected.height, {
          threshold,
          includeAA: limits.includeAA ?? false,
        });
  if (out !== undefined && target !== undefined && target !== out) out.set(target);
  const allowedPixels = allowedDiffPixels(total, limits);
  return { match: count <= allowedPixels, sizeMatch, diffPixels: count, totalPixels: total, allowedPixels, threshold };
}

/**
 * A diff image for the report: pixelmatch's rendering at threshold 0 with AA pixels counted, so
 * every differing pixel is red (differing alpha-0 pixels are marked too, which pixelmatch cannot
 * see). Undefined when the sizes differ.
 */
export function exactDiffImage(expected: Rgba8Image, actual: Rgba8Image): Rgba8Image | undefined {
  if (!isWellFormedImage(expected) || !isWellFormedImage(actual)) return undefined;
  if (expected.width !== actual.width || expected.height !== actual.height) return undefined;
  const out: Rgba8Image = { width: expected.width, height: expected.height, data: new Uint8Array(expected.data.length) };
  if (out.data.length === 0) return out;
  pixelmatch(aligned(expected.data), aligned(actual.data), out.data, out.width, out.height, { threshold: 0, includeAA: true });
  const a = expected.data;
  const b = actual.data;
  for (let o = 0; o < a.length; o += 4) {
    if (a[o] !== b[o] || a[o + 1] !== b[o + 1] || a[o + 2] !== b[o + 2] || a[o + 3] !== b[o + 3]) out.data.set([255, 0, 0, 255], o);
  }
  return out;
}
