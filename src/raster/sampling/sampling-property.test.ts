import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imageLayout, surfaceFormatInfo, SVGA3dSurfaceFormat as SF } from '../../formats/index.js';
import type { SampleVariantLike, SurfaceImageLike, SurfaceViewLike } from './sampler-port.js';
import type { SamplerShape, SamplerState } from './sampler-state.js';
import { createTextureSampler } from './texture-sampler.js';

/**
 * `bytes` behind a proxy whose reads outside [0, length) return a poison byte instead of
 * `undefined`. A typed-array view can never reach memory outside itself, so what must hold is
 * that such reads never change a result: every lookup on the poisoned surfaces must give the
 * same bits as on plain ones. (The formats codecs read a whole 32-bit word for sub-byte fields,
 * so the last texel of a 2-byte format touches up to 2 bytes past the end and masks them off.)
 */
function poisoned(bytes: Uint8Array): Uint8Array {
  return new Proxy(bytes, {
    get(target, prop) {
      if (typeof prop === 'string') {
        const n = Number(prop);
        if (prop !== '' && Number.isInteger(n) && (n < 0 || n >= target.length)) return 0xa5;
      }
      const v = (target as unknown as Record<string | symbol, unknown>)[prop];
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

function seededBytes(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    b[i] = s >>> 16;
  }
  return b;
}

function img(format: number, w: number, h: number, d: number, seed: number, poison: boolean): SurfaceImageLike {
  const info = surfaceFormatInfo(format);
  const layout = info && imageLayout(info, w, h, d);
  if (layout === undefined) throw new Error('bad test image');
  return { width: w, height: h, depth: d, rowPitch: layout.rowPitch, slicePitch: layout.slicePitch, bytes: poison ? poisoned(seededBytes(layout.byteSize, seed)) : seededBytes(layout.byteSize, seed) };
}

/** A surface of `faces` faces with a full mip chain from w × h × d. */
function chain(format: number, faces: number, w: number, h: number, d: number, poison = false): SurfaceViewLike {
  const levels: SurfaceImageLike[][] = [];
  for (let f = 0; f < faces; f++) {
    const l: SurfaceImageLike[] = [];
    for (let m = 0, x = w, y = h, z = d; ; m++, x = Math.max(1, x >> 1), y = Math.max(1, y >> 1), z = Math.max(1, z >> 1)) {
      l.push(img(format, x, y, z, 97 * f + m + format, poison));
      if (x === 1 && y === 1 && z === 1) break;
    }
    levels.push(l);
  }
  return { format, flags: faces === 6 ? 1 : 0, faceCount: faces, mipLevels: levels[0]!.length, image: (f, m) => levels[f]?.[m] };
}

type Shape = readonly [format: number, faces: number, w: number, h: number, d: number];
/** Formats whose every sample must lie in [0, 1]. */
const UNORM: readonly Shape[] = [
  [SF.A8R8G8B8, 1, 4, 4, 1],
  [SF.A8R8G8B8, 6, 4, 4, 1],
  [SF.A8R8G8B8, 1, 4, 2, 4],
  [SF.DXT1, 1, 8, 8, 1],
  [SF.DXT5, 6, 4, 4, 1],
  [SF.R5G6B5, 1, 5, 3, 2],
  [SF.NV12, 1, 4, 4, 1],
  [SF.UYVY, 1, 6, 2, 1],
  [SF.Z_D24S8, 1, 3, 3, 1],
  [SF.LUMINANCE8_ALPHA8, 1, 1, 7, 1],
];
const SHAPES: readonly Shape[] = [...UNORM, [SF.ARGB_S10E5, 1, 4, 4, 2], [SF.V8U8, 6, 2, 2, 1], [SF.R_S23E8, 1, 2, 2, 1]];
const PLAIN = SHAPES.map((sh) => chain(...sh));
const POISONED = SHAPES.map((sh) => chain(...sh, true));

const u32 = fc.oneof(fc.integer({ min: 0, max: 8 }), fc.constant(0xffffffff), fc.integer({ min: 0, max: 0xffffffff }));
const anyFloat = fc.oneof(fc.float(), fc.float({ min: -4, max: 4, noNaN: true }), fc.constantFrom(0, 0.5, 1, -0.5));
const stateArb: fc.Arbitrary<SamplerState> = fc.record({
  addressU: u32, addressV: u32, addressW: u32,
  magFilter: u32, minFilter: u32, mipFilter: u32,
  borderColor: fc.integer({ min: 0, max: 0xffffffff }),
  maxMipLevel: u32,
  lodBias: anyFloat,
  maxAnisotropy: u32,
  gamma: fc.oneof(fc.constant(2.2), anyFloat),
  shape: fc.constantFrom<SamplerShape>('2d', 'cube', 'volume'),
  shadow: fc.boolean(),
});
const requestArb = fc.record({
  variant: fc.constantFrom<SampleVariantLike>('plain', 'projected', 'bias', 'lod', 'grad'),
  lanes: fc.constantFrom(1, 4),
  mask: fc.integer({ min: 0, max: 15 }),
  coords: fc.array(anyFloat, { minLength: 16, maxLength: 16 }),
  ddx: fc.array(anyFloat, { minLength: 16, maxLength: 16 }),
  ddy: fc.array(anyFloat, { minLength: 16, maxLength: 16 }),
  lod: fc.array(anyFloat, { minLength: 4, maxLength: 4 }),
});

type RequestValue = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

describe('hostile sampling property', () => {
  it('never throws, never lets bytes outside an image change a result, stays in [0, 1] on unorm formats', () => {
    fc.assert(
      fc.property(fc.nat({ max: SHAPES.length - 1 }), stateArb, requestArb, (which, state, r) => {
        const unorm = which < UNORM.length;
        const req = { sampler: 0, variant: r.variant, lanes: r.lanes, mask: r.mask, coords: Float32Array.from(r.coords), ddx: Float32Array.from(r.ddx), ddy: Float32Array.from(r.ddy), lod: Float32Array.from(r.lod) };
        const out = new Float32Array(16).fill(NaN);
        createTextureSampler([{ surface: PLAIN[which], state }]).sample(req, out);
        const outPoisoned = new Float32Array(16).fill(NaN);
        createTextureSampler([{ surface: POISONED[which], state }]).sample(req, outPoisoned);
        expect([...new Uint32Array(outPoisoned.buffer)]).toEqual([...new Uint32Array(out.buffer)]);
        for (let l = 0; l < r.lanes; l++) {
          const px = [...out.subarray(4 * l, 4 * l + 4)];
          if (!(r.mask & (1 << l))) {
            expect(px).toEqual([0, 0, 0, 1]);
            continue;
          }
          // Signed and float formats may hold NaN or Inf texels; unorm ones never do.
          if (unorm) for (const v of px) expect(v >= 0 && v <= 1, `lane ${l}: ${px.join(', ')}`).toBe(true);
        }
        for (let i = 4 * r.lanes; i < 16; i++) expect(out[i]).toBeNaN();
      }),
      { seed: 42, numRuns: 400 },
    );
  });

  it('gives the reference path’s bits on the fast paths (8-bit reads, block cache, kernels)', () => {
    const shapes: readonly Shape[] = [...SHAPES, [SF.X8R8G8B8, 1, 8, 8, 1], [SF.LUMINANCE8, 1, 3, 5, 1], [SF.ALPHA8, 6, 2, 2, 1], [SF.DXT3, 1, 8, 4, 1], [SF.Z_D16, 1, 4, 4, 1]];
    const views = shapes.map((sh) => chain(...sh));
    const toReq = (r: RequestValue) => ({
      sampler: 0, variant: r.variant, lanes: r.lanes, mask: r.mask,
      coords: Float32Array.from(r.coords), ddx: Float32Array.from(r.ddx), ddy: Float32Array.from(r.ddy), lod: Float32Array.from(r.lod),
    });
    fc.assert(
      fc.property(fc.nat({ max: shapes.length - 1 }), stateArb, fc.array(requestArb, { minLength: 1, maxLength: 4 }), (which, state, reqs) => {
        const fast = createTextureSampler([{ surface: views[which], state }]);
        const reference = createTextureSampler([{ surface: views[which], state }], { reference: true });
        for (const r of reqs) {
          const req = toReq(r);
          const a = new Float32Array(16);
          const b = new Float32Array(16);
          fast.sample(req, a);
          reference.sample(req, b);
          expect([...new Uint32Array(a.buffer)]).toEqual([...new Uint32Array(b.buffer)]);
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
