import { describe, expect, it } from 'vitest';
import { f32Bits } from '../device/contexts/state-defaults.js';
import { SVGA3dRenderStateName as RS } from '../svga3d-decoder/spec/enums-render-state.js';
import { SVGA3dDeclType as T, SVGA3dDeclUsage as U, SVGA3dPrimitiveType as P } from '../svga3d-decoder/spec/enums.js';
import { drawPrimitives, type DrawServices } from './draw.js';
import {
  MemorySurfaces,
  contextWith,
  decl,
  drawCommand,
  f32Bytes,
  range,
  recordingRaster,
  reporter,
} from './draw-test-support.js';

const VS = 'vs_2_0\ndcl_position v0\ndcl_color v1\nmov oPos, v0\nmov oD0, v1';
const PS = 'ps_2_0\ndcl v0\nmov oC0, v0';

/**
 * Four vertices (FLOAT4 position, FLOAT4 colour; stride 32) on an 8×8 target: clip (±1, ±1)
 * maps to window (0 | 8, 0 | 8) by Xw = (x + 1)·4, Yw = (1 − y)·4.
 */
const VERTICES = [
  [-1, 1, 0.5, 1, 1, 0, 0, 1],
  [1, 1, 0.5, 1, 0, 1, 0, 1],
  [-1, -1, 0.5, 1, 0, 0, 1, 1],
  [1, -1, 0.5, 1, 1, 1, 1, 1],
];
/** Window vertex i with its colour varying. */
const W = [
  [0, 0, 0.5, 1, 1, 0, 0, 1],
  [8, 0, 0.5, 1, 0, 1, 0, 1],
  [0, 8, 0.5, 1, 0, 0, 1, 1],
  [8, 8, 0.5, 1, 1, 1, 1, 1],
];
const DECLS = [decl(T.FLOAT4, U.POSITION, 2, 0, 32), decl(T.FLOAT4, U.COLOR, 2, 16, 32)];

function setup(options: { smooth?: boolean; vertices?: number[][]; vs?: string | undefined; ps?: string | undefined } = {}) {
  const context = contextWith('vs' in options ? options.vs : VS, 'ps' in options ? options.ps : PS);
  context.renderTargets[2] = { sid: 1, face: 0, mip: 0 };
  context.renderStates[RS.SHADEMODE] = (options.smooth ?? true) ? 2 : 1;
  const surfaces = new MemorySurfaces().target(1, 8, 8).buffer(2, f32Bytes((options.vertices ?? VERTICES).flat()));
  const rec = recordingRaster();
  const { list, report } = reporter();
  const services: DrawServices = { raster: rec.raster };
  return { context, surfaces, rec, list, report, services };
}

describe('drawPrimitives: assembly to the rasteriser', () => {
  it('a triangle list reaches the rasteriser in window space with its colours', () => {
    const s = setup();
    drawPrimitives(s.context, drawCommand(DECLS, [range(P.TRIANGLELIST, 1)]), s.surfaces, s.report, s.services);
    expect(s.rec.calls).toEqual([{ kind: 'triangle', v: [W[0], W[1], W[2]] }]);
    expect(s.rec.contexts[0]!.layout).toEqual({ count: 1, interpolation: ['perspective'], spriteCoordVaryings: [] });
    expect(s.list.items).toEqual([]);
  });

  it('flat shading: colour is flat and every vertex carries the first one', () => {
    const s = setup({ smooth: false });
    drawPrimitives(s.context, drawCommand(DECLS, [range(P.TRIANGLELIST, 1)]), s.surfaces, s.report, s.services);
    const red = [1, 0, 0, 1];
    expect(s.rec.calls).toEqual([{ kind: 'triangle', v: [W[0], [8, 0, 0.5, 1, ...red], [0, 8, 0.5, 1, ...red]] }]);
    expect(s.rec.contexts[0]!.layout.interpolation).toEqual(['flat']);
  });

  it('strip and fan orders keep the first triangle winding', () => {
    const s = setup();
    drawPrimitives(s.context, drawCommand(DECLS, [range(P.TRIANGLESTRIP, 2), range(P.TRIANGLEFAN, 1)]), s.surfaces, s.report, s.services);
    expect(s.rec.calls.map((c) => c.v)).toEqual([
      [W[0], W[1], W[2]],
      [W[1], W[3], W[2]],
      [W[1], W[2], W[0]],
    ]);
  });

  it('16-bit indices with a negative bias, 32-bit indices at an offset, ranges in order', () => {
    const s = setup();
    const idx16 = new Uint8Array(new Uint16Array([7, 5, 6]).buffer);
    const idx32 = new Uint8Array(new Uint32Array([99, 3, 1, 2]).buffer);
    s.surfaces.buffer(3, idx16).buffer(4, idx32);
    drawPrimitives(
      s.context,
      drawCommand(DECLS, [range(P.TRIANGLELIST, 1, { sid: 3, width: 2 }, -5), range(P.LINELIST, 1, { sid: 4, width: 4, offset: 4 })]),
      s.surfaces,
      s.report,
      s.services,
    );
    expect(s.rec.calls).toEqual([
      { kind: 'triangle', v: [W[2], W[0], W[1]] },
      { kind: 'line', v: [W[3], W[1]] },
    ]);
  });

  it('instancing: the indexed stream gives the instance count, instance data advances per instance', () => {
    const s = setup();
    // Colour from element `instance` (instanceData, 1 per element); 2 instances.
    drawPrimitives(s.context, drawCommand(DECLS, [range(P.TRIANGLELIST, 1)], [0x40000002, 0x80000001]), s.surfaces, s.report, s.services);
    const withColour = (i: number, c: number[]) => [...W[i]!.slice(0, 4), ...c];
    expect(s.rec.calls.map((c) => c.v)).toEqual([
      [withColour(0, [1, 0, 0, 1]), withColour(1, [1, 0, 0, 1]), withColour(2, [1, 0, 0, 1])],
      [withColour(0, [0, 1, 0, 1]), withColour(1, [0, 1, 0, 1]), withColour(2, [0, 1, 0, 1])],
    ]);
  });

  it('robust fetch: elements past the end read as zero and are counted once per draw', () => {
    const s = setup();
    // Vertices 4 and 5 do not exist: both elements of each read as zero (w = 0: dropped).
    drawPrimitives(s.context, drawCommand(DECLS, [range(P.TRIANGLELIST, 2, undefined, 2)]), s.surfaces, s.report, s.services);
    expect(s.rec.calls).toEqual([]);
    expect(s.list.items.map((d) => [d.code, d.message])).toEqual([[5000, '8 vertex elements lie outside their surface and read as zero']]);
    const t = setup();
    drawPrimitives(t.context, drawCommand(DECLS, [range(P.TRIANGLELIST, 1, undefined, 1)]), t.surfaces, t.report, t.services);
    expect(t.list.items.map((d) => d.code)).toEqual([]);
  });

  it('POSITIONT bypasses the vertex shader: window x, y, depth z and 1/w as given', () => {
    const s = setup({ vertices: [[10.5, 2, 0.25, 0.5, 1, 0, 0, 1], [3, 4, 0, 2, 0, 1, 0, 1], [5, 6, 1, 1, 0, 0, 1, 1]] });
    const decls = [decl(T.FLOAT4, U.POSITIONT, 2, 0, 32), decl(T.FLOAT4, U.COLOR, 2, 16, 32)];
    drawPrimitives(s.context, drawCommand(decls, [range(P.TRIANGLELIST, 1)]), s.surfaces, s.report, s.services);
    expect(s.rec.calls).toEqual([
      { kind: 'triangle', v: [[10.5, 2, 0.25, 0.5, 1, 0, 0, 1], [3, 4, 0, 2, 0, 1, 0, 1], [5, 6, 1, 1, 0, 0, 1, 1]] },
    ]);
  });

  it('near-plane clipping: the cut quad becomes a fan of two triangles with interpolated colours', () => {
    const vertices = VERTICES.map((v) => [...v]);
    vertices[0]![2] = -0.5;
    const s = setup({ vertices });
    drawPrimitives(s.context, drawCommand(DECLS, [range(P.TRIANGLELIST, 1)]), s.surfaces, s.report, s.services);
    const p01 = [4, 0, 0, 1, 0.5, 0.5, 0, 1];
    const p20 = [0, 4, 0, 1, 0.5, 0, 0.5, 1];
    expect(s.rec.calls.map((c) => c.v)).toEqual([
      [p01, W[1], W[2]],
      [p01, W[2], p20],
    ]);
  });

  it('user clip plane in clip space (with a vertex shader)', () => {
    const s = setup();
    s.context.renderStates[RS.CLIPPLANEENABLE] = 1 << 2;
    // x ≤ 0 in clip space: keeps window x ≤ 4.
    s.context.clipPlanesF32.set([-1, 0, 0, 0], 8);
    drawPrimitives(s.context, drawCommand(DECLS, [range(P.TRIANGLELIST, 1)]), s.surfaces, s.report, s.services);
    expect(s.rec.calls.map((c) => c.v)).toEqual([[W[0], [4, 0, 0.5, 1, 0.5, 0.5, 0, 1], [4, 4, 0.5, 1, 0, 0.5, 0.5, 1]], [W[0], [4, 4, 0.5, 1, 0, 0.5, 0.5, 1], W[2]]]);
  });

  it('points: POINTSIZE, or the shader oPts clamped to POINTSIZEMAX', () => {
    const s = setup();
    s.context.renderStates[RS.POINTSIZE] = f32Bits(3);
    drawPrimitives(s.context, drawCommand(DECLS, [range(P.POINTLIST, 1)]), s.surfaces, s.report, s.services);
    expect(s.rec.calls).toEqual([{ kind: 'point', v: [W[0]], size: 3 }]);
    const t = setup({ vs: 'vs_2_0\ndef c0, 100, 5, 0, 0\ndcl_position v0\ndcl_color v1\nmov oPos, v0\nmov oD0, v1\nmov oPts, c0.x' });
    drawPrimitives(t.context, drawCommand(DECLS, [range(P.POINTLIST, 2, undefined, 1)]), t.surfaces, t.report, t.services);
    expect(t.rec.calls).toEqual([
      { kind: 'point', v: [W[1]], size: 64 },
      { kind: 'point', v: [W[2]], size: 64 },
    ]);
  });

  it('a viewport and z range move and scale window coordinates', () => {
    const s = setup();
    s.context.viewport = { x: 2, y: 4, w: 4, h: 2 };
    s.context.zRangeF32.set([0.5, 1]);
    drawPrimitives(s.context, drawCommand(DECLS, [range(P.LINELIST, 1)]), s.surfaces, s.report, s.services);
    expect(s.rec.calls).toEqual([{ kind: 'line', v: [[2, 4, 0.75, 1, 1, 0, 0, 1], [6, 4, 0.75, 1, 0, 1, 0, 1]] }]);
    expect(s.rec.contexts[0]!.rasterizer.clip).toEqual({ x0: 2, y0: 4, x1: 6, y1: 6 });
  });

  it('a viewport hanging off the target is cut, not squeezed: the transform keeps the given rectangle', () => {
    const s = setup();
    // 16×8 at x = −8 on the 8×8 target: clip x −1 / 0 / 1 → window −8 / 0 / 8; pixels only in 0..8.
    s.context.viewport = { x: -8, y: 0, w: 16, h: 8 };
    drawPrimitives(s.context, drawCommand(DECLS, [range(P.LINELIST, 1)]), s.surfaces, s.report, s.services);
    expect(s.rec.calls).toEqual([{ kind: 'line', v: [[-8, 0, 0.5, 1, 1, 0, 0, 1], [8, 0, 0.5, 1, 0, 1, 0, 1]] }]);
    expect(s.rec.contexts[0]!.rasterizer.clip).toEqual({ x0: 0, y0: 0, x1: 8, y1: 8 });
  });

  it('occlusion queries count the samples the rasteriser reports', () => {
    const s = setup();
    const rec = recordingRaster(3);
    s.context.occlusionActive = true;
    drawPrimitives(s.context, drawCommand(DECLS, [range(P.TRIANGLESTRIP, 2)]), s.surfaces, s.report, { raster: rec.raster });
    expect(s.context.occlusionSamples).toBe(6);
  });

  it('fixed function without a builder, an undefined shader, no render target: reported and skipped', () => {
    const ff = setup({ vs: undefined });
    drawPrimitives(ff.context, drawCommand(DECLS, [range(P.TRIANGLELIST, 1)]), ff.surfaces, ff.report, ff.services);
    expect(ff.list.items.map((d) => [d.code, d.message])).toEqual([[5002, 'fixed-function vertex pipeline not implemented; draw skipped']]);
    const missing = setup();
    missing.context.boundShaders[1] = 9;
    drawPrimitives(missing.context, drawCommand(DECLS, [range(P.TRIANGLELIST, 1)]), missing.surfaces, missing.report, missing.services);
    expect(missing.list.items.map((d) => d.code)).toEqual([5003]);
    const none = setup();
    none.context.renderTargets[2] = undefined;
    drawPrimitives(none.context, drawCommand(DECLS, [range(P.TRIANGLELIST, 1)]), none.surfaces, none.report, none.services);
    expect(none.list.items.map((d) => d.code)).toEqual([5005]);
    expect([ff, missing, none].map((x) => x.rec.calls.length)).toEqual([0, 0, 0]);
  });

  it('the quad budget stops a draw between primitives', () => {
    const s = setup();
    // The recording rasteriser counts one quad per primitive: after 2 quads (> 1), the rest stops.
    drawPrimitives(s.context, drawCommand(DECLS, [range(P.TRIANGLELIST, 1), range(P.TRIANGLESTRIP, 2), range(P.LINELIST, 1)]), s.surfaces, s.report, {
      ...s.services,
      maxQuads: 1,
    });
    expect(s.rec.calls.map((c) => c.kind)).toEqual(['triangle', 'triangle']);
    expect(s.list.items.map((d) => [d.code, d.message])).toEqual([[5010, 'draw shaded more than 1 pixel quads; the rest is skipped']]);
  });

  it('the vertex budget stops a draw that asks for too much', () => {
    const s = setup();
    drawPrimitives(s.context, drawCommand(DECLS, [range(P.TRIANGLELIST, 1), range(P.TRIANGLELIST, 1)]), s.surfaces, s.report, {
      ...s.services,
      maxVertices: 5,
    });
    expect(s.rec.calls).toHaveLength(1);
    expect(s.list.items.map((d) => d.code)).toEqual([5004]);
  });
});

