import { describe, expect, it } from 'vitest';
import { SVGA3dSurfaceFormat as SF } from '../../formats/index.js';
import { SVGA3dTextureAddress as A, SVGA3dTextureFilter as F } from '../../svga3d-decoder/spec/enums-texture-state.js';
import type { SampleRequestLike, SurfaceViewLike } from './sampler-port.js';
import type { SamplerState } from './sampler-state.js';
import { argbImage, image, request, samplerState, surface } from './sampling-test-support.js';
import { createTextureSampler } from './texture-sampler.js';

function sample(view: SurfaceViewLike, state: Partial<SamplerState>, req: SampleRequestLike): number[] {
  const out = new Float32Array(4);
  createTextureSampler([{ surface: view, state: samplerState(state) }]).sample(req, out);
  return [...out];
}

// Z_D16 2×1: depths 0x4000 / 65535 = 0.2500038 and 0xC000 / 65535 = 0.7500038; then 0xFFFF.
const d16 = surface(SF.Z_D16, [[image(SF.Z_D16, 3, 1, Uint8Array.of(0x00, 0x40, 0x00, 0xc0, 0xff, 0xff))]]);
const shadow = { shadow: true, addressU: A.CLAMP };
const at = (u: number, z: number, extra: Partial<SamplerState> = {}) => sample(d16, { ...shadow, ...extra }, request('plain', [u, 0.5, z, 1]));

describe('depth-compare (shadow) sampling', () => {
  it('compares z against the stored depth, passing when z ≤ depth', () => {
    expect(at(1 / 6, 0.5)).toEqual([0, 0, 0, 1]);
    expect(at(3 / 6, 0.5)).toEqual([1, 1, 1, 1]);
    expect(at(1 / 6, 0.25)).toEqual([1, 1, 1, 1]); // 0.25 ≤ 0.2500038
    expect(at(5 / 6, 1)).toEqual([1, 1, 1, 1]); // 1 ≤ 1
  });
  it('clamps the reference to [0, 1] (NaN → 0)', () => {
    expect(at(3 / 6, 2)).toEqual([0, 0, 0, 1]);
    expect(at(5 / 6, 2)).toEqual([1, 1, 1, 1]);
    expect(at(1 / 6, -3)).toEqual([1, 1, 1, 1]);
    expect(at(1 / 6, NaN)).toEqual([1, 1, 1, 1]);
  });
  it('filters compare results with the bilinear weights (PCF)', () => {
    // u = 1/3 → x = 1.0: texels 0 (fails) and 1 (passes), half each.
    expect(at(1 / 3, 0.5, { magFilter: F.LINEAR })).toEqual([0.5, 0.5, 0.5, 1]);
    // u = 0.25 → x = 0.75: p = 64 → weight 0.25 of texel 1.
    expect(at(0.25, 0.5, { magFilter: F.LINEAR })).toEqual([0.25, 0.25, 0.25, 1]);
  });
  it('uses the border colour’s R as the depth outside a BORDER image', () => {
    expect(at(-1, 0.5, { addressU: A.BORDER, borderColor: 0xff000000 })).toEqual([0, 0, 0, 1]);
    expect(at(-1, 0.5, { addressU: A.BORDER, borderColor: 0xffff0000 })).toEqual([1, 1, 1, 1]);
  });
  it('takes z as given by texldp (already divided by w)', () => {
    expect(sample(d16, shadow, request('projected', [1 / 6, 0.5, 0.125, 4]))).toEqual([1, 1, 1, 1]);
  });
  it('works on every depth format', () => {
    // 24-bit depth in bits 8–31: code 0x800000 / 0xFFFFFF = 0.50000003.
    const d24 = [0x00, 0x00, 0x00, 0x80];
    for (const format of [SF.Z_D24S8, SF.Z_D24X8, SF.Z_DF24, SF.Z_D24S8_INT]) {
      const view = surface(format, [[image(format, 1, 1, Uint8Array.from(d24))]]);
      expect(sample(view, shadow, request('plain', [0.5, 0.5, 0.5, 1])), `format ${format}`).toEqual([1, 1, 1, 1]);
      expect(sample(view, shadow, request('plain', [0.5, 0.5, 0.6, 1])), `format ${format}`).toEqual([0, 0, 0, 1]);
    }
    const df16 = surface(SF.Z_DF16, [[image(SF.Z_DF16, 1, 1, Uint8Array.of(0x00, 0x80))]]);
    expect(sample(df16, shadow, request('plain', [0.5, 0.5, 0.5, 1]))).toEqual([1, 1, 1, 1]);
    const d32 = surface(SF.Z_D32, [[image(SF.Z_D32, 1, 1, Uint8Array.of(0, 0, 0, 0x40))]]);
    expect(sample(d32, shadow, request('plain', [0.5, 0.5, 0.5, 1]))).toEqual([0, 0, 0, 1]);
  });
  it('returns the depth itself through a non-shadow sampler, and colours through a shadow one', () => {
    const d = Math.fround(0x4000 / 0xffff);
    expect(sample(d16, { addressU: A.CLAMP }, request('plain', [1 / 6, 0.5, 0.5, 1]))).toEqual([d, d, d, 1]);
    const colour = surface(SF.A8R8G8B8, [[argbImage(1, 1, [0x40ff8000])]]);
    expect(sample(colour, shadow, request('plain', [0.5, 0.5, 0.9, 1]))).toEqual([1, Math.fround(128 / 255), 0, Math.fround(64 / 255)]);
  });
});
