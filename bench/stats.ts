/**
 * Summary statistics of per-iteration times, computed the same way for our renderer and for the
 * peers' samples (the C program prints raw nanoseconds), so the two columns are comparable.
 */

/** Two-sided 95 % Student t critical values for 1..30 degrees of freedom. */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101,
  2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** Location and spread of a set of iteration times in milliseconds. */
export interface TimeSummary {
  readonly samples: number;
  readonly meanMs: number;
  /** Relative margin of error of the mean, percent (95 % confidence); NaN below two samples. */
  readonly rme: number;
  readonly p50Ms: number;
  readonly p75Ms: number;
  readonly p99Ms: number;
}

/** Linear-interpolated quantile of sorted values. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const a = sorted[lo] ?? NaN;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (b - a) * (pos - lo);
}

/** Summarises iteration times (ms). */
export function summarize(samplesMs: readonly number[]): TimeSummary {
  const n = samplesMs.length;
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mean = n === 0 ? NaN : samplesMs.reduce((s, x) => s + x, 0) / n;
  let rme = NaN;
  if (n >= 2) {
    const variance = samplesMs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
    const t = T95[n - 2] ?? 1.96;
    rme = (100 * t * Math.sqrt(variance / n)) / mean;
  }
  return { samples: n, meanMs: mean, rme, p50Ms: quantile(sorted, 0.5), p75Ms: quantile(sorted, 0.75), p99Ms: quantile(sorted, 0.99) };
}

/**
 * Runs `fn` once to warm up (unless `warmup` is false), then until at least `minMs` and
 * `minSamples` are reached; returns the iteration times in ms.
 */
export function sampleLoop(fn: () => void, minMs: number, minSamples: number, warmup = true, maxSamples = 10_000): number[] {
  if (warmup) fn();
  const out: number[] = [];
  const begin = performance.now();
  while (out.length < maxSamples && (out.length < minSamples || performance.now() - begin < minMs)) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}
