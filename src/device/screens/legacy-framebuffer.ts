/**
 * The legacy guest framebuffer (GFB): VRAM from `SVGA_REG_FB_OFFSET`, `BYTES_PER_LINE` per row, in
 * the mode's pixel format, shown on the legacy display.
 *
 * Decisions:
 * - UPDATE / UPDATE_VERBOSE copy the GFB rectangle to the legacy display, clipped to the mode.
 * - RECT_FILL and RECT_COPY / RECT_ROP_COPY operate on the GFB (the device's accelerated 2D ops)
 *   and then refresh the destination rectangle on the display, as if an UPDATE followed.
 * - FRONT_ROP_FILL is only a hint that the guest already filled the GFB rectangle: the GFB is not
 *   written (the guest's bytes are the truth, and the trace records them) and the rectangle is
 *   refreshed from the GFB, exactly what an honest hint and an UPDATE give.
 * - PRESENT_READBACK writes the legacy display's pixels back into the GFB in its format.
 * - A rectangle whose GFB bytes are not all inside VRAM skips the whole command (no partial copy).
 */
import type { ReportFn } from '../../common/diagnostics.js';
import { SCREEN_DIAGNOSTICS as D } from './screen-diagnostics.js';
import {
  BYTES_PER_PIXEL, PaletteMatcher, decodePixels, encodePixels, fillPixelValue, legacyFormat,
  type Palette, type PixelFormat,
} from './pixel-codec.js';
import { area, boxFromSize, intersect, u32, type Box } from './rect-math.js';
import type { HostScreen } from './screen-set.js';

/** The legacy mode registers as the device core hands them over. */
export interface LegacyMode {
  readonly enabled: boolean;
  readonly width: number;
  readonly height: number;
  readonly bitsPerPixel: number;
  readonly fbOffset: number;
  readonly bytesPerLine: number;
}

/** The GFB view of VRAM plus its palette. */
export class LegacyFramebuffer {
  readonly palette: Palette = new Uint8Array(256 * 3);
  private readonly vram: Uint8Array;
  private mode: LegacyMode = { enabled: false, width: 0, height: 0, bitsPerPixel: 0, fbOffset: 0, bytesPerLine: 0 };

  constructor(vram: Uint8Array) {
    this.vram = vram;
  }

  setMode(mode: LegacyMode): void {
    this.mode = {
      enabled: mode.enabled, width: u32(mode.width), height: u32(mode.height), bitsPerPixel: u32(mode.bitsPerPixel),
      fbOffset: u32(mode.fbOffset), bytesPerLine: u32(mode.bytesPerLine),
    };
  }

  /** UPDATE: GFB rectangle → legacy display. */
  update(screen: HostScreen | undefined, x: number, y: number, w: number, h: number, report: ReportFn): void {
    const ctx = this.prepare(screen, boxFromSize(x, y, w, h), report);
    if (ctx) this.refresh(ctx.screen, ctx.box, ctx.format);
  }

  /** RECT_FILL: fill the GFB rectangle with a raw pixel value, then refresh it. */
  fill(screen: HostScreen | undefined, pixel: number, x: number, y: number, w: number, h: number, report: ReportFn): void {
    const ctx = this.prepare(screen, boxFromSize(x, y, w, h), report);
    if (!ctx) return;
    const bpp = BYTES_PER_PIXEL[ctx.format];
    for (let row = ctx.box.y0; row < ctx.box.y1; row++) {
      fillPixelValue(ctx.format, u32(pixel), this.vram, this.offsetOf(ctx.box.x0, row, bpp), ctx.box.x1 - ctx.box.x0);
    }
    this.refresh(ctx.screen, ctx.box, ctx.format);
  }

  /** RECT_COPY: GFB → GFB as if the whole source were read first (overlap-safe), then refresh. */
  copy(screen: HostScreen | undefined, sx: number, sy: number, dx: number, dy: number, w: number, h: number, report: ReportFn): void {
    const src = u32Point(sx, sy);
    const dst = u32Point(dx, dy);
    const mw = this.mode.width;
    const mh = this.mode.height;
    // Shrink the size so that both rectangles fit in the mode; work stays inside the mode.
    const cw = Math.min(u32(w), mw - Math.min(src.x, mw), mw - Math.min(dst.x, mw));
    const ch = Math.min(u32(h), mh - Math.min(src.y, mh), mh - Math.min(dst.y, mh));
    const srcCtx = this.prepare(screen, { x0: src.x, y0: src.y, x1: src.x + cw, y1: src.y + ch }, report);
    if (!srcCtx) return;
    const dstCtx = this.prepare(screen, { x0: dst.x, y0: dst.y, x1: dst.x + cw, y1: dst.y + ch }, report);
    if (!dstCtx) return;
    const bpp = BYTES_PER_PIXEL[srcCtx.format];
    const rowBytes = cw * bpp;
    const tmp = new Uint8Array(rowBytes * ch);
    for (let r = 0; r < ch; r++) {
      const o = this.offsetOf(src.x, src.y + r, bpp);
      tmp.set(this.vram.subarray(o, o + rowBytes), r * rowBytes);
    }
    for (let r = 0; r < ch; r++) {
      this.vram.set(tmp.subarray(r * rowBytes, (r + 1) * rowBytes), this.offsetOf(dst.x, dst.y + r, bpp));
    }
    this.refresh(dstCtx.screen, dstCtx.box, dstCtx.format);
  }

  /**
   * PRESENT_READBACK of one rectangle: legacy display → GFB in the mode's format. Returns the
   * pixels written, or undefined (nothing written) when that would exceed `budget`.
   */
  readback(screen: HostScreen | undefined, x: number, y: number, w: number, h: number, budget: number, report: ReportFn): number | undefined {
    const ctx = this.prepare(screen, boxFromSize(x, y, w, h), report);
    if (!ctx) return 0;
    const pixels = area(ctx.box);
    if (pixels > budget) return undefined;
    const bpp = BYTES_PER_PIXEL[ctx.format];
    const img = ctx.screen.image;
    const matcher = ctx.format === 'pal8' ? new PaletteMatcher(this.palette) : undefined;
    for (let row = ctx.box.y0; row < ctx.box.y1; row++) {
      encodePixels(ctx.format, img.data, (row * img.width + ctx.box.x0) * 4, ctx.box.x1 - ctx.box.x0, this.vram,
        this.offsetOf(ctx.box.x0, row, bpp), matcher);
    }
    return pixels;
  }

  /**
   * Checks the mode and clips `box` to it; returns undefined (after a diagnostic) when there is no
   * legacy display, the format is unsupported, or the clipped rectangle's bytes leave VRAM.
   * An empty clipped rectangle is also undefined, silently: there is nothing to do.
   */
  private prepare(screen: HostScreen | undefined, box: Box, report: ReportFn): { screen: HostScreen; box: Box; format: PixelFormat } | undefined {
    const m = this.mode;
    if (!m.enabled || !screen) {
      report(D.E_NO_LEGACY_MODE, 'no legacy display mode is set (or it exceeds the screen budget)');
      return undefined;
    }
    const format = legacyFormat(m.bitsPerPixel);
    if (!format) {
      report(D.E_LEGACY_FORMAT, `legacy mode has ${m.bitsPerPixel} bits per pixel; supported: 8, 15, 16, 24, 32`);
      return undefined;
    }
    const clipped = intersect(box, { x0: 0, y0: 0, x1: screen.image.width, y1: screen.image.height });
    if (!clipped) return undefined;
    const bpp = BYTES_PER_PIXEL[format];
    const first = this.offsetOf(clipped.x0, clipped.y0, bpp);
    const end = this.offsetOf(clipped.x1, clipped.y1 - 1, bpp);
    if (end > this.vram.length) {
      report(D.E_GFB_RANGE, `framebuffer bytes ${first}..${end} (offset ${m.fbOffset}, ${m.bytesPerLine} bytes per line) pass VRAM size ${this.vram.length}`);
      return undefined;
    }
    return { screen, box: clipped, format };
  }

  private offsetOf(x: number, y: number, bpp: number): number {
    return this.mode.fbOffset + y * this.mode.bytesPerLine + x * bpp;
  }

  private refresh(screen: HostScreen, box: Box, format: PixelFormat): void {
    const bpp = BYTES_PER_PIXEL[format];
    const img = screen.image;
    for (let row = box.y0; row < box.y1; row++) {
      decodePixels(format, this.vram, this.offsetOf(box.x0, row, bpp), box.x1 - box.x0, img.data,
        (row * img.width + box.x0) * 4, this.palette);
    }
  }
}

function u32Point(x: number, y: number): { x: number; y: number } {
  return { x: u32(x), y: u32(y) };
}
