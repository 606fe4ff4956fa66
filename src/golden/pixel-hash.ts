/**
 * SHA-256 of decoded RGBA pixels (Node side: `node:crypto`). The hash covers the pixel bytes
 * only; width and height are kept beside it in the manifest, so a 2×8 and a 4×4 image of the same
 * bytes still differ.
 */
import { createHash } from 'node:crypto';
import type { Rgba8Image } from '../common/image.js';

/** Lower-case hex SHA-256 of `image.data`. */
export function pixelSha256(image: Rgba8Image): string {
  return createHash('sha256').update(image.data).digest('hex');
}
