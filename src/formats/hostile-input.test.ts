import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  decodeBlockRgba8,
  decodeBlockRgbaF32,
  decodeImageBlockRgba8,
  decodeTexelRgbaF32,
  imageLayout,
  packColorArgb8888,
  packDepth,
  packRgbaF32,
  packStencil,
  quantizeDepth,
  readTexelRgbaF32,
  SURFACE_FORMATS,
  surfaceFormatInfo,
  unpackDepth,
  unpackStencil,
} from './index.js';

// Guest-controlled numbers: valid ids, DX10 ids, huge, negative, fractional, non-finite.
const format = fc.oneof(fc.constantFrom(...SURFACE_FORMATS.map((f) => f.id)), fc.integer({ min: -5, max: 300 }), fc.constantFrom(0xffffffff, 1.5, NaN));
const index = fc.oneof(fc.integer({ min: -3, max: 40 }), fc.constantFrom(0xffffffff, 2 ** 53, 0.5, NaN, Infinity));

describe('every entry point is total on hostile arguments', () => {
  test('decoders: never throw; false leaves the output untouched', () => {
    fc.assert(
      fc.property(format, fc.uint8Array({ maxLength: 40 }), index, index, (f, bytes, offset, outOffset) => {
        const outF = new Float32Array(64).fill(-9);
        const out8 = new Uint8Array(64).fill(77);
        if (!decodeTexelRgbaF32(f, bytes, offset, outF, outOffset)) expect(outF.every((v) => v === -9)).toBe(true);
        if (!decodeBlockRgbaF32(f, bytes, offset, outF)) expect(outF.every((v) => v === -9)).toBe(true);
        if (!decodeBlockRgba8(f, bytes, offset, out8)) expect(out8.every((v) => v === 77)).toBe(true);
      }),
      { seed: 42, numRuns: 3000 },
    );
  });
  test('image readers: never throw on inconsistent images', () => {
    fc.assert(
      fc.property(format, fc.uint8Array({ maxLength: 200 }), fc.tuple(index, index, index, index, index), fc.tuple(index, index, index), (f, bytes, [w, h, d, rp, sp], [x, y, z]) => {
        const image = { width: w, height: h, depth: d, rowPitch: rp, slicePitch: sp, bytes };
        const out = new Float32Array(4);
        readTexelRgbaF32(f, image, x, y, z, out);
        decodeImageBlockRgba8(f, image, x, y, z, new Uint8Array(64));
        for (const v of out) expect(typeof v).toBe('number');
      }),
      { seed: 42, numRuns: 3000 },
    );
  });
  test('packers: never throw, never write outside their texel, nothing at all when refusing', () => {
    fc.assert(
      fc.property(format, index, fc.tuple(fc.double(), fc.double(), fc.double(), fc.double()), fc.integer(), (f, offset, [r, g, b, a], word) => {
        const size = surfaceFormatInfo(f)?.bytesPerBlock ?? 0;
        const check = (write: (out: Uint8Array) => boolean): void => {
          const out = new Uint8Array(24).fill(0x5a);
          const wrote = write(out);
          const strays = out.filter((v, i) => v !== 0x5a && !(wrote && i >= offset && i < offset + size));
          expect(strays.length).toBe(0);
        };
        check((out) => packRgbaF32(f, r, g, b, a, out, offset));
        check((out) => packColorArgb8888(f, word, out, offset));
        check((out) => packDepth(f, r, out, offset));
        check((out) => packStencil(f, word, out, offset));
        const bytes = new Uint8Array(24);
        unpackDepth(f, bytes, offset);
        unpackStencil(f, bytes, offset);
        quantizeDepth(f, r);
      }),
      { seed: 42, numRuns: 3000 },
    );
  });
  test('imageLayout: never throws on any number', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SURFACE_FORMATS), index, index, index, fc.double(), (info, w, h, d, limit) => {
        const layout = imageLayout(info, w, h, d, limit);
        if (layout !== undefined) expect(layout.byteSize).toBeLessThanOrEqual(2 ** 31);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
