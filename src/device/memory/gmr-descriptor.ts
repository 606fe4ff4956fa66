/**
 * GMR v1: the descriptor list a guest names by writing SVGA_REG_GMR_DESCRIPTOR.
 *
 * The list is read once, when the register is written (the guest may clobber it right after).
 * Entries are `{ppn, numPages}` pairs of 32-bit words, 512 to a page:
 * `(ppn ≠ 0, n ≠ 0)` appends a run of n physically consecutive pages, `(ppn ≠ 0, 0)` continues at
 * descriptor page `ppn`, `(0, 0)` ends the list. The device never steps past the end of a
 * descriptor page on its own, so a page without a link or terminator is malformed.
 */
import type { ReportFn } from '../../common/diagnostics.js';
import { MEM_DIAGNOSTICS } from '../device-diagnostics.js';
import { GUEST_PAGE_SIZE, type GuestPhysicalMemory } from './guest-physical-memory.js';

/** Bounds on one descriptor chain. */
export interface GmrDescriptorLimits {
  /** Descriptor pages one chain may visit (link pages included). */
  readonly maxDescriptorPages: number;
  /** Entries one chain may hold, runs and links (SVGA_REG_GMR_MAX_DESCRIPTOR_LENGTH). */
  readonly maxEntries: number;
  /** Pages the resulting GMR may have (what the GMR page budget has left). */
  readonly maxPages: number;
  /** Guest pages that exist: a run or link must lie below this page number. */
  readonly guestPageCount: number;
}

const ENTRIES_PER_PAGE = GUEST_PAGE_SIZE / 8;

/**
 * Reads the descriptor chain that starts at page `ppn` and returns the GMR's page list, or
 * undefined after reporting why the chain is unusable.
 */
export function readGmrDescriptor(
  guest: GuestPhysicalMemory,
  ppn: number,
  limits: GmrDescriptorLimits,
  report: ReportFn,
): Float64Array | undefined {
  const bad = (why: string): undefined => {
    report(MEM_DIAGNOSTICS.E_GMR_DESCRIPTOR, why);
    return undefined;
  };
  const runs: Array<[first: number, count: number]> = [];
  const visited = new Set<number>();
  const page = new Uint8Array(GUEST_PAGE_SIZE);
  const words = new DataView(page.buffer);
  let total = 0;
  let entries = 0;
  let current = ppn;
  for (;;) {
    if (current >= limits.guestPageCount) {
      return bad(`descriptor page 0x${current.toString(16)} is beyond guest memory`);
    }
    if (visited.has(current)) return bad(`descriptor chain loops back to page 0x${current.toString(16)}`);
    if (visited.size >= limits.maxDescriptorPages) {
      return bad(`descriptor chain is longer than ${limits.maxDescriptorPages} pages`);
    }
    visited.add(current);
    if (!guest.read(current * GUEST_PAGE_SIZE, page)) {
      return bad(`descriptor page 0x${current.toString(16)} cannot be read`);
    }
    let next: number | undefined;
    for (let i = 0; i < ENTRIES_PER_PAGE; i++) {
      const entryPpn = words.getUint32(i * 8, true);
      const numPages = words.getUint32(i * 8 + 4, true);
      if (entryPpn === 0 && numPages === 0) {
        return total > 0 ? expand(runs, total) : bad('descriptor list defines no pages');
      }
      if (++entries > limits.maxEntries) return bad(`descriptor has more than ${limits.maxEntries} entries`);
      if (entryPpn === 0) return bad(`entry ${entries - 1} has ppn 0 with ${numPages} pages`);
      if (numPages === 0) {
        next = entryPpn;
        break;
      }
      if (entryPpn + numPages > limits.guestPageCount) {
        return bad(`run 0x${entryPpn.toString(16)} + ${numPages} pages is beyond guest memory`);
      }
      if (total + numPages > limits.maxPages) {
        return bad(`GMR would have more than ${limits.maxPages} pages (GMR page budget)`);
      }
      runs.push([entryPpn, numPages]);
      total += numPages;
    }
    if (next === undefined) {
      return bad(`descriptor page 0x${current.toString(16)} ends without a link or terminator`);
    }
    current = next;
  }
}

function expand(runs: ReadonlyArray<[number, number]>, total: number): Float64Array {
  const pages = new Float64Array(total);
  let at = 0;
  for (const [first, count] of runs) for (let k = 0; k < count; k++) pages[at++] = first + k;
  return pages;
}
