import { describe, expect, it } from 'vitest';
import { SVGA3dSurfaceFormat as F } from '../formats/index.js';
import { TriangleParts as P, type RasterContext, type RasterVertex } from '../raster/raster-interfaces.js';
import { makeTarget, testContext } from '../raster/raster-test-support.js';
import { ClipVertexFlags } from './clip-polygon.js';
import { reporter } from './draw-test-support.js';
import { fanTriangleParts, PrimitiveEmitter, type RasterBackEnd } from './primitive-emitter.js';
import type { ProcessedVertex } from './vertex-processor.js';
import { volumePlanes, type Viewport } from './viewport.js';

const V = ClipVertexFlags.ORIGINAL_VERTEX;
const E = ClipVertexFlags.ORIGINAL_EDGE;
const VIEWPORT: Viewport = { x: 0, y: 0, w: 8, h: 8, zMin: 0, zMax: 1, clip: { x0: 0, y0: 0, x1: 8, y1: 8 } };
const POINTS = { size: 1, min: 1, max: 64, scaleEnable: false, a: 1, b: 0, c: 0 };

function processed(x: number, y: number, z: number, w = 1): ProcessedVertex {
  return { data: new Float32Array([x, y, z, w, 1, 1, 1, 1]), pointSize: NaN, code: -1, win: undefined };
}

/** An emitter over a rasteriser that records each triangle's window x, y and its parts argument. */
function emitter(pretransformed: boolean): { e: PrimitiveEmitter; triangles: Array<{ xy: number[][]; parts: number | undefined; args: number }> } {
  const triangles: Array<{ xy: number[][]; parts: number | undefined; args: number }> = [];
  const raster: RasterBackEnd = {
    rasterizeTriangle(...args: [RasterVertex, RasterVertex, RasterVertex, RasterContext, number?]) {
      triangles.push({ xy: args.slice(0, 3).map((v) => [(v as RasterVertex).x, (v as RasterVertex).y]), parts: args[4], args: args.length });
    },
    rasterizeLine() {},
    rasterizePoint() {},
  };
  const ctx = testContext({ targets: { colors: [makeTarget(F.A8R8G8B8, 8, 8)] } });
  const e = new PrimitiveEmitter({ raster, ctx, viewport: VIEWPORT, planes: volumePlanes(VIEWPORT), pretransformed, points: POINTS });
  return { e, triangles };
}

describe('fanTriangleParts', () => {
  it('a whole triangle gets every part', () => {
    expect(fanTriangleParts([V | E, V | E, V | E], 1)).toBe(P.ALL);
  });

  it('a corner cut off: the first fan triangle takes two partial edges and the two kept vertices', () => {
    // Polygon (cut, b, c, cut) as the near plane leaves it: cut→b, b→c, c→cut original.
    const flags = [E, V | E, V | E, 0];
    expect(fanTriangleParts(flags, 1)).toBe(P.EDGE_01 | P.EDGE_12 | P.VERTEX_1 | P.VERTEX_2);
    // (cut, c, cut'): only its outer edge c→cut'; the diagonal and the plane edge are not drawn.
    expect(fanTriangleParts(flags, 2)).toBe(P.EDGE_12);
  });

  it('a pentagon: each polygon edge and vertex in exactly one fan triangle, diagonals never', () => {
    const flags = [V | E, 0, E, 0, E];
    expect([1, 2, 3].map((i) => fanTriangleParts(flags, i))).toEqual([P.EDGE_01 | P.VERTEX_0, P.EDGE_12, P.EDGE_20]);
    const all = [V | E, V | E, V | E, V | E, V | E];
    expect([1, 2, 3].map((i) => fanTriangleParts(all, i))).toEqual([
      P.EDGE_01 | P.EDGE_12 | P.VERTEX_0 | P.VERTEX_1 | P.VERTEX_2,
      P.EDGE_12 | P.VERTEX_2,
      P.EDGE_12 | P.VERTEX_2 | P.EDGE_20,
    ]);
  });
});

describe('PrimitiveEmitter', () => {
  it('unclipped triangles go out without parts; a clipped one as a fan with its parts', () => {
    const { e, triangles } = emitter(false);
    e.triangle(processed(-0.5, 0.5, 0.5), processed(0.5, 0.5, 0.5), processed(-0.5, -0.5, 0.5));
    // Window (4,1) z −0.5, (7,1), (1,7): the near plane cuts a→b at (5.5,1) and c→a at (2.5,4).
    e.triangle(processed(0, 0.75, -0.5), processed(0.75, 0.75, 0.5), processed(-0.75, -0.75, 0.5));
    expect(triangles).toEqual([
      { xy: [[2, 2], [6, 2], [2, 6]], parts: undefined, args: 4 },
      { xy: [[5.5, 1], [7, 1], [1, 7]], parts: P.EDGE_01 | P.EDGE_12 | P.VERTEX_1 | P.VERTEX_2, args: 5 },
      { xy: [[5.5, 1], [1, 7], [2.5, 4]], parts: P.EDGE_12, args: 5 },
    ]);
    expect(e.rasterized).toBe(3);
    expect(e.pretransformedDropped).toBe(0);
  });

  it('counts pre-transformed primitives dropped outside the guard band and reports them once', () => {
    const { e, triangles } = emitter(true);
    e.triangle(processed(1, 1, 0.5), processed(5, 1, 0.5), processed(1, 5, 0.5));
    e.triangle(processed(1, 1, 0.5), processed(1e9, 1, 0.5), processed(1, 5, 0.5));
    e.triangle(processed(1, 1, NaN), processed(5, 1, 0.5), processed(1, 5, 0.5));
    e.line(processed(1, 1, 0.5), processed(1, -1e7, 0.5));
    e.line(processed(1, 1, 0.5), processed(3, 1, 0.5));
    e.point(processed(1, 1, 0.5, Infinity));
    e.point(processed(2, 2, 0.5));
    expect(triangles).toHaveLength(1);
    expect(e.rasterized).toBe(3);
    expect(e.pretransformedDropped).toBe(4);
    const r = reporter();
    e.reportDiagnostics(r.report);
    expect(r.list.items.map((d) => [d.code, d.name, d.severity, d.message])).toEqual([
      [5011, 'W_PRETRANSFORMED_DROPPED', 'warning', '4 pre-transformed primitives have a vertex outside the guard band or not finite; dropped'],
    ]);
  });

  it('reports nothing when nothing was dropped', () => {
    const { e } = emitter(true);
    e.triangle(processed(1, 1, 0.5), processed(5, 1, 0.5), processed(1, 5, 0.5));
    const r = reporter();
    e.reportDiagnostics(r.report);
    expect(r.list.items).toEqual([]);
  });
});
