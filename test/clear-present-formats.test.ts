/**
 * CLEAR of a render target in every colour format, then PRESENT to the legacy screen: the screen
 * pixel worked out by hand from the clear colour 0x80FF4020 (A 0x80, R 0xFF, G 0x40, B 0x20).
 *
 * The rules used, one per column of the table below (svga3d-protocol.md §4.1, the formats module's
 * stated rounding): an 8-bit channel c stored in n bits is k = round(c·(2ⁿ−1)/255) and shown as
 * round(k·255/(2ⁿ−1)); float16 keeps 0x40/255 as 1028/4096 and 0x20/255 as 1028/8192, which
 * show as 64 and 32 again; luminance formats store R; a screen shows RGB with alpha 255, and D3D9
 * reads missing channels as 1 (colour) or 0 (ALPHA8's colour).
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/common/diagnostics.js';
import type { Rgba8Image } from '../src/common/image.js';
import { SVGA3dSurfaceFormat as F } from '../src/formats/surface-formats.js';
import { replayTrace } from '../src/replay/replay-trace.js';
import { CommandWriter, SVGA3dClearFlag, SVGA3dRenderTargetType } from '../src/svga3d-decoder/index.js';
import { TraceWriter } from '../src/trace/index.js';

const W = 4;
const H = 2;
const COLOR = 0x80ff4020;

/** Expected screen RGB per format (alpha is always 255 on a screen). */
const EXPECTED: ReadonlyArray<[keyof typeof F, [number, number, number]]> = [
  ['X8R8G8B8', [0xff, 0x40, 0x20]],
  ['A8R8G8B8', [0xff, 0x40, 0x20]],
  // 5-6-5: G k = round(64·63/255) = 16 → round(16·255/63) = 65; B k = round(32·31/255) = 4 → 33.
  ['R5G6B5', [255, 65, 33]],
  // 5-5-5: G k = round(64·31/255) = 8 → round(8·255/31) = 66; B 4 → 33.
  ['X1R5G5B5', [255, 66, 33]],
  ['A1R5G5B5', [255, 66, 33]],
  // 4-4-4: G k = round(64·15/255) = 4 → 68; B k = round(32·15/255) = 2 → 34.
  ['A4R4G4B4', [255, 68, 34]],
  // 10-10-10: G k = round(64·1023/255) = 257 → round(257·255/1023) = 64; B k = 128 → 32.
  ['A2R10G10B10', [255, 64, 32]],
  // 16-bit unorm: 64·257 and 32·257 come back exactly; G16R16 has no blue: 1.
  ['G16R16', [255, 64, 255]],
  ['A16B16G16R16', [255, 64, 32]],
  ['ARGB_S10E5', [255, 64, 32]],
  ['ARGB_S23E8', [255, 64, 32]],
  // One- and two-channel float formats: missing G, B read as 1.
  ['R_S10E5', [255, 255, 255]],
  ['R_S23E8', [255, 255, 255]],
  ['RG_S10E5', [255, 64, 255]],
  ['RG_S23E8', [255, 64, 255]],
  // Luminance stores R (0xFF) and shows it in all three channels.
  ['LUMINANCE8', [255, 255, 255]],
  ['LUMINANCE16', [255, 255, 255]],
  ['LUMINANCE4_ALPHA4', [255, 255, 255]],
  ['LUMINANCE8_ALPHA8', [255, 255, 255]],
  // ALPHA8 has no colour: (0, 0, 0, A).
  ['ALPHA8', [0, 0, 0]],
];

function clearAndPresent(format: number): { image: Rgba8Image | undefined; diagnostics: string[] } {
  const c = new CommandWriter()
    .surfaceDefine({
      sid: 1,
      surfaceFlags: 0,
      format,
      face: [1, 0, 0, 0, 0, 0].map((numMipLevels) => ({ numMipLevels })),
      sizes: [{ width: W, height: H, depth: 1 }],
    })
    .contextDefine({ cid: 1 })
    .setRenderTarget({ cid: 1, type: SVGA3dRenderTargetType.COLOR0, target: { sid: 1, face: 0, mipmap: 0 } })
    .clear({ cid: 1, clearFlag: SVGA3dClearFlag.COLOR, color: COLOR, depth: 1, stencil: 0, rects: [] })
    .present({ sid: 1, rects: [{ x: 0, y: 0, w: W, h: H, srcx: 0, srcy: 0 }] });
  const trace = new TraceWriter().setMode(W, H, 32).fifo(c).checkpointScreen('screen').finish();
  let image: Rgba8Image | undefined;
  const summary = replayTrace(trace, { onImage: (_, i) => (image = i) });
  return { image, diagnostics: summary.diagnostics.map(formatDiagnostic) };
}

describe('CLEAR + PRESENT of every colour format', () => {
  it.each(EXPECTED)('%s shows its clear colour on the screen', (name, rgb) => {
    const { image, diagnostics } = clearAndPresent(F[name]);
    expect(diagnostics).toEqual([]);
    expect(image?.width).toBe(W);
    const want = [...rgb, 255];
    for (let p = 0; p < W * H; p++) expect(Array.from(image!.data.subarray(p * 4, p * 4 + 4)), `pixel ${p}`).toEqual(want);
  });
});
