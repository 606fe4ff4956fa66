import { describe, expect, it } from 'vitest';
import { ScreenSystem } from './screen-system.js';
import { SCREEN_DIAGNOSTICS as D } from './screen-diagnostics.js';
import { SVGA_ID_INVALID } from './screen-commands.js';
import { FakeMemory, FakeSurfaces, collector, rgbOf, unpackBgra } from './test-fakes.js';

const GMR = 5;

function setup(): { s: ScreenSystem; mem: FakeMemory; gmr: Uint8Array } {
  const mem = new FakeMemory();
  const gmr = new Uint8Array(256);
  mem.regions.set(GMR, gmr);
  const s = new ScreenSystem({ vram: new Uint8Array(64), memory: mem, surfaces: new FakeSurfaces(), unpackRgba8: unpackBgra });
  const c = collector();
  // Screen 0: 4×2 at (0, 0); screen 1: 2×2 at (4, 0), to its right.
  s.defineScreen({ structSize: 28, id: 0, flags: 3, size: { width: 4, height: 2 }, root: { x: 0, y: 0 } }, c.report);
  s.defineScreen({ structSize: 28, id: 1, flags: 1, size: { width: 2, height: 2 }, root: { x: 4, y: 0 } }, c.report);
  expect(c.codes).toEqual([]);
  return { s, mem, gmr };
}

/** An `SVGAGMRImageFormat` word: bits 0–7 bits per pixel, 8–15 colour depth. */
function fmt(bitsPerPixel: number, colorDepth: number): number {
  return bitsPerPixel | (colorDepth << 8);
}

const blit = (left: number, top: number, right: number, bottom: number, destScreenId: number, x = 0, y = 0) =>
  ({ srcOrigin: { x, y }, destRect: { left, top, right, bottom }, destScreenId });

describe('BLIT_GMRFB_TO_SCREEN', () => {
  it('reads 32/24 BGRX rows with the origin and pitch, clipped to the named screen', () => {
    const { s, gmr } = setup();
    // 3 pixels per line (12 bytes) from offset 8; pixel (x, y) = 8 + 12y + 4x.
    const put = (x: number, y: number, rgb: number): void => gmr.set([rgb & 255, (rgb >> 8) & 255, rgb >> 16, 0xee], 8 + 12 * y + 4 * x);
    put(1, 1, 0x102030); put(2, 1, 0x405060); put(1, 2, 0x708090); put(2, 2, 0xa0b0c0);
    const c = collector();
    s.defineGmrfb({ ptr: { gmrId: GMR, offset: 8 }, bytesPerLine: 12, format: fmt(32, 24) }, c.report);
    // Destination (3, 0)-(5, 2) on screen 0: column 4 is off screen 0 and is dropped.
    s.blitGmrfbToScreen(blit(3, 0, 5, 2, 0, 1, 1), c.report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([0, 0, 0, 0x102030, 0, 0, 0, 0x708090]);
    expect(rgbOf(s.readScreen(1)!)).toEqual([0, 0, 0, 0]);
    expect(c.codes).toEqual([]);
  });

  it('lands on every screen a virtual-coordinate rectangle overlaps', () => {
    const { s, gmr } = setup();
    gmr.set([0x01, 0x02, 0x03, 0, 0x04, 0x05, 0x06, 0]);
    const c = collector();
    s.defineGmrfb({ ptr: { gmrId: GMR, offset: 0 }, bytesPerLine: 8, format: fmt(32, 24) }, c.report);
    s.blitGmrfbToScreen(blit(3, 1, 5, 2, SVGA_ID_INVALID), c.report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([0, 0, 0, 0, 0, 0, 0, 0x030201]);
    expect(rgbOf(s.readScreen(1)!)).toEqual([0, 0, 0x060504, 0]);
    expect(c.codes).toEqual([]);
  });

  it('decodes 24/24, 16/16 and 16/15 GMRFBs', () => {
    const { s, gmr } = setup();
    const c = collector();
    gmr.set([0x01, 0x02, 0x03, 0x04, 0x05, 0x06]);
    s.defineGmrfb({ ptr: { gmrId: GMR, offset: 0 }, bytesPerLine: 6, format: fmt(24, 24) }, c.report);
    s.blitGmrfbToScreen(blit(0, 0, 2, 1, 1), c.report);
    expect(rgbOf(s.readScreen(1)!)).toEqual([0x030201, 0x060504, 0, 0]);
    gmr.set([0x00, 0xf8, 0xe0, 0x07], 16); // 565 red, green
    s.defineGmrfb({ ptr: { gmrId: GMR, offset: 16 }, bytesPerLine: 4, format: fmt(16, 16) }, c.report);
    s.blitGmrfbToScreen(blit(0, 1, 2, 2, 1), c.report);
    gmr.set([0x1f, 0x00, 0x10, 0x42], 32); // 555 blue, (16, 16, 16)
    s.defineGmrfb({ ptr: { gmrId: GMR, offset: 32 }, bytesPerLine: 4, format: fmt(16, 15) }, c.report);
    s.blitGmrfbToScreen(blit(0, 0, 2, 1, 0), c.report);
    expect(rgbOf(s.readScreen(1)!)).toEqual([0x030201, 0x060504, 0xff0000, 0x00ff00]);
    expect(rgbOf(s.readScreen(0)!).slice(0, 2)).toEqual([0x0000ff, 0x848484]);
    expect(c.codes).toEqual([]);
  });

  it('copies nothing when any needed row is outside the GMR', () => {
    const { s, gmr } = setup();
    gmr.fill(0x7f);
    const c = collector();
    // Row 1 of the source starts at 252 and needs 8 bytes: past the 256-byte GMR.
    s.defineGmrfb({ ptr: { gmrId: GMR, offset: 200 }, bytesPerLine: 52, format: fmt(32, 24) }, c.report);
    s.blitGmrfbToScreen(blit(0, 0, 2, 2, 0), c.report);
    expect(c.codes).toEqual([D.E_GMRFB_RANGE.code]);
    expect(rgbOf(s.readScreen(0)!)).toEqual(new Array(8).fill(0));
    // A negative source origin is outside too; an undefined GMR as well.
    s.blitGmrfbToScreen(blit(0, 0, 1, 1, 0, -1, 0), c.report);
    s.defineGmrfb({ ptr: { gmrId: 9, offset: 0 }, bytesPerLine: 4, format: fmt(32, 24) }, c.report);
    s.blitGmrfbToScreen(blit(0, 0, 1, 1, 0), c.report);
    expect(c.codes).toEqual([D.E_GMRFB_RANGE.code, D.E_GMRFB_RANGE.code, D.E_GMRFB_RANGE.code]);
  });

  it('reads only the clipped rows of a hostile huge rectangle', () => {
    const { s, mem } = setup();
    const c = collector();
    s.defineGmrfb({ ptr: { gmrId: GMR, offset: 0 }, bytesPerLine: 0, format: fmt(32, 24) }, c.report);
    const before = mem.reads;
    s.blitGmrfbToScreen(blit(-0x80000000, -0x80000000, 0x7fffffff, 0x7fffffff, 0, 0x7fffffff, 0x7fffffff), c.report);
    // Source x for screen pixel 0 is 2^31 − 1 + 2^31: outside, rejected before any read.
    expect(c.codes).toEqual([D.E_GMRFB_RANGE.code]);
    expect(mem.reads - before).toBe(0);
    // The same rectangle in virtual coordinates from origin −2^31 reads exactly the 2 + 2 visible rows.
    s.blitGmrfbToScreen(blit(-0x80000000, -0x80000000, 0x7fffffff, 0x7fffffff, SVGA_ID_INVALID, -0x80000000, -0x80000000), c.report);
    expect(c.codes).toEqual([D.E_GMRFB_RANGE.code]);
    expect(mem.reads - before).toBe(4);
  });

  it('needs a valid GMRFB definition', () => {
    const { s } = setup();
    const c = collector();
    s.blitGmrfbToScreen(blit(0, 0, 1, 1, 0), c.report);
    s.defineGmrfb({ ptr: { gmrId: GMR, offset: 0 }, bytesPerLine: 4, format: fmt(32, 32) }, c.report);
    s.defineGmrfb({ ptr: { gmrId: GMR, offset: 0 }, bytesPerLine: 4, format: 0x0001_1820 }, c.report);
    s.blitGmrfbToScreen(blit(0, 0, 1, 1, 0), c.report);
    s.defineGmrfb({ ptr: { gmrId: GMR, offset: 0 }, bytesPerLine: 4, format: fmt(32, 24) }, c.report);
    s.blitGmrfbToScreen(blit(0, 0, 1, 1, 7), c.report);
    expect(c.codes).toEqual([D.E_GMRFB_UNDEFINED.code, D.E_GMRFB_FORMAT.code, D.E_GMRFB_FORMAT.code, D.E_GMRFB_UNDEFINED.code, D.E_SCREEN_ID.code]);
  });

  it('draws the guest bytes under an annotation and reports a fill colour they contradict', () => {
    const { s, gmr } = setup();
    gmr.set([0x33, 0x22, 0x11, 0, 0x33, 0x22, 0x11, 0]);
    const c = collector();
    s.defineGmrfb({ ptr: { gmrId: GMR, offset: 0 }, bytesPerLine: 8, format: fmt(32, 24) }, c.report);
    s.annotationFill({ color: 0xff112233 }, c.report);
    s.blitGmrfbToScreen(blit(0, 0, 2, 1, 0), c.report);
    expect(c.codes).toEqual([]);
    s.annotationFill({ color: 0x00445566 }, c.report);
    s.blitGmrfbToScreen(blit(0, 1, 2, 2, 0), c.report);
    expect(c.codes).toEqual([D.I_ANNOTATION_MISMATCH.code]);
    // Consumed: the next blit has no annotation.
    s.blitGmrfbToScreen(blit(2, 1, 4, 2, 0), c.report);
    s.annotationCopy({ srcOrigin: { x: 0, y: 0 }, srcScreenId: 0 }, c.report);
    s.blitGmrfbToScreen(blit(2, 0, 4, 1, 0), c.report);
    expect(c.codes).toEqual([D.I_ANNOTATION_MISMATCH.code]);
    expect(rgbOf(s.readScreen(0)!)).toEqual(new Array(8).fill(0x112233));
  });
});

describe('BLIT_SCREEN_TO_GMRFB', () => {
  /** Paints screen 0 from the eight BGRX pixels at GMR offset 128. */
  function paint(s: ScreenSystem): void {
    s.defineGmrfb({ ptr: { gmrId: GMR, offset: 128 }, bytesPerLine: 16, format: fmt(32, 24) }, collector().report);
    s.blitGmrfbToScreen(blit(0, 0, 4, 2, 0), collector().report);
  }

  function setupPainted(): { s: ScreenSystem; gmr: Uint8Array } {
    const { s, gmr } = setup();
    [0xff8040, 0x0c0c0c, 0x123456, 0xffffff, 0x000001, 0x80ff00, 0x7f7f7f, 0x010203].forEach((c, i) =>
      gmr.set([c & 255, (c >> 8) & 255, c >> 16, 0], 128 + i * 4));
    paint(s);
    gmr.fill(0, 0, 128);
    return { s, gmr };
  }

  it('writes exact bytes in all four GMRFB formats', () => {
    const { s, gmr } = setupPainted();
    const c = collector();
    const rect = { left: 1, top: 0, right: 3, bottom: 2 };
    s.defineGmrfb({ ptr: { gmrId: GMR, offset: 0 }, bytesPerLine: 8, format: fmt(32, 24) }, c.report);
    s.blitScreenToGmrfb({ destOrigin: { x: 0, y: 0 }, srcRect: rect, srcScreenId: 0 }, c.report);
    expect([...gmr.subarray(0, 16)]).toEqual([0x0c, 0x0c, 0x0c, 0, 0x56, 0x34, 0x12, 0, 0x00, 0xff, 0x80, 0, 0x7f, 0x7f, 0x7f, 0]);
    s.defineGmrfb({ ptr: { gmrId: GMR, offset: 32 }, bytesPerLine: 6, format: fmt(24, 24) }, c.report);
    s.blitScreenToGmrfb({ destOrigin: { x: 0, y: 0 }, srcRect: rect, srcScreenId: 0 }, c.report);
    expect([...gmr.subarray(32, 44)]).toEqual([0x0c, 0x0c, 0x0c, 0x56, 0x34, 0x12, 0x00, 0xff, 0x80, 0x7f, 0x7f, 0x7f]);
    // 565: 0x0c0c0c → 0x0861, 0x123456 → (2, 13, 10) = 0x11aa, 0x80ff00 → (16, 63, 0) = 0x87e0, 0x7f7f7f → (15, 31, 15) = 0x7bef.
    s.defineGmrfb({ ptr: { gmrId: GMR, offset: 48 }, bytesPerLine: 4, format: fmt(16, 16) }, c.report);
    s.blitScreenToGmrfb({ destOrigin: { x: 0, y: 0 }, srcRect: rect, srcScreenId: 0 }, c.report);
    expect([...gmr.subarray(48, 56)]).toEqual([0x61, 0x08, 0xaa, 0x11, 0xe0, 0x87, 0xef, 0x7b]);
    // 555: 0x0c0c0c → 0x0421, 0x123456 → (2, 6, 10) = 0x08ca, 0x80ff00 → (16, 31, 0) = 0x43e0, 0x7f7f7f → 0x3def.
    s.defineGmrfb({ ptr: { gmrId: GMR, offset: 64 }, bytesPerLine: 4, format: fmt(16, 15) }, c.report);
    s.blitScreenToGmrfb({ destOrigin: { x: 0, y: 0 }, srcRect: rect, srcScreenId: 0 }, c.report);
    expect([...gmr.subarray(64, 72)]).toEqual([0x21, 0x04, 0xca, 0x08, 0xe0, 0x43, 0xef, 0x3d]);
    expect(c.codes).toEqual([]);
  });

  it('fails, writing nothing, for a source across two screens or outside the GMR', () => {
    const { s, gmr } = setupPainted();
    const c = collector();
    s.defineGmrfb({ ptr: { gmrId: GMR, offset: 0 }, bytesPerLine: 8, format: fmt(32, 24) }, c.report);
    // (3, 0)-(5, 1) covers screen 0's last column and screen 1's first: not one screen.
    s.blitScreenToGmrfb({ destOrigin: { x: 0, y: 0 }, srcRect: { left: 3, top: 0, right: 5, bottom: 1 }, srcScreenId: 0 }, c.report);
    s.blitScreenToGmrfb({ destOrigin: { x: 0, y: 0 }, srcRect: { left: -1, top: 0, right: 1, bottom: 1 }, srcScreenId: 0 }, c.report);
    s.blitScreenToGmrfb({ destOrigin: { x: 0, y: 0 }, srcRect: { left: 0, top: 0, right: 1, bottom: 1 }, srcScreenId: SVGA_ID_INVALID }, c.report);
    // Row 1 would land at 248 + 8 = 256..263: outside; row 0 must not be written either.
    s.blitScreenToGmrfb({ destOrigin: { x: 0, y: 31 }, srcRect: { left: 0, top: 0, right: 2, bottom: 2 }, srcScreenId: 0 }, c.report);
    expect(c.codes).toEqual([D.E_SCREEN_SOURCE.code, D.E_SCREEN_SOURCE.code, D.E_SCREEN_ID.code, D.E_GMRFB_RANGE.code]);
    expect([...gmr.subarray(0, 128)].every((b) => b === 0)).toBe(true);
    expect([...gmr.subarray(248, 256)].every((b) => b === 0)).toBe(true);
  });

  it('round-trips a screen through a 16/15 GMRFB to the precision of 555', () => {
    const { s } = setupPainted();
    const c = collector();
    s.defineGmrfb({ ptr: { gmrId: GMR, offset: 0 }, bytesPerLine: 8, format: fmt(16, 15) }, c.report);
    s.blitScreenToGmrfb({ destOrigin: { x: 0, y: 0 }, srcRect: { left: 0, top: 0, right: 4, bottom: 2 }, srcScreenId: 0 }, c.report);
    s.blitGmrfbToScreen(blit(0, 0, 4, 2, 1), c.report);
    // 0xff8040 → (31, 16, 8) → (255, 132, 66); 0x0c0c0c → (1, 1, 1) → 8; 0x000001 → 0; 0x80ff00 → (16, 31, 0).
    expect(rgbOf(s.readScreen(1)!)).toEqual([0xff8442, 0x080808, 0x000000, 0x84ff00]);
    expect(c.codes).toEqual([]);
  });
});

describe('the spill rule for named screens', () => {
  it('lands the parts outside the named screen on its neighbours, in the named screen’s coordinates', () => {
    const mem = new FakeMemory();
    const gmr = new Uint8Array(16);
    gmr.set([1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0]);
    mem.regions.set(GMR, gmr);
    const s = new ScreenSystem({ vram: new Uint8Array(4), memory: mem, surfaces: new FakeSurfaces(), unpackRgba8: unpackBgra, namedScreenRule: 'spill' });
    const c = collector();
    s.defineScreen({ structSize: 28, id: 0, flags: 1, size: { width: 2, height: 1 }, root: { x: 10, y: 0 } }, c.report);
    s.defineScreen({ structSize: 28, id: 1, flags: 1, size: { width: 2, height: 1 }, root: { x: 12, y: 0 } }, c.report);
    s.defineGmrfb({ ptr: { gmrId: GMR, offset: 0 }, bytesPerLine: 12, format: fmt(32, 24) }, c.report);
    // Screen 1's (−1, 0) is screen 0's (1, 0).
    s.blitGmrfbToScreen(blit(-1, 0, 2, 1, 1), c.report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([0, 1]);
    expect(rgbOf(s.readScreen(1)!)).toEqual([2, 3]);
    expect(c.codes).toEqual([]);
  });
});
