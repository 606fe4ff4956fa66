/**
 * GMRFB: DEFINE_GMRFB over VRAM in each format (32/24, 24/24, 16/16 R5G6B5, 16/15 X1R5G5B5) and
 * BLIT_GMRFB_TO_SCREEN onto a Screen Object; a screen → GMRFB → screen round trip; and
 * ANNOTATION_FILL before a blit.
 */
import type { GoldenCase } from '../../../src/golden/golden-case.js';
import { CommandWriter, DMA_OFFSET, SVGA_GMR_FRAMEBUFFER, newTrace, scriptCase, u32le } from '../scene-kit.js';

const W = 24;
const H = 16;

type Format = { name: string; word: number; bytes: number; pixel: (x: number, y: number) => number };
const FORMATS: Format[] = [
  { name: '32bpp', word: 0x1820, bytes: 4, pixel: (x, y) => ((x * 10) << 16) | ((y * 15) << 8) | 0x40 },
  { name: '24bpp', word: 0x1818, bytes: 3, pixel: (x, y) => ((x * 10) << 16) | 0x8000 | (y * 15) },
  { name: '565', word: 0x1010, bytes: 2, pixel: (x, y) => (x << 11) | ((y * 4) << 5) | 0x10 },
  { name: '555', word: 0x0f10, bytes: 2, pixel: (x, y) => (x << 10) | ((y * 2) << 5) | 0x1f },
];

function pixels(f: Format): Uint8Array {
  const out = new Uint8Array(W * H * f.bytes);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const v = f.pixel(x, y);
      for (let b = 0; b < f.bytes; b++) out[(y * W + x) * f.bytes + b] = (v >>> (8 * b)) & 0xff;
    }
  }
  return out;
}

function withScreen(name: string): { t: ReturnType<typeof newTrace>; c: CommandWriter } {
  const t = newTrace(name);

  const c = new CommandWriter();
  c.defineScreen({ structSize: 28, id: 0, flags: 3, size: { width: 32, height: 24 }, root: { x: 0, y: 0 } });
  return { t, c };
}

function blitFormat(f: Format): () => Uint8Array {
  return () => {
    const { t, c } = withScreen(`gmrfb/blit-${f.name}`);
    t.vramWrite(DMA_OFFSET, pixels(f));
    c.defineGmrfb({ ptr: { gmrId: SVGA_GMR_FRAMEBUFFER, offset: DMA_OFFSET }, bytesPerLine: W * f.bytes, format: f.word });
    c.blitGmrfbToScreen({ srcOrigin: { x: 0, y: 0 }, destRect: { left: 4, top: 4, right: 4 + W, bottom: 4 + H }, destScreenId: 0 });
    t.fifo(c.fence(1));
    return t.checkpointScreen('screen', 0).finish();
  };
}

function roundTrip(): Uint8Array {
  // Blit a 32 bpp image to the screen, read the screen back into a 16 bpp (565) GMRFB, then blit
  // that GMRFB to the other half: the right half shows the image quantised to 5-6-5.
  const { t, c } = withScreen('gmrfb/round-trip-565');
  const f32 = FORMATS[0] as Format;
  t.vramWrite(DMA_OFFSET, pixels({ ...f32, pixel: (x, y) => ((x * 11) << 16) | ((y * 13) << 8) | ((x * y) & 0xff) }));
  c.defineGmrfb({ ptr: { gmrId: SVGA_GMR_FRAMEBUFFER, offset: DMA_OFFSET }, bytesPerLine: W * 4, format: 0x1820 });
  c.blitGmrfbToScreen({ srcOrigin: { x: 0, y: 0 }, destRect: { left: 0, top: 0, right: 16, bottom: 24 }, destScreenId: 0 });
  const back = DMA_OFFSET + 0x10000;
  c.defineGmrfb({ ptr: { gmrId: SVGA_GMR_FRAMEBUFFER, offset: back }, bytesPerLine: 16 * 2, format: 0x1010 });
  c.blitScreenToGmrfb({ destOrigin: { x: 0, y: 0 }, srcRect: { left: 0, top: 0, right: 16, bottom: 24 }, srcScreenId: 0 });
  c.blitGmrfbToScreen({ srcOrigin: { x: 0, y: 0 }, destRect: { left: 16, top: 0, right: 32, bottom: 24 }, destScreenId: 0 });
  t.fifo(c.fence(1));
  return t.checkpointScreen('screen', 0).finish();
}

function annotationFill(): Uint8Array {
  const { t, c } = withScreen('gmrfb/annotation-fill');
  t.vramWrite(DMA_OFFSET, u32le(new Array<number>(W * H).fill(0x0011_2233)));
  c.defineGmrfb({ ptr: { gmrId: SVGA_GMR_FRAMEBUFFER, offset: DMA_OFFSET }, bytesPerLine: W * 4, format: 0x1820 });
  // The annotation claims the next blit is one colour; the device shows the GMRFB's real pixels.
  c.annotationFill({ color: 0x00ff_00ff });
  c.blitGmrfbToScreen({ srcOrigin: { x: 0, y: 0 }, destRect: { left: 2, top: 2, right: 14, bottom: 10 }, destScreenId: 0 });
  c.blitGmrfbToScreen({ srcOrigin: { x: 0, y: 0 }, destRect: { left: 16, top: 12, right: 30, bottom: 22 }, destScreenId: 0 });
  t.fifo(c.fence(1));
  return t.checkpointScreen('screen', 0).finish();
}

export const gmrfbCases: GoldenCase[] = [
  ...FORMATS.map((f) =>
    scriptCase(`gmrfb/blit-${f.name}`, `BLIT_GMRFB_TO_SCREEN from a ${f.name} GMRFB (format word 0x${f.word.toString(16)}) in VRAM`, ['gmrfb', f.name], ['gmrfb', 'screen-object'], blitFormat(f)),
  ),
  scriptCase('gmrfb/round-trip-565', 'BLIT_SCREEN_TO_GMRFB into a 16 bpp GMRFB and back: the copy is quantised to 5-6-5', ['gmrfb', 'round-trip'], ['gmrfb', 'screen-object'], roundTrip),
  scriptCase('gmrfb/annotation-fill', 'ANNOTATION_FILL is only a hint: both blits show the GMRFB\'s own pixels (0x112233)', ['gmrfb', 'annotation'], ['gmrfb', 'screen-object'], annotationFill),
];


