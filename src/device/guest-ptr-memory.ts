/**
 * Access to memory named by an `SVGAGuestPtr` (`{gmrId, offset}`): a GMR (v1 or v2), the
 * framebuffer alias `SVGA_GMR_FRAMEBUFFER` (VRAM from offset 0), or nothing (`SVGA_GMR_NULL`).
 *
 * This is the one door through which surface DMA, screen blits, query results and fences touch
 * guest-visible memory. Every call is bounds-checked as a whole before any byte moves: a request
 * that is not entirely inside the region does nothing and returns false, so callers report a
 * diagnostic and skip the command.
 */
export interface GuestPtrMemory {
  /** Byte size of the region, or -1 when `gmrId` names no defined region. */
  regionSize(gmrId: number): number;
  /**
   * Copies `dst.length` bytes from `offset` of region `gmrId` into `dst`.
   * Returns false, copying nothing, when any byte lies outside the region.
   */
  read(gmrId: number, offset: number, dst: Uint8Array): boolean;
  /**
   * Copies `src` to `offset` of region `gmrId`.
   * Returns false, writing nothing, when any byte lies outside the region.
   */
  write(gmrId: number, offset: number, src: Uint8Array): boolean;
}

/** `SVGA_GMR_FRAMEBUFFER`: a guest pointer into VRAM (BAR1), offset from its start. */
export const SVGA_GMR_FRAMEBUFFER = 0xfffffffe;
/** `SVGA_GMR_NULL`: no memory at all. */
export const SVGA_GMR_NULL = 0xffffffff;
