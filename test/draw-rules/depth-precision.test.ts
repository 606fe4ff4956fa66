/**
 * Depth precision per depth format, end to end. A unorm depth field of n bits stores
 * round(z × (2^n − 1)) and the depth test compares at that precision. A first full-target quad at
 * z = k/q (q = 2^n − 1) stores k; a second draw with ZFUNC LESS puts three strips one step nearer
 * ((k − 1)/q: wins), a fraction of a step nearer ((k − 0.3)/q: stores k again, equal, loses) and one
 * step farther ((k + 1)/q: loses). k is chosen so that z is small and float32 resolves far more
 * than one step (every z below is dozens of float32 ulps from a quantisation boundary).
 */
import { describe, expect, it } from 'vitest';
import { SVGA3dCmpFunc as CMP, SVGA3dRenderStateName as RS } from '../../src/svga3d-decoder/index.js';
import { expectedRows, hexRows } from '../support/draw-expect.js';
import { quad, renderScene, states } from '../support/draw-scene.js';

interface DepthFormat {
  readonly name: string;
  readonly id: number;
  /** Depth field width. */
  readonly bits: number;
  /** Lowest bit of the depth field in the texel word. */
  readonly shift: number;
  /** Texel size. */
  readonly bytes: 2 | 4;
  /** The first draw's quantised depth. */
  readonly k: number;
}

// svga3d-protocol.md §5 format table: D16, S1 (bit 0) + D15 (1–15), X8/S8 (0–7) + D24 (8–31), D32.
const FORMATS: DepthFormat[] = [
  { name: 'Z_D16', id: 8, bits: 16, shift: 0, bytes: 2, k: 1000 },
  { name: 'Z_D24S8', id: 9, bits: 24, shift: 8, bytes: 4, k: 16387 },
  { name: 'Z_D24X8', id: 38, bits: 24, shift: 8, bytes: 4, k: 16387 },
  { name: 'Z_D32', id: 7, bits: 32, shift: 0, bytes: 4, k: 65539 },
  { name: 'Z_D15S1', id: 10, bits: 15, shift: 1, bytes: 2, k: 500 },
  { name: 'Z_DF16', id: 118, bits: 16, shift: 0, bytes: 2, k: 1000 },
  { name: 'Z_DF24', id: 119, bits: 24, shift: 8, bytes: 4, k: 16387 },
  { name: 'Z_D24S8_INT', id: 120, bits: 24, shift: 8, bytes: 4, k: 16387 },
];

const RED = [1, 0, 0, 1];
const BLUE = [0, 0, 1, 1];

/** Texel i's word, little-endian. */
function word(bytes: Uint8Array, i: number, size: 2 | 4): number {
  let w = 0;
  for (let b = size - 1; b >= 0; b--) w = w * 256 + bytes[i * size + b]!;
  return w;
}

describe.each(FORMATS)('$name', ({ id, bits, shift, bytes, k }) => {
  it('one quantisation step nearer wins under LESS; less than a step quantises equal and loses', () => {
    const q = 2 ** bits - 1;
    const zs = [(k - 1) / q, (k - 0.3) / q, (k + 1) / q];
    // What the vertex buffer holds (float32) quantises as intended: k − 1, k, k + 1.
    expect(zs.map((z) => Math.round(Math.fround(z) * q))).toEqual([k - 1, k, k + 1]);
    expect(Math.round(Math.fround(k / q) * q)).toBe(k);
    const { colors, depthBytes, diagnostics } = renderScene({
      depthFormat: id,
      clearDepth: 1,
      vertices: [...quad(0, 0, 8, 8, k / q, RED), ...quad(0, 0, 3, 8, zs[0]!, BLUE), ...quad(3, 0, 5, 8, zs[1]!, BLUE), ...quad(5, 0, 8, 8, zs[2]!, BLUE)],
      draw: (c, d) => {
        states(c, { [RS.ZENABLE]: 1, [RS.ZWRITEENABLE]: 1, [RS.ZFUNC]: CMP.LESS });
        d(0, 2);
        d(6, 6);
      },
    });
    expect(diagnostics).toEqual([]);
    expect(hexRows(colors[0]!)).toEqual(expectedRows((x) => (x < 3 ? '0000ffff' : 'ff0000ff')));
    // Stencil / X bits were cleared to 0, so the whole texel word is the depth field in place.
    const stored = expectedRows((x, y) => String(word(depthBytes!, y * 8 + x, bytes)));
    expect(stored).toEqual(expectedRows((x) => String((x < 3 ? k - 1 : k) * 2 ** shift)));
  });

  it('a depth write leaves the other bits of the texel as they were', () => {
    // Formats with stencil: cleared to all ones in the stencil field; Z_D24X8's X8 and the others
    // have no stencil, so their non-depth bits stay 0 from the zeroed surface.
    const stencilBits = shift === 0 || id === 38 || id === 119 ? 0 : 2 ** shift - 1;
    const q = 2 ** bits - 1;
    const { depthBytes } = renderScene({
      depthFormat: id,
      clearDepth: 1,
      clearStencil: 0xff,
      vertices: quad(0, 0, 8, 8, k / q, RED),
      draw: (c, d) => {
        states(c, { [RS.ZENABLE]: 1, [RS.ZWRITEENABLE]: 1, [RS.ZFUNC]: CMP.LESS });
        d(0, 2);
      },
    });
    expect(word(depthBytes!, 20, bytes)).toBe(k * 2 ** shift + stencilBits);
  });

  it('a cleared depth of 1 stores the all-ones field', () => {
    const { depthBytes } = renderScene({ depthFormat: id, clearDepth: 1, vertices: quad(0, 0, 8, 8, 0.5, RED), draw: () => {} });
    expect(word(depthBytes!, 9, bytes)).toBe((2 ** bits - 1) * 2 ** shift);
  });
});
