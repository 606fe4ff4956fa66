/**
 * A bounded least-recently-used cache of generated programs by key string, with hit and miss
 * counters (llvmpipe's variant cache, SwiftShader's `RoutineCache`).
 */
import { LruMap } from '../../common/lru-map.js';

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
  private readonly entries: LruMap<string, T>;
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  /** `capacity` is clamped to at least 1. */
  constructor(capacity: number) {
    this.entries = new LruMap(capacity);
  }

  /** The value of `key`, built with `build` (and cached) on a miss. */
  get(key: string, build: () => T): T {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.hits++;
      return found;
    }
    this.misses++;
    const value = build();
    if (this.entries.set(key, value) !== undefined) this.evictions++;
    return value;
  }

  /** Whether `key` is cached (does not count as a use). */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The counters. */
  stats(): CacheStats {
    return { hits: this.hits, misses: this.misses, evictions: this.evictions, size: this.entries.size, capacity: this.entries.capacity };
  }

  /** Drops every entry and zeroes the counters. */
  clear(): void {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
    this.evictions = 0;
  }
}
