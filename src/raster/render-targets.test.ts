import { describe, expect, it } from 'vitest';
import { packRgbaF32, SURFACE_FORMATS, SVGA3dSurfaceFormat as F } from '../formats/index.js';
import { rasterizePoint } from './draw-point.js';
import type { RenderTarget } from './raster-interfaces.js';
import { bindRenderTargets, checkRenderTargets } from './render-targets.js';
import { makeTarget, testContext, vtx } from './raster-test-support.js';

describe('render target checks', () => {
  it('refuse colour formats that cannot be packed, with the slot and format named', () => {
    expect(checkRenderTargets({ colors: [makeTarget(F.DXT1, 4, 4)] })).toBe('COLOR0: SVGA3D_DXT1 is not a renderable colour format');
    expect(checkRenderTargets({ colors: [undefined, makeTarget(F.UYVY, 4, 4)] })).toBe('COLOR1: SVGA3D_UYVY is not a renderable colour format');
    expect(checkRenderTargets({ colors: [makeTarget(F.Z_D16, 4, 4)] })).toBe('COLOR0: SVGA3D_Z_D16 cannot be packed as a colour');
    expect(checkRenderTargets({ colors: [makeTarget(9999, 4, 4)] })).toBe('COLOR0: format 9999 is not a renderable colour format');
  });

  it('refuse depth and stencil slots without depth or stencil bits', () => {
    expect(checkRenderTargets({ colors: [], depth: makeTarget(F.A8R8G8B8, 4, 4) })).toBe('DEPTH: SVGA3D_A8R8G8B8 has no depth bits');
    expect(checkRenderTargets({ colors: [], stencil: makeTarget(F.Z_D24X8, 4, 4) })).toBe('STENCIL: SVGA3D_Z_D24X8 has no stencil bits');
    expect(checkRenderTargets({ colors: [], stencil: makeTarget(F.Z_D16, 4, 4) })).toBe('STENCIL: SVGA3D_Z_D16 has no stencil bits');
    expect(checkRenderTargets({ colors: [], depth: makeTarget(F.Z_D24S8, 4, 4), stencil: makeTarget(F.Z_D15S1, 4, 4) })).toBeUndefined();
  });

  it('refuse images too small for their size and pitch', () => {
    const short: RenderTarget = { format: F.A8R8G8B8, image: { width: 4, height: 4, rowPitch: 16, bytes: new Uint8Array(63) } };
    expect(checkRenderTargets({ colors: [short] })).toBe('COLOR0 (SVGA3D_A8R8G8B8): 63 bytes, 64 needed');
    const pitch: RenderTarget = { format: F.R5G6B5, image: { width: 4, height: 1, rowPitch: 7, bytes: new Uint8Array(64) } };
    expect(checkRenderTargets({ colors: [pitch] })).toBe('COLOR0 (SVGA3D_R5G6B5): row pitch 7 below 4 × 2 bytes');
    const odd: RenderTarget = { format: F.Z_D16, image: { width: 1.5, height: 1, rowPitch: 4, bytes: new Uint8Array(64) } };
    expect(checkRenderTargets({ colors: [], depth: odd })).toBe('DEPTH (SVGA3D_Z_D16): non-integer or negative size 1.5×1 pitch 4');
    // A padded pitch is fine; the last row needs only its pixels.
    const padded: RenderTarget = { format: F.A8R8G8B8, image: { width: 2, height: 2, rowPitch: 12, bytes: new Uint8Array(20) } };
    expect(checkRenderTargets({ colors: [padded] })).toBeUndefined();
  });

  it('draw nothing into a refused set', () => {
    const ok = makeTarget(F.A8R8G8B8, 2, 2);
    const ctx = testContext({ targets: { colors: [ok, makeTarget(F.DXT5, 4, 4)] } });
    rasterizePoint(vtx(0, 0, 0, [1, 1, 1, 1]), 1, ctx);
    expect([...ok.image.bytes]).toEqual(new Array(16).fill(0));
    expect(ctx.counters.quadsShaded).toBe(0);
  });

  it('limit drawing to the smallest bound image', () => {
    const bound = bindRenderTargets({ colors: [makeTarget(F.A8R8G8B8, 8, 6)], depth: makeTarget(F.Z_D16, 5, 9) });
    expect(typeof bound === 'string' ? bound : bound.extent).toEqual({ x0: 0, y0: 0, x1: 5, y1: 6 });
  });
});

describe('every packable legacy colour format', () => {
  // Formats the formats module packs (uncompressed colour, luminance, bump, float): each is a
  // render target, and a full-mask write stores exactly what packRgbaF32 stores.
  const rgba = [0.25, 0.5, 0.75, 1] as const;
  const scratch = new Uint8Array(16);
  const packable = SURFACE_FORMATS.filter((info) => packRgbaF32(info.id, 0, 0, 0, 0, scratch, 0));

  it('covers the expected families', () => {
    expect(packable.length).toBe(30);
    expect(new Set(packable.map((i) => i.kind))).toEqual(new Set(['color-unorm', 'luminance-alpha', 'signed-bump', 'float16', 'float32']));
  });

  for (const info of packable) {
    it(`${info.name} is written like packRgbaF32`, () => {
      const rt = makeTarget(info.id, 2, 1);
      expect(checkRenderTargets({ colors: [rt] })).toBeUndefined();
      rasterizePoint(vtx(1, 0, 0, [...rgba]), 1, testContext({ targets: { colors: [rt] } }));
      const expected = new Uint8Array(2 * info.bytesPerBlock);
      packRgbaF32(info.id, ...rgba, expected, info.bytesPerBlock);
      expect([...rt.image.bytes]).toEqual([...expected]);
    });
  }
});
