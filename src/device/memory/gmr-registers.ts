/**
 * GMR v1 through the registers: a write of SVGA_REG_GMR_DESCRIPTOR defines GMR `SVGA_REG_GMR_ID`
 * from the descriptor list at that page, read at that moment; page 0 deletes the GMR.
 */
import type { ReportFn } from '../../common/diagnostics.js';
import { MEM_DIAGNOSTICS } from '../device-diagnostics.js';
import { GMR_MAX_DESCRIPTOR_LENGTH, GMR_MAX_DESCRIPTOR_PAGES } from '../svga-registers.js';
import { readGmrDescriptor } from './gmr-descriptor.js';
import type { GmrTable } from './gmr-table.js';
import { GUEST_PAGE_SIZE, type GuestPhysicalMemory } from './guest-physical-memory.js';

/**
 * Defines (ppn ≠ 0) or deletes (ppn = 0) GMR `gmrId`. A descriptor that does not read as a valid
 * chain leaves the id undefined: the guest meant to replace whatever was there, and keeping the
 * old mapping would let later DMA reach pages the guest has given up.
 */
export function defineGmrFromDescriptor(
  gmrs: GmrTable,
  guest: GuestPhysicalMemory,
  gmrId: number,
  ppn: number,
  report: ReportFn,
): void {
  if (!gmrs.validId(gmrId)) {
    report(MEM_DIAGNOSTICS.E_GMR_ID, `GMR id ${gmrId} is not below ${gmrs.limits.maxIds}`);
    return;
  }
  if (ppn === 0) {
    gmrs.delete(gmrId);
    return;
  }
  const guestPageCount = guest.size === undefined ? 2 ** 32 : Math.floor(guest.size / GUEST_PAGE_SIZE);
  const pages = readGmrDescriptor(
    guest,
    ppn,
    {
      maxDescriptorPages: GMR_MAX_DESCRIPTOR_PAGES,
      maxEntries: GMR_MAX_DESCRIPTOR_LENGTH,
      maxPages: gmrs.pagesAvailableFor(gmrId),
      guestPageCount,
    },
    report,
  );
  if (!pages) {
    gmrs.delete(gmrId);
    return;
  }
  gmrs.define(gmrId, pages);
}
