import { describe, expect, it } from 'vitest';
import { asm } from '../interp/testing/asm.js';
import { runPixelQuad } from '../interp/run-pixel.js';
import { ShaderCache } from './shader-cache.js';
import { createShaderRunner } from './shader-runner.js';

describe('shader cache', () => {
  it('is an LRU keyed by program identity, with counters', () => {
    const cache = new ShaderCache(2);
    const a = asm('vs_2_0\nmov oPos, c0');
    const b = asm('vs_2_0\nmov oPos, c1');
    const c = asm('vs_2_0\nmov oPos, c2');
    const first = cache.get(a);
    cache.get(b);
    expect(cache.get(a)).toBe(first); // a is now the most recent
    cache.get(c); // evicts b
    expect([cache.has(a), cache.has(b), cache.has(c), cache.size]).toEqual([true, false, true, 2]);
    expect([cache.stats.hits, cache.stats.misses, cache.stats.evictions, cache.stats.unsupported]).toEqual([1, 3, 1, 0]);
    expect(cache.stats.compileMs).toBeGreaterThanOrEqual(0);
    cache.get(b);
    expect([cache.stats.misses, cache.stats.evictions, cache.has(a)]).toEqual([4, 2, false]);
    cache.reset();
    expect([cache.size, cache.stats.hits, cache.stats.misses]).toEqual([0, 0, 0]);
  });
  it('clamps a nonsense capacity to at least one entry', () => {
    expect(new ShaderCache(0).capacity).toBe(1);
    expect(new ShaderCache(Number.NaN).capacity).toBe(256);
  });
});

describe('shader runner switch', () => {
  it('reference and compiled modes give the same results through one interface', () => {
    const p = asm('ps_2_0\ndcl t0\ndef c0, 0.5, 0.25, 2, 1\nmad r0, t0, c0, c0.w\nmov oC0, r0');
    const t = new Float32Array(128).map((_, i) => i / 16);
    const input = { t, constants: { float: new Float32Array(1024) } };
    const cache = new ShaderCache();
    const ref = createShaderRunner(p, 'reference');
    const jit = createShaderRunner(p, 'compiled', cache);
    expect([ref.mode, jit.mode]).toEqual(['reference', 'compiled']);
    const r = jit.runPixelQuad(input);
    expect(r).toEqual(ref.runPixelQuad(input));
    expect(r).toEqual(runPixelQuad(p, input));
    // Pixel 1, t0 = (2, 2.0625, 2.125, 2.1875): t0·c0 + 1
    expect(Array.from(r.colors.subarray(4, 8))).toEqual([2, 1.515625, 5.25, 3.1875]);
    expect([cache.stats.misses, cache.stats.hits]).toEqual([1, 0]);
    jit.runPixelQuad(input);
    expect(cache.stats.hits).toBe(1);
  });
});
