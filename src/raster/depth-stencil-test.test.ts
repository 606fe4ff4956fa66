import { describe, expect, it } from 'vitest';
import { SVGA3dSurfaceFormat as F } from '../formats/index.js';
import { SVGA3dCmpFunc as Cmp, SVGA3dStencilOp as Op } from '../svga3d-decoder/spec/enums.js';
import { compare, stencilOp } from './depth-stencil-test.js';
import { rasterizePoint } from './draw-point.js';
import { rasterizeTriangle } from './draw-triangle.js';
import type { RasterContext, RenderTarget } from './raster-interfaces.js';
import type { StencilState } from './raster-state.js';
import { makeTarget, pixelWord, setPixelWord, testContext, vtx } from './raster-test-support.js';

const RED = [1, 0, 0, 1];
const GREEN = [0, 1, 0, 1];

/** Draws a 1-pixel point at pixel (x, y) of depth z and colour rgba. */
function probe(ctx: RasterContext, x: number, y: number, z: number, rgba: readonly number[] = RED): void {
  rasterizePoint(vtx(x, y, z, rgba), 1, ctx);
}

describe('comparison functions', () => {
  it('follow SVGA3dCmpFunc with the incoming value on the left', () => {
    const table = (a: number, b: number) =>
      [Cmp.NEVER, Cmp.LESS, Cmp.EQUAL, Cmp.LESSEQUAL, Cmp.GREATER, Cmp.NOTEQUAL, Cmp.GREATEREQUAL, Cmp.ALWAYS].map((fn) =>
        compare(fn, a, b),
      );
    expect(table(4, 5)).toEqual([false, true, false, true, false, true, false, true]);
    expect(table(5, 5)).toEqual([false, false, true, true, false, false, true, true]);
    expect(table(6, 5)).toEqual([false, false, false, false, true, true, true, true]);
    expect(compare(Cmp.INVALID, 6, 5)).toBe(true);
    expect(compare(99, 6, 5)).toBe(true);
  });
});

describe('stencil operations', () => {
  it('implement every SVGA3dStencilOp on 8 bits (ref 0x5A)', () => {
    const ops = (stored: number) =>
      [Op.KEEP, Op.ZERO, Op.REPLACE, Op.INCRSAT, Op.DECRSAT, Op.INVERT, Op.INCR, Op.DECR].map((op) => stencilOp(op, stored, 0x5a, 255));
    expect(ops(7)).toEqual([7, 0, 0x5a, 8, 6, 0xf8, 8, 6]);
    // Saturating ops stop at the ends; wrapping ones go round.
    expect(ops(255)).toEqual([255, 0, 0x5a, 255, 254, 0, 0, 254]);
    expect(ops(0)).toEqual([0, 0, 0x5a, 1, 0, 255, 1, 255]);
    expect(stencilOp(Op.INVALID, 9, 0, 255)).toBe(9);
  });

  it('implement every op on D15S1 one-bit stencil (ref 1)', () => {
    const ops = (stored: number) =>
      [Op.KEEP, Op.ZERO, Op.REPLACE, Op.INCRSAT, Op.DECRSAT, Op.INVERT, Op.INCR, Op.DECR].map((op) => stencilOp(op, stored, 1, 1));
    expect(ops(0)).toEqual([0, 0, 1, 1, 0, 1, 1, 1]);
    expect(ops(1)).toEqual([1, 0, 1, 1, 0, 0, 0, 0]);
  });
});

describe('depth precision per format', () => {
  // Depth k / (2^n − 1) for a small k is within float32 rounding of code k in every format
  // (relative error 2^-24 of 5 is far below half a code), so three triangles at codes 5, 6 and 4
  // are one code apart. The buffer starts at code 0; the first triangle is drawn with ALWAYS.
  const formats: Array<[string, number, number, (code: number) => number[]]> = [
    ['Z_D16', F.Z_D16, 65535, (c) => [c & 255, c >> 8]],
    ['Z_DF16', F.Z_DF16, 65535, (c) => [c & 255, c >> 8]],
    // D15 in bits 1–15: code 5 is the word 10.
    ['Z_D15S1', F.Z_D15S1, 32767, (c) => [(c << 1) & 255, c >> 7]],
    // D24 in bits 8–31, stencil (untouched, 0) in byte 0.
    ['Z_D24S8', F.Z_D24S8, 16777215, (c) => [0, c & 255, (c >> 8) & 255, c >> 16]],
    ['Z_D24X8', F.Z_D24X8, 16777215, (c) => [0, c & 255, (c >> 8) & 255, c >> 16]],
    ['Z_DF24', F.Z_DF24, 16777215, (c) => [0, c & 255, (c >> 8) & 255, c >> 16]],
    ['Z_D24S8_INT', F.Z_D24S8_INT, 16777215, (c) => [0, c & 255, (c >> 8) & 255, c >> 16]],
    ['Z_D32', F.Z_D32, 4294967295, (c) => [c & 255, (c >> 8) & 255, (c >> 16) & 255, c >>> 24]],
  ];
  for (const [name, format, max, bytes] of formats) {
    it(`${name}: triangles one code apart are told apart with LESS`, () => {
      const color = makeTarget(F.A8R8G8B8, 4, 4);
      const depth = makeTarget(format, 4, 4);
      const tri = (ctx: RasterContext, code: number, rgba: number[]) =>
        rasterizeTriangle(vtx(-1, -1, code / max, rgba), vtx(9, -1, code / max, rgba), vtx(-1, 9, code / max, rgba), ctx);
      const always = testContext({ targets: { colors: [color], depth }, output: { depth: { enable: true, func: Cmp.ALWAYS, write: true } } });
      tri(always, 5, RED);
      expect([...depth.image.bytes.subarray(0, bytes(5).length)]).toEqual(bytes(5));
      const less = testContext({ targets: { colors: [color], depth }, output: { depth: { enable: true, func: Cmp.LESS, write: true } } });
      tri(less, 6, GREEN);
      expect(pixelWord(color, 2, 2)).toBe(0xffff0000); // code 6 is not less than 5
      tri(less, 4, GREEN);
      expect(pixelWord(color, 2, 2)).toBe(0xff00ff00);
      expect([...depth.image.bytes.subarray(0, bytes(4).length)]).toEqual(bytes(4));
      expect(less.counters.samplesPassed).toBe(16);
    });
  }
});

describe('depth test', () => {
  it('applies every ZFUNC to codes one apart, and ZWRITEENABLE', () => {
    // Stored D16 code 5; fragments at codes 4, 5, 6.
    const results = [Cmp.NEVER, Cmp.LESS, Cmp.EQUAL, Cmp.LESSEQUAL, Cmp.GREATER, Cmp.NOTEQUAL, Cmp.GREATEREQUAL, Cmp.ALWAYS].map((func) => {
      const depth = makeTarget(F.Z_D16, 3, 1);
      for (let x = 0; x < 3; x++) setPixelWord(depth, x, 0, 5);
      const ctx = testContext({ targets: { colors: [], depth }, output: { depth: { enable: true, func, write: false } } });
      for (let x = 0; x < 3; x++) probe(ctx, x, 0, (4 + x) / 65535);
      expect([0, 1, 2].map((x) => pixelWord(depth, x, 0))).toEqual([5, 5, 5]); // writes off
      return ctx.counters.samplesPassed;
    });
    // Passing fragments among codes 4, 5, 6 per function.
    expect(results).toEqual([0, 1, 1, 2, 1, 2, 2, 3]);
  });

  it('passes without a depth buffer, and with depth disabled writes nothing', () => {
    const color = makeTarget(F.A8R8G8B8, 1, 1);
    const ctx = testContext({ targets: { colors: [color] }, output: { depth: { enable: true, func: Cmp.NEVER, write: true } } });
    probe(ctx, 0, 0, 0.5);
    expect(pixelWord(color, 0, 0)).toBe(0xffff0000);
    const depth = makeTarget(F.Z_D16, 1, 1);
    const off = testContext({ targets: { colors: [color], depth }, output: { depth: { enable: false, func: Cmp.NEVER, write: true } } });
    probe(off, 0, 0, 0.5, GREEN);
    expect(pixelWord(color, 0, 0)).toBe(0xff00ff00);
    expect(pixelWord(depth, 0, 0)).toBe(0);
  });
});

function stencilState(over: Partial<StencilState>): StencilState {
  const keep = { func: Cmp.ALWAYS, fail: Op.KEEP, zfail: Op.KEEP, pass: Op.KEEP };
  return { enable: true, twoSided: false, cw: keep, ccw: keep, ref: 0, mask: 0xffffffff, writeMask: 0xffffffff, ...over };
}

describe('stencil test', () => {
  function run(ds: RenderTarget, stencil: StencilState, z: number, depthFunc: number = Cmp.ALWAYS): RasterContext {
    const ctx = testContext({
      targets: { colors: [], depth: ds, stencil: ds },
      output: { stencil, depth: { enable: true, func: depthFunc, write: false } },
    });
    probe(ctx, 0, 0, z);
    return ctx;
  }

  it('selects fail, zfail and pass ops on D24S8 and keeps the depth bits', () => {
    const ds = makeTarget(F.Z_D24S8, 1, 1);
    // Depth code 0x123456 in bits 8–31, stencil 7.
    setPixelWord(ds, 0, 0, 0x12345607);
    const ops = { fail: Op.ZERO, zfail: Op.INVERT, pass: Op.INCR };
    // Stencil NEVER passes: fail → ZERO.
    run(ds, stencilState({ cw: { func: Cmp.NEVER, ...ops } }), 0);
    expect(pixelWord(ds, 0, 0)).toBe(0x12345600);
    // Stencil passes, depth NEVER: zfail → INVERT 0 → 0xFF.
    run(ds, stencilState({ cw: { func: Cmp.ALWAYS, ...ops } }), 0, Cmp.NEVER);
    expect(pixelWord(ds, 0, 0)).toBe(0x123456ff);
    // Both pass: INCR wraps 0xFF → 0.
    const ctx = run(ds, stencilState({ cw: { func: Cmp.ALWAYS, ...ops } }), 0);
    expect(pixelWord(ds, 0, 0)).toBe(0x12345600);
    expect(ctx.counters.samplesPassed).toBe(1);
  });

  it('applies every STENCILFUNC as ref func stored', () => {
    // ref 5 against stored 4, 5, 6 (D24S8 stencil byte).
    const passing = [Cmp.NEVER, Cmp.LESS, Cmp.EQUAL, Cmp.LESSEQUAL, Cmp.GREATER, Cmp.NOTEQUAL, Cmp.GREATEREQUAL, Cmp.ALWAYS].map((func) =>
      [4, 5, 6].map((stored) => {
        const ds = makeTarget(F.Z_D24S8, 1, 1);
        setPixelWord(ds, 0, 0, stored);
        return run(ds, stencilState({ ref: 5, cw: { func, fail: Op.KEEP, zfail: Op.KEEP, pass: Op.KEEP } }), 0).counters.samplesPassed;
      }),
    );
    expect(passing).toEqual([
      [0, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
      [0, 1, 1],
      [1, 0, 0],
      [1, 0, 1],
      [1, 1, 0],
      [1, 1, 1],
    ]);
  });

  it('masks the compare with STENCILMASK and the write with STENCILWRITEMASK', () => {
    const ds = makeTarget(F.Z_D24S8, 1, 1);
    setPixelWord(ds, 0, 0, 0x24);
    // (0x13 & 0x0F) = 3 < (0x24 & 0x0F) = 4: LESS passes; REPLACE under write mask 0x0F keeps the
    // high nibble 2 and takes the low nibble 3 of the ref.
    const ctx = run(ds, stencilState({ ref: 0x13, mask: 0x0f, writeMask: 0x0f, cw: { func: Cmp.LESS, fail: Op.KEEP, zfail: Op.KEEP, pass: Op.REPLACE } }), 0);
    expect(ctx.counters.samplesPassed).toBe(1);
    expect(pixelWord(ds, 0, 0)).toBe(0x23);
    // Unmasked, 0x13 < 0x23 still; with GREATER it fails and KEEPs.
    const failed = run(ds, stencilState({ ref: 0x13, cw: { func: Cmp.GREATER, fail: Op.KEEP, zfail: Op.KEEP, pass: Op.ZERO } }), 0);
    expect(failed.counters.samplesPassed).toBe(0);
    expect(pixelWord(ds, 0, 0)).toBe(0x23);
  });

  it('works on the single stencil bit of D15S1', () => {
    const ds = makeTarget(F.Z_D15S1, 1, 1);
    setPixelWord(ds, 0, 0, 0xfffe); // depth all ones, stencil 0
    const incr = stencilState({ ref: 1, cw: { func: Cmp.EQUAL, fail: Op.INCRSAT, zfail: Op.KEEP, pass: Op.INCR } });
    run(ds, incr, 0); // ref 1 ≠ 0: fail → INCRSAT → 1
    expect(pixelWord(ds, 0, 0)).toBe(0xffff);
    run(ds, incr, 0); // equal now: pass → INCR wraps 1 → 0
    expect(pixelWord(ds, 0, 0)).toBe(0xfffe);
  });

  it('two-sided: clockwise triangles use the plain set, counter-clockwise ones the CCW set', () => {
    const ds = makeTarget(F.Z_D24S8, 4, 4);
    const stencil = stencilState({
      twoSided: true,
      cw: { func: Cmp.ALWAYS, fail: Op.KEEP, zfail: Op.KEEP, pass: Op.INCR },
      ccw: { func: Cmp.ALWAYS, fail: Op.KEEP, zfail: Op.KEEP, pass: Op.DECR },
    });
    const ctx = testContext({ targets: { colors: [], depth: ds, stencil: ds }, output: { stencil } });
    // Clockwise on screen (y down): (0,0) → (4,0) → (0,4). Covers (0,0) among others.
    rasterizeTriangle(vtx(0, 0, 0), vtx(4, 0, 0), vtx(0, 4, 0), ctx);
    expect(pixelWord(ds, 0, 0) & 0xff).toBe(1);
    // The same triangle counter-clockwise, twice: 1 → 0 → 255.
    rasterizeTriangle(vtx(0, 0, 0), vtx(0, 4, 0), vtx(4, 0, 0), ctx);
    rasterizeTriangle(vtx(0, 0, 0), vtx(0, 4, 0), vtx(4, 0, 0), ctx);
    expect(pixelWord(ds, 0, 0) & 0xff).toBe(255);
    // One-sided, the CCW triangle uses the plain set.
    const one = testContext({ targets: { colors: [], depth: ds, stencil: ds }, output: { stencil: { ...stencil, twoSided: false } } });
    rasterizeTriangle(vtx(0, 0, 0), vtx(0, 4, 0), vtx(4, 0, 0), one);
    expect(pixelWord(ds, 0, 0) & 0xff).toBe(0);
  });

  it('is skipped without a stencil buffer', () => {
    const depth = makeTarget(F.Z_D16, 1, 1);
    const ctx = testContext({
      targets: { colors: [], depth },
      output: { stencil: stencilState({ cw: { func: Cmp.NEVER, fail: Op.ZERO, zfail: Op.ZERO, pass: Op.ZERO } }) },
    });
    probe(ctx, 0, 0, 0);
    expect(ctx.counters.samplesPassed).toBe(1);
  });
});
