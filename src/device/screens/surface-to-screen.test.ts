import { describe, expect, it } from 'vitest';
import { ScreenSystem } from './screen-system.js';
import { SCREEN_DIAGNOSTICS as D } from './screen-diagnostics.js';
import { SVGA_ID_INVALID, type SignedRect } from './screen-commands.js';
import { MAX_PIXELS_PER_COMMAND, MAX_RECTS } from './surface-to-screen.js';
import { FakeMemory, FakeSurfaces, allOpaque, bgraSurface, collector, rgbOf, unpackBgra } from './test-fakes.js';

function setup(): { s: ScreenSystem; surfaces: FakeSurfaces } {
  const surfaces = new FakeSurfaces();
  const s = new ScreenSystem({ vram: new Uint8Array(1 << 16), memory: new FakeMemory(), surfaces, unpackRgba8: unpackBgra });
  return { s, surfaces };
}

function screen(s: ScreenSystem, id: number, width: number, height: number, x: number, y: number): void {
  const c = collector();
  s.defineScreen({ structSize: 28, id, flags: 1, size: { width, height }, root: { x, y } }, c.report);
  expect(c.codes).toEqual([]);
}

const rect = (left: number, top: number, right: number, bottom: number): SignedRect => ({ left, top, right, bottom });
const image0 = { sid: 1, face: 0, mipmap: 0 };

describe('PRESENT', () => {
  it('copies to the legacy display at virtual (0, 0), opaque', () => {
    const { s, surfaces } = setup();
    s.setLegacyMode({ enabled: true, width: 3, height: 2, bitsPerPixel: 32, fbOffset: 0, bytesPerLine: 12 });
    surfaces.add(bgraSurface(1, 2, 2, [0x010203, 0x040506, 0x070809, 0x0a0b0c]));
    const c = collector();
    s.present({ sid: 1, rects: [{ x: 1, y: 0, w: 2, h: 2, srcx: 0, srcy: 0 }] }, c.report);
    const img = s.readScreen(0)!;
    expect(rgbOf(img)).toEqual([0, 0x010203, 0x040506, 0, 0x070809, 0x0a0b0c]);
    expect(allOpaque(img)).toBe(true);
    expect(c.codes).toEqual([]);
  });

  it('lands on both of two overlapping Screen Objects, each in its own coordinates', () => {
    const { s, surfaces } = setup();
    screen(s, 0, 2, 2, 100, 100);
    screen(s, 1, 2, 2, 101, 101);
    surfaces.add(bgraSurface(1, 3, 2, [0x11, 0x22, 0x33, 0x44, 0x55, 0x66]));
    const c = collector();
    s.present({ sid: 1, rects: [{ x: 100, y: 100, w: 3, h: 2, srcx: 0, srcy: 0 }] }, c.report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([0x11, 0x22, 0x44, 0x55]);
    // Screen 1's (0, 0) is virtual (101, 101) = source (1, 1).
    expect(rgbOf(s.readScreen(1)!)).toEqual([0x55, 0x66, 0, 0]);
    expect(c.codes).toEqual([]);
  });

  it('takes many rectangles, swaps halves and clips the source to the surface', () => {
    const { s, surfaces } = setup();
    screen(s, 0, 4, 2, -10, -20);
    surfaces.add(bgraSurface(1, 2, 2, [0xa, 0xb, 0xc, 0xd]));
    const c = collector();
    s.present({
      sid: 1,
      rects: [
        { x: -10, y: -20, w: 2, h: 1, srcx: 0, srcy: 1 }, // bottom row to the top
        { x: -10, y: -19, w: 2, h: 1, srcx: 0, srcy: 0 }, // top row to the bottom
        { x: -8, y: -20, w: 5, h: 9, srcx: 1, srcy: 0 }, // only column 1 exists; 2 rows
        { x: 0xfffffff7, y: 0xffffffed, w: 1, h: 1, srcx: 0, srcy: 0 }, // (−9, −19) as int32
        { x: -7, y: -20, w: 1, h: 1, srcx: 0xffffffff, srcy: 0 }, // source outside
      ],
    }, c.report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([0xc, 0xd, 0xb, 0, 0xa, 0xa, 0xd, 0]);
    expect(c.codes).toEqual([]);
  });

  it('reports a missing surface, an unreadable format and too many rectangles', () => {
    const { s, surfaces } = setup();
    screen(s, 0, 1, 1, 0, 0);
    const odd = bgraSurface(2, 1, 1, [0x1]);
    surfaces.add({ ...odd, format: 999 });
    const c = collector();
    s.present({ sid: 1, rects: [{ x: 0, y: 0, w: 1, h: 1, srcx: 0, srcy: 0 }] }, c.report);
    s.present({ sid: 2, rects: [{ x: 0, y: 0, w: 1, h: 1, srcx: 0, srcy: 0 }] }, c.report);
    const many = new Array(MAX_RECTS + 1).fill({ x: 0, y: 0, w: 1, h: 1, srcx: 0, srcy: 0 });
    s.present({ sid: 2, rects: many }, c.report);
    expect(c.codes).toEqual([D.E_SURFACE.code, D.E_SURFACE_FORMAT.code, D.E_RECT_COUNT.code]);
  });

  it('stops at the per-command pixel budget', () => {
    const { s, surfaces } = setup();
    screen(s, 0, 1024, 1024, 0, 0);
    surfaces.add(bgraSurface(1, 1024, 1024, []));
    const c = collector();
    const per = 1024 * 1024;
    const n = MAX_PIXELS_PER_COMMAND / per + 1;
    s.present({ sid: 1, rects: new Array(n).fill({ x: 0, y: 0, w: 0xffffffff, h: 0xffffffff, srcx: 0, srcy: 0 }) }, c.report);
    expect(c.codes).toEqual([D.E_WORK_BUDGET.code]);
  });
});

describe('BLIT_SURFACE_TO_SCREEN', () => {
  it('scales 2×2 to 4×4 by the centre-sampling rule', () => {
    const { s, surfaces } = setup();
    screen(s, 0, 4, 4, 0, 0);
    surfaces.add(bgraSurface(1, 2, 2, [1, 2, 3, 4]));
    const c = collector();
    s.blitSurfaceToScreen({ srcImage: image0, srcRect: rect(0, 0, 2, 2), destScreenId: 0, destRect: rect(0, 0, 4, 4), clipRects: [] }, c.report);
    // i = 0..3 → floor((2i + 1) · 2 / 8) = 0, 0, 1, 1.
    expect(rgbOf(s.readScreen(0)!)).toEqual([1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4]);
    expect(c.codes).toEqual([]);
  });

  it('scales 3×1 down to 2×1 by the same rule (pixels 0 and 2)', () => {
    const { s, surfaces } = setup();
    screen(s, 0, 2, 1, 0, 0);
    surfaces.add(bgraSurface(1, 3, 1, [7, 8, 9]));
    s.blitSurfaceToScreen({ srcImage: image0, srcRect: rect(0, 0, 3, 1), destScreenId: 0, destRect: rect(0, 0, 2, 1), clipRects: [] }, collector().report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([7, 9]);
  });

  it('honours a clip list with a hole, relative to destRect', () => {
    const { s, surfaces } = setup();
    screen(s, 0, 5, 5, 0, 0);
    surfaces.add(bgraSurface(1, 4, 4, Array.from({ length: 16 }, (_, i) => i + 1)));
    const c = collector();
    // A frame one pixel wide around a 2×2 hole, overlapping at the corners.
    const clips = [rect(0, 0, 4, 1), rect(0, 3, 4, 4), rect(0, 0, 1, 4), rect(3, 0, 4, 4)];
    s.blitSurfaceToScreen({ srcImage: image0, srcRect: rect(0, 0, 4, 4), destScreenId: 0, destRect: rect(1, 1, 5, 5), clipRects: clips }, c.report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([
      0, 0, 0, 0, 0,
      0, 1, 2, 3, 4,
      0, 5, 0, 0, 8,
      0, 9, 0, 0, 12,
      0, 13, 14, 15, 16,
    ]);
    expect(c.codes).toEqual([]);
  });

  it('clips to a named screen and spans screens in virtual coordinates', () => {
    const { s, surfaces } = setup();
    screen(s, 0, 2, 1, 0, 0);
    screen(s, 1, 2, 1, 2, 0);
    surfaces.add(bgraSurface(1, 4, 1, [1, 2, 3, 4]));
    const c = collector();
    s.blitSurfaceToScreen({ srcImage: image0, srcRect: rect(0, 0, 4, 1), destScreenId: 0, destRect: rect(-1, 0, 3, 1), clipRects: [] }, c.report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([2, 3]);
    expect(rgbOf(s.readScreen(1)!)).toEqual([0, 0]);
    s.blitSurfaceToScreen({ srcImage: { sid: 1, face: 5, mipmap: 9 }, srcRect: rect(0, 0, 4, 1), destScreenId: SVGA_ID_INVALID, destRect: rect(1, 0, 5, 1), clipRects: [] }, c.report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([2, 1]);
    expect(rgbOf(s.readScreen(1)!)).toEqual([2, 3]);
    expect(c.codes).toEqual([]);
  });

  it('leaves pixels whose sample is outside the surface unchanged', () => {
    const { s, surfaces } = setup();
    screen(s, 0, 4, 1, 0, 0);
    surfaces.add(bgraSurface(1, 2, 1, [5, 6]));
    s.blitSurfaceToScreen({ srcImage: image0, srcRect: rect(-1, 0, 3, 1), destScreenId: 0, destRect: rect(0, 0, 4, 1), clipRects: [] }, collector().report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([0, 5, 6, 0]);
  });

  it('reports bad input and stays bounded for hostile rectangles and clip lists', () => {
    const { s, surfaces } = setup();
    screen(s, 0, 8, 8, 0, 0);
    surfaces.add(bgraSurface(1, 2, 2, [1, 2, 3, 4]));
    const c = collector();
    const big = rect(-0x80000000, -0x80000000, 0x7fffffff, 0x7fffffff);
    s.blitSurfaceToScreen({ srcImage: image0, srcRect: rect(0, 0, 2, 2), destScreenId: 64, destRect: rect(0, 0, 1, 1), clipRects: [] }, c.report);
    s.blitSurfaceToScreen({ srcImage: image0, srcRect: rect(2, 0, 0, 2), destScreenId: 0, destRect: rect(0, 0, 1, 1), clipRects: [] }, c.report);
    s.blitSurfaceToScreen({ srcImage: image0, srcRect: rect(0, 0, 2, 2), destScreenId: 0, destRect: rect(0, 0, 1, 1), clipRects: new Array(MAX_RECTS + 1).fill(big) }, c.report);
    expect(c.codes).toEqual([D.E_SCREEN_ID.code, D.I_EMPTY_RECT.code, D.E_RECT_COUNT.code]);
    // A 2^31 − 1 square from a 2^31 − 1 square, clipped by 4096 copies of the whole int32 plane:
    // each of the screen's 64 pixels is written once, from the same source coordinates.
    const half = rect(0, 0, 0x7fffffff, 0x7fffffff);
    s.blitSurfaceToScreen({ srcImage: image0, srcRect: half, destScreenId: 0, destRect: half, clipRects: new Array(MAX_RECTS).fill(big) }, c.report);
    expect(c.codes).toHaveLength(3);
    const px = rgbOf(s.readScreen(0)!);
    expect(px.slice(0, 8)).toEqual([1, 2, 0, 0, 0, 0, 0, 0]);
    expect(px.slice(8, 10)).toEqual([3, 4]);
  });
});
