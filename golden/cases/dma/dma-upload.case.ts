/**
 * SURFACE_DMA uploads from VRAM: guest pitch larger than a row, boxes with host and guest
 * offsets, several boxes in one command, a box clipped by the surface edge, 16 bpp and 8 bpp
 * formats, a volume slice, a mipmap level, and a download followed by an upload elsewhere.
 */
import { SVGA3dSurfaceFormat as F } from '../../../src/formats/surface-formats.js';
import type { GoldenCase } from '../../../src/golden/golden-case.js';
import {
  CommandWriter,
  DMA_OFFSET,
  SVGA3dTransferType,
  box,
  defineSurface,
  dmaFromVram,
  newTrace,
  patternArgb,
  scriptCase,
  u16le,
  u32le,
} from '../scene-kit.js';

/** Defines an `w`×`h` A8R8G8B8 surface 1 and uploads `pattern` through `boxes` with `pitch`. */
function argbUpload(name: string, w: number, h: number, pitchTexels: number, boxes: ReturnType<typeof box>[]): () => Uint8Array {
  return () => {
    const t = newTrace(name);
    t.vramWrite(DMA_OFFSET, u32le(patternArgb(w, h, pitchTexels)));
    const c = new CommandWriter();
    defineSurface(c, 1, F.A8R8G8B8, w, h);
    dmaFromVram(c, 1, DMA_OFFSET, pitchTexels * 4, boxes);
    t.fifo(c.fence(1));
    return t.checkpointSurface('surface', 1).finish();
  };
}

function r5g6b5Upload(): Uint8Array {
  const t = newTrace('dma/r5g6b5');
  const w = 16;
  const h = 8;
  // Each texel its own 5-6-5 value: red from x, green from y, blue from x + y.
  const texels: number[] = [];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) texels.push(((x * 2) << 11) | ((y * 9) << 5) | ((x + y) & 31));
  t.vramWrite(DMA_OFFSET, u16le(texels));
  const c = new CommandWriter();
  defineSurface(c, 1, F.R5G6B5, w, h);
  dmaFromVram(c, 1, DMA_OFFSET, w * 2, [box(0, 0, w, h)]);
  t.fifo(c.fence(1));
  return t.checkpointSurface('surface', 1).finish();
}

function l8Upload(): Uint8Array {
  const t = newTrace('dma/luminance8');
  const w = 16;
  const h = 16;
  const bytes = new Uint8Array(w * h);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) & 0xff;
  t.vramWrite(DMA_OFFSET, bytes);
  const c = new CommandWriter();
  defineSurface(c, 1, F.LUMINANCE8, w, h);
  dmaFromVram(c, 1, DMA_OFFSET, w, [box(0, 0, w, h)]);
  t.fifo(c.fence(1));
  return t.checkpointSurface('surface', 1).finish();
}

function volumeSlice(): Uint8Array {
  // A 4×4×4 volume: slice z is filled with grey level 0x40 * z, then slice 3 of the guest data
  // is uploaded into slice 0, so the checkpoint (slice 0) shows 0xC0 grey.
  const t = newTrace('dma/volume-slice');
  const n = 4;
  const words: number[] = [];
  for (let z = 0; z < n; z++) for (let i = 0; i < n * n; i++) words.push((0xff00_0000 | (0x40 * z * 0x01_0101)) >>> 0);
  t.vramWrite(DMA_OFFSET, u32le(words));
  const c = new CommandWriter();
  defineSurface(c, 1, F.A8R8G8B8, n, n, n);
  c.surfaceDma({
    guest: { ptr: { gmrId: 0xffff_fffe, offset: DMA_OFFSET }, pitch: n * 4 },
    host: { sid: 1, face: 0, mipmap: 0 },
    transfer: SVGA3dTransferType.WRITE_HOST_VRAM,
    boxes: [box(0, 0, n, n, 0, 0, 0, 1, 3)],
    // The guest's slice pitch is implied: rows × pitch. Only one slice moves.
  });
  t.fifo(c.fence(1));
  return t.checkpointSurface('slice0', 1).finish();
}

function mipLevel(): Uint8Array {
  const t = newTrace('dma/mip-level');
  t.vramWrite(DMA_OFFSET, u32le(patternArgb(4, 4)));
  const c = new CommandWriter();
  defineSurface(c, 1, F.A8R8G8B8, 8, 8, 1, 2);
  dmaFromVram(c, 1, DMA_OFFSET, 16, [box(0, 0, 4, 4)], 1);
  t.fifo(c.fence(1));
  return t.checkpointSurface('mip1', 1, 0, 1).finish();
}

function downloadUpload(): Uint8Array {
  // Upload a pattern into surface 1, download its middle 4×4 into VRAM, upload that into the
  // corner of the zero-initialised surface 2.
  const t = newTrace('dma/download-upload');
  t.vramWrite(DMA_OFFSET, u32le(patternArgb(8, 8)));
  const back = DMA_OFFSET + 0x1000;
  const c = new CommandWriter();
  defineSurface(c, 1, F.A8R8G8B8, 8, 8);
  defineSurface(c, 2, F.A8R8G8B8, 8, 8);
  dmaFromVram(c, 1, DMA_OFFSET, 32, [box(0, 0, 8, 8)]);
  dmaFromVram(c, 1, back, 16, [box(2, 2, 4, 4)], 0, SVGA3dTransferType.READ_HOST_VRAM);
  dmaFromVram(c, 2, back, 16, [box(0, 0, 4, 4)]);
  t.fifo(c.fence(1));
  return t.checkpointSurface('surface2', 2).finish();
}

export const dmaUploadCases: GoldenCase[] = [
  scriptCase('dma/whole', 'SURFACE_DMA of a whole 16×8 A8R8G8B8 pattern, tight pitch', ['dma'], ['dma'], argbUpload('dma/whole', 16, 8, 16, [box(0, 0, 16, 8)])),
  scriptCase('dma/pitch', 'SURFACE_DMA with a guest pitch of 24 texels for 16-texel rows: the padding (0xDEADBEEF) must not appear', ['dma', 'pitch'], ['dma'], argbUpload('dma/pitch', 16, 8, 24, [box(0, 0, 16, 8)])),
  scriptCase('dma/offset-box', 'SURFACE_DMA of a 5×3 box from guest (2, 1) to host (9, 4); the rest stays zero', ['dma', 'box'], ['dma'], argbUpload('dma/offset-box', 16, 8, 16, [box(9, 4, 5, 3, 2, 1)])),
  scriptCase('dma/multi-box', 'SURFACE_DMA with three boxes, each copying a different band of the guest image to a different place', ['dma', 'box'], ['dma'], argbUpload('dma/multi-box', 16, 8, 16, [box(0, 0, 4, 8, 12, 0), box(4, 0, 8, 2), box(6, 5, 3, 3, 1, 1)])),
  scriptCase('dma/clipped-box', 'SURFACE_DMA whose box runs past the right and bottom edges: clipped to the surface', ['dma', 'box', 'clip'], ['dma'], argbUpload('dma/clipped-box', 16, 8, 16, [box(10, 5, 40, 40)])),
  scriptCase('dma/r5g6b5', 'SURFACE_DMA of 16 bpp R5G6B5 texels, every texel distinct, expanded to RGBA8', ['dma', '16bpp'], ['dma'], r5g6b5Upload),
  scriptCase('dma/luminance8', 'SURFACE_DMA of 8 bpp LUMINANCE8 texels (grey ramp with stride 7)', ['dma', '8bpp'], ['dma'], l8Upload),
  scriptCase('dma/volume-slice', 'SURFACE_DMA of guest slice 3 into slice 0 of a 4×4×4 volume (0xC0 grey)', ['dma', 'volume'], ['dma'], volumeSlice),
  scriptCase('dma/mip-level', 'SURFACE_DMA into mipmap 1 (4×4) of an 8×8 surface, read back at mipmap 1', ['dma', 'mipmap'], ['dma'], mipLevel),
  scriptCase('dma/download-upload', 'SURFACE_DMA download (READ_HOST_VRAM) of a 4×4 box, then upload of it into another surface', ['dma', 'download'], ['dma'], downloadUpload),
];
