/**
 * Reading one video overlay frame out of guest memory and converting it to RGBA8.
 *
 * Only the source sub-rectangle (SRC_X/Y/WIDTH/HEIGHT) is read, one row at a time through the
 * `GuestPtrMemory` port, so the work is bounded by the frame-size limit whatever the pitches say.
 * Layouts (svga_overlay.h):
 * - UYVY (bytes U0 Y0 V0 Y1) and YUY2 (Y0 U0 Y1 V0): 2 bytes per pixel, chroma shared by a pixel
 *   pair, PITCH_1 bytes per row (0 means the packed `even(width) · 2`).
 * - YV12: a Y plane (PITCH_1, default `align4(even(width))`), then the V plane, then the U plane,
 *   each half size in both directions (PITCH_2 / PITCH_3, default `align4(even(width) / 2)`),
 *   planes placed after `pitch · rows` of the previous one with rows rounded to even.
 * YUV → RGB is BT.601 studio range in the 8-bit integer form of `src/formats` (`yuvToRgb8`).
 */
import { yuvToRgb8 } from '../../formats/index.js';
import type { GuestPtrMemory } from '../guest-ptr-memory.js';

export const VMWARE_FOURCC_YV12 = 0x32315659;
export const VMWARE_FOURCC_YUY2 = 0x32595559;
export const VMWARE_FOURCC_UYVY = 0x59565955;
/** Largest frame side accepted (full HD fits). */
export const MAX_VIDEO_SIZE = 2048;

/** What a FLUSH needs to fetch a frame. All values already range-checked by the caller. */
export interface FrameRequest {
  readonly format: number;
  readonly gmrId: number;
  readonly dataOffset: number;
  readonly width: number;
  readonly height: number;
  readonly srcX: number;
  readonly srcY: number;
  readonly srcWidth: number;
  readonly srcHeight: number;
  readonly pitches: readonly [number, number, number];
}

/**
 * The source sub-rectangle as RGBA8 (`srcWidth × srcHeight × 4`, alpha 255), or a string naming
 * the first row that could not be read.
 */
export function readFrame(memory: GuestPtrMemory, f: FrameRequest): Uint8Array | string {
  const out = new Uint8Array(f.srcWidth * f.srcHeight * 4);
  const evenW = f.width + (f.width & 1);
  if (f.format === VMWARE_FOURCC_YV12) {
    const evenH = f.height + (f.height & 1);
    const yPitch = f.pitches[0] || align4(evenW);
    const cPitch = f.pitches[1] || align4(evenW >> 1);
    const uPitch = f.pitches[2] || cPitch;
    const vPlane = f.dataOffset + yPitch * evenH;
    const uPlane = vPlane + cPitch * (evenH >> 1);
    const c0 = f.srcX >> 1;
    const cLen = ((f.srcX + f.srcWidth + 1) >> 1) - c0;
    const yRow = new Uint8Array(f.srcWidth);
    const vRow = new Uint8Array(cLen);
    const uRow = new Uint8Array(cLen);
    for (let r = 0; r < f.srcHeight; r++) {
      const y = f.srcY + r;
      if (!memory.read(f.gmrId, f.dataOffset + y * yPitch + f.srcX, yRow)) return `Y row ${y}`;
      if (!memory.read(f.gmrId, vPlane + (y >> 1) * cPitch + c0, vRow)) return `V row ${y >> 1}`;
      if (!memory.read(f.gmrId, uPlane + (y >> 1) * uPitch + c0, uRow)) return `U row ${y >> 1}`;
      for (let i = 0; i < f.srcWidth; i++) {
        const c = ((f.srcX + i) >> 1) - c0;
        yuvToRgb(yRow[i] as number, uRow[c] as number, vRow[c] as number, out, (r * f.srcWidth + i) * 4);
      }
    }
    return out;
  }
  const yuy2 = f.format === VMWARE_FOURCC_YUY2;
  const pitch = f.pitches[0] || evenW * 2;
  const first = f.srcX & ~1;
  const row = new Uint8Array((((f.srcX + f.srcWidth + 1) & ~1) - first) * 2);
  for (let r = 0; r < f.srcHeight; r++) {
    const y = f.srcY + r;
    if (!memory.read(f.gmrId, f.dataOffset + y * pitch + first * 2, row)) return `row ${y}`;
    for (let i = 0; i < f.srcWidth; i++) {
      const x = f.srcX + i - first;
      const block = (x >> 1) * 4;
      const luma = yuy2 ? block + (x & 1) * 2 : block + 1 + (x & 1) * 2;
      const u = yuy2 ? block + 1 : block;
      const v = yuy2 ? block + 3 : block + 2;
      yuvToRgb(row[luma] as number, row[u] as number, row[v] as number, out, (r * f.srcWidth + i) * 4);
    }
  }
  return out;
}

/** BT.601 studio-range YUV → RGB (`yuvToRgb8` of `src/formats`, exact integers), alpha 255. */
export function yuvToRgb(y: number, u: number, v: number, out: Uint8Array, o: number): void {
  yuvToRgb8(y, u, v, out, o);
  out[o + 3] = 255;
}

function align4(v: number): number {
  return (v + 3) & ~3;
}
