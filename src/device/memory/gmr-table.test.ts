import { describe, expect, it } from 'vitest';
import { SVGA_GMR_FRAMEBUFFER, SVGA_GMR_NULL } from '../guest-ptr-memory.js';
import { SparseGuestMemory, type GuestPhysicalMemory } from './guest-physical-memory.js';
import { GmrTable, UNMAPPED_PAGE } from './gmr-table.js';

/** Guest memory that logs every access, to prove which pages an access touches. */
function loggingMemory(): { mem: GuestPhysicalMemory; log: string[] } {
  const inner = new SparseGuestMemory();
  const log: string[] = [];
  return {
    log,
    mem: {
      size: inner.size,
      read(address, dst) {
        log.push(`r ${address.toString(16)} ${dst.length}`);
        return inner.read(address, dst);
      },
      write(address, src) {
        log.push(`w ${address.toString(16)} ${src.length}`);
        return inner.write(address, src);
      },
    },
  };
}

describe('GmrTable', () => {
  it('maps a discontiguous GMR page by page, merging consecutive pages into one run', () => {
    const { mem, log } = loggingMemory();
    const gmrs = new GmrTable(new Uint8Array(4096), mem);
    // Region pages: 0x300, 0x301 (consecutive), then 0x500.
    expect(gmrs.define(5, new Float64Array([0x300, 0x301, 0x500]))).toBe('ok');
    expect(gmrs.regionSize(5)).toBe(3 * 4096);
    const src = new Uint8Array(8200).map((_, i) => i & 0xff);
    expect(gmrs.write(5, 4000, src)).toBe(true);
    expect(log).toEqual([`w ${(0x300 * 4096 + 4000).toString(16)} 4192`, `w ${(0x500 * 4096).toString(16)} 4008`]);
    const back = new Uint8Array(8200);
    expect(gmrs.read(5, 4000, back)).toBe(true);
    expect(back).toEqual(src);
    const direct = new Uint8Array(2);
    mem.read(0x500 * 4096, direct);
    expect([...direct]).toEqual([4192 & 0xff, 4193 & 0xff]);
  });

  it('rejects an access that leaves the region or touches an unmapped page, moving nothing', () => {
    const { mem, log } = loggingMemory();
    const gmrs = new GmrTable(new Uint8Array(16), mem);
    gmrs.define(1, new Float64Array([0x10, UNMAPPED_PAGE]));
    expect(gmrs.write(1, 8190, new Uint8Array(4))).toBe(false);
    expect(gmrs.write(1, 4094, new Uint8Array(4))).toBe(false);
    expect(gmrs.read(1, 0xfffffffc, new Uint8Array(8))).toBe(false);
    expect(log).toEqual([]);
    expect(gmrs.write(1, 4092, new Uint8Array(4))).toBe(true);
    expect(gmrs.read(2, 0, new Uint8Array(1))).toBe(false);
    expect(gmrs.regionSize(2)).toBe(-1);
  });

  it('aliases VRAM from offset 0 through SVGA_GMR_FRAMEBUFFER and gives nothing for SVGA_GMR_NULL', () => {
    const vram = new Uint8Array(64);
    const gmrs = new GmrTable(vram, new SparseGuestMemory());
    expect(gmrs.regionSize(SVGA_GMR_FRAMEBUFFER)).toBe(64);
    expect(gmrs.write(SVGA_GMR_FRAMEBUFFER, 60, new Uint8Array([1, 2, 3, 4]))).toBe(true);
    expect([...vram.subarray(60)]).toEqual([1, 2, 3, 4]);
    expect(gmrs.write(SVGA_GMR_FRAMEBUFFER, 61, new Uint8Array(4))).toBe(false);
    expect(gmrs.regionSize(SVGA_GMR_NULL)).toBe(-1);
    expect(gmrs.read(SVGA_GMR_NULL, 0, new Uint8Array(0))).toBe(false);
  });

  it('enforces ids and the total page budget, counting a replaced GMR once', () => {
    const gmrs = new GmrTable(new Uint8Array(0), new SparseGuestMemory(), { maxIds: 4, maxTotalPages: 10 });
    expect(gmrs.define(4, new Float64Array(1))).toBe('bad-id');
    expect(gmrs.define(0, new Float64Array(6))).toBe('ok');
    expect(gmrs.define(1, new Float64Array(5))).toBe('budget');
    expect(gmrs.define(0, new Float64Array(10))).toBe('ok');
    expect(gmrs.totalPages).toBe(10);
    expect(gmrs.delete(0)).toBe(true);
    expect(gmrs.totalPages).toBe(0);
    expect(gmrs.delete(0)).toBe(false);
  });
});
