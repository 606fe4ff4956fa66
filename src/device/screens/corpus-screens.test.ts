/**
 * The SDK screen examples replayed through the whole device (without a draw backend, so the 3D
 * renders stay at their CLEAR colours): the screens' part of each image must be what the
 * programs intended, and the only screen diagnostics must be the ones the programs provoke.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../common/diagnostics.js';
import type { Rgba8Image } from '../../common/image.js';
import { yuvToRgb8 } from '../../formats/index.js';
import { SvgaDevice } from '../svga-device.js';
import { SCREEN_DIAGNOSTICS as D } from './screen-diagnostics.js';

const CORPUS = join(import.meta.dirname, '../../../corpus/vmware-svga-sdk');

interface Replayed {
  device: SvgaDevice;
  diags: DiagnosticList;
  images: Map<string, Rgba8Image>;
}

/** Plays every record of a trace into a fresh device, keeping the checkpoint images. */
function replay(file: string): Replayed {
  const data = gunzipSync(readFileSync(join(CORPUS, file)));
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const diags = new DiagnosticList();
  let device = new SvgaDevice({ sink: diags, drawBackend: null });
  const images = new Map<string, Rgba8Image>();
  let pos = 16;
  for (let record = 0; pos + 8 <= bytes.length; record++) {
    const type = dv.getUint32(pos, true);
    const length = dv.getUint32(pos + 4, true);
    const p = pos + 8;
    const payload = bytes.subarray(p, p + length);
    const where = { record, fileOffset: p };
    if (type === 7) device = new SvgaDevice({ sink: diags, drawBackend: null, vramBytes: dv.getUint32(p, true) });
    else if (type === 1) device.writeRegister(dv.getUint32(p, true), dv.getUint32(p + 4, true), where);
    else if (type === 2) device.executeFifo(payload, where);
    else if (type === 3) device.writeVram(dv.getUint32(p, true), payload.subarray(4), where);
    else if (type === 4) device.writeGuestMemory(dv.getUint32(p, true) + dv.getUint32(p + 4, true) * 2 ** 32, payload.subarray(8), where);
    else if (type === 5) {
      const img = device.readScreen(dv.getUint32(p + 4, true));
      if (img) images.set(new TextDecoder().decode(payload.subarray(16)), img);
    }
    pos = p + Math.ceil(length / 4) * 4;
  }
  return { device, diags, images };
}

function screenCodes(d: DiagnosticList): number[] {
  return d.items.filter((x) => x.code >= 3600 && x.code < 3800).map((x) => x.code);
}

function pixel(img: Rgba8Image, x: number, y: number): number {
  const o = (y * img.width + x) * 4;
  return ((img.data[o] as number) << 16) | ((img.data[o + 1] as number) << 8) | (img.data[o + 2] as number);
}

describe('screen-render-test', () => {
  const r = replay('screen-render-test.svgatrace.gz');

  it('fails only the third screen → GMRFB copy, which spans two screens', () => {
    expect(screenCodes(r.diags)).toEqual([D.E_SCREEN_SOURCE.code]);
    const d = r.diags.items.find((x) => x.code === D.E_SCREEN_SOURCE.code);
    expect(d?.message).toContain('(319, 309)-(481, 431) is not inside screen 0 (799x405)');
  });

  it('shows both screens at their defined sizes', () => {
    const s0 = r.images.get('frame-000')!;
    const s1 = r.images.get('frame-000-screen1')!;
    expect([s0.width, s0.height, s1.width, s1.height]).toEqual([799, 405, 600, 200]);
  });

  it('draws the yellow border of the video from annotated GMRFB fills', () => {
    const s1 = r.images.get('frame-003-screen1')!;
    // ScreenDraw_Border(219, -101, 541, 141, 0xFFFF00, 1) in screen 1's coordinates: columns 219
    // and 540 from the top of the screen to row 140, and row 140 between them.
    expect([pixel(s1, 219, 1), pixel(s1, 219, 140), pixel(s1, 540, 100), pixel(s1, 300, 140)])
      .toEqual([0xffff00, 0xffff00, 0xffff00, 0xffff00]);
    expect([pixel(s1, 219, 141), pixel(s1, 218, 100), pixel(s1, 541, 100)]).toEqual([0, 0, 0]);
  });

  it('composites the UYVY test card, scaled 720×576 → 320×240 at (220, −100) of screen 1, over black', () => {
    const s1 = r.images.get('frame-003-screen1')!;
    const card = new Uint8Array(4);
    for (const [x, y] of [[220, 1], [300, 50], [539, 139], [400, 120]] as const) {
      // Point rule: source = floor((2i + 1) · src / (2 · dst)).
      const sx = Math.floor(((2 * (x - 220) + 1) * 720) / 640);
      const sy = Math.floor(((2 * (y + 100) + 1) * 576) / 480);
      const block = new Uint8Array(4);
      expect(r.device.gmrs.read(1, sy * 1440 + (sx & ~1) * 2, block)).toBe(true);
      yuvToRgb8(block[1 + 2 * (sx & 1)] as number, block[0] as number, block[2] as number, card, 0);
      expect(pixel(s1, x, y)).toBe(((card[0] as number) << 16) | ((card[1] as number) << 8) | (card[2] as number));
    }
    // Row 0 is the red screen border: the colour key (black) hides the video there.
    expect(pixel(s1, 220, 0)).toBe(0xff0000);
    // Below the overlay (y ≥ 140) screen 1 is the base layer again.
    expect(pixel(s1, 300, 150)).toBe(0);
  });
});

describe('screen-present-clip', () => {
  const r = replay('screen-present-clip.svgatrace.gz');

  it('replays every screen command without a screen diagnostic', () => {
    expect(screenCodes(r.diags)).toEqual([]);
    const img = r.images.get('frame-003')!;
    expect([img.width, img.height]).toEqual([1024, 768]);
  });
});

describe('gmr-test', () => {
  const r = replay('gmr-test.svgatrace.gz');

  it('presents the blue status screen at every pass', () => {
    expect(screenCodes(r.diags)).toEqual([]);
    expect(r.images.size).toBe(24);
    for (const img of r.images.values()) {
      expect([img.width, img.height, pixel(img, 0, 0), pixel(img, 639, 479)]).toEqual([640, 480, 0x000080, 0x000080]);
    }
  });
});

describe('present-readback', () => {
  const r = replay('present-readback.svgatrace.gz');

  it('shows the presented image in all four quadrants', () => {
    expect(screenCodes(r.diags)).toEqual([]);
    const img = r.images.get('frame-001')!;
    // Without a draw backend the render target holds its CLEAR colour, 0x113366; the magenta clear
    // that follows each PRESENT must not reach the read-back quadrants.
    expect(pixel(img, 410, 310)).toBe(0x113366);
    for (const [x, y] of [[10, 10], [410, 10], [10, 310], [410, 310], [399, 299], [799, 599]] as const) {
      expect(pixel(img, x, y)).toBe(pixel(img, x % 400, y % 300));
    }
  });
});
