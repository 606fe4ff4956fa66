/**
 * Helpers for the surface tests: definition bodies, a report collector and a fake guest memory
 * whose regions are lists of scattered pages (like a discontiguous GMR).
 */
import type { DiagnosticCode, ReportFn } from '../../common/diagnostics.js';
import type { GuestPtrMemory } from '../guest-ptr-memory.js';
import type { SizeFields, SurfaceDefineBody } from './surface-commands.js';

/** A report function that keeps the codes (and messages) it was given. */
export function collectReports(): { report: ReportFn; codes: number[]; messages: string[] } {
  const codes: number[] = [];
  const messages: string[] = [];
  const report: ReportFn = (def: DiagnosticCode, message: string) => {
    codes.push(def.code);
    messages.push(message);
  };
  return { report, codes, messages };
}

/** A SURFACE_DEFINE body with a full mip chain of `mips` levels on `faces` faces (1 or 6). */
export function defineBody(
  sid: number,
  format: number,
  size: SizeFields,
  options: { mips?: number; cube?: boolean; flags?: number } = {},
): SurfaceDefineBody {
  const mips = options.mips ?? 1;
  const faces = options.cube === true ? 6 : 1;
  const sizes: SizeFields[] = [];
  for (let f = 0; f < faces; f++) {
    for (let i = 0; i < mips; i++) {
      const level = (n: number): number => (i === 0 ? n : Math.max(1, Math.floor(n / 2 ** i)));
      sizes.push({ width: level(size.width), height: level(size.height), depth: level(size.depth) });
    }
  }
  const face = [0, 1, 2, 3, 4, 5].map((f) => ({ numMipLevels: f < faces ? mips : 0 }));
  return { sid, surfaceFlags: (options.flags ?? 0) | (options.cube === true ? 1 : 0), format, face, sizes };
}

/**
 * Guest memory made of `pageSize`-byte pages of one physical array; each region is a list of page
 * numbers, so consecutive region bytes may live far apart physically.
 */
export class PagedGuestMemory implements GuestPtrMemory {
  readonly pageSize: number;
  readonly physical: Uint8Array;
  readonly regions = new Map<number, readonly number[]>();
  calls = 0;

  constructor(pageSize: number, pageCount: number) {
    this.pageSize = pageSize;
    this.physical = new Uint8Array(pageSize * pageCount);
  }

  regionSize(gmrId: number): number {
    const pages = this.regions.get(gmrId);
    return pages === undefined ? -1 : pages.length * this.pageSize;
  }

  read(gmrId: number, offset: number, dst: Uint8Array): boolean {
    return this.#walk(gmrId, offset, dst.length, (phys, at, n) => dst.set(this.physical.subarray(phys, phys + n), at));
  }

  write(gmrId: number, offset: number, src: Uint8Array): boolean {
    return this.#walk(gmrId, offset, src.length, (phys, at, n) => this.physical.set(src.subarray(at, at + n), phys));
  }

  /** Fills a region's bytes with `f(regionOffset)`. */
  fill(gmrId: number, f: (offset: number) => number): void {
    const size = this.regionSize(gmrId);
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i++) bytes[i] = f(i);
    this.write(gmrId, 0, bytes);
  }

  /** A copy of a region's bytes. */
  snapshot(gmrId: number): Uint8Array {
    const bytes = new Uint8Array(Math.max(0, this.regionSize(gmrId)));
    this.read(gmrId, 0, bytes);
    return bytes;
  }

  #walk(gmrId: number, offset: number, length: number, move: (phys: number, at: number, n: number) => void): boolean {
    this.calls++;
    const pages = this.regions.get(gmrId);
    if (pages === undefined || offset < 0 || offset + length > pages.length * this.pageSize) return false;
    let at = 0;
    while (at < length) {
      const pos = offset + at;
      const page = pages[Math.floor(pos / this.pageSize)] ?? 0;
      const within = pos % this.pageSize;
      const n = Math.min(this.pageSize - within, length - at);
      move(page * this.pageSize + within, at, n);
      at += n;
    }
    return true;
  }
}
