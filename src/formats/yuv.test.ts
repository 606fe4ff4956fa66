import { describe, expect, test } from 'vitest';
import { decodeBlockRgba8, decodeImageBlockRgba8 } from './decode.js';
import { SVGA3dSurfaceFormat as F } from './surface-formats.js';
import { unpackImageRgba8 } from './unpack-image.js';
import { yuvToRgb8 } from './yuv.js';

function rgb(y: number, cb: number, cr: number): number[] {
  const out = new Uint8Array(3);
  yuvToRgb8(y, cb, cr, out, 0);
  return Array.from(out);
}

describe('BT.601 studio-range conversion', () => {
  test('black, white and grey', () => {
    // Y 16: (0 + 128) >> 8 = 0. Y 235: (298·219 + 128) >> 8 = 65390 >> 8 = 255.
    expect(rgb(16, 128, 128)).toEqual([0, 0, 0]);
    expect(rgb(235, 128, 128)).toEqual([255, 255, 255]);
    // Y 81: (298·65 + 128) >> 8 = 19498 >> 8 = 76. Y 145: (298·129 + 128) >> 8 = 38570 >> 8 = 150.
    expect(rgb(81, 128, 128)).toEqual([76, 76, 76]);
    expect(rgb(145, 128, 128)).toEqual([150, 150, 150]);
  });
  test('red (Y 81, Cb 90, Cr 240) and a clamped pink', () => {
    // C = 65, D = −38, E = 112. R = (19370 + 45808 + 128) >> 8 = 255;
    // G = (19370 + 3800 − 23296 + 128) >> 8 = 2 >> 8 = 0; B = (19370 − 19608 + 128) >> 8 = −1 → 0.
    expect(rgb(81, 90, 240)).toEqual([255, 0, 0]);
    // C = 129: R = (38442 + 45808 + 128) >> 8 = 329 → 255; G = 19074 >> 8 = 74; B = 18962 >> 8 = 74.
    expect(rgb(145, 90, 240)).toEqual([255, 74, 74]);
  });
  test('extremes clamp', () => {
    // C = −16, D = E = −128: G = (−4768 + 12800 + 26624 + 128) >> 8 = 34784 >> 8 = 135; R, B < 0.
    expect(rgb(0, 0, 0)).toEqual([0, 135, 0]);
    // C = 239, D = E = 127: G = (71222 − 12700 − 26416 + 128) >> 8 = 32234 >> 8 = 125; R, B > 255.
    expect(rgb(255, 255, 255)).toEqual([255, 125, 255]);
  });
});

describe('packed 2×1 formats', () => {
  test('UYVY: bytes U0 Y0 V0 Y1', () => {
    const out = new Uint8Array(8);
    expect(decodeBlockRgba8(F.UYVY, new Uint8Array([90, 81, 240, 145]), 0, out)).toBe(true);
    expect(Array.from(out)).toEqual([255, 0, 0, 255, 255, 74, 74, 255]);
  });
  test('YUY2: bytes Y0 U0 Y1 V0', () => {
    const out = new Uint8Array(8);
    expect(decodeBlockRgba8(F.YUY2, new Uint8Array([81, 90, 145, 240]), 0, out)).toBe(true);
    expect(Array.from(out)).toEqual([255, 0, 0, 255, 255, 74, 74, 255]);
  });
  test('an odd-width UYVY image shows only its real pixels', () => {
    // 3×1: two blocks; the second block's Y1 is padding.
    const image = { width: 3, height: 1, depth: 1, rowPitch: 8, slicePitch: 8, bytes: new Uint8Array([128, 16, 128, 235, 128, 81, 128, 16]) };
    expect(Array.from(unpackImageRgba8(F.UYVY, image, 0) ?? [])).toEqual([0, 0, 0, 255, 255, 255, 255, 255, 76, 76, 76, 255]);
  });
});

describe('NV12 (2×2 blocks: luma plane then interleaved CbCr)', () => {
  test('2×2 image', () => {
    // rowPitch 2; luma rows [16, 235], [81, 145]; chroma row [128, 128].
    const image = { width: 2, height: 2, depth: 1, rowPitch: 2, slicePitch: 6, bytes: new Uint8Array([16, 235, 81, 145, 128, 128]) };
    expect(Array.from(unpackImageRgba8(F.NV12, image, 0) ?? [])).toEqual([
      0, 0, 0, 255, 255, 255, 255, 255, 76, 76, 76, 255, 150, 150, 150, 255,
    ]);
  });
  test('4×2 image: each block takes its own Cb Cr pair', () => {
    // rowPitch 4, luma 2 rows of Y 81, chroma row [90, 240 | 128, 128].
    const bytes = new Uint8Array([81, 81, 81, 81, 81, 81, 81, 81, 90, 240, 128, 128]);
    const image = { width: 4, height: 2, depth: 1, rowPitch: 4, slicePitch: 12, bytes };
    const red = [255, 0, 0, 255];
    const grey = [76, 76, 76, 255];
    expect(Array.from(unpackImageRgba8(F.NV12, image, 0) ?? [])).toEqual([...red, ...red, ...grey, ...grey, ...red, ...red, ...grey, ...grey]);
    const out = new Uint8Array(16);
    expect(decodeImageBlockRgba8(F.NV12, image, 1, 0, 0, out)).toBe(true);
    expect(Array.from(out)).toEqual([...grey, ...grey, ...grey, ...grey]);
    expect(decodeImageBlockRgba8(F.NV12, image, 2, 0, 0, out)).toBe(false);
  });
  test('an NV12 image whose bytes miss the chroma plane is rejected', () => {
    const image = { width: 2, height: 2, depth: 1, rowPitch: 2, slicePitch: 6, bytes: new Uint8Array(5) };
    expect(unpackImageRgba8(F.NV12, image, 0)).toBeUndefined();
  });
});
