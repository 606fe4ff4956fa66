import { describe, expect, it } from 'vitest';
import { executeSurfaceDma } from './surface-dma.js';
import { SurfaceStore } from './surface-store.js';
import { collectReports, defineBody, PagedGuestMemory } from './surface-test-support.js';
import type { CopyBoxFields, SurfaceDmaBody } from './surface-commands.js';

const A8R8G8B8 = 2;
const LUMINANCE8 = 11;
const DXT1 = 15;
const DXT2 = 16;
const ALPHA8 = 32;
const R_S23E8 = 34;
const BUFFER = 37;
const UPLOAD = 1;
const DOWNLOAD = 2;

function box(x: number, y: number, z: number, w: number, h: number, d: number, srcx = x, srcy = y, srcz = z): CopyBoxFields {
  return { x, y, z, w, h, d, srcx, srcy, srcz };
}

function dma(
  sid: number,
  transfer: number,
  boxes: CopyBoxFields[],
  guest: { gmrId?: number; offset?: number; pitch?: number } = {},
  extra: Partial<SurfaceDmaBody> = {},
): SurfaceDmaBody {
  return {
    guest: { ptr: { gmrId: guest.gmrId ?? 0, offset: guest.offset ?? 0 }, pitch: guest.pitch ?? 0 },
    host: { sid, face: 0, mipmap: 0 },
    transfer,
    boxes,
    ...extra,
  };
}

/** A store with one surface (sid 1) and a memory whose region 0 is `pages` contiguous 16-byte pages. */
function setup(format: number, width: number, height: number, depth: number, pages = 8) {
  const store = new SurfaceStore();
  const { report, codes } = collectReports();
  store.define(defineBody(1, format, { width, height, depth }), report);
  const memory = new PagedGuestMemory(16, 64);
  memory.regions.set(0, Array.from({ length: pages }, (_, i) => i));
  const bytes = (sid = 1) => store.get(sid)?.image(0, 0)?.bytes ?? new Uint8Array(0);
  return { store, memory, report, codes, bytes };
}

describe('SURFACE_DMA upload', () => {
  it('copies a whole image with pitch 0 (tight rows)', () => {
    const t = setup(A8R8G8B8, 4, 2, 1);
    t.memory.fill(0, (i) => i + 1);
    executeSurfaceDma(t.store, t.memory, dma(1, UPLOAD, [box(0, 0, 0, 4, 2, 1)]), t.report);
    expect(t.codes).toEqual([]);
    expect([...t.bytes()]).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
  });

  it('honours an explicit guest pitch', () => {
    const t = setup(A8R8G8B8, 4, 2, 1);
    t.memory.fill(0, (i) => i);
    executeSurfaceDma(t.store, t.memory, dma(1, UPLOAD, [box(0, 0, 0, 4, 2, 1)], { pitch: 20 }), t.report);
    const expected = [...Array.from({ length: 16 }, (_, i) => i), ...Array.from({ length: 16 }, (_, i) => 20 + i)];
    expect([...t.bytes()]).toEqual(expected);
  });

  it('moves a sub-box with guest source coordinates and offset', () => {
    const t = setup(ALPHA8, 4, 3, 1);
    t.memory.fill(0, (i) => 100 + i);
    // Guest rows at 2 + r·8 + 3: bytes 5, 6 then 13, 14.
    executeSurfaceDma(t.store, t.memory, dma(1, UPLOAD, [box(1, 1, 0, 2, 2, 1, 3, 0, 0)], { offset: 2, pitch: 8 }), t.report);
    expect(t.codes).toEqual([]);
    expect([...t.bytes()]).toEqual([0, 0, 0, 0, 0, 105, 106, 0, 0, 113, 114, 0]);
  });

  it('clips a 1D box of width 0xFFFFFFFF to the image', () => {
    const t = setup(BUFFER, 16, 1, 1, 1);
    t.memory.fill(0, (i) => 0xa0 + i);
    executeSurfaceDma(t.store, t.memory, dma(1, UPLOAD, [box(0, 0, 0, 0xffffffff, 0xffffffff, 0xffffffff)]), t.report);
    expect(t.codes).toEqual([]);
    expect([...t.bytes()]).toEqual(Array.from({ length: 16 }, (_, i) => 0xa0 + i));
  });

  it('shortens a box running past the edge without moving its start', () => {
    const t = setup(BUFFER, 16, 1, 1, 1);
    t.memory.fill(0, (i) => i + 1);
    executeSurfaceDma(t.store, t.memory, dma(1, UPLOAD, [box(12, 0, 0, 8, 1, 1, 0, 0, 0)]), t.report);
    expect([...t.bytes()]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4]);
  });

  it('skips a box whose x + w wraps in u32 (x = 0xffffff00, w = 0x200) without touching memory', () => {
    const t = setup(BUFFER, 16, 1, 1, 1);
    t.memory.fill(0, () => 7);
    const calls = t.memory.calls;
    executeSurfaceDma(t.store, t.memory, dma(1, UPLOAD, [box(0xffffff00, 0, 0, 0x200, 1, 1, 0, 0, 0)]), t.report);
    expect(t.codes).toEqual([]);
    expect(t.memory.calls).toBe(calls);
    expect(t.bytes()).toEqual(new Uint8Array(16));
  });

  it('skips degenerate (zero-sized) boxes and moves the rest', () => {
    const t = setup(BUFFER, 4, 1, 1, 1);
    t.memory.fill(0, (i) => i + 1);
    executeSurfaceDma(t.store, t.memory, dma(1, UPLOAD, [box(0, 0, 0, 0, 1, 1), box(1, 0, 0, 2, 1, 1), box(3, 0, 0, 1, 0, 1)]), t.report);
    expect([...t.bytes()]).toEqual([0, 2, 3, 0]);
  });

  it('copies volume slices: slicePitch = pitch × block rows of the host image', () => {
    const t = setup(LUMINANCE8, 2, 2, 3);
    t.memory.fill(0, (i) => 10 + i);
    executeSurfaceDma(t.store, t.memory, dma(1, UPLOAD, [box(0, 0, 1, 2, 2, 2, 0, 0, 0)]), t.report);
    expect([...t.bytes()]).toEqual([0, 0, 0, 0, 10, 11, 12, 13, 14, 15, 16, 17]);
    const u = setup(LUMINANCE8, 2, 2, 3);
    u.memory.fill(0, (i) => 10 + i);
    // pitch 3: rows at k·6 + r·3.
    executeSurfaceDma(u.store, u.memory, dma(1, UPLOAD, [box(0, 0, 1, 2, 2, 2, 0, 0, 0)], { pitch: 3 }), u.report);
    expect([...u.bytes()]).toEqual([0, 0, 0, 0, 10, 11, 13, 14, 16, 17, 19, 20]);
  });

  it('ignores the guest pitch for 1D images (slices step by the tight row)', () => {
    const t = setup(LUMINANCE8, 16, 1, 1);
    t.memory.fill(0, (i) => i);
    executeSurfaceDma(t.store, t.memory, dma(1, UPLOAD, [box(0, 0, 0, 4, 1, 1, 2, 0, 1)], { pitch: 5 }), t.report);
    expect([...t.bytes().subarray(0, 5)]).toEqual([18, 19, 20, 21, 0]);
  });

  it('rounds DXT boxes outward to whole blocks', () => {
    // 8×8 DXT1: 2×2 blocks of 8 bytes, rowPitch 16. Pixels x 5–6, y 1–2 lie in block (1, 0).
    const t = setup(DXT1, 8, 8, 1);
    t.memory.fill(0, (i) => i + 1);
    executeSurfaceDma(t.store, t.memory, dma(1, UPLOAD, [box(5, 1, 0, 2, 2, 1)]), t.report);
    const expected = new Uint8Array(32);
    for (let i = 8; i < 16; i++) expected[i] = i + 1;
    expect(t.bytes()).toEqual(expected);
  });

  it('DXT2: a box at x = 2, w = 4 covers blocks 0 and 1; the guest block column is ⌊srcx / 4⌋', () => {
    const t = setup(DXT2, 8, 8, 1);
    t.memory.fill(0, (i) => i + 1);
    executeSurfaceDma(t.store, t.memory, dma(1, UPLOAD, [box(2, 0, 0, 4, 4, 1, 6, 0, 0)]), t.report);
    const expected = new Uint8Array(64);
    for (let i = 0; i < 32; i++) expected[i] = 16 + i + 1;
    expect(t.bytes()).toEqual(expected);
  });

  it('reads a discontiguous region page by page', () => {
    const t = setup(A8R8G8B8, 4, 4, 1);
    t.memory.regions.set(5, [7, 3, 5, 1]);
    t.memory.regions.set(6, [6, 2, 4, 0]);
    t.memory.fill(5, (i) => (i * 7 + 1) & 0xff);
    executeSurfaceDma(t.store, t.memory, dma(1, UPLOAD, [box(0, 0, 0, 4, 4, 1)], { gmrId: 5 }), t.report);
    expect(t.bytes()).toEqual(t.memory.snapshot(5));
    executeSurfaceDma(t.store, t.memory, dma(1, DOWNLOAD, [box(0, 0, 0, 4, 4, 1)], { gmrId: 6 }), t.report);
    expect(t.memory.snapshot(6)).toEqual(t.memory.snapshot(5));
    expect(t.codes).toEqual([]);
  });

  it('keeps float NaN bit patterns through upload and download', () => {
    const t = setup(R_S23E8, 2, 1, 1);
    const nan = [0x01, 0x00, 0x80, 0x7f, 0x45, 0x23, 0xc1, 0xff]; // 0x7f800001 (sNaN), 0xffc12345
    t.memory.fill(0, (i) => nan[i] ?? 0);
    executeSurfaceDma(t.store, t.memory, dma(1, UPLOAD, [box(0, 0, 0, 2, 1, 1)]), t.report);
    expect([...t.bytes()]).toEqual(nan);
    executeSurfaceDma(t.store, t.memory, dma(1, DOWNLOAD, [box(0, 0, 0, 2, 1, 1)], { offset: 32 }), t.report);
    expect([...t.memory.snapshot(0).subarray(32, 40)]).toEqual(nan);
  });
});

describe('SURFACE_DMA into faces and mip levels', () => {
  it('addresses (face, mipmap) of a cube map and leaves the other images alone', () => {
    const store = new SurfaceStore();
    const { report, codes } = collectReports();
    store.define(defineBody(1, ALPHA8, { width: 4, height: 4, depth: 1 }, { mips: 2, cube: true }), report);
    const memory = new PagedGuestMemory(16, 4);
    memory.regions.set(0, [0, 1]);
    memory.fill(0, (i) => i + 1);
    executeSurfaceDma(store, memory, { ...dma(1, UPLOAD, [box(0, 0, 0, 2, 2, 1)]), host: { sid: 1, face: 3, mipmap: 1 } }, report);
    expect(codes).toEqual([]);
    const s = store.get(1);
    expect([...(s?.image(3, 1)?.bytes ?? [])]).toEqual([1, 2, 3, 4]);
    for (let f = 0; f < 6; f++) {
      expect(s?.image(f, 0)?.bytes.every((b) => b === 0)).toBe(true);
      if (f !== 3) expect(s?.image(f, 1)?.bytes.every((b) => b === 0)).toBe(true);
    }
  });
});

describe('SURFACE_DMA of planar NV12', () => {
  it('moves every slice the box touches whole, at slice-pitch steps in the guest', () => {
    // 4×2×2 NV12: 12 bytes per slice (4×2 luma, 2 CbCr pairs); box in slice 1 only, from guest slice 0.
    const t = setup(44, 4, 2, 2);
    t.memory.fill(0, (i) => i + 1);
    executeSurfaceDma(t.store, t.memory, dma(1, UPLOAD, [box(1, 1, 1, 1, 1, 1, 0, 0, 0)], { offset: 3, pitch: 99 }), t.report);
    expect(t.codes).toEqual([]);
    expect([...t.bytes()]).toEqual([...new Array(12).fill(0), ...Array.from({ length: 12 }, (_, i) => i + 4)]);
  });
});

describe('SURFACE_DMA download', () => {
  it('writes only the rows of the box, not the pitch padding', () => {
    const t = setup(ALPHA8, 4, 2, 1, 4);
    t.bytes().set([1, 2, 3, 4, 5, 6, 7, 8]);
    t.memory.fill(0, () => 0xee);
    executeSurfaceDma(t.store, t.memory, dma(1, DOWNLOAD, [box(1, 0, 0, 2, 2, 1, 0, 0, 0)], { pitch: 16 }), t.report);
    const expected = new Uint8Array(64).fill(0xee);
    expected.set([2, 3], 0);
    expected.set([6, 7], 16);
    expect(t.memory.snapshot(0)).toEqual(expected);
  });
});

describe('SURFACE_DMA validation', () => {
  it('accepts a suffix and enforces maximumOffset: a violation moves nothing, not even earlier boxes', () => {
    const boxes = [box(0, 0, 0, 4, 1, 1), box(0, 1, 0, 4, 1, 1)]; // guest bytes 0–3 and 4–7
    const suffix = (maximumOffset: number, flags = 0) => ({ suffix: { suffixSize: 12, maximumOffset, flags } });
    const t = setup(ALPHA8, 4, 2, 1);
    t.memory.fill(0, (i) => i + 1);
    executeSurfaceDma(t.store, t.memory, dma(1, UPLOAD, boxes, {}, suffix(7)), t.report);
    expect(t.codes).toEqual([3223]);
    expect(t.bytes()).toEqual(new Uint8Array(8));
    executeSurfaceDma(t.store, t.memory, dma(1, UPLOAD, boxes, {}, suffix(8, 3)), t.report);
    expect(t.codes).toEqual([3223]);
    expect([...t.bytes()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('maximumOffset counts from the guest pointer offset', () => {
    const t = setup(ALPHA8, 4, 1, 1);
    t.memory.fill(0, (i) => i);
    executeSurfaceDma(t.store, t.memory, dma(1, UPLOAD, [box(0, 0, 0, 4, 1, 1)], { offset: 20 }, { suffix: { suffixSize: 12, maximumOffset: 4, flags: 0 } }), t.report);
    expect(t.codes).toEqual([]);
    expect([...t.bytes()]).toEqual([20, 21, 22, 23]);
  });

  const bad: [string, SurfaceDmaBody, number][] = [
    ['transfer 0', dma(1, 0, [box(0, 0, 0, 1, 1, 1)]), 3220],
    ['transfer 3', dma(1, 3, [box(0, 0, 0, 1, 1, 1)]), 3220],
    ['suffixSize 16', dma(1, UPLOAD, [box(0, 0, 0, 1, 1, 1)], {}, { suffix: { suffixSize: 16, maximumOffset: 100, flags: 0 } }), 3221],
    ['reserved suffix flags', dma(1, UPLOAD, [box(0, 0, 0, 1, 1, 1)], {}, { suffix: { suffixSize: 12, maximumOffset: 100, flags: 4 } }), 3221],
    ['undefined GMR 99', dma(1, UPLOAD, [box(0, 0, 0, 1, 1, 1)], { gmrId: 99 }), 3222],
    ['undefined sid', dma(2, UPLOAD, [box(0, 0, 0, 1, 1, 1)]), 3201],
    ['face 6', { ...dma(1, UPLOAD, [box(0, 0, 0, 1, 1, 1)]), host: { sid: 1, face: 6, mipmap: 0 } }, 3207],
    ['mipmap 16', { ...dma(1, UPLOAD, [box(0, 0, 0, 1, 1, 1)]), host: { sid: 1, face: 0, mipmap: 16 } }, 3207],
    ['offset = size − 4, pitch 0x7fffffff, h = 2', dma(1, UPLOAD, [box(0, 0, 0, 4, 2, 1)], { offset: 124, pitch: 0x7fffffff }), 3223],
    ['srcz 0xffffffff', dma(1, UPLOAD, [box(0, 0, 0, 4, 2, 1, 0, 0, 0xffffffff)], { pitch: 0x7fffffff }), 3223],
    ['a box past the region end', dma(1, DOWNLOAD, [box(0, 0, 0, 4, 2, 1, 0, 0, 0)], { offset: 121 }), 3223],
  ];
  for (const [name, body, code] of bad) {
    it(`rejects ${name} with ${code}, changing nothing`, () => {
      const t = setup(ALPHA8, 4, 2, 1);
      t.memory.fill(0, (i) => i + 1);
      const before = t.memory.snapshot(0);
      executeSurfaceDma(t.store, t.memory, body, t.report);
      expect(t.codes).toEqual([code]);
      expect(t.bytes()).toEqual(new Uint8Array(8));
      expect(t.memory.snapshot(0)).toEqual(before);
    });
  }
});
