import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executeSurfaceCopy } from './surface-copy.js';
import { SurfaceStore } from './surface-store.js';
import { collectReports, defineBody } from './surface-test-support.js';
import type { CopyBoxFields, SurfaceCopyBody } from './surface-commands.js';

const X8R8G8B8 = 1;
const A8R8G8B8 = 2;
const LUMINANCE8 = 11;
const DXT1 = 15;
const ALPHA8 = 32;

function box(x: number, y: number, z: number, w: number, h: number, d: number, srcx: number, srcy: number, srcz: number): CopyBoxFields {
  return { x, y, z, w, h, d, srcx, srcy, srcz };
}

function copy(src: number, dest: number, boxes: CopyBoxFields[]): SurfaceCopyBody {
  return { src: { sid: src, face: 0, mipmap: 0 }, dest: { sid: dest, face: 0, mipmap: 0 }, boxes };
}

function setup(defs: [sid: number, format: number, w: number, h: number, d: number][]) {
  const store = new SurfaceStore();
  const { report, codes } = collectReports();
  for (const [sid, format, width, height, depth] of defs) store.define(defineBody(sid, format, { width, height, depth }), report);
  const bytes = (sid: number) => store.get(sid)?.image(0, 0)?.bytes ?? new Uint8Array(0);
  return { store, report, codes, bytes };
}

describe('SURFACE_COPY', () => {
  it('copies a box between two images', () => {
    const t = setup([[1, A8R8G8B8, 4, 4, 1], [2, A8R8G8B8, 4, 4, 1]]);
    t.bytes(1).forEach((_, i, a) => (a[i] = i + 1));
    executeSurfaceCopy(t.store, copy(1, 2, [box(1, 2, 0, 2, 1, 1, 0, 0, 0)]), t.report);
    expect(t.codes).toEqual([]);
    const expected = new Uint8Array(64);
    expected.set([1, 2, 3, 4, 5, 6, 7, 8], 2 * 16 + 4);
    expect(t.bytes(2)).toEqual(expected);
  });

  it('copies A8R8G8B8 bytes into X8R8G8B8 unchanged, refuses ALPHA8 into A8R8G8B8', () => {
    const t = setup([[1, A8R8G8B8, 1, 1, 1], [2, X8R8G8B8, 1, 1, 1], [3, ALPHA8, 4, 1, 1]]);
    t.bytes(1).set([0x11, 0x22, 0x33, 0x80]);
    executeSurfaceCopy(t.store, copy(1, 2, [box(0, 0, 0, 1, 1, 1, 0, 0, 0)]), t.report);
    expect([...t.bytes(2)]).toEqual([0x11, 0x22, 0x33, 0x80]);
    executeSurfaceCopy(t.store, copy(3, 1, [box(0, 0, 0, 1, 1, 1, 0, 0, 0)]), t.report);
    expect(t.codes).toEqual([3240]);
    expect([...t.bytes(1)]).toEqual([0x11, 0x22, 0x33, 0x80]);
  });

  it('clips each box to both images', () => {
    const t = setup([[1, LUMINANCE8, 2, 2, 1], [2, LUMINANCE8, 4, 4, 1]]);
    t.bytes(1).set([1, 2, 3, 4]);
    // Destination allows 1×1 at (3, 3); the source would allow 1×1 at (1, 1).
    executeSurfaceCopy(t.store, copy(1, 2, [box(3, 3, 0, 0xffffffff, 0xffffffff, 0xffffffff, 1, 1, 0)]), t.report);
    const expected = new Uint8Array(16);
    expected[15] = 4;
    expect(t.bytes(2)).toEqual(expected);
    // Source start past its edge: nothing.
    executeSurfaceCopy(t.store, copy(1, 2, [box(0, 0, 0, 4, 4, 1, 2, 0, 0)]), t.report);
    expect(t.bytes(2)).toEqual(expected);
    expect(t.codes).toEqual([]);
  });

  it('has memmove semantics within one row, both directions', () => {
    const t = setup([[1, LUMINANCE8, 8, 1, 1]]);
    t.bytes(1).set([1, 2, 3, 4, 5, 6, 7, 8]);
    executeSurfaceCopy(t.store, copy(1, 1, [box(2, 0, 0, 6, 1, 1, 0, 0, 0)]), t.report);
    expect([...t.bytes(1)]).toEqual([1, 2, 1, 2, 3, 4, 5, 6]);
    t.bytes(1).set([1, 2, 3, 4, 5, 6, 7, 8]);
    executeSurfaceCopy(t.store, copy(1, 1, [box(0, 0, 0, 6, 1, 1, 2, 0, 0)]), t.report);
    expect([...t.bytes(1)]).toEqual([3, 4, 5, 6, 7, 8, 7, 8]);
  });

  it('has memmove semantics across rows and slices', () => {
    const t = setup([[1, LUMINANCE8, 3, 3, 1], [2, LUMINANCE8, 2, 1, 3]]);
    t.bytes(1).set([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    executeSurfaceCopy(t.store, copy(1, 1, [box(0, 1, 0, 3, 2, 1, 0, 0, 0)]), t.report);
    expect([...t.bytes(1)]).toEqual([1, 2, 3, 1, 2, 3, 4, 5, 6]);
    t.bytes(1).set([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    executeSurfaceCopy(t.store, copy(1, 1, [box(1, 1, 0, 2, 2, 1, 0, 0, 0)]), t.report);
    expect([...t.bytes(1)]).toEqual([1, 2, 3, 4, 1, 2, 7, 4, 5]);
    t.bytes(2).set([1, 2, 3, 4, 5, 6]);
    executeSurfaceCopy(t.store, copy(2, 2, [box(0, 0, 0, 2, 1, 2, 0, 0, 1)]), t.report);
    expect([...t.bytes(2)]).toEqual([3, 4, 5, 6, 5, 6]);
  });

  it('copies DXT1 in whole blocks, rounding the destination box outward', () => {
    // 8×8 DXT1: blocks of 8 bytes, 2 per row; block n filled with n + 1.
    const t = setup([[1, DXT1, 8, 8, 1], [2, DXT1, 8, 8, 1]]);
    for (let n = 0; n < 4; n++) t.bytes(1).fill(n + 1, n * 8, n * 8 + 8);
    executeSurfaceCopy(t.store, copy(1, 2, [box(5, 6, 0, 2, 1, 1, 4, 0, 0)]), t.report);
    const expected = new Uint8Array(32);
    expected.fill(2, 24, 32); // destination block (1, 1) gets source block (1, 0)
    expect(t.bytes(2)).toEqual(expected);
  });

  it('keeps float NaN payloads (byte copy, never through Float32Array)', () => {
    const R_S23E8 = 34;
    const t = setup([[1, R_S23E8, 2, 1, 1], [2, R_S23E8, 2, 1, 1]]);
    const nan = [0x01, 0x00, 0x80, 0x7f, 0x45, 0x23, 0xc1, 0xff]; // 0x7f800001 (sNaN), 0xffc12345
    t.bytes(1).set(nan);
    executeSurfaceCopy(t.store, copy(1, 2, [box(0, 0, 0, 2, 1, 1, 0, 0, 0)]), t.report);
    expect([...t.bytes(2)]).toEqual(nan);
  });

  it('reports missing surfaces and images', () => {
    const t = setup([[1, ALPHA8, 1, 1, 1]]);
    executeSurfaceCopy(t.store, copy(9, 1, [box(0, 0, 0, 1, 1, 1, 0, 0, 0)]), t.report);
    executeSurfaceCopy(t.store, { ...copy(1, 1, []), dest: { sid: 1, face: 0, mipmap: 1 } }, t.report);
    expect(t.codes).toEqual([3201, 3207]);
  });
});

describe('SURFACE_COPY property', () => {
  const small = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 6 }), weight: 8 }, fc.constantFrom(0xffffffff, 0x80000000));
  const scenario = fc.record({
    format: fc.constantFrom(ALPHA8, A8R8G8B8),
    same: fc.boolean(),
    w: fc.integer({ min: 1, max: 6 }),
    h: fc.integer({ min: 1, max: 6 }),
    d: fc.integer({ min: 1, max: 3 }),
    boxes: fc.array(fc.record({ x: small, y: small, z: small, w: small, h: small, d: small, srcx: small, srcy: small, srcz: small }), { maxLength: 4 }),
  });

  it('matches a copy through a temporary, clipped to both images, and leaves the canary alone', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const t = setup([[1, s.format, s.w, s.h, s.d], [2, s.format, s.w, s.h, s.d], [3, s.format, s.w, s.h, s.d]]);
        const bpp = s.format === ALPHA8 ? 1 : 4;
        t.bytes(1).forEach((_, i, a) => (a[i] = (i % 250) + 1));
        const dest = s.same ? 1 : 2;
        const expected = t.bytes(dest).slice();
        for (const b of s.boxes) {
          const clip = (p: number, l: number, n: number) => (p >= n ? 0 : Math.min(l, n - p));
          const w = Math.min(clip(b.x, b.w, s.w), clip(b.srcx, b.w, s.w));
          const h = Math.min(clip(b.y, b.h, s.h), clip(b.srcy, b.h, s.h));
          const d = Math.min(clip(b.z, b.d, s.d), clip(b.srcz, b.d, s.d));
          const source = s.same ? expected.slice() : t.bytes(1).slice();
          for (let k = 0; k < d; k++)
            for (let r = 0; r < h; r++)
              for (let c = 0; c < w * bpp; c++) {
                const at = (x: number, y: number, z: number) => ((z + k) * s.h + y + r) * s.w * bpp + x * bpp + c;
                expected[at(b.x, b.y, b.z)] = source[at(b.srcx, b.srcy, b.srcz)] ?? -1;
              }
        }
        executeSurfaceCopy(t.store, copy(1, dest, s.boxes), t.report);
        expect(t.codes).toEqual([]);
        expect(t.bytes(dest)).toEqual(expected);
        expect(t.bytes(3)).toEqual(new Uint8Array(t.bytes(3).length));
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('SURFACE_COPY of planar NV12', () => {
  it('moves whole slices between images of one size and refuses other sizes', () => {
    const NV12 = 44;
    // 4×2 NV12: luma 4×2 bytes, then 2×1 CbCr pairs: 12 bytes per slice.
    const t = setup([[1, NV12, 4, 2, 1], [2, NV12, 4, 2, 1], [3, NV12, 2, 2, 1]]);
    t.bytes(1).forEach((_, i, a) => (a[i] = i + 1));
    executeSurfaceCopy(t.store, copy(1, 2, [box(3, 1, 0, 1, 1, 1, 0, 0, 0)]), t.report);
    expect([...t.bytes(2)]).toEqual([...t.bytes(1)]);
    executeSurfaceCopy(t.store, copy(1, 3, [box(0, 0, 0, 2, 2, 1, 0, 0, 0)]), t.report);
    expect(t.codes).toEqual([3240]);
    expect(t.bytes(3).every((b) => b === 0)).toBe(true);
  });
});
