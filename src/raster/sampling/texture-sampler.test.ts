import { describe, expect, it } from 'vitest';
import { SVGA3dTextureAddress as A, SVGA3dTextureFilter as F } from '../../svga3d-decoder/spec/enums-texture-state.js';
import type { SampleRequestLike, SurfaceImageLike, SurfaceViewLike } from './sampler-port.js';
import type { SamplerState } from './sampler-state.js';
import { argbImage, request, samplerState, solidImage, surface, u8 } from './sampling-test-support.js';
import { createTextureSampler } from './texture-sampler.js';

function sample(view: SurfaceViewLike | undefined, state: SamplerState, req: SampleRequestLike): number[] {
  const out = new Float32Array(4 * req.lanes).fill(NaN);
  createTextureSampler([{ surface: view, state }]).sample(req, out);
  return [...out];
}

const plain = (coords: number[], opts: Parameters<typeof request>[2] = {}) => request('plain', coords, opts);

/** 4×1: R = 0, 85, 170, 255 (texel i samples as u8(85·i)), opaque. */
const ramp = surface(2, [[argbImage(4, 1, [0xff000000, 0xff550000, 0xffaa0000, 0xffff0000])]]);
const rampR = (u: number, state: Partial<SamplerState>): number => sample(ramp, samplerState(state), plain([u, 0.5, 0, 1]))[0] as number;
const texel = (i: number): number => u8(85 * i);

describe('address modes with point sampling (4×1, magnified)', () => {
  it('WRAP', () => {
    const s = { addressU: A.WRAP };
    expect([0, 0.25, 0.5, 0.75, 1, -0.125, -0.25, -1].map((u) => rampR(u, s))).toEqual([0, 1, 2, 3, 0, 3, 3, 0].map(texel));
  });
  it('MIRROR', () => {
    const s = { addressU: A.MIRROR };
    expect([-0.125, -0.375, 1.125, 1.375, 2.125].map((u) => rampR(u, s))).toEqual([0, 1, 3, 2, 0].map(texel));
  });
  it('CLAMP and EDGE', () => {
    for (const mode of [A.CLAMP, A.EDGE]) {
      expect([-0.125, -7, 0.99, 1, 5].map((u) => rampR(u, { addressU: mode }))).toEqual([0, 0, 3, 3, 3].map(texel));
    }
  });
  it('MIRRORONCE', () => {
    const s = { addressU: A.MIRRORONCE };
    expect([-0.125, -0.375, -1.5, 1.25].map((u) => rampR(u, s))).toEqual([0, 1, 3, 3].map(texel));
  });
  it('BORDER uses BORDERCOLOR (0xAARRGGBB) outside the image', () => {
    const state = samplerState({ addressU: A.BORDER, borderColor: 0x80402010 });
    expect(sample(ramp, state, plain([-0.125, 0.5, 0, 1]))).toEqual([u8(0x40), u8(0x20), u8(0x10), u8(0x80)]);
    expect(sample(ramp, state, plain([1, 0.5, 0, 1]))).toEqual([u8(0x40), u8(0x20), u8(0x10), u8(0x80)]);
    expect(sample(ramp, state, plain([0.99, 0.5, 0, 1]))).toEqual([1, 0, 0, 1]);
  });
  it('addresses V independently (4×4, R = 85·x, G = 85·y)', () => {
    const texels: number[] = [];
    for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) texels.push(0xff000000 | ((85 * x) << 16) | ((85 * y) << 8));
    const grid = surface(2, [[argbImage(4, 4, texels)]]);
    expect(sample(grid, samplerState({ addressU: A.CLAMP, addressV: A.WRAP }), plain([1.5, -0.125, 0, 1]))).toEqual([1, 1, 0, 1]);
    expect(sample(grid, samplerState({ addressU: A.WRAP, addressV: A.MIRROR }), plain([0.3, -0.3, 0, 1]))).toEqual([u8(85), u8(85), 0, 1]);
    expect(sample(grid, samplerState({ addressV: A.BORDER, borderColor: 0xff0000ff }), plain([0.5, 1.1, 0, 1]))).toEqual([0, 0, 1, 1]);
  });
});

/** 4×1: R = 0, 1, 0, 1 and G = 0, 0, 1, 1. */
const stripes = surface(2, [[argbImage(4, 1, [0xff000000, 0xffff0000, 0xff00ff00, 0xffffff00])]]);
const linear = { magFilter: F.LINEAR, minFilter: F.LINEAR };

describe('bilinear weights (8 fraction bits)', () => {
  const at = (u: number, extra: Partial<SamplerState> = {}) => sample(stripes, samplerState({ ...linear, ...extra }), plain([u, 0.5, 0, 1]));
  it('weighs the two nearest texel centres', () => {
    expect(at(0.25)).toEqual([0.5, 0, 0, 1]); // x = 1.0: halfway between texels 0 and 1
    expect(at(0.375)).toEqual([1, 0, 0, 1]); // exactly on texel 1's centre
    expect(at(0.5)).toEqual([0.5, 0.5, 0, 1]);
    // 0.3 (float32) × 4 = 1.2000000477 → floor(307.2) − 128 = 179 → weight 179/256 of texel 1.
    expect(at(Math.fround(0.3))).toEqual([0.69921875, 0, 0, 1]);
  });
  it('wraps, clamps or borders the outer tap', () => {
    expect(at(0)).toEqual([0.5, 0.5, 0, 1]); // WRAP: texels 3 and 0
    expect(at(0, { addressU: A.CLAMP })).toEqual([0, 0, 0, 1]);
    expect(at(0, { addressU: A.BORDER, borderColor: 0xffffffff })).toEqual([0.5, 0.5, 0.5, 1]);
    expect(at(0, { addressU: A.BORDER, borderColor: 0 })).toEqual([0, 0, 0, 0.5]);
    expect(at(-0.125)).toEqual([1, 1, 0, 1]); // exactly texel −1 = texel 3
  });
  it('filters along U, then V (4×4 with one white texel at (1, 1))', () => {
    const texels = new Array<number>(16).fill(0xff000000);
    texels[5] = 0xffffffff;
    const one = surface(2, [[argbImage(4, 4, texels)]]);
    // x = 1.0 → weight 0.5; y = 1.25 → p = 192 → rows 0 and 1, weight 0.75: 0.5 · 0.75.
    expect(sample(one, samplerState(linear), plain([0.25, 0.3125, 0, 1]))).toEqual([0.375, 0.375, 0.375, 1]);
  });
});

/** 8×8 with 4 solid levels: L0 black, L1 red, L2 green, L3 blue. */
const mipped = surface(2, [[solidImage(8, 8, 0xff000000), solidImage(4, 4, 0xffff0000), solidImage(2, 2, 0xff00ff00), solidImage(1, 1, 0xff0000ff)]]);
const LEVEL = [[0, 0, 0, 1], [1, 0, 0, 1], [0, 1, 0, 1], [0, 0, 1, 1]];
const mipPoint = { ...linear, mipFilter: F.NEAREST };

describe('mip selection', () => {
  const lvl = (req: SampleRequestLike, extra: Partial<SamplerState> = {}) => sample(mipped, samplerState({ ...mipPoint, ...extra }), req);
  const dx = (d: number) => ({ ddx: [d, 0, 0, 0] });
  it('picks the level from the implicit derivatives, LOD 0 and 1 exactly', () => {
    expect(lvl(plain([0.5, 0.5, 0, 1], dx(1 / 8)))).toEqual(LEVEL[0]);
    expect(lvl(plain([0.5, 0.5, 0, 1], dx(2 / 8)))).toEqual(LEVEL[1]);
    expect(lvl(plain([0.5, 0.5, 0, 1], { ddy: [0, 4 / 8, 0, 0] }))).toEqual(LEVEL[2]);
    expect(lvl(plain([0.5, 0.5, 0, 1], dx(1000)))).toEqual(LEVEL[3]);
  });
  it('adds TEXTURE_LOD_BIAS and the texldb bias', () => {
    expect(lvl(plain([0.5, 0.5, 0, 1], dx(1 / 8)), { lodBias: 1 })).toEqual(LEVEL[1]);
    expect(lvl(request('bias', [0.5, 0.5, 0, -1], { ...dx(2 / 8), lod: [-1] }))).toEqual(LEVEL[0]);
    expect(lvl(request('bias', [0.5, 0.5, 0, 0.5], { ...dx(1 / 8), lod: [0.5] }))).toEqual(LEVEL[1]); // .5 rounds up
  });
  it('clamps to TEXTURE_MIPMAP_LEVEL and to the last level', () => {
    expect(lvl(plain([0.5, 0.5, 0, 1], dx(1 / 8)), { maxMipLevel: 2 })).toEqual(LEVEL[2]);
    expect(lvl(plain([0.5, 0.5, 0, 1], dx(1 / 8)), { maxMipLevel: 9 })).toEqual(LEVEL[3]);
    expect(lvl(plain([0.5, 0.5, 0, 1], dx(1 / 8)), { mipFilter: F.NONE, maxMipLevel: 1 })).toEqual(LEVEL[1]);
  });
  it('blends two levels by the 8-bit LOD fraction (trilinear)', () => {
    // ρ = 3 → lod = log2(3) = 1.5849625 → q = 405 → levels 1 and 2, weight 149/256.
    const r = lvl(plain([0.5, 0.5, 0, 1], dx(3 / 8)), { mipFilter: F.LINEAR });
    expect(r).toEqual([1 - 149 / 256, 149 / 256, 0, 1]);
  });
  it('texldl takes the explicit level (plus TEXTURE_LOD_BIAS) and ignores derivatives', () => {
    expect(lvl(request('lod', [0.5, 0.5, 0, 2], { ...dx(1000), lod: [2] }))).toEqual(LEVEL[2]);
    expect(lvl(request('lod', [0.5, 0.5, 0, 2], { lod: [2] }), { lodBias: -1 })).toEqual(LEVEL[1]);
    expect(lvl(request('lod', [0.5, 0.5, 0, -5], { lod: [-5] }))).toEqual(LEVEL[0]);
  });
  it('texldd uses the given gradients and texldp the divided coordinates, like texld', () => {
    expect(lvl(request('grad', [0.5, 0.5, 0, 1], { ddx: [0, 0, 0, 0], ddy: [0, 2 / 8, 0, 0] }))).toEqual(LEVEL[1]);
    expect(lvl(request('projected', [0.5, 0.5, 0, 4], dx(4 / 8)))).toEqual(LEVEL[2]);
  });
  it('samples a vertex (one lane, texldl) with the same rules', () => {
    expect(lvl(request('lod', [0.5, 0.5, 0, 3], { lod: [3] }))).toEqual(LEVEL[3]);
  });
  it('takes each lane of a quad on its own, writing (0, 0, 0, 1) to lanes outside the mask', () => {
    const req = plain([0.5, 0.5, 0, 1, 0.5, 0.5, 0, 1, 0.5, 0.5, 0, 1, 0.5, 0.5, 0, 1], {
      ddx: [1 / 8, 0, 0, 0, 2 / 8, 0, 0, 0, 4 / 8, 0, 0, 0, 8 / 8, 0, 0, 0],
      mask: 0b1011,
    });
    expect(lvl(req)).toEqual([...LEVEL[0]!, ...LEVEL[1]!, 0, 0, 0, 1, ...LEVEL[3]!]);
  });
  it('ends the mip chain at the first level whose bytes are short', () => {
    const good = solidImage(4, 4, 0xffff0000);
    const broken = surface(2, [[solidImage(8, 8, 0xff000000), { ...good, bytes: good.bytes.subarray(0, 60) }]]);
    expect(sample(broken, samplerState(mipPoint), plain([0.5, 0.5, 0, 1], dx(2 / 8)))).toEqual(LEVEL[0]);
  });
});

describe('magnification, minification and MINFILTER NONE', () => {
  // Level 0 is the stripes, level 1 solid blue.
  const two = surface(2, [[argbImage(4, 1, [0xff000000, 0xffff0000, 0xff00ff00, 0xffffff00]), solidImage(2, 1, 0xff0000ff)]]);
  const at = (ddx: number, state: Partial<SamplerState>) => sample(two, samplerState(state), plain([0.25, 0.5, 0, 1], { ddx: [ddx, 0, 0, 0] }));
  it('uses MAGFILTER at lod 0 and MINFILTER above it', () => {
    const state = { magFilter: F.LINEAR, minFilter: F.NEAREST, mipFilter: F.NONE };
    expect(at(0.25, state)).toEqual([0.5, 0, 0, 1]); // ρ = 1: lod 0 magnifies (bilinear)
    expect(at(0.5, state)).toEqual([1, 0, 0, 1]); // ρ = 2: lod 1 minifies (point on level 0)
  });
  it('MINFILTER NONE minifies with MAGFILTER and no mipmapping', () => {
    expect(at(0.5, { magFilter: F.LINEAR, minFilter: F.NONE, mipFilter: F.NEAREST })).toEqual([0.5, 0, 0, 1]);
    expect(at(0.5, { magFilter: F.LINEAR, minFilter: F.LINEAR, mipFilter: F.NEAREST })).toEqual([0, 0, 1, 1]);
  });
});

describe('anisotropic filtering', () => {
  // Level 0: 8×8, columns 3–7 red; levels 1–3 solid 0x33 red.
  const row = [0, 0, 0, 1, 1, 1, 1, 1].map((r) => (r ? 0xffff0000 : 0xff000000));
  const aniso = surface(2, [[argbImage(8, 8, Array.from({ length: 8 }, () => row).flat()), solidImage(4, 4, 0xff330000), solidImage(2, 2, 0xff330000), solidImage(1, 1, 0xff330000)]]);
  const req = plain([0.5, 0.5, 0, 1], { ddx: [0.5, 0, 0, 0], ddy: [0, 0.125, 0, 0] }); // ρx = 4, ρy = 1
  const state = (maxAnisotropy: number) => samplerState({ magFilter: F.LINEAR, minFilter: F.ANISOTROPIC, mipFilter: F.LINEAR, maxAnisotropy });
  it('takes N probes along the major axis at the LOD of ρmax / N', () => {
    // N = 4, lod 0: probes at u = 0.3125, 0.4375, 0.5625, 0.6875 hit texels 2, 3, 4, 5 exactly.
    expect(sample(aniso, state(4), req)).toEqual([0.75, 0, 0, 1]);
    // N = 2: lod 1 lands on level 1.
    expect(sample(aniso, state(2), req)).toEqual([u8(0x33), 0, 0, 1]);
  });
  it('uses the full level when ρmin is 0, and adds the texldb bias to the probes’ LOD', () => {
    // N = 8, lod = ½·log2(16 / 64) = −1 → level 0; probes at x = 2.25 … 5.75 read
    // 0, 0.25, 0.75, 1, 1, 1, 1, 1 (bilinear): sum 6, mean 0.75.
    const flat = plain([0.5, 0.5, 0, 1], { ddx: [0.5, 0, 0, 0], ddy: [0, 0, 0, 0] });
    expect(sample(aniso, state(8), flat)).toEqual([0.75, 0, 0, 1]);
    // N = 4 at lod 0 + bias 1 → level 1 (solid 0x33): four equal probes summed, then / 4.
    const c = u8(0x33);
    const sum4 = Math.fround(Math.fround(Math.fround(Math.fround(c + c) + c) + c) / 4);
    const biased = request('bias', [0.5, 0.5, 0, 1], { ddx: [0.5, 0, 0, 0], ddy: [0, 0.125, 0, 0], lod: [1] });
    expect(sample(aniso, state(4), biased)).toEqual([sum4, 0, 0, 1]);
  });
  it('is isotropic (trilinear at log2 ρmax) when TEXTURE_ANISOTROPIC_LEVEL is 1 or under texldl', () => {
    expect(sample(aniso, state(1), req)).toEqual([u8(0x33), 0, 0, 1]);
    // texldl at lod 0 magnifies: bilinear on level 0 at x = 3.0, between texels 2 and 3.
    expect(sample(aniso, state(4), request('lod', [0.375, 0.5, 0, 0], { ddx: [0.5, 0, 0, 0], lod: [0] }))).toEqual([0.5, 0, 0, 1]);
  });
});

describe('cube maps', () => {
  // Face f, texel (x, y): R = 40·f, G = 80·(2y + x).
  const faces = Array.from({ length: 6 }, (_, f) => [
    argbImage(2, 2, [0, 1, 2, 3].map((i) => 0xff000000 | ((40 * f) << 16) | ((80 * i) << 8))),
    solidImage(1, 1, 0xff0000ff),
  ]);
  const cube = surface(2, faces);
  const cubeState = (extra: Partial<SamplerState> = {}) => samplerState({ shape: 'cube', ...extra });
  const lookup = (x: number, y: number, z: number, extra: Partial<SamplerState> = {}) => sample(cube, cubeState(extra), plain([x, y, z, 1]));
  it('samples the face of the major axis at its (s, t)', () => {
    expect(lookup(2, 1, -1)).toEqual([0, u8(80), 0, 1]); // POSX (0.75, 0.25) → texel (1, 0)
    expect(lookup(-2, 1, -1)).toEqual([u8(40), 0, 0, 1]); // NEGX (0.25, 0.25) → (0, 0)
    expect(lookup(1, 2, -1)).toEqual([u8(80), u8(80), 0, 1]); // POSY (0.75, 0.25) → (1, 0)
    expect(lookup(1, -2, -1)).toEqual([u8(120), u8(240), 0, 1]); // NEGY (0.75, 0.75) → (1, 1)
    expect(lookup(1, -1, 2)).toEqual([u8(160), u8(240), 0, 1]); // POSZ (0.75, 0.75) → (1, 1)
    expect(lookup(1, -1, -2)).toEqual([u8(200), u8(160), 0, 1]); // NEGZ (0.25, 0.75) → (0, 1)
  });
  it('clamps inside the face whatever the address modes (no filtering across faces)', () => {
    // (1, 1, 0): POSX at s = 0.5, t = 0: rows −1 and 0 clamp to row 0; columns 0 and 1 half each.
    expect(lookup(1, 1, 0, { ...linear, addressU: A.WRAP, addressV: A.WRAP })).toEqual([0, Math.fround(u8(80) / 2), 0, 1]);
  });
  it('measures LOD on the face: st(c + ddx) − st(c)', () => {
    // POSX, z from −1 to −5: s from 0.75 to 1.75, 1 face width = 2 texels → lod 1 → level 1.
    const req = plain([2, 1, -1, 1], { ddx: [0, 0, -4, 0] });
    expect(sample(cube, cubeState({ mipFilter: F.NEAREST }), req)).toEqual([0, 0, 1, 1]);
  });
  it('samples a 6-face surface as a cube through an undeclared (ps_1_x) sampler', () => {
    expect(sample(cube, samplerState({ shape: 'auto' }), plain([1, -1, -2, 1]))).toEqual([u8(200), u8(160), 0, 1]);
  });
  it('is unbound on a surface without 6 faces', () => {
    expect(sample(ramp, cubeState(), plain([1, 0, 0, 1]))).toEqual([0, 0, 0, 1]);
  });
});

describe('volume textures', () => {
  // 2×2×4: slice z has R = 85·z, B = 0, 255, 0, 255.
  const slices: number[] = [];
  for (let z = 0; z < 4; z++) for (let i = 0; i < 4; i++) slices.push(0xff000000 | ((85 * z) << 16) | (z & 1 ? 0xff : 0));
  const vol = surface(2, [[argbImage(2, 2, slices, 4), solidImage(1, 1, 0xff00ff00, 2)]]);
  const volState = (extra: Partial<SamplerState> = {}) => samplerState({ shape: 'volume', ...extra });
  it('selects the slice from w with ADDRESSW', () => {
    expect(sample(vol, volState(), plain([0.5, 0.5, 0.375, 1]))).toEqual([u8(85), 0, 1, 1]);
    expect(sample(vol, volState({ addressW: A.WRAP }), plain([0.5, 0.5, -0.125, 1]))).toEqual([1, 0, 1, 1]);
    expect(sample(vol, volState({ addressW: A.CLAMP }), plain([0.5, 0.5, -0.125, 1]))).toEqual([0, 0, 0, 1]);
  });
  it('filters between slices', () => {
    // w = 0.25 → z = 1.0 → slices 0 and 1, half each.
    expect(sample(vol, volState(linear), plain([0.5, 0.5, 0.25, 1]))).toEqual([Math.fround(u8(85) / 2), 0, 0.5, 1]);
  });
  it('takes w derivatives into the LOD', () => {
    expect(sample(vol, volState({ mipFilter: F.NEAREST }), plain([0.5, 0.5, 0.375, 1], { ddx: [0, 0, 0.5, 0] }))).toEqual([0, 1, 0, 1]);
  });
  it('reads slice 0 through a 2D sampler', () => {
    expect(sample(vol, samplerState({ shape: '2d' }), plain([0.5, 0.5, 0.375, 1]))).toEqual([0, 0, 0, 1]);
  });
  it('samples as a volume through an undeclared (ps_1_x) sampler', () => {
    expect(sample(vol, samplerState({ shape: 'auto' }), plain([0.5, 0.5, 0.375, 1]))).toEqual([u8(85), 0, 1, 1]);
  });
});

describe('unbound and unusable samplers give (0, 0, 0, 1)', () => {
  const out = (bindings: Parameters<typeof createTextureSampler>[0], req: SampleRequestLike) => {
    const o = new Float32Array(4 * req.lanes).fill(NaN);
    createTextureSampler(bindings).sample(req, o);
    return [...o];
  };
  const req = plain([0.5, 0.5, 0, 1]);
  it('for missing bindings, surfaces and indices', () => {
    expect(out([undefined], req)).toEqual([0, 0, 0, 1]);
    expect(out([{ state: samplerState() }], req)).toEqual([0, 0, 0, 1]);
    expect(out([{ surface: ramp, state: samplerState() }], request('plain', [0.5, 0.5, 0, 1], { sampler: 3 }))).toEqual([0, 0, 0, 1]);
    expect(out([{ surface: ramp, state: samplerState() }], request('plain', [0.5, 0.5, 0, 1], { sampler: -1 }))).toEqual([0, 0, 0, 1]);
  });
  it('for BUFFER and unknown formats, empty mip chains and short or inconsistent images', () => {
    const img = solidImage(4, 1, 0xffffffff);
    expect(out([{ surface: surface(37, [[{ ...img, width: 16 }]]), state: samplerState() }], req)).toEqual([0, 0, 0, 1]);
    expect(out([{ surface: surface(77, [[img]]), state: samplerState() }], req)).toEqual([0, 0, 0, 1]);
    expect(out([{ surface: surface(2, [[]]), state: samplerState() }], req)).toEqual([0, 0, 0, 1]);
    expect(out([{ surface: surface(2, [[{ ...img, bytes: img.bytes.subarray(0, 15) }]]), state: samplerState() }], req)).toEqual([0, 0, 0, 1]);
    expect(out([{ surface: surface(2, [[{ ...img, rowPitch: 8 }]]), state: samplerState() }], req)).toEqual([0, 0, 0, 1]);
    expect(out([{ surface: surface(2, [[{ ...img, width: 0 }]]), state: samplerState() }], req)).toEqual([0, 0, 0, 1]);
    expect(out([{ surface: surface(2, [[{ ...img, height: 2.5 }]]), state: samplerState() }], req)).toEqual([0, 0, 0, 1]);
  });
  it('for hostile surface views', () => {
    const img = solidImage(2, 2, 0xffffffff);
    const view = (over: Partial<SurfaceViewLike>): SurfaceViewLike => ({ ...surface(2, [[img]]), ...over });
    const white = [1, 1, 1, 1];
    expect(out([{ surface: view({ mipLevels: 1e9 }), state: samplerState() }], req)).toEqual(white);
    expect(out([{ surface: view({ mipLevels: NaN }), state: samplerState() }], req)).toEqual([0, 0, 0, 1]);
    expect(out([{ surface: view({ faceCount: 6 }), state: samplerState({ shape: 'cube' }) }], req)).toEqual([0, 0, 0, 1]);
    const bad = (over: object) => out([{ surface: surface(2, [[{ ...img, ...over } as SurfaceImageLike]]), state: samplerState() }], req);
    expect(bad({ bytes: [255, 255, 255, 255] })).toEqual([0, 0, 0, 1]);
    expect(bad({ rowPitch: NaN })).toEqual([0, 0, 0, 1]);
    expect(bad({ rowPitch: 12 })).toEqual([0, 0, 0, 1]); // 12 ≥ 8, but 2 rows of 12 need 20 bytes
    expect(bad({ depth: 2, slicePitch: 16 })).toEqual([0, 0, 0, 1]);
    expect(bad({ depth: 2, slicePitch: 4 })).toEqual([0, 0, 0, 1]);
    expect(bad({ width: 2 ** 25, height: 1, rowPitch: 2 ** 27, bytes: new Uint8Array(8) })).toEqual([0, 0, 0, 1]);
  });
  it('tells the caller which bound surfaces cannot be sampled and why', () => {
    const heard: string[] = [];
    const img = solidImage(4, 1, 0xffffffff);
    createTextureSampler(
      [
        undefined,
        { state: samplerState() },
        { surface: ramp, state: samplerState() },
        { surface: surface(37, [[img]]), state: samplerState() },
        { surface: ramp, state: samplerState({ shape: 'cube' }) },
        { surface: surface(2, [[{ ...img, bytes: img.bytes.subarray(0, 15) }]]), state: samplerState() },
      ],
      { unusable: (i, reason) => heard.push(`${i}: ${reason}`) },
    );
    expect(heard).toEqual([
      '3: format 37 cannot be sampled',
      '4: a cube sampler needs 6 faces, the surface has 1',
      '5: level 0 of SVGA3D_A8R8G8B8 is missing or inconsistent with its size',
    ]);
  });
  it('never writes past `out` or more lanes than asked', () => {
    const o = new Float32Array(6).fill(9);
    createTextureSampler([{ surface: ramp, state: samplerState() }]).sample({ ...plain([0.5, 0.5, 0, 1, 0.5, 0.5, 0, 1]), lanes: 7 }, o);
    expect([...o]).toEqual([u8(170), 0, 0, 1, 9, 9]);
  });
});
