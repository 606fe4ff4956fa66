/**
 * A bounded map that drops its least recently used entry to make room: the bookkeeping every
 * cache of built things shares (programs by key, compiled shaders, a context's runners and
 * fragment stages). A `Map` iterates in insertion order, so re-inserting a key on each use keeps
 * the least recently used key first.
 *
 * Keys and values must not be `undefined` (it means "absent" here).
 */
export class LruMap<K, V> {
  /** Entries kept at most (at least 1). */
  readonly capacity: number;
  private readonly entries = new Map<K, V>();

  /** `capacity` is floored and clamped to at least 1; a non-finite one counts as 1. */
  constructor(capacity: number) {
    this.capacity = Math.max(1, Math.floor(Number.isFinite(capacity) ? capacity : 1));
  }

  /** Entries held now. */
  get size(): number {
    return this.entries.size;
  }

  /** The value of `key`, which becomes the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Whether `key` is held (not a use: the order is unchanged). */
  has(key: K): boolean {
    return this.entries.has(key);
  }

  /**
   * Sets `key` to `value` as the most recently used entry. A new key beyond the capacity first
   * drops the least recently used one, whose key is returned (undefined when nothing was dropped).
   */
  set(key: K, value: V): K | undefined {
    let dropped: K | undefined;
    if (this.entries.has(key)) this.entries.delete(key);
    else if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) {
        dropped = oldest.value;
        this.entries.delete(oldest.value);
      }
    }
    this.entries.set(key, value);
    return dropped;
  }

  /** Drops every entry. */
  clear(): void {
    this.entries.clear();
  }
}
