import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executeSurfaceCopy } from './surface-copy.js';
import { executeSurfaceStretchBlt } from './surface-stretch-blt.js';
import { SurfaceStore } from './surface-store.js';
import { axisTaps, sliceTap } from './stretch-sampling.js';
import { collectReports, defineBody } from './surface-test-support.js';
import type { BoxFields, SurfaceStretchBltBody } from './surface-commands.js';

const X8R8G8B8 = 1;
const A8R8G8B8 = 2;
const R5G6B5 = 3;
const Z_D16 = 8;

const b3 = (x: number, y: number, w: number, h: number, z = 0, d = 1): BoxFields => ({ x, y, z, w, h, d });

function blt(src: number, dest: number, boxSrc: BoxFields, boxDest: BoxFields, mode: number): SurfaceStretchBltBody {
  return { src: { sid: src, face: 0, mipmap: 0 }, dest: { sid: dest, face: 0, mipmap: 0 }, boxSrc, boxDest, mode };
}

function setup(defs: [sid: number, format: number, w: number, h: number, d?: number][]) {
  const store = new SurfaceStore();
  const { report, codes } = collectReports();
  for (const [sid, format, width, height, depth] of defs) store.define(defineBody(sid, format, { width, height, depth: depth ?? 1 }), report);
  const bytes = (sid: number) => store.get(sid)?.image(0, 0)?.bytes ?? new Uint8Array(0);
  return { store, report, codes, bytes };
}

/** Channel `c` (byte index in B, G, R, A order) of every pixel. */
function channel(bytes: Uint8Array, c: number): number[] {
  return Array.from({ length: bytes.length / 4 }, (_, i) => bytes[i * 4 + c] ?? -1);
}

describe('stretch sampling taps', () => {
  it('2 → 4 LINEAR: texel 0, ¾·t0 + ¼·t1, ¼·t0 + ¾·t1, texel 1', () => {
    const t = axisTaps(2, 4, true);
    expect([...t.i0]).toEqual([0, 0, 0, 1]);
    expect([...t.i1]).toEqual([0, 1, 1, 1]);
    expect([...t.f]).toEqual([192, 64, 192, 64]);
  });
  it('2 → 4 POINT duplicates, 4 → 2 POINT takes texels 1 and 3, 1:1 is the identity', () => {
    expect([...axisTaps(2, 4, false).i0]).toEqual([0, 0, 1, 1]);
    expect([...axisTaps(4, 2, false).i0]).toEqual([1, 3]);
    const same = axisTaps(5, 5, true);
    expect([...same.i0]).toEqual([0, 1, 2, 3, 4]);
    expect([...same.f]).toEqual([0, 0, 0, 0, 0]);
    expect([0, 1, 2, 3].map((k) => sliceTap(k, 2, 4))).toEqual([0, 0, 1, 1]);
  });
});

describe('SURFACE_STRETCHBLT', () => {
  /** Source 2×2: B channel 0, 255 / 100, 0; G 10; R 200; A 255. */
  function source2x2(t: ReturnType<typeof setup>) {
    t.bytes(1).set([0, 10, 200, 255, 255, 10, 200, 255, 100, 10, 200, 255, 0, 10, 200, 255]);
  }

  it('POINT 2×2 → 4×4 repeats each texel as a 2×2 block', () => {
    const t = setup([[1, A8R8G8B8, 2, 2], [2, A8R8G8B8, 4, 4]]);
    source2x2(t);
    executeSurfaceStretchBlt(t.store, blt(1, 2, b3(0, 0, 2, 2), b3(0, 0, 4, 4), 0), t.report);
    expect(t.codes).toEqual([]);
    expect(channel(t.bytes(2), 0)).toEqual([0, 0, 255, 255, 0, 0, 255, 255, 100, 100, 0, 0, 100, 100, 0, 0]);
    expect(channel(t.bytes(2), 2)).toEqual(new Array(16).fill(200));
  });

  it('LINEAR 2×2 → 4×4 gives the hand-computed integer blend (round half up)', () => {
    const t = setup([[1, A8R8G8B8, 2, 2], [2, X8R8G8B8, 4, 4]]);
    source2x2(t);
    executeSurfaceStretchBlt(t.store, blt(1, 2, b3(0, 0, 2, 2), b3(0, 0, 4, 4), 1), t.report);
    expect(t.codes).toEqual([]);
    // Row 1, pixel 1: (192·(192·0 + 64·255) + 64·(192·100 + 64·0) + 32768) >> 16 = 67.
    expect(channel(t.bytes(2), 0)).toEqual([0, 64, 191, 255, 25, 67, 150, 191, 75, 72, 67, 64, 100, 75, 25, 0]);
    expect(channel(t.bytes(2), 1)).toEqual(new Array(16).fill(10));
    expect(channel(t.bytes(2), 2)).toEqual(new Array(16).fill(200));
    expect(channel(t.bytes(2), 3)).toEqual(new Array(16).fill(255));
  });

  it('a 1:1 stretch reproduces the source bytes exactly in both modes, A8R8G8B8 → X8R8G8B8', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 5 * 3 * 4, maxLength: 5 * 3 * 4 }), fc.constantFrom(0, 1), (pixels, mode) => {
        const t = setup([[1, A8R8G8B8, 5, 3], [2, X8R8G8B8, 5, 3]]);
        t.bytes(1).set(pixels);
        executeSurfaceStretchBlt(t.store, blt(1, 2, b3(0, 0, 5, 3), b3(0, 0, 5, 3), mode), t.report);
        expect(t.bytes(2)).toEqual(pixels);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('X8R8G8B8 → A8R8G8B8 makes alpha 255', () => {
    const t = setup([[1, X8R8G8B8, 1, 1], [2, A8R8G8B8, 2, 1]]);
    t.bytes(1).set([1, 2, 3, 0]);
    executeSurfaceStretchBlt(t.store, blt(1, 2, b3(0, 0, 1, 1), b3(0, 0, 2, 1), 1), t.report);
    expect([...t.bytes(2)]).toEqual([1, 2, 3, 255, 1, 2, 3, 255]);
  });

  it('the checkerboard halves of blit-cube join: top by SURFACE_COPY, bottom by a 1:1 LINEAR stretch', () => {
    const t = setup([[1, X8R8G8B8, 8, 8], [2, A8R8G8B8, 8, 8]]);
    const src = t.bytes(1);
    for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) src.fill((x + y) % 2 === 0 ? 0xff : 0x00, (y * 8 + x) * 4, (y * 8 + x) * 4 + 4);
    executeSurfaceCopy(t.store, { src: { sid: 1, face: 0, mipmap: 0 }, dest: { sid: 2, face: 0, mipmap: 0 }, boxes: [{ x: 0, y: 0, z: 0, w: 8, h: 4, d: 1, srcx: 0, srcy: 0, srcz: 0 }] }, t.report);
    executeSurfaceStretchBlt(t.store, blt(1, 2, b3(0, 4, 8, 4), b3(0, 4, 8, 4), 1), t.report);
    // X is 0xff or 0x00 in the source; the stretch writes alpha 255, the copy moves the X byte.
    const expected = src.slice();
    for (let i = 8 * 4; i < 64; i++) expected[i * 4 + 3] = 255;
    expect(t.bytes(2)).toEqual(expected);
  });

  it('clips each box to its own image, then scales the clipped source onto the clipped destination', () => {
    const t = setup([[1, A8R8G8B8, 2, 1], [2, A8R8G8B8, 4, 1]]);
    t.bytes(1).set([1, 1, 1, 1, 2, 2, 2, 2]);
    executeSurfaceStretchBlt(t.store, blt(1, 2, b3(0, 0, 0xffffffff, 1), b3(2, 0, 4, 1), 0), t.report);
    expect([...t.bytes(2)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
  });

  it('reads the original pixels when the boxes overlap in one image', () => {
    const t = setup([[1, A8R8G8B8, 4, 1]]);
    t.bytes(1).set([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4]);
    // Taps ⌊(2i + 1) · 2 / 6⌋ = 0, 1, 1; without the snapshot pixel 2 would read the new pixel 1.
    executeSurfaceStretchBlt(t.store, blt(1, 1, b3(0, 0, 2, 1), b3(1, 0, 3, 1), 0), t.report);
    expect(channel(t.bytes(1), 0)).toEqual([1, 1, 2, 2]);
  });

  it('maps volume slices by the POINT rule', () => {
    const t = setup([[1, A8R8G8B8, 1, 1, 2], [2, A8R8G8B8, 1, 1, 4]]);
    t.bytes(1).set([5, 5, 5, 5, 9, 9, 9, 9]);
    executeSurfaceStretchBlt(t.store, blt(1, 2, b3(0, 0, 1, 1, 0, 2), b3(0, 0, 1, 1, 0, 4), 1), t.report);
    expect(channel(t.bytes(2), 0)).toEqual([5, 5, 9, 9]);
  });

  it('converts through float between other colour formats', () => {
    const t = setup([[1, R5G6B5, 1, 1], [2, A8R8G8B8, 1, 1], [3, A8R8G8B8, 2, 1], [4, R5G6B5, 1, 1]]);
    t.bytes(1).set([0x00, 0xf8]); // red 31, green 0, blue 0
    executeSurfaceStretchBlt(t.store, blt(1, 2, b3(0, 0, 1, 1), b3(0, 0, 1, 1), 0), t.report);
    expect([...t.bytes(2)]).toEqual([0, 0, 255, 255]);
    // 2 → 1 LINEAR: the centre falls half-way, red (255 + 0) / 2 / 255 · 31 = 15.5 → 16 (ties up).
    t.bytes(3).set([0, 0, 255, 255, 0, 0, 0, 255]);
    executeSurfaceStretchBlt(t.store, blt(3, 4, b3(0, 0, 2, 1), b3(0, 0, 1, 1), 1), t.report);
    expect([...t.bytes(4)]).toEqual([0x00, 0x80]);
    expect(t.codes).toEqual([]);
  });

  it('refuses clipped boxes longer than 2^20 pixels (exact arithmetic bound)', () => {
    const LUMINANCE8 = 11;
    const t = setup([[1, LUMINANCE8, 2 ** 20 + 1, 1], [2, LUMINANCE8, 4, 1]]);
    t.bytes(1).fill(3);
    executeSurfaceStretchBlt(t.store, blt(1, 2, b3(0, 0, 0xffffffff, 1), b3(0, 0, 4, 1), 1), t.report);
    expect(t.codes).toEqual([3263]);
    expect([...t.bytes(2)]).toEqual([0, 0, 0, 0]);
    executeSurfaceStretchBlt(t.store, blt(1, 2, b3(0, 0, 2 ** 20, 1), b3(0, 0, 4, 1), 0), t.report);
    expect(t.codes).toEqual([3263]);
    expect([...t.bytes(2)]).toEqual([3, 3, 3, 3]);
  });

  it('reports bad modes, empty boxes and formats it cannot pack, drawing nothing', () => {
    const t = setup([[1, A8R8G8B8, 2, 2], [2, A8R8G8B8, 2, 2], [3, Z_D16, 2, 2]]);
    t.bytes(1).fill(7);
    executeSurfaceStretchBlt(t.store, blt(1, 2, b3(0, 0, 2, 2), b3(0, 0, 2, 2), 2), t.report);
    executeSurfaceStretchBlt(t.store, blt(1, 2, b3(0, 0, 0, 2), b3(0, 0, 2, 2), 1), t.report);
    executeSurfaceStretchBlt(t.store, blt(1, 2, b3(5, 0, 2, 2), b3(0, 0, 2, 2), 1), t.report);
    executeSurfaceStretchBlt(t.store, blt(1, 2, b3(0, 0, 2, 2), b3(0, 0, 2, 0), 1), t.report);
    executeSurfaceStretchBlt(t.store, blt(1, 3, b3(0, 0, 2, 2), b3(0, 0, 2, 2), 1), t.report);
    executeSurfaceStretchBlt(t.store, blt(9, 2, b3(0, 0, 2, 2), b3(0, 0, 2, 2), 1), t.report);
    expect(t.codes).toEqual([3260, 3262, 3262, 3262, 3261, 3201]);
    expect(t.bytes(2)).toEqual(new Uint8Array(16));
    expect(t.bytes(3)).toEqual(new Uint8Array(8));
  });
});

describe('SURFACE_STRETCHBLT property', () => {
  const v = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 7 }), weight: 8 }, fc.constantFrom(0xffffffff, 0x80000000, 0xffffff00));
  const box = fc.record({ x: v, y: v, z: v, w: v, h: v, d: v });
  const scenario = fc.record({
    srcFormat: fc.constantFrom(A8R8G8B8, X8R8G8B8, R5G6B5, 32, 15),
    dstFormat: fc.constantFrom(A8R8G8B8, X8R8G8B8, R5G6B5, 32),
    size: fc.record({ width: fc.integer({ min: 1, max: 6 }), height: fc.integer({ min: 1, max: 6 }), depth: fc.integer({ min: 1, max: 2 }) }),
    boxSrc: box,
    boxDest: box,
    mode: fc.constantFrom(0, 1, 2),
  });

  it('never throws and never writes outside the clipped destination box or into the canary', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const store = new SurfaceStore();
        const { report } = collectReports();
        store.define(defineBody(1, s.srcFormat, s.size), report);
        store.define(defineBody(2, s.dstFormat, s.size), report);
        store.define(defineBody(3, s.dstFormat, s.size), report);
        const srcBytes = store.get(1)?.image(0, 0)?.bytes ?? new Uint8Array(0);
        srcBytes.forEach((_, i, a) => (a[i] = (i * 37 + 11) & 0xff));
        const dst = store.get(2)?.image(0, 0);
        if (dst === undefined) throw new Error('define');
        dst.bytes.fill(0xa5);
        executeSurfaceStretchBlt(store, blt(1, 2, s.boxSrc, s.boxDest, s.mode), report);
        const bpp = dst.rowPitch / dst.width;
        const inside = (p: number, l: number, n: number, q: number) => q >= p && q < p + Math.min(l, Math.max(0, n - p));
        for (let z = 0; z < dst.depth; z++)
          for (let y = 0; y < dst.height; y++)
            for (let x = 0; x < dst.width; x++) {
              const b = s.boxDest;
              if (inside(b.x, b.w, dst.width, x) && inside(b.y, b.h, dst.height, y) && inside(b.z, b.d, dst.depth, z)) continue;
              for (let c = 0; c < bpp; c++) expect(dst.bytes[z * dst.slicePitch + y * dst.rowPitch + x * bpp + c]).toBe(0xa5);
            }
        expect(store.get(3)?.image(0, 0)?.bytes.every((b) => b === 0)).toBe(true);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
