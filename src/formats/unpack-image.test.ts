import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeBlockRgba8, decodeTexelRgbaF32 } from './decode.js';
import { imageLayout } from './image-layout.js';
import { SURFACE_FORMATS, SVGA3dSurfaceFormat as F } from './surface-formats.js';
import { MAX_UNPACK_PIXELS, unpackImageRgba8, unpackImageRgbaF32 } from './unpack-image.js';

describe('unpackImageRgba8 / unpackImageRgbaF32', () => {
  // R5G6B5 2×2×2, rowPitch 6 (2 padding bytes), slicePitch 14 (2 more).
  const bytes = new Uint8Array(28).fill(0xaa);
  const put = (o: number, word: number): void => {
    bytes[o] = word & 255;
    bytes[o + 1] = word >>> 8;
  };
  put(14, 0xf800); // slice 1 (0, 0) red
  put(16, 0x07e0); // (1, 0) green
  put(20, 0x001f); // (0, 1) blue
  put(22, 0xffff); // (1, 1) white
  const image = { width: 2, height: 2, depth: 2, rowPitch: 6, slicePitch: 14, bytes };

  test('reads one slice through row and slice pitches', () => {
    expect(Array.from(unpackImageRgba8(F.R5G6B5, image, 1) ?? [])).toEqual([
      255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255,
    ]);
    expect(Array.from(unpackImageRgbaF32(F.R5G6B5, image, 1) ?? [])).toEqual([1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1]);
    // Slice 0 is all 0xAAAA: r5 21 → 173, g6 21 → 85, b5 10 → 82.
    expect(Array.from(unpackImageRgba8(F.R5G6B5, image, 0)?.subarray(0, 4) ?? [])).toEqual([173, 85, 82, 255]);
  });
  test('rejects inconsistent images and slices', () => {
    expect(unpackImageRgba8(F.R5G6B5, image, 2)).toBeUndefined();
    expect(unpackImageRgba8(F.R5G6B5, image, -1)).toBeUndefined();
    expect(unpackImageRgba8(F.R5G6B5, { ...image, rowPitch: 3 }, 0)).toBeUndefined(); // below the tight 4
    expect(unpackImageRgba8(F.R5G6B5, { ...image, slicePitch: 8 }, 0)).toBeUndefined(); // slices overlap
    expect(unpackImageRgba8(F.R5G6B5, { ...image, bytes: bytes.subarray(0, 23) }, 0)).toBeUndefined();
    expect(unpackImageRgba8(F.R5G6B5, { ...image, rowPitch: 1.5 }, 0)).toBeUndefined();
    expect(unpackImageRgba8(F.R5G6B5, { ...image, depth: NaN }, 0)).toBeUndefined();
    expect(unpackImageRgba8(F.R5G6B5, { ...image, depth: 2 ** 40 }, 0)).toBeUndefined();
    expect(unpackImageRgba8(F.BUFFER, image, 0)).toBeUndefined();
    expect(unpackImageRgba8(0xdead, image, 0)).toBeUndefined();
    expect(unpackImageRgbaF32(F.DXT1, { ...image, bytes: new Uint8Array(7) }, 0)).toBeUndefined();
  });
  test('images above MAX_UNPACK_PIXELS are refused before allocating', () => {
    // 16384 × 4100 DXT1 = 4096 × 1025 blocks of 8 bytes: consistent, but 2^26 + 65536 pixels.
    const big = { width: 16384, height: 4100, depth: 1, rowPitch: 4096 * 8, slicePitch: 4096 * 8 * 1025, bytes: new Uint8Array(4096 * 8 * 1025) };
    expect(big.width * big.height).toBeGreaterThan(MAX_UNPACK_PIXELS);
    expect(unpackImageRgba8(F.DXT1, big, 0)).toBeUndefined();
    expect(unpackImageRgbaF32(F.DXT1, big, 0)).toBeUndefined();
  });
  test('the last slice needs only its own extent', () => {
    // 2×2 R5G6B5 slice 1 ends at 14 + 6 + 4 = 24 bytes.
    expect(unpackImageRgba8(F.R5G6B5, { ...image, bytes: bytes.subarray(0, 24) }, 1)).toBeDefined();
  });
  test('X8R8G8B8 and A8R8G8B8 swizzle bytes exactly', () => {
    const px = { width: 2, height: 1, depth: 1, rowPitch: 8, slicePitch: 8, bytes: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]) };
    expect(Array.from(unpackImageRgba8(F.A8R8G8B8, px, 0) ?? [])).toEqual([3, 2, 1, 4, 7, 6, 5, 8]);
    expect(Array.from(unpackImageRgba8(F.X8R8G8B8, px, 0) ?? [])).toEqual([3, 2, 1, 255, 7, 6, 5, 255]);
  });
  test('depth formats show as grey with alpha 255', () => {
    // Z_D24S8 texels: depth 0 with stencil 0xFF, depth 0xFFFFFF, depth 0x800000.
    const px = { width: 3, height: 1, depth: 1, rowPitch: 12, slicePitch: 12, bytes: new Uint8Array([0xff, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0, 0, 0, 0x80]) };
    expect(Array.from(unpackImageRgba8(F.Z_D24S8, px, 0) ?? [])).toEqual([0, 0, 0, 255, 255, 255, 255, 255, 128, 128, 128, 255]);
  });
  test('DXT1 3×3 image: the visible part of one block', () => {
    // Solid red block: color0 = color1 = 0xF800 (three-colour mode), all indices 0.
    const img = { width: 3, height: 3, depth: 1, rowPitch: 8, slicePitch: 8, bytes: new Uint8Array([0x00, 0xf8, 0x00, 0xf8, 0, 0, 0, 0]) };
    const out = unpackImageRgba8(F.DXT1, img, 0);
    expect(out?.length).toBe(36);
    expect(Array.from(out ?? [])).toEqual(new Array(9).fill([255, 0, 0, 255]).flat());
  });
  test('DXT1 5×5 image: blocks land in their 4×4 cells', () => {
    // 2×2 blocks: block (bx, by) is solid colour c[by·2 + bx]; texel (4, 4) comes from block (1, 1).
    const colours = [0xf800, 0x07e0, 0x001f, 0xffff];
    const data = new Uint8Array(32);
    colours.forEach((c, i) => {
      data.set([c & 255, c >>> 8, c & 255, c >>> 8, 0, 0, 0, 0], i * 8);
    });
    const img = { width: 5, height: 5, depth: 1, rowPitch: 16, slicePitch: 32, bytes: data };
    const out = unpackImageRgba8(F.DXT1, img, 0) ?? new Uint8Array(0);
    const at = (x: number, y: number): number[] => Array.from(out.subarray((y * 5 + x) * 4, (y * 5 + x) * 4 + 4));
    expect(at(3, 3)).toEqual([255, 0, 0, 255]);
    expect(at(4, 0)).toEqual([0, 255, 0, 255]);
    expect(at(0, 4)).toEqual([0, 0, 255, 255]);
    expect(at(4, 4)).toEqual([255, 255, 255, 255]);
    const f = unpackImageRgbaF32(F.DXT1, img, 0);
    expect(Array.from(f?.subarray(4 * 24, 4 * 25) ?? [])).toEqual([1, 1, 1, 1]);
  });
  test('a 16×16 ARGB_S10E5 round: whole-image float unpack equals per-texel decode', () => {
    const w = 16;
    const data = new Uint8Array(w * w * 8);
    for (let i = 0; i < data.length; i++) data[i] = (i * 37 + 11) & 255;
    const img = { width: w, height: w, depth: 1, rowPitch: w * 8, slicePitch: w * w * 8, bytes: data };
    const all = unpackImageRgbaF32(F.ARGB_S10E5, img, 0) ?? new Float32Array(0);
    const one = new Float32Array(4);
    for (let p = 0; p < w * w; p++) {
      decodeTexelRgbaF32(F.ARGB_S10E5, data, p * 8, one);
      expect(Array.from(all.subarray(p * 4, p * 4 + 4))).toEqual(Array.from(one));
    }
  });
});

describe('unpacking is total and consistent', () => {
  test('property: any image of any format unpacks or is refused, never throws; 1×1 formats agree with decodeBlockRgba8', () => {
    const fmt = fc.constantFrom(...SURFACE_FORMATS.map((f) => f.id), 0, 46, 200);
    fc.assert(
      fc.property(
        fmt,
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 64 }),
        fc.integer({ min: 0, max: 400 }),
        fc.uint8Array({ maxLength: 1200 }),
        fc.integer({ min: -1, max: 3 }),
        (format, width, height, depth, rowPitch, slicePitch, bytes, slice) => {
          const image = { width, height, depth, rowPitch, slicePitch, bytes };
          const out8 = unpackImageRgba8(format, image, slice);
          const outF = unpackImageRgbaF32(format, image, slice);
          expect(out8 === undefined).toBe(outF === undefined);
          if (out8 === undefined) return;
          expect(out8.length).toBe(width * height * 4);
          const info = SURFACE_FORMATS.find((f) => f.id === format);
          if (info === undefined || info.blockWidth !== 1 || info.blockHeight !== 1) return;
          const texel = new Uint8Array(4);
          for (let y = 0; y < height; y++) {
            for (let x = 0; x < width; x++) {
              decodeBlockRgba8(format, bytes, slice * slicePitch + y * rowPitch + x * info.bytesPerBlock, texel);
              const p = (y * width + x) * 4;
              expect(Array.from(out8.subarray(p, p + 4))).toEqual(Array.from(texel));
            }
          }
        },
      ),
      { seed: 42, numRuns: 1500 },
    );
  });
  test('tight layouts from imageLayout are always accepted', () => {
    for (const f of SURFACE_FORMATS) {
      if (f.kind === 'buffer') continue;
      const layout = imageLayout(f, 7, 5, 2);
      if (layout === undefined) throw new Error(f.name);
      const image = { width: 7, height: 5, depth: 2, rowPitch: layout.rowPitch, slicePitch: layout.slicePitch, bytes: new Uint8Array(layout.byteSize) };
      expect(unpackImageRgba8(f.id, image, 1)?.length, f.name).toBe(140);
    }
  });
});
