import { describe, expect, it } from 'vitest';
import { ScreenSystem } from './screen-system.js';
import { SCREEN_DIAGNOSTICS as D } from './screen-diagnostics.js';
import { SVGA_ID_INVALID } from './screen-commands.js';
import { FakeMemory, FakeSurfaces, collector, rgbOf, unpackBgra } from './test-fakes.js';
import { SVGA_VIDEO, SVGA_ESCAPE_VMWARE_VIDEO_FLUSH, SVGA_ESCAPE_VMWARE_VIDEO_SET_REGS } from './video-overlay.js';
import { VMWARE_FOURCC_UYVY, VMWARE_FOURCC_YV12, yuvToRgb } from './video-frame.js';

function words(...w: number[]): Uint8Array {
  const out = new Uint8Array(w.length * 4);
  w.forEach((v, i) => new DataView(out.buffer).setUint32(i * 4, v >>> 0, true));
  return out;
}

function escape(...w: number[]) {
  const data = words(...w);
  return { nsid: 0, size: data.length, data };
}

function setRegs(stream: number, regs: Record<number, number>) {
  return escape(SVGA_ESCAPE_VMWARE_VIDEO_SET_REGS, stream, ...Object.entries(regs).flatMap(([k, v]) => [Number(k), v]));
}

const V = SVGA_VIDEO;
const WHITE = 0xffffff;
const RED = 0xff0000;
const PINK = 0xff3433; // Y 126, U 90, V 240: R 255, G (32780 + 3800 − 23296 + 128) >> 8 = 52, B 13300 >> 8 = 51

function setup(): { s: ScreenSystem; gmr: Uint8Array } {
  const mem = new FakeMemory();
  const gmr = new Uint8Array(64);
  mem.regions.set(3, gmr);
  // UYVY 2×2 at offset 4, pitch 8: row 0 white | black, row 1 red | pink.
  gmr.set([128, 235, 128, 16], 4);
  gmr.set([90, 81, 240, 126], 12);
  const s = new ScreenSystem({ vram: new Uint8Array(16), memory: mem, surfaces: new FakeSurfaces(), unpackRgba8: unpackBgra });
  const c = collector();
  s.defineScreen({ structSize: 28, id: 1, flags: 1, size: { width: 4, height: 3 }, root: { x: 10, y: 10 } }, c.report);
  expect(c.codes).toEqual([]);
  return { s, gmr };
}

const base = {
  [V.ENABLED]: 1, [V.FLAGS]: 0, [V.DATA_OFFSET]: 4, [V.FORMAT]: VMWARE_FOURCC_UYVY, [V.WIDTH]: 2, [V.HEIGHT]: 2,
  [V.SRC_X]: 0, [V.SRC_Y]: 0, [V.SRC_WIDTH]: 2, [V.SRC_HEIGHT]: 2, [V.DST_X]: 1, [V.DST_Y]: 0, [V.DST_WIDTH]: 2,
  [V.DST_HEIGHT]: 2, [V.PITCH_1]: 8, [V.DATA_GMRID]: 3, [V.DST_SCREEN_ID]: 1,
};

describe('BT.601 conversion', () => {
  it('maps studio white, black and a saturated red exactly', () => {
    const out = new Uint8Array(4);
    yuvToRgb(235, 128, 128, out, 0);
    expect([...out]).toEqual([255, 255, 255, 255]);
    yuvToRgb(16, 128, 128, out, 0);
    expect([...out]).toEqual([0, 0, 0, 255]);
    yuvToRgb(81, 90, 240, out, 0);
    expect([...out]).toEqual([255, 0, 0, 255]);
  });
});

describe('video overlay', () => {
  it('composites a flushed UYVY frame on its screen without touching the base layer', () => {
    const { s } = setup();
    const c = collector();
    s.escape(setRegs(0, base), c.report);
    expect(rgbOf(s.readScreen(1)!)).toEqual(new Array(12).fill(0)); // not flushed yet
    s.escape(escape(SVGA_ESCAPE_VMWARE_VIDEO_FLUSH, 0), c.report);
    expect(rgbOf(s.readScreen(1)!)).toEqual([0, WHITE, 0, 0, 0, RED, PINK, 0, 0, 0, 0, 0]);
    expect(rgbOf(s.screens.get(1)!.image)).toEqual(new Array(12).fill(0));
    expect(c.codes).toEqual([]);
  });

  it('scales with the point rule, keys on the base colour and places virtual coordinates', () => {
    const { s } = setup();
    const c = collector();
    // Put a non-black base pixel at (1, 1) through a GMRFB blit from VRAM.
    s.escape(setRegs(2, { ...base, [V.DST_X]: 0, [V.DST_WIDTH]: 4, [V.FLAGS]: 1, [V.COLORKEY]: 0xff000000 }), c.report);
    s.escape(escape(SVGA_ESCAPE_VMWARE_VIDEO_FLUSH, 2), c.report);
    expect(rgbOf(s.readScreen(1)!)).toEqual([WHITE, WHITE, 0, 0, RED, RED, PINK, PINK, 0, 0, 0, 0]);
    s.escape(setRegs(2, { [V.DST_SCREEN_ID]: SVGA_ID_INVALID, [V.DST_X]: 13, [V.DST_Y]: 12, [V.DST_WIDTH]: 2, [V.FLAGS]: 0 }), c.report);
    s.escape(escape(SVGA_ESCAPE_VMWARE_VIDEO_FLUSH, 2), c.report);
    // Virtual (13, 12) is screen 1's (3, 2): only the top-left source pixel is on the screen.
    expect(rgbOf(s.readScreen(1)!)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, WHITE]);
    expect(c.codes).toEqual([]);
  });

  it('shows the key colour only: a non-matching base pixel hides the overlay there', () => {
    const mem = new FakeMemory();
    const gmr = new Uint8Array(64);
    gmr.set([128, 235, 128, 235], 0);
    gmr.set([0x01, 0, 0, 0], 32); // one BGRX pixel 0x000001
    mem.regions.set(3, gmr);
    const s = new ScreenSystem({ vram: new Uint8Array(16), memory: mem, surfaces: new FakeSurfaces(), unpackRgba8: unpackBgra });
    const c = collector();
    s.defineScreen({ structSize: 28, id: 0, flags: 1, size: { width: 2, height: 1 }, root: { x: 0, y: 0 } }, c.report);
    s.defineGmrfb({ ptr: { gmrId: 3, offset: 32 }, bytesPerLine: 4, format: 0x1820 }, c.report);
    s.blitGmrfbToScreen({ srcOrigin: { x: 0, y: 0 }, destRect: { left: 1, top: 0, right: 2, bottom: 1 }, destScreenId: 0 }, c.report);
    s.escape(setRegs(0, { ...base, [V.DATA_OFFSET]: 0, [V.HEIGHT]: 1, [V.SRC_HEIGHT]: 1, [V.DST_X]: 0, [V.DST_HEIGHT]: 1,
      [V.DST_SCREEN_ID]: 0, [V.FLAGS]: 1, [V.COLORKEY]: 0 }), c.report);
    s.escape(escape(SVGA_ESCAPE_VMWARE_VIDEO_FLUSH, 0), c.report);
    expect(rgbOf(s.readScreen(0)!)).toEqual([WHITE, 0x000001]);
    expect(c.codes).toEqual([]);
  });

  it('decodes YV12 (Y, then V, then U planes)', () => {
    const { s, gmr } = setup();
    gmr.set([235, 16], 20); // Y plane, pitch align4(2) = 4
    gmr.set([81, 126], 24);
    gmr.set([128], 28); // V
    gmr.set([128], 32); // U
    const c = collector();
    s.escape(setRegs(1, { ...base, [V.FORMAT]: VMWARE_FOURCC_YV12, [V.DATA_OFFSET]: 20, [V.PITCH_1]: 0, [V.DST_X]: 0 }), c.report);
    s.escape(escape(SVGA_ESCAPE_VMWARE_VIDEO_FLUSH, 1), c.report);
    // Y 81 → (298 · 65 + 128) >> 8 = 76; Y 126 → 128.
    expect(rgbOf(s.readScreen(1)!).slice(0, 6)).toEqual([WHITE, 0, 0, 0, 0x4c4c4c, 0x808080]);
    expect(c.codes).toEqual([]);
  });

  it('keeps the last good frame, hides a disabled stream and reports bad escapes', () => {
    const { s } = setup();
    const c = collector();
    s.escape(setRegs(0, base), c.report);
    s.escape(escape(SVGA_ESCAPE_VMWARE_VIDEO_FLUSH, 0), c.report);
    s.escape(setRegs(0, { [V.DATA_OFFSET]: 60 }), c.report);
    s.escape(escape(SVGA_ESCAPE_VMWARE_VIDEO_FLUSH, 0), c.report);
    expect(rgbOf(s.readScreen(1)!).slice(0, 2)).toEqual([0, WHITE]);
    s.escape(setRegs(0, { [V.DATA_OFFSET]: 4, [V.FORMAT]: 0x12345678 }), c.report);
    s.escape(escape(SVGA_ESCAPE_VMWARE_VIDEO_FLUSH, 0), c.report);
    s.escape(setRegs(0, { [V.FORMAT]: VMWARE_FOURCC_UYVY, [V.SRC_X]: 1 }), c.report);
    s.escape(escape(SVGA_ESCAPE_VMWARE_VIDEO_FLUSH, 0), c.report);
    s.escape(setRegs(0, { [V.SRC_X]: 0, 21: 5 }), c.report);
    s.escape(escape(SVGA_ESCAPE_VMWARE_VIDEO_FLUSH, 32), c.report);
    s.escape({ nsid: 0xffffffff, size: 4, data: words(1) }, c.report);
    s.escape(escape(0x00030000, 0), c.report);
    s.escape({ nsid: 0, size: 4, data: words(SVGA_ESCAPE_VMWARE_VIDEO_FLUSH) }, c.report);
    expect(c.codes).toEqual([
      D.E_VIDEO_RANGE.code, D.E_VIDEO_FRAME.code, D.E_VIDEO_FRAME.code, D.E_VIDEO_ESCAPE.code, D.E_VIDEO_ESCAPE.code,
      D.I_ESCAPE_UNKNOWN.code, D.I_ESCAPE_UNKNOWN.code, D.E_VIDEO_ESCAPE.code,
    ]);
    expect(rgbOf(s.readScreen(1)!).slice(0, 2)).toEqual([0, WHITE]);
    s.escape(setRegs(0, { [V.ENABLED]: 0 }), c.report);
    s.escape(escape(SVGA_ESCAPE_VMWARE_VIDEO_FLUSH, 0), c.report);
    expect(rgbOf(s.readScreen(1)!)).toEqual(new Array(12).fill(0));
  });
});
