import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { depthQuantizer, quantizeDepth } from './depth-stencil.js';
import { genericTexelPacker, packA8R8G8B8, packR5G6B5, packX8R8G8B8, texelPacker } from './pack-codec.js';
import { packChannelsReference } from './pack.js';
import { SURFACE_FORMATS, surfaceFormatInfo } from './surface-formats.js';

const component = fc.oneof(
  fc.float({ min: -2, max: 2 }),
  fc.float(),
  fc.constantFrom(0, 1, -1, 0.5, -0.5, NaN, Infinity, -Infinity, -0, 0.5 / 255, 1.5 / 255, 0.5 / 31, 0.5 / 63, 2 ** -149),
);

describe('hand-written colour packers equal the table-built packer and the reference', () => {
  const cases = [
    { id: 1, name: 'X8R8G8B8', fast: packX8R8G8B8 },
    { id: 2, name: 'A8R8G8B8', fast: packA8R8G8B8 },
    { id: 3, name: 'R5G6B5', fast: packR5G6B5 },
  ];
  test('texelPacker hands out the hand-written packers for their formats', () => {
    for (const c of cases) expect(texelPacker(c.id), c.name).toBe(c.fast);
  });
  test('worked examples: (1, 0.5, 0, 0.2) in each format', () => {
    const out = new Uint8Array(4);
    packA8R8G8B8(1, Math.fround(0.5), 0, Math.fround(0.2), out, 0);
    // B = 0, G = round(127.5) = 128 (ties up), R = 255, A = round(51.000000745) = 51.
    expect(Array.from(out)).toEqual([0, 128, 255, 51]);
    out.fill(0xaa);
    packR5G6B5(1, Math.fround(0.5), 0, 0, out, 0);
    // R 31 << 11 | G round(31.5) = 32 << 5 | B 0 = 0xfc00: bytes 0x00, 0xfc; byte 2 untouched.
    expect(Array.from(out)).toEqual([0x00, 0xfc, 0xaa, 0xaa]);
  });
  test('differential: random float32 components (NaN, infinities, out of range) over a random background', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.tuple(component, component, component, component), fc.uint8Array({ minLength: 12, maxLength: 12 }), (c, rgba, background) => {
        const info = surfaceFormatInfo(c.id);
        const generic = genericTexelPacker(c.id);
        if (info === undefined || generic === undefined) throw new Error(c.name);
        const [r, g, b, a] = rgba.map(Math.fround) as [number, number, number, number];
        const fast = Uint8Array.from(background);
        const table = Uint8Array.from(background);
        const ref = Uint8Array.from(background);
        c.fast(r, g, b, a, fast, 3);
        generic(r, g, b, a, table, 3);
        packChannelsReference(info, [r, g, b, a], ref, 3);
        expect(Array.from(fast)).toEqual(Array.from(table));
        expect(Array.from(fast)).toEqual(Array.from(ref));
      }),
      { seed: 42, numRuns: 4000 },
    );
  });
});

describe('per-format depth quantisers equal quantizeDepth', () => {
  const depthFormats = SURFACE_FORMATS.filter((f) => f.depthBits > 0);
  test('one exists exactly for the formats with depth bits', () => {
    for (const f of SURFACE_FORMATS) expect(depthQuantizer(f.id) !== undefined, f.name).toBe(f.depthBits > 0);
    expect(depthQuantizer(0)).toBeUndefined();
    expect(depthFormats.map((f) => f.id)).toEqual(expect.arrayContaining([7, 8, 9, 38]));
  });
  test('worked examples: Z_D16 0.5 → 32768 (ties up), Z_D24S8 1 → 2^24 − 1, NaN → 0', () => {
    expect(depthQuantizer(8)?.(0.5)).toBe(32768);
    expect(depthQuantizer(9)?.(1)).toBe(0xffffff);
    expect(depthQuantizer(7)?.(2)).toBe(0xffffffff);
    expect(depthQuantizer(38)?.(NaN)).toBe(0);
  });
  test('differential: random depths, float64 and float32, in and out of [0, 1]', () => {
    const depth = fc.oneof(
      fc.double({ min: -0.5, max: 1.5, noNaN: false }),
      fc.float({ min: 0, max: 1 }),
      fc.double(),
      fc.constantFrom(0, 1, -0, NaN, Infinity, -Infinity, 0.5, 2 ** -149, 1 - 2 ** -24, 0.5 / 65535, 1.5 / 65535, 0.5 / 16777215),
    );
    fc.assert(
      fc.property(fc.constantFrom(...depthFormats), depth, (info, d) => {
        expect(depthQuantizer(info.id)?.(d)).toBe(quantizeDepth(info.id, d));
      }),
      { seed: 42, numRuns: 6000 },
    );
  });
});
