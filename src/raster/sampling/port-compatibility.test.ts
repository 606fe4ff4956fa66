/**
 * Compile-time check that the structural types of `sampler-port.ts` still match the ports they
 * mirror. These are type-only imports in a test (erased at run time): the sampling code itself
 * imports neither the shader VM nor the device.
 */
import { describe, expect, it } from 'vitest';
import type { SurfaceView } from '../../device/surface-image.js';
import type { TextureSampler, TextureSampleRequest } from '../../shader-vm/interp/texture-sampler.js';
import type { SampleRequestLike, SurfaceViewLike } from './sampler-port.js';
import { createTextureSampler } from './texture-sampler.js';
import { samplerState } from './sampling-test-support.js';

describe('port compatibility', () => {
  it('is a TextureSampler of the VM and reads the device SurfaceView', () => {
    const asVmSampler: TextureSampler = createTextureSampler([]);
    const asRequest = (r: TextureSampleRequest): SampleRequestLike => r;
    const asSurface = (s: SurfaceView): SurfaceViewLike => s;
    const view: SurfaceView = { sid: 1, format: 2, flags: 0, faceCount: 1, mipLevels: 0, image: () => undefined };
    const out = new Float32Array(4).fill(7);
    const sampler = createTextureSampler([{ surface: asSurface(view), state: samplerState() }]);
    const req = asRequest({
      sampler: 0, variant: 'plain', lanes: 1, mask: 1,
      coords: new Float32Array(4), ddx: new Float32Array(4), ddy: new Float32Array(4), lod: new Float32Array(1),
    });
    sampler.sample(req, out);
    asVmSampler.sample(req, out);
    expect([...out]).toEqual([0, 0, 0, 1]);
  });
});
