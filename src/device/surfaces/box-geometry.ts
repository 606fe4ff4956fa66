/**
 * Box clipping and block arithmetic shared by DMA and copies.
 *
 * Box fields are u32 from the guest. They are handled as plain JS numbers, so `x + w` never wraps:
 * a box starting at or after the edge is empty, and one that runs past the edge is shortened.
 * Because coordinates are unsigned there is nothing to clip on the low side, so clipping never
 * moves the start of a box (and never shifts the matching source coordinates).
 */

/** Length of `[pos, pos + len)` inside `[0, size)`; 0 when empty. */
export function clipExtent(pos: number, len: number, size: number): number {
  if (pos >= size || len <= 0) return 0;
  return Math.min(len, size - pos);
}

/** A run of blocks along one axis: first block index and count. */
export interface BlockRun {
  readonly first: number;
  readonly count: number;
}

/**
 * The blocks covered by the pixels `[pos, pos + len)` (already clipped), rounded outward to whole
 * blocks: a 3-pixel box at x = 2 in a 4-wide block format covers blocks 0 and 1.
 */
export function blockRun(pos: number, len: number, blockSize: number): BlockRun {
  const first = Math.floor(pos / blockSize);
  return { first, count: Math.ceil((pos + len) / blockSize) - first };
}

/** Past this, double arithmetic may be inexact: sums and products are reported as "too large". */
const EXACT_LIMIT = Number.MAX_SAFE_INTEGER;

/**
 * `a × b` for non-negative integers, or `Infinity` when the exact product is beyond 2^53.
 * Below the limit the double product is exact; above it, rounding is monotone, so the computed
 * value is also beyond the limit and the comparison stays correct.
 */
export function mulBounded(a: number, b: number): number {
  const p = a * b;
  return p > EXACT_LIMIT ? Infinity : p;
}

/** Sum of non-negative integers, or `Infinity` when beyond 2^53 (same reasoning as `mulBounded`). */
export function addBounded(...terms: number[]): number {
  let s = 0;
  for (const t of terms) {
    s += t;
    if (s > EXACT_LIMIT) return Infinity;
  }
  return s;
}
