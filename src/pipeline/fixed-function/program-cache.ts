/**
 * A bounded least-recently-used cache of generated programs by key string, with hit and miss
 * counters (llvmpipe's variant cache, SwiftShader's `RoutineCache`). A `Map` keeps insertion
 * order, so re-inserting on a hit makes the first entry the least recently used one.
 */

/** Hit / miss / eviction counts of a cache. */
export interface CacheStats {
  readonly hits: number;
  readonly misses: number;
  readonly evictions: number;
  readonly size: number;
  readonly capacity: number;
}

/** An LRU map from key strings to values built on a miss. */
export class ProgramCache<T> {
  private readonly entries = new Map<string, T>();
  private readonly capacity: number;
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  /** `capacity` is clamped to at least 1. */
  constructor(capacity: number) {
    this.capacity = Math.max(1, Math.floor(Number.isFinite(capacity) ? capacity : 1));
  }

  /** The value of `key`, built with `build` (and cached) on a miss. */
  get(key: string, build: () => T): T {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    this.misses++;
    const value = build();
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) {
        this.entries.delete(oldest.value);
        this.evictions++;
      }
    }
    this.entries.set(key, value);
    return value;
  }

  /** Whether `key` is cached (does not count as a use). */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The counters. */
  stats(): CacheStats {
    return { hits: this.hits, misses: this.misses, evictions: this.evictions, size: this.entries.size, capacity: this.capacity };
  }

  /** Drops every entry and zeroes the counters. */
  clear(): void {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
    this.evictions = 0;
  }
}
