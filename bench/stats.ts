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

/** Wall-clock and process CPU times of the same iterations, in ms. */
export interface TimedSamples {
  readonly wallMs: number[];
  readonly cpuMs: number[];
}

/**
 * Runs `fn` until at least `minMs` of iteration time and `minSamples` iterations are reached
 * (no warm-up: the caller warms up). CPU time (user + system of this process) is kept next to the
 * wall-clock time, so contention from other processes can be told apart from our own cost.
 */
export function timedSamples(fn: () => void, minMs: number, minSamples: number, maxSamples = 10_000): TimedSamples {
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  let total = 0;
  while (wallMs.length < maxSamples && (wallMs.length < minSamples || total < minMs)) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    const t1 = performance.now();
    const c = process.cpuUsage(c0);
    wallMs.push(t1 - t0);
    cpuMs.push((c.user + c.system) / 1000);
    total += t1 - t0;
  }
  return { wallMs, cpuMs };
}
