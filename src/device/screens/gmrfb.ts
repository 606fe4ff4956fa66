/**
 * The GMRFB: a guest image in a GMR (or VRAM), the source of BLIT_GMRFB_TO_SCREEN and the
 * destination of BLIT_SCREEN_TO_GMRFB.
 *
 * Annotations (ANNOTATION_FILL / ANNOTATION_COPY) are promises about the next GMRFB → screen blit;
 * the device may ignore them. Here the guest's bytes are always what is drawn and the annotation is
 * only consumed (and a FILL that the bytes contradict gets an info diagnostic). Evidence that this
 * is the reading that reproduces the intended image: in `screen-present-clip` every one of the
 * 8308 ANNOTATION_FILL blits (and all 259 in `screen-render-test`) reads a tile of GMR 0 whose
 * pixels all equal the annotated colour, because ScreenDraw memsets its tile buffer before
 * annotating, so both readings give the same pixels; the bytes are also right when a guest's
 * promise is stale, and an ANNOTATION_COPY source may legally be undefined.
 */
import type { ReportFn } from '../../common/diagnostics.js';
import type { GuestPtrMemory } from '../guest-ptr-memory.js';
import { SCREEN_DIAGNOSTICS as D } from './screen-diagnostics.js';
import type {
  AnnotationCopyBody, AnnotationFillBody, BlitGmrfbToScreenBody, BlitScreenToGmrfbBody, DefineGmrfbBody,
} from './screen-commands.js';
import { SVGA_ID_INVALID } from './screen-commands.js';
import { BYTES_PER_PIXEL, decodePixels, encodePixels, gmrfbFormat, type PixelFormat } from './pixel-codec.js';
import { boxFromSigned, int32, isEmpty, u32 } from './rect-math.js';
import type { ScreenSet } from './screen-set.js';

/** The current GMRFB definition. */
export interface GmrfbState {
  readonly gmrId: number;
  readonly offset: number;
  readonly bytesPerLine: number;
  readonly format: PixelFormat;
}

/** A pending blit annotation. */
export type Annotation =
  | { readonly kind: 'fill'; readonly color: number }
  | { readonly kind: 'copy'; readonly srcX: number; readonly srcY: number; readonly srcScreenId: number };

const NO_PALETTE = new Uint8Array(0);

/** GMRFB state and the two blits. */
export class Gmrfb {
  /** Undefined until a valid DEFINE_GMRFB (the protocol leaves the default undefined). */
  state: GmrfbState | undefined;
  /** The annotation the next BLIT_GMRFB_TO_SCREEN consumes. */
  annotation: Annotation | undefined;
  private readonly memory: GuestPtrMemory;

  constructor(memory: GuestPtrMemory) {
    this.memory = memory;
  }

  define(body: DefineGmrfbBody, report: ReportFn): void {
    const word = u32(body.format);
    const bitsPerPixel = word & 0xff;
    const colorDepth = (word >>> 8) & 0xff;
    const reserved = word >>> 16;
    const format = reserved === 0 ? gmrfbFormat(bitsPerPixel, colorDepth) : undefined;
    if (!format) {
      this.state = undefined;
      report(D.E_GMRFB_FORMAT, `GMRFB format bpp ${bitsPerPixel} depth ${colorDepth} reserved ${reserved} is not 32/24, 24/24, 16/16 or 16/15`);
      return;
    }
    this.state = { gmrId: u32(body.ptr.gmrId), offset: u32(body.ptr.offset), bytesPerLine: u32(body.bytesPerLine), format };
  }

  annotateFill(body: AnnotationFillBody): void {
    this.annotation = { kind: 'fill', color: u32(body.color) & 0xffffff };
  }

  annotateCopy(body: AnnotationCopyBody): void {
    this.annotation = { kind: 'copy', srcX: int32(body.srcOrigin.x), srcY: int32(body.srcOrigin.y), srcScreenId: u32(body.srcScreenId) };
  }

  /** BLIT_GMRFB_TO_SCREEN: every source row is read before any screen pixel changes. */
  blitToScreen(body: BlitGmrfbToScreenBody, screens: ScreenSet, report: ReportFn): void {
    const annotation = this.annotation;
    this.annotation = undefined;
    const g = this.state;
    if (!g) {
      report(D.E_GMRFB_UNDEFINED, 'BLIT_GMRFB_TO_SCREEN before any valid DEFINE_GMRFB');
      return;
    }
    const dest = boxFromSigned(body.destRect);
    if (isEmpty(dest)) return;
    const targets = screens.targets(body.destScreenId, dest, report, 'BLIT_GMRFB_TO_SCREEN');
    if (!targets || targets.length === 0) return;
    const bpp = BYTES_PER_PIXEL[g.format];
    const ox = int32(body.srcOrigin.x) - dest.x0;
    const oy = int32(body.srcOrigin.y) - dest.y0;
    const rows: Uint8Array[][] = [];
    for (const t of targets) {
      const w = t.box.x1 - t.box.x0;
      const list: Uint8Array[] = [];
      for (let y = t.box.y0; y < t.box.y1; y++) {
        const sx = t.box.x0 - t.dx + ox;
        const sy = y - t.dy + oy;
        const row = new Uint8Array(w * bpp);
        if (!this.readRow(g, sx, sy, row)) {
          report(D.E_GMRFB_RANGE, `GMRFB row ${sy} (x ${sx}, ${w} pixels) is outside GMR ${g.gmrId}; nothing copied`);
          return;
        }
        list.push(row);
      }
      rows.push(list);
    }
    let mismatch = false;
    targets.forEach((t, i) => {
      const img = t.screen.image;
      const w = t.box.x1 - t.box.x0;
      rows[i]?.forEach((row, r) => {
        const at = ((t.box.y0 + r) * img.width + t.box.x0) * 4;
        decodePixels(g.format, row, 0, w, img.data, at, NO_PALETTE);
        if (annotation?.kind === 'fill' && !mismatch) mismatch = !allColor(img.data, at, w, annotation.color);
      });
    });
    if (mismatch && annotation?.kind === 'fill') {
      report(D.I_ANNOTATION_MISMATCH, `ANNOTATION_FILL 0x${annotation.color.toString(16).padStart(6, '0')} but the GMRFB pixels differ; the pixels were used`);
    }
  }

  /** BLIT_SCREEN_TO_GMRFB: the source must lie inside one screen; every row is checked first. */
  blitFromScreen(body: BlitScreenToGmrfbBody, screens: ScreenSet, report: ReportFn): void {
    const g = this.state;
    if (!g) {
      report(D.E_GMRFB_UNDEFINED, 'BLIT_SCREEN_TO_GMRFB before any valid DEFINE_GMRFB');
      return;
    }
    const sid = u32(body.srcScreenId);
    const screen = sid === SVGA_ID_INVALID ? undefined : screens.get(sid);
    if (!screen) {
      report(D.E_SCREEN_ID, `BLIT_SCREEN_TO_GMRFB source screen ${sid} is not defined (virtual coordinates are not supported)`);
      return;
    }
    const src = boxFromSigned(body.srcRect);
    if (isEmpty(src)) return;
    const img = screen.image;
    if (src.x0 < 0 || src.y0 < 0 || src.x1 > img.width || src.y1 > img.height) {
      report(D.E_SCREEN_SOURCE, `source (${src.x0}, ${src.y0})-(${src.x1}, ${src.y1}) is not inside screen ${sid} (${img.width}x${img.height})`);
      return;
    }
    const bpp = BYTES_PER_PIXEL[g.format];
    const w = src.x1 - src.x0;
    const dx = int32(body.destOrigin.x);
    const dy = int32(body.destOrigin.y);
    const offsets: number[] = [];
    for (let r = 0; r < src.y1 - src.y0; r++) {
      const off = this.rowOffset(g, dx, dy + r, w * bpp);
      if (off === undefined) {
        report(D.E_GMRFB_RANGE, `GMRFB row ${dy + r} (x ${dx}, ${w} pixels) is outside GMR ${g.gmrId}; nothing written`);
        return;
      }
      offsets.push(off);
    }
    const row = new Uint8Array(w * bpp);
    offsets.forEach((off, r) => {
      encodePixels(g.format, img.data, ((src.y0 + r) * img.width + src.x0) * 4, w, row, 0);
      this.memory.write(g.gmrId, off, row);
    });
  }

  private readRow(g: GmrfbState, x: number, y: number, dst: Uint8Array): boolean {
    const off = this.rowOffset(g, x, y, dst.length);
    return off !== undefined && this.memory.read(g.gmrId, off, dst);
  }

  /** The byte offset of pixel (x, y) when `len` bytes from there lie in the GMR, else undefined. */
  private rowOffset(g: GmrfbState, x: number, y: number, len: number): number | undefined {
    if (x < 0 || y < 0) return undefined;
    const off = g.offset + y * g.bytesPerLine + x * BYTES_PER_PIXEL[g.format];
    const size = this.memory.regionSize(g.gmrId);
    return size >= 0 && off + len <= size ? off : undefined;
  }
}

function allColor(rgba: Uint8Array, at: number, count: number, color: number): boolean {
  const r = (color >> 16) & 255;
  const gr = (color >> 8) & 255;
  const b = color & 255;
  for (let i = 0, p = at; i < count; i++, p += 4) {
    if (rgba[p] !== r || rgba[p + 1] !== gr || rgba[p + 2] !== b) return false;
  }
  return true;
}
