/** An 8-bit RGBA image, rows top to bottom, 4 bytes per pixel in R, G, B, A order. */
export interface Rgba8Image {
  readonly width: number;
  readonly height: number;
  /** `width * height * 4` bytes. */
  readonly data: Uint8Array;
}

/** A new image of the given size, every byte zero (transparent black). */
export function createRgba8Image(width: number, height: number): Rgba8Image {
  return { width, height, data: new Uint8Array(width * height * 4) };
}
