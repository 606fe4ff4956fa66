import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { forEachCoveredQuad, forEachCoveredQuadReference } from './rasterize-triangle.js';
import type { RenderTarget } from './raster-interfaces.js';
import {
  bindRenderTargets,
  readField,
  readFieldReference,
  writeColor,
  writeColorReference,
  writeField,
  writeFieldReference,
} from './render-targets.js';
import { setupTriangle, type PixelRect } from './setup-triangle.js';

interface Visit {
  x: number;
  y: number;
  mask: number;
  /** Weights as float64 bit patterns, so −0 and 0 differ. */
  w: string[];
}

function walk(fn: typeof forEachCoveredQuad, t: NonNullable<ReturnType<typeof setupTriangle>>, clip: PixelRect): { visits: Visit[]; count: number } {
  const visits: Visit[] = [];
  const count = fn(t, clip, (q) => visits.push({ x: q.x, y: q.y, mask: q.mask, w: Array.from(new BigUint64Array(Float64Array.from(q.weights).buffer), String) }));
  return { visits, count };
}

describe('the stepped quad walk equals the re-evaluating reference walk', () => {
  test('worked example: a right triangle of legs 4 from the origin visits 3 quads, 10 pixels', () => {
    const clip = { x0: 0, y0: 0, x1: 16, y1: 16 };
    const t = setupTriangle({ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 0, y: 4 }, clip)!;
    const fast = walk(forEachCoveredQuad, t, clip);
    expect(fast.count).toBe(10);
    expect(fast.visits.map((v) => [v.x, v.y, v.mask])).toEqual([
      [0, 0, 0b1111],
      [2, 0, 0b0111],
      [0, 2, 0b0111],
    ]);
    expect(fast).toEqual(walk(forEachCoveredQuadReference, t, clip));
  });

  test('differential: random triangles (fractional, both windings, large) and clip rectangles', () => {
    const coord = fc.oneof(
      fc.double({ min: -40, max: 40, noNaN: true }),
      fc.integer({ min: -40, max: 40 }),
      fc.integer({ min: -320, max: 320 }).map((v) => v / 8),
      fc.double({ min: -32768, max: 32768, noNaN: true }),
    );
    const point = fc.record({ x: coord, y: coord });
    const clip = fc
      .tuple(fc.integer({ min: -48, max: 48 }), fc.integer({ min: -48, max: 48 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }))
      .map(([x0, y0, w, h]) => ({ x0, y0, x1: x0 + w, y1: y0 + h }));
    const mismatches: string[] = [];
    fc.assert(
      fc.property(point, point, point, clip, (a, b, c, r) => {
        const t = setupTriangle(a, b, c, r);
        if (t === undefined) return;
        // The walk's own clip may differ from setup's (border quads): use a narrower one half the time.
        const inner = { x0: r.x0 + 1, y0: r.y0, x1: r.x1, y1: r.y1 - 1 };
        for (const mask of [r, inner]) {
          const fast = walk(forEachCoveredQuad, t, mask);
          const ref = walk(forEachCoveredQuadReference, t, mask);
          if (JSON.stringify(fast) !== JSON.stringify(ref)) mismatches.push(JSON.stringify({ a, b, c, mask }));
        }
      }),
      { seed: 42, numRuns: 3000 },
    );
    expect(mismatches).toEqual([]);
  });
});

function target(format: number, bpp: number, bytes: readonly number[]): RenderTarget {
  // 2×2 pixels, a row pitch with 3 bytes of padding.
  const rowPitch = 2 * bpp + 3;
  const data = new Uint8Array(rowPitch * 2);
  data.set(bytes.slice(0, data.length));
  return { format, image: { width: 2, height: 2, rowPitch, bytes: data } };
}

describe('integer depth/stencil field access equals the plain-arithmetic reference', () => {
  // Z_D32, Z_D16, Z_D24S8, Z_D15S1, Z_D24X8, Z_DF16, Z_DF24, Z_D24S8_INT.
  const depth = [7, 8, 9, 10, 38, 118, 119, 120];
  const stencil = [9, 10, 120];
  const bytes = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 22, maxLength: 22 });
  test('worked example: Z_D24S8 texel 0x12345678 reads depth 0x123456 and stencil 0x78', () => {
    const t = target(9, 4, [0x78, 0x56, 0x34, 0x12]);
    const set = bindRenderTargets({ colors: [], depth: t, stencil: t });
    if (typeof set === 'string') throw new Error(set);
    expect(readField(set.depth!, 0, 0)).toBe(0x123456);
    expect(readField(set.stencil!, 0, 0)).toBe(0x78);
    writeField(set.depth!, 0, 0, 0xfedcba);
    expect(Array.from(t.image.bytes.subarray(0, 4))).toEqual([0x78, 0xba, 0xdc, 0xfe]);
  });
  test('differential: random texels, pixels and in-range values', () => {
    const cases = [...depth.map((f) => ({ f, which: 'depth' as const })), ...stencil.map((f) => ({ f, which: 'stencil' as const }))];
    fc.assert(
      fc.property(fc.constantFrom(...cases), bytes, fc.integer({ min: 0, max: 3 }), fc.double({ min: 0, max: 1, noNaN: true }), ({ f, which }, data, p, frac) => {
        const a = target(f, 4, data);
        const set = bindRenderTargets(which === 'depth' ? { colors: [], depth: a } : { colors: [], stencil: a });
        if (typeof set === 'string') throw new Error(set);
        const bound = which === 'depth' ? set.depth! : set.stencil!;
        const b = target(f, bound.bytesPerPixel, data);
        const refBound = { ...bound, image: b.image };
        const fresh = target(f, bound.bytesPerPixel, data);
        const fastBound = { ...bound, image: fresh.image };
        const x = p & 1;
        const y = p >> 1;
        expect(readField(fastBound, x, y)).toBe(readFieldReference(refBound, x, y));
        const value = Math.floor(frac * bound.max);
        writeField(fastBound, x, y, value);
        writeFieldReference(refBound, x, y, value);
        expect(Array.from(fresh.image.bytes)).toEqual(Array.from(b.image.bytes));
      }),
      { seed: 42, numRuns: 3000 },
    );
  });
});

describe('colour writes through the bound packer equal writes through packRgbaF32', () => {
  // X8R8G8B8, A8R8G8B8, R5G6B5, X1R5G5B5, A4R4G4B4, ARGB_S10E5, ARGB_S23E8, A2R10G10B10,
  // Q8W8V8U8, V8U8, A16B16G16R16.
  const formats = [1, 2, 3, 4, 6, 24, 25, 26, 28, 20, 41];
  const component = fc.oneof(fc.float({ min: -2, max: 2 }), fc.float(), fc.constantFrom(0, 1, NaN, Infinity, -Infinity, 0.5));
  test('differential: random colours, write masks, pixels and backgrounds', () => {
    const usable = formats.filter((f) => typeof bindRenderTargets({ colors: [target(f, 16, [])] }) !== 'string');
    expect(usable).toEqual(expect.arrayContaining([1, 2, 3]));
    fc.assert(
      fc.property(
        fc.constantFrom(...usable),
        fc.tuple(component, component, component, component),
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 70, maxLength: 70 }),
        (f, rgba, mask, p, data) => {
          const probe = bindRenderTargets({ colors: [target(f, 16, [])] });
          if (typeof probe === 'string') throw new Error(probe);
          const bpp = probe.colors[0]!.bytesPerPixel;
          const fast = bindRenderTargets({ colors: [target(f, bpp, data)] });
          const ref = bindRenderTargets({ colors: [target(f, bpp, data)] });
          if (typeof fast === 'string' || typeof ref === 'string') throw new Error('unbindable');
          const colour = Float32Array.from(rgba);
          writeColor(fast.colors[0]!, p & 1, p >> 1, colour, mask);
          writeColorReference(ref.colors[0]!, p & 1, p >> 1, colour, mask);
          expect(Array.from(fast.colors[0]!.image.bytes)).toEqual(Array.from(ref.colors[0]!.image.bytes));
        },
      ),
      { seed: 42, numRuns: 3000 },
    );
  });
});

describe('the walk shares one quad object, except with a walk nested in a visit', () => {
  test('a walk started inside a visit sees its own quad, and the outer walk goes on unchanged', () => {
    const clip = { x0: 0, y0: 0, x1: 8, y1: 8 };
    const outer = setupTriangle({ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 0, y: 4 }, clip)!;
    const inner = setupTriangle({ x: 4, y: 4 }, { x: 8, y: 4 }, { x: 4, y: 8 }, clip)!;
    const seen: string[] = [];
    const objects = new Set<object>();
    forEachCoveredQuad(outer, clip, (q) => {
      objects.add(q);
      const before = `${q.x},${q.y},${q.mask},${q.weights[0]}`;
      forEachCoveredQuad(inner, clip, (n) => {
        objects.add(n);
        seen.push(`inner ${n.x},${n.y},${n.mask}`);
      });
      seen.push(`outer ${before} -> ${q.x},${q.y},${q.mask},${q.weights[0]}`);
    });
    // The inner triangle's quads (4, 4) full, (6, 4) and (4, 6) three pixels each, once per outer quad.
    const inners = ['inner 4,4,15', 'inner 6,4,7', 'inner 4,6,7'];
    expect(seen).toEqual([...inners, 'outer 0,0,15,1 -> 0,0,15,1', ...inners, 'outer 2,0,7,0.5 -> 2,0,7,0.5', ...inners, 'outer 0,2,7,0.5 -> 0,2,7,0.5']);
    expect(objects.size).toBe(4); // the shared one and one per nested walk
  });
});
