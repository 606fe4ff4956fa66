import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DENSE_LIMIT, IndexCache } from './vertex-cache.js';

describe('IndexCache holds exactly what a Map would', () => {
  it('worked example: dense, negative and huge keys; clear empties all; null is a value', () => {
    const c = new IndexCache<string | null>();
    c.set(3, 'a');
    c.set(-1, 'b');
    c.set(0xffffffff, null);
    c.set(DENSE_LIMIT, 'd');
    c.set(DENSE_LIMIT - 1, 'e');
    expect([c.get(3), c.get(-1), c.get(0xffffffff), c.get(DENSE_LIMIT), c.get(DENSE_LIMIT - 1), c.get(4), c.get(1000)]).toEqual(['a', 'b', null, 'd', 'e', undefined, undefined]);
    expect(c.size).toBe(5);
    c.clear();
    expect(c.size).toBe(0);
    expect([c.get(3), c.get(-1), c.get(0xffffffff), c.get(DENSE_LIMIT - 1)]).toEqual([undefined, undefined, undefined, undefined]);
    c.set(3, 'again');
    expect(c.get(3)).toBe('again');
    expect(c.size).toBe(1);
    c.release();
    expect([c.size, c.get(3), c.get(DENSE_LIMIT - 1)]).toEqual([0, undefined, undefined]);
    c.set(DENSE_LIMIT - 1, 'after');
    expect(c.get(DENSE_LIMIT - 1)).toBe('after');
  });

  it('property: any sequence of get-or-set and clear agrees with a Map (seeded)', () => {
    const key = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: -5, max: DENSE_LIMIT + 5 }), fc.constantFrom(-0x80000000, 0xffffffff, 2 ** 40));
    const op = fc.oneof(fc.record({ kind: fc.constant('use' as const), key }), fc.constant({ kind: 'clear' as const }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const c = new IndexCache<number>();
        const m = new Map<number, number>();
        let n = 0;
        for (const o of ops) {
          if (o.kind === 'clear') {
            if (n % 2 === 0) c.clear();
            else c.release();
            m.clear();
          } else {
            expect(c.get(o.key)).toBe(m.get(o.key));
            if (m.get(o.key) === undefined) {
              c.set(o.key, n);
              m.set(o.key, n);
              n++;
            }
          }
          expect(c.size).toBe(m.size);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
