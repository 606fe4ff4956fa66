import { describe, expect, it } from 'vitest';
import { executeGenerateMipmaps } from './generate-mipmaps.js';
import { SurfaceStore } from './surface-store.js';
import { collectReports, defineBody } from './surface-test-support.js';

const A8R8G8B8 = 2;
const R5G6B5 = 3;
const Z_D16 = 8;
const LUMINANCE8 = 11;
const DXT1 = 15;
const ARGB_S23E8 = 25;
const ALPHA8 = 32;

function setup(format: number, size: { width: number; height: number; depth: number }, mips: number, cube = false) {
  const store = new SurfaceStore();
  const { report, codes } = collectReports();
  store.define(defineBody(1, format, size, { mips, cube }), report);
  const level = (mip: number, face = 0) => store.get(1)?.image(face, mip)?.bytes ?? new Uint8Array(0);
  return { store, report, codes, level };
}

const blue = (bytes: Uint8Array) => Array.from({ length: bytes.length / 4 }, (_, i) => bytes[i * 4] ?? -1);

describe('GENERATE_MIPMAPS', () => {
  // Blue channel of the 4×4 level 0; G = 100, R = 0, A = 255 everywhere.
  const level0 = [0, 1, 10, 20, 1, 0, 30, 40, 255, 255, 7, 8, 255, 254, 9, 9];
  function fill(t: ReturnType<typeof setup>) {
    const bytes = t.level(0);
    level0.forEach((b, i) => bytes.set([b, 100, 0, 255], i * 4));
  }

  it('box-filters 8-bit bytes exactly, rounding half up, level by level', () => {
    const t = setup(A8R8G8B8, { width: 4, height: 4, depth: 1 }, 3);
    fill(t);
    executeGenerateMipmaps(t.store, { sid: 1, filter: 2 }, t.report);
    expect(t.codes).toEqual([]);
    // (0+1+1+0)/4 = 0.5 → 1; 100/4 = 25; 1019/4 = 254.75 → 255; 33/4 = 8.25 → 8.
    expect(blue(t.level(1))).toEqual([1, 25, 255, 8]);
    // (1 + 25 + 255 + 8) / 4 = 72.25 → 72.
    expect(blue(t.level(2))).toEqual([72]);
    expect([...t.level(2)]).toEqual([72, 100, 0, 255]);
  });

  it('NONE and NEAREST copy the top-left texel of each footprint', () => {
    for (const filter of [0, 1]) {
      const t = setup(A8R8G8B8, { width: 4, height: 4, depth: 1 }, 3);
      fill(t);
      executeGenerateMipmaps(t.store, { sid: 1, filter }, t.report);
      expect(blue(t.level(1))).toEqual([0, 10, 255, 7]);
      expect(blue(t.level(2))).toEqual([0]);
    }
  });

  it('averages 2×2×2 for volumes and drops the last texel of an odd side', () => {
    const v = setup(LUMINANCE8, { width: 2, height: 2, depth: 2 }, 2);
    v.level(0).set([1, 2, 3, 4, 5, 6, 7, 8]);
    executeGenerateMipmaps(v.store, { sid: 1, filter: 2 }, v.report);
    expect([...v.level(1)]).toEqual([5]); // 36 / 8 = 4.5 → 5
    const odd = setup(LUMINANCE8, { width: 3, height: 1, depth: 1 }, 2);
    odd.level(0).set([10, 20, 99]);
    executeGenerateMipmaps(odd.store, { sid: 1, filter: 2 }, odd.report);
    expect([...odd.level(1)]).toEqual([15]);
  });

  it('filters every cube face on its own', () => {
    const t = setup(ALPHA8, { width: 2, height: 2, depth: 1 }, 2, true);
    for (let f = 0; f < 6; f++) t.level(0, f).fill(f * 10 + 1);
    executeGenerateMipmaps(t.store, { sid: 1, filter: 3 }, t.report);
    expect([0, 1, 2, 3, 4, 5].map((f) => t.level(1, f)[0])).toEqual([1, 11, 21, 31, 41, 51]);
  });

  it('goes through float for other formats', () => {
    const r = setup(R5G6B5, { width: 2, height: 1, depth: 1 }, 2);
    r.level(0).set([0x00, 0xf8, 0x00, 0x00]); // red 31, red 0
    executeGenerateMipmaps(r.store, { sid: 1, filter: 2 }, r.report);
    expect([...r.level(1)]).toEqual([0x00, 0x80]); // 0.5 · 31 = 15.5 → 16
    const f = setup(ARGB_S23E8, { width: 2, height: 2, depth: 1 }, 2);
    const texels = new Float32Array(f.level(0).buffer);
    [1, 2, 3, 4].forEach((v, i) => texels.set([v, -v, 0.5, 1], i * 4));
    executeGenerateMipmaps(f.store, { sid: 1, filter: 2 }, f.report);
    expect([...new Float32Array(f.level(1).buffer)]).toEqual([2.5, -2.5, 0.5, 1]);
    expect([...r.codes, ...f.codes]).toEqual([]);
  });

  it('copies depth texels with POINT but refuses to box-filter depth or DXT', () => {
    const z = setup(Z_D16, { width: 2, height: 2, depth: 1 }, 2);
    z.level(0).set([0x34, 0x12, 1, 1, 2, 2, 3, 3]);
    executeGenerateMipmaps(z.store, { sid: 1, filter: 1 }, z.report);
    expect([...z.level(1)]).toEqual([0x34, 0x12]);
    z.level(1).fill(0);
    executeGenerateMipmaps(z.store, { sid: 1, filter: 2 }, z.report);
    expect([...z.level(1)]).toEqual([0, 0]);
    const d = setup(DXT1, { width: 8, height: 8, depth: 1 }, 2);
    executeGenerateMipmaps(d.store, { sid: 1, filter: 0 }, d.report);
    expect([...z.codes, ...d.codes]).toEqual([3281, 3281]);
  });

  it('reports unknown filters and surfaces; one level is nothing to do', () => {
    const t = setup(ALPHA8, { width: 2, height: 2, depth: 1 }, 2);
    t.level(0).fill(9);
    executeGenerateMipmaps(t.store, { sid: 1, filter: 8 }, t.report);
    executeGenerateMipmaps(t.store, { sid: 5, filter: 2 }, t.report);
    expect(t.codes).toEqual([3280, 3201]);
    expect([...t.level(1)]).toEqual([0]);
    const one = setup(ALPHA8, { width: 2, height: 2, depth: 1 }, 1);
    executeGenerateMipmaps(one.store, { sid: 1, filter: 2 }, one.report);
    expect(one.codes).toEqual([]);
  });
});
