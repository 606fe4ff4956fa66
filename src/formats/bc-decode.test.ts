import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeBlockRgba8, decodeBlockRgbaF32 } from './decode.js';
import { SVGA3dSurfaceFormat as F } from './surface-formats.js';

/** Decodes one block and returns its 16 texels as [r, g, b, a] tuples. */
function texels(format: number, block: readonly number[]): number[][] {
  const out = new Uint8Array(64);
  expect(decodeBlockRgba8(format, new Uint8Array(block), 0, out)).toBe(true);
  const result: number[][] = [];
  for (let i = 0; i < 16; i++) result.push(Array.from(out.subarray(i * 4, i * 4 + 4)));
  return result;
}

// Endpoints: 0xA50A = r5 20, g6 40, b5 10 → (165, 162, 82) by bit replication
// (20<<3|20>>2 = 165, 40<<2|40>>4 = 162, 10<<3|10>>2 = 82);
// 0x211E = r5 4, g6 8, b5 30 → (33, 32, 247).
const HI = [0x0a, 0xa5];
const LO = [0x1e, 0x21];
// Every row: indices 0, 1, 2, 3 left to right (2 bits each, LSB first) = 0b11100100.
const INDICES = [0xe4, 0xe4, 0xe4, 0xe4];

describe('DXT1', () => {
  test('four-colour mode (color0 > color1)', () => {
    const t = texels(F.DXT1, [...HI, ...LO, ...INDICES]);
    // c2 = floor((2·c0 + c1 + 1) / 3): (330+33+1)/3 = 121, (324+32+1)/3 = 119, (164+247+1)/3 = 137.
    // c3 = floor((c0 + 2·c1 + 1) / 3): (165+66+1)/3 = 77, (162+64+1)/3 = 75, (82+494+1)/3 = 192.
    const row = [[165, 162, 82, 255], [33, 32, 247, 255], [121, 119, 137, 255], [77, 75, 192, 255]];
    expect(t).toEqual([...row, ...row, ...row, ...row]);
  });
  test('three-colour mode (color0 <= color1): midpoint and transparent black', () => {
    const t = texels(F.DXT1, [...LO, ...HI, ...INDICES]);
    // c2 = (c0 + c1 + 1) >> 1: (33+165+1)/2 = 99, (32+162+1)/2 = 97, (247+82+1)/2 = 165.
    const row = [[33, 32, 247, 255], [165, 162, 82, 255], [99, 97, 165, 255], [0, 0, 0, 0]];
    expect(t).toEqual([...row, ...row, ...row, ...row]);
  });
  test('equal endpoints are three-colour mode too', () => {
    const t = texels(F.DXT1, [0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00]);
    // First row all index 3 → transparent; the rest index 0 → white.
    expect(t.slice(0, 4)).toEqual([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]);
    expect(t[4]).toEqual([255, 255, 255, 255]);
  });
  test('index order is row-major, LSB first', () => {
    // Texel 5 (x 1, y 1) gets index 1, all others 0: bits 10–11 of the index word → byte 5 = 0b0100.
    const t = texels(F.DXT1, [...HI, ...LO, 0x00, 0x04, 0x00, 0x00]);
    expect(t[5]).toEqual([33, 32, 247, 255]);
    expect(t[4]).toEqual([165, 162, 82, 255]);
    expect(t[6]).toEqual([165, 162, 82, 255]);
  });
  test('float decode is byte / 255', () => {
    const out = new Float32Array(64);
    expect(decodeBlockRgbaF32(F.DXT1, new Uint8Array([...LO, ...HI, ...INDICES]), 0, out)).toBe(true);
    expect(Array.from(out.subarray(8, 16))).toEqual([99 / 255, 97 / 255, 165 / 255, 1, 0, 0, 0, 0].map(Math.fround));
  });
});

// Explicit alpha: texel i has alpha nibble i (bytes 0x10, 0x32, …, low nibble first).
const ALPHA4 = [0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc, 0xfe];

describe('DXT2/3', () => {
  test('explicit 4-bit alpha × 17 and a colour block that is always four-colour', () => {
    // color0 <= color1 here, still four-colour for DXT2–5:
    // c2 = ((2·33+165+1)/3, (2·32+162+1)/3, (2·247+82+1)/3) = (77, 75, 192), c3 = (121, 119, 137).
    const t = texels(F.DXT3, [...ALPHA4, ...LO, ...HI, ...INDICES]);
    const rgb = [[33, 32, 247], [165, 162, 82], [77, 75, 192], [121, 119, 137]];
    t.forEach((texel, i) => expect(texel).toEqual([...(rgb[i % 4] ?? []), i * 17]));
  });
  test('DXT2 decodes the same bytes identically (premultiplied colour returned as stored)', () => {
    const block = [...ALPHA4, ...LO, ...HI, ...INDICES];
    expect(texels(F.DXT2, block)).toEqual(texels(F.DXT3, block));
  });
});

// Interpolated alpha, 8-value mode: a0 = 200 > a1 = 100:
// a(j) = floor(((7−j)·200 + j·100 + 3) / 7) = 186, 171, 157, 143, 129, 114 for j = 1..6.
// Indices 0..7, 0..7: 3 bits each, LSB first, each half = 0xFAC688 → bytes 88 C6 FA.
const ALPHA8_MODE = [200, 100, 0x88, 0xc6, 0xfa, 0x88, 0xc6, 0xfa];
const PALETTE8 = [200, 100, 186, 171, 157, 143, 129, 114];
// 6-value mode: a0 = 10 <= a1 = 13: a(j) = floor(((5−j)·10 + j·13 + 2) / 5) = 11, 11, 12, 12; then 0, 255.
const ALPHA6_MODE = [10, 13, 0x88, 0xc6, 0xfa, 0x88, 0xc6, 0xfa];
const PALETTE6 = [10, 13, 11, 11, 12, 12, 0, 255];

describe('DXT4/5', () => {
  test('eight-value alpha', () => {
    const t = texels(F.DXT5, [...ALPHA8_MODE, ...HI, ...LO, ...INDICES]);
    t.forEach((texel, i) => expect(texel[3]).toBe(PALETTE8[i % 8]));
    expect(t[2]).toEqual([121, 119, 137, 186]);
  });
  test('six-value alpha with 0 and 255', () => {
    const t = texels(F.DXT5, [...ALPHA6_MODE, ...HI, ...LO, ...INDICES]);
    t.forEach((texel, i) => expect(texel[3]).toBe(PALETTE6[i % 8]));
  });
  test('DXT4 decodes like DXT5', () => {
    const block = [...ALPHA6_MODE, ...LO, ...HI, ...INDICES];
    expect(texels(F.DXT4, block)).toEqual(texels(F.DXT5, block));
  });
});

describe('BC4 (ATI1) and BC5 (ATI2)', () => {
  test('BC4 replicates its value into R, G, B and A', () => {
    const t = texels(F.BC4_UNORM, ALPHA8_MODE);
    t.forEach((texel, i) => {
      const v = PALETTE8[i % 8] ?? -1;
      expect(texel).toEqual([v, v, v, v]);
    });
  });
  test('BC5: first block in G, second in R, B = A = 255', () => {
    const t = texels(F.BC5_UNORM, [...ALPHA8_MODE, ...ALPHA6_MODE]);
    t.forEach((texel, i) => expect(texel).toEqual([PALETTE6[i % 8], PALETTE8[i % 8], 255, 255]));
  });
});

describe('block decoders are total', () => {
  test('arbitrary block bytes decode without throwing, and alpha follows the block rules', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (block) => {
        const out = new Uint8Array(64);
        for (const f of [F.DXT1, F.DXT2, F.DXT3, F.DXT4, F.DXT5, F.BC4_UNORM, F.BC5_UNORM]) {
          expect(decodeBlockRgba8(f, block, 0, out)).toBe(true);
        }
        // DXT1 alpha is 0 or 255, and 0 only with black.
        decodeBlockRgba8(F.DXT1, block, 0, out);
        for (let i = 0; i < 16; i++) {
          const a = out[i * 4 + 3];
          expect(a === 0 || a === 255).toBe(true);
          if (a === 0) expect([out[i * 4], out[i * 4 + 1], out[i * 4 + 2]]).toEqual([0, 0, 0]);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
