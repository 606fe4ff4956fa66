import { describe, expect, it } from 'vitest';
import { readTexelRgbaF32, SURFACE_FORMATS, SVGA3dSurfaceFormat as SF, imageLayout } from '../../formats/index.js';
import { SRGB_TO_LINEAR } from './srgb.js';
import { argbImage, image, request, samplerState, surface, u8 } from './sampling-test-support.js';
import { createTextureSampler } from './texture-sampler.js';
import { SVGA3dTextureFilter as F } from '../../svga3d-decoder/spec/enums-texture-state.js';
import type { SamplerState } from './sampler-state.js';

function texelOf(format: number, width: number, height: number, bytes: number[], x = 0, y = 0, state: Partial<SamplerState> = {}): number[] {
  const out = new Float32Array(4);
  const tex = surface(format, [[image(format, width, height, Uint8Array.from(bytes))]]);
  createTextureSampler([{ surface: tex, state: samplerState(state) }]).sample(request('plain', [(x + 0.5) / width, (y + 0.5) / height, 0, 1]), out);
  return [...out];
}

const f32 = (v: number): number[] => [...new Uint8Array(Float32Array.of(v).buffer)];

describe('one texel of hand-made bytes per format family (D3D9 swizzle and defaults)', () => {
  it('8-bit and packed colour formats', () => {
    expect(texelOf(SF.X8R8G8B8, 1, 1, [0x10, 0x20, 0x30, 0x00])).toEqual([u8(0x30), u8(0x20), u8(0x10), 1]);
    expect(texelOf(SF.A8R8G8B8, 1, 1, [0x10, 0x20, 0x30, 0x40])).toEqual([u8(0x30), u8(0x20), u8(0x10), u8(0x40)]);
    expect(texelOf(SF.R5G6B5, 1, 1, [0x00, 0xf8])).toEqual([1, 0, 0, 1]);
    expect(texelOf(SF.A1R5G5B5, 1, 1, [0x1f, 0x80])).toEqual([0, 0, 1, 1]);
    expect(texelOf(SF.A4R4G4B4, 1, 1, [0x0f, 0xf0])).toEqual([0, 0, 1, 1]);
    expect(texelOf(SF.G16R16, 1, 1, [0xff, 0xff, 0, 0])).toEqual([1, 0, 1, 1]);
  });
  it('luminance, alpha and signed formats', () => {
    expect(texelOf(SF.LUMINANCE8, 1, 1, [0x80])).toEqual([u8(128), u8(128), u8(128), 1]);
    expect(texelOf(SF.LUMINANCE4_ALPHA4, 1, 1, [0x3c])).toEqual([Math.fround(0.8), Math.fround(0.8), Math.fround(0.8), Math.fround(0.2)]);
    expect(texelOf(SF.ALPHA8, 1, 1, [0x40])).toEqual([0, 0, 0, u8(0x40)]);
    expect(texelOf(SF.V8U8, 1, 1, [0x7f, 0x81])).toEqual([1, -1, 1, 1]);
    expect(texelOf(SF.CxV8U8, 1, 1, [0, 0])).toEqual([0, 0, 1, 1]);
  });
  it('float formats', () => {
    expect(texelOf(SF.R_S10E5, 1, 1, [0x00, 0x3c])).toEqual([1, 1, 1, 1]);
    expect(texelOf(SF.R_S23E8, 1, 1, f32(2.5))).toEqual([2.5, 1, 1, 1]);
    expect(texelOf(SF.ARGB_S10E5, 1, 1, [0x00, 0x3c, 0x00, 0xc0, 0x00, 0x38, 0x00, 0x00])).toEqual([1, -2, 0.5, 0]);
  });
  it('depth formats as depth in R, G, B with A = 1', () => {
    expect(texelOf(SF.Z_D16, 1, 1, [0xff, 0xff])).toEqual([1, 1, 1, 1]);
    expect(texelOf(SF.Z_D24S8, 1, 1, [0x12, 0, 0, 0])).toEqual([0, 0, 0, 1]);
    expect(texelOf(SF.Z_DF24, 1, 1, [0x00, 0xff, 0xff, 0xff])).toEqual([1, 1, 1, 1]);
  });
  it('DXT1 and BC4 blocks', () => {
    // color0 = 0xF800 (red), color1 = 0x001F (blue); texel (1, 0) has index 1, the others 0.
    const dxt1 = [0x00, 0xf8, 0x1f, 0x00, 0b0100, 0, 0, 0];
    expect(texelOf(SF.DXT1, 4, 4, dxt1, 0, 0)).toEqual([1, 0, 0, 1]);
    expect(texelOf(SF.DXT1, 4, 4, dxt1, 1, 0)).toEqual([0, 0, 1, 1]);
    expect(texelOf(SF.BC4_UNORM, 4, 4, [255, 0, 0, 0, 0, 0, 0, 0], 2, 3)).toEqual([1, 1, 1, 1]);
  });
});

/** A deterministic byte stream (LCG, fixed seed). */
function bytesOf(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    b[i] = s >>> 24;
  }
  return b;
}

describe('every sampleable format', () => {
  it('point-samples each texel of a 4×4 image exactly as the formats module decodes it', () => {
    let checked = 0;
    for (const info of SURFACE_FORMATS) {
      if (info.kind === 'buffer') continue;
      const layout = imageLayout(info, 4, 4, 1);
      if (layout === undefined) throw new Error(info.name);
      const img = image(info.id, 4, 4, bytesOf(layout.byteSize, info.id * 7919));
      const sampler = createTextureSampler([{ surface: surface(info.id, [[img]]), state: samplerState() }]);
      const got = new Float32Array(4);
      const want = new Float32Array(4);
      for (let y = 0; y < 4; y++) {
        for (let x = 0; x < 4; x++) {
          sampler.sample(request('plain', [(x + 0.5) / 4, (y + 0.5) / 4, 0, 1]), got);
          expect(readTexelRgbaF32(info.id, img, x, y, 0, want), info.name).toBe(true);
          // Float textures may hold NaN: compare bit patterns.
          expect([...new Uint32Array(got.buffer)], `${info.name} (${x}, ${y})`).toEqual([...new Uint32Array(want.buffer)]);
          checked++;
        }
      }
    }
    expect(checked).toBe(16 * (SURFACE_FORMATS.length - 1));
  });
});

describe('sRGB decode (GAMMA)', () => {
  const grey = surface(SF.A8R8G8B8, [[argbImage(2, 1, [0x80808080, 0xff0000ff])]]);
  const at = (u: number, gamma: number, filter: number = F.NEAREST) => {
    const out = new Float32Array(4);
    createTextureSampler([{ surface: grey, state: samplerState({ gamma, magFilter: filter }) }]).sample(request('plain', [u, 0.5, 0, 1]), out);
    return [...out];
  };
  const lin = SRGB_TO_LINEAR[128] as number;
  it('decodes R, G, B (not alpha) when GAMMA > 1.5', () => {
    expect(at(0.25, 2.2)).toEqual([lin, lin, lin, u8(128)]);
    expect(at(0.25, Math.fround(1.6))).toEqual([lin, lin, lin, u8(128)]);
  });
  it('reads linear for GAMMA 1.0, 1.5, 0, negative and NaN', () => {
    for (const g of [1, 1.5, 0, -2.2, NaN]) expect(at(0.25, g)).toEqual([u8(128), u8(128), u8(128), u8(128)]);
  });
  it('decodes before filtering', () => {
    // Halfway between (128, 128, 128) and (0, 0, 255): linear-space averages.
    const r = at(0.5, 2.2, F.LINEAR);
    expect(r).toEqual([Math.fround(lin / 2), Math.fround(lin / 2), Math.fround(lin + Math.fround(0.5 * Math.fround(1 - lin))), Math.fround(u8(128) + Math.fround(0.5 * Math.fround(1 - u8(128))))]);
  });
  it('applies to DXT, and not to float or 16-bit formats', () => {
    const dxt1 = [0x00, 0x80, 0x00, 0x80, 0, 0, 0, 0]; // 0x8000: R5 = 16 → 132, G = B = 0
    expect(texelOf(SF.DXT1, 4, 4, dxt1, 0, 0, { gamma: 2.2 })).toEqual([SRGB_TO_LINEAR[132], 0, 0, 1]);
    expect(texelOf(SF.R_S23E8, 1, 1, f32(0.5), 0, 0, { gamma: 2.2 })).toEqual([0.5, 1, 1, 1]);
    expect(texelOf(SF.G16R16, 1, 1, [0x00, 0x80, 0, 0], 0, 0, { gamma: 2.2 })).toEqual([Math.fround(0x8000 / 0xffff), 0, 1, 1]);
  });
});
