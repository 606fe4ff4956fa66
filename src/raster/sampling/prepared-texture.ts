/**
 * A bound surface checked once per sampler build: its format, the faces and mip levels that are
 * safe to read, and the per-sampler read options (sRGB, depth compare, border colour).
 *
 * Every image is checked against its format before any byte is read: integer sizes from 1 to
 * {@link MAX_SAMPLED_DIMENSION},
 * row and slice pitches at least the tight ones, and `bytes` long enough for every block of every
 * slice. The mip chain ends at the first level that fails (or at {@link MAX_SAMPLED_LEVELS});
 * a surface whose level 0 fails, an unknown or BUFFER format, or a cube sampler on a surface
 * without 6 faces leaves the sampler unbound.
 */
import {
  imageLayout,
  surfaceFormatInfo,
  texelCodec,
  type SurfaceFormatInfo,
  type TexelCodec,
} from '../../formats/index.js';
import { isSrgbGamma, type SamplerShape, type SamplerState } from './sampler-state.js';
import type { SurfaceImageLike, SurfaceViewLike } from './sampler-port.js';

/** Mip levels a sampler reads at most (a 2^31-texel axis has 32). */
export const MAX_SAMPLED_LEVELS = 32;

/**
 * The largest width, height or depth sampled (D3D9-class devices report 8192 or 16384): it keeps
 * every texel index and block number an int32, which the addressing relies on.
 */
export const MAX_SAMPLED_DIMENSION = 1 << 24;

/** Entries of a level's decoded-block cache (see `texel-fetch.ts`). */
export const BLOCK_CACHE_SLOTS = 64;

/** `bytes8` entry of a component that is the constant 0. */
export const BYTE_ZERO = -1;
/** `bytes8` entry of a component that is the constant 1. */
export const BYTE_ONE = -2;

/** The `bytes8` map of `info`, when every component qualifies. */
function byteMap(info: SurfaceFormatInfo): Int32Array | undefined {
  if (info.rgba === null || info.blockWidth !== 1 || info.blockHeight !== 1) return undefined;
  const map = new Int32Array(4);
  for (let k = 0; k < 4; k++) {
    const src = info.rgba[k];
    if (src === 'zero') map[k] = BYTE_ZERO;
    else if (src === 'one') map[k] = BYTE_ONE;
    else if (typeof src === 'number') {
      const c = info.channels[src];
      if (c === undefined || c.type !== 'unorm' || c.bits !== 8 || c.offset % 8 !== 0) return undefined;
      map[k] = c.offset / 8;
    } else return undefined;
  }
  return map;
}

/** One readable (face, mip) image. */
export interface TextureLevel {
  readonly image: SurfaceImageLike;
  readonly width: number;
  readonly height: number;
  readonly depth: number;
  readonly blocksWide: number;
  readonly blocksHigh: number;
  /** Decoded blocks of block formats, allocated on first use: block keys, −1 when empty. */
  cacheKeys: Float64Array | undefined;
  /** RGBA floats of each cached block, texels row-major. */
  cacheTexels: Float32Array | undefined;
}

/** A surface ready for sampling with one sampler state. */
export interface PreparedTexture {
  readonly format: number;
  readonly info: SurfaceFormatInfo;
  /** The sampler's shape with `auto` resolved from the surface. */
  readonly shape: Exclude<SamplerShape, 'auto'>;
  /** The fast decoder of 1×1 channel formats; undefined for block, YUV and planar formats. */
  readonly codec: TexelCodec | undefined;
  /**
   * For formats whose R, G, B, A each come from a byte-aligned 8-bit unorm channel or a constant
   * (A8R8G8B8, X8R8G8B8, LUMINANCE8, LUMINANCE8_ALPHA8, ALPHA8): per component the byte offset in
   * the texel, or {@link BYTE_ZERO} / {@link BYTE_ONE}. The direct read gives the codec's floats.
   */
  readonly bytes8: Int32Array | undefined;
  /** Reference mode: no shortcuts (no `bytes8`, no block cache, no fast kernels). */
  readonly reference: boolean;
  /** `faces[face][mip]`: 1 face, or 6 for cube samplers; every face has `levelCount` levels. */
  readonly faces: readonly (readonly TextureLevel[])[];
  readonly levelCount: number;
  /** Decode colour channels from sRGB (GAMMA > 1.5 on an 8-bit-or-narrower unorm format). */
  readonly srgb: boolean;
  /** Shadow sampler on a depth format: texels read as depth compares. */
  readonly depthCompare: boolean;
  /** BORDERCOLOR as RGBA floats `byte / 255` (used as is: no sRGB decode, no swizzle). */
  readonly border: Float32Array;
}

function isSize(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= MAX_SAMPLED_DIMENSION;
}

function isPitch(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 0xffffffff;
}

/** The level of `image`, or undefined when reading it could go outside its bytes. */
function checkLevel(info: SurfaceFormatInfo, image: SurfaceImageLike | undefined): TextureLevel | undefined {
  if (image === undefined || !(image.bytes instanceof Uint8Array)) return undefined;
  const { width, height, depth, rowPitch, slicePitch, bytes } = image;
  if (!isSize(width) || !isSize(height) || !isSize(depth) || !isPitch(rowPitch) || !isPitch(slicePitch)) return undefined;
  const tight = imageLayout(info, width, height, depth);
  if (tight === undefined || rowPitch < tight.rowPitch) return undefined;
  if (info.planar) {
    // NV12's decoder re-checks the planes on every block; accept only the tight layout here.
    if (rowPitch !== tight.rowPitch || slicePitch !== tight.slicePitch || bytes.length < tight.byteSize) return undefined;
  } else {
    if (depth > 1 && slicePitch < tight.blocksHigh * rowPitch) return undefined;
    const sliceExtent = (tight.blocksHigh - 1) * rowPitch + tight.blocksWide * info.bytesPerBlock;
    if ((depth - 1) * slicePitch + sliceExtent > bytes.length) return undefined;
  }
  return {
    image,
    width,
    height,
    depth,
    blocksWide: tight.blocksWide,
    blocksHigh: tight.blocksHigh,
    cacheKeys: undefined,
    cacheTexels: undefined,
  };
}

/** Formats whose colour channels sRGB decode applies to: unorm channels of at most 8 bits, DXT1–5. */
function srgbCapable(info: SurfaceFormatInfo): boolean {
  if (info.kind === 'bc1' || info.kind === 'bc2' || info.kind === 'bc3') return true;
  if (info.kind !== 'color-unorm' && info.kind !== 'luminance-alpha') return false;
  return info.channels.every((c) => c.type !== 'unorm' || c.bits <= 8);
}

/** BORDERCOLOR `0xAARRGGBB` → (r, g, b, a) floats. */
export function borderRgba(argb: number): Float32Array {
  const w = argb >>> 0;
  return new Float32Array([((w >>> 16) & 255) / 255, ((w >>> 8) & 255) / 255, (w & 255) / 255, (w >>> 24) / 255]);
}

/** The shape an undeclared sampler takes from its surface (see `SamplerShape`). */
function autoShape(surface: SurfaceViewLike): Exclude<SamplerShape, 'auto'> {
  if (surface.faceCount === 6) return 'cube';
  const level0 = surface.image(0, 0);
  return level0 !== undefined && Number.isInteger(level0.depth) && level0.depth > 1 ? 'volume' : '2d';
}

/**
 * Checks `surface` for sampling with `state`; undefined when the sampler must behave as unbound,
 * after telling `unusable` why (a bound surface that cannot be sampled; no call for an empty slot).
 * Never throws: every field of the view is treated as untrusted.
 */
export function prepareTexture(
  surface: SurfaceViewLike | undefined,
  state: SamplerState,
  unusable?: (reason: string) => void,
  reference = false,
): PreparedTexture | undefined {
  if (surface === undefined) return undefined;
  const info = surfaceFormatInfo(surface.format);
  if (info === undefined || info.kind === 'buffer') {
    unusable?.(`format ${surface.format} cannot be sampled`);
    return undefined;
  }
  const shape = state.shape === 'auto' ? autoShape(surface) : state.shape;
  const cube = shape === 'cube';
  if (cube && surface.faceCount !== 6) {
    unusable?.(`a cube sampler needs 6 faces, the surface has ${surface.faceCount}`);
    return undefined;
  }
  const faceCount = cube ? 6 : 1;
  const declared = Number.isInteger(surface.mipLevels) && surface.mipLevels > 0 ? Math.min(surface.mipLevels, MAX_SAMPLED_LEVELS) : 0;
  const faces: TextureLevel[][] = [];
  let levelCount = declared;
  for (let f = 0; f < faceCount; f++) {
    const levels: TextureLevel[] = [];
    for (let m = 0; m < levelCount; m++) {
      const level = checkLevel(info, surface.image(f, m));
      if (level === undefined) break;
      levels.push(level);
    }
    levelCount = levels.length;
    faces.push(levels);
  }
  if (levelCount === 0) {
    unusable?.(`level 0 of ${info.name} is missing or inconsistent with its size`);
    return undefined;
  }
  for (const levels of faces) levels.length = levelCount;
  // Only 2D shadow samplers exist (SVGA3DSAMP_2D_SHADOW); the reference is the coordinate's z.
  const depthCompare = state.shadow && shape === '2d' && (info.kind === 'depth' || info.kind === 'depth-stencil');
  return {
    format: info.id,
    info,
    shape,
    codec: info.rgba !== null && info.blockWidth === 1 && info.blockHeight === 1 ? texelCodec(info.id) : undefined,
    bytes8: reference ? undefined : byteMap(info),
    reference,
    faces,
    levelCount,
    srgb: !depthCompare && isSrgbGamma(state.gamma) && srgbCapable(info),
    depthCompare,
    border: borderRgba(state.borderColor),
  };
}
