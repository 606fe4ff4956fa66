/**
 * SURFACE_DMA: moves bytes between guest memory and one surface image, in both directions.
 *
 * Rules (svga3d-protocol.md §5.4):
 * - Box x, y, z, w, h, d are in the host image (pixels), srcx, srcy, srcz in the guest image, for
 *   both directions. Each box is clipped to the host image; empty boxes are skipped silently (the
 *   SDK's gmr-test sends degenerate boxes on purpose).
 * - Block formats: the clipped box is rounded outward to whole blocks (the host "is free to copy
 *   more data than specified"). The guest side follows the address formula below, whose divisions
 *   by the block size round down.
 * - Guest address of (sx, sy, sz) = `ptr.offset + sz·slicePitch + ⌊sy/bh⌋·pitch + ⌊sx/bw⌋·bytesPerBlock`,
 *   with `pitch = guest.pitch`, or the host image's tight row pitch when `guest.pitch` is 0 or the
 *   image is 1D (height and depth 1: "for 1D images pitch is ignored"), and
 *   `slicePitch = pitch × block rows of the host image`.
 * - Guest bytes are validated before any byte moves: every box's whole guest span (first row to
 *   the end of the last row, which covers every row in between because addresses grow with row and
 *   slice) must lie inside the region and before `maximumOffset` (relative to `ptr.offset`, from the
 *   suffix, default 0xFFFFFFFF). One bad box rejects the whole command, so a bad DMA changes nothing.
 * - Suffix: `suffixSize` must be 12 and flag bits 2–31 zero; `discard` and `unsynchronized` are
 *   hints a synchronous device ignores.
 * - NV12 (planar): whole slices move, see `planPlanarBox`.
 * - Bytes are copied as bytes (NaN payloads survive). Downloads write only the rows of the clipped
 *   box, never the guest pitch padding between them.
 */
import type { ReportFn } from '../../common/diagnostics.js';
import type { GuestPtrMemory } from '../guest-ptr-memory.js';
import type { SurfaceImage } from '../surface-image.js';
import { addBounded, blockRun, clipExtent, mulBounded } from './box-geometry.js';
import { resolveImage } from './image-lookup.js';
import type { BlockGeometry, SurfaceSource } from './surface.js';
import { type CopyBoxFields, type SurfaceDmaBody, SVGA3dTransferType } from './surface-commands.js';
import { SurfaceDiagnostics as D } from './surface-diagnostics.js';

/** `SVGA3dCmdSurfaceDMASuffix` is 12 bytes. */
const SUFFIX_SIZE = 12;
/** Flag bits 0 (discard) and 1 (unsynchronized); the rest are reserved. */
const SUFFIX_KNOWN_FLAGS = 0x3;
/** `maximumOffset` when no suffix is present. */
const DEFAULT_MAXIMUM_OFFSET = 0xffffffff;

/** One validated box: where its rows are on both sides. */
interface BoxPlan {
  /** Byte offset in the host image of the box's first block of row 0, slice 0. */
  readonly hostFirst: number;
  readonly hostRowPitch: number;
  readonly hostSlicePitch: number;
  /** Guest region offset of row 0, slice 0. */
  readonly guestFirst: number;
  readonly guestPitch: number;
  readonly guestSlicePitch: number;
  /** Bytes per row (whole blocks). */
  readonly rowBytes: number;
  readonly rows: number;
  readonly slices: number;
  /** One past the last guest byte touched. */
  readonly guestEnd: number;
}

/** Executes a SURFACE_DMA body. Never throws; problems are reported and the command skipped. */
export function executeSurfaceDma(
  store: SurfaceSource,
  memory: GuestPtrMemory,
  body: SurfaceDmaBody,
  report: ReportFn,
): void {
  const { transfer } = body;
  if (transfer !== SVGA3dTransferType.WRITE_HOST_VRAM && transfer !== SVGA3dTransferType.READ_HOST_VRAM) {
    report(D.E_DMA_TRANSFER, `transfer ${transfer} is neither WRITE_HOST_VRAM (1) nor READ_HOST_VRAM (2)`);
    return;
  }
  let maximumOffset = DEFAULT_MAXIMUM_OFFSET;
  if (body.suffix !== undefined) {
    const { suffixSize, flags } = body.suffix;
    if (suffixSize !== SUFFIX_SIZE) {
      report(D.E_DMA_SUFFIX, `suffixSize ${suffixSize}, expected ${SUFFIX_SIZE}`);
      return;
    }
    if ((flags & ~SUFFIX_KNOWN_FLAGS) !== 0) {
      report(D.E_DMA_SUFFIX, `reserved suffix flag bits set: 0x${(flags >>> 0).toString(16)}`);
      return;
    }
    maximumOffset = body.suffix.maximumOffset;
  }
  const target = resolveImage(store, body.host, 'host', report);
  if (target === undefined) return;
  const { gmrId, offset: base } = body.guest.ptr;
  const regionSize = memory.regionSize(gmrId);
  if (regionSize < 0) {
    report(D.E_DMA_GMR, `guest pointer names no memory region (gmrId 0x${(gmrId >>> 0).toString(16)})`);
    return;
  }
  const limit = Math.min(regionSize, base + maximumOffset);

  const { image } = target;
  const block = target.surface.formatInfo;
  const plans: BoxPlan[] = [];
  for (let i = 0; i < body.boxes.length; i++) {
    const box = body.boxes[i];
    if (box === undefined) continue;
    const plan = planBox(image, block, box, base, body.guest.pitch);
    if (plan === undefined) continue;
    if (plan.guestEnd > limit) {
      const end = plan.guestEnd === Infinity ? 'beyond 2^53' : String(plan.guestEnd);
      report(
        D.E_DMA_GUEST_RANGE,
        `box ${i} touches guest bytes up to ${end}, past the limit ${limit} ` +
          `(region ${regionSize} bytes, offset ${base}, maximumOffset ${maximumOffset}); nothing transferred`,
      );
      return;
    }
    plans.push(plan);
  }

  const upload = transfer === SVGA3dTransferType.WRITE_HOST_VRAM;
  for (const plan of plans) {
    if (!moveBox(memory, gmrId, image.bytes, plan, upload)) {
      report(D.E_DMA_MEMORY, `guest memory refused a validated range; DMA stopped part-way`);
      return;
    }
  }
}

/** Clips one box and computes both sides' addresses; undefined when the box is empty. */
function planBox(
  image: SurfaceImage,
  block: BlockGeometry,
  box: CopyBoxFields,
  base: number,
  guestPitchField: number,
): BoxPlan | undefined {
  const w = clipExtent(box.x, box.w, image.width);
  const h = clipExtent(box.y, box.h, image.height);
  const d = clipExtent(box.z, box.d, image.depth);
  if (w === 0 || h === 0 || d === 0) return undefined;
  const { blockWidth: bw, blockHeight: bh, bytesPerBlock: bpb } = block;
  if (block.planar) return planPlanarBox(image, box, d, base);
  const cols = blockRun(box.x, w, bw);
  const rows = blockRun(box.y, h, bh);
  const rowBytes = cols.count * bpb;

  const is1D = image.height === 1 && image.depth === 1;
  const guestPitch = guestPitchField === 0 || is1D ? image.rowPitch : guestPitchField;
  const blockRows = Math.ceil(image.height / bh);
  const guestSlicePitch = mulBounded(guestPitch, blockRows);
  const guestFirst = addBounded(
    base,
    mulBounded(box.srcz, guestSlicePitch),
    mulBounded(Math.floor(box.srcy / bh), guestPitch),
    mulBounded(Math.floor(box.srcx / bw), bpb),
  );
  const guestEnd = addBounded(
    guestFirst,
    mulBounded(d - 1, guestSlicePitch),
    mulBounded(rows.count - 1, guestPitch),
    rowBytes,
  );
  return {
    hostFirst: box.z * image.slicePitch + rows.first * image.rowPitch + cols.first * bpb,
    hostRowPitch: image.rowPitch,
    hostSlicePitch: image.slicePitch,
    guestFirst,
    guestPitch,
    guestSlicePitch,
    rowBytes,
    rows: rows.count,
    slices: d,
    guestEnd,
  };
}

/**
 * NV12 keeps a luma plane and a half-height chroma plane in each slice, so a box has no single row
 * structure: every slice the clipped box touches moves whole, the guest holding slices of the host
 * image's slice pitch (`guest.pitch` is not used).
 */
function planPlanarBox(image: SurfaceImage, box: CopyBoxFields, d: number, base: number): BoxPlan {
  const guestFirst = addBounded(base, mulBounded(box.srcz, image.slicePitch));
  return {
    hostFirst: box.z * image.slicePitch,
    hostRowPitch: image.slicePitch,
    hostSlicePitch: image.slicePitch,
    guestFirst,
    guestPitch: image.slicePitch,
    guestSlicePitch: image.slicePitch,
    rowBytes: image.slicePitch,
    rows: 1,
    slices: d,
    guestEnd: addBounded(guestFirst, mulBounded(d, image.slicePitch)),
  };
}

/**
 * Moves every row of a validated box, merging rows that are contiguous on both sides into one
 * memory call (a tightly packed box becomes a single transfer).
 */
function moveBox(memory: GuestPtrMemory, gmrId: number, bytes: Uint8Array, plan: BoxPlan, upload: boolean): boolean {
  let runHost = -1;
  let runGuest = -1;
  let runLength = 0;
  const flush = (): boolean => {
    if (runLength === 0) return true;
    const view = bytes.subarray(runHost, runHost + runLength);
    runLength = 0;
    return upload ? memory.read(gmrId, runGuest, view) : memory.write(gmrId, runGuest, view);
  };
  for (let k = 0; k < plan.slices; k++) {
    for (let r = 0; r < plan.rows; r++) {
      const host = plan.hostFirst + k * plan.hostSlicePitch + r * plan.hostRowPitch;
      const guest = plan.guestFirst + k * plan.guestSlicePitch + r * plan.guestPitch;
      if (runLength > 0 && host === runHost + runLength && guest === runGuest + runLength) {
        runLength += plan.rowBytes;
        continue;
      }
      if (!flush()) return false;
      runHost = host;
      runGuest = guest;
      runLength = plan.rowBytes;
    }
  }
  return flush();
}
