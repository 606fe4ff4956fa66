/**
 * YUV → RGB for UYVY, YUY2 (2×1 blocks), NV12 (2×2 blocks, planar) and AYUV (1×1).
 *
 * BT.601 studio range (Y in 16–235, Cb/Cr in 16–240 around 128) in 8-bit fixed point, the
 * integer form Microsoft documents for 8-bit YUV → RGB888:
 * ```
 * C = Y − 16, D = Cb − 128, E = Cr − 128
 * R = clamp((298·C + 409·E + 128) >> 8)
 * G = clamp((298·C − 100·D − 208·E + 128) >> 8)
 * B = clamp((298·C + 516·D + 128) >> 8)
 * ```
 * (298/256 ≈ 255/219, 409/256 ≈ 1.596, 100/256 ≈ 0.392, 208/256 ≈ 0.813, 516/256 ≈ 2.017);
 * `>> 8` is an arithmetic shift (floor), clamp to 0..255, so the `+ 128` rounds to nearest with
 * ties up. Float results are these bytes divided by 255. Alpha is 255 except AYUV's own A.
 */
import type { FormatImage } from './format-image.js';

/** Writes the RGB of (y, cb, cr) into `out[o..o+2]`. */
export function yuvToRgb8(y: number, cb: number, cr: number, out: Uint8Array, o: number): void {
  const c = y - 16;
  const d = cb - 128;
  const e = cr - 128;
  out[o] = clamp8((298 * c + 409 * e + 128) >> 8);
  out[o + 1] = clamp8((298 * c - 100 * d - 208 * e + 128) >> 8);
  out[o + 2] = clamp8((298 * c + 516 * d + 128) >> 8);
}

function clamp8(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

/**
 * Decodes the 4-byte 2×1 UYVY (`yuy2` false) or YUY2 (`yuy2` true) block at `b[o]` into the
 * two RGBA texels `out[0..7]`. The caller has checked the bounds.
 */
export function decodePackedYuvBlock(b: Uint8Array, o: number, yuy2: boolean, out: Uint8Array): void {
  const b0 = b[o] ?? 0;
  const b1 = b[o + 1] ?? 0;
  const b2 = b[o + 2] ?? 0;
  const b3 = b[o + 3] ?? 0;
  // UYVY: U0 Y0 V0 Y1; YUY2: Y0 U0 Y1 V0.
  const [y0, cb, y1, cr] = yuy2 ? [b0, b1, b2, b3] : [b1, b0, b3, b2];
  yuvToRgb8(y0, cb, cr, out, 0);
  out[3] = 255;
  yuvToRgb8(y1, cb, cr, out, 4);
  out[7] = 255;
}

/** Decodes the AYUV texel (bytes V, U, Y, A) at `b[o]` into `out[p..p+3]`. Bounds checked by the caller. */
export function decodeAyuvTexel(b: Uint8Array, o: number, out: Uint8Array, p: number): void {
  yuvToRgb8(b[o + 2] ?? 0, b[o + 1] ?? 0, b[o] ?? 0, out, p);
  out[p + 3] = b[o + 3] ?? 255;
}

/**
 * Decodes the 2×2 NV12 block (bx, by) of slice `z` into `out[0..15]` (texels row-major). The
 * luma plane is `2 × blocksHigh` rows of `rowPitch` bytes from the slice start, then the CbCr
 * plane (`blocksHigh` rows, Cb then Cr per block). Returns false, writing nothing, when a byte
 * it needs lies outside `image.bytes`.
 */
export function decodeNv12Block(
  image: FormatImage,
  blocksHigh: number,
  bx: number,
  by: number,
  z: number,
  out: Uint8Array,
): boolean {
  const { rowPitch, slicePitch, bytes } = image;
  const slice = z * slicePitch;
  const lumaRow0 = slice + 2 * by * rowPitch + 2 * bx;
  const lumaRow1 = lumaRow0 + rowPitch;
  const chroma = slice + (2 * blocksHigh + by) * rowPitch + 2 * bx;
  if (lumaRow1 + 2 > bytes.length || chroma + 2 > bytes.length) return false;
  const cb = bytes[chroma] ?? 0;
  const cr = bytes[chroma + 1] ?? 0;
  const ys = [bytes[lumaRow0] ?? 0, bytes[lumaRow0 + 1] ?? 0, bytes[lumaRow1] ?? 0, bytes[lumaRow1 + 1] ?? 0];
  for (let i = 0; i < 4; i++) {
    yuvToRgb8(ys[i] ?? 0, cb, cr, out, i * 4);
    out[i * 4 + 3] = 255;
  }
  return true;
}
