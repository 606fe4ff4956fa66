/**
 * Screen Objects: PRESENT of one surface across two screens in virtual coordinates, and
 * BLIT_SURFACE_TO_SCREEN unscaled, scaled and with a clip list.
 */
import { SVGA3dSurfaceFormat as F } from '../../../src/formats/surface-formats.js';
import type { GoldenCase } from '../../../src/golden/golden-case.js';
import { CommandWriter, DMA_OFFSET, box, defineSurface, dmaFromVram, img, newTrace, patternArgb, scriptCase, u32le } from '../scene-kit.js';

/** SVGA_SCREEN_MUST_BE_SET. */
const MUST_BE_SET = 1;

function screens(c: CommandWriter, list: readonly { id: number; w: number; h: number; x: number; y: number }[]): void {
  for (const s of list) c.defineScreen({ structSize: 28, id: s.id, flags: MUST_BE_SET | (s.id === 0 ? 2 : 0), size: { width: s.w, height: s.h }, root: { x: s.x, y: s.y } });
}

/** Surface 1: a 32×24 pattern. */
function source(name: string) {
  const t = newTrace(name);

  t.vramWrite(DMA_OFFSET, u32le(patternArgb(32, 24)));
  const c = new CommandWriter();
  defineSurface(c, 1, F.X8R8G8B8, 32, 24);
  dmaFromVram(c, 1, DMA_OFFSET, 128, [box(0, 0, 32, 24)]);
  return { t, c };
}

function presentTwoScreens(): Uint8Array {
  const { t, c } = source('screen/present-two-screens');
  // Screen 0 at virtual (100, 50), 24×16; screen 1 at (116, 60), 24×16: they overlap.
  screens(c, [{ id: 0, w: 24, h: 16, x: 100, y: 50 }, { id: 1, w: 24, h: 16, x: 116, y: 60 }]);
  c.present({ sid: 1, rects: [{ x: 100, y: 50, w: 32, h: 24, srcx: 0, srcy: 0 }] });
  t.fifo(c.fence(1));
  return t.checkpointScreen('screen0', 0).checkpointScreen('screen1', 1).finish();
}

function blit(name: string, destRect: { left: number; top: number; right: number; bottom: number }, clipRects: { left: number; top: number; right: number; bottom: number }[]): () => Uint8Array {
  return () => {
    const { t, c } = source(name);
    screens(c, [{ id: 0, w: 48, h: 40, x: 0, y: 0 }]);
    c.blitSurfaceToScreen({ srcImage: img(1), srcRect: { left: 0, top: 0, right: 32, bottom: 24 }, destScreenId: 0, destRect, clipRects });
    t.fifo(c.fence(1));
    return t.checkpointScreen('screen', 0).finish();
  };
}

export const screenObjectCases: GoldenCase[] = [
  scriptCase('screen/present-two-screens', 'PRESENT across two overlapping Screen Objects, each showing its part of the virtual desktop', ['screen-object', 'present'], ['screen-object', 'dma'], presentTwoScreens),
  scriptCase('screen/blit-unscaled', 'BLIT_SURFACE_TO_SCREEN of 32×24 to (8, 8) unscaled', ['screen-object', 'blit'], ['screen-object', 'dma'], blit('screen/blit-unscaled', { left: 8, top: 8, right: 40, bottom: 32 }, [])),
  scriptCase('screen/blit-scaled', 'BLIT_SURFACE_TO_SCREEN of 32×24 scaled to 44×37', ['screen-object', 'blit', 'scaled'], ['screen-object', 'dma'], blit('screen/blit-scaled', { left: 2, top: 1, right: 46, bottom: 38 }, [])),
  scriptCase('screen/blit-clip-list', 'BLIT_SURFACE_TO_SCREEN with a two-rectangle clip list (relative to the destination): only those two rectangles are drawn', ['screen-object', 'blit', 'clip'], ['screen-object', 'dma'], blit('screen/blit-clip-list', { left: 8, top: 8, right: 40, bottom: 32 }, [{ left: 0, top: 0, right: 14, bottom: 10 }, { left: 18, top: 14, right: 32, bottom: 24 }])),
];
