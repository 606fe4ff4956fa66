/**
 * The README's library example, verbatim between the markers (with the package name in place of
 * the relative import), run and checked. The first test keeps README and this file identical.
 */
// README-EXAMPLE-BEGIN
import { CommandWriter, SVGA3dSurfaceFormat, SVGA3dTransferType, SVGA_GMR_FRAMEBUFFER, TraceWriter, replayTrace, type Rgba8Image } from '../src/index.js';

// 64×32 pixels of orange as the guest stores them for X8R8G8B8: B, G, R, X.
const width = 64;
const height = 32;
const pixels = new Uint8Array(width * height * 4);
for (let i = 0; i < pixels.length; i += 4) pixels.set([0x00, 0x80, 0xff, 0x00], i);

// The FIFO commands: define a surface, upload the pixels from VRAM, present it on the screen.
const commands = new CommandWriter()
  .surfaceDefine({
    sid: 1,
    surfaceFlags: 0,
    format: SVGA3dSurfaceFormat.X8R8G8B8,
    face: [1, 0, 0, 0, 0, 0].map((numMipLevels) => ({ numMipLevels })),
    sizes: [{ width, height, depth: 1 }],
  })
  .surfaceDma({
    guest: { ptr: { gmrId: SVGA_GMR_FRAMEBUFFER, offset: 0x10000 }, pitch: width * 4 },
    host: { sid: 1, face: 0, mipmap: 0 },
    transfer: SVGA3dTransferType.WRITE_HOST_VRAM,
    boxes: [{ x: 0, y: 0, z: 0, w: width, h: height, d: 1, srcx: 0, srcy: 0, srcz: 0 }],
  })
  .present({ sid: 1, rects: [{ x: 0, y: 0, w: width, h: height, srcx: 0, srcy: 0 }] });

// The trace: a mode set, the guest's VRAM write, the commands, and where to take a picture.
const trace = new TraceWriter()
  .setMode(width, height, 32)
  .vramWrite(0x10000, pixels)
  .fifo(commands)
  .checkpointScreen('frame-000')
  .finish();

// Replay it on the device model and keep the images.
const images = new Map<string, Rgba8Image>();
const summary = replayTrace(trace, { onImage: (name, image) => images.set(name, image) });

const frame = images.get('frame-000');
console.log(frame?.width, frame?.height, frame?.data.subarray(0, 4)); // 64 32 Uint8Array(4) [ 255, 128, 0, 255 ]
console.log(summary.commands, summary.diagnostics.length); // { SURFACE_DEFINE: 1, SURFACE_DMA: 1, PRESENT: 1 } 0
// README-EXAMPLE-END

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('README library example', () => {
  it('is the code in README.md', () => {
    const self = readFileSync(import.meta.filename, 'utf8');
    const code = self.slice(self.indexOf('// README-EXAMPLE-BEGIN\n') + 24, self.indexOf('// README-EXAMPLE-END')).replace("from '../src/index.js'", "from 'svga3d'");
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    expect(readme).toContain('```ts\n' + code + '```\n');
  });

  it('gives the pixels and counts its comments promise', () => {
    expect([frame?.width, frame?.height]).toEqual([64, 32]);
    // Every pixel is orange, alpha 255 (X8R8G8B8 has no alpha).
    const distinct = new Set<string>();
    for (let p = 0; p < width * height; p++) distinct.add(Array.from(frame?.data.subarray(p * 4, p * 4 + 4) ?? []).join(','));
    expect([...distinct]).toEqual(['255,128,0,255']);
    expect(summary.commands).toEqual({ SURFACE_DEFINE: 1, SURFACE_DMA: 1, PRESENT: 1 });
    expect(summary.diagnostics).toEqual([]);
  });
});
