/**
 * SURFACE_DMA of block-compressed data: an 8×8 surface of four 4×4 blocks in DXT1, DXT3 and
 * DXT5, each block with its own end-point colours and index pattern, read back decoded.
 */
import { SVGA3dSurfaceFormat as F } from '../../../src/formats/surface-formats.js';
import type { GoldenCase } from '../../../src/golden/golden-case.js';
import { CommandWriter, DMA_OFFSET, box, defineSurface, dmaFromVram, newTrace, scriptCase, u16le, u32le } from '../scene-kit.js';

/** DXT1/colour block: two 5-6-5 end points and 2-bit indices (row-major, low bits first). */
function colorBlock(c0: number, c1: number, indices: number): Uint8Array {
  const out = new Uint8Array(8);
  out.set(u16le([c0, c1]), 0);
  out.set(u32le([indices]), 4);
  return out;
}

const BLOCKS = [
  colorBlock(0xf800, 0x001f, 0x1b1b_1b1b), // red and blue: every row has indices 3, 2, 1, 0
  colorBlock(0x07e0, 0xffff, 0xe4e4_e4e4), // green and white: every row has indices 0, 1, 2, 3
  colorBlock(0x0000, 0xffe0, 0x5555_aaaa), // c0 <= c1: 3-colour mode with transparent black (index 3)
  colorBlock(0x8410, 0x4208, 0xffff_0000), // greys: top half index 0, bottom half index 3
];

/** DXT3 explicit alpha: 4 bits per texel, a ramp. */
function explicitAlpha(seed: number): Uint8Array {
  const out = new Uint8Array(8);
  for (let i = 0; i < 8; i++) out[i] = ((((i * 2 + seed) & 15) << 4) | ((i * 2 + 1 + seed) & 15)) & 0xff;
  return out;
}

/** DXT5 interpolated alpha: two end points and 3-bit indices. */
function interpolatedAlpha(a0: number, a1: number, pattern: number): Uint8Array {
  const out = new Uint8Array(8);
  out[0] = a0;
  out[1] = a1;
  // 48 bits of indices: texel i gets (i + pattern) & 7.
  let bits = 0n;
  for (let i = 0; i < 16; i++) bits |= BigInt((i + pattern) & 7) << BigInt(3 * i);
  for (let i = 0; i < 6; i++) out[2 + i] = Number((bits >> BigInt(8 * i)) & 0xffn);
  return out;
}

function dxt(format: 'DXT1' | 'DXT3' | 'DXT5'): () => Uint8Array {
  return () => {
    const parts: Uint8Array[] = BLOCKS.map((b, i) => {
      if (format === 'DXT1') return b;
      const alpha = format === 'DXT3' ? explicitAlpha(i * 3) : interpolatedAlpha(0xff - i * 40, i * 30, i);
      const both = new Uint8Array(16);
      both.set(alpha, 0);
      both.set(b, 8);
      return both;
    });
    const blockBytes = format === 'DXT1' ? 8 : 16;
    const data = new Uint8Array(parts.length * blockBytes);
    parts.forEach((p, i) => data.set(p, i * blockBytes));
    const t = newTrace(`dma/${format.toLowerCase()}`);
    t.vramWrite(DMA_OFFSET, data);
    const c = new CommandWriter();
    defineSurface(c, 1, F[format], 8, 8);
    // Pitch of one row of blocks: 2 blocks.
    dmaFromVram(c, 1, DMA_OFFSET, 2 * blockBytes, [box(0, 0, 8, 8)]);
    t.fifo(c.fence(1));
    return t.checkpointSurface('surface', 1).finish();
  };
}

export const dmaDxtCases: GoldenCase[] = (['DXT1', 'DXT3', 'DXT5'] as const).map((f) =>
  scriptCase(`dma/${f.toLowerCase()}`, `SURFACE_DMA of four ${f} blocks into an 8×8 surface, decoded to RGBA8`, ['dma', 'dxt', f], ['dma'], dxt(f)),
);
