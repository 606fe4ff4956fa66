/**
 * Whole-slice conversion of an image to RGBA: float32 for filtering and blits, 8-bit for what a
 * screen or a checkpoint shows. Both give `width × height × 4` values, rows top to bottom.
 *
 * RGBA8 rules (see `normalized.ts`, `bc-decode.ts`, `yuv.ts`): 8-bit unorm channels are copied
 * exactly; n-bit unorm `round(v × 255 / (2^n − 1))` in integers; float clamp to [0, 1] then
 * `floor(v × 255 + 0.5)` in float64 (NaN → 0); signed channels `round((v + 1) / 2 × 255)`, ties up;
 * depth as grey `round(D × 255 / (2^n − 1))` (0.0 = black) with alpha 255; missing channels as
 * Direct3D 9 defines them (1 → 255, 0 → 0).
 */
import { decodeImageBlockRgba8 } from './decode.js';
import { checkImage, type CheckedImage, type FormatImage } from './format-image.js';
import { surfaceFormatInfo, SVGA3dSurfaceFormat, type SurfaceFormatInfo } from './surface-formats.js';
import { texelCodec } from './texel-codec.js';
import { decodeAyuvTexel } from './yuv.js';

/**
 * Largest image (in pixels) these functions convert in one call: 2^26 = 8192 × 8192, the
 * biggest D3D9 texture. Above it they return undefined instead of attempting a huge allocation.
 */
export const MAX_UNPACK_PIXELS = 2 ** 26;

interface Prepared {
  readonly info: SurfaceFormatInfo;
  readonly checked: CheckedImage;
}

function prepare(format: number, image: FormatImage, slice: number): Prepared | undefined {
  const info = surfaceFormatInfo(format);
  if (info === undefined || info.kind === 'buffer') return undefined;
  const checked = checkImage(info, image);
  if (checked === undefined) return undefined;
  if (!Number.isInteger(slice) || slice < 0 || slice >= image.depth) return undefined;
  if (image.width * image.height > MAX_UNPACK_PIXELS) return undefined;
  return { info, checked };
}

const block8 = new Uint8Array(64);

/** Walks the blocks of a block format, writing each decoded texel through `put`. */
function eachBlockTexel(
  format: number,
  p: Prepared,
  image: FormatImage,
  slice: number,
  put: (pixel: number, src: Uint8Array, s: number) => void,
): boolean {
  const { blockWidth: bw, blockHeight: bh } = p.info;
  for (let by = 0; by < p.checked.blocksHigh; by++) {
    for (let bx = 0; bx < p.checked.blocksWide; bx++) {
      if (!decodeImageBlockRgba8(format, image, bx, by, slice, block8)) return false;
      for (let ty = 0; ty < bh; ty++) {
        const y = by * bh + ty;
        if (y >= image.height) break;
        for (let tx = 0; tx < bw; tx++) {
          const x = bx * bw + tx;
          if (x >= image.width) break;
          put(y * image.width + x, block8, (ty * bw + tx) * 4);
        }
      }
    }
  }
  return true;
}

/**
 * Slice `slice` of `image` as RGBA float32, `width × height × 4` values. Undefined when the format
 * is unknown or BUFFER, the image is inconsistent with the format (pitches, byte length), the
 * slice is out of range, or the image has more than {@link MAX_UNPACK_PIXELS} pixels.
 */
export function unpackImageRgbaF32(format: number, image: FormatImage, slice: number): Float32Array | undefined {
  const p = prepare(format, image, slice);
  if (p === undefined) return undefined;
  const { info } = p;
  const out = new Float32Array(image.width * image.height * 4);
  const codec = texelCodec(format);
  if (codec !== undefined) {
    const base = slice * image.slicePitch;
    for (let y = 0; y < image.height; y++) {
      const row = base + y * image.rowPitch;
      for (let x = 0; x < image.width; x++) {
        codec.f32(image.bytes, row + x * info.bytesPerBlock, out, (y * image.width + x) * 4);
      }
    }
    return out;
  }
  const ok = eachBlockTexel(format, p, image, slice, (pixel, src, s) => {
    for (let i = 0; i < 4; i++) out[pixel * 4 + i] = (src[s + i] ?? 0) / 255;
  });
  return ok ? out : undefined;
}

/**
 * Slice `slice` of `image` as 8-bit RGBA, `width × height × 4` bytes, by the rules in this
 * module's header. Undefined in the same cases as {@link unpackImageRgbaF32}.
 */
export function unpackImageRgba8(format: number, image: FormatImage, slice: number): Uint8Array | undefined {
  const p = prepare(format, image, slice);
  if (p === undefined) return undefined;
  const { info } = p;
  const { width, height, rowPitch, bytes } = image;
  const out = new Uint8Array(width * height * 4);
  const base = slice * image.slicePitch;
  if (format === SVGA3dSurfaceFormat.A8R8G8B8 || format === SVGA3dSurfaceFormat.X8R8G8B8) {
    // The screen formats: a byte shuffle, B G R A/X → R G B A.
    const opaque = format === SVGA3dSurfaceFormat.X8R8G8B8;
    for (let y = 0; y < height; y++) {
      let s = base + y * rowPitch;
      let d = y * width * 4;
      for (let x = 0; x < width; x++, s += 4, d += 4) {
        out[d] = bytes[s + 2] ?? 0;
        out[d + 1] = bytes[s + 1] ?? 0;
        out[d + 2] = bytes[s] ?? 0;
        out[d + 3] = opaque ? 255 : (bytes[s + 3] ?? 0);
      }
    }
    return out;
  }
  const codec = texelCodec(format);
  if (codec !== undefined || info.id === SVGA3dSurfaceFormat.AYUV) {
    for (let y = 0; y < height; y++) {
      const row = base + y * rowPitch;
      for (let x = 0; x < width; x++) {
        const s = row + x * info.bytesPerBlock;
        const d = (y * width + x) * 4;
        if (codec !== undefined) codec.rgba8(bytes, s, out, d);
        else decodeAyuvTexel(bytes, s, out, d);
      }
    }
    return out;
  }
  const ok = eachBlockTexel(format, p, image, slice, (pixel, src, s) => {
    for (let i = 0; i < 4; i++) out[pixel * 4 + i] = src[s + i] ?? 0;
  });
  return ok ? out : undefined;
}
