/**
 * Depth and stencil tests end to end: every SVGA3dCmpFunc as ZFUNC and as STENCILFUNC, every
 * SVGA3dStencilOp on the pass, fail and depth-fail paths (wrap vs saturate at 0 and 255), the
 * read and write masks, and two-sided stencil chosen by triangle winding. The stored depth and
 * stencil values are read back from the depth surface's bytes.
 */
import { describe, expect, it } from 'vitest';
import { SVGA3dCmpFunc as CMP, SVGA3dRenderStateName as RS, SVGA3dStencilOp as SOP } from '../../src/svga3d-decoder/index.js';
import { expectedRows, hexRows } from '../support/draw-expect.js';
import { quad, renderScene, states } from '../support/draw-scene.js';

const Z_D16 = 8;
const Z_D24S8 = 9;
const GREEN = [0, 1, 0, 1];
const ON = '00ff00ff';
const OFF = '000000ff';

/** D3D9's comparison: passes when `a FUNC b` (depth: incoming vs stored; stencil: ref vs stored). */
function compare(func: number, a: number, b: number): boolean {
  switch (func) {
    case CMP.NEVER: return false;
    case CMP.LESS: return a < b;
    case CMP.EQUAL: return a === b;
    case CMP.LESSEQUAL: return a <= b;
    case CMP.GREATER: return a > b;
    case CMP.NOTEQUAL: return a !== b;
    case CMP.GREATEREQUAL: return a >= b;
    case CMP.ALWAYS: return true;
    default: throw new Error(`no func ${func}`);
  }
}

const FUNCS = (Object.entries(CMP) as [string, number][]).filter(([, v]) => v !== CMP.INVALID);

/** Column of pixel x: strip 0 (x 0–2), 1 (x 3–4) or 2 (x 5–7); quads [0,3], [3,5], [5,8] by the top-left rule. */
const strip = (x: number) => (x < 3 ? 0 : x < 5 ? 1 : 2);
const STRIPS: readonly [number, number][] = [[0, 3], [3, 5], [5, 8]];

function u16(bytes: Uint8Array, i: number): number {
  return bytes[i * 2]! | (bytes[i * 2 + 1]! << 8);
}

describe.each(FUNCS)('ZFUNC %s', (_name, func) => {
  it('against a cleared depth of 0.4 (Z_D16), strips at 0.2, 0.4 and 0.6', () => {
    // D16 stores round(d · 65535): 0.2 → 13107, 0.4 → 26214, 0.6 → 39321 (none near a tie).
    const zs = [0.2, 0.4, 0.6];
    const stored = zs.map((z) => Math.round(z * 65535));
    const { colors, depthBytes, diagnostics } = renderScene({
      depthFormat: Z_D16,
      clearDepth: 0.4,
      vertices: STRIPS.flatMap(([x0, x1], i) => quad(x0, 0, x1, 8, zs[i]!, GREEN)),
      draw: (c, d) => {
        states(c, { [RS.ZENABLE]: 1, [RS.ZWRITEENABLE]: 1, [RS.ZFUNC]: func });
        d(0, 6);
      },
    });
    expect(diagnostics).toEqual([]);
    const pass = stored.map((s) => compare(func, s, stored[1]!));
    expect(hexRows(colors[0]!)).toEqual(expectedRows((x) => (pass[strip(x)] ? ON : OFF)));
    const depth = expectedRows((x, y) => String(u16(depthBytes!, y * 8 + x)));
    expect(depth).toEqual(expectedRows((x) => String(pass[strip(x)] ? stored[strip(x)] : stored[1])));
  });

  it('ZWRITEENABLE 0 keeps the cleared depth whatever passes', () => {
    const { depthBytes } = renderScene({
      depthFormat: Z_D16,
      clearDepth: 0.4,
      vertices: quad(0, 0, 8, 8, 0.2, GREEN),
      draw: (c, d) => {
        states(c, { [RS.ZENABLE]: 1, [RS.ZWRITEENABLE]: 0, [RS.ZFUNC]: func });
        d(0, 2);
      },
    });
    expect(new Set(Array.from({ length: 64 }, (_, i) => u16(depthBytes!, i)))).toEqual(new Set([26214]));
  });
});

/** Stencil byte of texel i of a Z_D24S8 surface: bits 0–7 of the little-endian word. */
const stencilAt = (bytes: Uint8Array, i: number) => bytes[i * 4]!;

describe.each(FUNCS)('STENCILFUNC %s', (_name, func) => {
  it('refs 4, 5, 6 against a cleared stencil of 5; passing pixels REPLACE it with the ref', () => {
    const refs = [4, 5, 6];
    const { colors, depthBytes, diagnostics } = renderScene({
      depthFormat: Z_D24S8,
      clearStencil: 5,
      vertices: STRIPS.flatMap(([x0, x1]) => quad(x0, 0, x1, 8, 0.5, GREEN)),
      draw: (c, d) => {
        states(c, { [RS.ZENABLE]: 0, [RS.STENCILENABLE]: 1, [RS.STENCILFUNC]: func, [RS.STENCILPASS]: SOP.REPLACE, [RS.STENCILFAIL]: SOP.KEEP });
        refs.forEach((ref, i) => {
          states(c, { [RS.STENCILREF]: ref });
          d(i * 6, 2);
        });
      },
    });
    expect(diagnostics).toEqual([]);
    const pass = refs.map((r) => compare(func, r, 5));
    expect(hexRows(colors[0]!)).toEqual(expectedRows((x) => (pass[strip(x)] ? ON : OFF)));
    expect(expectedRows((x, y) => String(stencilAt(depthBytes!, y * 8 + x)))).toEqual(
      expectedRows((x) => String(pass[strip(x)] ? refs[strip(x)] : 5)),
    );
  });
});

/** [op, initial stencil, ref, expected stencil]. */
const OPS: [string, number, number, number, number][] = [
  ['KEEP', SOP.KEEP, 0x5a, 0x33, 0x5a],
  ['ZERO', SOP.ZERO, 0x5a, 0x33, 0x00],
  ['REPLACE', SOP.REPLACE, 0x5a, 0x33, 0x33],
  ['INCRSAT', SOP.INCRSAT, 0x5a, 0x33, 0x5b],
  ['INCRSAT at 255 saturates', SOP.INCRSAT, 0xff, 0x33, 0xff],
  ['DECRSAT', SOP.DECRSAT, 0x5a, 0x33, 0x59],
  ['DECRSAT at 0 saturates', SOP.DECRSAT, 0x00, 0x33, 0x00],
  ['INVERT', SOP.INVERT, 0x5a, 0x33, 0xa5],
  ['INCR', SOP.INCR, 0x5a, 0x33, 0x5b],
  ['INCR at 255 wraps to 0', SOP.INCR, 0xff, 0x33, 0x00],
  ['DECR', SOP.DECR, 0x5a, 0x33, 0x59],
  ['DECR at 0 wraps to 255', SOP.DECR, 0x00, 0x33, 0xff],
];

const PATHS = [
  { path: 'STENCILPASS', stencilFunc: CMP.ALWAYS, zFunc: CMP.ALWAYS, colour: true },
  { path: 'STENCILFAIL', stencilFunc: CMP.NEVER, zFunc: CMP.ALWAYS, colour: false },
  { path: 'STENCILZFAIL', stencilFunc: CMP.ALWAYS, zFunc: CMP.NEVER, colour: false },
] as const;

describe.each(PATHS)('stencil ops on $path', ({ path, stencilFunc, zFunc, colour }) => {
  it.each(OPS)('%s', (_name, op, initial, ref, result) => {
    // The other two paths get an op that would change the value differently.
    const other = op === SOP.ZERO ? SOP.INVERT : SOP.ZERO;
    const ops = { [RS.STENCILPASS]: other, [RS.STENCILFAIL]: other, [RS.STENCILZFAIL]: other, [RS[path]]: op };
    const { colors, depthBytes } = renderScene({
      depthFormat: Z_D24S8,
      clearStencil: initial,
      vertices: quad(0, 0, 8, 8, 0.5, GREEN),
      draw: (c, d) => {
        states(c, { [RS.ZENABLE]: 1, [RS.ZFUNC]: zFunc, [RS.STENCILENABLE]: 1, [RS.STENCILFUNC]: stencilFunc, [RS.STENCILREF]: ref, ...ops });
        d(0, 2);
      },
    });
    expect(Array.from({ length: 64 }, (_, i) => stencilAt(depthBytes!, i))).toEqual(new Array(64).fill(result));
    expect(hexRows(colors[0]!)).toEqual(expectedRows(() => (colour ? ON : OFF)));
  });
});

describe('stencil masks', () => {
  it('STENCILWRITEMASK 0x0f: INVERT of 0x5a changes the low nibble only, to 0x55', () => {
    const { depthBytes } = renderScene({
      depthFormat: Z_D24S8,
      clearStencil: 0x5a,
      vertices: quad(0, 0, 8, 8, 0.5, GREEN),
      draw: (c, d) => {
        states(c, { [RS.ZENABLE]: 0, [RS.STENCILENABLE]: 1, [RS.STENCILFUNC]: CMP.ALWAYS, [RS.STENCILPASS]: SOP.INVERT, [RS.STENCILWRITEMASK]: 0x0f });
        d(0, 2);
      },
    });
    expect(stencilAt(depthBytes!, 27)).toBe(0x55);
  });

  it.each([
    // (ref & 0x0f) LESS (0x5a & 0x0f): 0x35 → 5 < 10 passes; 0x3c → 12 < 10 fails.
    [0x35, true],
    [0x3c, false],
  ] as const)('STENCILMASK 0x0f: ref %d LESS stored 0x5a compares low nibbles (passes: %s)', (ref, passes) => {
    const { colors } = renderScene({
      depthFormat: Z_D24S8,
      clearStencil: 0x5a,
      vertices: quad(0, 0, 8, 8, 0.5, GREEN),
      draw: (c, d) => {
        states(c, { [RS.ZENABLE]: 0, [RS.STENCILENABLE]: 1, [RS.STENCILFUNC]: CMP.LESS, [RS.STENCILMASK]: 0x0f, [RS.STENCILREF]: ref });
        d(0, 2);
      },
    });
    expect(hexRows(colors[0]!)).toEqual(expectedRows(() => (passes ? ON : OFF)));
  });
});

/** The left half as clockwise triangles, the right half as counter-clockwise ones. */
function cwLeftCcwRight(): number[][] {
  const right = quad(4, 0, 8, 8, 0.5, GREEN);
  const ccw = [right[0]!, right[2]!, right[1]!, right[3]!, right[5]!, right[4]!];
  return [...quad(0, 0, 4, 8, 0.5, GREEN), ...ccw];
}

describe.each([
  ['CW', 1],
  ['CCW', 2],
] as const)('two-sided stencil with FRONTWINDING %s', (_name, frontWinding) => {
  it('STENCIL* apply to clockwise triangles, CCWSTENCIL* to counter-clockwise ones', () => {
    const { depthBytes, colors, diagnostics } = renderScene({
      depthFormat: Z_D24S8,
      clearStencil: 5,
      vertices: cwLeftCcwRight(),
      draw: (c, d) => {
        states(c, {
          [RS.ZENABLE]: 0,
          [RS.FRONTWINDING]: frontWinding,
          [RS.STENCILENABLE]: 1,
          [RS.STENCILENABLE2SIDED]: 1,
          [RS.STENCILFUNC]: CMP.ALWAYS,
          [RS.STENCILPASS]: SOP.INCR,
          [RS.CCWSTENCILFUNC]: CMP.ALWAYS,
          [RS.CCWSTENCILPASS]: SOP.DECR,
        });
        d(0, 4);
      },
    });
    expect(diagnostics).toEqual([]);
    expect(expectedRows((x, y) => String(stencilAt(depthBytes!, y * 8 + x)))).toEqual(expectedRows((x) => (x < 4 ? '6' : '4')));
    expect(hexRows(colors[0]!)).toEqual(expectedRows(() => ON));
  });

  it('CCWSTENCILFUNC NEVER with CCWSTENCILFAIL REPLACE rejects only the counter-clockwise half', () => {
    const { depthBytes, colors } = renderScene({
      depthFormat: Z_D24S8,
      clearStencil: 5,
      vertices: cwLeftCcwRight(),
      draw: (c, d) => {
        states(c, {
          [RS.ZENABLE]: 0,
          [RS.FRONTWINDING]: frontWinding,
          [RS.STENCILENABLE]: 1,
          [RS.STENCILENABLE2SIDED]: 1,
          [RS.STENCILREF]: 9,
          [RS.STENCILFUNC]: CMP.ALWAYS,
          [RS.STENCILPASS]: SOP.KEEP,
          [RS.CCWSTENCILFUNC]: CMP.NEVER,
          [RS.CCWSTENCILFAIL]: SOP.REPLACE,
        });
        d(0, 4);
      },
    });
    expect(expectedRows((x, y) => String(stencilAt(depthBytes!, y * 8 + x)))).toEqual(expectedRows((x) => (x < 4 ? '5' : '9')));
    expect(hexRows(colors[0]!)).toEqual(expectedRows((x) => (x < 4 ? ON : OFF)));
  });
});

describe('one-sided stencil', () => {
  it('without STENCILENABLE2SIDED both windings use STENCIL* (CCW states ignored)', () => {
    const { depthBytes } = renderScene({
      depthFormat: Z_D24S8,
      clearStencil: 5,
      vertices: cwLeftCcwRight(),
      draw: (c, d) => {
        states(c, {
          [RS.ZENABLE]: 0,
          [RS.STENCILENABLE]: 1,
          [RS.STENCILFUNC]: CMP.ALWAYS,
          [RS.STENCILPASS]: SOP.INCR,
          [RS.CCWSTENCILFUNC]: CMP.ALWAYS,
          [RS.CCWSTENCILPASS]: SOP.DECR,
        });
        d(0, 4);
      },
    });
    expect(Array.from({ length: 64 }, (_, i) => stencilAt(depthBytes!, i))).toEqual(new Array(64).fill(6));
  });
});
