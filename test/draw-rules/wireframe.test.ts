/**
 * Wireframe and point fill end to end: a triangle the clipper cut draws, in FILLMODE LINE, only
 * what is left of its own three edges (never the fan's inner diagonals nor the edges along a
 * clip plane) and, in FILLMODE POINT, only its own vertices that survive (never the clipper's
 * new ones); FILLMODE's face half picks the facings the mode applies to.
 *
 * Expected line pixels come from the repository's own line rule: the expected segments (worked
 * out by hand, or by `clipLine`, the separate segment clipper) are drawn with `rasterizeLine` on
 * a raster target of the same size, so these tests check which segments are drawn, not the line
 * rule itself. Solid triangles use the scene's rule-based `coverage`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SVGA3dSurfaceFormat as F } from '../../src/formats/index.js';
import { clipLine, clipPolygon, outcode, type ClipPlane } from '../../src/pipeline/clip-polygon.js';
import { PrimitiveEmitter } from '../../src/pipeline/primitive-emitter.js';
import type { ProcessedVertex } from '../../src/pipeline/vertex-processor.js';
import { toWindow, volumePlanes, type Viewport } from '../../src/pipeline/viewport.js';
import { rasterizeLine, rasterizePoint, rasterizeTriangle } from '../../src/raster/index.js';
import type { RenderTarget } from '../../src/raster/raster-interfaces.js';
import { makeTarget, pixelWord, testContext, vtx as rasterVertex } from '../../src/raster/raster-test-support.js';
import { toSubpixel } from '../../src/raster/subpixel.js';
import { SVGA3dFace as Face, SVGA3dFillModeType as Fill, SVGA3dRenderStateName as RS } from '../../src/svga3d-decoder/index.js';
import { coverage, hexRows } from '../support/draw-expect.js';
import { CID, renderScene, states, win } from '../support/draw-scene.js';

const RED = [1, 0, 0, 1];
const ON = 'ff0000ff';

type Segment = readonly [number, number, number, number];

/** Pixels with a non-zero word, as "x,y", row by row. */
function written(rt: RenderTarget): string[] {
  const out: string[] = [];
  for (let y = 0; y < rt.image.height; y++) for (let x = 0; x < rt.image.width; x++) if (pixelWord(rt, x, y) !== 0) out.push(`${x},${y}`);
  return out;
}

/** The pixels the line rule draws for `segments` (window x0, y0 → x1, y1) on a size × size target. */
function linePixels(segments: readonly Segment[], lastPixel = true, size = 8): string[] {
  const rt = makeTarget(F.A8R8G8B8, size, size);
  const ctx = testContext({ targets: { colors: [rt] }, rasterizer: { lastPixel } });
  for (const [x0, y0, x1, y1] of segments) rasterizeLine(rasterVertex(x0, y0, 0.5, RED), rasterVertex(x1, y1, 0.5, RED), ctx);
  return written(rt);
}

/** Pixels `extra` segments draw that `drawn` lacks (so their presence would show them drawn). */
function onlyOn(extra: readonly Segment[], drawn: readonly string[]): string[] {
  return linePixels(extra).filter((p) => !drawn.includes(p));
}

/** The lit pixels of a scene image, as "x,y", row by row. */
function lit(rows: string[][]): string[] {
  const out: string[] = [];
  rows.forEach((row, y) => row.forEach((p, x) => p === ON && out.push(`${x},${y}`)));
  return out;
}

/** Renders window-space triangles (clip z per vertex) with the given states and user planes. */
function draw(tris: readonly (readonly [number, number, number])[][], values: Record<number, number>, planes: ClipPlane[] = []): string[] {
  const { colors, diagnostics } = renderScene({
    vertices: tris.flat().map(([x, y, z]) => win(x, y, z, RED)),
    draw: (c, d) => {
      planes.forEach((plane, index) => c.setClipPlane({ cid: CID, index, plane: [...plane] }));
      states(c, values);
      d(0, tris.length);
    },
  });
  expect(diagnostics).toEqual([]);
  return lit(hexRows(colors[0]!));
}

describe('LINE fill of clipped triangles', () => {
  it('near plane: the partial and whole original edges, not the diagonal nor the edge on the plane', () => {
    // Window (1,1) at z −0.5, (7,1) and (1,7) at z 0.5: z = 0 halfway along a→b and c→a, at
    // (4,1) and (1,4). The fan is (4,1) (7,1) (1,7) + (4,1) (1,7) (1,4).
    const got = draw([[[1, 1, -0.5], [7, 1, 0.5], [1, 7, 0.5]]], { [RS.FILLMODE]: Fill.LINE });
    expect(got).toEqual(linePixels([[4, 1, 7, 1], [7, 1, 1, 7], [1, 7, 1, 4]]));
    // The plane edge (1,4)→(4,1) and the diagonal (4,1)→(1,7) would add pixels of their own.
    expect(onlyOn([[1, 4, 4, 1], [4, 1, 1, 7]], got).length).toBeGreaterThanOrEqual(4);
    // Unclipped, the same triangle draws its three whole edges.
    const whole = draw([[[1, 1, 0.5], [7, 1, 0.5], [1, 7, 0.5]]], { [RS.FILLMODE]: Fill.LINE });
    expect(whole).toEqual(linePixels([[1, 1, 7, 1], [7, 1, 1, 7], [1, 7, 1, 1]]));
  });

  it('a user clip plane: two partial edges and one whole one, not the diagonal nor the cut', () => {
    // Plane 0 keeps clip x ≤ 0 (window x ≤ 4). Triangle (1,1) (7,4) (1,7): a→b leaves at (4,2.5),
    // b→c re-enters at (4,5.5); the polygon (1,1) (4,2.5) (4,5.5) (1,7) has the plane edge
    // (4,2.5)→(4,5.5) and the fan diagonal (1,1)→(4,5.5).
    const tri: [number, number, number][] = [[1, 1, 0.5], [7, 4, 0.5], [1, 7, 0.5]];
    const got = draw([tri], { [RS.FILLMODE]: Fill.LINE, [RS.CLIPPLANEENABLE]: 1 }, [[-1, 0, 0, 0]]);
    expect(got).toEqual(linePixels([[1, 1, 4, 2.5], [4, 5.5, 1, 7], [1, 7, 1, 1]]));
    // The plane edge (4,2.5)→(4,5.5) and the diagonal (1,1)→(4,5.5) would add pixels of their own.
    expect(onlyOn([[4, 2.5, 4, 5.5], [1, 1, 4, 5.5]], got).length).toBeGreaterThanOrEqual(2);
  });

  it('near and user plane together, and a triangle wholly clipped away draws nothing', () => {
    // Near plane as in the first case, plus plane 0 keeping window y ≤ 4 (clip y ≥ 0). b→c leaves
    // it at (4,4); what the near plane left of c→a, (1,7)→(1,4), ends on the plane, so only its
    // end point (1,4) is left (a zero-length edge: nothing to draw).
    const got = draw([[[1, 1, -0.5], [7, 1, 0.5], [1, 7, 0.5]]], { [RS.FILLMODE]: Fill.LINE, [RS.CLIPPLANEENABLE]: 1 }, [[0, 1, 0, 0]]);
    expect(got).toEqual(linePixels([[4, 1, 7, 1], [7, 1, 4, 4]]));
    expect(draw([[[1, 1, -0.5], [7, 1, -0.25], [1, 7, -1]]], { [RS.FILLMODE]: Fill.LINE })).toEqual([]);
  });
});

describe('POINT fill of clipped triangles', () => {
  it('draws the surviving original vertices only, never the clipper\'s new ones', () => {
    expect(draw([[[1, 1, -0.5], [7, 1, 0.5], [1, 7, 0.5]]], { [RS.FILLMODE]: Fill.POINT })).toEqual(['7,1', '1,7']);
    expect(draw([[[1, 1, 0.5], [7, 1, 0.5], [1, 7, 0.5]]], { [RS.FILLMODE]: Fill.POINT })).toEqual(['1,1', '7,1', '1,7']);
    // User plane x ≤ 4: only (1,1) and (1,7) survive; the cuts at (4,2.5) and (4,5.5) are new.
    const tri: [number, number, number][] = [[1, 1, 0.5], [7, 4, 0.5], [1, 7, 0.5]];
    expect(draw([tri], { [RS.FILLMODE]: Fill.POINT, [RS.CLIPPLANEENABLE]: 1 }, [[-1, 0, 0, 0]])).toEqual(['1,1', '1,7']);
  });
});

describe('FILLMODE face', () => {
  // Under FRONTWINDING CW (the default) the first triangle is front (clockwise on screen), the
  // second back; culling is off.
  const FRONT: [number, number, number][] = [[0, 0, 0.5], [4, 0, 0.5], [0, 4, 0.5]];
  const BACK: [number, number, number][] = [[3, 7, 0.5], [7, 7, 0.5], [7, 3, 0.5]];
  const edges = (t: readonly (readonly [number, number, number])[]): Segment[] =>
    [0, 1, 2].map((i) => [t[i]![0], t[i]![1], t[(i + 1) % 3]![0], t[(i + 1) % 3]![1]] as const);
  const solid = (t: readonly (readonly [number, number, number])[]): string[] => {
    const cov = coverage(t.map(([x, y]) => [x, y] as const));
    return cov.flatMap((row, y) => row.flatMap((c, x) => (c ? [`${x},${y}`] : [])));
  };
  /** Pixels in row order of the union of two pixel lists. */
  const union = (a: string[], b: string[]): string[] => {
    const key = (p: string) => { const [x, y] = p.split(',').map(Number); return y! * 8 + x!; };
    return [...new Set([...a, ...b])].sort((p, q) => key(p) - key(q));
  };

  it.each([
    { face: 0, name: 'INVALID (0, what Mesa sends): both faces', front: true, back: true },
    { face: Face.NONE, name: 'NONE: no face, all solid', front: false, back: false },
    { face: Face.FRONT, name: 'FRONT: front faces only', front: true, back: false },
    { face: Face.BACK, name: 'BACK: back faces only', front: false, back: true },
    { face: Face.FRONT_BACK, name: 'FRONT_BACK: both faces', front: true, back: true },
    { face: 9, name: 'an invalid face (9): both faces', front: true, back: true },
  ])('LINE with $name', ({ face, front, back }) => {
    const got = draw([FRONT, BACK], { [RS.FILLMODE]: Fill.LINE | (face << 16) });
    const expected = union(front ? linePixels(edges(FRONT)) : solid(FRONT), back ? linePixels(edges(BACK)) : solid(BACK));
    expect(got).toEqual(expected);
    // The two renderings of each triangle differ, so the case tells them apart.
    expect(linePixels(edges(FRONT))).not.toEqual(solid(FRONT));
    expect(linePixels(edges(BACK))).not.toEqual(solid(BACK));
  });

  it('POINT with BACK: the front triangle filled, the back one as its three vertices', () => {
    expect(draw([FRONT, BACK], { [RS.FILLMODE]: Fill.POINT | (Face.BACK << 16) })).toEqual(union(solid(FRONT), ['3,7', '7,7', '7,3']));
  });
});

describe('property: clipped wireframe never draws a fan diagonal', () => {
  const VIEWPORT: Viewport = { x: 0, y: 0, w: 12, h: 12, zMin: 0, zMax: 1, clip: { x0: 0, y0: 0, x1: 12, y1: 12 } };
  const coord = fc.integer({ min: -48, max: 144 }).map((v) => v / 8);
  const vertex = fc.record({ x: coord, y: coord, z: fc.integer({ min: -8, max: 16 }).map((v) => v / 8), w: fc.constantFrom(0.5, 1, 2) });
  const small = fc.integer({ min: -8, max: 8 }).map((v) => v / 4);
  const plane = fc.tuple(small, small, small, small);

  /** Clip-space data of a window point at clip z and w (12×12 viewport: x = wx/6 − 1, y = 1 − wy/6). */
  const clipOf = (v: { x: number; y: number; z: number; w: number }): Float32Array =>
    new Float32Array([(v.x / 6 - 1) * v.w, (1 - v.y / 6) * v.w, v.z * v.w, v.w, 1, 0, 0, 1]);

  it('random triangles and clip planes: LINE pixels are exactly the surviving original edges', () => {
    let cut = 0;
    fc.assert(
      fc.property(fc.array(vertex, { minLength: 3, maxLength: 3 }), plane, fc.boolean(), (vs, userPlane, lastPixel) => {
        const data = vs.map(clipOf);
        const planes: ClipPlane[] = [...volumePlanes(VIEWPORT), userPlane];
        const rt = makeTarget(F.A8R8G8B8, 12, 12);
        const ctx = testContext({ targets: { colors: [rt] }, rasterizer: { fillMode: Fill.LINE, lastPixel } });
        const points = { size: 1, min: 1, max: 64, scaleEnable: false, a: 1, b: 0, c: 0 };
        const raster = { rasterizeTriangle, rasterizeLine, rasterizePoint };
        const emitter = new PrimitiveEmitter({ raster, ctx, viewport: VIEWPORT, planes, pretransformed: false, points });
        const pv = (d: Float32Array): ProcessedVertex => ({ data: d, pointSize: NaN, code: -1, win: undefined });
        emitter.triangle(pv(data[0]!), pv(data[1]!), pv(data[2]!));
        const drawn = written(rt);

        const toWin = (p: Float32Array) => toWindow(VIEWPORT, p[0]!, p[1]!, p[2]!, p[3]!, { x: 0, y: 0, z: 0, invW: 0 });
        // What is left of each original edge, by the separate segment clipper.
        const mask = data.reduce((m, d) => m | outcode(planes, d), 0);
        const segments: Segment[] = [];
        for (let i = 0; i < 3; i++) {
          const s = clipLine(data[i]!, data[(i + 1) % 3]!, planes, mask);
          if (!s) continue;
          const a = toWin(s[0]);
          const b = toWin(s[1]);
          segments.push([a.x, a.y, b.x, b.y]);
        }
        const polygon = mask === 0 ? data : clipPolygon(data, planes, mask);
        const window = polygon.map(toWin).map((p) => ({ x: p.x, y: p.y }));
        const diagonals: Segment[] = [];
        for (let i = 2; i + 1 < window.length; i++) diagonals.push([window[0]!.x, window[0]!.y, window[i]!.x, window[i]!.y]);
        if (window.length > 3) cut++;

        const edgePixels = new Set(linePixels(segments, lastPixel, 12));
        const diagonalOnly = linePixels(diagonals, lastPixel, 12).filter((p) => !edgePixels.has(p));
        expect(drawn.filter((p) => diagonalOnly.includes(p))).toEqual([]);
        expect(drawn.filter((p) => !edgePixels.has(p))).toEqual([]);
        // Every fan piece with an area after snapping draws its edges, so then all of them appear.
        const snappedArea = (i: number) => {
          const [p, q, r] = [window[0]!, window[i]!, window[i + 1]!];
          const [px, py, qx, qy, rx, ry] = [p.x, p.y, q.x, q.y, r.x, r.y].map(toSubpixel) as [number, number, number, number, number, number];
          return (qx - px) * (ry - py) - (rx - px) * (qy - py);
        };
        let solidFan = window.length >= 3;
        for (let i = 1; i + 1 < window.length; i++) if (snappedArea(i) === 0) solidFan = false;
        if (solidFan) expect(drawn).toEqual([...edgePixels]);
      }),
      { seed: 42, numRuns: 300 },
    );
    // The arbitraries must really exercise the fan (polygons of four or more vertices).
    expect(cut).toBeGreaterThan(50);
  });
});
