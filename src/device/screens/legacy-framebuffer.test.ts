import { describe, expect, it } from 'vitest';
import { ScreenSystem } from './screen-system.js';
import { MAX_PIXELS_PER_COMMAND } from './surface-to-screen.js';
import { SCREEN_DIAGNOSTICS as D } from './screen-diagnostics.js';
import { FakeMemory, FakeSurfaces, allOpaque, bgraSurface, collector, rgbOf, unpackBgra } from './test-fakes.js';

function system(vramSize = 4096): { s: ScreenSystem; vram: Uint8Array; surfaces: FakeSurfaces } {
  const vram = new Uint8Array(vramSize);
  const surfaces = new FakeSurfaces();
  const s = new ScreenSystem({ vram, memory: new FakeMemory(), surfaces, unpackRgba8: unpackBgra });
  return { s, vram, surfaces };
}

function mode(width: number, height: number, bitsPerPixel: number, fbOffset: number, bytesPerLine: number) {
  return { enabled: true, width, height, bitsPerPixel, fbOffset, bytesPerLine };
}

function put16(vram: Uint8Array, off: number, v: number): void {
  vram[off] = v & 255;
  vram[off + 1] = v >> 8;
}

describe('legacy UPDATE', () => {
  it('copies a 32 bpp BGRX rectangle, clipped, and leaves the rest black', () => {
    const { s, vram } = system();
    s.setLegacyMode(mode(4, 2, 32, 16, 20));
    // Row 0 at 16, row 1 at 36; pixel (x, y) at 16 + 20y + 4x, bytes B, G, R, X.
    vram.set([0x01, 0x02, 0x03, 0xff], 16 + 4);
    vram.set([0x11, 0x12, 0x13, 0x00], 16 + 8);
    vram.set([0x21, 0x22, 0x23, 0x77], 36 + 4);
    vram.set([0x31, 0x32, 0x33, 0x00], 36 + 8);
    vram.set([0xaa, 0xaa, 0xaa, 0xaa], 36 + 12);
    const c = collector();
    s.update({ x: 1, y: 0, width: 2, height: 0xffffffff }, c.report);
    const img = s.readScreen(0);
    expect(img && rgbOf(img)).toEqual([0, 0x030201, 0x131211, 0, 0, 0x232221, 0x333231, 0]);
    expect(img && allOpaque(img)).toBe(true);
    expect(c.codes).toEqual([]);
  });

  it('decodes 16 bpp 565 with bit replication', () => {
    const { s, vram } = system();
    s.setLegacyMode(mode(4, 1, 16, 0, 8));
    [0xf800, 0x07e0, 0x001f, 0x8410].forEach((v, i) => put16(vram, i * 2, v));
    s.update({ x: 0, y: 0, width: 4, height: 1 }, collector().report);
    // 0x8410: r 16 → 16<<3|16>>2 = 132, g 32 → 32<<2|32>>4 = 130, b 16 → 132.
    expect(rgbOf(s.readScreen(0)!)).toEqual([0xff0000, 0x00ff00, 0x0000ff, 0x8482_84]);
  });

  it('decodes 15 bpp 555 and ignores the top bit', () => {
    const { s, vram } = system();
    s.setLegacyMode(mode(5, 1, 15, 0, 10));
    [0x7c00, 0x03e0, 0x001f, 0x4210, 0x8000].forEach((v, i) => put16(vram, i * 2, v));
    s.update({ x: 0, y: 0, width: 5, height: 1 }, collector().report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([0xff0000, 0x00ff00, 0x0000ff, 0x848484, 0]);
  });

  it('decodes 8 bpp through the palette', () => {
    const { s, vram } = system();
    s.setLegacyMode(mode(3, 1, 8, 0, 4));
    s.setPaletteEntry(0, 1, 2, 3);
    s.setPaletteEntry(7, 0x10, 0x20, 0x30);
    s.setPaletteEntry(255, 0x1ff, 0x100, 0xfe);
    s.setPaletteEntry(256, 9, 9, 9);
    vram.set([7, 255, 0]);
    s.update({ x: 0, y: 0, width: 3, height: 1 }, collector().report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([0x102030, 0xff00fe, 0x010203]);
  });

  it('decodes 24 bpp BGR', () => {
    const { s, vram } = system();
    s.setLegacyMode(mode(2, 1, 24, 0, 6));
    vram.set([0x01, 0x02, 0x03, 0x04, 0x05, 0x06]);
    s.update({ x: 0, y: 0, width: 2, height: 1 }, collector().report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([0x030201, 0x060504]);
  });

  it('UPDATE_VERBOSE behaves like UPDATE', () => {
    const { s, vram } = system();
    s.setLegacyMode(mode(1, 1, 32, 0, 4));
    vram.set([9, 8, 7, 0]);
    s.updateVerbose({ x: 0, y: 0, width: 1, height: 1, reason: 5 }, collector().report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([0x070809]);
  });

  it('reports a rectangle whose bytes leave VRAM and changes nothing', () => {
    const { s, vram } = system(64);
    s.setLegacyMode(mode(4, 4, 32, 8, 16)); // needs 8 + 64 bytes
    vram.fill(0x55);
    const c = collector();
    s.update({ x: 0, y: 0, width: 4, height: 4 }, c.report);
    expect(c.codes).toEqual([D.E_GFB_RANGE.code]);
    expect(rgbOf(s.readScreen(0)!)).toEqual(new Array(16).fill(0));
    // The first three rows fit (8 + 48 = 56 bytes) and do update.
    s.update({ x: 0, y: 0, width: 4, height: 3 }, c.report);
    expect(rgbOf(s.readScreen(0)!).slice(0, 12)).toEqual(new Array(12).fill(0x555555));
  });

  it('clips hostile u32 rectangles without work beyond the mode', () => {
    const { s } = system();
    s.setLegacyMode(mode(4, 4, 32, 0, 16));
    const c = collector();
    s.update({ x: 0xfffffff0, y: 0, width: 0x20, height: 4 }, c.report);
    s.update({ x: 0, y: 0xffffffff, width: 0xffffffff, height: 0xffffffff }, c.report);
    s.rectCopy({ srcX: 0xffffffff, srcY: 0, destX: 0, destY: 0, width: 0xffffffff, height: 0xffffffff }, c.report);
    expect(c.codes).toEqual([]);
  });

  it('reports commands without a legacy mode and unsupported depths', () => {
    const { s } = system();
    const c = collector();
    s.update({ x: 0, y: 0, width: 1, height: 1 }, c.report);
    s.setLegacyMode(mode(2, 2, 12, 0, 8));
    s.update({ x: 0, y: 0, width: 1, height: 1 }, c.report);
    expect(c.codes).toEqual([D.E_NO_LEGACY_MODE.code, D.E_LEGACY_FORMAT.code]);
    expect(s.readScreen(0) && rgbOf(s.readScreen(0)!)).toEqual([0, 0, 0, 0]);
  });
});

describe('legacy 2D operations', () => {
  it('RECT_COPY is overlap-safe in both directions and refreshes the destination', () => {
    const { s, vram } = system();
    s.setLegacyMode(mode(4, 4, 32, 0, 16));
    const px = (x: number, y: number, v: number): void => vram.set([v, v, v, 0], y * 16 + x * 4);
    [1, 2, 3, 4].forEach((v, x) => px(x, 0, v));
    const c = collector();
    s.rectCopy({ srcX: 0, srcY: 0, destX: 1, destY: 0, width: 3, height: 1 }, c.report);
    expect([0, 1, 2, 3].map((x) => vram[x * 4])).toEqual([1, 1, 2, 3]);
    expect(rgbOf(s.readScreen(0)!).slice(0, 4)).toEqual([0, 0x010101, 0x020202, 0x030303]);
    // Column 3 upwards: rows 1..3 move to rows 0..2.
    [5, 6, 7].forEach((v, i) => px(3, i + 1, v));
    s.rectCopy({ srcX: 3, srcY: 1, destX: 3, destY: 0, width: 1, height: 3 }, c.report);
    expect([0, 1, 2, 3].map((y) => vram[y * 16 + 12])).toEqual([5, 6, 7, 7]);
    expect(c.codes).toEqual([]);
  });

  it('RECT_ROP_COPY copies with rop 3 and rejects other rops', () => {
    const { s, vram } = system();
    s.setLegacyMode(mode(2, 1, 32, 0, 8));
    vram.set([0x44, 0x55, 0x66, 0]);
    const c = collector();
    s.rectRopCopy({ srcX: 0, srcY: 0, destX: 1, destY: 0, width: 1, height: 1, rop: 6 }, c.report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([0, 0]);
    s.rectRopCopy({ srcX: 0, srcY: 0, destX: 1, destY: 0, width: 1, height: 1, rop: 3 }, c.report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([0, 0x665544]);
    expect(c.codes).toEqual([D.E_ROP.code]);
  });

  it('RECT_FILL writes the raw pixel into the GFB and shows it', () => {
    const { s, vram } = system();
    s.setLegacyMode(mode(3, 1, 16, 0, 6));
    s.rectFill({ pixel: 0x001f, destX: 1, destY: 0, width: 5, height: 1 }, collector().report);
    expect([...vram.subarray(0, 6)]).toEqual([0, 0, 0x1f, 0, 0x1f, 0]);
    expect(rgbOf(s.readScreen(0)!)).toEqual([0, 0x0000ff, 0x0000ff]);
  });

  it('FRONT_ROP_FILL shows the GFB bytes the guest wrote and does not write the GFB', () => {
    const { s, vram } = system();
    s.setLegacyMode(mode(2, 1, 32, 0, 8));
    vram.set([0x10, 0x20, 0x30, 0, 0x10, 0x20, 0x30, 0]);
    s.frontRopFill({ color: 0x00ffffff, x: 0, y: 0, width: 2, height: 1, rop: 3 }, collector().report);
    expect([...vram.subarray(0, 8)]).toEqual([0x10, 0x20, 0x30, 0, 0x10, 0x20, 0x30, 0]);
    expect(rgbOf(s.readScreen(0)!)).toEqual([0x302010, 0x302010]);
  });
});

describe('PRESENT_READBACK', () => {
  it('writes presented pixels back into a 32 bpp GFB', () => {
    const { s, vram, surfaces } = system();
    s.setLegacyMode(mode(2, 2, 32, 4, 12));
    surfaces.add(bgraSurface(3, 2, 2, [0x112233, 0x445566, 0x778899, 0xaabbcc]));
    const c = collector();
    s.present({ sid: 3, rects: [{ x: 0, y: 0, w: 2, h: 2, srcx: 0, srcy: 0 }] }, c.report);
    s.presentReadback({ rects: [{ x: 1, y: 0, w: 1, h: 2 }] }, c.report);
    expect([...vram.subarray(0, 28)]).toEqual([
      0, 0, 0, 0,
      0, 0, 0, 0, 0x66, 0x55, 0x44, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0xcc, 0xbb, 0xaa, 0, 0, 0, 0, 0,
    ]);
    expect(c.codes).toEqual([]);
  });

  it('writes 565 by truncation and 8 bpp as the nearest palette entry', () => {
    const { s, vram, surfaces } = system();
    surfaces.add(bgraSurface(1, 2, 1, [0xff8040, 0x0c0c0c]));
    s.setLegacyMode(mode(2, 1, 16, 0, 4));
    s.present({ sid: 1, rects: [{ x: 0, y: 0, w: 2, h: 1, srcx: 0, srcy: 0 }] }, collector().report);
    s.presentReadback({ rects: [{ x: 0, y: 0, w: 2, h: 1 }] }, collector().report);
    // 0xff8040 → r 31, g 32, b 8 → 0xfc08; 0x0c0c0c → r 1, g 3, b 1 → 0x0861.
    expect([...vram.subarray(0, 4)]).toEqual([0x08, 0xfc, 0x61, 0x08]);
    s.setLegacyMode(mode(2, 1, 8, 0, 2));
    s.setPaletteEntry(1, 0xf0, 0x80, 0x40);
    s.setPaletteEntry(2, 0x10, 0x10, 0x10);
    s.present({ sid: 1, rects: [{ x: 0, y: 0, w: 2, h: 1, srcx: 0, srcy: 0 }] }, collector().report);
    s.presentReadback({ rects: [{ x: 0, y: 0, w: 2, h: 1 }] }, collector().report);
    expect([...vram.subarray(0, 2)]).toEqual([1, 2]);
  });
});

describe('PRESENT_READBACK bounds', () => {
  it('stops at the per-command pixel budget', () => {
    const { s } = system(4 * 1024 * 1024);
    s.setLegacyMode(mode(1024, 1024, 32, 0, 4096));
    const c = collector();
    const n = MAX_PIXELS_PER_COMMAND / (1024 * 1024);
    s.presentReadback({ rects: new Array(n).fill({ x: 0, y: 0, w: 0xffffffff, h: 0xffffffff }) }, c.report);
    expect(c.codes).toEqual([]);
    s.presentReadback({ rects: new Array(n + 1).fill({ x: 0, y: 0, w: 0xffffffff, h: 0xffffffff }) }, c.report);
    expect(c.codes).toEqual([D.E_WORK_BUDGET.code]);
  });
});

describe('legacy mode changes', () => {
  it('destroy every Screen Object so the legacy display is screen 0 again', () => {
    const { s } = system();
    s.setLegacyMode(mode(2, 2, 32, 0, 8));
    const c = collector();
    s.defineScreen({ structSize: 28, id: 0, flags: 3, size: { width: 5, height: 1 }, root: { x: 0, y: 0 } }, c.report);
    expect(s.readScreen(0)?.width).toBe(5);
    s.setLegacyMode(mode(2, 2, 32, 0, 8)); // same geometry: kept
    expect(s.readScreen(0)?.width).toBe(5);
    s.setLegacyMode(mode(3, 2, 32, 0, 12));
    expect(s.readScreen(0)?.width).toBe(3);
    expect(c.codes).toEqual([]);
  });
});
