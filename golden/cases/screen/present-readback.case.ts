/**
 * PRESENT and PRESENT_READBACK on the legacy display: a surface is presented, the device is
 * asked to read a rectangle back into the legacy framebuffer, the guest then overwrites the
 * surface and presents it again, and an UPDATE of the read-back rectangle shows the old pixels.
 */
import { SVGA3dSurfaceFormat as F } from '../../../src/formats/surface-formats.js';
import type { GoldenCase } from '../../../src/golden/golden-case.js';
import { ClearFlag, CommandWriter, DMA_OFFSET, RenderTarget, box, clearTarget, contextDefine, defineSurface, dmaFromVram, newTrace, patternArgb, scriptCase, u32le } from '../scene-kit.js';

function readback(bpp: 32 | 16): () => Uint8Array {
  return () => {
    const W = 32;
    const H = 24;
    const t = newTrace(`readback/${bpp}bpp`);
    t.setMode(W, H, bpp);
    t.vramWrite(DMA_OFFSET, u32le(patternArgb(W, H)));
    const c = new CommandWriter();
    defineSurface(c, 1, F.X8R8G8B8, W, H);
    dmaFromVram(c, 1, DMA_OFFSET, W * 4, [box(0, 0, W, H)]);
    c.present({ sid: 1, rects: [{ x: 0, y: 0, w: W, h: H, srcx: 0, srcy: 0 }] });
    c.presentReadback({ rects: [{ x: 4, y: 4, w: 12, h: 8 }] });
    contextDefine(c);
    clearTarget(c, RenderTarget.COLOR0, 1, W, H, ClearFlag.COLOR, 0xff20_2080);
    c.present({ sid: 1, rects: [{ x: 0, y: 0, w: W, h: H, srcx: 0, srcy: 0 }] });
    c.update({ x: 4, y: 4, width: 12, height: 8 });
    t.fifo(c.fence(1));
    return t.checkpointScreen('screen').finish();
  };
}

export const readbackCases: GoldenCase[] = [
  scriptCase('readback/32bpp', 'PRESENT_READBACK of a 12×8 rectangle into a 32 bpp framebuffer, shown by UPDATE over a later, cleared PRESENT', ['readback', 'present'], ['readback', 'clear', 'dma', '2d'], readback(32)),
  scriptCase('readback/16bpp', 'PRESENT_READBACK into a 16 bpp framebuffer: the read-back rectangle is quantised to 5-6-5', ['readback', 'present', '16bpp'], ['readback', 'clear', 'dma', '2d'], readback(16)),
];
