/**
 * The post-transform cache's map from biased vertex index to processed vertex: exactly a `Map`
 * in what it holds (an entry is present from its `set` until the next `clear`; `size` counts
 * entries), so a draw hits and misses on the same indices either way. Small non-negative indices,
 * which most draws use, live in a dense array that grows by doubling up to {@link DENSE_LIMIT}
 * slots; all other indices go to a `Map`. `clear` empties only the dense slots that were filled;
 * `release` (end of a draw) also drops a dense array grown past {@link DENSE_RETAINED}.
 */

/** Indices below this use the dense array. */
export const DENSE_LIMIT = 1 << 16;
/** Dense slots `release` keeps (64 KiB of references), so an idle owner holds little. */
export const DENSE_RETAINED = 1 << 13;

/** A map from integer keys to values, with a dense fast path for small non-negative keys. */
export class IndexCache<T> {
  private dense: (T | undefined)[] = [];
  /** Dense keys filled since the last clear. */
  private used = new Int32Array(64);
  private usedCount = 0;
  private readonly sparse = new Map<number, T>();

  /** Number of entries. */
  get size(): number {
    return this.usedCount + this.sparse.size;
  }

  /** The value set for `key` since the last clear, if any. */
  get(key: number): T | undefined {
    if (key >= 0 && key < this.dense.length) return this.dense[key];
    return key >= 0 && key < DENSE_LIMIT && Number.isInteger(key) ? undefined : this.sparse.get(key);
  }

  /** Sets `key` (which must not be present). */
  set(key: number, value: T): void {
    if (key >= 0 && key < DENSE_LIMIT && Number.isInteger(key)) {
      if (key >= this.dense.length) this.grow(key);
      this.dense[key] = value;
      if (this.usedCount === this.used.length) {
        const more = new Int32Array(this.used.length * 2);
        more.set(this.used);
        this.used = more;
      }
      this.used[this.usedCount++] = key;
      return;
    }
    this.sparse.set(key, value);
  }

  /** Removes every entry. */
  clear(): void {
    const { dense, used } = this;
    for (let i = 0; i < this.usedCount; i++) dense[used[i] as number] = undefined;
    this.usedCount = 0;
    if (this.sparse.size > 0) this.sparse.clear();
  }

  /** `clear`, then gives back a dense array larger than {@link DENSE_RETAINED} slots. */
  release(): void {
    this.clear();
    if (this.dense.length > DENSE_RETAINED) this.dense = [];
  }

  private grow(key: number): void {
    let n = Math.max(64, this.dense.length);
    while (n <= key) n *= 2;
    n = Math.min(n, DENSE_LIMIT);
    const next: (T | undefined)[] = new Array<T | undefined>(n).fill(undefined);
    for (let i = 0; i < this.usedCount; i++) {
      const k = this.used[i] as number;
      next[k] = this.dense[k];
    }
    this.dense = next;
  }
}
