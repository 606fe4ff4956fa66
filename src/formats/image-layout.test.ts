import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { imageLayout, MAX_IMAGE_BYTES } from './image-layout.js';
import { SURFACE_FORMATS, SVGA3dSurfaceFormat as F, surfaceFormatInfo, type SurfaceFormatInfo } from './surface-formats.js';

function info(id: number): SurfaceFormatInfo {
  const i = surfaceFormatInfo(id);
  if (i === undefined) throw new Error(`no format ${id}`);
  return i;
}

describe('imageLayout', () => {
  test('tightly packed rows and slices', () => {
    expect(imageLayout(info(F.X8R8G8B8), 640, 480, 1)).toEqual({ rowPitch: 2560, slicePitch: 1228800, byteSize: 1228800, blocksWide: 640, blocksHigh: 480 });
    expect(imageLayout(info(F.BUMPL8V8U8), 5, 2, 3)).toEqual({ rowPitch: 15, slicePitch: 30, byteSize: 90, blocksWide: 5, blocksHigh: 2 });
    expect(imageLayout(info(F.BUFFER), 1000, 1, 1)).toEqual({ rowPitch: 1000, slicePitch: 1000, byteSize: 1000, blocksWide: 1000, blocksHigh: 1 });
  });
  test('blocks round up', () => {
    // A 3×3 DXT1 level is one 4×4 block of 8 bytes.
    expect(imageLayout(info(F.DXT1), 3, 3, 1)).toEqual({ rowPitch: 8, slicePitch: 8, byteSize: 8, blocksWide: 1, blocksHigh: 1 });
    // 5×5×2 DXT5: 2×2 blocks of 16 bytes per slice.
    expect(imageLayout(info(F.DXT5), 5, 5, 2)).toEqual({ rowPitch: 32, slicePitch: 64, byteSize: 128, blocksWide: 2, blocksHigh: 2 });
    // 1×1 BC4: still one 8-byte block.
    expect(imageLayout(info(F.BC4_UNORM), 1, 1, 1)?.byteSize).toBe(8);
    // UYVY 3×1: two 2×1 blocks.
    expect(imageLayout(info(F.UYVY), 3, 1, 1)).toEqual({ rowPitch: 8, slicePitch: 8, byteSize: 8, blocksWide: 2, blocksHigh: 1 });
  });
  test('NV12: luma row pitch, 6 bytes per 2×2 block', () => {
    // 4×4: 2×2 blocks, rowPitch 2·2 = 4, 16 luma + 8 chroma bytes.
    expect(imageLayout(info(F.NV12), 4, 4, 1)).toEqual({ rowPitch: 4, slicePitch: 24, byteSize: 24, blocksWide: 2, blocksHigh: 2 });
    expect(imageLayout(info(F.NV12), 3, 3, 2)).toEqual({ rowPitch: 4, slicePitch: 24, byteSize: 48, blocksWide: 2, blocksHigh: 2 });
  });
  test('zero sizes give zero bytes', () => {
    expect(imageLayout(info(F.A8R8G8B8), 0, 7, 1)).toEqual({ rowPitch: 0, slicePitch: 0, byteSize: 0, blocksWide: 0, blocksHigh: 7 });
  });
  test('overflow and limits', () => {
    const argb = info(F.A8R8G8B8);
    expect(imageLayout(argb, 0xffffffff, 1, 1)).toBeUndefined(); // row pitch 2^34 − 4
    expect(imageLayout(argb, 65536, 65536, 1)).toBeUndefined(); // 2^34
    expect(imageLayout(argb, 32768, 16384, 1)?.byteSize).toBe(MAX_IMAGE_BYTES); // exactly 2^31 is allowed
    expect(imageLayout(argb, 32768, 16384, 2)).toBeUndefined();
    expect(imageLayout(argb, 1, 1, 0xffffffff)).toBeUndefined();
    expect(imageLayout(argb, 16, 16, 1, 1024)?.byteSize).toBe(1024);
    expect(imageLayout(argb, 16, 16, 1, 1023)).toBeUndefined();
    expect(imageLayout(argb, 16, 16, 1, 2 ** 40)?.byteSize).toBe(1024); // the cap is still 2^31
    expect(imageLayout(argb, 2 ** 32, 1, 1)).toBeUndefined(); // not a u32
    expect(imageLayout(argb, -1, 1, 1)).toBeUndefined();
    expect(imageLayout(argb, 1.5, 1, 1)).toBeUndefined();
    expect(imageLayout(argb, NaN, 1, 1)).toBeUndefined();
    expect(imageLayout(argb, 1, 1, 1, NaN)?.byteSize).toBe(4); // a nonsense limit means the default
  });
  test('property: the result is exact or undefined exactly when a size exceeds the limit', () => {
    const u32 = fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 4096 }));
    fc.assert(
      fc.property(fc.constantFrom(...SURFACE_FORMATS), u32, u32, u32, fc.integer({ min: 0, max: 2 ** 32 }), (f, w, h, d, limit) => {
        const cap = BigInt(Math.min(limit, MAX_IMAGE_BYTES));
        const bw = BigInt(Math.ceil(w / f.blockWidth));
        const bh = BigInt(Math.ceil(h / f.blockHeight));
        const row = bw * BigInt(f.pitchBytesPerBlock);
        const slice = f.planar ? bw * bh * BigInt(f.bytesPerBlock) : bh * row;
        const total = slice * BigInt(d);
        const layout = imageLayout(f, w, h, d, limit);
        if (row > cap || slice > cap || total > cap) {
          expect(layout).toBeUndefined();
        } else {
          expect(layout).toEqual({ rowPitch: Number(row), slicePitch: Number(slice), byteSize: Number(total), blocksWide: Number(bw), blocksHigh: Number(bh) });
        }
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
