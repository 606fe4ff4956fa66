/**
 * 3D → screen copies: PRESENT and BLIT_SURFACE_TO_SCREEN, both reading face 0 / mip 0 of a surface
 * of any colour format as RGBA8 at the time the command executes.
 *
 * Decisions:
 * - PRESENT rectangles are in virtual-desktop coordinates (x, y read as int32; w, h, srcx, srcy as
 *   u32): each lands on every screen it overlaps. The source is clipped to the surface and the
 *   destination moves with it.
 * - BLIT_SURFACE_TO_SCREEN always reads face 0 / mip 0 (vmwgfx leaves face and mipmap
 *   uninitialised). Sizes that differ scale by point sampling: destination pixel i of the
 *   destination rectangle reads source `srcRect.left + floor((i + 0.5) · srcW / dstW)` (same for
 *   rows; see `scaledIndex`). Destination pixels whose sample falls outside the surface are left
 *   unchanged. Clip rectangles are relative to destRect's top-left; none means the whole destRect.
 * - The surface's alpha is dropped: screens are opaque.
 * - Limits: at most `MAX_RECTS` copy or clip rectangles per command, and at most
 *   `MAX_PIXELS_PER_COMMAND` pixel writes per command (then E_WORK_BUDGET and the rest is skipped).
 */
import type { ReportFn } from '../../common/diagnostics.js';
import type { SurfaceImage, SurfaceLookup } from '../surface-image.js';
import { SCREEN_DIAGNOSTICS as D } from './screen-diagnostics.js';
import { SVGA_ID_INVALID, type BlitSurfaceToScreenBody, type PresentBody } from './screen-commands.js';
import {
  area, boxFromSigned, boxFromSize, clipBands, int32, intersect, isEmpty, scaledIndex, translate, u32, type Box,
} from './rect-math.js';
import type { ScreenSet } from './screen-set.js';

export const MAX_RECTS = 4096;
export const MAX_PIXELS_PER_COMMAND = 1 << 26;

/** Reads a surface image as tightly packed RGBA8 (`width × height × 4`), or undefined. */
export type UnpackRgba8 = (format: number, image: SurfaceImage, slice: number) => Uint8Array | undefined;

interface SourcePixels { readonly width: number; readonly height: number; readonly rgba: Uint8Array }

/** Copies the 3D side onto the screens. */
export class SurfaceToScreen {
  private readonly surfaces: SurfaceLookup;
  private readonly unpack: UnpackRgba8;

  constructor(surfaces: SurfaceLookup, unpack: UnpackRgba8) {
    this.surfaces = surfaces;
    this.unpack = unpack;
  }

  present(body: PresentBody, screens: ScreenSet, report: ReportFn): void {
    if (body.rects.length > MAX_RECTS) {
      report(D.E_RECT_COUNT, `PRESENT with ${body.rects.length} rectangles; at most ${MAX_RECTS}`);
      return;
    }
    const src = this.source(body.sid, report);
    if (!src) return;
    let budget = MAX_PIXELS_PER_COMMAND;
    for (const r of body.rects) {
      const want = boxFromSize(r.srcx, r.srcy, r.w, r.h);
      const clipped = intersect(want, { x0: 0, y0: 0, x1: src.width, y1: src.height });
      if (!clipped) continue;
      // Virtual position of the clipped source's top-left, and virtual → source offset.
      const vx = int32(r.x) + (clipped.x0 - want.x0);
      const vy = int32(r.y) + (clipped.y0 - want.y0);
      const virtual = { x0: vx, y0: vy, x1: vx + clipped.x1 - clipped.x0, y1: vy + clipped.y1 - clipped.y0 };
      const targets = screens.targets(SVGA_ID_INVALID, virtual, report, 'PRESENT') ?? [];
      for (const t of targets) {
        budget -= area(t.box);
        if (budget < 0) {
          report(D.E_WORK_BUDGET, `PRESENT writes more than ${MAX_PIXELS_PER_COMMAND} pixels; the rest is skipped`);
          return;
        }
        const img = t.screen.image;
        const w = t.box.x1 - t.box.x0;
        for (let y = t.box.y0; y < t.box.y1; y++) {
          const sy = y - t.dy - vy + clipped.y0;
          const sx = t.box.x0 - t.dx - vx + clipped.x0;
          copyOpaque(src.rgba, (sy * src.width + sx) * 4, img.data, (y * img.width + t.box.x0) * 4, w);
        }
      }
    }
  }

  blitSurfaceToScreen(body: BlitSurfaceToScreenBody, screens: ScreenSet, report: ReportFn): void {
    if (body.clipRects.length > MAX_RECTS) {
      report(D.E_RECT_COUNT, `BLIT_SURFACE_TO_SCREEN with ${body.clipRects.length} clip rectangles; at most ${MAX_RECTS}`);
      return;
    }
    const srcRect = boxFromSigned(body.srcRect);
    const dstRect = boxFromSigned(body.destRect);
    if (isEmpty(srcRect) || isEmpty(dstRect)) {
      report(D.I_EMPTY_RECT, `BLIT_SURFACE_TO_SCREEN with an empty source or destination rectangle`);
      return;
    }
    const src = this.source(body.srcImage.sid, report);
    if (!src) return;
    const targets = screens.targets(body.destScreenId, dstRect, report, 'BLIT_SURFACE_TO_SCREEN');
    if (!targets) return;
    const clips: Box[] = body.clipRects.length === 0
      ? [dstRect]
      : body.clipRects.map((c) => translate(boxFromSigned(c), dstRect.x0, dstRect.y0));
    const srcW = srcRect.x1 - srcRect.x0;
    const srcH = srcRect.y1 - srcRect.y0;
    const dstW = dstRect.x1 - dstRect.x0;
    const dstH = dstRect.y1 - dstRect.y0;
    let budget = MAX_PIXELS_PER_COMMAND;
    for (const t of targets) {
      const bands = clipBands(t.box, clips.map((c) => translate(c, t.dx, t.dy)));
      // Source column / row of each screen column / row of the target, -1 when outside the surface.
      const cols = sampleMap(t.box.x0, t.box.x1, t.dx + dstRect.x0, srcRect.x0, srcW, dstW, src.width);
      const rows = sampleMap(t.box.y0, t.box.y1, t.dy + dstRect.y0, srcRect.y0, srcH, dstH, src.height);
      const img = t.screen.image;
      for (const band of bands) {
        for (let y = band.y0; y < band.y1; y++) {
          const sy = rows[y - t.box.y0] ?? -1;
          for (const [a, b] of band.spans) {
            budget -= b - a;
            if (budget < 0) {
              report(D.E_WORK_BUDGET, `BLIT_SURFACE_TO_SCREEN writes more than ${MAX_PIXELS_PER_COMMAND} pixels; the rest is skipped`);
              return;
            }
            if (sy < 0) continue;
            for (let x = a; x < b; x++) {
              const sx = cols[x - t.box.x0] ?? -1;
              if (sx < 0) continue;
              const s = (sy * src.width + sx) * 4;
              const d = (y * img.width + x) * 4;
              img.data[d] = src.rgba[s] as number;
              img.data[d + 1] = src.rgba[s + 1] as number;
              img.data[d + 2] = src.rgba[s + 2] as number;
              img.data[d + 3] = 255;
            }
          }
        }
      }
    }
  }

  private source(sid: number, report: ReportFn): SourcePixels | undefined {
    const view = this.surfaces.get(u32(sid));
    const image = view?.image(0, 0);
    if (!view || !image) {
      report(D.E_SURFACE, `surface ${u32(sid)} is not defined or has no face 0 mip 0`);
      return undefined;
    }
    const rgba = this.unpack(view.format, image, 0);
    if (!rgba || rgba.length !== image.width * image.height * 4) {
      report(D.E_SURFACE_FORMAT, `surface ${u32(sid)} format ${view.format} cannot be read as RGBA8`);
      return undefined;
    }
    return { width: image.width, height: image.height, rgba };
  }
}

/**
 * For screen coordinates `c0 … c1 − 1` of a target whose destination rectangle starts at screen
 * coordinate `dstStart`, the source coordinate each one samples (or -1 outside `0 … limit − 1`).
 */
function sampleMap(c0: number, c1: number, dstStart: number, srcStart: number, srcLen: number, dstLen: number, limit: number): Int32Array {
  const out = new Int32Array(c1 - c0);
  for (let c = c0; c < c1; c++) {
    const s = srcStart + scaledIndex(c - dstStart, srcLen, dstLen);
    out[c - c0] = s >= 0 && s < limit ? s : -1;
  }
  return out;
}

function copyOpaque(src: Uint8Array, s: number, dst: Uint8Array, d: number, count: number): void {
  for (let i = 0; i < count; i++, s += 4, d += 4) {
    dst[d] = src[s] as number;
    dst[d + 1] = src[s + 1] as number;
    dst[d + 2] = src[s + 2] as number;
    dst[d + 3] = 255;
  }
}
