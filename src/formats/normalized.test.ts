import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  floatTo8,
  floatToSnorm,
  floatToUnorm,
  readBits,
  signedFloatTo8,
  signExtend,
  snormTo8,
  snormToFloat,
  unorm8ToUnorm,
  unormTo8,
  writeBits,
} from './normalized.js';

describe('conversion rules', () => {
  test('unorm → 8 bits', () => {
    expect([unormTo8(0, 5), unormTo8(31, 5), unormTo8(16, 5)]).toEqual([0, 255, 132]); // 131.6
    expect(unormTo8(32, 6)).toBe(130); // 129.52
    expect(unormTo8(7, 4)).toBe(119); // × 17
    expect(unormTo8(1, 1)).toBe(255);
    expect(unormTo8(1, 2)).toBe(85);
    expect(unormTo8(512, 10)).toBe(128); // 127.62
    expect(unormTo8(32768, 16)).toBe(128); // 127.502
    expect(unormTo8(32767, 16)).toBe(127); // 127.498
    expect(unormTo8(0xabcdef, 24)).toBe(171); // 11259375·255/16777215 = 171.14
  });
  test('snorm → float and → 8 bits', () => {
    expect(snormToFloat(-128, 8)).toBe(-1);
    expect(snormToFloat(-127, 8)).toBe(-1);
    expect(snormToFloat(127, 8)).toBe(1);
    expect(snormToFloat(-16, 5)).toBe(-1);
    expect([snormTo8(-128, 8), snormTo8(-127, 8), snormTo8(0, 8), snormTo8(127, 8)]).toEqual([0, 0, 128, 255]);
    expect(snormTo8(64, 8)).toBe(192); // 191·255/254 = 191.75
    expect(snormTo8(0, 16)).toBe(128); // exactly 127.5, ties up
    expect([signExtend(0x80, 8), signExtend(0x7f, 8), signExtend(0x10, 5), signExtend(0x3ff, 10)]).toEqual([-128, 127, -16, -1]);
  });
  test('float → 8 bits', () => {
    expect([floatTo8(0), floatTo8(1), floatTo8(0.5), floatTo8(-1), floatTo8(2), floatTo8(NaN)]).toEqual([0, 255, 128, 0, 255, 0]);
    expect(floatTo8(127.49 / 255)).toBe(127);
    expect([signedFloatTo8(-1), signedFloatTo8(0), signedFloatTo8(1), signedFloatTo8(-5), signedFloatTo8(NaN)]).toEqual([0, 128, 255, 0, 128]);
  });
  test('float → unorm / snorm codes and their ties', () => {
    expect(floatToUnorm(0.5, 8)).toBe(128); // 127.5 up
    expect(floatToUnorm(Math.fround(0.5 - 2 ** -25), 8)).toBe(127);
    expect(floatToUnorm(1, 16)).toBe(65535);
    expect(floatToUnorm(NaN, 8)).toBe(0);
    expect(floatToSnorm(0.5, 8)).toBe(64); // 63.5, away from zero
    expect(floatToSnorm(-0.5, 8)).toBe(-64);
    expect(floatToSnorm(-1, 8)).toBe(-127);
    expect(floatToSnorm(-7, 8)).toBe(-127);
    expect(floatToSnorm(NaN, 8)).toBe(0);
    expect(Object.is(floatToSnorm(-0, 8), -0)).toBe(false);
  });
  test('8-bit → n-bit unorm is the integer rounding of v·(2^n − 1)/255', () => {
    for (let v = 0; v < 256; v++) {
      for (const n of [1, 2, 4, 5, 6, 10, 16]) expect(unorm8ToUnorm(v, n)).toBe(Math.round((v * (2 ** n - 1)) / 255));
      expect(unorm8ToUnorm(v, 8)).toBe(v);
    }
  });
});

describe('bit fields', () => {
  test('readBits on a known word', () => {
    const b = new Uint8Array([0x00, 0xff, 0x03, 0x18, 0x80]);
    // The word at 1 is 0x801803FF.
    expect(readBits(b, 1, 0, 10)).toBe(1023);
    expect(readBits(b, 1, 10, 10)).toBe(512);
    expect(readBits(b, 1, 20, 10)).toBe(1);
    expect(readBits(b, 1, 30, 2)).toBe(2);
    expect(readBits(b, 1, 0, 32)).toBe(0x801803ff);
  });
  test('property: writeBits then readBits gives the value and leaves other bits alone', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.integer({ min: 1, max: 32 }),
        fc.integer({ min: 0, max: 96 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (bytes, bits, offset, value) => {
          const before = Uint8Array.from(bytes);
          writeBits(bytes, 0, offset, bits, value);
          expect(readBits(bytes, 0, offset, bits)).toBe(value % 2 ** bits);
          for (let bit = 0; bit < 128; bit++) {
            if (bit >= offset && bit < offset + bits) continue;
            const i = bit >>> 3;
            const m = 1 << (bit & 7);
            expect((bytes[i] ?? 0) & m).toBe((before[i] ?? 0) & m);
          }
        },
      ),
      { seed: 42, numRuns: 1000 },
    );
  });
});
