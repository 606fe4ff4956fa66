/**
 * GENERATE_MIPMAPS: an 8×8 A8R8G8B8 pattern in mip 0 filtered down to mips 1–3 (4×4, 2×2,
 * 1×1), with POINT and LINEAR filters; every level is a checkpoint.
 */
import { SVGA3dSurfaceFormat as F } from '../../../src/formats/surface-formats.js';
import type { GoldenCase } from '../../../src/golden/golden-case.js';
import { SVGA3dTextureFilter as TF } from '../../../src/svga3d-decoder/index.js';
import { CommandWriter, DMA_OFFSET, box, defineSurface, dmaFromVram, newTrace, patternArgb, scriptCase, u32le } from '../scene-kit.js';

function mipmaps(name: string, filter: number): () => Uint8Array {
  return () => {
    const t = newTrace(name);
    t.vramWrite(DMA_OFFSET, u32le(patternArgb(8, 8)));
    const c = new CommandWriter();
    defineSurface(c, 1, F.A8R8G8B8, 8, 8, 1, 4);
    dmaFromVram(c, 1, DMA_OFFSET, 32, [box(0, 0, 8, 8)]);
    c.generateMipmaps({ sid: 1, filter });
    t.fifo(c.fence(1));
    for (let mip = 1; mip < 4; mip++) t.checkpointSurface(`mip${mip}`, 1, 0, mip);
    return t.finish();
  };
}

export const mipmapCases: GoldenCase[] = [
  scriptCase('mipmaps/point', 'GENERATE_MIPMAPS with POINT filtering of an 8×8 pattern: mips 1–3', ['mipmaps', 'point'], ['mipmaps', 'dma'], mipmaps('mipmaps/point', TF.NEAREST)),
  scriptCase('mipmaps/linear', 'GENERATE_MIPMAPS with LINEAR filtering (box average) of an 8×8 pattern: mips 1–3', ['mipmaps', 'linear'], ['mipmaps', 'dma'], mipmaps('mipmaps/linear', TF.LINEAR)),
];
