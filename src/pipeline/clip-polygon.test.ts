import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClipVertexFlags, clipLine, clipPolygon, clipPolygonWithFlags, outcode, planeDistance, type ClipPlane } from './clip-polygon.js';
import { CLIP_GUARD_BAND, toWindow, volumePlanes } from './viewport.js';

/** A clip vertex: x, y, z, w and one varying (c, 2c, 0, 1). */
function v(x: number, y: number, z: number, w: number, c: number): Float32Array {
  return new Float32Array([x, y, z, w, c, 2 * c, 0, 1]);
}
const list = (vs: readonly Float32Array[]) => vs.map((p) => Array.from(p));

const NEAR: ClipPlane = [0, 0, 1, 0];
const FAR: ClipPlane = [0, 0, -1, 1];

describe('clipPolygon', () => {
  it('near plane z = 0: cuts both edges at t = 1/2, interpolating the varying, keeps the orientation', () => {
    const a = v(0, 0, -1, 1, 0);
    const b = v(1, 0, 1, 1, 1);
    const c = v(0, 1, 1, 1, 2);
    expect(outcode([NEAR], a)).toBe(1);
    expect(list(clipPolygon([a, b, c], [NEAR], 1))).toEqual([
      [0.5, 0, 0, 1, 0.5, 1, 0, 1],
      [1, 0, 1, 1, 1, 2, 0, 1],
      [0, 1, 1, 1, 2, 4, 0, 1],
      [0, 0.5, 0, 1, 1, 2, 0, 1],
    ]);
  });

  it('far plane z = w: one vertex in, a triangle is left with the cut points at z = w', () => {
    // d = w − z: a 0.5, b −1.5 (t = 0.25 from a), c −0.5 (t = 0.5 from a).
    const a = v(0, 0, 0.5, 1, 0);
    const b = v(4, 0, 3, 1.5, 4);
    const c = v(0, 4, 2, 1.5, 8);
    expect(list(clipPolygon([a, b, c], [FAR], 1))).toEqual([
      [0, 0, 0.5, 1, 0, 0, 0, 1],
      [1, 0, 1.125, 1.125, 1, 2, 0, 1],
      [0, 2, 1.25, 1.25, 4, 8, 0, 1],
    ]);
  });

  it('a triangle wholly outside one plane leaves nothing; planes not in the mask are ignored', () => {
    const t = [v(0, 0, -1, 1, 0), v(1, 0, -2, 1, 0), v(0, 1, -1, 1, 0)];
    expect(clipPolygon(t, [NEAR], 1)).toEqual([]);
    expect(clipPolygon(t, [NEAR], 0)).toHaveLength(3);
  });

  it('a user plane x ≤ w/2 in clip space', () => {
    const plane: ClipPlane = [-1, 0, 0, 0.5];
    const out = clipPolygon([v(0, 0, 0.5, 1, 0), v(1, 0, 0.5, 1, 1), v(0, 1, 0.5, 1, 1)], [plane], 1);
    expect(list(out)).toEqual([
      [0, 0, 0.5, 1, 0, 0, 0, 1],
      [0.5, 0, 0.5, 1, 0.5, 1, 0, 1],
      [0.5, 0.5, 0.5, 1, 1, 2, 0, 1],
      [0, 1, 0.5, 1, 1, 2, 0, 1],
    ]);
  });

  it('NaN positions are outside every plane', () => {
    expect(outcode([NEAR, FAR], v(0, 0, NaN, 1, 0))).toBe(3);
  });
});

describe('clipPolygonWithFlags', () => {
  const V = ClipVertexFlags.ORIGINAL_VERTEX;
  const E = ClipVertexFlags.ORIGINAL_EDGE;
  const xy = (r: ReturnType<typeof clipPolygonWithFlags>) => r.vertices.map((p) => [p[0], p[1]]);

  it('unclipped: every vertex and edge is original', () => {
    const t = [v(0, 0, 0.5, 1, 0), v(1, 0, 0.5, 1, 0), v(0, 1, 0.5, 1, 0)];
    const r = clipPolygonWithFlags(t, [NEAR], 1);
    expect(r.vertices).toEqual(t);
    expect(r.flags).toEqual([V | E, V | E, V | E]);
  });

  it('one vertex cut off by the near plane: the cut points are new, the edge between them lies on the plane', () => {
    // a out; a→b re-enters at (0.5, 0), b, c kept, c→a leaves at (0, 0.5).
    const r = clipPolygonWithFlags([v(0, 0, -1, 1, 0), v(1, 0, 1, 1, 1), v(0, 1, 1, 1, 2)], [NEAR], 1);
    expect(xy(r)).toEqual([[0.5, 0], [1, 0], [0, 1], [0, 0.5]]);
    // (0.5,0)→b is part of a→b, b→c whole, c→(0,0.5) part of c→a, (0,0.5)→(0.5,0) on the plane.
    expect(r.flags).toEqual([E, V | E, V | E, 0]);
  });

  it('two vertices cut off: one original vertex and two partial edges are left', () => {
    const r = clipPolygonWithFlags([v(0, 0, 0.5, 1, 0), v(4, 0, 3, 1.5, 4), v(0, 4, 2, 1.5, 8)], [FAR], 1);
    expect(xy(r)).toEqual([[0, 0], [1, 0], [0, 2]]);
    expect(r.flags).toEqual([V | E, 0, E]);
  });

  it('two planes cutting one corner: the plane edges stay unflagged, the partial edges flagged', () => {
    // Triangle (0,0) (4,0) (0,4) at w = 1, planes x ≤ 2 and y ≤ 2. After x ≤ 2: (0,0) (2,0) (2,2)
    // (0,4) with (2,0)→(2,2) on the plane. y ≤ 2 then keeps (2,2) (distance 0 is inside), repeats
    // it as the exit point (t = 0) and re-enters on (0,4)→(0,0) at (0,2).
    const planes: ClipPlane[] = [[-1, 0, 0, 2], [0, -1, 0, 2]];
    const r = clipPolygonWithFlags([v(0, 0, 0.5, 1, 0), v(4, 0, 0.5, 1, 0), v(0, 4, 0.5, 1, 0)], planes, 3);
    expect(xy(r)).toEqual([[0, 0], [2, 0], [2, 2], [2, 2], [0, 2]]);
    // (2,2)→(2,2) is the zero-length rest of b→c (flagged, draws nothing); (2,2)→(0,2) lies on y = 2.
    expect(r.flags).toEqual([V | E, 0, E, 0, E]);
  });

  it('property: original vertices are the input\'s own, original edges lie on an input edge, the others on a plane', () => {
    const coord = fc.integer({ min: -16, max: 16 }).map((n) => n / 4);
    const point = fc.tuple(coord, coord, coord, fc.integer({ min: 1, max: 8 }).map((n) => n / 4));
    const plane = fc.tuple(fc.integer({ min: -4, max: 4 }), fc.integer({ min: -4, max: 4 }), fc.integer({ min: -4, max: 4 }), fc.integer({ min: -4, max: 4 }));
    const near = (a: number, b: number) => Math.abs(a - b) <= 1e-4;
    /** Whether p lies on segment a–b (x, y, z, w), within float32 rounding of the cuts. */
    const onSegment = (p: Float32Array, a: Float32Array, b: Float32Array) => {
      let t: number | undefined;
      for (let k = 0; k < 4; k++) {
        const d = b[k]! - a[k]!;
        if (Math.abs(d) > 1e-3) t = (p[k]! - a[k]!) / d;
      }
      if (t === undefined) return [0, 1, 2, 3].every((k) => near(p[k]!, a[k]!));
      const tt = t;
      return tt >= -1e-4 && tt <= 1 + 1e-4 && [0, 1, 2, 3].every((k) => near(p[k]!, a[k]! + tt * (b[k]! - a[k]!)));
    };
    let cut = 0;
    fc.assert(
      fc.property(fc.array(point, { minLength: 3, maxLength: 3 }), fc.array(plane, { minLength: 1, maxLength: 4 }), (pts, planes) => {
        const input = pts.map(([x, y, z, w]) => v(x, y, z, w, 0));
        const r = clipPolygonWithFlags(input, planes, 0xf);
        expect(r.vertices).toEqual(clipPolygon(input, planes, 0xf));
        expect(r.flags).toHaveLength(r.vertices.length);
        const n = r.vertices.length;
        if (n > 3) cut++;
        for (let i = 0; i < n; i++) {
          const p = r.vertices[i]!;
          const q = r.vertices[(i + 1) % n]!;
          const f = r.flags[i]!;
          expect(input.includes(p)).toBe((f & V) !== 0);
          if ((f & E) !== 0) {
            expect([0, 1, 2].some((k) => onSegment(p, input[k]!, input[(k + 1) % 3]!) && onSegment(q, input[k]!, input[(k + 1) % 3]!))).toBe(true);
          } else {
            expect(planes.some((pl) => near(planeDistance(pl, p), 0) && near(planeDistance(pl, q), 0))).toBe(true);
          }
        }
      }),
      { seed: 42, numRuns: 500 },
    );
    expect(cut).toBeGreaterThan(50);
  });

  it('nothing left: no vertices and no flags', () => {
    expect(clipPolygonWithFlags([v(0, 0, -1, 1, 0), v(1, 0, -2, 1, 0), v(0, 1, -1, 1, 0)], [NEAR], 1)).toEqual({ vertices: [], flags: [] });
  });
});

describe('clipLine', () => {
  it('cuts at the near plane from the inside end', () => {
    expect(list(clipLine(v(0, 0, 1, 1, 0), v(2, 0, -1, 1, 4), [NEAR], 1)!)).toEqual([
      [0, 0, 1, 1, 0, 0, 0, 1],
      [1, 0, 0, 1, 2, 4, 0, 1],
    ]);
    expect(clipLine(v(0, 0, -1, 1, 0), v(2, 0, -1, 1, 4), [NEAR], 1)).toBeUndefined();
  });

  it('the guard band cuts x only where the window position leaves it', () => {
    const vp = { x: 0, y: 0, w: 100, h: 100, zMin: 0, zMax: 1, clip: { x0: 0, y0: 0, x1: 100, y1: 100 } };
    const planes = volumePlanes(vp);
    // On-screen and well outside the screen but inside the band: untouched.
    const inside = v(600, -600, 0.5, 1, 0);
    expect(outcode(planes, inside)).toBe(0);
    const far = v(2000, 0, 0.5, 1, 1);
    expect(outcode(planes, far)).toBe(1 << 3);
    const [, cut] = clipLine(v(0, 0, 0.5, 1, 0), far, planes, 1 << 3)!;
    const w = toWindow(vp, cut[0]!, cut[1]!, cut[2]!, cut[3]!, { x: 0, y: 0, z: 0, invW: 0 });
    expect(Math.abs(w.x - CLIP_GUARD_BAND)).toBeLessThan(0.01);
    expect(w.y).toBe(50);
  });
});
