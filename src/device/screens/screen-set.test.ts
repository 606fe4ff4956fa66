import { describe, expect, it } from 'vitest';
import { ScreenSystem } from './screen-system.js';
import { SCREEN_DIAGNOSTICS as D } from './screen-diagnostics.js';
import { MAX_SCREEN_DIMENSION, MAX_SCREEN_PIXELS, MAX_SCREENS, SVGA_SCREEN_BLANKING, SVGA_SCREEN_DEACTIVATE } from './screen-set.js';
import { FakeMemory, FakeSurfaces, allOpaque, bgraSurface, collector, rgbOf, unpackBgra } from './test-fakes.js';

function setup(): { s: ScreenSystem; surfaces: FakeSurfaces } {
  const surfaces = new FakeSurfaces();
  surfaces.add(bgraSurface(1, 2, 1, [0x123456, 0x654321]));
  return { s: new ScreenSystem({ vram: new Uint8Array(64), memory: new FakeMemory(), surfaces, unpackRgba8: unpackBgra }), surfaces };
}

const obj = (id: number, width: number, height: number, x = 0, y = 0, flags = 1) =>
  ({ structSize: 28, id, flags, size: { width, height }, root: { x, y } });

const present = { sid: 1, rects: [{ x: 0, y: 0, w: 2, h: 1, srcx: 0, srcy: 0 }] };

describe('screens', () => {
  it('start black and opaque; an undefined screen reads as undefined', () => {
    const { s } = setup();
    const c = collector();
    expect(s.readScreen(0)).toBeUndefined();
    s.defineScreen(obj(3, 2, 2), c.report);
    const img = s.readScreen(3)!;
    expect([img.width, img.height]).toEqual([2, 2]);
    expect(rgbOf(img)).toEqual([0, 0, 0, 0]);
    expect(allOpaque(img)).toBe(true);
    expect(s.readScreen(0)).toBeUndefined();
    expect(c.codes).toEqual([]);
  });

  it('keep contents on a same-size redefinition (a move) and clear on a new size or DEACTIVATE', () => {
    const { s } = setup();
    const c = collector();
    s.defineScreen(obj(0, 2, 1), c.report);
    s.present(present, c.report);
    s.defineScreen(obj(0, 2, 1, 50, 60), c.report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([0x123456, 0x654321]);
    expect([s.screens.get(0)!.rootX, s.screens.get(0)!.rootY]).toEqual([50, 60]);
    s.defineScreen(obj(0, 3, 1, 50, 60), c.report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([0, 0, 0]);
    s.defineScreen(obj(0, 2, 1), c.report);
    s.present(present, c.report);
    s.defineScreen(obj(0, 2, 1, 0, 0, 1 | SVGA_SCREEN_DEACTIVATE), c.report);
    expect(rgbOf(s.screens.get(0)!.image)).toEqual([0, 0]);
    expect(c.codes).toEqual([]);
  });

  it('show black while BLANKING but keep the base layer', () => {
    const { s } = setup();
    const c = collector();
    s.defineScreen(obj(0, 2, 1), c.report);
    s.present(present, c.report);
    s.defineScreen(obj(0, 2, 1, 0, 0, 1 | SVGA_SCREEN_BLANKING), c.report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([0, 0]);
    s.defineScreen(obj(0, 2, 1), c.report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([0x123456, 0x654321]);
  });

  it('let Screen Object 0 hide the legacy display until it is destroyed', () => {
    const { s } = setup();
    const c = collector();
    s.setLegacyMode({ enabled: true, width: 2, height: 1, bitsPerPixel: 32, fbOffset: 0, bytesPerLine: 8 });
    s.present(present, c.report);
    s.defineScreen(obj(0, 4, 4, 100, 100), c.report);
    expect(s.readScreen(0)!.width).toBe(4);
    s.destroyScreen({ screenId: 0 }, c.report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([0x123456, 0x654321]);
    s.destroyScreen({ screenId: 0 }, c.report);
    s.destroyScreen({ screenId: 0xffffffff }, c.report);
    expect(c.codes).toEqual([D.E_SCREEN_ID.code, D.E_SCREEN_ID.code]);
  });

  it('bound ids, sizes, struct sizes and the total pixel budget', () => {
    const { s } = setup();
    const c = collector();
    s.defineScreen(obj(MAX_SCREENS, 1, 1), c.report);
    s.defineScreen(obj(0, 0, 1), c.report);
    s.defineScreen(obj(0, MAX_SCREEN_DIMENSION + 1, 1), c.report);
    s.defineScreen({ ...obj(0, 1, 1), structSize: 24 }, c.report);
    s.defineScreen({ ...obj(0, 1, 1), structSize: 30 }, c.report);
    expect(c.codes).toEqual([D.E_SCREEN_ID.code, D.E_SCREEN_DEFINE.code, D.E_SCREEN_DEFINE.code, D.E_SCREEN_DEFINE.code, D.E_SCREEN_DEFINE.code]);
    const side = 2048; // four of these fill the budget exactly
    expect(4 * side * side).toBe(MAX_SCREEN_PIXELS);
    const d = collector();
    for (let id = 0; id < 4; id++) s.defineScreen(obj(id, side, side), d.report);
    s.defineScreen(obj(4, 1, 1), d.report);
    s.defineScreen(obj(3, side, side, 5, 5), d.report); // a redefinition is not counted twice
    expect(d.codes).toEqual([D.E_SCREEN_DEFINE.code]);
    expect(s.screens.get(3)!.rootX).toBe(5);
  });

  it('define without MUST_BE_SET with a warning, and keep Screen Object 2 fields', () => {
    const { s } = setup();
    const c = collector();
    s.defineScreen({ ...obj(1, 1, 1, 0, 0, 0), structSize: 44, backingStore: { ptr: { gmrId: 0xfffffffe, offset: 4096 }, pitch: 64 }, cloneCount: 2 }, c.report);
    expect(c.codes).toEqual([D.W_SCREEN_FLAGS.code]);
    const sc = s.screens.get(1)!;
    expect([sc.backingStore, sc.cloneCount]).toEqual([{ gmrId: 0xfffffffe, offset: 4096, pitch: 64 }, 2]);
  });
});
