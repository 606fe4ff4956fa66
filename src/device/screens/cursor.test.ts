import { describe, expect, it } from 'vitest';
import { ScreenSystem } from './screen-system.js';
import { SCREEN_DIAGNOSTICS as D } from './screen-diagnostics.js';
import { scanlineBytes } from './cursor.js';
import { FakeMemory, FakeSurfaces, collector, rgbOf, unpackBgra } from './test-fakes.js';

function system(bitsPerPixel = 32): ScreenSystem {
  const s = new ScreenSystem({ vram: new Uint8Array(64), memory: new FakeMemory(), surfaces: new FakeSurfaces(), unpackRgba8: unpackBgra });
  s.setLegacyMode({ enabled: true, width: 2, height: 2, bitsPerPixel, fbOffset: 0, bytesPerLine: 8 });
  return s;
}

const cursor = { id: 0, hotspotX: 1, hotspotY: 0, width: 2, height: 2, andMaskDepth: 1, xorMaskDepth: 1 };

describe('cursor', () => {
  it('pads mask scanlines to 32 bits (depth 15 counts as 16)', () => {
    expect([scanlineBytes(1, 1), scanlineBytes(33, 1), scanlineBytes(3, 15), scanlineBytes(2, 24), scanlineBytes(1, 32)]).toEqual([4, 8, 8, 8, 4]);
  });

  it('keeps a monochrome AND/XOR definition: opaque, transparent and inverting pixels', () => {
    const s = system();
    const c = collector();
    // Row 0: AND 0 1, XOR 1 0; row 1: AND 1 1, XOR 1 0 (most significant bit first).
    const andMask = new Uint8Array([0b0100_0000, 0, 0, 0, 0b1100_0000, 0, 0, 0]);
    const xorMask = new Uint8Array([0b1000_0000, 0, 0, 0, 0b1000_0000, 0, 0, 0]);
    s.defineCursor({ ...cursor, andMask, xorMask }, c.report);
    const d = s.cursor.definition!;
    expect(d.kind).toBe('mask');
    expect([d.hotspotX, d.hotspotY]).toEqual([1, 0]);
    expect([...d.image.data]).toEqual([255, 255, 255, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect([...d.invert!]).toEqual([0, 0, 1, 0]);
    expect([...d.andMask!.bytes]).toEqual([...andMask]);
    expect(c.codes).toEqual([]);
  });

  it('decodes a colour XOR mask in the mode format', () => {
    const s = system(32);
    const c = collector();
    s.defineCursor({ ...cursor, width: 1, height: 1, xorMaskDepth: 32, andMask: new Uint8Array(4), xorMask: new Uint8Array([0x30, 0x20, 0x10, 0xff]) }, c.report);
    expect([...s.cursor.definition!.image.data]).toEqual([0x10, 0x20, 0x30, 255]);
    expect(c.codes).toEqual([]);
  });

  it('rejects bad ids, sizes, depths and short masks, keeping the previous definition', () => {
    const s = system(32);
    const c = collector();
    const masks = { andMask: new Uint8Array(8), xorMask: new Uint8Array(8) };
    s.defineAlphaCursor({ id: 0, hotspotX: 0, hotspotY: 0, width: 1, height: 1, pixels: new Uint8Array([1, 2, 3, 4]) }, c.report);
    s.defineCursor({ ...cursor, ...masks, id: 1 }, c.report);
    s.defineCursor({ ...cursor, ...masks, width: 300 }, c.report);
    s.defineCursor({ ...cursor, ...masks, height: 0 }, c.report);
    s.defineCursor({ ...cursor, ...masks, xorMaskDepth: 16 }, c.report);
    s.defineCursor({ ...cursor, andMask: new Uint8Array(7), xorMask: new Uint8Array(8) }, c.report);
    s.defineAlphaCursor({ id: 0, hotspotX: 0, hotspotY: 0, width: 2, height: 1, pixels: new Uint8Array(7) }, c.report);
    expect(c.codes).toEqual(new Array(6).fill(D.E_CURSOR.code));
    expect(s.cursor.definition?.kind).toBe('alpha');
  });

  it('keeps an alpha cursor as premultiplied RGBA, its position and visibility, and never draws it', () => {
    const s = system();
    const c = collector();
    s.defineAlphaCursor({ id: 0, hotspotX: 3, hotspotY: 4, width: 2, height: 1, pixels: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]) }, c.report);
    s.moveCursor({ x: 0xffffffff, y: 1 }, c.report);
    s.displayCursor({ id: 0, state: 1 }, c.report);
    const d = s.cursor.definition!;
    expect([...d.image.data]).toEqual([3, 2, 1, 4, 7, 6, 5, 8]);
    expect([d.hotspotX, d.hotspotY, s.cursor.x, s.cursor.y, s.cursor.visible]).toEqual([3, 4, -1, 1, true]);
    expect(rgbOf(s.readScreen(0)!)).toEqual([0, 0, 0, 0]);
    s.displayCursor({ id: 0, state: 0 }, c.report);
    s.displayCursor({ id: 2, state: 1 }, c.report);
    expect(s.cursor.visible).toBe(false);
    expect(c.codes).toEqual([D.E_CURSOR.code]);
  });
});
