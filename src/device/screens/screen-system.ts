/**
 * The screen system: every 2D FIFO command, the 3D → screen commands and the video overlays,
 * over persistent host-side screen images. The device core constructs one and calls one method
 * per command with the decoded body and a `ReportFn`.
 *
 * What a screen shows (`readScreen`): its base layer (black until written; the legacy GFB only
 * appears there through UPDATE and the other legacy 2D commands) with the video overlays on top;
 * black while the screen is DEACTIVATEd or BLANKING. The cursor is not drawn: it is the host's,
 * not part of the guest's image (its state is in `cursor`).
 */
import type { ReportFn } from '../../common/diagnostics.js';
import { unpackImageRgba8 } from '../../formats/index.js';
import type { Rgba8Image } from '../../common/image.js';
import type { GuestPtrMemory } from '../guest-ptr-memory.js';
import type { SurfaceLookup } from '../surface-image.js';
import type {
  AnnotationCopyBody, AnnotationFillBody, BlitGmrfbToScreenBody, BlitScreenToGmrfbBody, BlitSurfaceToScreenBody,
  DefineAlphaCursorBody, DefineCursorBody, DefineGmrfbBody, DefineScreenBody, DestroyScreenBody, DisplayCursorBody,
  EscapeBody, FrontRopFillBody, MoveCursorBody, PresentBody, PresentReadbackBody, RectCopyBody, RectFillBody,
  RectRopCopyBody, UpdateBody, UpdateVerboseBody,
} from './screen-commands.js';
import { SVGA_ROP_COPY } from './screen-commands.js';
import { SCREEN_DIAGNOSTICS as D } from './screen-diagnostics.js';
import { CursorState } from './cursor.js';
import { Gmrfb } from './gmrfb.js';
import { LegacyFramebuffer, type LegacyMode } from './legacy-framebuffer.js';
import { MAX_PIXELS_PER_COMMAND, MAX_RECTS, SurfaceToScreen, type UnpackRgba8 } from './surface-to-screen.js';
import { ScreenSet, SVGA_SCREEN_BLANKING, SVGA_SCREEN_DEACTIVATE, blackImage, type NamedScreenRule } from './screen-set.js';
import { u32 } from './rect-math.js';
import { VideoOverlays } from './video-overlay.js';

/** What the screen system needs from the device. */
export interface ScreenSystemOptions {
  /** Device VRAM (BAR1): the legacy framebuffer lives here. */
  readonly vram: Uint8Array;
  /** Guest memory by `SVGAGuestPtr` (GMRFB, overlay frames). */
  readonly memory: GuestPtrMemory;
  /** Surfaces for PRESENT and BLIT_SURFACE_TO_SCREEN. */
  readonly surfaces: SurfaceLookup;
  /** Reads a surface image as RGBA8; `unpackImageRgba8` of `src/formats` unless given (tests). */
  readonly unpackRgba8?: UnpackRgba8;
  /**
   * What a blit or video overlay addressed to a named screen does outside that screen:
   * `'clip'` (default, the trace format's rule) drops it, `'spill'` lands it on the neighbours.
   */
  readonly namedScreenRule?: NamedScreenRule;
}

/** Screens, 2D commands, cursor and overlays. */
export class ScreenSystem {
  /** The hardware cursor's definition, position and visibility. */
  readonly cursor = new CursorState();
  /** The screens (inspection and tests). */
  readonly screens: ScreenSet;
  /** Video overlay streams (inspection and tests). */
  readonly overlays: VideoOverlays;
  private readonly gfb: LegacyFramebuffer;
  private readonly gmrfb: Gmrfb;
  private readonly surfaceBlits: SurfaceToScreen;
  private mode: LegacyMode = { enabled: false, width: 0, height: 0, bitsPerPixel: 0, fbOffset: 0, bytesPerLine: 0 };

  constructor(options: ScreenSystemOptions) {
    this.screens = new ScreenSet(options.namedScreenRule ?? 'clip');
    this.gfb = new LegacyFramebuffer(options.vram);
    this.gmrfb = new Gmrfb(options.memory);
    this.overlays = new VideoOverlays(options.memory);
    this.surfaceBlits = new SurfaceToScreen(options.surfaces, options.unpackRgba8 ?? unpackImageRgba8);
  }

  /**
   * The legacy mode registers changed. As on VMware's device, a change of the enable bit, size,
   * bits per pixel or bytes per line (pitch) destroys every Screen Object, so the legacy display
   * is screen 0 again; a call that repeats the current geometry (or only moves FB_OFFSET) keeps
   * them. Call it after register writes only, not on every command.
   */
  setLegacyMode(mode: LegacyMode): void {
    const m = this.mode;
    const changed = m.enabled !== mode.enabled || m.width !== u32(mode.width) || m.height !== u32(mode.height) ||
      m.bitsPerPixel !== u32(mode.bitsPerPixel) || m.bytesPerLine !== u32(mode.bytesPerLine);
    this.mode = {
      enabled: mode.enabled, width: u32(mode.width), height: u32(mode.height), bitsPerPixel: u32(mode.bitsPerPixel),
      fbOffset: u32(mode.fbOffset), bytesPerLine: u32(mode.bytesPerLine),
    };
    this.gfb.setMode(this.mode);
    if (changed) this.screens.destroyAllObjects();
    this.screens.setLegacy(this.mode.enabled, this.mode.width, this.mode.height);
  }

  /** Palette register write (8 bpp mode); components are taken as 8-bit values. */
  setPaletteEntry(index: number, r: number, g: number, b: number): void {
    const i = u32(index);
    if (i >= 256) return;
    this.gfb.palette[i * 3] = r & 255;
    this.gfb.palette[i * 3 + 1] = g & 255;
    this.gfb.palette[i * 3 + 2] = b & 255;
  }

  update(body: UpdateBody, report: ReportFn): void {
    this.gfb.update(this.screens.legacy, body.x, body.y, body.width, body.height, report);
  }

  updateVerbose(body: UpdateVerboseBody, report: ReportFn): void {
    this.update(body, report);
  }

  rectFill(body: RectFillBody, report: ReportFn): void {
    this.gfb.fill(this.screens.legacy, body.pixel, body.destX, body.destY, body.width, body.height, report);
  }

  rectCopy(body: RectCopyBody, report: ReportFn): void {
    this.gfb.copy(this.screens.legacy, body.srcX, body.srcY, body.destX, body.destY, body.width, body.height, report);
  }

  rectRopCopy(body: RectRopCopyBody, report: ReportFn): void {
    if (u32(body.rop) !== SVGA_ROP_COPY) {
      report(D.E_ROP, `RECT_ROP_COPY rop ${u32(body.rop)}; only SVGA_ROP_COPY (3) is supported`);
      return;
    }
    this.rectCopy(body, report);
  }

  /** FRONT_ROP_FILL: a hint that the guest filled the GFB rectangle; shown from the GFB bytes. */
  frontRopFill(body: FrontRopFillBody, report: ReportFn): void {
    if (u32(body.rop) !== SVGA_ROP_COPY) {
      report(D.E_ROP, `FRONT_ROP_FILL rop ${u32(body.rop)}; only SVGA_ROP_COPY (3) is supported`);
      return;
    }
    this.gfb.update(this.screens.legacy, body.x, body.y, body.width, body.height, report);
  }

  defineCursor(body: DefineCursorBody, report: ReportFn): void {
    this.cursor.define(body, this.mode.bitsPerPixel, this.gfb.palette, report);
  }

  defineAlphaCursor(body: DefineAlphaCursorBody, report: ReportFn): void {
    this.cursor.defineAlpha(body, report);
  }

  displayCursor(body: DisplayCursorBody, report: ReportFn): void {
    this.cursor.display(body, report);
  }

  moveCursor(body: MoveCursorBody, _report: ReportFn): void {
    this.cursor.move(body);
  }

  escape(body: EscapeBody, report: ReportFn): void {
    this.overlays.escape(body, report);
  }

  defineScreen(body: DefineScreenBody, report: ReportFn): void {
    this.screens.define(body, report);
  }

  destroyScreen(body: DestroyScreenBody, report: ReportFn): void {
    this.screens.destroy(body.screenId, report);
  }

  defineGmrfb(body: DefineGmrfbBody, report: ReportFn): void {
    this.gmrfb.define(body, report);
  }

  blitGmrfbToScreen(body: BlitGmrfbToScreenBody, report: ReportFn): void {
    this.gmrfb.blitToScreen(body, this.screens, report);
  }

  blitScreenToGmrfb(body: BlitScreenToGmrfbBody, report: ReportFn): void {
    this.gmrfb.blitFromScreen(body, this.screens, report);
  }

  annotationFill(body: AnnotationFillBody, _report: ReportFn): void {
    this.gmrfb.annotateFill(body);
  }

  annotationCopy(body: AnnotationCopyBody, _report: ReportFn): void {
    this.gmrfb.annotateCopy(body);
  }

  present(body: PresentBody, report: ReportFn): void {
    this.surfaceBlits.present(body, this.screens, report);
  }

  /** PRESENT_READBACK: legacy display rectangles back into the GFB, in its format. */
  presentReadback(body: PresentReadbackBody, report: ReportFn): void {
    if (body.rects.length > MAX_RECTS) {
      report(D.E_RECT_COUNT, `PRESENT_READBACK with ${body.rects.length} rectangles; at most ${MAX_RECTS}`);
      return;
    }
    let budget = MAX_PIXELS_PER_COMMAND;
    for (const r of body.rects) {
      const used = this.gfb.readback(this.screens.legacy, r.x, r.y, r.w, r.h, budget, report);
      if (used === undefined) {
        report(D.E_WORK_BUDGET, `PRESENT_READBACK writes more than ${MAX_PIXELS_PER_COMMAND} pixels; the rest is skipped`);
        return;
      }
      budget -= used;
    }
  }

  blitSurfaceToScreen(body: BlitSurfaceToScreenBody, report: ReportFn): void {
    this.surfaceBlits.blitSurfaceToScreen(body, this.screens, report);
  }

  /** What screen `screenId` shows now (a new image, alpha 255), or undefined when it does not exist. */
  readScreen(screenId: number): Rgba8Image | undefined {
    const screen = this.screens.get(screenId);
    if (!screen) return undefined;
    const { width, height } = screen.image;
    if ((screen.flags & (SVGA_SCREEN_DEACTIVATE | SVGA_SCREEN_BLANKING)) !== 0) return blackImage(width, height);
    const out: Rgba8Image = { width, height, data: screen.image.data.slice() };
    this.overlays.composite(screen, out, this.screens);
    return out;
  }
}
