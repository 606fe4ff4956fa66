/**
 * Test helpers for the texture unit: hand-made surfaces, sampler states and requests. Not part
 * of the public API.
 */
import { imageLayout, surfaceFormatInfo } from '../../formats/index.js';
import { DEFAULT_SAMPLER_STATE, type SamplerState } from './sampler-state.js';
import type { SampleRequestLike, SampleVariantLike, SurfaceImageLike, SurfaceViewLike } from './sampler-port.js';

/** A tight image of `format` holding `bytes` (checked to be exactly the layout's size). */
export function image(format: number, width: number, height: number, bytes: Uint8Array, depth = 1): SurfaceImageLike {
  const info = surfaceFormatInfo(format);
  if (info === undefined) throw new Error(`unknown format ${format}`);
  const layout = imageLayout(info, width, height, depth);
  if (layout === undefined || layout.byteSize !== bytes.length) {
    throw new Error(`image ${width}x${height}x${depth} of format ${format} needs ${layout?.byteSize} bytes, got ${bytes.length}`);
  }
  return { width, height, depth, rowPitch: layout.rowPitch, slicePitch: layout.slicePitch, bytes };
}

/** An A8R8G8B8 image from `0xAARRGGBB` texels, rows top to bottom, slices in order. */
export function argbImage(width: number, height: number, texels: readonly number[], depth = 1): SurfaceImageLike {
  const bytes = new Uint8Array(width * height * depth * 4);
  texels.forEach((t, i) => {
    bytes[4 * i] = t & 255;
    bytes[4 * i + 1] = (t >>> 8) & 255;
    bytes[4 * i + 2] = (t >>> 16) & 255;
    bytes[4 * i + 3] = t >>> 24;
  });
  return image(2, width, height, bytes, depth);
}

/** A solid A8R8G8B8 image. */
export function solidImage(width: number, height: number, argb: number, depth = 1): SurfaceImageLike {
  return argbImage(width, height, new Array<number>(width * height * depth).fill(argb), depth);
}

/** A surface of `format` whose `faces[f][m]` are the images. */
export function surface(format: number, faces: readonly (readonly SurfaceImageLike[])[]): SurfaceViewLike {
  return {
    format,
    flags: faces.length === 6 ? 1 : 0,
    faceCount: faces.length,
    mipLevels: faces[0]?.length ?? 0,
    image: (f, m) => faces[f]?.[m],
  };
}

/** A sampler state: the defaults with `overrides`. */
export function samplerState(overrides: Partial<SamplerState> = {}): SamplerState {
  return { ...DEFAULT_SAMPLER_STATE, ...overrides };
}

/** A request of `lanes` lanes (all executing) with the given per-lane values. */
export function request(
  variant: SampleVariantLike,
  coords: readonly number[],
  opts: { ddx?: readonly number[]; ddy?: readonly number[]; lod?: readonly number[]; sampler?: number; mask?: number } = {},
): SampleRequestLike {
  const lanes = Math.ceil(coords.length / 4);
  return {
    sampler: opts.sampler ?? 0,
    variant,
    lanes,
    mask: opts.mask ?? (1 << lanes) - 1,
    coords: Float32Array.from(coords),
    ddx: Float32Array.from(opts.ddx ?? new Array<number>(lanes * 4).fill(0)),
    ddy: Float32Array.from(opts.ddy ?? new Array<number>(lanes * 4).fill(0)),
    lod: Float32Array.from(opts.lod ?? new Array<number>(lanes).fill(0)),
  };
}

/** `k / 255` as a float32: what an 8-bit unorm channel samples as. */
export function u8(k: number): number {
  return Math.fround(k / 255);
}
