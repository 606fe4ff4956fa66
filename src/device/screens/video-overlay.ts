/**
 * Video overlays driven by ESCAPE (namespace 0): SVGA_ESCAPE_VMWARE_VIDEO_SET_REGS stores
 * (register, value) pairs for a stream, SVGA_ESCAPE_VMWARE_VIDEO_FLUSH makes them take effect.
 *
 * Decisions:
 * - On FLUSH an enabled stream's frame is read from guest memory right away (the guest may reuse
 *   the buffer afterwards) and kept; a disabled stream stops showing. A frame that cannot be read
 *   or is invalid leaves the previous one showing.
 * - Overlays are not part of a screen's base layer: BLIT_SCREEN_TO_GMRFB and PRESENT_READBACK
 *   never see them, and later blits do not erase them. They are composited when the screen is read
 *   (what the user sees), streams in id order, scaled to DST_WIDTH × DST_HEIGHT with the point rule
 *   of `scaledIndex`.
 * - With SVGA_VIDEO_FLAG_COLORKEY an overlay pixel shows only where the base layer's RGB equals
 *   COLORKEY (0x00RRGGBB).
 * - DST_SCREEN_ID `SVGA_ID_INVALID` (the default) places the overlay in virtual-desktop coordinates
 *   on every screen; a named screen gets it in its own coordinates, clipped to it or spilling onto
 *   its neighbours by the same `NamedScreenRule` as blits.
 */
import type { ReportFn } from '../../common/diagnostics.js';
import type { Rgba8Image } from '../../common/image.js';
import { SVGA_GMR_FRAMEBUFFER, type GuestPtrMemory } from '../guest-ptr-memory.js';
import { SCREEN_DIAGNOSTICS as D } from './screen-diagnostics.js';
import { SVGA_ID_INVALID, type EscapeBody } from './screen-commands.js';
import { int32, intersect, scaledIndex, u32 } from './rect-math.js';
import { MAX_SCREEN_DIMENSION, type HostScreen, type ScreenSet } from './screen-set.js';
import { MAX_VIDEO_SIZE, VMWARE_FOURCC_UYVY, VMWARE_FOURCC_YUY2, VMWARE_FOURCC_YV12, readFrame } from './video-frame.js';

export const SVGA_ESCAPE_NSID_VMWARE = 0;
export const SVGA_ESCAPE_VMWARE_VIDEO_SET_REGS = 0x00020001;
export const SVGA_ESCAPE_VMWARE_VIDEO_FLUSH = 0x00020002;
export const SVGA_VIDEO_FLAG_COLORKEY = 0x0001;
/** Overlay streams accepted (ids 0 … MAX_VIDEO_STREAMS − 1). */
export const MAX_VIDEO_STREAMS = 32;

/** `SVGA_VIDEO_*` register indices. */
export const SVGA_VIDEO = {
  ENABLED: 0, FLAGS: 1, DATA_OFFSET: 2, FORMAT: 3, COLORKEY: 4, SIZE: 5, WIDTH: 6, HEIGHT: 7,
  SRC_X: 8, SRC_Y: 9, SRC_WIDTH: 10, SRC_HEIGHT: 11, DST_X: 12, DST_Y: 13, DST_WIDTH: 14, DST_HEIGHT: 15,
  PITCH_1: 16, PITCH_2: 17, PITCH_3: 18, DATA_GMRID: 19, DST_SCREEN_ID: 20, NUM_REGS: 21,
} as const;

/** A frame on display. */
export interface OverlayFrame {
  readonly rgba: Uint8Array;
  readonly srcWidth: number;
  readonly srcHeight: number;
  readonly dstX: number;
  readonly dstY: number;
  readonly dstWidth: number;
  readonly dstHeight: number;
  readonly dstScreenId: number;
  /** The colour key (0x00RRGGBB), or undefined when keying is off. */
  readonly colorKey: number | undefined;
}

/** One overlay stream: its registers and the frame its last FLUSH showed. */
export interface OverlayStream {
  readonly regs: Uint32Array;
  frame: OverlayFrame | undefined;
}

/** Every overlay stream. */
export class VideoOverlays {
  readonly streams: (OverlayStream | undefined)[] = new Array<OverlayStream | undefined>(MAX_VIDEO_STREAMS).fill(undefined);
  private readonly memory: GuestPtrMemory;

  constructor(memory: GuestPtrMemory) {
    this.memory = memory;
  }

  /** ESCAPE: video commands in namespace 0; anything else is an info diagnostic. */
  escape(body: EscapeBody, report: ReportFn): void {
    const nsid = u32(body.nsid);
    const data = body.data;
    const words = Math.floor(data.length / 4);
    const word = (i: number): number => ((data[i * 4] as number) | ((data[i * 4 + 1] as number) << 8) |
      ((data[i * 4 + 2] as number) << 16) | ((data[i * 4 + 3] as number) << 24)) >>> 0;
    const cmd = words >= 1 ? word(0) : undefined;
    if (nsid !== SVGA_ESCAPE_NSID_VMWARE || (cmd !== SVGA_ESCAPE_VMWARE_VIDEO_SET_REGS && cmd !== SVGA_ESCAPE_VMWARE_VIDEO_FLUSH)) {
      report(D.I_ESCAPE_UNKNOWN, `ESCAPE namespace 0x${nsid.toString(16)} command ${cmd === undefined ? 'none' : '0x' + cmd.toString(16)} is not handled; skipped`);
      return;
    }
    if (words < 2) {
      report(D.E_VIDEO_ESCAPE, `video escape of ${data.length} bytes has no stream id`);
      return;
    }
    const streamId = word(1);
    if (streamId >= MAX_VIDEO_STREAMS) {
      report(D.E_VIDEO_ESCAPE, `video stream ${streamId} is not below ${MAX_VIDEO_STREAMS}`);
      return;
    }
    const stream = this.stream(streamId);
    if (cmd === SVGA_ESCAPE_VMWARE_VIDEO_FLUSH) {
      this.flush(streamId, stream, report);
      return;
    }
    if ((data.length - 8) % 8 !== 0) {
      report(D.E_VIDEO_ESCAPE, `video SET_REGS payload of ${data.length} bytes is not 8 + 8n; the tail is ignored`);
    }
    for (let i = 2; i + 1 < words; i += 2) {
      const reg = word(i);
      if (reg >= SVGA_VIDEO.NUM_REGS) {
        report(D.E_VIDEO_ESCAPE, `video register ${reg} is not below ${SVGA_VIDEO.NUM_REGS}; pair skipped`);
        continue;
      }
      stream.regs[reg] = word(i + 1);
    }
  }

  /** Paints every overlay that lands on `screen` into `out` (a copy of its base layer). */
  composite(screen: HostScreen, out: Rgba8Image, screens: ScreenSet): void {
    const base = screen.image.data;
    for (const s of this.streams) {
      const f = s?.frame;
      if (!f) continue;
      let x0 = f.dstX;
      let y0 = f.dstY;
      const named = f.dstScreenId === SVGA_ID_INVALID ? undefined : screens.get(f.dstScreenId);
      if (f.dstScreenId === SVGA_ID_INVALID || (named && screens.namedScreenRule === 'spill')) {
        // Virtual coordinates (a named screen's origin first under the spill rule).
        x0 += (named?.rootX ?? 0) - screen.rootX;
        y0 += (named?.rootY ?? 0) - screen.rootY;
      } else if (f.dstScreenId !== screen.id) {
        continue;
      }
      const box = intersect({ x0, y0, x1: x0 + f.dstWidth, y1: y0 + f.dstHeight }, { x0: 0, y0: 0, x1: out.width, y1: out.height });
      if (!box) continue;
      for (let y = box.y0; y < box.y1; y++) {
        const sy = scaledIndex(y - y0, f.srcHeight, f.dstHeight);
        for (let x = box.x0; x < box.x1; x++) {
          const d = (y * out.width + x) * 4;
          if (f.colorKey !== undefined &&
            (((base[d] as number) << 16) | ((base[d + 1] as number) << 8) | (base[d + 2] as number)) !== f.colorKey) continue;
          const s = (sy * f.srcWidth + scaledIndex(x - x0, f.srcWidth, f.dstWidth)) * 4;
          out.data[d] = f.rgba[s] as number;
          out.data[d + 1] = f.rgba[s + 1] as number;
          out.data[d + 2] = f.rgba[s + 2] as number;
        }
      }
    }
  }

  private stream(id: number): OverlayStream {
    let s = this.streams[id];
    if (!s) {
      const regs = new Uint32Array(SVGA_VIDEO.NUM_REGS);
      regs[SVGA_VIDEO.DATA_GMRID] = SVGA_GMR_FRAMEBUFFER;
      regs[SVGA_VIDEO.DST_SCREEN_ID] = SVGA_ID_INVALID;
      s = { regs, frame: undefined };
      this.streams[id] = s;
    }
    return s;
  }

  private flush(id: number, stream: OverlayStream, report: ReportFn): void {
    const r = (k: number): number => stream.regs[k] ?? 0;
    if (r(SVGA_VIDEO.ENABLED) === 0) {
      stream.frame = undefined;
      return;
    }
    const format = r(SVGA_VIDEO.FORMAT);
    const width = r(SVGA_VIDEO.WIDTH);
    const height = r(SVGA_VIDEO.HEIGHT);
    const srcX = r(SVGA_VIDEO.SRC_X);
    const srcY = r(SVGA_VIDEO.SRC_Y);
    const srcWidth = r(SVGA_VIDEO.SRC_WIDTH);
    const srcHeight = r(SVGA_VIDEO.SRC_HEIGHT);
    const dstWidth = r(SVGA_VIDEO.DST_WIDTH);
    const dstHeight = r(SVGA_VIDEO.DST_HEIGHT);
    const problem =
      format !== VMWARE_FOURCC_UYVY && format !== VMWARE_FOURCC_YUY2 && format !== VMWARE_FOURCC_YV12 ? `format 0x${format.toString(16)} is not UYVY, YUY2 or YV12`
        : width === 0 || height === 0 || width > MAX_VIDEO_SIZE || height > MAX_VIDEO_SIZE ? `frame size ${width}x${height} is outside 1..${MAX_VIDEO_SIZE}`
          : srcWidth === 0 || srcHeight === 0 || srcX + srcWidth > width || srcY + srcHeight > height ? `source (${srcX}, ${srcY}) ${srcWidth}x${srcHeight} is not inside the ${width}x${height} frame`
            : dstWidth === 0 || dstHeight === 0 || dstWidth > MAX_SCREEN_DIMENSION || dstHeight > MAX_SCREEN_DIMENSION ? `destination size ${dstWidth}x${dstHeight} is outside 1..${MAX_SCREEN_DIMENSION}`
              : undefined;
    if (problem) {
      report(D.E_VIDEO_FRAME, `video stream ${id}: ${problem}`);
      return;
    }
    const rgba = readFrame(this.memory, {
      format, gmrId: r(SVGA_VIDEO.DATA_GMRID), dataOffset: r(SVGA_VIDEO.DATA_OFFSET), width, height,
      srcX, srcY, srcWidth, srcHeight, pitches: [r(SVGA_VIDEO.PITCH_1), r(SVGA_VIDEO.PITCH_2), r(SVGA_VIDEO.PITCH_3)],
    });
    if (typeof rgba === 'string') {
      report(D.E_VIDEO_RANGE, `video stream ${id}: frame ${rgba} is outside GMR 0x${r(SVGA_VIDEO.DATA_GMRID).toString(16)}`);
      return;
    }
    stream.frame = {
      rgba, srcWidth, srcHeight, dstX: int32(r(SVGA_VIDEO.DST_X)), dstY: int32(r(SVGA_VIDEO.DST_Y)), dstWidth, dstHeight,
      dstScreenId: r(SVGA_VIDEO.DST_SCREEN_ID),
      colorKey: (r(SVGA_VIDEO.FLAGS) & SVGA_VIDEO_FLAG_COLORKEY) !== 0 ? r(SVGA_VIDEO.COLORKEY) & 0xffffff : undefined,
    };
  }
}
