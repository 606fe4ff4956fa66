import { describe, expect, it } from 'vitest';
import { clearImageRect } from './clear-image.js';
import { readSurfaceRgba8 } from './read-surface.js';
import { SurfaceStore } from './surface-store.js';
import { collectReports, defineBody } from './surface-test-support.js';

const X8R8G8B8 = 1;
const A8R8G8B8 = 2;
const R5G6B5 = 3;
const Z_D16 = 8;
const Z_D24S8 = 9;
const LUMINANCE8 = 11;
const DXT1 = 15;
const ARGB_S23E8 = 25;
const ALPHA8 = 32;
const BUFFER = 37;

function setup(format: number, width: number, height: number, depth = 1, mips = 1) {
  const store = new SurfaceStore();
  const { report, codes } = collectReports();
  store.define(defineBody(1, format, { width, height, depth }, { mips }), report);
  const surface = store.get(1);
  if (surface === undefined) throw new Error('define');
  const bytes = () => surface.image(0, 0)?.bytes ?? new Uint8Array(0);
  return { store, surface, report, codes, bytes };
}

describe('clearImageRect', () => {
  it('fills only the rectangle with the colour bytes (A8R8G8B8, X8R8G8B8)', () => {
    for (const format of [A8R8G8B8, X8R8G8B8]) {
      const t = setup(format, 4, 2);
      clearImageRect(t.surface, 0, 0, { x: 1, y: 0, w: 2, h: 2 }, { color: 0x80112233 }, t.report);
      const px = [0x33, 0x22, 0x11, 0x80];
      const z = [0, 0, 0, 0];
      expect([...t.bytes()]).toEqual([...z, ...px, ...px, ...z, ...z, ...px, ...px, ...z]);
      expect(t.codes).toEqual([]);
    }
  });

  it('converts the colour for 16-bit, luminance, alpha and float formats', () => {
    const r = setup(R5G6B5, 1, 1);
    clearImageRect(r.surface, 0, 0, { x: 0, y: 0, w: 1, h: 1 }, { color: 0xffff0000 }, r.report);
    expect([...r.bytes()]).toEqual([0x00, 0xf8]);
    const l = setup(LUMINANCE8, 1, 1);
    clearImageRect(l.surface, 0, 0, { x: 0, y: 0, w: 1, h: 1 }, { color: 0x80112233 }, l.report);
    expect([...l.bytes()]).toEqual([0x11]);
    const a = setup(ALPHA8, 1, 1);
    clearImageRect(a.surface, 0, 0, { x: 0, y: 0, w: 1, h: 1 }, { color: 0x80112233 }, a.report);
    expect([...a.bytes()]).toEqual([0x80]);
    const f = setup(ARGB_S23E8, 1, 1);
    clearImageRect(f.surface, 0, 0, { x: 0, y: 0, w: 1, h: 1 }, { color: 0xff00ff33 }, f.report);
    expect([...new Float32Array(f.bytes().buffer)]).toEqual([0, 1, Math.fround(0x33 / 255), 1]);
  });

  it('clears depth keeping stencil, and stencil keeping depth (Z_D24S8)', () => {
    const t = setup(Z_D24S8, 2, 1);
    t.bytes().set([0x5a, 0x01, 0x02, 0x03, 0x5a, 0x01, 0x02, 0x03]);
    clearImageRect(t.surface, 0, 0, { x: 0, y: 0, w: 1, h: 1 }, { depth: 1 }, t.report);
    expect([...t.bytes()]).toEqual([0x5a, 0xff, 0xff, 0xff, 0x5a, 0x01, 0x02, 0x03]);
    clearImageRect(t.surface, 0, 0, { x: 0, y: 0, w: 2, h: 1 }, { stencil: 0x1a3 }, t.report);
    expect([...t.bytes()]).toEqual([0xa3, 0xff, 0xff, 0xff, 0xa3, 0x01, 0x02, 0x03]);
    clearImageRect(t.surface, 0, 0, { x: 0, y: 0, w: 2, h: 1 }, { depth: 0, stencil: 7 }, t.report);
    expect([...t.bytes()]).toEqual([7, 0, 0, 0, 7, 0, 0, 0]);
    expect(t.codes).toEqual([]);
  });

  it('quantises Z_D16 depth: 0.25 · 65535 = 16383.75 → 0x4000', () => {
    const t = setup(Z_D16, 1, 1);
    clearImageRect(t.surface, 0, 0, { x: 0, y: 0, w: 1, h: 1 }, { depth: 0.25 }, t.report);
    expect([...t.bytes()]).toEqual([0x00, 0x40]);
  });

  it('reports values the format cannot hold and still writes the others', () => {
    const z = setup(Z_D16, 1, 1);
    clearImageRect(z.surface, 0, 0, { x: 0, y: 0, w: 1, h: 1 }, { color: 0xffffffff, depth: 1, stencil: 1 }, z.report);
    expect(z.codes).toEqual([3300, 3300]);
    expect([...z.bytes()]).toEqual([0xff, 0xff]);
    const c = setup(A8R8G8B8, 1, 1);
    clearImageRect(c.surface, 0, 0, { x: 0, y: 0, w: 1, h: 1 }, { depth: 1 }, c.report);
    const d = setup(DXT1, 4, 4);
    clearImageRect(d.surface, 0, 0, { x: 0, y: 0, w: 4, h: 4 }, { color: 0xffffffff }, d.report);
    expect([...c.codes, ...d.codes]).toEqual([3300, 3300]);
    expect([...c.bytes(), ...d.bytes()].every((b) => b === 0)).toBe(true);
  });

  it('clips the rectangle to the image, and clears only slice 0 of a volume', () => {
    const t = setup(ALPHA8, 4, 2);
    clearImageRect(t.surface, 0, 0, { x: 3, y: 1, w: 100, h: 100 }, { color: 0xff000000 }, t.report);
    clearImageRect(t.surface, 0, 0, { x: 0xffffffff, y: 0, w: 2, h: 1 }, { color: 0xff000000 }, t.report);
    expect([...t.bytes()]).toEqual([0, 0, 0, 0, 0, 0, 0, 0xff]);
    const v = setup(ALPHA8, 1, 1, 2);
    clearImageRect(v.surface, 0, 0, { x: 0, y: 0, w: 1, h: 1 }, { color: 0x40000000 }, v.report);
    expect([...v.bytes()]).toEqual([0x40, 0]);
  });

  it('reports a missing face or mip', () => {
    const t = setup(ALPHA8, 2, 2, 1, 2);
    clearImageRect(t.surface, 0, 2, { x: 0, y: 0, w: 1, h: 1 }, { color: 0 }, t.report);
    clearImageRect(t.surface, 1, 0, { x: 0, y: 0, w: 1, h: 1 }, { color: 0 }, t.report);
    expect(t.codes).toEqual([3207, 3207]);
  });
});

describe('readSurfaceRgba8', () => {
  it('converts without changing the surface', () => {
    const t = setup(A8R8G8B8, 2, 1);
    t.bytes().set([1, 2, 3, 4, 5, 6, 7, 8]);
    const image = readSurfaceRgba8(t.store, 1, 0, 0);
    expect(image?.width).toBe(2);
    expect(image?.height).toBe(1);
    expect([...(image?.data ?? [])]).toEqual([3, 2, 1, 4, 7, 6, 5, 8]);
    expect([...t.bytes()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('shows depth as grey and volumes by slice 0', () => {
    const z = setup(Z_D16, 2, 1);
    z.bytes().set([0xff, 0xff, 0, 0]);
    expect([...(readSurfaceRgba8(z.store, 1, 0, 0)?.data ?? [])]).toEqual([255, 255, 255, 255, 0, 0, 0, 255]);
    const v = setup(LUMINANCE8, 1, 1, 2);
    v.bytes().set([9, 200]);
    expect([...(readSurfaceRgba8(v.store, 1, 0, 0)?.data ?? [])]).toEqual([9, 9, 9, 255]);
  });

  it('is undefined for missing surfaces, images and BUFFER', () => {
    const t = setup(BUFFER, 16, 1);
    expect(readSurfaceRgba8(t.store, 1, 0, 0)).toBeUndefined();
    expect(readSurfaceRgba8(t.store, 2, 0, 0)).toBeUndefined();
    expect(readSurfaceRgba8(t.store, 1, 0, 1)).toBeUndefined();
  });
});
