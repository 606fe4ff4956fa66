import { describe, expect, it } from 'vitest';
import { SparseGuestMemory, rangeInside } from './guest-physical-memory.js';

describe('SparseGuestMemory', () => {
  it('reads zero until written and keeps bytes across a page boundary', () => {
    const mem = new SparseGuestMemory();
    const before = new Uint8Array(4).fill(0xee);
    expect(mem.read(0x200ffe, before)).toBe(true);
    expect([...before]).toEqual([0, 0, 0, 0]);
    expect(mem.write(0x200ffe, new Uint8Array([1, 2, 3, 4]))).toBe(true);
    expect(mem.pageCount).toBe(2);
    const out = new Uint8Array(6);
    expect(mem.read(0x200ffd, out)).toBe(true);
    expect([...out]).toEqual([0, 1, 2, 3, 4, 0]);
  });

  it('refuses a write that would exceed the page budget, changing nothing', () => {
    const mem = new SparseGuestMemory({ maxPages: 2 });
    expect(mem.write(0, new Uint8Array([9]))).toBe(true);
    // Needs pages 1 and 2: one more than the budget allows.
    expect(mem.write(4096, new Uint8Array(4097).fill(7))).toBe(false);
    expect(mem.pageCount).toBe(1);
    const out = new Uint8Array(1);
    mem.read(4096, out);
    expect(out[0]).toBe(0);
  });

  it('refuses accesses outside the address space', () => {
    const mem = new SparseGuestMemory({ size: 8192 });
    expect(mem.write(8190, new Uint8Array(3))).toBe(false);
    expect(mem.read(-1, new Uint8Array(1))).toBe(false);
    expect(mem.read(2 ** 60, new Uint8Array(1))).toBe(false);
    expect(mem.read(8190, new Uint8Array(2))).toBe(true);
  });

  it('rangeInside rejects fractions, negatives and overflow', () => {
    expect(rangeInside(0.5, 1, 10)).toBe(false);
    expect(rangeInside(0, -1, 10)).toBe(false);
    expect(rangeInside(Number.MAX_SAFE_INTEGER, 1, Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(rangeInside(5, 5, 10)).toBe(true);
  });
});
