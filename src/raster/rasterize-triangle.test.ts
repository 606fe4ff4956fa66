import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coversPixel, setupTriangle, type PixelRect, type WindowPoint } from './setup-triangle.js';
import { forEachCoveredQuad } from './rasterize-triangle.js';

const CLIP: PixelRect = { x0: -64, y0: -64, x1: 64, y1: 64 };

/** Covered pixels of a triangle as "x,y" strings, through the quad walker. */
function covered(a: WindowPoint, b: WindowPoint, c: WindowPoint, clip: PixelRect = CLIP): string[] {
  const t = setupTriangle(a, b, c, clip);
  const out: string[] = [];
  if (!t) return out;
  const count = forEachCoveredQuad(t, clip, (q) => {
    for (let k = 0; k < 4; k++) if (q.mask & (1 << k)) out.push(`${q.x + (k & 1)},${q.y + (k >> 1)}`);
  });
  if (count !== out.length) expect(count).toBe(out.length);
  return out.sort();
}

function grid(pred: (x: number, y: number) => boolean, clip: PixelRect = CLIP): string[] {
  const out: string[] = [];
  for (let y = clip.y0; y < clip.y1; y++) for (let x = clip.x0; x < clip.x1; x++) if (pred(x, y)) out.push(`${x},${y}`);
  return out.sort();
}

describe('top-left fill rule', () => {
  it('includes the top and left edges and excludes the hypotenuse of a right triangle', () => {
    // Pixel centres are the integer points; x + y = 4 lies on the bottom-right edge: excluded.
    const px = covered({ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 0, y: 4 });
    expect(px).toEqual(grid((x, y) => x >= 0 && y >= 0 && x + y < 4));
    expect(px.length).toBe(10);
  });

  it('covers the same pixels whatever the winding', () => {
    const cw = covered({ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 0, y: 4 });
    const ccw = covered({ x: 0, y: 0 }, { x: 0, y: 4 }, { x: 4, y: 0 });
    expect(ccw).toEqual(cw);
    expect(setupTriangle({ x: 0, y: 0 }, { x: 0, y: 4 }, { x: 4, y: 0 }, CLIP)?.winding).toBe('ccw');
    expect(setupTriangle({ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 0, y: 4 }, CLIP)?.winding).toBe('cw');
  });

  it('gives a square of two triangles exactly its half-open pixel set', () => {
    const t1 = covered({ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 4, y: 4 });
    const t2 = covered({ x: 0, y: 0 }, { x: 4, y: 4 }, { x: 0, y: 4 });
    expect(t1.filter((p) => t2.includes(p))).toEqual([]);
    expect([...t1, ...t2].sort()).toEqual(grid((x, y) => x >= 0 && x < 4 && y >= 0 && y < 4));
    // The diagonal samples (0,0) (1,1) (2,2) (3,3) belong to the upper-right triangle: the diagonal
    // is its left edge (run upwards in clockwise order), and the lower-left triangle's right edge.
    expect(t1).toContain('1,1');
    expect(t2).not.toContain('1,1');
  });

  it('excludes a bottom edge and a right edge exactly on sample rows and columns', () => {
    // A 2×2-pixel axis-aligned square from half-pixel offsets covers no sample on its boundary.
    const a = covered({ x: 0.5, y: 0.5 }, { x: 2.5, y: 0.5 }, { x: 2.5, y: 2.5 });
    const b = covered({ x: 0.5, y: 0.5 }, { x: 2.5, y: 2.5 }, { x: 0.5, y: 2.5 });
    expect([...a, ...b].sort()).toEqual(['1,1', '1,2', '2,1', '2,2']);
  });

  it('snaps to 1/256 pixel: an offset below half a subpixel changes nothing', () => {
    const base = covered({ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 0, y: 4 });
    const nudged = covered({ x: 0.0019, y: 0 }, { x: 4, y: 0 }, { x: 0, y: 4 });
    expect(nudged).toEqual(base);
    // One whole subpixel right moves the left edge off the x = 0 column, and tilts the hypotenuse
    // so that it crosses row y at x = 4 − y · (4 − 1/256) / 4: just right of (3,1), (2,2) and (1,3).
    const moved = covered({ x: 1 / 256, y: 0 }, { x: 4, y: 0 }, { x: 1 / 256, y: 4 });
    expect(moved).toEqual(['1,0', '1,1', '1,2', '1,3', '2,0', '2,1', '2,2', '3,0', '3,1']);
  });

  it('rejects degenerate, non-finite and out-of-band triangles', () => {
    expect(setupTriangle({ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 2 }, CLIP)).toBeUndefined();
    expect(setupTriangle({ x: NaN, y: 0 }, { x: 1, y: 0 }, { x: 0, y: 1 }, CLIP)).toBeUndefined();
    expect(setupTriangle({ x: 1e9, y: 0 }, { x: 1, y: 0 }, { x: 0, y: 1 }, CLIP)).toBeUndefined();
  });

  it('masks pixels outside the clip rectangle but keeps helper weights', () => {
    const clip: PixelRect = { x0: 1, y0: 0, x1: 3, y1: 2 };
    const px = covered({ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 0, y: 4 }, clip);
    expect(px).toEqual(['1,0', '1,1', '2,0', '2,1']);
    const t = setupTriangle({ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 0, y: 4 }, clip)!;
    const seen: Array<{ x: number; y: number; mask: number; w: number[] }> = [];
    forEachCoveredQuad(t, clip, (q) => seen.push({ x: q.x, y: q.y, mask: q.mask, w: [...q.weights] }));
    // Quads (0,0) and (2,0): pixel 0 of the first quad is clipped (x = 0 < 1).
    expect(seen.map((q) => [q.x, q.y, q.mask])).toEqual([
      [0, 0, 0b1010],
      [2, 0, 0b0101],
    ]);
    // Barycentrics of pixel (0,0) w.r.t. the given vertices: all weight on vertex 0.
    expect([seen[0]!.w[0], seen[0]!.w[4], seen[0]!.w[8]]).toEqual([1, 0, 0]);
    // Pixel (1,0): a quarter of the way to vertex 1.
    expect([seen[0]!.w[1], seen[0]!.w[5], seen[0]!.w[9]]).toEqual([0.75, 0.25, 0]);
  });
});

describe('shared edges', () => {
  const coord = fc.integer({ min: -40 * 256, max: 40 * 256 }).map((v) => v / 256);
  const point = fc.record({ x: coord, y: coord });

  function coverageCount(tris: Array<[WindowPoint, WindowPoint, WindowPoint]>): Map<string, number> {
    const counts = new Map<string, number>();
    for (const [a, b, c] of tris) for (const p of covered(a, b, c)) counts.set(p, (counts.get(p) ?? 0) + 1);
    return counts;
  }

  it('a triangle fan around an interior point covers every pixel of its convex hull exactly once', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 3, maxLength: 12 }), (pts) => {
        // Order points by angle around their centroid to get a star-shaped (fan-safe) polygon.
        const cx = pts.reduce((s, p) => s + p.x, 0) / pts.length;
        const cy = pts.reduce((s, p) => s + p.y, 0) / pts.length;
        const centre = { x: Math.round(cx * 256) / 256, y: Math.round(cy * 256) / 256 };
        const ring = [...pts].sort((p, q) => Math.atan2(p.y - cy, p.x - cx) - Math.atan2(q.y - cy, q.x - cx));
        const tris: Array<[WindowPoint, WindowPoint, WindowPoint]> = ring.map((p, i) => [
          centre,
          p,
          ring[(i + 1) % ring.length]!,
        ]);
        const counts = coverageCount(tris);
        expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
      }),
      { seed: 20261201, numRuns: 150 },
    );
  });

  it('both diagonal splits of a convex quad cover the same pixels, each once', () => {
    fc.assert(
      fc.property(point, point, point, point, (a, b, c, d) => {
        const quad = [a, b, c, d];
        const cross = (o: WindowPoint, p: WindowPoint, q: WindowPoint) => (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x);
        const signs = quad.map((_, i) => Math.sign(cross(quad[i]!, quad[(i + 1) % 4]!, quad[(i + 2) % 4]!)));
        fc.pre(signs.every((s) => s === signs[0] && s !== 0)); // strictly convex
        const split1 = coverageCount([[a, b, c], [a, c, d]]);
        const split2 = coverageCount([[a, b, d], [b, c, d]]);
        expect([...split1.values(), ...split2.values()].filter((n) => n !== 1)).toEqual([]);
        expect([...split1.keys()].sort()).toEqual([...split2.keys()].sort());
        // And both agree with a direct per-pixel test against the quad's own two halves.
        const t1 = setupTriangle(a, b, c, CLIP);
        const t2 = setupTriangle(a, c, d, CLIP);
        // Only pixels inside the quad's bounding box can be covered; the rest of CLIP is empty.
        const box: PixelRect = {
          x0: Math.floor(Math.min(a.x, b.x, c.x, d.x)),
          y0: Math.floor(Math.min(a.y, b.y, c.y, d.y)),
          x1: Math.ceil(Math.max(a.x, b.x, c.x, d.x)) + 1,
          y1: Math.ceil(Math.max(a.y, b.y, c.y, d.y)) + 1,
        };
        const direct = grid((x, y) => (t1 ? coversPixel(t1, x, y) : false) || (t2 ? coversPixel(t2, x, y) : false), box);
        expect([...split1.keys()].sort()).toEqual(direct);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
