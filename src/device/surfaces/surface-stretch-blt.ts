/**
 * SURFACE_STRETCHBLT: scales `boxSrc` of one image onto `boxDest` of another (or the same) image
 * with POINT or LINEAR filtering (svga3d-protocol.md §3.1, §5.4).
 *
 * Rules:
 * - Each box is clipped to its own image (as VirtualBox does), then the clipped source is scaled
 *   onto the clipped destination. An empty box after clipping draws nothing (a warning; no
 *   division by zero). Clipped sides longer than 2^20 are refused so the arithmetic stays exact.
 * - Sampling per axis is `stretch-sampling.ts`: destination centre i + 0.5 → source
 *   `(i + 0.5) · srcW / dstW − 0.5`, 8 fractional bits, taps clamped to the source box.
 * - Volumes: destination slice k reads source slice `⌊(2k + 1) · srcD / (2 · dstD)⌋` (POINT in
 *   z for both modes; LINEAR filters within the slice only).
 * - Byte path, for A8R8G8B8 / X8R8G8B8 in either direction: the four bytes are blended as
 *   integers, `(Σ wᵢ · byteᵢ + 32768) >> 16` with `wᵢ` the products of the 8-bit axis weights
 *   (sum 65536): round half up, exact, and a 1:1 stretch copies bytes. An X8R8G8B8 source gives
 *   alpha 255 to an A8R8G8B8 destination; an X destination byte receives the blended A/X byte (as
 *   src/formats packs X from alpha).
 * - Other pairs go through float: each tap is read with `readTexelRgbaF32`, blended with the same
 *   weights in float64 and packed with `packRgbaF32`. Destinations it cannot pack
 *   (compressed, depth, YUV, BUFFER) and sources it cannot unpack are refused.
 * - The source is read from a snapshot when source and destination are the same image, so
 *   overlapping boxes read the original pixels.
 */
import type { ReportFn } from '../../common/diagnostics.js';
import { packRgbaF32, readTexelRgbaF32, SVGA3dSurfaceFormat } from '../../formats/index.js';
import type { SurfaceImage } from '../surface-image.js';
import { clipExtent } from './box-geometry.js';
import { resolveImage } from './image-lookup.js';
import type { SurfaceSource } from './surface.js';
import { type BoxFields, SVGA3dStretchBltMode, type SurfaceStretchBltBody } from './surface-commands.js';
import { SurfaceDiagnostics as D } from './surface-diagnostics.js';
import { type AxisTaps, axisTaps, MAX_STRETCH_EXTENT, sliceTap } from './stretch-sampling.js';

/** A box clipped to its image. */
interface Clipped {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly w: number;
  readonly h: number;
  readonly d: number;
}

function clipBox(box: BoxFields, image: SurfaceImage): Clipped {
  return {
    x: box.x,
    y: box.y,
    z: box.z,
    w: clipExtent(box.x, box.w, image.width),
    h: clipExtent(box.y, box.h, image.height),
    d: clipExtent(box.z, box.d, image.depth),
  };
}

function isEmpty(b: Clipped): boolean {
  return b.w === 0 || b.h === 0 || b.d === 0;
}

function isBgra8(format: number): boolean {
  return format === SVGA3dSurfaceFormat.A8R8G8B8 || format === SVGA3dSurfaceFormat.X8R8G8B8;
}

/** Executes a SURFACE_STRETCHBLT body. Never throws; problems are reported and the command skipped. */
export function executeSurfaceStretchBlt(store: SurfaceSource, body: SurfaceStretchBltBody, report: ReportFn): void {
  if (body.mode !== SVGA3dStretchBltMode.POINT && body.mode !== SVGA3dStretchBltMode.LINEAR) {
    report(D.E_STRETCH_MODE, `mode ${body.mode} is neither POINT (0) nor LINEAR (1)`);
    return;
  }
  const src = resolveImage(store, body.src, 'source', report);
  if (src === undefined) return;
  const dst = resolveImage(store, body.dest, 'destination', report);
  if (dst === undefined) return;
  const sb = clipBox(body.boxSrc, src.image);
  const db = clipBox(body.boxDest, dst.image);
  if (isEmpty(sb) || isEmpty(db)) {
    report(
      D.W_STRETCH_EMPTY,
      `nothing to stretch: source ${sb.w}×${sb.h}×${sb.d}, destination ${db.w}×${db.h}×${db.d} after clipping`,
    );
    return;
  }
  if (Math.max(sb.w, sb.h, sb.d, db.w, db.h, db.d) > MAX_STRETCH_EXTENT) {
    report(D.E_STRETCH_SIZE, `a clipped box side exceeds ${MAX_STRETCH_EXTENT} pixels`);
    return;
  }
  const srcFormat = src.surface.format;
  const dstFormat = dst.surface.format;
  const sameImage = src.image.bytes === dst.image.bytes;
  const linear = body.mode === SVGA3dStretchBltMode.LINEAR;
  const tx = axisTaps(sb.w, db.w, linear);
  const ty = axisTaps(sb.h, db.h, linear);

  if (isBgra8(srcFormat) && isBgra8(dstFormat)) {
    const srcImage = sameImage ? snapshot(src.image) : src.image;
    const opaqueSource = srcFormat === SVGA3dSurfaceFormat.X8R8G8B8 && dstFormat === SVGA3dSurfaceFormat.A8R8G8B8;
    for (let k = 0; k < db.d; k++) {
      const sz = sb.z + sliceTap(k, sb.d, db.d);
      stretchSliceBytes(srcImage, sb, sz, dst.image, db, db.z + k, tx, ty, opaqueSource);
    }
    return;
  }
  const probe = new Uint8Array(dst.surface.formatInfo.bytesPerBlock);
  if (!packRgbaF32(dstFormat, 0, 0, 0, 0, probe, 0)) {
    report(D.E_STRETCH_FORMAT, `cannot stretch into ${dst.surface.formatInfo.name}: the format cannot be packed`);
    return;
  }
  if (!readTexelRgbaF32(srcFormat, src.image, sb.x, sb.y, sb.z, new Float32Array(4))) {
    report(D.E_STRETCH_FORMAT, `cannot stretch from ${src.surface.formatInfo.name}: the format cannot be unpacked`);
    return;
  }
  const srcImage = sameImage ? snapshot(src.image) : src.image;
  for (let k = 0; k < db.d; k++) {
    const sz = sb.z + sliceTap(k, sb.d, db.d);
    stretchSliceFloat(srcFormat, srcImage, sb, sz, dstFormat, dst.image, db, db.z + k, tx, ty, dst.surface.formatInfo.bytesPerBlock);
  }
}

/** A private copy of an image, so a stretch within one image reads the pixels as they were. */
function snapshot(image: SurfaceImage): SurfaceImage {
  return { ...image, bytes: image.bytes.slice() };
}

/** The integer byte path for the two 8-bit BGRA formats. */
function stretchSliceBytes(
  s: SurfaceImage,
  sb: Clipped,
  sz: number,
  d: SurfaceImage,
  db: Clipped,
  dz: number,
  tx: AxisTaps,
  ty: AxisTaps,
  opaqueSource: boolean,
): void {
  const sBase = sz * s.slicePitch;
  const src = s.bytes;
  const out = d.bytes;
  for (let j = 0; j < db.h; j++) {
    const fy = ty.f[j] ?? 0;
    const row0 = sBase + (sb.y + (ty.i0[j] ?? 0)) * s.rowPitch;
    const row1 = sBase + (sb.y + (ty.i1[j] ?? 0)) * s.rowPitch;
    let o = dz * d.slicePitch + (db.y + j) * d.rowPitch + db.x * 4;
    for (let i = 0; i < db.w; i++, o += 4) {
      const fx = tx.f[i] ?? 0;
      const c0 = (sb.x + (tx.i0[i] ?? 0)) * 4;
      const c1 = (sb.x + (tx.i1[i] ?? 0)) * 4;
      const w00 = (256 - fx) * (256 - fy);
      const w10 = fx * (256 - fy);
      const w01 = (256 - fx) * fy;
      const w11 = fx * fy;
      for (let c = 0; c < 4; c++) {
        if (c === 3 && opaqueSource) {
          out[o + 3] = 255;
          continue;
        }
        const sum =
          w00 * (src[row0 + c0 + c] ?? 0) +
          w10 * (src[row0 + c1 + c] ?? 0) +
          w01 * (src[row1 + c0 + c] ?? 0) +
          w11 * (src[row1 + c1 + c] ?? 0);
        out[o + c] = (sum + 32768) >> 16;
      }
    }
  }
}

/**
 * The float path: reads the taps texel by texel (no whole-slice unpack, so memory stays bounded by
 * the images), blends in float64 and packs into the destination format.
 */
function stretchSliceFloat(
  srcFormat: number,
  s: SurfaceImage,
  sb: Clipped,
  sz: number,
  dstFormat: number,
  d: SurfaceImage,
  db: Clipped,
  dz: number,
  tx: AxisTaps,
  ty: AxisTaps,
  bytesPerPixel: number,
): void {
  const taps = new Float32Array(16);
  const px = [0, 0, 0, 0];
  for (let j = 0; j < db.h; j++) {
    const fy = (ty.f[j] ?? 0) / 256;
    const y0 = sb.y + (ty.i0[j] ?? 0);
    const y1 = sb.y + (ty.i1[j] ?? 0);
    const o = dz * d.slicePitch + (db.y + j) * d.rowPitch + db.x * bytesPerPixel;
    for (let i = 0; i < db.w; i++) {
      const fx = (tx.f[i] ?? 0) / 256;
      const x0 = sb.x + (tx.i0[i] ?? 0);
      const x1 = sb.x + (tx.i1[i] ?? 0);
      readTexelRgbaF32(srcFormat, s, x0, y0, sz, taps, 0);
      if (fx === 0 && fy === 0) {
        // An exact tap: no blend, so NaN or infinite texels pass unchanged to the packer.
        for (let c = 0; c < 4; c++) px[c] = taps[c] ?? 0;
      } else {
        readTexelRgbaF32(srcFormat, s, x1, y0, sz, taps, 4);
        readTexelRgbaF32(srcFormat, s, x0, y1, sz, taps, 8);
        readTexelRgbaF32(srcFormat, s, x1, y1, sz, taps, 12);
        for (let c = 0; c < 4; c++) {
          const top = (taps[c] ?? 0) * (1 - fx) + (taps[4 + c] ?? 0) * fx;
          const bottom = (taps[8 + c] ?? 0) * (1 - fx) + (taps[12 + c] ?? 0) * fx;
          px[c] = top * (1 - fy) + bottom * fy;
        }
      }
      packRgbaF32(dstFormat, px[0] ?? 0, px[1] ?? 0, px[2] ?? 0, px[3] ?? 0, d.bytes, o + i * bytesPerPixel);
    }
  }
}
