/**
 * Guest physical memory: the RAM that GMR pages and GMR v1 descriptor lists live in.
 *
 * Emulators plug in their own implementation (a view of the VM's RAM); replay uses the sparse
 * default, which holds only the pages a trace wrote and reads everything else as zero.
 */

/** Size of a guest page (GMR pages, descriptor pages, PPNs). */
export const GUEST_PAGE_SIZE = 4096;

/**
 * Access to guest physical memory. Addresses are byte addresses held in plain numbers (64-bit
 * guest addresses, exact up to 2^53). Each call is all or nothing: a request with any byte outside
 * the memory returns false and moves nothing.
 */
export interface GuestPhysicalMemory {
  /** Copies `dst.length` bytes from `address`. */
  read(address: number, dst: Uint8Array): boolean;
  /** Copies `src` to `address`. */
  write(address: number, src: Uint8Array): boolean;
  /** Bytes of guest physical address space; addresses at or above it do not exist. */
  readonly size?: number;
}

/** Options of {@link SparseGuestMemory}. */
export interface SparseGuestMemoryOptions {
  /** Address space in bytes (default 2^44: every 32-bit page number). */
  size?: number;
  /** Most pages that may hold data at once (default 65536 = 256 MiB), the memory budget. */
  maxPages?: number;
}

/** True when `[address, address + length)` is a well-formed range inside `[0, size)`. */
export function rangeInside(address: number, length: number, size: number): boolean {
  return (
    Number.isSafeInteger(address) &&
    Number.isSafeInteger(length) &&
    address >= 0 &&
    length >= 0 &&
    address + length <= size
  );
}

/**
 * Guest memory as a map of 4 KiB pages, zero until written. Writing a page for the first time
 * allocates it; a write that would need more than `maxPages` pages in total fails as a whole.
 */
export class SparseGuestMemory implements GuestPhysicalMemory {
  readonly size: number;
  readonly maxPages: number;
  private readonly pages = new Map<number, Uint8Array>();

  constructor(options: SparseGuestMemoryOptions = {}) {
    this.size = options.size ?? 2 ** 44;
    this.maxPages = options.maxPages ?? 65536;
  }

  /** Number of pages holding data. */
  get pageCount(): number {
    return this.pages.size;
  }

  read(address: number, dst: Uint8Array): boolean {
    if (!rangeInside(address, dst.length, this.size)) return false;
    let done = 0;
    while (done < dst.length) {
      const at = address + done;
      const page = Math.floor(at / GUEST_PAGE_SIZE);
      const inPage = at - page * GUEST_PAGE_SIZE;
      const n = Math.min(GUEST_PAGE_SIZE - inPage, dst.length - done);
      const data = this.pages.get(page);
      if (data) dst.set(data.subarray(inPage, inPage + n), done);
      else dst.fill(0, done, done + n);
      done += n;
    }
    return true;
  }

  write(address: number, src: Uint8Array): boolean {
    if (!rangeInside(address, src.length, this.size)) return false;
    if (src.length === 0) return true;
    const first = Math.floor(address / GUEST_PAGE_SIZE);
    const last = Math.floor((address + src.length - 1) / GUEST_PAGE_SIZE);
    // Count the new pages before touching anything, so a write over budget changes nothing.
    let missing = 0;
    for (let p = first; p <= last; p++) if (!this.pages.has(p)) missing++;
    if (this.pages.size + missing > this.maxPages) return false;
    let done = 0;
    for (let p = first; p <= last; p++) {
      let data = this.pages.get(p);
      if (!data) {
        data = new Uint8Array(GUEST_PAGE_SIZE);
        this.pages.set(p, data);
      }
      const inPage = p === first ? address - first * GUEST_PAGE_SIZE : 0;
      const n = Math.min(GUEST_PAGE_SIZE - inPage, src.length - done);
      data.set(src.subarray(done, done + n), inPage);
      done += n;
    }
    return true;
  }
}
