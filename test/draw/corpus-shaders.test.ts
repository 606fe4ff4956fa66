/**
 * The shader-driven corpus traces rendered through the pipeline: no diagnostics at all, and the
 * structure the corpus README describes (four cubes in half-float-test, a 5×5 grid of cubes in
 * rt-gamma-test). With `SVGA3D_DRAW_PNG=1` every checkpoint of the four shader traces (the slow
 * simple-shaders and cubemark too) is written to `out/draw/<trace>-<checkpoint>.png` for looking at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/common/diagnostics.js';
import type { Rgba8Image } from '../../src/common/image.js';
import { SvgaDevice } from '../../src/device/svga-device.js';
import { nodeGunzip, readFileBytes, writePng } from '../../src/node.js';
import { createDrawBackend } from '../../src/pipeline/index.js';
import { replayTrace } from '../../src/replay/replay-trace.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS = join(ROOT, 'corpus', 'vmware-svga-sdk');
const OUT = join(ROOT, 'out', 'draw');
const WRITE_PNG = process.env['SVGA3D_DRAW_PNG'] === '1';

function render(name: string): { diagnostics: string[]; images: Map<string, Rgba8Image> } {
  const bytes = nodeGunzip(readFileBytes(join(CORPUS, `${name}.svgatrace.gz`)), 1 << 30);
  const images = new Map<string, Rgba8Image>();
  const summary = replayTrace(bytes, {
    createDevice: ({ vramBytes, sink }) => new SvgaDevice({ vramBytes, sink, drawBackend: createDrawBackend() }),
    onImage: (image, rgba) => images.set(image, rgba),
  });
  if (WRITE_PNG) {
    mkdirSync(OUT, { recursive: true });
    for (const [image, rgba] of images) writePng(join(OUT, `${name}-${image}.png`), rgba);
  }
  return { diagnostics: summary.diagnostics.map(formatDiagnostic), images };
}

/** Pixels in the box that differ from the image's top-left (background) pixel. */
function drawnPixels(image: Rgba8Image, x0: number, y0: number, x1: number, y1: number): number {
  const d = image.data;
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const at = (y * image.width + x) * 4;
      if (d[at] !== d[0] || d[at + 1] !== d[1] || d[at + 2] !== d[2]) n++;
    }
  }
  return n;
}

describe('shader corpus traces through the pipeline', () => {
  it('half-float-test: no diagnostics, one cube in each quarter of the screen', () => {
    const { diagnostics, images } = render('half-float-test');
    expect(diagnostics).toEqual([]);
    const frame = images.get('frame-001')!;
    const quarters = [[0, 0], [400, 0], [0, 300], [400, 300]].map(([x, y]) => drawnPixels(frame, x!, y!, x! + 400, y! + 300) > 10_000);
    expect(quarters).toEqual([true, true, true, true]);
    expect(drawnPixels(frame, 0, 0, 200, 600)).toBe(0);
  });

  it('rt-gamma-test: no diagnostics, a cube in every cell of the 5×5 grid, black around it', () => {
    const { diagnostics, images } = render('rt-gamma-test');
    expect(diagnostics).toEqual([]);
    const frame = images.get('frame-001')!;
    const cells: boolean[] = [];
    for (let row = 0; row < 5; row++) {
      for (let col = 0; col < 5; col++) cells.push(drawnPixels(frame, 170 + 100 * col, 60 + 95 * row, 250 + 100 * col, 140 + 95 * row) > 500);
    }
    expect(cells).toEqual(new Array(25).fill(true));
    expect(drawnPixels(frame, 0, 0, 150, 600)).toBe(0);
  });

  it.runIf(WRITE_PNG)('simple-shaders and cubemark render with no diagnostics (PNG run only: slow)', () => {
    for (const name of ['simple-shaders', 'cubemark']) expect([name, render(name).diagnostics]).toEqual([name, []]);
  }, 600_000);
});
