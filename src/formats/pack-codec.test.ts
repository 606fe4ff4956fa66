import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isPackable, texelPacker } from './pack-codec.js';
import { packChannelsReference } from './pack.js';
import { SURFACE_FORMATS } from './surface-formats.js';

const PACKABLE = SURFACE_FORMATS.filter(isPackable);

describe('specialised packers equal the reference packer byte for byte', () => {
  test('a packer exists exactly for the packable formats', () => {
    for (const f of SURFACE_FORMATS) expect(texelPacker(f.id) !== undefined, f.name).toBe(isPackable(f));
    expect(texelPacker(0)).toBeUndefined();
  });
  test('differential: random components, including out-of-range, NaN and infinite values', () => {
    const component = fc.oneof(
      fc.float({ min: -2, max: 2 }),
      fc.float(),
      fc.constantFrom(0, 1, -1, 0.5, -0.5, NaN, Infinity, -Infinity, -0, 65520, 2 ** -25),
    );
    fc.assert(
      fc.property(fc.constantFrom(...PACKABLE), fc.tuple(component, component, component, component), fc.uint8Array({ minLength: 20, maxLength: 20 }), (info, rgba, background) => {
        const packer = texelPacker(info.id);
        if (packer === undefined) throw new Error(info.name);
        const fast = Uint8Array.from(background);
        const ref = Uint8Array.from(background);
        const [r, g, b, a] = rgba;
        packer(r, g, b, a, fast, 2);
        packChannelsReference(info, rgba, ref, 2);
        expect(Array.from(fast)).toEqual(Array.from(ref));
      }),
      { seed: 42, numRuns: 5000 },
    );
  });
});
