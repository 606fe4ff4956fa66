import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SparseGuestMemory } from './guest-physical-memory.js';
import { GmrTable, UNMAPPED_PAGE } from './gmr-table.js';

const PAGE = 4096;

/** The obvious model: a region is its page list; a byte of the region is a byte of guest memory. */
class Model {
  readonly guest = new Map<number, Uint8Array>();
  byte(ppn: number, at: number): number {
    return this.guest.get(ppn)?.[at] ?? 0;
  }
  read(pages: readonly number[], offset: number, length: number): number[] | undefined {
    if (offset + length > pages.length * PAGE) return undefined;
    const out: number[] = [];
    for (let i = 0; i < length; i++) {
      const ppn = pages[Math.floor((offset + i) / PAGE)] ?? UNMAPPED_PAGE;
      if (ppn === UNMAPPED_PAGE) return undefined;
      out.push(this.byte(ppn, (offset + i) % PAGE));
    }
    return out;
  }
  write(pages: readonly number[], offset: number, src: Uint8Array): boolean {
    if (offset + src.length > pages.length * PAGE) return false;
    for (let i = 0; i < src.length; i++) if ((pages[Math.floor((offset + i) / PAGE)] ?? UNMAPPED_PAGE) === UNMAPPED_PAGE) return false;
    src.forEach((b, i) => {
      const ppn = pages[Math.floor((offset + i) / PAGE)] ?? 0;
      let data = this.guest.get(ppn);
      if (!data) this.guest.set(ppn, (data = new Uint8Array(PAGE)));
      data[(offset + i) % PAGE] = b;
    });
    return true;
  }
}

// Pages from a small pool, so regions alias each other and runs of consecutive pages occur.
const page = fc.oneof(fc.integer({ min: 0x300, max: 0x306 }), fc.constant(UNMAPPED_PAGE));
const access = fc.record({
  gmr: fc.integer({ min: 0, max: 2 }),
  offset: fc.integer({ min: 0, max: 5 * PAGE }),
  length: fc.integer({ min: 0, max: 2 * PAGE + 10 }),
  write: fc.boolean(),
  seed: fc.integer({ min: 0, max: 255 }),
});

describe('GmrTable against a byte model', () => {
  it('reads and writes exactly the bytes of the pages an access covers, all or nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.array(page, { minLength: 1, maxLength: 5 }), { minLength: 3, maxLength: 3 }), fc.array(access, { maxLength: 25 }), (regions, accesses) => {
        const gmrs = new GmrTable(new Uint8Array(0), new SparseGuestMemory());
        const model = new Model();
        regions.forEach((pages, id) => expect(gmrs.define(id, new Float64Array(pages))).toBe('ok'));
        for (const a of accesses) {
          const pages = regions[a.gmr] ?? [];
          if (a.write) {
            const src = new Uint8Array(a.length).map((_, i) => (a.seed + i * 7) & 0xff);
            expect(gmrs.write(a.gmr, a.offset, src)).toBe(model.write(pages, a.offset, src));
          } else {
            const dst = new Uint8Array(a.length);
            const expected = model.read(pages, a.offset, a.length);
            expect(gmrs.read(a.gmr, a.offset, dst)).toBe(expected !== undefined);
            if (expected) expect([...dst]).toEqual(expected);
          }
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
