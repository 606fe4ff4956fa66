/**
 * The GMR table: every Guest Memory Region (v1 from registers, v2 from the FIFO) as a list of
 * guest page numbers, plus the two special ids, behind the shared {@link GuestPtrMemory} port.
 *
 * A region's address space is its pages laid end to end. An access is checked as a whole first
 * (inside the region, every page it covers mapped) and then touches exactly the pages it covers,
 * in runs of physically consecutive pages.
 */
import { SVGA_GMR_FRAMEBUFFER, SVGA_GMR_NULL, type GuestPtrMemory } from '../guest-ptr-memory.js';
import { GUEST_PAGE_SIZE, rangeInside, type GuestPhysicalMemory } from './guest-physical-memory.js';

/** Page-number value of a GMR2 page that no REMAP_GMR2 has mapped yet. */
export const UNMAPPED_PAGE = -1;

/** Limits of the GMR table (what the GMR registers advertise). */
export interface GmrLimits {
  /** GMR ids are `0 .. maxIds - 1` (SVGA_REG_GMR_MAX_IDS). */
  readonly maxIds: number;
  /** Pages in all GMRs together (SVGA_REG_GMRS_MAX_PAGES). */
  readonly maxTotalPages: number;
}

/** Default limits: 64 ids (what the SDK corpus uses), 65536 pages (256 MiB) in all GMRs. */
export const DEFAULT_GMR_LIMITS: GmrLimits = { maxIds: 64, maxTotalPages: 65536 };

/** Why a definition was refused. */
export type GmrDefineResult = 'ok' | 'bad-id' | 'budget';

/** GMR table over VRAM (for `SVGA_GMR_FRAMEBUFFER`) and guest physical memory. */
export class GmrTable implements GuestPtrMemory {
  private readonly regions = new Map<number, Float64Array>();
  private pagesInUse = 0;

  private readonly vram: Uint8Array;
  private readonly guest: GuestPhysicalMemory;
  readonly limits: GmrLimits;

  constructor(vram: Uint8Array, guest: GuestPhysicalMemory, limits: GmrLimits = DEFAULT_GMR_LIMITS) {
    this.vram = vram;
    this.guest = guest;
    this.limits = limits;
  }

  /** Pages held by all GMRs together. */
  get totalPages(): number {
    return this.pagesInUse;
  }

  /** Whether `id` is a GMR id this table can hold (not a special id). */
  validId(id: number): boolean {
    return Number.isInteger(id) && id >= 0 && id < this.limits.maxIds;
  }

  /** The page list of GMR `id` (UNMAPPED_PAGE for holes), or undefined. */
  pages(id: number): Readonly<Float64Array> | undefined {
    return this.regions.get(id);
  }

  /** Pages the budget has left if GMR `id` were replaced. */
  pagesAvailableFor(id: number): number {
    const old = this.regions.get(id)?.length ?? 0;
    return this.limits.maxTotalPages - (this.pagesInUse - old);
  }

  /** Defines (or replaces) GMR `id` with the given page list. The table keeps the array. */
  define(id: number, pages: Float64Array): GmrDefineResult {
    if (!this.validId(id)) return 'bad-id';
    if (pages.length > this.pagesAvailableFor(id)) return 'budget';
    this.delete(id);
    this.regions.set(id, pages);
    this.pagesInUse += pages.length;
    return 'ok';
  }

  /**
   * Maps pages `[offsetPages, offsetPages + ppns.length)` of GMR `id` (REMAP_GMR2); false, changing
   * nothing, when the GMR is undefined or the range leaves it.
   */
  mapPages(id: number, offsetPages: number, ppns: ArrayLike<number>): boolean {
    const pages = this.regions.get(id);
    if (!pages || !rangeInside(offsetPages, ppns.length, pages.length)) return false;
    for (let k = 0; k < ppns.length; k++) pages[offsetPages + k] = ppns[k] ?? UNMAPPED_PAGE;
    return true;
  }

  /** Removes GMR `id`; returns whether it existed. */
  delete(id: number): boolean {
    const old = this.regions.get(id);
    if (!old) return false;
    this.pagesInUse -= old.length;
    this.regions.delete(id);
    return true;
  }

  /** Removes every GMR (device reset). */
  clear(): void {
    this.regions.clear();
    this.pagesInUse = 0;
  }

  /** Whether guest page `ppn` exists in guest physical memory. */
  pageExists(ppn: number): boolean {
    if (!Number.isSafeInteger(ppn) || ppn < 0) return false;
    const size = this.guest.size;
    return size === undefined || ppn < Math.floor(size / GUEST_PAGE_SIZE);
  }

  regionSize(gmrId: number): number {
    if (gmrId === SVGA_GMR_FRAMEBUFFER) return this.vram.length;
    if (gmrId === SVGA_GMR_NULL) return -1;
    const pages = this.regions.get(gmrId);
    return pages ? pages.length * GUEST_PAGE_SIZE : -1;
  }

  read(gmrId: number, offset: number, dst: Uint8Array): boolean {
    if (gmrId === SVGA_GMR_FRAMEBUFFER) {
      if (!rangeInside(offset, dst.length, this.vram.length)) return false;
      dst.set(this.vram.subarray(offset, offset + dst.length));
      return true;
    }
    return this.transfer(gmrId, offset, dst.length, (address, start, n) =>
      this.guest.read(address, dst.subarray(start, start + n)),
    );
  }

  write(gmrId: number, offset: number, src: Uint8Array): boolean {
    if (gmrId === SVGA_GMR_FRAMEBUFFER) {
      if (!rangeInside(offset, src.length, this.vram.length)) return false;
      this.vram.set(src, offset);
      return true;
    }
    return this.transfer(gmrId, offset, src.length, (address, start, n) =>
      this.guest.write(address, src.subarray(start, start + n)),
    );
  }

  /**
   * Walks `[offset, offset + length)` of a GMR as runs of consecutive guest pages and calls `move`
   * for each run with its guest address, its start in the caller's buffer and its length.
   */
  private transfer(
    gmrId: number,
    offset: number,
    length: number,
    move: (address: number, start: number, n: number) => boolean,
  ): boolean {
    const pages = this.regions.get(gmrId);
    if (!pages) return false;
    if (!rangeInside(offset, length, pages.length * GUEST_PAGE_SIZE)) return false;
    if (length === 0) return true;
    const firstPage = Math.floor(offset / GUEST_PAGE_SIZE);
    const lastPage = Math.floor((offset + length - 1) / GUEST_PAGE_SIZE);
    for (let p = firstPage; p <= lastPage; p++) if (pages[p] === UNMAPPED_PAGE) return false;
    let done = 0;
    let p = firstPage;
    while (p <= lastPage) {
      // Extend the run while the next region page is the next guest page.
      let runEnd = p;
      while (runEnd < lastPage && pages[runEnd + 1] === (pages[runEnd] ?? 0) + 1) runEnd++;
      const inPage = p === firstPage ? offset - firstPage * GUEST_PAGE_SIZE : 0;
      const runBytes = (runEnd - p + 1) * GUEST_PAGE_SIZE - inPage;
      const n = Math.min(runBytes, length - done);
      const address = (pages[p] ?? 0) * GUEST_PAGE_SIZE + inPage;
      if (!move(address, done, n)) return false;
      done += n;
      p = runEnd + 1;
    }
    return true;
  }
}
