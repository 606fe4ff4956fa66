/**
 * Hostile-input checklist rows 22–26: DRAW_PRIMITIVES counts, vertex and index fetch, primitive
 * counts and types, hostile geometry. Replayed through the whole device with the pipeline's draw
 * backend; the scene (`scene.ts`) draws one green triangle over a 4×4 target, so "no effect"
 * means the target keeps its bytes.
 */
import { describe, expect, it } from 'vitest';
import { defineSurface, exec, expectSkipped, lines, replay, Trace, type Part } from './harness.js';
import { CID, decl, drawSetup, drawTriangle, listRange, RT, TRIANGLE_DECLS, VB } from './scene.js';

const follow: Part = (t) => void t.fifo((w) => drawTriangle(w));
const IB = 21;
const VB2 = 22;

/** The scene plus a 3-index u16 index buffer (0, 1, 2) and a second vertex buffer of `vertices`. */
function sceneWith(vertices: number[][]): Part {
  return (t) => {
    drawSetup(t);
    t.vramWrite(256, new Uint8Array(new Uint16Array([0, 1, 2]).buffer));
    const dv = new DataView(new ArrayBuffer(vertices.length * 20));
    vertices.forEach(([x, y, z, rhw], i) => {
      dv.setFloat32(i * 20, x!, true);
      dv.setFloat32(i * 20 + 4, y!, true);
      dv.setFloat32(i * 20 + 8, z!, true);
      dv.setFloat32(i * 20 + 12, rhw!, true);
      dv.setUint32(i * 20 + 16, 0xffff0000, true);
    });
    const bytes = new Uint8Array(dv.buffer);
    t.vramWrite(512, bytes);
    t.fifo((w) => {
      defineSurface(w, IB, 6, 1, 37);
      defineSurface(w, VB2, bytes.length, 1, 37);
      const up = (sid: number, offset: number, n: number) => w.surfaceDma({
        guest: { ptr: { gmrId: 0xfffffffe, offset }, pitch: 0 }, host: { sid, face: 0, mipmap: 0 }, transfer: 1,
        boxes: [{ x: 0, y: 0, z: 0, w: n, h: 1, d: 1, srcx: 0, srcy: 0, srcz: 0 }],
      });
      up(IB, 256, 6);
      up(VB2, 512, bytes.length);
    });
  };
}
const scene = sceneWith([[0, 0, 0.5, 1], [4, 0, 0.5, 1], [0, 4, 0.5, 1]]);

function rtBytes(r: ReturnType<typeof replay>): number[] {
  return [...r.device.surfaces.get(RT)!.image(0, 0)!.bytes];
}

describe('checklist rows 22–26: the draw path', () => {
  it('row 22: draw counts', () => {
    let at = 0;
    const r = expectSkipped({
      setup: scene,
      hostile: (t) => {
        at = t.fifo((w) => {
          const d = [1, 0, 0, 0, VB, 0, 20, 0, 0];
          // numVertexDecls 33 (with 33 decls present), numRanges 1.
          w.raw([1063, 12 + 33 * 36 + 28, CID, 33, 1, ...Array.from({ length: 33 }, () => d).flat(), 1, 1, 0xffffffff, 0, 0, 0, 0]);
          // numRanges 2^32 − 1 with one range present.
          w.raw([1063, 12 + 36 + 28, CID, 1, 0xffffffff, ...d, 1, 1, 0xffffffff, 0, 0, 0, 0]);
          // One decl and one range announced, the range missing from the payload.
          w.raw([1063, 12 + 36, CID, 1, 1, ...d]);
          // Zero decls or zero ranges: nothing to draw is not a valid draw.
          w.drawPrimitives({ cid: CID, decls: [], ranges: [listRange()] });
        }).offset;
      },
      follow,
    });
    expect(lines(r.hostile)).toEqual([
      `2006 E_COUNT_LIMIT #6 @${at} DRAW_PRIMITIVES`,
      `2006 E_COUNT_LIMIT #6 @${at + 1236} DRAW_PRIMITIVES`,
      `2004 E_SIZE_TOO_SMALL #6 @${at + 1320} DRAW_PRIMITIVES`,
      `3450 E_DRAW #6 @${at + 1376} DRAW_PRIMITIVES`,
    ]);
  });

  it('row 23: vertex fetch past buffer (out-of-bounds elements read as zero, logged once per draw)', () => {
    let at = 0;
    const r = expectSkipped({
      setup: scene,
      hostile: (t) => {
        // offset = size − 4, stride 64, FLOAT4, 999 vertices: every element is (partly) outside,
        // reads as zero, and zero-area triangles draw nothing.
        at = t.fifo((w) => w.drawPrimitives({ cid: CID, decls: [decl(3, 9, 56, 64), decl(4, 10, 56, 64)], ranges: [listRange(333)] })).offset;
      },
      follow,
    });
    expect(lines(r.hostile)).toEqual([`5000 W_FETCH_OUT_OF_BOUNDS #6 @${at} DRAW_PRIMITIVES`]);
  });

  it('row 24: index buffer (width 3 rejected; indices and biases outside the buffers read as zero)', () => {
    let at = 0;
    const indexed = (indexWidth: number, offset: number, indexBias: number, primitiveCount = 1) => ({
      primType: 1, primitiveCount, indexArray: { surfaceId: IB, offset, stride: indexWidth }, indexWidth, indexBias,
    });
    const r = expectSkipped({
      setup: scene,
      hostile: (t) => {
        at = t.fifo((w) => {
          w.drawPrimitives({ cid: CID, decls: TRIANGLE_DECLS, ranges: [indexed(3, 0, 0)] });
          // Index offset past the end of the 6-byte index buffer.
          w.drawPrimitives({ cid: CID, decls: TRIANGLE_DECLS, ranges: [indexed(2, 6, 0)] });
          // indexBias −2^31 and 2^31 − 1: every vertex is outside the 3-vertex buffer.
          w.drawPrimitives({ cid: CID, decls: TRIANGLE_DECLS, ranges: [indexed(2, 0, -0x80000000)] });
          w.drawPrimitives({ cid: CID, decls: TRIANGLE_DECLS, ranges: [indexed(2, 0, 0x7fffffff)] });
        }).offset;
      },
      follow,
    });
    expect(lines(r.hostile)).toEqual([
      `3450 E_DRAW #6 @${at} DRAW_PRIMITIVES`,
      `5001 W_INDEX_OUT_OF_BOUNDS #6 @${at + 120} DRAW_PRIMITIVES`,
      `5000 W_FETCH_OUT_OF_BOUNDS #6 @${at + 240} DRAW_PRIMITIVES`,
      `5000 W_FETCH_OUT_OF_BOUNDS #6 @${at + 360} DRAW_PRIMITIVES`,
    ]);
  });

  it('row 25: primitive count / type', () => {
    let at = 0;
    const r = expectSkipped({
      setup: scene,
      hostile: (t) => {
        at = t.fifo((w) => {
          w.drawPrimitives({ cid: CID, decls: TRIANGLE_DECLS, ranges: [listRange(0xffffffff)] });
          w.drawPrimitives({ cid: CID, decls: TRIANGLE_DECLS, ranges: [{ ...listRange(), primType: 0 }] });
          w.drawPrimitives({ cid: CID, decls: TRIANGLE_DECLS, ranges: [{ ...listRange(), primType: 99 }] });
          // A valid range next to a bad one: the whole draw is rejected, nothing half-drawn.
          w.drawPrimitives({ cid: CID, decls: TRIANGLE_DECLS, ranges: [listRange(), { ...listRange(), primType: 99 }] });
        }).offset;
      },
      follow,
    });
    expect(lines(r.hostile)).toEqual([
      `3450 E_DRAW #6 @${at} DRAW_PRIMITIVES`,
      `3450 E_DRAW #6 @${at + 120} DRAW_PRIMITIVES`,
      `3450 E_DRAW #6 @${at + 240} DRAW_PRIMITIVES`,
      `3450 E_DRAW #6 @${at + 360} DRAW_PRIMITIVES`,
    ]);
  });

  it('row 26: hostile geometry (NaN and Inf vertices dropped; rhw 0 exact; 1e30 and a 2^31 viewport stay bounded)', () => {
    const bad = [
      [NaN, 0, 0.5, 1], [4, 0, 0.5, 1], [0, 4, 0.5, 1],
      [Infinity, 0, 0.5, 1], [4, 0, 0.5, 1], [0, 4, 0.5, 1],
    ];
    const draw2 = (t: Trace, n: number) => void t.fifo((w) => w.drawPrimitives({ cid: CID, decls: [decl(3, 9, 0, 20, VB2), decl(4, 10, 16, 20, VB2)], ranges: [listRange(n)] }));
    const r = expectSkipped({ setup: sceneWith(bad), hostile: (t) => draw2(t, 2), follow });
    // Both triangles are dropped whole and counted in one warning for the draw.
    expect(lines(r.hostile)).toEqual(['5011 W_PRETRANSFORMED_DROPPED #6 @796 DRAW_PRIMITIVES']);
    expect(r.hostile.map((d) => d.message)).toEqual([
      '2 pre-transformed primitives have a vertex outside the guard band or not finite; dropped',
    ]);

    // rhw = 0 (w infinite) on pre-transformed vertices is no error: the window positions are
    // finite, so the triangle is drawn, and its colour is exact (no NaN from a 1/rhw).
    const flat = new Trace();
    sceneWith([[0, 0, 0.5, 0], [4, 0, 0.5, 0], [0, 4, 0.5, 0]])(flat);
    draw2(flat, 1);
    const zeroRhw = replay(flat.finish());
    expect(lines(zeroRhw.diagnostics)).toEqual([]);
    const red = [0, 0, 0xff, 0xff];
    const none = [0, 0, 0, 0];
    const rows = [4, 3, 2, 1].map((n) => [0, 1, 2, 3].map((x) => (x < n ? red : none)).flat());
    expect(rtBytes(zeroRhw)).toEqual(rows.flat());

    // Pre-transformed vertices at ±1e30 are finite but far outside the rasteriser's guard band
    // (no clipping applies to them): the primitive is dropped before any pixel loop, with a 5011
    // warning, under a viewport 2^31 wide. The next draw still fills exactly the 16 pixels.
    const t = new Trace();
    sceneWith([[-1e30, -1e30, 0.5, 1], [1e30, -1e30, 0.5, 1], [-1e30, 1e30, 0.5, 1]])(t);
    t.fifo((w) => {
      w.setViewport({ cid: CID, rect: { x: 0, y: 0, w: 0x80000000, h: 0x80000000 } });
      w.drawPrimitives({ cid: CID, decls: [decl(3, 9, 0, 20, VB2), decl(4, 10, 16, 20, VB2)], ranges: [listRange(1)] });
    });
    const big = replay(t.finish());
    expect(lines(big.diagnostics)).toEqual(['5011 W_PRETRANSFORMED_DROPPED #6 @764 DRAW_PRIMITIVES']);
    expect(rtBytes(big).every((b) => b === 0)).toBe(true);
    expect(exec(big, (w) => drawTriangle(w))).toEqual([]);
    expect(rtBytes(big)).toEqual(Array.from({ length: 16 }, () => [0, 0xff, 0, 0xff]).flat());
  });
});
