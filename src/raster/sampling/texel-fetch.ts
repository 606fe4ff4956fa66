/**
 * Reading one texel of a prepared level as RGBA floats, with the read-side conversions in a fixed
 * order: decode (the formats module's D3D9 swizzle and missing-channel defaults) → sRGB decode of
 * R, G, B → depth compare. Filtering happens afterwards, so sRGB textures are filtered in linear
 * space and shadow maps are filtered as compare results (percentage-closer filtering).
 *
 * 1×1 channel formats decode straight from the bytes with the format's specialised codec (the
 * level was checked in `prepared-texture.ts`, so every offset is inside the image); formats made
 * only of whole 8-bit unorm channels read their bytes through a `k / 255` table instead, which
 * gives the codec's floats without its per-channel calls. Block formats
 * (DXT/BC, UYVY/YUY2, NV12, AYUV) decode whole blocks into a small direct-mapped cache per level:
 * slot = bx mod 8, by mod 4, z mod 2, so the 2×2 or 2×2×2 footprint of a linear sample never
 * evicts itself. The cache only saves work: a block always decodes to the same floats (the
 * reference mode decodes on every read, and the differential tests compare the two).
 */
import { decodeBlockRgbaF32, decodeImageBlockRgba8 } from '../../formats/index.js';
import { BLOCK_CACHE_SLOTS, BYTE_ONE, type PreparedTexture, type TextureLevel } from './prepared-texture.js';
import { srgbDecode } from './srgb.js';
import { BORDER_TEXEL } from './texel-address.js';

const scratchF32 = new Float32Array(64);

/** `k / 255` rounded to float32: the value of an 8-bit unorm code, as the formats codecs give it. */
export const UNORM8 = Float32Array.from({ length: 256 }, (_, k) => k / 255);

/** A component of a `bytes8` texel at `o`. */
function byteComponent(bytes: Uint8Array, o: number, at: number): number {
  if (at >= 0) return UNORM8[bytes[o + at] as number] as number;
  return at === BYTE_ONE ? 1 : 0;
}
const scratch8 = new Uint8Array(64);

/** Decodes block (bx, by) of slice z into `dst` at `at` (texels row-major, RGBA each). */
function decodeBlock(tex: PreparedTexture, level: TextureLevel, bx: number, by: number, z: number, dst: Float32Array, at: number): void {
  const info = tex.info;
  const n = 4 * info.blockWidth * info.blockHeight;
  let ok: boolean;
  if (info.planar) {
    ok = decodeImageBlockRgba8(tex.format, level.image, bx, by, z, scratch8);
    if (ok) for (let i = 0; i < n; i++) scratchF32[i] = (scratch8[i] as number) / 255;
  } else {
    const img = level.image;
    const offset = z * img.slicePitch + by * img.rowPitch + bx * info.bytesPerBlock;
    ok = decodeBlockRgbaF32(tex.format, img.bytes, offset, scratchF32);
  }
  // The level was checked, so a refusal cannot happen; if it ever did, read opaque black.
  if (!ok) for (let i = 0; i < n; i++) scratchF32[i] = (i & 3) === 3 ? 1 : 0;
  for (let i = 0; i < n; i++) dst[at + i] = scratchF32[i] as number;
}

/**
 * The index in `level.cacheTexels` of texel (x, y, z) of a block format (inside the level),
 * decoding its block into the cache first when needed (always, in reference mode).
 */
export function blockTexelIndex(tex: PreparedTexture, level: TextureLevel, x: number, y: number, z: number): number {
  const { blockWidth: bw, blockHeight: bh } = tex.info;
  const n = 4 * bw * bh;
  const bx = Math.floor(x / bw);
  const by = Math.floor(y / bh);
  const key = (z * level.blocksHigh + by) * level.blocksWide + bx;
  const slot = (bx & 7) | ((by & 3) << 3) | ((z & 1) << 5);
  let keys = level.cacheKeys;
  let texels = level.cacheTexels;
  if (keys === undefined || texels === undefined) {
    keys = new Float64Array(BLOCK_CACHE_SLOTS).fill(-1);
    texels = new Float32Array(BLOCK_CACHE_SLOTS * n);
    level.cacheKeys = keys;
    level.cacheTexels = texels;
  }
  const base = slot * n;
  if (keys[slot] !== key || tex.reference) {
    decodeBlock(tex, level, bx, by, z, texels, base);
    keys[slot] = key;
  }
  return base + 4 * ((y - by * bh) * bw + (x - bx * bw));
}

/** Reads a texel of a block format through the level's cache. */
function fetchBlockTexel(tex: PreparedTexture, level: TextureLevel, x: number, y: number, z: number, out: Float32Array, o: number): void {
  const t = blockTexelIndex(tex, level, x, y, z);
  const texels = level.cacheTexels as Float32Array;
  out[o] = texels[t] as number;
  out[o + 1] = texels[t + 1] as number;
  out[o + 2] = texels[t + 2] as number;
  out[o + 3] = texels[t + 3] as number;
}

/**
 * Writes texel (x, y, z) of `level` into `out[o..o+3]`. Indices come from `addressTexel`: inside
 * the level, or {@link BORDER_TEXEL} on any axis for the border colour. `ref` ≥ 0 is the depth
 * compare reference of a shadow lookup (`texture-sampler.ts` passes it only when
 * `tex.depthCompare`): the texel becomes (c, c, c, 1) with c = 1 when `ref ≤ depth`, else 0
 * (D3D9 hardware shadow maps compare LESSEQUAL); the border's R is the depth there.
 */
export function fetchTexel(
  tex: PreparedTexture,
  level: TextureLevel,
  x: number,
  y: number,
  z: number,
  ref: number,
  out: Float32Array,
  o: number,
): void {
  if (x === BORDER_TEXEL || y === BORDER_TEXEL || z === BORDER_TEXEL) {
    const b = tex.border;
    out[o] = b[0] as number;
    out[o + 1] = b[1] as number;
    out[o + 2] = b[2] as number;
    out[o + 3] = b[3] as number;
  } else if (tex.bytes8 !== undefined) {
    const img = level.image;
    const t = z * img.slicePitch + y * img.rowPitch + x * tex.info.bytesPerBlock;
    const m = tex.bytes8;
    const bytes = img.bytes;
    out[o] = byteComponent(bytes, t, m[0] as number);
    out[o + 1] = byteComponent(bytes, t, m[1] as number);
    out[o + 2] = byteComponent(bytes, t, m[2] as number);
    out[o + 3] = byteComponent(bytes, t, m[3] as number);
    if (tex.srgb) {
      out[o] = srgbDecode(out[o] as number);
      out[o + 1] = srgbDecode(out[o + 1] as number);
      out[o + 2] = srgbDecode(out[o + 2] as number);
    }
  } else if (tex.codec !== undefined) {
    const img = level.image;
    tex.codec.f32(img.bytes, z * img.slicePitch + y * img.rowPitch + x * tex.info.bytesPerBlock, out, o);
    if (tex.srgb) {
      out[o] = srgbDecode(out[o] as number);
      out[o + 1] = srgbDecode(out[o + 1] as number);
      out[o + 2] = srgbDecode(out[o + 2] as number);
    }
  } else {
    fetchBlockTexel(tex, level, x, y, z, out, o);
    if (tex.srgb) {
      out[o] = srgbDecode(out[o] as number);
      out[o + 1] = srgbDecode(out[o + 1] as number);
      out[o + 2] = srgbDecode(out[o + 2] as number);
    }
  }
  if (ref >= 0) {
    const c = ref <= (out[o] as number) ? 1 : 0;
    out[o] = c;
    out[o + 1] = c;
    out[o + 2] = c;
    out[o + 3] = 1;
  }
}
