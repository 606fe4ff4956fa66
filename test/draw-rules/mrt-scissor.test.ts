/**
 * Multiple render targets and the scissor test end to end: oC0–oC2 into COLOR0–COLOR2 with their
 * own COLORWRITEENABLE masks and the one set of blend states, and SETSCISSORRECT with
 * SCISSORTESTENABLE (inside, partly outside and empty rectangles, off, and across every target).
 */
import { describe, expect, it } from 'vitest';
import { SVGA3dRenderStateName as RS } from '../../src/svga3d-decoder/index.js';
import { expectedRows, hexRows, unorm8 } from '../support/draw-expect.js';
import { CID, quad, renderScene, states } from '../support/draw-scene.js';

/** oC0 = (1, 0, 0, 1), oC1 = (0, 0.6, 0, 0.2), oC2 = (0.2, 0.4, 0.8, 0.4). */
const MRT_PS = [
  'ps_2_0',
  'def c0, 1, 0, 0, 1',
  'def c1, 0, 0.6, 0, 0.2',
  'def c2, 0.2, 0.4, 0.8, 0.4',
  'mov oC0, c0',
  'mov oC1, c1',
  'mov oC2, c2',
].join('\n');
const OUT = [[1, 0, 0, 1], [0, 0.6, 0, 0.2], [0.2, 0.4, 0.8, 0.4]];
/** CLEAR 0x80_20_40_60 (A, R, G, B) on every target. */
const CLEAR = 0x80204060;
const DST = [0x20 / 255, 0x40 / 255, 0x60 / 255, 0x80 / 255];
const hex = (rgba: readonly number[]) => rgba.map((v) => unorm8(v).toString(16).padStart(2, '0')).join('');

describe('MRT: COLOR0–COLOR2 from oC0–oC2', () => {
  it('each target receives its own output', () => {
    const { colors, diagnostics } = renderScene({ colorTargets: 3, clearColor: CLEAR, ps: MRT_PS, vertices: quad(0, 0, 8, 8, 0.5, [0, 0, 0, 1]), draw: (_c, d) => d(0, 2) });
    expect(diagnostics).toEqual([]);
    colors.forEach((image, i) => expect(hexRows(image)).toEqual(expectedRows(() => hex(OUT[i]!))));
  });

  it('COLORWRITEENABLE, COLORWRITEENABLE1 and COLORWRITEENABLE2 mask their own target', () => {
    // Masks R|A (9), G (2), none (0): unmasked channels keep the CLEAR colour.
    const masks = [9, 2, 0];
    const { colors } = renderScene({
      colorTargets: 3,
      clearColor: CLEAR,
      ps: MRT_PS,
      vertices: quad(0, 0, 8, 8, 0.5, [0, 0, 0, 1]),
      draw: (c, d) => {
        states(c, { [RS.COLORWRITEENABLE]: masks[0]!, [RS.COLORWRITEENABLE1]: masks[1]!, [RS.COLORWRITEENABLE2]: masks[2]! });
        d(0, 2);
      },
    });
    colors.forEach((image, i) => {
      const pixel = [0, 1, 2, 3].map((ch) => ((masks[i]! >> ch) & 1 ? OUT[i]![ch]! : DST[ch]!));
      expect(hexRows(image)).toEqual(expectedRows(() => hex(pixel)));
    });
  });

  it('one set of blend states (SRCALPHA / INVSRCALPHA, ADD) blends every target with its own output', () => {
    const { colors } = renderScene({
      colorTargets: 3,
      clearColor: CLEAR,
      ps: MRT_PS,
      vertices: quad(0, 0, 8, 8, 0.5, [0, 0, 0, 1]),
      draw: (c, d) => {
        states(c, { [RS.BLENDENABLE]: 1, [RS.SRCBLEND]: 5, [RS.DSTBLEND]: 6, [RS.BLENDEQUATION]: 1 });
        d(0, 2);
      },
    });
    colors.forEach((image, i) => {
      const s = OUT[i]!;
      const a = s[3]!;
      expect(hexRows(image)).toEqual(expectedRows(() => hex(s.map((v, ch) => v * a + DST[ch]! * (1 - a)))));
    });
  });
});

describe('scissor', () => {
  const SCISSOR = [
    { name: 'the whole target', rect: { x: 0, y: 0, w: 8, h: 8 }, enable: 1, inside: () => true },
    { name: 'a 1×1 rectangle', rect: { x: 6, y: 1, w: 1, h: 1 }, enable: 1, inside: (x: number, y: number) => x === 6 && y === 1 },
    { name: 'a rectangle reaching past the target', rect: { x: 5, y: 6, w: 10, h: 10 }, enable: 1, inside: (x: number, y: number) => x >= 5 && y >= 6 },
    { name: 'a rectangle wholly outside', rect: { x: 8, y: 0, w: 4, h: 8 }, enable: 1, inside: () => false },
    { name: 'an empty rectangle', rect: { x: 3, y: 3, w: 0, h: 4 }, enable: 1, inside: () => false },
    { name: 'a rectangle with SCISSORTESTENABLE off', rect: { x: 1, y: 1, w: 2, h: 2 }, enable: 0, inside: () => true },
  ];

  it.each(SCISSOR)('$name', ({ rect, enable, inside }) => {
    const { colors, diagnostics } = renderScene({
      vertices: quad(0, 0, 8, 8, 0.5, [0, 1, 0, 1]),
      draw: (c, d) => {
        c.setScissorRect({ cid: CID, rect });
        states(c, { [RS.SCISSORTESTENABLE]: enable });
        d(0, 2);
      },
    });
    expect(diagnostics).toEqual([]);
    expect(hexRows(colors[0]!)).toEqual(expectedRows((x, y) => (inside(x, y) ? '00ff00ff' : '000000ff')));
  });

  it('the scissor rectangle applies to every render target', () => {
    const { colors } = renderScene({
      colorTargets: 3,
      clearColor: CLEAR,
      ps: MRT_PS,
      vertices: quad(0, 0, 8, 8, 0.5, [0, 0, 0, 1]),
      draw: (c, d) => {
        c.setScissorRect({ cid: CID, rect: { x: 1, y: 2, w: 3, h: 4 } });
        states(c, { [RS.SCISSORTESTENABLE]: 1 });
        d(0, 2);
      },
    });
    colors.forEach((image, i) =>
      expect(hexRows(image)).toEqual(expectedRows((x, y) => hex(x >= 1 && x < 4 && y >= 2 && y < 6 ? OUT[i]! : DST))),
    );
  });
});
