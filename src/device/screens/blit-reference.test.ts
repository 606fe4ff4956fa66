/**
 * Differential tests: BLIT_SURFACE_TO_SCREEN, BLIT_GMRFB_TO_SCREEN and PRESENT against a pixel-by-pixel
 * model written straight from the rules (which screen pixel maps to which command coordinate,
 * clip membership, the point-sampling rule, all-or-nothing GMR reads), on two overlapping
 * screens, with random rectangles, clip lists, screen ids and both named-screen rules.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ScreenSystem } from './screen-system.js';
import { SVGA_ID_INVALID, type SignedRect } from './screen-commands.js';
import type { NamedScreenRule } from './screen-set.js';
import { FakeMemory, FakeSurfaces, bgraSurface, collector, rgbOf, unpackBgra } from './test-fakes.js';

const SCREENS = [
  { id: 0, x: 0, y: 0, w: 5, h: 4 },
  { id: 2, x: 3, y: 2, w: 4, h: 4 },
] as const;
const SURF_W = 6;
const SURF_H = 5;
const GMR_BPL = 64; // 16 BGRX pixels per line
const GMR_BYTES = 1024;

const coord = fc.integer({ min: -3, max: 9 });
const rect = fc.record({ left: coord, top: coord, right: coord, bottom: coord });
const screenId = fc.constantFrom(0, 2, SVGA_ID_INVALID, 5);
const rule = fc.constantFrom<NamedScreenRule>('clip', 'spill');

function system(namedScreenRule: NamedScreenRule, memory = new FakeMemory()): ScreenSystem {
  const surfaces = new FakeSurfaces();
  surfaces.add(bgraSurface(1, SURF_W, SURF_H, Array.from({ length: SURF_W * SURF_H }, (_, i) => 0x010000 * (i + 1) + 7)));
  const s = new ScreenSystem({ vram: new Uint8Array(4), memory, surfaces, unpackRgba8: unpackBgra, namedScreenRule });
  for (const sc of SCREENS) {
    s.defineScreen({ structSize: 28, id: sc.id, flags: 1, size: { width: sc.w, height: sc.h }, root: { x: sc.x, y: sc.y } }, collector().report);
  }
  return s;
}

/** The command coordinate of pixel (x, y) of screen `sc`, or undefined when the command does not reach it. */
function commandCoord(sc: (typeof SCREENS)[number], x: number, y: number, dest: number, r: NamedScreenRule): [number, number] | undefined {
  if (dest === SVGA_ID_INVALID) return [x + sc.x, y + sc.y];
  const named = SCREENS.find((s) => s.id === dest);
  if (!named) return undefined;
  if (r === 'clip') return named === sc ? [x, y] : undefined;
  return [x + sc.x - named.x, y + sc.y - named.y];
}

const inside = (r: SignedRect, x: number, y: number): boolean => x >= r.left && x < r.right && y >= r.top && y < r.bottom;
const sample = (i: number, src: number, dst: number): number => Math.floor(((2 * i + 1) * src) / (2 * dst));

describe('BLIT_SURFACE_TO_SCREEN matches the per-pixel model', () => {
  it('for random rectangles, clip lists and destinations', () => {
    fc.assert(
      fc.property(rect, rect, screenId, fc.array(rect, { maxLength: 4 }), rule, (srcRect, destRect, dest, clipRects, r) => {
        const s = system(r);
        s.blitSurfaceToScreen({ srcImage: { sid: 1, face: 0, mipmap: 0 }, srcRect, destScreenId: dest, destRect, clipRects }, collector().report);
        const srcW = srcRect.right - srcRect.left;
        const srcH = srcRect.bottom - srcRect.top;
        const dstW = destRect.right - destRect.left;
        const dstH = destRect.bottom - destRect.top;
        const clips = clipRects.map((c) => ({ left: c.left + destRect.left, top: c.top + destRect.top, right: c.right + destRect.left, bottom: c.bottom + destRect.top }));
        for (const sc of SCREENS) {
          const want: number[] = [];
          for (let y = 0; y < sc.h; y++) {
            for (let x = 0; x < sc.w; x++) {
              const c = srcW > 0 && srcH > 0 && dstW > 0 && dstH > 0 ? commandCoord(sc, x, y, dest, r) : undefined;
              let v = 0;
              if (c && inside(destRect, c[0], c[1]) && (clips.length === 0 || clips.some((k) => inside(k, c[0], c[1])))) {
                const sx = srcRect.left + sample(c[0] - destRect.left, srcW, dstW);
                const sy = srcRect.top + sample(c[1] - destRect.top, srcH, dstH);
                if (sx >= 0 && sx < SURF_W && sy >= 0 && sy < SURF_H) v = 0x010000 * (sy * SURF_W + sx + 1) + 7;
              }
              want.push(v);
            }
          }
          expect(rgbOf(s.readScreen(sc.id)!)).toEqual(want);
        }
      }),
      { seed: 42, numRuns: 400 },
    );
  });
});

describe('BLIT_GMRFB_TO_SCREEN matches the per-pixel model', () => {
  it('for random origins, rectangles and destinations, all or nothing', () => {
    const gmr = new Uint8Array(GMR_BYTES);
    for (let i = 0; i < GMR_BYTES / 4; i++) gmr.set([i & 255, 0x40, i >> 8, 0x99], i * 4);
    const colour = (o: number): number => ((gmr[o + 2] as number) << 16) | ((gmr[o + 1] as number) << 8) | (gmr[o] as number);
    fc.assert(
      fc.property(fc.record({ x: coord, y: coord }), rect, screenId, rule, (srcOrigin, destRect, dest, r) => {
        const mem = new FakeMemory();
        mem.regions.set(4, gmr);
        const s = system(r, mem);
        s.defineGmrfb({ ptr: { gmrId: 4, offset: 0 }, bytesPerLine: GMR_BPL, format: 0x1820 }, collector().report);
        s.blitGmrfbToScreen({ srcOrigin, destRect, destScreenId: dest }, collector().report);
        const want = new Map<number, number[]>();
        let ok = true;
        for (const sc of SCREENS) {
          const px: number[] = [];
          for (let y = 0; y < sc.h; y++) {
            for (let x = 0; x < sc.w; x++) {
              const c = commandCoord(sc, x, y, dest, r);
              let v = 0;
              if (c && inside(destRect, c[0], c[1])) {
                const sx = srcOrigin.x + c[0] - destRect.left;
                const sy = srcOrigin.y + c[1] - destRect.top;
                const o = sy * GMR_BPL + sx * 4;
                if (sx < 0 || sy < 0 || o + 4 > GMR_BYTES) ok = false;
                else v = colour(o);
              }
              px.push(v);
            }
          }
          want.set(sc.id, px);
        }
        for (const sc of SCREENS) {
          expect(rgbOf(s.readScreen(sc.id)!)).toEqual(ok ? want.get(sc.id) : new Array(sc.w * sc.h).fill(0));
        }
      }),
      { seed: 42, numRuns: 400 },
    );
  });
});

describe('PRESENT matches the per-pixel model', () => {
  it('for random copy rectangles in virtual coordinates, later rectangles on top', () => {
    const u = fc.integer({ min: -2, max: 9 }).map((v) => v >>> 0); // u32, some of them huge
    const copyRect = fc.record({ x: coord, y: coord, w: u, h: u, srcx: u, srcy: u });
    fc.assert(
      fc.property(fc.array(copyRect, { maxLength: 5 }), (rects) => {
        const s = system('clip');
        s.present({ sid: 1, rects: rects.map((q) => ({ ...q, x: q.x >>> 0, y: q.y >>> 0 })) }, collector().report);
        for (const sc of SCREENS) {
          const want: number[] = [];
          for (let y = 0; y < sc.h; y++) {
            for (let x = 0; x < sc.w; x++) {
              let v = 0;
              for (const q of rects) {
                const sx = q.srcx + (x + sc.x - q.x);
                const sy = q.srcy + (y + sc.y - q.y);
                const inRect = x + sc.x >= q.x && x + sc.x < q.x + q.w && y + sc.y >= q.y && y + sc.y < q.y + q.h;
                if (inRect && sx >= 0 && sx < SURF_W && sy >= 0 && sy < SURF_H) v = 0x010000 * (sy * SURF_W + sx + 1) + 7;
              }
              want.push(v);
            }
          }
          expect(rgbOf(s.readScreen(sc.id)!)).toEqual(want);
        }
      }),
      { seed: 42, numRuns: 400 },
    );
  });
});
