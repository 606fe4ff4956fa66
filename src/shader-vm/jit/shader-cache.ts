/**
 * The compiled-shader cache: program object → compiled function (or the reason it is not
 * compiled), least recently used first out, with counters (SwiftShader's routine cache,
 * llvmpipe's variant counters). Keyed by program identity: a `ShaderProgram` is immutable once
 * decoded, and the device decodes a guest shader once per SHADER_DEFINE.
 */

import { LruMap } from '../../common/lru-map.js';
import type { ShaderProgram } from '../ir/ir.js';
import type { CompileOptions, CompiledShader } from './compile-shader.js';
import { compileShader } from './compile-shader.js';

/** Counters of a cache (monotonic until `reset`). */
export interface ShaderCacheStats {
  /** Look-ups answered from the cache. */
  hits: number;
  /** Look-ups that compiled (or tried to). */
  misses: number;
  /** Programs the compiler left to the interpreter (counted once per compile attempt). */
  unsupported: number;
  /** Invocations that ran on the interpreter because their program is not compiled. */
  fallbackRuns: number;
  /** Entries dropped to stay within the capacity. */
  evictions: number;
  /** Total milliseconds spent generating and parsing code. */
  compileMs: number;
}

/** Default number of programs kept. */
export const DEFAULT_CACHE_CAPACITY = 256;

/** A bounded LRU of compiled shaders. */
export class ShaderCache {
  readonly options: CompileOptions;
  readonly stats: ShaderCacheStats = { hits: 0, misses: 0, unsupported: 0, fallbackRuns: 0, evictions: 0, compileMs: 0 };
  private readonly entries: LruMap<ShaderProgram, CompiledShader>;
  /** The most recently used entry: a repeat look-up (every quad of a draw) skips the re-ordering. */
  private last: { program: ShaderProgram; compiled: CompiledShader } | undefined;

  /** Programs kept at most. */
  get capacity(): number {
    return this.entries.capacity;
  }

  constructor(capacity = DEFAULT_CACHE_CAPACITY, options: CompileOptions = {}) {
    this.entries = new LruMap(Number.isFinite(capacity) ? capacity : DEFAULT_CACHE_CAPACITY);
    this.options = options;
  }

  /** The compiled form of `program`, compiling on a miss. */
  get(program: ShaderProgram): CompiledShader {
    const last = this.last;
    if (last !== undefined && last.program === program) {
      this.stats.hits++;
      return last.compiled;
    }
    const hit = this.entries.get(program);
    if (hit) {
      this.stats.hits++;
      this.last = { program, compiled: hit };
      return hit;
    }
    this.stats.misses++;
    // Timing feeds a counter only; the generated code never depends on it.
    const t0 = performance.now();
    const compiled = compileShader(program, this.options);
    this.stats.compileMs += performance.now() - t0;
    if (!compiled.ok) this.stats.unsupported++;
    if (this.entries.set(program, compiled) !== undefined) this.stats.evictions++;
    this.last = { program, compiled };
    return compiled;
  }

  /** Whether `program` is cached (does not touch the LRU order or the counters). */
  has(program: ShaderProgram): boolean {
    return this.entries.has(program);
  }

  /** Number of cached programs. */
  get size(): number {
    return this.entries.size;
  }

  /** Drops every entry and zeroes the counters. */
  reset(): void {
    this.entries.clear();
    this.last = undefined;
    this.stats.hits = 0;
    this.stats.misses = 0;
    this.stats.unsupported = 0;
    this.stats.fallbackRuns = 0;
    this.stats.evictions = 0;
    this.stats.compileMs = 0;
  }
}

/** The cache the compiled entry points use unless given another. */
export const defaultShaderCache = new ShaderCache();
