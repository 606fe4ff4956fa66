/**
 * The demo scene on the real device, pixel by pixel. Every expected value follows from the
 * scene's constants (src/replay/demo-scene.ts) and the protocol, worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/common/diagnostics.js';
import type { Rgba8Image } from '../src/common/image.js';
import { buildDemoScene, DemoScene, gradientRgba, stripeRgb } from '../src/replay/demo-scene.js';
import { replayTrace } from '../src/replay/replay-trace.js';

const images = new Map<string, Rgba8Image>();
const summary = replayTrace(buildDemoScene(), { onImage: (name, image) => images.set(name, image) });

function px(name: string, x: number, y: number): number[] {
  const image = images.get(name);
  if (!image) throw new Error(`no image ${name}`);
  const at = (y * image.width + x) * 4;
  return Array.from(image.data.subarray(at, at + 4));
}

/** Every pixel of `name` in the rectangle, compared with `want(x, y)` (relative coordinates). */
function region(name: string, x0: number, y0: number, w: number, h: number, want: (x: number, y: number) => number[]): string[] {
  const wrong: string[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const got = px(name, x0 + x, y0 + y);
      const exp = want(x, y);
      if (got.join() !== exp.join() && wrong.length < 5) wrong.push(`(${x0 + x},${y0 + y}) ${got} != ${exp}`);
    }
  }
  return wrong;
}

const background = [0x20, 0x40, 0x60, 255];
const opaque = (rgba: number[]): number[] => [rgba[0] ?? 0, rgba[1] ?? 0, rgba[2] ?? 0, 255];

describe('demo scene', () => {
  it('replays without a diagnostic and takes its six images', () => {
    expect(summary.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect([...images.keys()]).toEqual(['present', 'update', 'gradient', 'clear-r5g6b5', 'clear-a4r4g4b4', 'clear-depth']);
    expect(summary.commands).toEqual({
      SURFACE_DEFINE: 5,
      SURFACE_DMA: 1,
      CONTEXT_DEFINE: 1,
      SETRENDERTARGET: 5,
      SETVIEWPORT: 4,
      CLEAR: 4,
      SURFACE_COPY: 1,
      SURFACE_STRETCHBLT: 2,
      PRESENT: 1,
      FENCE: 2,
      UPDATE: 1,
    });
  });

  it('uploads the gradient by DMA exactly', () => {
    expect(region('gradient', 0, 0, 64, 64, (x, y) => gradientRgba(x, y))).toEqual([]);
  });

  it('clears surfaces of three other formats to colours that survive the format exactly', () => {
    // 0xFF00FFFF in R5G6B5 is (0, 63, 31): back to 8 bits (0, 255, 255).
    expect(region('clear-r5g6b5', 0, 0, 64, 64, () => [0, 255, 255, 255])).toEqual([]);
    // 0xFFFF00FF in A4R4G4B4 is (15, 15, 0, 15): (255, 0, 255), alpha 255.
    expect(region('clear-a4r4g4b4', 0, 0, 64, 64, () => [255, 0, 255, 255])).toEqual([]);
    // Depth 1.0 in Z_D16 is 65535: white.
    expect(region('clear-depth', 0, 0, 64, 64, () => [255, 255, 255, 255])).toEqual([]);
  });

  it('presents the back buffer: background, the copy and the POINT stretch', () => {
    const s = DemoScene;
    expect([images.get('present')?.width, images.get('present')?.height]).toEqual([320, 240]);
    expect(px('present', 0, 0)).toEqual(background);
    expect(px('present', 319, 239)).toEqual(background);
    expect(region('present', s.copyAt.x, s.copyAt.y, 64, 64, (x, y) => opaque(gradientRgba(x, y)))).toEqual([]);
    // 2× POINT: destination pixel centre x + 0.5 maps to source (x + 0.5) / 2, so texel floor(x / 2).
    expect(region('present', s.pointAt.x, s.pointAt.y, 128, 128, (x, y) => opaque(gradientRgba(x >> 1, y >> 1)))).toEqual([]);
    // Around each blit, the background is untouched.
    expect(px('present', s.copyAt.x - 1, s.copyAt.y)).toEqual(background);
    expect(px('present', s.pointAt.x + 128, s.pointAt.y + 127)).toEqual(background);
  });

  it('stretches LINEAR between neighbouring texels', () => {
    const s = DemoScene;
    // Destination 2i + 1 samples source i + 0.25: a quarter of the way from texel i to i + 1, and
    // the gradient steps by 4 per texel, so the result is exact: R 255 - (4i + 1), G and B 4i + 1.
    for (const i of [3, 10, 30]) {
      const x = s.linearAt.x + 2 * i + 1;
      const y = s.linearAt.y + 2 * i + 1;
      expect(px('present', x, y)).toEqual([255 - (4 * i + 1), 4 * i + 1, 4 * i + 1, 255]);
    }
  });

  it('shows the 2D UPDATE over the presented image and leaves the rest as it was', () => {
    const u = DemoScene.update;
    expect(region('update', u.x, u.y, u.width, u.height, (_, y) => [...stripeRgb(y), 255])).toEqual([]);
    expect(px('update', u.x - 1, u.y)).toEqual(background);
    expect(region('update', DemoScene.copyAt.x, DemoScene.copyAt.y, 64, 64, (x, y) => opaque(gradientRgba(x, y)))).toEqual([]);
  });
});
