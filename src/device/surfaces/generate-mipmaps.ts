/**
 * GENERATE_MIPMAPS: rebuilds mip levels 1… of every face from level 0 (svga3d-protocol.md §5.4).
 *
 * Rules:
 * - Each level is built from the level above it (a cascade), face by face. Destination texel
 *   (x, y, z) reads the 2×2×2 footprint `{2x, 2x+1} × {2y, 2y+1} × {2z, 2z+1}` of the level above,
 *   coordinates clamped to that level (so a 2D level, or a side of length 1, repeats texels; an odd
 *   side drops its last texel, as a truncating box filter does).
 * - Filter NONE (0) or NEAREST (1): the texel at (2x, 2y, 2z) is copied as bytes (any uncompressed
 *   1×1 format, depth included).
 * - Other filters (LINEAR, ANISOTROPIC, the cubic and quad filters) use the box filter:
 *   - formats whose channels are all 8-bit unorm bytes (A8R8G8B8, X8R8G8B8, LUMINANCE8, ALPHA8,
 *     LUMINANCE8_ALPHA8): each byte is `(Σ of the 8 taps + 4) >> 3`, exact, round half up;
 *   - other packable colour formats: taps decoded with `readTexelRgbaF32`, averaged in float64 and
 *     packed with `packRgbaF32`.
 * - Formats that cannot be filtered that way (DXT/BC, YUV blocks, depth with a box filter, BUFFER)
 *   are refused before anything is written. A surface with one level has nothing to do.
 */
import type { ReportFn } from '../../common/diagnostics.js';
import { packRgbaF32, readTexelRgbaF32, type SurfaceFormatInfo } from '../../formats/index.js';
import type { SurfaceImage } from '../surface-image.js';
import type { Surface, SurfaceSource } from './surface.js';
import { type GenerateMipmapsBody, SVGA3dTextureFilter } from './surface-commands.js';
import { SurfaceDiagnostics as D } from './surface-diagnostics.js';

type MipPath = 'point' | 'bytes' | 'float';

/** Executes a GENERATE_MIPMAPS body. Never throws; problems are reported and the command skipped. */
export function executeGenerateMipmaps(store: SurfaceSource, body: GenerateMipmapsBody, report: ReportFn): void {
  const surface = store.get(body.sid);
  if (surface === undefined) {
    report(D.E_SURFACE_UNDEFINED, `surface ${body.sid} is not defined`);
    return;
  }
  const { filter } = body;
  if (!(filter >= SVGA3dTextureFilter.NONE && filter <= SVGA3dTextureFilter.GAUSSIANQUAD)) {
    report(D.E_MIPMAP_FILTER, `filter ${filter} is not an SVGA3dTextureFilter (0–7)`);
    return;
  }
  const path = choosePath(surface, filter === SVGA3dTextureFilter.NONE || filter === SVGA3dTextureFilter.NEAREST);
  if (path === undefined) {
    report(D.E_MIPMAP_FORMAT, `cannot generate mipmaps of ${surface.formatInfo.name} with filter ${filter}`);
    return;
  }
  for (let face = 0; face < surface.faceCount; face++) {
    for (let mip = 1; mip < surface.mipLevels; mip++) {
      const src = surface.image(face, mip - 1);
      const dst = surface.image(face, mip);
      if (src === undefined || dst === undefined) return;
      if (path === 'float') buildLevelFloat(surface.format, src, dst, surface.formatInfo.bytesPerBlock);
      else buildLevelBytes(src, dst, surface.formatInfo.bytesPerBlock, path === 'point');
    }
  }
}

function choosePath(surface: Surface, point: boolean): MipPath | undefined {
  const info = surface.formatInfo;
  if (info.blockWidth !== 1 || info.blockHeight !== 1 || info.planar || info.kind === 'buffer') return undefined;
  if (point) return 'point';
  if (isByteFormat(info)) return 'bytes';
  const probe = new Uint8Array(info.bytesPerBlock);
  return packRgbaF32(surface.format, 0, 0, 0, 0, probe, 0) ? 'float' : undefined;
}

/** Every channel an 8-bit unorm (or unused) byte: averaging bytes is averaging channels. */
function isByteFormat(info: SurfaceFormatInfo): boolean {
  if (info.kind !== 'color-unorm' && info.kind !== 'luminance-alpha') return false;
  if (info.channels.length === 0) return false;
  return info.channels.every((c) => c.bits === 8 && c.offset % 8 === 0 && (c.type === 'unorm' || c.type === 'unused'));
}

/** Offsets of the 8 footprint texels of destination texel (x, y, z) in the source image. */
function footprint(src: SurfaceImage, x: number, y: number, z: number, bpp: number, out: Int32Array): void {
  const xs = [Math.min(2 * x, src.width - 1), Math.min(2 * x + 1, src.width - 1)];
  const ys = [Math.min(2 * y, src.height - 1), Math.min(2 * y + 1, src.height - 1)];
  const zs = [Math.min(2 * z, src.depth - 1), Math.min(2 * z + 1, src.depth - 1)];
  let n = 0;
  for (const zz of zs) for (const yy of ys) for (const xx of xs) out[n++] = zz * src.slicePitch + yy * src.rowPitch + xx * bpp;
}

function buildLevelBytes(src: SurfaceImage, dst: SurfaceImage, bpp: number, point: boolean): void {
  const taps = new Int32Array(8);
  const s = src.bytes;
  for (let z = 0; z < dst.depth; z++) {
    for (let y = 0; y < dst.height; y++) {
      for (let x = 0; x < dst.width; x++) {
        footprint(src, x, y, z, bpp, taps);
        const o = z * dst.slicePitch + y * dst.rowPitch + x * bpp;
        const first = taps[0] ?? 0;
        if (point) {
          dst.bytes.set(s.subarray(first, first + bpp), o);
          continue;
        }
        for (let c = 0; c < bpp; c++) {
          let sum = 4;
          for (let t = 0; t < 8; t++) sum += s[(taps[t] ?? 0) + c] ?? 0;
          dst.bytes[o + c] = sum >> 3;
        }
      }
    }
  }
}

function buildLevelFloat(format: number, src: SurfaceImage, dst: SurfaceImage, bpp: number): void {
  const texel = new Float32Array(4);
  for (let z = 0; z < dst.depth; z++) {
    for (let y = 0; y < dst.height; y++) {
      for (let x = 0; x < dst.width; x++) {
        const sum = [0, 0, 0, 0];
        for (let t = 0; t < 8; t++) {
          const sx = Math.min(2 * x + (t & 1), src.width - 1);
          const sy = Math.min(2 * y + ((t >> 1) & 1), src.height - 1);
          const sz = Math.min(2 * z + (t >> 2), src.depth - 1);
          readTexelRgbaF32(format, src, sx, sy, sz, texel, 0);
          for (let c = 0; c < 4; c++) sum[c] = (sum[c] ?? 0) + (texel[c] ?? 0);
        }
        const o = z * dst.slicePitch + y * dst.rowPitch + x * bpp;
        packRgbaF32(format, (sum[0] ?? 0) / 8, (sum[1] ?? 0) / 8, (sum[2] ?? 0) / 8, (sum[3] ?? 0) / 8, dst.bytes, o);
      }
    }
  }
}
