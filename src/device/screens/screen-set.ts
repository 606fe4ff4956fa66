/**
 * The host-side screens: the legacy display and the Screen Objects, each with a persistent
 * base-layer image (what the user sees under cursor and video overlays).
 *
 * Decisions:
 * - A never-written screen is black (RGB 0, alpha 255).
 * - Screen Object ids are `0 … MAX_SCREENS − 1` (16, VMware's usual multi-monitor limit); a larger id
 *   is an error. Each side is at most `MAX_SCREEN_DIMENSION`, and all screens together hold at most
 *   `MAX_SCREEN_PIXELS` pixels (64 MiB of RGBA), so a guest cannot make the host allocate more.
 * - Redefining a Screen Object with the same size keeps its contents (a move or a flags change);
 *   a new size starts black. DEACTIVATE makes the base layer black.
 * - The legacy display is screen 0 while no Screen Object 0 exists, at (0, 0) of the virtual
 *   desktop with the mode's size. Its image survives the definition of Screen Object 0 and shows
 *   again when that object is destroyed.
 * - The SVGA Screen Object 2 backing store is recorded but not used: it is host memory the guest
 *   may not read, and the host image here plays that role.
 */
import { createRgba8Image, type Rgba8Image } from '../../common/image.js';
import type { ReportFn } from '../../common/diagnostics.js';
import { SCREEN_DIAGNOSTICS as D } from './screen-diagnostics.js';
import { SVGA_ID_INVALID, type DefineScreenBody } from './screen-commands.js';
import { intersect, int32, translate, u32, type Box } from './rect-math.js';

export const MAX_SCREENS = 16;
export const MAX_SCREEN_DIMENSION = 8192;
export const MAX_SCREEN_PIXELS = 1 << 24;

export const SVGA_SCREEN_MUST_BE_SET = 1 << 0;
export const SVGA_SCREEN_IS_PRIMARY = 1 << 1;
export const SVGA_SCREEN_FULLSCREEN_HINT = 1 << 2;
export const SVGA_SCREEN_DEACTIVATE = 1 << 3;
export const SVGA_SCREEN_BLANKING = 1 << 4;

/** One screen: its place on the virtual desktop and its base-layer image. */
export interface HostScreen {
  readonly id: number;
  /** True for the legacy display (mode registers), false for a Screen Object. */
  readonly legacy: boolean;
  /** Virtual-desktop position of the top-left pixel (int32). */
  readonly rootX: number;
  readonly rootY: number;
  /** `SVGA_SCREEN_*` flags (0 for the legacy display). */
  readonly flags: number;
  /** Base layer, `width × height`, alpha always 255. */
  readonly image: Rgba8Image;
  /** Screen Object 2 fields as sent (informational). */
  readonly backingStore?: { readonly gmrId: number; readonly offset: number; readonly pitch: number };
  readonly cloneCount?: number;
}

/**
 * `'clip'`: a rectangle addressed to a screen stays on that screen (the trace format's rule).
 * `'spill'`: it is placed in virtual coordinates from that screen's origin and lands on every
 * screen it overlaps (VMware's BLIT_GMRFB_TO_SCREEN description).
 */
export type NamedScreenRule = 'clip' | 'spill';

/** A part of a command's rectangle that lands on one screen, in that screen's pixel coordinates. */
export interface ScreenTarget {
  readonly screen: HostScreen;
  readonly box: Box;
  /** Offset from the command's coordinate space to the screen's (`screen = command + offset`). */
  readonly dx: number;
  readonly dy: number;
}

/** A black, opaque image. */
export function blackImage(width: number, height: number): Rgba8Image {
  const img = createRgba8Image(width, height);
  const d = img.data;
  if (d.length === 0) return img;
  d[3] = 255;
  // Doubling copies: O(log n) calls instead of a loop over every pixel.
  for (let filled = 4; filled < d.length; filled *= 2) d.copyWithin(filled, 0, Math.min(filled, d.length - filled));
  return img;
}

/** The legacy display and every Screen Object. */
export class ScreenSet {
  /** How a rectangle addressed to a named screen treats its parts outside that screen. */
  readonly namedScreenRule: NamedScreenRule;
  private readonly objects: (HostScreen | undefined)[] = new Array<HostScreen | undefined>(MAX_SCREENS).fill(undefined);
  private legacyScreen: HostScreen | undefined;

  constructor(namedScreenRule: NamedScreenRule = 'clip') {
    this.namedScreenRule = namedScreenRule;
  }

  /**
   * Sets the legacy display's size; 0 × 0, disabled or oversized means there is none. The same
   * size keeps the image (the display shows what it showed until the next UPDATE); a new size
   * starts black.
   */
  setLegacy(enabled: boolean, width: number, height: number): void {
    const w = u32(width);
    const h = u32(height);
    const fits = enabled && w > 0 && h > 0 && w <= MAX_SCREEN_DIMENSION && h <= MAX_SCREEN_DIMENSION &&
      w * h + this.pixelsExcept(undefined) <= MAX_SCREEN_PIXELS;
    if (!fits) {
      this.legacyScreen = undefined;
      return;
    }
    const old = this.legacyScreen;
    if (old && old.image.width === w && old.image.height === h) return;
    this.legacyScreen = { id: 0, legacy: true, rootX: 0, rootY: 0, flags: 0, image: blackImage(w, h) };
  }

  /** Removes every Screen Object (a legacy mode change does this). */
  destroyAllObjects(): void {
    this.objects.fill(undefined);
  }

  /** The legacy display, whether or not Screen Object 0 hides it. */
  get legacy(): HostScreen | undefined {
    return this.legacyScreen;
  }

  /** The screen a command's screen id names: a Screen Object, else the legacy display for id 0. */
  get(id: number): HostScreen | undefined {
    const sid = u32(id);
    if (sid >= MAX_SCREENS) return undefined;
    return this.objects[sid] ?? (sid === 0 ? this.legacyScreen : undefined);
  }

  /** Every visible screen in id order (the legacy display as 0 when no object 0 exists). */
  all(): HostScreen[] {
    const out: HostScreen[] = [];
    for (let id = 0; id < MAX_SCREENS; id++) {
      const s = this.get(id);
      if (s) out.push(s);
    }
    return out;
  }

  /** DEFINE_SCREEN. */
  define(f: DefineScreenBody, report: ReportFn): void {
    const id = u32(f.id);
    const width = u32(f.size.width);
    const height = u32(f.size.height);
    const structSize = u32(f.structSize);
    if (structSize < 28 || structSize % 4 !== 0) {
      report(D.E_SCREEN_DEFINE, `structSize ${structSize} is not 28, 40, 44 or a larger multiple of 4`);
      return;
    }
    if (id >= MAX_SCREENS) {
      report(D.E_SCREEN_ID, `screen id ${id} is not below ${MAX_SCREENS}`);
      return;
    }
    if (width === 0 || height === 0 || width > MAX_SCREEN_DIMENSION || height > MAX_SCREEN_DIMENSION) {
      report(D.E_SCREEN_DEFINE, `screen ${id} size ${width}x${height} is outside 1..${MAX_SCREEN_DIMENSION}`);
      return;
    }
    if (width * height + this.pixelsExcept(id) > MAX_SCREEN_PIXELS) {
      report(D.E_SCREEN_DEFINE, `screen ${id} (${width}x${height}) exceeds the ${MAX_SCREEN_PIXELS}-pixel budget of all screens`);
      return;
    }
    const flags = u32(f.flags);
    if ((flags & SVGA_SCREEN_MUST_BE_SET) === 0) {
      report(D.W_SCREEN_FLAGS, `screen ${id} flags 0x${flags.toString(16)} lack SVGA_SCREEN_MUST_BE_SET; defined anyway`);
    }
    const old = this.objects[id];
    const keep = old && old.image.width === width && old.image.height === height && (flags & SVGA_SCREEN_DEACTIVATE) === 0;
    const image = keep ? old.image : blackImage(width, height);
    const screen: { -readonly [K in keyof HostScreen]: HostScreen[K] } = {
      id, legacy: false, rootX: int32(f.root.x), rootY: int32(f.root.y), flags, image,
    };
    if (structSize >= 40 && f.backingStore) {
      screen.backingStore = { gmrId: u32(f.backingStore.ptr.gmrId), offset: u32(f.backingStore.ptr.offset), pitch: u32(f.backingStore.pitch) };
    }
    if (structSize >= 44 && f.cloneCount !== undefined) screen.cloneCount = u32(f.cloneCount);
    this.objects[id] = screen;
  }

  /** DESTROY_SCREEN. */
  destroy(id: number, report: ReportFn): void {
    const sid = u32(id);
    if (sid >= MAX_SCREENS || !this.objects[sid]) {
      report(D.E_SCREEN_ID, `DESTROY_SCREEN of screen ${sid}, which is not defined`);
      return;
    }
    this.objects[sid] = undefined;
  }

  /**
   * Where a rectangle lands. `SVGA_ID_INVALID` means virtual-desktop coordinates: every screen the
   * box overlaps gets its part. A named screen's coordinates are relative to its origin; under the
   * `'clip'` rule (the trace format's, the default) only that screen gets the box, clipped to it;
   * under `'spill'` (what VMware's header describes and the screen-render-test screenshot shows)
   * the parts outside it land on whatever screens are there. Returns undefined, after a diagnostic,
   * when the named screen does not exist.
   */
  targets(screenId: number, box: Box, report: ReportFn, what: string): ScreenTarget[] | undefined {
    const sid = u32(screenId);
    if (sid === SVGA_ID_INVALID) {
      const out: ScreenTarget[] = [];
      for (const screen of this.all()) {
        const local = intersect(translate(box, -screen.rootX, -screen.rootY), screenBox(screen));
        if (local) out.push({ screen, box: local, dx: -screen.rootX, dy: -screen.rootY });
      }
      return out;
    }
    const screen = this.get(sid);
    if (!screen) {
      report(D.E_SCREEN_ID, `${what} names screen ${sid}, which is not defined`);
      return undefined;
    }
    if (this.namedScreenRule === 'spill') {
      const spread = this.targets(SVGA_ID_INVALID, translate(box, screen.rootX, screen.rootY), report, what) ?? [];
      // Offsets from the named screen's coordinates, not from virtual ones.
      return spread.map((t) => ({ ...t, dx: t.dx + screen.rootX, dy: t.dy + screen.rootY }));
    }
    const local = intersect(box, screenBox(screen));
    return local ? [{ screen, box: local, dx: 0, dy: 0 }] : [];
  }

  private pixelsExcept(objectId: number | undefined): number {
    let n = objectId === undefined ? 0 : area(this.legacyScreen);
    this.objects.forEach((s, i) => {
      if (i !== objectId) n += area(s);
    });
    return n;
  }
}

function area(s: HostScreen | undefined): number {
  return s ? s.image.width * s.image.height : 0;
}

/** The whole screen as a box in its own coordinates. */
export function screenBox(s: HostScreen): Box {
  return { x0: 0, y0: 0, x1: s.image.width, y1: s.image.height };
}
