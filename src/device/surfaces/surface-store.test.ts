import { describe, expect, it } from 'vitest';
import { SurfaceStore } from './surface-store.js';
import { collectReports, defineBody } from './surface-test-support.js';
import type { SurfaceDefineBody } from './surface-commands.js';

const A8R8G8B8 = 2;
const DXT1 = 15;
const ARGB_S23E8 = 25;
const ALPHA8 = 32;

function withSizes(body: SurfaceDefineBody, sizes: SurfaceDefineBody['sizes']): SurfaceDefineBody {
  return { ...body, sizes };
}

describe('SurfaceStore.define', () => {
  it('allocates zeroed tight images and keeps the definition fields', () => {
    const store = new SurfaceStore();
    const { report, codes } = collectReports();
    const body = { ...defineBody(7, A8R8G8B8, { width: 4, height: 2, depth: 1 }, { flags: 0x60 }), multisampleCount: 4, autogenFilter: 2 };
    expect(store.define(body, report)).toBe(true);
    expect(codes).toEqual([]);
    const s = store.get(7);
    expect(s?.format).toBe(A8R8G8B8);
    expect(s?.flags).toBe(0x60);
    expect(s?.faceCount).toBe(1);
    expect(s?.mipLevels).toBe(1);
    expect(s?.multisampleCount).toBe(4);
    expect(s?.autogenFilter).toBe(2);
    const image = s?.image(0, 0);
    expect(image).toMatchObject({ width: 4, height: 2, depth: 1, rowPitch: 16, slicePitch: 32 });
    expect(image?.bytes).toEqual(new Uint8Array(32));
    expect(s?.image(0, 1)).toBeUndefined();
    expect(s?.image(1, 0)).toBeUndefined();
    expect(store.bytesInUse).toBe(32);
  });

  it('accepts a full mip chain: 8×4 → 4×2 → 2×1 → 1×1', () => {
    const store = new SurfaceStore();
    const { report, codes } = collectReports();
    expect(store.define(defineBody(1, A8R8G8B8, { width: 8, height: 4, depth: 1 }, { mips: 4 }), report)).toBe(true);
    expect(codes).toEqual([]);
    const s = store.get(1);
    expect([0, 1, 2, 3].map((m) => s?.image(0, m)?.bytes.length)).toEqual([128, 32, 8, 4]);
    expect(store.bytesInUse).toBe(172);
  });

  it('sizes block formats in pixels: a 3×3 DXT1 level is one 8-byte block', () => {
    const store = new SurfaceStore();
    const { report } = collectReports();
    expect(store.define(defineBody(2, DXT1, { width: 3, height: 3, depth: 1 }), report)).toBe(true);
    expect(store.get(2)?.image(0, 0)).toMatchObject({ rowPitch: 8, slicePitch: 8 });
    expect(store.get(2)?.image(0, 0)?.bytes.length).toBe(8);
  });

  it('defines cube maps with six equal faces', () => {
    const store = new SurfaceStore();
    const { report, codes } = collectReports();
    expect(store.define(defineBody(3, ALPHA8, { width: 4, height: 4, depth: 1 }, { mips: 2, cube: true }), report)).toBe(true);
    expect(codes).toEqual([]);
    const s = store.get(3);
    expect(s?.faceCount).toBe(6);
    expect(s?.image(5, 1)?.bytes.length).toBe(4);
    expect(store.bytesInUse).toBe(6 * (16 + 4));
  });

  const rejects: [string, SurfaceDefineBody, number][] = [
    ['sid 32768', defineBody(32768, A8R8G8B8, { width: 1, height: 1, depth: 1 }), 3200],
    ['sid 0xffffffff', defineBody(0xffffffff, A8R8G8B8, { width: 1, height: 1, depth: 1 }), 3200],
    ['format 0xdead', defineBody(1, 0xdead, { width: 1, height: 1, depth: 1 }), 3202],
    ['format 0 (FORMAT_INVALID)', defineBody(1, 0, { width: 1, height: 1, depth: 1 }), 3202],
    ['width 0', defineBody(1, A8R8G8B8, { width: 0, height: 1, depth: 1 }), 3204],
    ['depth 0', defineBody(1, A8R8G8B8, { width: 1, height: 1, depth: 0 }), 3204],
    ['mip count 0', { ...defineBody(1, A8R8G8B8, { width: 1, height: 1, depth: 1 }), face: [0, 0, 0, 0, 0, 0].map((n) => ({ numMipLevels: n })), sizes: [] }, 3203],
    ['17 mip levels', defineBody(1, A8R8G8B8, { width: 0x20000, height: 1, depth: 1 }, { mips: 17 }), 3203],
    ['3 levels for 2×2', defineBody(1, A8R8G8B8, { width: 2, height: 2, depth: 1 }, { mips: 3 }), 3203],
    [
      'face[3] without CUBEMAP',
      { ...defineBody(1, A8R8G8B8, { width: 2, height: 2, depth: 1 }), face: [1, 0, 0, 1, 0, 0].map((n) => ({ numMipLevels: n })) },
      3203,
    ],
    [
      'cube faces with different mip counts',
      { ...defineBody(1, A8R8G8B8, { width: 2, height: 2, depth: 1 }, { cube: true }), face: [1, 1, 1, 2, 1, 1].map((n) => ({ numMipLevels: n })) },
      3203,
    ],
    ['cube that is not square', defineBody(1, A8R8G8B8, { width: 4, height: 2, depth: 1 }, { cube: true }), 3204],
    [
      'mip 1 of 300×300 for a 512×512 base',
      withSizes(defineBody(1, A8R8G8B8, { width: 512, height: 512, depth: 1 }, { mips: 2 }), [
        { width: 512, height: 512, depth: 1 },
        { width: 300, height: 300, depth: 1 },
      ]),
      3204,
    ],
    [
      'one size too many',
      withSizes(defineBody(1, A8R8G8B8, { width: 4, height: 4, depth: 1 }), [
        { width: 4, height: 4, depth: 1 },
        { width: 2, height: 2, depth: 1 },
      ]),
      3204,
    ],
    [
      'cube face 2 of another size',
      withSizes(
        defineBody(1, A8R8G8B8, { width: 4, height: 4, depth: 1 }, { cube: true }),
        [4, 4, 2, 4, 4, 4].map((n) => ({ width: n, height: n, depth: 1 })),
      ),
      3204,
    ],
  ];
  for (const [name, body, code] of rejects) {
    it(`rejects ${name} with ${code} and defines nothing`, () => {
      const store = new SurfaceStore();
      const { report, codes } = collectReports();
      expect(store.define(body, report)).toBe(false);
      expect(codes).toEqual([code]);
      expect(store.count).toBe(0);
      expect(store.bytesInUse).toBe(0);
    });
  }

  it('rejects 65536² ARGB_S23E8 cube with 16 mips on the budget, before allocating', () => {
    const store = new SurfaceStore();
    const { report, codes } = collectReports();
    expect(store.define(defineBody(1, ARGB_S23E8, { width: 65536, height: 65536, depth: 1 }, { mips: 16, cube: true }), report)).toBe(false);
    expect(codes).toEqual([3205]);
    expect(store.bytesInUse).toBe(0);
  });

  it('enforces the byte budget across surfaces and frees a redefined sid first', () => {
    const store = new SurfaceStore({ budgetBytes: 1024 });
    const { report, codes } = collectReports();
    expect(store.define(defineBody(1, A8R8G8B8, { width: 16, height: 16, depth: 1 }), report)).toBe(true);
    expect(store.define(defineBody(2, ALPHA8, { width: 1, height: 1, depth: 1 }), report)).toBe(false);
    expect(codes).toEqual([3205]);
    // Same sid again: the old 1024 bytes are released, so the new 1024 fit.
    expect(store.define(defineBody(1, ALPHA8, { width: 32, height: 32, depth: 1 }), report)).toBe(true);
    expect(store.bytesInUse).toBe(1024);
    expect(store.get(1)?.format).toBe(ALPHA8);
  });

  it('caps the number of live surfaces', () => {
    const store = new SurfaceStore({ maxSurfaces: 2 });
    const { report, codes } = collectReports();
    const tiny = (sid: number) => defineBody(sid, ALPHA8, { width: 1, height: 1, depth: 1 });
    expect(store.define(tiny(1), report)).toBe(true);
    expect(store.define(tiny(2), report)).toBe(true);
    expect(store.define(tiny(3), report)).toBe(false);
    expect(codes).toEqual([3206]);
    expect(store.define(tiny(2), report)).toBe(true);
    expect(store.count).toBe(2);
  });
});

describe('SurfaceStore destroy and redefinition', () => {
  it('destroys, notifies, and frees the bytes', () => {
    const store = new SurfaceStore();
    const seen: number[] = [];
    store.onDestroy((sid) => seen.push(sid));
    const { report, codes } = collectReports();
    store.define(defineBody(9, A8R8G8B8, { width: 2, height: 2, depth: 1 }), report);
    expect(store.destroy(9, report)).toBe(true);
    expect(seen).toEqual([9]);
    expect(store.get(9)).toBeUndefined();
    expect(store.bytesInUse).toBe(0);
    expect(store.destroy(9, report)).toBe(false);
    expect(store.destroy(40000, report)).toBe(false);
    expect(codes).toEqual([3201, 3200]);
    expect(seen).toEqual([9]);
  });

  it('redefinition notifies listeners and gives new zeroed storage', () => {
    const store = new SurfaceStore();
    const seen: number[] = [];
    store.onDestroy((sid) => seen.push(sid));
    const { report } = collectReports();
    store.define(defineBody(7, A8R8G8B8, { width: 2, height: 2, depth: 1 }), report);
    const old = store.get(7);
    old?.image(0, 0)?.bytes.fill(0xab);
    expect(store.define(defineBody(7, A8R8G8B8, { width: 4, height: 1, depth: 1 }), report)).toBe(true);
    expect(seen).toEqual([7]);
    const fresh = store.get(7);
    expect(fresh).not.toBe(old);
    expect(fresh?.image(0, 0)?.bytes).toEqual(new Uint8Array(16));
    expect(store.bytesInUse).toBe(16);
  });

  it('an invalid redefinition leaves the live surface alone', () => {
    const store = new SurfaceStore();
    const seen: number[] = [];
    store.onDestroy((sid) => seen.push(sid));
    const { report, codes } = collectReports();
    store.define(defineBody(7, A8R8G8B8, { width: 2, height: 2, depth: 1 }), report);
    const old = store.get(7);
    expect(store.define(defineBody(7, 0xdead, { width: 2, height: 2, depth: 1 }), report)).toBe(false);
    expect(codes).toEqual([3202]);
    expect(store.get(7)).toBe(old);
    expect(seen).toEqual([]);
  });

  it('floods of 1×1 defines stop at the count cap and at the id limit', () => {
    const store = new SurfaceStore({ maxSurfaces: 1000 });
    const { report, codes } = collectReports();
    const sids = [...Array.from({ length: 2000 }, (_, i) => i), ...Array.from({ length: 40000 - 32768 }, (_, i) => 32768 + i)];
    let defined = 0;
    for (const sid of sids) if (store.define(defineBody(sid, ALPHA8, { width: 1, height: 1, depth: 1 }), report)) defined++;
    expect(defined).toBe(1000);
    expect(store.bytesInUse).toBe(1000);
    expect(codes.filter((c) => c === 3206).length).toBe(1000);
    expect(codes.filter((c) => c === 3200).length).toBe(40000 - 32768);
  });
});
