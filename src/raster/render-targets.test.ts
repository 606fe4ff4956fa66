import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packRgbaF32, packStencil, readDepthCode, SURFACE_FORMATS, SVGA3dSurfaceFormat as F, unpackStencil } from '../formats/index.js';
import { rasterizePoint } from './draw-point.js';
import type { RenderTarget } from './raster-interfaces.js';
import { bindRenderTargets, checkRenderTargets, readField, writeField, type BoundDepthTarget } from './render-targets.js';
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

describe('depth and stencil fields', () => {
  const depthFormats = [F.Z_D16, F.Z_DF16, F.Z_D15S1, F.Z_D24S8, F.Z_D24X8, F.Z_DF24, F.Z_D24S8_INT, F.Z_D32];
  const stencilFormats = [F.Z_D15S1, F.Z_D24S8, F.Z_D24S8_INT];

  function bound(format: number, which: 'depth' | 'stencil'): { t: RenderTarget; b: BoundDepthTarget } {
    const t = makeTarget(format, 3, 2);
    const set = bindRenderTargets(which === 'depth' ? { colors: [], depth: t } : { colors: [], stencil: t });
    if (typeof set === 'string') throw new Error(set);
    return { t, b: (which === 'depth' ? set.depth : set.stencil)! };
  }

  it('read and write the bits readDepthCode and unpackStencil / packStencil use', () => {
    const texel = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(fc.constantFrom(...depthFormats), texel, fc.double({ min: 0, max: 1, noNaN: true }), (format, bytes, frac) => {
        const { t, b } = bound(format, 'depth');
        const at = (1 * 3 + 2) * b.bytesPerPixel; // pixel (2, 1)
        t.image.bytes.set(bytes.slice(0, b.bytesPerPixel), at);
        expect(readField(b, 2, 1)).toBe(readDepthCode(format, t.image.bytes, at));
        const stencilBefore = unpackStencil(format, t.image.bytes, at);
        const code = Math.floor(frac * b.max);
        writeField(b, 2, 1, code);
        expect(readDepthCode(format, t.image.bytes, at)).toBe(code);
        expect(unpackStencil(format, t.image.bytes, at)).toBe(stencilBefore);
        // X bits of D24X8 / DF24 are kept too: bits below and above the field are unchanged.
        let word = 0;
        let was = 0;
        for (let i = b.bytesPerPixel - 1; i >= 0; i--) {
          word = word * 256 + (t.image.bytes[at + i] ?? 0);
          was = was * 256 + (bytes[i] ?? 0);
        }
        const below = 2 ** b.fieldOffset;
        const above = 2 ** (b.fieldOffset + b.fieldBits);
        expect([word % below, Math.floor(word / above)]).toEqual([was % below, Math.floor(was / above)]);
      }),
      { seed: 42, numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...stencilFormats), texel, fc.integer({ min: 0, max: 255 }), (format, bytes, value) => {
        const { t, b } = bound(format, 'stencil');
        const at = 0;
        t.image.bytes.set(bytes.slice(0, b.bytesPerPixel), at);
        expect(readField(b, 0, 0)).toBe(unpackStencil(format, t.image.bytes, at));
        const expected = Uint8Array.from(t.image.bytes);
        packStencil(format, value & b.max, expected, at);
        writeField(b, 0, 0, value & b.max);
        expect([...t.image.bytes]).toEqual([...expected]);
      }),
      { seed: 43, numRuns: 200 },
    );
  });
});
