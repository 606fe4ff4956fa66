/**
 * The surface table: SURFACE_DEFINE / SURFACE_DEFINE_V2 validation, allocation under a byte budget,
 * SURFACE_DESTROY, lookup and destroy notifications.
 *
 * Definition rules (svga3d-protocol.md §3.1, VirtualBox's checks, security.md §3.3):
 * - `sid < 32768` (`SVGA3D_MAX_SURFACE_IDS`).
 * - The format is one src/formats knows.
 * - Faces: without the CUBEMAP flag only face 0 has mip levels; with it all six faces have the
 *   same count. 1 ≤ levels ≤ 16 and levels ≤ ⌊log2(largest dimension)⌋ + 1.
 * - Exactly Σ numMipLevels sizes, face-major; every dimension ≥ 1; level i of every face is
 *   `max(1, level0 >> i)` per dimension; cube faces are square, depth 1, and all alike.
 * - Sizes are pixels even for block formats (a 3×3 DXT1 level is one 4×4 block).
 * - Byte sizes are computed with bounded arithmetic; the total of live surfaces stays within
 *   `budgetBytes`, checked before anything is allocated; live surfaces ≤ `maxSurfaces`.
 * - A definition that breaks a rule changes nothing (an existing surface of that sid stays). A
 *   valid redefinition of a live sid destroys the old surface first (listeners are told), and its
 *   bytes count as freed for the budget check.
 * New storage reads as zero.
 */
import type { ReportFn } from '../../common/diagnostics.js';
import type { SurfaceImage, SurfaceLookup } from '../surface-image.js';
import { imageLayout, type ImageLayout, surfaceFormatInfo } from '../../formats/index.js';
import { addBounded } from './box-geometry.js';
import { Surface, type SurfaceSource } from './surface.js';
import {
  SVGA3D_MAX_MIP_LEVELS,
  SVGA3D_MAX_SURFACE_FACES,
  SVGA3D_MAX_SURFACE_IDS,
  SVGA3D_SURFACE_CUBEMAP,
  type SizeFields,
  type SurfaceDefineBody,
} from './surface-commands.js';
import { SurfaceDiagnostics as D } from './surface-diagnostics.js';

/** Default total surface memory: VirtualBox's `VMSVGA_SURFACE_SIZE`. */
export const DEFAULT_SURFACE_BUDGET_BYTES = 512 * 1024 * 1024;
/** Default cap on live surfaces (below the id limit, so the JS heap stays small). */
export const DEFAULT_MAX_SURFACES = 16384;

/** Options of a `SurfaceStore`. */
export interface SurfaceStoreOptions {
  /** Total bytes of all live surfaces' storage; default 512 MiB. */
  budgetBytes?: number;
  /** Maximum number of live surfaces; default 16384. */
  maxSurfaces?: number;
}

/** All defined surfaces of one device. */
export class SurfaceStore implements SurfaceLookup, SurfaceSource {
  readonly budgetBytes: number;
  readonly maxSurfaces: number;
  readonly #surfaces = new Map<number, Surface>();
  readonly #listeners: ((sid: number) => void)[] = [];
  #bytesInUse = 0;

  constructor(options: SurfaceStoreOptions = {}) {
    this.budgetBytes = options.budgetBytes ?? DEFAULT_SURFACE_BUDGET_BYTES;
    this.maxSurfaces = options.maxSurfaces ?? DEFAULT_MAX_SURFACES;
  }

  /** Bytes of storage held by live surfaces. */
  get bytesInUse(): number {
    return this.#bytesInUse;
  }

  /** Number of live surfaces. */
  get count(): number {
    return this.#surfaces.size;
  }

  get(sid: number): Surface | undefined {
    return this.#surfaces.get(sid);
  }

  /** Calls `listener(sid)` whenever a surface goes away: SURFACE_DESTROY or a redefinition. */
  onDestroy(listener: (sid: number) => void): void {
    this.#listeners.push(listener);
  }

  /** Executes SURFACE_DEFINE or SURFACE_DEFINE_V2. Returns true when the surface was defined. */
  define(body: SurfaceDefineBody, report: ReportFn): boolean {
    const { sid, format } = body;
    if (!(Number.isInteger(sid) && sid >= 0 && sid < SVGA3D_MAX_SURFACE_IDS)) {
      report(D.E_SURFACE_ID, `surface id ${sid} is not below ${SVGA3D_MAX_SURFACE_IDS}`);
      return false;
    }
    const info = surfaceFormatInfo(format);
    if (info === undefined) {
      report(D.E_SURFACE_FORMAT, `surface ${sid}: unknown format ${format}`);
      return false;
    }
    const shape = validateShape(body, report);
    if (shape === undefined) return false;

    const layouts: { size: SizeFields; layout: ImageLayout }[] = [];
    let total = 0;
    for (const size of body.sizes) {
      // Bounded by the whole budget (and by 2^31 inside imageLayout) before multiplying.
      const layout = imageLayout(info, size.width, size.height, size.depth, this.budgetBytes);
      total = addBounded(total, layout?.byteSize ?? Infinity);
      if (layout === undefined || total > this.budgetBytes) {
        report(D.E_SURFACE_BUDGET, `surface ${sid}: storage exceeds the budget of ${this.budgetBytes} bytes`);
        return false;
      }
      layouts.push({ size, layout });
    }
    const old = this.#surfaces.get(sid);
    const available = this.budgetBytes - this.#bytesInUse + (old?.byteSize ?? 0);
    if (total > available) {
      report(
        D.E_SURFACE_BUDGET,
        `surface ${sid}: ${total} bytes do not fit (${available} of ${this.budgetBytes} bytes left)`,
      );
      return false;
    }
    if (old === undefined && this.#surfaces.size >= this.maxSurfaces) {
      report(D.E_SURFACE_COUNT, `surface ${sid}: already ${this.#surfaces.size} surfaces (maximum ${this.maxSurfaces})`);
      return false;
    }
    let images: SurfaceImage[];
    try {
      images = layouts.map(({ size, layout }) => ({
        width: size.width,
        height: size.height,
        depth: size.depth,
        rowPitch: layout.rowPitch,
        slicePitch: layout.slicePitch,
        bytes: new Uint8Array(layout.byteSize),
      }));
    } catch {
      // The budget is the real bound; an engine refusing the allocation is reported the same way.
      report(D.E_SURFACE_BUDGET, `surface ${sid}: allocation of ${total} bytes failed`);
      return false;
    }
    if (old !== undefined) this.#remove(old);
    const surface = new Surface({
      sid,
      format,
      flags: body.surfaceFlags >>> 0,
      faceCount: shape.faceCount,
      mipLevels: shape.mipLevels,
      multisampleCount: 'multisampleCount' in body ? body.multisampleCount : 0,
      autogenFilter: 'autogenFilter' in body ? body.autogenFilter : 0,
      formatInfo: info,
      images,
    });
    this.#surfaces.set(sid, surface);
    this.#bytesInUse += surface.byteSize;
    return true;
  }

  /** Executes SURFACE_DESTROY. Returns true when a surface was destroyed. */
  destroy(sid: number, report: ReportFn): boolean {
    const surface = this.#surfaces.get(sid);
    if (surface === undefined) {
      if (!(sid >= 0 && sid < SVGA3D_MAX_SURFACE_IDS)) {
        report(D.E_SURFACE_ID, `surface id ${sid} is not below ${SVGA3D_MAX_SURFACE_IDS}`);
      } else {
        report(D.E_SURFACE_UNDEFINED, `surface ${sid} is not defined`);
      }
      return false;
    }
    this.#remove(surface);
    return true;
  }

  #remove(surface: Surface): void {
    this.#surfaces.delete(surface.sid);
    this.#bytesInUse -= surface.byteSize;
    for (const listener of this.#listeners) listener(surface.sid);
  }
}

/** Checks faces, mip counts and the size chain; returns the face and level counts. */
function validateShape(
  body: SurfaceDefineBody,
  report: ReportFn,
): { faceCount: number; mipLevels: number } | undefined {
  const { sid } = body;
  const cube = (body.surfaceFlags & SVGA3D_SURFACE_CUBEMAP) !== 0;
  const counts: number[] = [];
  for (let f = 0; f < SVGA3D_MAX_SURFACE_FACES; f++) counts.push(body.face[f]?.numMipLevels ?? 0);
  const mipLevels = counts[0] ?? 0;
  const faceCount = cube ? SVGA3D_MAX_SURFACE_FACES : 1;
  if (mipLevels < 1 || mipLevels > SVGA3D_MAX_MIP_LEVELS) {
    report(D.E_SURFACE_FACES, `surface ${sid}: face 0 has ${mipLevels} mip levels (1 to ${SVGA3D_MAX_MIP_LEVELS})`);
    return undefined;
  }
  for (let f = 1; f < SVGA3D_MAX_SURFACE_FACES; f++) {
    const expected = cube ? mipLevels : 0;
    if (counts[f] !== expected) {
      report(
        D.E_SURFACE_FACES,
        cube
          ? `surface ${sid}: cube face ${f} has ${counts[f]} mip levels, face 0 has ${mipLevels}`
          : `surface ${sid}: face ${f} has ${counts[f]} mip levels but the surface is not a cube map`,
      );
      return undefined;
    }
  }
  if (body.sizes.length !== faceCount * mipLevels) {
    report(D.E_SURFACE_SIZE, `surface ${sid}: ${body.sizes.length} sizes, expected ${faceCount * mipLevels}`);
    return undefined;
  }
  const base = body.sizes[0];
  if (base === undefined) return undefined;
  if (!(base.width >= 1 && base.height >= 1 && base.depth >= 1)) {
    report(D.E_SURFACE_SIZE, `surface ${sid}: level 0 is ${sizeText(base)}; every dimension must be at least 1`);
    return undefined;
  }
  if (cube && (base.width !== base.height || base.depth !== 1)) {
    report(D.E_SURFACE_SIZE, `surface ${sid}: cube faces must be square with depth 1, got ${sizeText(base)}`);
    return undefined;
  }
  const largest = Math.max(base.width, base.height, base.depth);
  const maxLevels = Math.floor(Math.log2(largest)) + 1;
  if (mipLevels > maxLevels) {
    report(D.E_SURFACE_FACES, `surface ${sid}: ${mipLevels} mip levels for ${sizeText(base)} (at most ${maxLevels})`);
    return undefined;
  }
  for (let f = 0; f < faceCount; f++) {
    for (let i = 0; i < mipLevels; i++) {
      const size = body.sizes[f * mipLevels + i];
      const expected = {
        width: Math.max(1, Math.floor(base.width / 2 ** i)),
        height: Math.max(1, Math.floor(base.height / 2 ** i)),
        depth: Math.max(1, Math.floor(base.depth / 2 ** i)),
      };
      if (
        size === undefined ||
        size.width !== expected.width ||
        size.height !== expected.height ||
        size.depth !== expected.depth
      ) {
        report(
          D.E_SURFACE_SIZE,
          `surface ${sid}: face ${f} level ${i} is ${size === undefined ? 'missing' : sizeText(size)}, ` +
            `expected ${sizeText(expected)}`,
        );
        return undefined;
      }
    }
  }
  return { faceCount, mipLevels };
}

function sizeText(s: SizeFields): string {
  return `${s.width}×${s.height}×${s.depth}`;
}
