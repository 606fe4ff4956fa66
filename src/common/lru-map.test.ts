import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LruMap } from './lru-map.js';

describe('LruMap', () => {
  it('drops the least recently used key, a get counting as a use and a has not', () => {
    const m = new LruMap<string, number>(2);
    expect(m.set('a', 1)).toBeUndefined();
    expect(m.set('b', 2)).toBeUndefined();
    expect(m.get('a')).toBe(1);
    expect(m.has('b')).toBe(true);
    expect(m.set('c', 3)).toBe('b');
    expect([m.get('a'), m.get('b'), m.get('c'), m.size]).toEqual([1, undefined, 3, 2]);
  });

  it('replacing a held key drops nothing and makes it the most recent', () => {
    const m = new LruMap<string, number>(2);
    m.set('a', 1);
    m.set('b', 2);
    expect(m.set('a', 10)).toBeUndefined();
    expect(m.set('c', 3)).toBe('b');
    expect(m.get('a')).toBe(10);
  });

  it('clamps the capacity to a whole number of at least 1', () => {
    expect([0, -5, 2.9, NaN, Infinity].map((c) => new LruMap(c).capacity)).toEqual([1, 1, 2, 1, 1]);
  });

  it('matches a model list of keys, most recent last (fixed seed)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('get' as const), key: fc.integer({ min: 0, max: 6 }) }),
      fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 6 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(op, { maxLength: 40 }), (capacity, ops) => {
        const m = new LruMap<number, number>(capacity);
        const model: number[] = [];
        for (const [i, o] of ops.entries()) {
          const at = model.indexOf(o.key);
          if (o.kind === 'get') {
            expect(m.get(o.key)).toBe(at < 0 ? undefined : o.key * 100);
            if (at >= 0) model.push(...model.splice(at, 1));
          } else {
            const dropped = at < 0 && model.length >= capacity ? model.shift() : undefined;
            if (at >= 0) model.splice(at, 1);
            model.push(o.key);
            expect(m.set(o.key, o.key * 100), `op ${i}`).toBe(dropped);
          }
          expect(m.size).toBe(model.length);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
