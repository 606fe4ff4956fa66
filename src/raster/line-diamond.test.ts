import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SVGA3dSurfaceFormat as F } from '../formats/index.js';
import { rasterizeLine } from './draw-line.js';
import { endInDiamond, inDiamond, lineCoversPixel, meetsDiamond, snapLine } from './line-diamond.js';
import { makeTarget, pixelWord, testContext, testStage, vtx } from './raster-test-support.js';

describe('the diamond test area', () => {
  it('holds the open diamond, the lower edges and bottom corner, and the right corner for y-major lines', () => {
    for (const xMajor of [true, false]) {
      expect([inDiamond(0, 0, xMajor), inDiamond(127, 0, xMajor), inDiamond(-64, -63, xMajor), inDiamond(0, -127, xMajor)]).toEqual([true, true, true, true]);
      // Lower-left edge, lower-right edge, bottom corner: included.
      expect([inDiamond(-64, 64, xMajor), inDiamond(64, 64, xMajor), inDiamond(0, 128, xMajor), inDiamond(-1, 127, xMajor)]).toEqual([true, true, true, true]);
      // Upper edges, top and left corners, outside points: excluded.
      expect([inDiamond(-64, -64, xMajor), inDiamond(64, -64, xMajor), inDiamond(0, -128, xMajor), inDiamond(-128, 0, xMajor), inDiamond(0, 129, xMajor), inDiamond(65, 64, xMajor)]).toEqual([false, false, false, false, false, false]);
    }
    expect(inDiamond(128, 0, true)).toBe(false);
    expect(inDiamond(128, 0, false)).toBe(true);
  });

  it('is met by a segment through its bottom corner, not by one through its top corner', () => {
    // Horizontal lines y = ±1/2 through the corners of the diamond of (2, 0).
    const below = snapLine({ x: 0, y: 0.5 }, { x: 4, y: 0.5 })!;
    const above = snapLine({ x: 0, y: -0.5 }, { x: 4, y: -0.5 })!;
    expect([meetsDiamond(below, 2, 0), meetsDiamond(below, 2, 1), meetsDiamond(above, 2, 0), meetsDiamond(above, 2, -1)]).toEqual([true, false, false, true]);
    // A y-major segment crossing v = 0 exactly at u = +128 and at u = −128 (x = 2.5 and 1.5).
    const right = snapLine({ x: 2, y: -1 }, { x: 3, y: 1 })!;
    const left = snapLine({ x: 1, y: 1 }, { x: 2, y: -1 })!;
    expect([meetsDiamond(right, 2, 0), meetsDiamond(left, 2, 0), meetsDiamond(left, 1, 0)]).toEqual([true, false, true]);
    expect([endInDiamond(right, 3, 1), lineCoversPixel(right, 3, 1, false), lineCoversPixel(right, 3, 1, true)]).toEqual([true, false, true]);
  });

  it('refuses coincident and non-finite endpoints', () => {
    expect(snapLine({ x: 1, y: 1 }, { x: 1.001, y: 1 })).toBeUndefined(); // both snap to 256
    expect(snapLine({ x: NaN, y: 1 }, { x: 3, y: 1 })).toBeUndefined();
    expect(snapLine({ x: 1e9, y: 1 }, { x: 3, y: 1 })).toBeUndefined();
    expect(snapLine({ x: 0, y: 0 }, { x: 2, y: 2 })).toEqual({ ax: 0, ay: 0, bx: 512, by: 512, dx: 512, dy: 512, xMajor: true });
  });
});

// ---- Brute force: the rule by definition, in exact rationals (BigInt), over every pixel. ----

/** n / d with d > 0. */
interface Q {
  readonly n: bigint;
  readonly d: bigint;
}
const q = (n: bigint, d = 1n): Q => (d < 0n ? { n: -n, d: -d } : { n, d });
const lt = (a: Q, b: Q) => a.n * b.d < b.n * a.d;
const add = (a: Q, b: Q) => q(a.n * b.d + b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q) => q(a.n * b.n, a.d * b.d);
const abs = (a: Q) => q(a.n < 0n ? -a.n : a.n, a.d);
const eq = (a: Q, b: Q) => a.n * b.d === b.n * a.d;
const HALF = q(128n);

/** Membership of the point (u, v), relative to the centre, in the test area, as stated. */
function inAreaQ(u: Q, v: Q, xMajor: boolean): boolean {
  const f = add(abs(u), abs(v));
  if (lt(f, HALF)) return true;
  if (!eq(f, HALF)) return false;
  if (v.n > 0n) return true; // lower-left and lower-right edges, bottom corner
  return !xMajor && eq(u, HALF) && v.n === 0n; // right corner
}

/**
 * Whether segment (u0, v0) + t·(du, dv), t ∈ [0, 1], meets the area: clip t against the four
 * half-planes ±u ± v ≤ 128 of the closed diamond; if anything is left, its midpoint is inside
 * the open diamond unless the whole piece lies on the boundary (|u| + |v| is convex), where the
 * piece lies on one edge and its ends and midpoint are the points whose inclusion can differ.
 */
function meetsByDefinition(u0: bigint, v0: bigint, du: bigint, dv: bigint, xMajor: boolean): boolean {
  let lo = q(0n);
  let hi = q(1n);
  for (const [su, sv] of [[1n, 1n], [1n, -1n], [-1n, 1n], [-1n, -1n]] as const) {
    const c0 = su * u0 + sv * v0;
    const c1 = su * du + sv * dv;
    if (c1 === 0n) {
      if (c0 > 128n) return false;
      continue;
    }
    const bound = q(128n - c0, c1);
    if (c1 > 0n) {
      if (lt(bound, hi)) hi = bound;
    } else if (lt(lo, bound)) lo = bound;
  }
  if (lt(hi, lo)) return false;
  const at = (t: Q): [Q, Q] => [add(q(u0), mul(t, q(du))), add(q(v0), mul(t, q(dv)))];
  const mid = mul(add(lo, hi), q(1n, 2n));
  return [lo, mid, hi].some((t) => inAreaQ(...at(t), xMajor));
}

/** The pixels of a W × H target the rule draws for a → b (subpixel integers), row by row. */
function bruteForce(a: [number, number], b: [number, number], lastPixel: boolean, w: number, h: number): string[] {
  const [ax, ay] = a.map(BigInt) as [bigint, bigint];
  const [bx, by] = b.map(BigInt) as [bigint, bigint];
  const du = bx - ax;
  const dv = by - ay;
  if (du === 0n && dv === 0n) return [];
  const xMajor = (dv < 0n ? -dv : dv) <= (du < 0n ? -du : du);
  const out: string[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const cx = BigInt(x * 256);
      const cy = BigInt(y * 256);
      if (!meetsByDefinition(ax - cx, ay - cy, du, dv, xMajor)) continue;
      const endInside = inAreaQ(q(bx - cx), q(by - cy), xMajor);
      if (lastPixel || !endInside) out.push(`${x},${y}`);
    }
  }
  return out;
}

const W = 10;
const H = 8;

/** Renders a → b (subpixels) and returns the written pixels and the quads in order. */
function render(a: [number, number], b: [number, number], lastPixel: boolean) {
  const rt = makeTarget(F.A8R8G8B8, W, H);
  const stage = testStage();
  rasterizeLine(vtx(a[0] / 256, a[1] / 256, 0, [1, 1, 1, 1]), vtx(b[0] / 256, b[1] / 256, 0, [1, 1, 1, 1]), testContext({ targets: { colors: [rt] }, stage, rasterizer: { lastPixel } }));
  const pixels: string[] = [];
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (pixelWord(rt, x, y) !== 0) pixels.push(`${x},${y}`);
  return { pixels, quads: stage.quads };
}

/** Every quad visited once, and in the direction of travel along the major axis. */
function inLineOrder(quads: ReadonlyArray<{ x: number; y: number }>, a: [number, number], b: [number, number]): boolean {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const xMajor = Math.abs(dy) <= Math.abs(dx);
  const sign = (xMajor ? dx : dy) > 0 ? 1 : -1;
  const seen = new Set<string>();
  for (let i = 0; i < quads.length; i++) {
    const k = `${quads[i]!.x},${quads[i]!.y}`;
    if (seen.has(k)) return false;
    seen.add(k);
    if (i > 0) {
      const prev = xMajor ? quads[i - 1]!.x : quads[i - 1]!.y;
      const cur = xMajor ? quads[i]!.x : quads[i]!.y;
      if ((cur - prev) * sign < 0) return false;
    }
  }
  return true;
}

// Coordinates on 1/2- and 1/8-pixel lattices hit centres, corners and edges all the time; the
// others are arbitrary subpixels. All span a margin around the 10 × 8 target.
const lattice = (lo: number, hi: number, perPixel: number) =>
  fc.integer({ min: lo * perPixel, max: hi * perPixel }).map((v) => (v * 256) / perPixel);
const anySub = (lo: number, hi: number) => fc.integer({ min: lo * 256, max: hi * 256 });
const coord = (lo: number, hi: number) => fc.oneof(lattice(lo, hi, 2), lattice(lo, hi, 8), anySub(lo, hi));
const point = fc.tuple(coord(-2, W + 2), coord(-2, H + 2));

describe('drawn lines against the rule by definition', () => {
  it('match the brute force on every pixel of the target, in line order', () => {
    fc.assert(
      fc.property(point, point, fc.boolean(), (a, b, lastPixel) => {
        const { pixels, quads } = render(a, b, lastPixel);
        expect(pixels).toEqual(bruteForce(a, b, lastPixel, W, H));
        expect(inLineOrder(quads, a, b)).toBe(true);
      }),
      { seed: 42, numRuns: 600 },
    );
  });

  it('match it for short lines around one pixel and for lines reaching the guard band', () => {
    // Short: both ends within a pixel or two of (4, 4), on a 1/16 lattice.
    const near = fc.tuple(fc.integer({ min: 40, max: 104 }), fc.integer({ min: 40, max: 104 })).map(([x, y]) => [x * 16, y * 16] as [number, number]);
    // Far: anywhere in the guard band (±2^23 subpixels), so the products reach 2^48.
    const far = fc.tuple(fc.integer({ min: -(2 ** 23), max: 2 ** 23 }), fc.integer({ min: -(2 ** 23), max: 2 ** 23 }));
    fc.assert(
      fc.property(fc.oneof(fc.tuple(near, near), fc.tuple(near, far), fc.tuple(far, near)), fc.boolean(), ([a, b], lastPixel) => {
        expect(render(a, b, lastPixel).pixels).toEqual(bruteForce(a, b, lastPixel, W, H));
      }),
      { seed: 42, numRuns: 400 },
    );
  });
});
