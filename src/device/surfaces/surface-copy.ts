/**
 * SURFACE_COPY: raw block copies between two surface images (svga3d-protocol.md §5.4).
 *
 * Rules:
 * - The two formats must have the same block size and bytes per block (A8R8G8B8 → X8R8G8B8 is a
 *   byte copy; a copy between 4-byte colour and 4-byte depth formats is too, as on the host). Other
 *   pairs are refused with a diagnostic.
 * - Each copy box (x, y, z in the destination, srcx, srcy, srcz in the source) is clipped to both
 *   images: `w = min(w, destWidth − x, srcWidth − srcx)`, likewise h and d; empty boxes are skipped.
 * - Block formats copy whole blocks: the destination box is rounded outward to blocks, the source
 *   starts at the block holding (srcx, srcy), and the block counts are clipped to both block grids.
 *   NV12 (planar) copies whole slices, between images of the same width and height only.
 * - Boxes run in order. Within one image, each box behaves like memmove: rows are visited in the
 *   direction that never overwrites a source row before it is read, and each row is moved with
 *   `copyWithin`, so an overlapping box gives what a copy through a temporary would.
 * - Bytes move as bytes (float NaN payloads survive).
 */
import type { ReportFn } from '../../common/diagnostics.js';
import { blockRun, clipExtent } from './box-geometry.js';
import { resolveImage } from './image-lookup.js';
import type { SurfaceSource } from './surface.js';
import type { SurfaceCopyBody } from './surface-commands.js';
import { SurfaceDiagnostics as D } from './surface-diagnostics.js';

/** Executes a SURFACE_COPY body. Never throws; problems are reported and the command skipped. */
export function executeSurfaceCopy(store: SurfaceSource, body: SurfaceCopyBody, report: ReportFn): void {
  const src = resolveImage(store, body.src, 'source', report);
  if (src === undefined) return;
  const dst = resolveImage(store, body.dest, 'destination', report);
  if (dst === undefined) return;
  const sf = src.surface.formatInfo;
  const df = dst.surface.formatInfo;
  if (
    sf.blockWidth !== df.blockWidth ||
    sf.blockHeight !== df.blockHeight ||
    sf.bytesPerBlock !== df.bytesPerBlock ||
    sf.planar !== df.planar
  ) {
    report(D.E_COPY_FORMAT, `cannot copy ${sf.name} blocks into ${df.name}: block sizes differ`);
    return;
  }
  const s = src.image;
  const d = dst.image;
  if (sf.planar && (s.width !== d.width || s.height !== d.height)) {
    // A planar slice's layout depends on its size, so only equal sizes can move as bytes.
    report(D.E_COPY_FORMAT, `cannot copy ${sf.name} between images of different sizes`);
    return;
  }
  const same = s.bytes === d.bytes;
  const bpb = sf.bytesPerBlock;
  for (const box of body.boxes) {
    const depth = Math.min(clipExtent(box.z, box.d, d.depth), clipExtent(box.srcz, box.d, s.depth));
    let rowBytes: number;
    let rows: number;
    let dstFirst: number;
    let srcFirst: number;
    if (sf.planar) {
      if (depth === 0) continue;
      rowBytes = s.slicePitch;
      rows = 1;
      dstFirst = box.z * d.slicePitch;
      srcFirst = box.srcz * s.slicePitch;
    } else {
      const w = Math.min(clipExtent(box.x, box.w, d.width), clipExtent(box.srcx, box.w, s.width));
      const h = Math.min(clipExtent(box.y, box.h, d.height), clipExtent(box.srcy, box.h, s.height));
      if (w === 0 || h === 0 || depth === 0) continue;
      const cols = blockRun(box.x, w, sf.blockWidth);
      const dRows = blockRun(box.y, h, sf.blockHeight);
      const sbx = Math.floor(box.srcx / sf.blockWidth);
      const sby = Math.floor(box.srcy / sf.blockHeight);
      const colCount = Math.min(cols.count, s.rowPitch / bpb - sbx);
      rows = Math.min(dRows.count, Math.ceil(s.height / sf.blockHeight) - sby);
      rowBytes = colCount * bpb;
      dstFirst = box.z * d.slicePitch + dRows.first * d.rowPitch + cols.first * bpb;
      srcFirst = box.srcz * s.slicePitch + sby * s.rowPitch + sbx * bpb;
    }
    const rowAt = (i: number): { dst: number; src: number } => {
      const k = Math.floor(i / rows);
      const r = i - k * rows;
      return {
        dst: dstFirst + k * d.slicePitch + r * (sf.planar ? 0 : d.rowPitch),
        src: srcFirst + k * s.slicePitch + r * (sf.planar ? 0 : s.rowPitch),
      };
    };
    const total = depth * rows;
    if (same) {
      // Rows are disjoint and ascend with (slice, row), so copying against the direction of the
      // shift never clobbers a source row that is still to be read.
      const backwards = dstFirst > srcFirst;
      for (let n = 0; n < total; n++) {
        const at = rowAt(backwards ? total - 1 - n : n);
        d.bytes.copyWithin(at.dst, at.src, at.src + rowBytes);
      }
    } else {
      for (let n = 0; n < total; n++) {
        const at = rowAt(n);
        d.bytes.set(s.bytes.subarray(at.src, at.src + rowBytes), at.dst);
      }
    }
  }
}
