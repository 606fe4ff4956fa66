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
import { openTrace, traceRecords } from '../../trace/index.js';
import { SvgaDevice } from '../svga-device.js';
import { SCREEN_DIAGNOSTICS as D } from './screen-diagnostics.js';

const CORPUS = join(import.meta.dirname, '../../../corpus/vmware-svga-sdk');

interface Replayed {
  device: SvgaDevice;
  diags: DiagnosticList;
  images: Map<string, Rgba8Image>;
}

const gunzip = (c: Uint8Array, max: number) => new Uint8Array(gunzipSync(c, { maxOutputLength: max }));

/** Plays every record of a trace (read by `src/trace`) into a fresh device, keeping the screen checkpoints. */
function replay(file: string): Replayed {
  const diags = new DiagnosticList();
  const trace = openTrace(new Uint8Array(readFileSync(join(CORPUS, file))), diags, { gunzip });
  if (!trace) throw new Error(`${file} is not a readable trace`);
  let device = new SvgaDevice({ sink: diags, drawBackend: null });
  const images = new Map<string, Rgba8Image>();
  for (const r of traceRecords(trace, diags)) {
    const v = r.view;
    const where = { record: r.index, fileOffset: r.offset };
    if (v.kind === 'CONFIG') device = new SvgaDevice({ sink: diags, drawBackend: null, vramBytes: v.vramBytes });
    else if (v.kind === 'REG_WRITE') device.writeRegister(v.register, v.value, where);
    else if (v.kind === 'FIFO') device.executeFifo(v.bytes, { record: r.index, fileOffset: r.payloadOffset });
    else if (v.kind === 'VRAM_WRITE') device.writeVram(v.vramOffset, v.bytes, where);
    else if (v.kind === 'GUEST_WRITE') device.writeGuestMemory(v.address, v.bytes, where);
    else if (v.kind === 'CHECKPOINT' && v.checkpoint.kind === 0) {
      const img = device.readScreen(v.checkpoint.id);
      if (img) images.set(v.checkpoint.name, img);
    }
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
