import { describe, expect, it } from 'vitest';
import type { DiagnosticCode } from '../../common/diagnostics.js';
import { SparseGuestMemory } from './guest-physical-memory.js';
import { readGmrDescriptor, type GmrDescriptorLimits } from './gmr-descriptor.js';

const LIMITS: GmrDescriptorLimits = { maxDescriptorPages: 4, maxEntries: 1024, maxPages: 1000, guestPageCount: 0x10000 };

/** Writes descriptor entries `[ppn, numPages]` at page `page`, entry index `from`. */
function put(mem: SparseGuestMemory, page: number, entries: Array<[number, number]>, from = 0): void {
  const bytes = new Uint8Array(entries.length * 8);
  const view = new DataView(bytes.buffer);
  entries.forEach(([ppn, n], i) => {
    view.setUint32(i * 8, ppn, true);
    view.setUint32(i * 8 + 4, n, true);
  });
  mem.write(page * 4096 + from * 8, bytes);
}

function run(mem: SparseGuestMemory, ppn: number, limits = LIMITS) {
  const reports: string[] = [];
  const report = (def: DiagnosticCode, message: string) => reports.push(`${def.code} ${message}`);
  const pages = readGmrDescriptor(mem, ppn, limits, report);
  return { pages: pages ? [...pages] : undefined, reports };
}

describe('readGmrDescriptor', () => {
  it('expands contiguous runs in order', () => {
    const mem = new SparseGuestMemory();
    put(mem, 0x200, [[0x300, 3], [0x310, 1], [0, 0]]);
    expect(run(mem, 0x200)).toEqual({ pages: [0x300, 0x301, 0x302, 0x310], reports: [] });
  });

  it('follows link entries to further descriptor pages', () => {
    const mem = new SparseGuestMemory();
    put(mem, 0x200, [[0x400, 2], [0x250, 0]]);
    put(mem, 0x250, [[0x500, 1], [0, 0]]);
    expect(run(mem, 0x200).pages).toEqual([0x400, 0x401, 0x500]);
  });

  it('reads a full page of 511 runs plus a link, as the SDK driver writes it', () => {
    const mem = new SparseGuestMemory();
    const entries: Array<[number, number]> = [];
    for (let i = 0; i < 511; i++) entries.push([0x1000 + 2 * i, 1]);
    entries.push([0x201, 0]);
    put(mem, 0x200, entries);
    put(mem, 0x201, [[0x9000, 1], [0, 0]]);
    const { pages, reports } = run(mem, 0x200, { ...LIMITS, maxEntries: 4096 });
    expect(reports).toEqual([]);
    expect(pages?.length).toBe(512);
    expect(pages?.[510]).toBe(0x1000 + 1020);
    expect(pages?.[511]).toBe(0x9000);
  });

  it('detects a loop', () => {
    const mem = new SparseGuestMemory();
    put(mem, 0x200, [[0x400, 1], [0x201, 0]]);
    put(mem, 0x201, [[0x200, 0]]);
    expect(run(mem, 0x200)).toEqual({ pages: undefined, reports: ['3111 descriptor chain loops back to page 0x200'] });
  });

  it('bounds the number of descriptor pages', () => {
    const mem = new SparseGuestMemory();
    for (let p = 0; p < 5; p++) put(mem, 0x200 + p, [[0x201 + p, 0]]);
    expect(run(mem, 0x200).reports).toEqual(['3111 descriptor chain is longer than 4 pages']);
  });

  it('refuses runs over the page budget, beyond guest memory, ppn 0 runs and unterminated pages', () => {
    const mem = new SparseGuestMemory();
    put(mem, 0x200, [[0x300, 1001]]);
    expect(run(mem, 0x200).reports).toEqual(['3111 GMR would have more than 1000 pages (GMR page budget)']);
    put(mem, 0x201, [[0xffff, 2]]);
    expect(run(mem, 0x201).reports).toEqual(['3111 run 0xffff + 2 pages is beyond guest memory']);
    put(mem, 0x202, [[0, 5]]);
    expect(run(mem, 0x202).reports).toEqual(['3111 entry 0 has ppn 0 with 5 pages']);
    const full: Array<[number, number]> = [];
    for (let i = 0; i < 512; i++) full.push([0x300, 1]);
    put(mem, 0x203, full);
    expect(run(mem, 0x203, { ...LIMITS, maxPages: 4096 }).reports).toEqual([
      '3111 descriptor page 0x203 ends without a link or terminator',
    ]);
    expect(run(mem, 0x10000).reports).toEqual(['3111 descriptor page 0x10000 is beyond guest memory']);
  });

  it('refuses a list that defines no pages', () => {
    const mem = new SparseGuestMemory();
    put(mem, 0x200, [[0x201, 0]]);
    expect(run(mem, 0x200).reports).toEqual(['3111 descriptor list defines no pages']);
  });

  it('reads each descriptor page exactly once (no double fetch)', () => {
    const mem = new SparseGuestMemory();
    put(mem, 0x200, [[0x400, 2], [0x250, 0]]);
    put(mem, 0x250, [[0x500, 1], [0, 0]]);
    const reads: number[] = [];
    const logged = { size: mem.size, read: (a: number, d: Uint8Array) => (reads.push(a), mem.read(a, d)), write: () => false };
    const pages = readGmrDescriptor(logged, 0x200, LIMITS, () => {});
    expect(pages && [...pages]).toEqual([0x400, 0x401, 0x500]);
    expect(reads).toEqual([0x200 * 4096, 0x250 * 4096]);
  });

  it('bounds the number of entries', () => {
    const mem = new SparseGuestMemory();
    put(mem, 0x200, [[0x300, 1], [0x301, 1], [0x302, 1], [0, 0]]);
    expect(run(mem, 0x200, { ...LIMITS, maxEntries: 2 }).reports).toEqual(['3111 descriptor has more than 2 entries']);
  });
});
