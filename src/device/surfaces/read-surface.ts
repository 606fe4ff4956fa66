/**
 * Surface read-back for checkpoints of kind 1 and for tools: one image as 8-bit RGBA.
 */
import type { Rgba8Image } from '../../common/image.js';
import { unpackImageRgba8 } from '../../formats/index.js';
import type { SurfaceLookup } from '../surface-image.js';

/**
 * Image (face, mip) of surface `sid` converted with `unpackImageRgba8` (slice 0 of a volume; depth
 * formats as grey levels, 0.0 = black; the conversion rules are src/formats'). Reads only: the
 * surface is not changed. Undefined when the surface or image does not exist or the format has no
 * pixel meaning (BUFFER).
 */
export function readSurfaceRgba8(store: SurfaceLookup, sid: number, face: number, mip: number): Rgba8Image | undefined {
  const surface = store.get(sid);
  const image = surface?.image(face, mip);
  if (surface === undefined || image === undefined) return undefined;
  const data = unpackImageRgba8(surface.format, image, 0);
  if (data === undefined) return undefined;
  return { width: image.width, height: image.height, data };
}
