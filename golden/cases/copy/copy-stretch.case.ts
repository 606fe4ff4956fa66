/**
 * SURFACE_COPY and SURFACE_STRETCHBLT between surfaces: several boxes, a copy between formats
 * (A8R8G8B8 → X8R8G8B8), and stretches in POINT and LINEAR mode up (2×2 → 5×3) and down.
 */
import { SVGA3dSurfaceFormat as F } from '../../../src/formats/surface-formats.js';
import type { GoldenCase } from '../../../src/golden/golden-case.js';
import { SVGA3dStretchBltMode } from '../../../src/svga3d-decoder/index.js';
import { CommandWriter, DMA_OFFSET, box, defineSurface, dmaFromVram, img, newTrace, patternArgb, scriptCase, u32le } from '../scene-kit.js';

/** Surface 1 = `w`×`h` pattern (A8R8G8B8), surface 2 = `dw`×`dh` of `destFormat`, zero. */
function setup(name: string, w: number, h: number, dw: number, dh: number, destFormat: number = F.A8R8G8B8) {
  const t = newTrace(name);
  t.vramWrite(DMA_OFFSET, u32le(patternArgb(w, h)));
  const c = new CommandWriter();
  defineSurface(c, 1, F.A8R8G8B8, w, h);
  defineSurface(c, 2, destFormat, dw, dh);
  dmaFromVram(c, 1, DMA_OFFSET, w * 4, [box(0, 0, w, h)]);
  return { t, c };
}

function copyBoxes(): Uint8Array {
  const { t, c } = setup('copy/boxes', 8, 8, 12, 12);
  c.surfaceCopy({ src: img(1), dest: img(2), boxes: [box(0, 0, 8, 8), box(8, 8, 4, 4, 2, 2), box(9, 0, 3, 6, 0, 2)] });
  t.fifo(c.fence(1));
  return t.checkpointSurface('dest', 2).finish();
}

function copyFormats(): Uint8Array {
  const { t, c } = setup('copy/argb-to-xrgb', 8, 8, 8, 8, F.X8R8G8B8);
  c.surfaceCopy({ src: img(1), dest: img(2), boxes: [box(0, 0, 8, 8)] });
  t.fifo(c.fence(1));
  return t.checkpointSurface('dest', 2).finish();
}

function copySelf(): Uint8Array {
  // Overlapping copy within one surface: rows 0–5 onto rows 2–7.
  const t = newTrace('copy/self-overlap');
  t.vramWrite(DMA_OFFSET, u32le(patternArgb(8, 8)));
  const c = new CommandWriter();
  defineSurface(c, 1, F.A8R8G8B8, 8, 8);
  dmaFromVram(c, 1, DMA_OFFSET, 32, [box(0, 0, 8, 8)]);
  c.surfaceCopy({ src: img(1), dest: img(1), boxes: [box(0, 2, 8, 6, 0, 0)] });
  t.fifo(c.fence(1));
  return t.checkpointSurface('surface', 1).finish();
}

function stretch(name: string, mode: number, w: number, h: number, dw: number, dh: number): () => Uint8Array {
  return () => {
    const { t, c } = setup(name, w, h, dw, dh);
    c.surfaceStretchBlt({
      src: img(1),
      dest: img(2),
      boxSrc: { x: 0, y: 0, z: 0, w, h, d: 1 },
      boxDest: { x: 0, y: 0, z: 0, w: dw, h: dh, d: 1 },
      mode,
    });
    t.fifo(c.fence(1));
    return t.checkpointSurface('dest', 2).finish();
  };
}

function stretchSubRect(): Uint8Array {
  const { t, c } = setup('stretch/sub-rect', 8, 8, 16, 16);
  c.surfaceStretchBlt({
    src: img(1),
    dest: img(2),
    boxSrc: { x: 2, y: 2, z: 0, w: 4, h: 4, d: 1 },
    boxDest: { x: 3, y: 5, z: 0, w: 10, h: 7, d: 1 },
    mode: SVGA3dStretchBltMode.POINT,
  });
  t.fifo(c.fence(1));
  return t.checkpointSurface('dest', 2).finish();
}

const P = SVGA3dStretchBltMode.POINT;
const L = SVGA3dStretchBltMode.LINEAR;

export const copyStretchCases: GoldenCase[] = [
  scriptCase('copy/boxes', 'SURFACE_COPY with three boxes (whole, offset source, partial) into a larger surface', ['copy'], ['copy', 'dma'], copyBoxes),
  scriptCase('copy/argb-to-xrgb', 'SURFACE_COPY from A8R8G8B8 to X8R8G8B8: same texel bytes, alpha read back as opaque', ['copy', 'format'], ['copy', 'dma'], copyFormats),
  scriptCase('copy/self-overlap', 'SURFACE_COPY of rows 0–5 onto rows 2–7 of the same surface (source read before it is overwritten)', ['copy', 'overlap'], ['copy', 'dma'], copySelf),
  scriptCase('stretch/point-2x2-5x3', 'SURFACE_STRETCHBLT POINT of a 2×2 image to 5×3', ['stretch', 'point'], ['stretch', 'dma'], stretch('stretch/point-2x2-5x3', P, 2, 2, 5, 3)),
  scriptCase('stretch/linear-2x2-5x3', 'SURFACE_STRETCHBLT LINEAR of a 2×2 image to 5×3', ['stretch', 'linear'], ['stretch', 'dma'], stretch('stretch/linear-2x2-5x3', L, 2, 2, 5, 3)),
  scriptCase('stretch/point-down-8x8-3x5', 'SURFACE_STRETCHBLT POINT of 8×8 down to 3×5', ['stretch', 'point'], ['stretch', 'dma'], stretch('stretch/point-down-8x8-3x5', P, 8, 8, 3, 5)),
  scriptCase('stretch/linear-down-8x8-3x5', 'SURFACE_STRETCHBLT LINEAR of 8×8 down to 3×5', ['stretch', 'linear'], ['stretch', 'dma'], stretch('stretch/linear-down-8x8-3x5', L, 8, 8, 3, 5)),
  scriptCase('stretch/sub-rect', 'SURFACE_STRETCHBLT POINT of a 4×4 source box to a 10×7 destination box at (3, 5)', ['stretch', 'box'], ['stretch', 'dma'], stretchSubRect),
];
