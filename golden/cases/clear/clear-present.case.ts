/**
 * CLEAR of an A8R8G8B8 back buffer to 0x80FF0000 and PRESENT to the legacy display: the screen
 * shows opaque red (PRESENT ignores alpha), while the surface keeps alpha 0x80. Also a CLEAR of
 * a rectangle clipped by the viewport.
 */
import { SVGA3dSurfaceFormat as F } from '../../../src/formats/surface-formats.js';
import type { GoldenCase } from '../../../src/golden/golden-case.js';
import { CID, ClearFlag, CommandWriter, RenderTarget, clearTarget, contextDefine, defineSurface, newTrace, scriptCase } from '../scene-kit.js';

function clearPresent(): Uint8Array {
  const t = newTrace('clear/a8r8g8b8-present');
  t.setMode(32, 24, 32);
  const c = new CommandWriter();
  defineSurface(c, 1, F.A8R8G8B8, 32, 24);
  contextDefine(c);
  clearTarget(c, RenderTarget.COLOR0, 1, 32, 24, ClearFlag.COLOR, 0x80ff_0000);
  c.present({ sid: 1, rects: [{ x: 0, y: 0, w: 32, h: 24, srcx: 0, srcy: 0 }] });
  t.fifo(c.fence(1));
  return t.checkpointScreen('screen').checkpointSurface('surface', 1).finish();
}

function clearViewportClip(): Uint8Array {
  const t = newTrace('clear/viewport-clip');
  const c = new CommandWriter();
  defineSurface(c, 1, F.X8R8G8B8, 16, 16);
  contextDefine(c);
  clearTarget(c, RenderTarget.COLOR0, 1, 16, 16, ClearFlag.COLOR, 0xff00_0080);
  // The rectangle (2, 2)–(14, 14) is clipped to the viewport (6, 4) 8×6.
  c.setViewport({ cid: CID, rect: { x: 6, y: 4, w: 8, h: 6 } });
  c.clear({ cid: CID, clearFlag: ClearFlag.COLOR, color: 0xffff_ff00, depth: 1, stencil: 0, rects: [{ x: 2, y: 2, w: 12, h: 12 }] });
  t.fifo(c.fence(1));
  return t.checkpointSurface('surface', 1).finish();
}

export const clearPresentCases: GoldenCase[] = [
  scriptCase('clear/a8r8g8b8-present', 'CLEAR A8R8G8B8 to 0x80FF0000 and PRESENT: the screen is opaque red, the surface keeps alpha 0x80', ['clear', 'present'], ['clear'], clearPresent),
  scriptCase('clear/viewport-clip', 'CLEAR of a 12×12 rectangle clipped to an 8×6 viewport at (6, 4)', ['clear', 'viewport'], ['clear'], clearViewportClip),
];
