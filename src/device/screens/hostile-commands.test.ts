/**
 * Hostile command sequences (security.md §5 row 35 and friends): random bodies of every command
 * the screen system executes, with full-range 32-bit fields or small ones that hit the screens.
 * Whatever arrives, the system must stay consistent: screens keep their sizes and stay opaque,
 * guest memory keeps its size, and every problem is a screens-area diagnostic.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COMMAND_SPECS_BY_NAME } from '../../svga3d-decoder/index.js';
import { arbBody } from '../../svga3d-decoder/command-arbitraries.js';
import type { ReportFn } from '../../common/diagnostics.js';
import { ScreenSystem } from './screen-system.js';
import { FakeMemory, FakeSurfaces, bgraSurface, collector, unpackBgra } from './test-fakes.js';

type Method = (s: ScreenSystem, body: never, report: ReportFn) => void;

const METHODS: Record<string, Method> = {
  UPDATE: (s, b, r) => s.update(b, r),
  UPDATE_VERBOSE: (s, b, r) => s.updateVerbose(b, r),
  RECT_FILL: (s, b, r) => s.rectFill(b, r),
  RECT_COPY: (s, b, r) => s.rectCopy(b, r),
  RECT_ROP_COPY: (s, b, r) => s.rectRopCopy(b, r),
  FRONT_ROP_FILL: (s, b, r) => s.frontRopFill(b, r),
  DEFINE_CURSOR: (s, b, r) => s.defineCursor(b, r),
  DEFINE_ALPHA_CURSOR: (s, b, r) => s.defineAlphaCursor(b, r),
  DISPLAY_CURSOR: (s, b, r) => s.displayCursor(b, r),
  MOVE_CURSOR: (s, b, r) => s.moveCursor(b, r),
  ESCAPE: (s, b, r) => s.escape(b, r),
  DEFINE_SCREEN: (s, b, r) => s.defineScreen(b, r),
  DESTROY_SCREEN: (s, b, r) => s.destroyScreen(b, r),
  DEFINE_GMRFB: (s, b, r) => s.defineGmrfb(b, r),
  BLIT_GMRFB_TO_SCREEN: (s, b, r) => s.blitGmrfbToScreen(b, r),
  BLIT_SCREEN_TO_GMRFB: (s, b, r) => s.blitScreenToGmrfb(b, r),
  ANNOTATION_FILL: (s, b, r) => s.annotationFill(b, r),
  ANNOTATION_COPY: (s, b, r) => s.annotationCopy(b, r),
  PRESENT: (s, b, r) => s.present(b, r),
  PRESENT_READBACK: (s, b, r) => s.presentReadback(b, r),
  BLIT_SURFACE_TO_SCREEN: (s, b, r) => s.blitSurfaceToScreen(b, r),
};

/** Every number of a body folded into −2 … 7, so ids, rectangles and sizes hit the small setup. */
function small(v: unknown): unknown {
  if (typeof v === 'number') return (Math.abs(Math.trunc(v)) % 10) - 2;
  if (Array.isArray(v)) return v.map(small);
  if (v instanceof Uint8Array || v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'structSize' ? x : k === 'format' ? gmrfbFormat(x) : small(x)]));
}

/** A GMRFB format word: one of the four valid ones, or the raw word when it is not a number. */
function gmrfbFormat(v: unknown): unknown {
  return typeof v === 'number' ? ([0x1820, 0x1818, 0x1010, 0x0f10] as const)[v % 4] : v;
}

const arbStep = fc.constantFrom(...Object.keys(METHODS)).chain((name) => {
  const spec = COMMAND_SPECS_BY_NAME.get(name as never);
  if (!spec) throw new Error(`no spec for ${name}`);
  return fc.tuple(fc.constant(name), arbBody(spec), fc.boolean());
});

describe('hostile screen commands', () => {
  it('keep every screen, the GMR and VRAM consistent and report only screens-area codes', () => {
    fc.assert(
      fc.property(fc.array(arbStep, { minLength: 10, maxLength: 40 }), (steps) => {
        const mem = new FakeMemory();
        // Non-zero patterns, so that copies from guest memory and VRAM show on the screens.
        mem.regions.set(0, Uint8Array.from({ length: 256 }, (_, i) => (i * 37 + 1) & 255));
        mem.regions.set(3, Uint8Array.from({ length: 1024 }, (_, i) => (i * 11 + 5) & 255));
        const surfaces = new FakeSurfaces();
        surfaces.add(bgraSurface(1, 4, 4, Array.from({ length: 16 }, (_, i) => i * 0x10101)));
        const vram = Uint8Array.from({ length: 512 }, (_, i) => (i * 7 + 3) & 255);
        const s = new ScreenSystem({ vram, memory: mem, surfaces, unpackRgba8: unpackBgra });
        s.setLegacyMode({ enabled: true, width: 8, height: 4, bitsPerPixel: 32, fbOffset: 0, bytesPerLine: 32 });
        const c = collector();
        s.defineScreen({ structSize: 28, id: 1, flags: 1, size: { width: 6, height: 5 }, root: { x: 4, y: 2 } }, c.report);
        for (const [name, body, shrink] of steps) {
          const method = METHODS[name];
          if (!method) throw new Error(name);
          method(s, (shrink ? small(body) : body) as never, c.report);
        }
        expect(c.codes.every((code) => code >= 3600 && code < 3800)).toBe(true);
        expect([vram.length, mem.regions.get(0)?.length, mem.regions.get(3)?.length]).toEqual([512, 256, 1024]);
        for (const screen of s.screens.all()) {
          const img = screen.image;
          expect(img.data.length).toBe(img.width * img.height * 4);
          for (let i = 3; i < img.data.length; i += 4) if (img.data[i] !== 255) expect.fail(`alpha ${img.data[i]} on screen ${screen.id}`);
          const shown = s.readScreen(screen.id);
          expect([shown?.width, shown?.height]).toEqual([img.width, img.height]);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
