import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeChannelsF32, decodeChannelsRgba8 } from './channel-decode.js';
import { SURFACE_FORMATS } from './surface-formats.js';
import { texelCodec } from './texel-codec.js';

const CHANNEL_FORMATS = SURFACE_FORMATS.filter((f) => f.rgba !== null);

describe('specialised texel codecs equal the reference decoder bit for bit', () => {
  test('a codec exists exactly for the formats with a swizzle', () => {
    for (const f of SURFACE_FORMATS) expect(texelCodec(f.id) !== undefined, f.name).toBe(f.rgba !== null);
    expect(texelCodec(0)).toBeUndefined();
    expect(texelCodec(46)).toBeUndefined();
  });
  test('differential: random texels of every channel format', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CHANNEL_FORMATS), fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.integer({ min: 0, max: 4 }), (info, bytes, o) => {
        const codec = texelCodec(info.id);
        if (codec === undefined) throw new Error(info.name);
        const ref = new Float32Array(4);
        const fast = new Float32Array(4);
        decodeChannelsF32(info, bytes, o, ref, 0);
        codec.f32(bytes, o, fast, 0);
        // Compare bit patterns, so NaN and −0 count too.
        expect(Array.from(new Uint32Array(fast.buffer))).toEqual(Array.from(new Uint32Array(ref.buffer)));
        const ref8 = new Uint8Array(4);
        const fast8 = new Uint8Array(4);
        decodeChannelsRgba8(info, bytes, o, ref8, 0);
        codec.rgba8(bytes, o, fast8, 0);
        expect(Array.from(fast8)).toEqual(Array.from(ref8));
      }),
      { seed: 42, numRuns: 5000 },
    );
  });
  test('1- and 2-byte formats: every byte value, and every value of every 16-bit field', () => {
    const small = CHANNEL_FORMATS.filter((f) => f.bytesPerBlock <= 2);
    const bytes = new Uint8Array(2);
    const ref = new Float32Array(4);
    const fast = new Float32Array(4);
    const ref8 = new Uint8Array(4);
    const fast8 = new Uint8Array(4);
    for (const info of small) {
      const codec = texelCodec(info.id);
      if (codec === undefined) throw new Error(info.name);
      // Stride 3 is odd, so every value of every bit field occurs (not every combination).
      for (let v = 0; v < 2 ** (8 * info.bytesPerBlock); v += info.bytesPerBlock === 1 ? 1 : 3) {
        bytes[0] = v & 255;
        bytes[1] = v >>> 8;
        decodeChannelsF32(info, bytes, 0, ref, 0);
        codec.f32(bytes, 0, fast, 0);
        decodeChannelsRgba8(info, bytes, 0, ref8, 0);
        codec.rgba8(bytes, 0, fast8, 0);
        for (let k = 0; k < 4; k++) {
          if (!Object.is(ref[k], fast[k]) || ref8[k] !== fast8[k]) expect([info.name, v, k]).toBe('equal');
        }
      }
    }
  });
});
