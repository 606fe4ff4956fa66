import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Rgba8Image } from '../common/image.js';
import { SvgaDevice } from '../device/index.js';
import { nodeGunzip } from '../node.js';
import { replayTrace } from '../replay/replay-trace.js';
import { validateSvgaShader } from '../replay/svga-device-factory.js';
import type { ShaderRunMode } from '../shader-vm/jit/index.js';
import { defaultShaderCache } from '../shader-vm/jit/index.js';
import { createDrawBackend } from './draw-backend.js';

const CORPUS = new URL('../../corpus/vmware-svga-sdk/', import.meta.url);

/** Every image a corpus trace produces through `SvgaDevice`, with the draw path's shaders run in `mode`. */
function render(name: string, mode: ShaderRunMode): { images: { name: string; image: Rgba8Image }[]; diagnostics: number } {
  const bytes = new Uint8Array(readFileSync(new URL(`${name}.svgatrace.gz`, CORPUS)));
  const images: { name: string; image: Rgba8Image }[] = [];
  const summary = replayTrace(bytes, {
    createDevice: ({ vramBytes, sink }) =>
      new SvgaDevice({ vramBytes, sink, shaderValidator: validateSvgaShader, drawBackend: createDrawBackend({ shaderMode: mode }) }),
    gunzip: nodeGunzip,
    onImage: (imageName, image) => images.push({ name: imageName, image }),
  });
  return { images, diagnostics: summary.diagnostics.length };
}

/** Bytes at which two images differ (a size mismatch counts every byte). */
function differingBytes(a: Rgba8Image, b: Rgba8Image): number {
  if (a.width !== b.width || a.height !== b.height || a.data.length !== b.data.length) return Math.max(a.data.length, b.data.length);
  let n = 0;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) n++;
  return n;
}

/** Distinct RGBA values of an image (so a blank image cannot pass as a rendered one). */
function distinctColours(image: Rgba8Image): number {
  const seen = new Set<number>();
  const u = new Uint32Array(image.data.buffer, image.data.byteOffset, image.data.length >> 2);
  for (const x of u) seen.add(x);
  return seen.size;
}

describe("the draw path's shader mode: compiled and reference render the same bytes", () => {
  // rt-gamma-test: vs_2_0 / ps_2_0 cubes in 25 cells (small and quick; the golden suite renders the rest compiled).
  for (const name of ['rt-gamma-test']) {
    it(`${name}: vs_2_0 / ps_2_0 draws through SvgaDevice, image for image`, () => {
      const before = { ...defaultShaderCache.stats };
      const compiled = render(name, 'compiled');
      const compiledUse = defaultShaderCache.stats.hits + defaultShaderCache.stats.misses - before.hits - before.misses;
      const fallbacks = defaultShaderCache.stats.fallbackRuns - before.fallbackRuns;
      const mid = defaultShaderCache.stats.hits + defaultShaderCache.stats.misses;
      const reference = render(name, 'reference');
      // Reference mode never asks the compiled cache.
      expect(defaultShaderCache.stats.hits + defaultShaderCache.stats.misses).toBe(mid);
      expect([compiled.diagnostics, reference.diagnostics]).toEqual([0, 0]);
      expect(compiled.images.map((i) => i.name)).toEqual(reference.images.map((i) => i.name));
      expect(compiled.images.length).toBeGreaterThan(0);
      compiled.images.forEach((c, i) => {
        const r = reference.images[i] as { image: Rgba8Image };
        expect(differingBytes(c.image, r.image), c.name).toBe(0);
      });
      // The scene really is shaded (more than a clear colour), and by generated code.
      expect(Math.max(...compiled.images.map((i) => distinctColours(i.image)))).toBeGreaterThan(8);
      expect(compiledUse).toBeGreaterThan(0);
      expect(fallbacks).toBe(0);
    });
  }

  it("SvgaDevice's default draw backend runs the shaders through the compiled runners", () => {
    const before = defaultShaderCache.stats.hits + defaultShaderCache.stats.misses;
    const bytes = new Uint8Array(readFileSync(new URL('rt-gamma-test.svgatrace.gz', CORPUS)));
    const summary = replayTrace(bytes, {
      createDevice: ({ vramBytes, sink }) => new SvgaDevice({ vramBytes, sink, shaderValidator: validateSvgaShader }),
      gunzip: nodeGunzip,
    });
    expect(summary.diagnostics.length).toBe(0);
    expect(defaultShaderCache.stats.hits + defaultShaderCache.stats.misses).toBeGreaterThan(before);
  });
});
