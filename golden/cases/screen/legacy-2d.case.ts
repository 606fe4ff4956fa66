/**
 * The legacy framebuffer's 2D commands: UPDATE of guest-written pixels at 32 and 16 bpp, and
 * RECT_FILL / RECT_COPY drawing into the framebuffer. A 64×48 mode keeps the images small.
 */
import type { GoldenCase } from '../../../src/golden/golden-case.js';
import { CommandWriter, newTrace, scriptCase, u16le, u32le } from '../scene-kit.js';

const W = 64;
const H = 48;

/** XRGB words of a 32 bpp framebuffer: a colour wheel of stripes. */
function stripes32(x: number, y: number): number {
  return (((x * 4) & 0xff) << 16) | (((y * 5) & 0xff) << 8) | ((((x + y) >> 3) & 1) * 0xff);
}

/** R5G6B5 words of a 16 bpp framebuffer. */
function stripes16(x: number, y: number): number {
  return ((x >> 1) << 11) | (((y * 4) & 63) << 5) | ((((x + y) >> 3) & 1) * 31);
}

function update(bpp: 32 | 16): () => Uint8Array {
  return () => {
    const t = newTrace(`2d/update-${bpp}bpp`);
    t.setMode(W, H, bpp);
    const px: number[] = [];
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) px.push(bpp === 32 ? stripes32(x, y) : stripes16(x, y));
    t.vramWrite(0, bpp === 32 ? u32le(px) : u16le(px));
    // Only the UPDATE rectangle reaches the screen: the rest stays black.
    t.fifo(new CommandWriter().update({ x: 8, y: 4, width: 40, height: 32 }).fence(1));
    return t.checkpointScreen('screen').finish();
  };
}

function rectFillCopy(): Uint8Array {
  const t = newTrace('2d/rect-fill-copy');
  t.setMode(W, H, 32);
  const c = new CommandWriter()
    .rectFill({ pixel: 0x00ff_8000, destX: 4, destY: 4, width: 20, height: 12 })
    .rectFill({ pixel: 0x0000_80ff, destX: 10, destY: 10, width: 8, height: 30 })
    .rectCopy({ srcX: 4, srcY: 4, destX: 36, destY: 20, width: 24, height: 24 })
    .update({ x: 0, y: 0, width: W, height: H })
    .fence(1);
  t.fifo(c);
  return t.checkpointScreen('screen').finish();
}

export const legacy2dCases: GoldenCase[] = [
  scriptCase('2d/update-32bpp', 'UPDATE of a 40×32 rectangle of a 32 bpp legacy framebuffer the guest wrote', ['2d', 'update', '32bpp'], ['2d'], update(32)),
  scriptCase('2d/update-16bpp', 'UPDATE in 16 bpp (R5G6B5) legacy mode', ['2d', 'update', '16bpp'], ['2d'], update(16)),
  scriptCase('2d/rect-fill-copy', 'RECT_FILL of two rectangles and RECT_COPY of an area covering both, then UPDATE', ['2d', 'rect'], ['2d'], rectFillCopy),
];
