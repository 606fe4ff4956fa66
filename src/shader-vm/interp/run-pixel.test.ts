import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeShader } from '../decode/decoder.js';
import type { Instruction, ShaderProgram } from '../ir/ir.js';
import { DeclUsage } from '../ir/ir.js';
import { Opcode as O } from '../ir/opcodes.js';
import type { PixelQuadInput } from './run-pixel.js';
import { runPixelQuad } from './run-pixel.js';
import type { TextureSampleRequest, TextureSampler } from './texture-sampler.js';
import { R, S, dcl, def, op, program } from './testing/ir-builder.js';

type V4 = [number, number, number, number];
const corpus = new URL('../../../corpus/vmware-svga-sdk/shaders/', import.meta.url);

function decodeCorpus(name: string): ShaderProgram {
  const r = decodeShader(readFileSync(new URL(name, corpus)));
  if (!r.ok) throw new Error(name);
  return r.program;
}

/** A deterministic sampler: records each request and answers `answer(request, lane)` (default: the coordinates). */
function fakeSampler(answer?: (req: TextureSampleRequest, lane: number) => V4): TextureSampler & { seen: TextureSampleRequest[] } {
  const seen: TextureSampleRequest[] = [];
  return {
    seen,
    sample(req, out) {
      seen.push({ ...req, coords: req.coords.slice(), ddx: req.ddx.slice(), ddy: req.ddy.slice(), lod: req.lod.slice() });
      for (let l = 0; l < req.lanes; l++) {
        out.set(answer ? answer(req, l) : Array.from(req.coords.subarray(l * 4, l * 4 + 4)), l * 4);
      }
    },
  };
}

/** Per-pixel values of one register: [pixel0, pixel1, pixel2, pixel3]. */
function perPixel(stride: number, reg: number, values: V4[], length: number): Float32Array {
  const f = new Float32Array(length);
  values.forEach((v, p) => f.set(v, (p * stride + reg) * 4));
  return f;
}
const tcoords = (set: number, values: V4[]): Float32Array => perPixel(8, set, values, 128);
const same = (v: V4): V4[] => [v, v, v, v];

function bank(values: Record<number, V4>): Float32Array {
  const f = new Float32Array(1024);
  for (const [i, v] of Object.entries(values)) f.set(v, Number(i) * 4);
  return f;
}

function colors(p: ShaderProgram, input: Partial<PixelQuadInput>, target = 0): number[][] {
  const r = runPixelQuad(p, { constants: { float: new Float32Array(1024) }, ...input });
  expect(r.status).toBe('ok');
  return [0, 1, 2, 3].map((px) => Array.from(r.colors.subarray((target * 4 + px) * 4, (target * 4 + px) * 4 + 4)));
}

describe('corpus pixel shaders', () => {
  it('cube ps_2_0 passes v0 through, clamped to [0, 1] as ps < 3 colour inputs are', () => {
    const p = decodeCorpus('cubemark_ps.bin');
    const v = perPixel(16, 0, [[0.25, 0.5, 0.75, 1], [1.5, -1, 0, 1], [0, 0, 0, 0], [1, 1, 1, 1]], 256);
    expect(colors(p, { v })).toEqual([[0.25, 0.5, 0.75, 1], [1, 0, 0, 1], [0, 0, 0, 0], [1, 1, 1, 1]]);
  });
  it('simple-shaders ps_2_0 draws its checkerboard: blue-grey then white squares at z = 0', () => {
    const p = decodeCorpus('simple-shaders_ps.bin');
    const t = tcoords(0, [[0.05, 0.05, 0, 0], [0.15, 0.05, 0, 0], [0.05, 0.15, 0, 0], [0.15, 0.15, 0, 0]]);
    expect(colors(p, { t })).toEqual([[0.25, 0.25, 0.25, 1], [1, 1, 1, 1], [1, 1, 1, 1], [0.25, 0.25, 0.25, 1]]);
  });
});

describe('quad derivatives', () => {
  // t0 = (3x + 5y, 2xy) at pixel (x, y): fine differences differ between rows and columns.
  const t = tcoords(0, [[0, 0, 0, 0], [3, 0, 0, 0], [5, 0, 0, 0], [8, 2, 0, 0]]);
  it('dsx is right − left within each row, dsy is bottom − top within each column', () => {
    const dsx = program('ps_2_x', [dcl('t0'), op(O.DSX, R('r0'), [S('t0')]), op(O.MOV, R('oC0'), [S('r0')])]);
    expect(colors(dsx, { t }).map((c) => c.slice(0, 2))).toEqual([[3, 0], [3, 0], [3, 2], [3, 2]]);
    const dsy = program('ps_2_x', [dcl('t0'), op(O.DSY, R('r0'), [S('t0')]), op(O.MOV, R('oC0'), [S('r0')])]);
    expect(colors(dsy, { t }).map((c) => c.slice(0, 2))).toEqual([[5, 0], [5, 2], [5, 0], [5, 2]]);
  });
  it('texld passes the same derivatives of its coordinates to the sampler', () => {
    const s = fakeSampler();
    colors(program('ps_2_0', [dcl('t0'), dcl('s3', 0, 0, 2), op(O.TEX, R('r0'), [S('t0'), S('s3')]), op(O.MOV, R('oC0'), [S('r0')])]), { t, sampler: s });
    expect(s.seen.length).toBe(1);
    const req = s.seen[0] as TextureSampleRequest;
    expect([req.sampler, req.variant, req.lanes, req.mask]).toEqual([3, 'plain', 4, 0xf]);
    expect(Array.from(req.ddx).filter((_, i) => i % 4 < 2)).toEqual([3, 0, 3, 0, 3, 2, 3, 2]);
    expect(Array.from(req.ddy).filter((_, i) => i % 4 < 2)).toEqual([5, 0, 5, 2, 5, 0, 5, 2]);
  });
});

describe('SM2/SM3 texture variants', () => {
  const t = tcoords(0, same([1, 2, 3, 4]));
  const texProgram = (mode: 'texld' | 'texldp' | 'texldb', samplerType = 2): ShaderProgram =>
    program('ps_2_0', [dcl('t0'), dcl('s0', 0, 0, samplerType), op(O.TEX, R('r0'), [S('t0'), S('s0')], { texldMode: mode }), op(O.MOV, R('oC0'), [S('r0')])]);
  it('texldp divides by w except for cube samplers; texldb passes w as the bias', () => {
    const s = fakeSampler();
    expect(colors(texProgram('texldp'), { t, sampler: s })[0]).toEqual([0.25, 0.5, 0.75, 4]);
    expect(s.seen[0]?.variant).toBe('projected');
    expect(colors(texProgram('texldp', 3), { t, sampler: s })[0]).toEqual([1, 2, 3, 4]);
    colors(texProgram('texldb'), { t, sampler: s });
    expect(s.seen[2]?.variant).toBe('bias');
    expect(Array.from(s.seen[2]?.lod ?? [])).toEqual([4, 4, 4, 4]);
  });
  it('texldd passes explicit gradients; ps_3_0 s# swizzle permutes the result', () => {
    const s = fakeSampler();
    const p = program('ps_3_0', [
      dcl('v0', DeclUsage.TEXCOORD, 0), dcl('s1', 0, 0, 2), def(0, [0.5, 0, 0, 0]), def(1, [0, 0.25, 0, 0]),
      op(O.TEXLDD, R('r0'), [S('v0'), S('s1.wzyx'), S('c0'), S('c1')]),
      op(O.MOV, R('oC0'), [S('r0')]),
    ]);
    expect(colors(p, { v: perPixel(16, 0, same([1, 2, 3, 4]), 256), sampler: s })[0]).toEqual([4, 3, 2, 1]);
    expect(s.seen[0]?.variant).toBe('grad');
    expect(Array.from(s.seen[0]?.ddx ?? []).slice(0, 4)).toEqual([0.5, 0, 0, 0]);
    expect(Array.from(s.seen[0]?.ddy ?? []).slice(0, 4)).toEqual([0, 0.25, 0, 0]);
  });
  it('no sampler given: the unbound sampler answers (0, 0, 0, 1)', () => {
    expect(colors(texProgram('texld'), { t })[0]).toEqual([0, 0, 0, 1]);
  });
});

describe('pixel outputs', () => {
  it('oC0–oC3, oDepth, vPos and vFace', () => {
    const p = program('ps_3_0', [
      dcl('vPos.xy'), dcl('vFace'), def(0, [0.25, 0.5, 0.75, 1]),
      op(O.MOV, R('oC0'), [S('vPos')]),
      op(O.MOV, R('oC2'), [S('vFace')]),
      op(O.MOV, R('oDepth'), [S('c0.z')]),
    ]);
    const input = { vPos: new Float32Array([10, 20, 11, 20, 10, 21, 11, 21]), vFace: -1, constants: { float: new Float32Array(1024) } };
    const r = runPixelQuad(p, input);
    expect(r.colorsWritten).toBe(0b101);
    expect(Array.from(r.colors.subarray(12, 16))).toEqual([11, 21, 0, 1]);
    expect(Array.from(r.colors.subarray(32, 36))).toEqual([-1, -1, -1, -1]);
    expect(Array.from(r.depth ?? [])).toEqual([0.75, 0.75, 0.75, 0.75]);
    expect(r.killed).toBe(0);
  });
});

describe('ps_1_x', () => {
  const c = bank({ 1: [1.25, -0.5, -1.5, 1], 2: [-0.5, 1.25, 2, 1] });
  const clampBody: Instruction[] = [op(O.MOV, R('r1'), [S('c1')]), op(O.ADD, R('r0'), [S('r1'), S('c2')])];
  it('constants clamp to [−1, 1] in ps_1_x (API and DEF), not in ps_2_0 (Wine constant_clamp_ps_test)', () => {
    const run = (p: ShaderProgram): number[] => colors(p, { constants: { float: c } })[0] as number[];
    expect(run(program('ps_1_1', clampBody))).toEqual([0.5, 0.5, 0, 1]);
    // ps_1_4 registers hold ±8, so alpha keeps 1 + 1 = 2 (the render target saturates it later).
    expect(run(program('ps_1_4', [def(2, [-0.5, 1.25, 2, 1]), ...clampBody]))).toEqual([0.5, 0.5, 0, 2]);
    expect(run(program('ps_2_0', [...clampBody, op(O.MOV, R('oC0'), [S('r0')])]))).toEqual([0.75, 0.75, 0.5, 2]);
  });
  it('result shift, then saturate, then the ±1 (1.1–1.3) or ±8 (1.4) range', () => {
    const one = bank({ 1: [1, 0.5, -1, 0.25] });
    const body = [op(O.ADD, R('r0', { shift: 2 }), [S('c1'), S('c1')])]; // ×4
    expect(colors(program('ps_1_4', body), { constants: { float: one } })[0]).toEqual([8, 4, -8, 2]);
    expect(colors(program('ps_1_1', body), { constants: { float: one } })[0]).toEqual([1, 1, -1, 1]);
    expect(colors(program('ps_1_4', [op(O.MOV, R('r0', { shift: -1, saturate: true }), [S('c1')])]), { constants: { float: one } })[0]).toEqual([0.5, 0.25, 0, 0.125]);
  });
  it('source modifiers bias, bx2 and 1−x', () => {
    const k = bank({ 1: [0.75, 0.25, 1, 0] });
    const p = program('ps_1_4', [
      op(O.MOV, R('r0.x'), [S('c1.x', 'bias')]),
      op(O.MOV, R('r0.y'), [S('c1.y', 'sign')]),
      op(O.MOV, R('r0.z'), [S('c1.z', 'comp')]),
      op(O.MOV, R('r0.w'), [S('c1.y', 'x2')]),
    ]);
    expect(colors(p, { constants: { float: k } })[0]).toEqual([0.25, -0.5, 0, 0.5]);
  });
  it('a co-issued pair reads its sources before either half writes', () => {
    const k = bank({ 0: [0.5, 0.5, 0.5, 0.5], 1: [1, 1, 1, 1] });
    const p = program('ps_1_1', [
      op(O.MOV, R('r0'), [S('c0')]),
      op(O.MOV, R('r0.xyz'), [S('c1')]),
      op(O.ADD, R('r0.w'), [S('r0.x'), S('r0.x')], { coissue: true }),
    ]);
    expect(colors(p, { constants: { float: k } })[0]).toEqual([1, 1, 1, 1]);
    const k2 = bank({ 0: [0.25, 0.25, 0.25, 0.25], 1: [1, 1, 1, 1] });
    expect(colors(p, { constants: { float: k2 } })[0]).toEqual([1, 1, 1, 0.5]);
  });
  it('cnd compares with 0.5; a co-issued colour cnd in ps_1_1–1_3 always picks src1', () => {
    const k = bank({ 0: [0, 0, 0, 0.25], 1: [1, 1, 1, 1], 2: [0.5, 0.5, 0.5, 0.5] });
    const plain = program('ps_1_1', [op(O.MOV, R('r0'), [S('c0')]), op(O.CND, R('r1'), [S('r0.w'), S('c1'), S('c2')]), op(O.MOV, R('r0'), [S('r1')])]);
    expect(colors(plain, { constants: { float: k } })[0]).toEqual([0.5, 0.5, 0.5, 0.5]);
    const co = program('ps_1_1', [
      op(O.MOV, R('r0'), [S('c0')]),
      op(O.MOV, R('r1.w'), [S('c2')]),
      op(O.CND, R('r1.xyz'), [S('r0.w'), S('c1'), S('c2')], { coissue: true }),
      op(O.MOV, R('r0'), [S('r1')]),
    ]);
    expect(colors(co, { constants: { float: k } })[0]).toEqual([1, 1, 1, 0.5]);
  });
  it('texcoord clamps (u, v, w, 1); tex samples stage = register, projected stages divide by w', () => {
    const t = tcoords(0, same([1.5, -0.5, 0.25, 9]));
    expect(colors(program('ps_1_1', [op(O.TEXCOORD, R('t0')), op(O.MOV, R('r0'), [S('t0')])]), { t })[0]).toEqual([1, 0, 0.25, 1]);
    const s = fakeSampler(() => [0.25, 0.5, 0.75, 1]);
    const t2 = tcoords(2, same([1, 2, 3, 4]));
    expect(colors(program('ps_1_1', [op(O.TEX, R('t2')), op(O.MOV, R('r0'), [S('t2')])]), { t: t2, sampler: s, stages: { projected: 0b100 } })[0]).toEqual([0.25, 0.5, 0.75, 1]);
    expect([s.seen[0]?.sampler, s.seen[0]?.variant, ...Array.from(s.seen[0]?.coords.subarray(0, 4) ?? [])]).toEqual([2, 'projected', 0.25, 0.5, 0.75, 4]);
  });
  it('texkill in ps_1_1 tests the texture coordinate set, xyz only', () => {
    const p = program('ps_1_1', [op(O.TEXKILL, R('t1')), op(O.MOV, R('r0'), [S('c0')])]);
    const t = tcoords(1, [[0, 0, 0, -1], [0, -0.5, 0, 0], [1, 1, 1, 1], [0, 0, -1, 0]]);
    const r = runPixelQuad(p, { t, constants: { float: new Float32Array(1024) } });
    expect(r.killed).toBe(0b1010);
  });
  it('texbem and texbeml perturb the coordinates by BUMPENVMAT and scale by the luminance', () => {
    const bumpEnv = new Float32Array(48);
    bumpEnv.set([1, 0, 0, 2, 0.5, 0.125], 6); // stage 1: M00 1, M01 0, M10 0, M11 2, LSCALE, LOFFSET
    const s = fakeSampler((req, lane) => (req.sampler === 0 ? [0.5, -0.25, 0.75, 1] : [1, 0.5, 0.25, Array.from(req.coords)[lane * 4] as number]));
    const t = new Float32Array(128);
    for (let px = 0; px < 4; px++) t.set([0.125, 0.25, 0, 1], (px * 8 + 1) * 4);
    const bem = program('ps_1_1', [op(O.TEX, R('t0')), op(O.TEXBEM, R('t1'), [S('t0')]), op(O.MOV, R('r0'), [S('t1')])]);
    expect(colors(bem, { t, sampler: s, stages: { bumpEnv } })[0]).toEqual([1, 0.5, 0.25, 0.625]);
    // u = 0.125 + 1·0.5 + 0·(−0.25), v = 0.25 + 0·0.5 + 2·(−0.25)
    expect(Array.from(s.seen[1]?.coords.subarray(0, 2) ?? [])).toEqual([0.625, -0.25]);
    const beml = program('ps_1_1', [op(O.TEX, R('t0')), op(O.TEXBEML, R('t1'), [S('t0')]), op(O.MOV, R('r0'), [S('t1')])]);
    // L = sat(0.75·0.5 + 0.125) = 0.5 scales rgb.
    expect(colors(beml, { t, sampler: s, stages: { bumpEnv } })[0]).toEqual([0.5, 0.25, 0.125, 0.625]);
  });
  it('texreg2ar / texreg2gb / texreg2rgb read coordinates from a texture register', () => {
    const s = fakeSampler((req, lane) => (req.sampler === 0 ? [0.1, 0.2, 0.3, 0.4] : (Array.from(req.coords.subarray(lane * 4, lane * 4 + 4)) as V4)));
    const run = (opcode: number): number[] => colors(program('ps_1_2', [op(O.TEX, R('t0')), op(opcode, R('t1'), [S('t0')]), op(O.MOV, R('r0'), [S('t1')])]), { sampler: s })[0] as number[];
    const f = Math.fround;
    expect(run(O.TEXREG2AR)).toEqual([f(0.4), f(0.1), 0, 1]);
    expect(run(O.TEXREG2GB)).toEqual([f(0.2), f(0.3), 0, 1]);
    expect(run(O.TEXREG2RGB)).toEqual([f(0.1), f(0.2), f(0.3), 1]);
  });
  it('texm3x2pad + texm3x2tex, texm3x3pad ×2 + texm3x3spec, texdp3, texm3x3', () => {
    const s = fakeSampler((req, lane) => (req.sampler === 0 ? [1, 1, 1, 1] : (Array.from(req.coords.subarray(lane * 4, lane * 4 + 4)) as V4)));
    const t = new Float32Array(128);
    for (let px = 0; px < 4; px++) {
      t.set([0.125, 0.25, 0.5, 0], (px * 8 + 1) * 4);
      t.set([0.5, 0.25, 0.125, 0], (px * 8 + 2) * 4);
      t.set([0.25, 0.25, 0.5, 0], (px * 8 + 3) * 4);
    }
    const m2 = program('ps_1_1', [op(O.TEX, R('t0')), op(O.TEXM3x2PAD, R('t1'), [S('t0')]), op(O.TEXM3x2TEX, R('t2'), [S('t0')]), op(O.MOV, R('r0'), [S('t2')])]);
    expect(colors(m2, { t, sampler: s })[0]).toEqual([0.875, 0.875, 0, 1]);
    // N = (0.875, 0.875, 1), E = c0 = (0, 0.5, 1): N·E = 1.4375, N·N = 2.53125, R = 2·N·E/N·N · N − E.
    const spec = program('ps_1_1', [
      op(O.TEX, R('t0')), op(O.TEXM3x3PAD, R('t1'), [S('t0')]), op(O.TEXM3x3PAD, R('t2'), [S('t0')]),
      op(O.TEXM3x3SPEC, R('t3'), [S('t0'), S('c0')]), op(O.MOV, R('r0'), [S('t3')]),
    ]);
    const f = Math.fround;
    const scale = f(f(2 * 1.4375) / 2.53125);
    const want = [f(f(scale * 0.875) - 0), f(f(scale * 0.875) - 0.5), f(scale - 1), 1];
    expect(colors(spec, { t, sampler: s, constants: { float: bank({ 0: [0, 0.5, 1, 0] }) } })[0]).toEqual(want);
    const m3 = program('ps_1_2', [
      op(O.TEX, R('t0')), op(O.TEXM3x3PAD, R('t1'), [S('t0')]), op(O.TEXM3x3PAD, R('t2'), [S('t0')]),
      op(O.TEXM3x3, R('t3'), [S('t0')]), op(O.MOV, R('r0'), [S('t3')]),
    ]);
    expect(colors(m3, { t, sampler: s })[0]).toEqual([0.875, 0.875, 1, 1]);
    const dp3 = program('ps_1_2', [op(O.TEX, R('t0')), op(O.TEXDP3, R('t1'), [S('t0')]), op(O.MOV, R('r0'), [S('t1')])]);
    expect(colors(dp3, { t, sampler: s })[0]).toEqual([0.875, 0.875, 0.875, 0.875]);
  });
  it('ps_1_4: texld with _dw projects, texcrd copies, texdepth divides r5.r by r5.g, bem', () => {
    const s = fakeSampler();
    const t = tcoords(1, same([1, 2, 3, 4]));
    const p = program('ps_1_4', [op(O.TEX, R('r2'), [S('t1', 'dw')]), op(O.MOV, R('r0'), [S('r2')])]);
    expect(colors(p, { t, sampler: s })[0]).toEqual([0.25, 0.5, 0.75, 4]);
    expect([s.seen[0]?.sampler, s.seen[0]?.variant]).toEqual([2, 'projected']);
    const crd = program('ps_1_4', [op(O.TEXCOORD, R('r0.xyz'), [S('t1', 'dz')])]);
    expect(colors(crd, { t })[0]).toEqual([Math.fround(1 / 3), Math.fround(2 / 3), 3, 0]);
    const depth = (uv: V4): number | undefined => {
      const q = program('ps_1_4', [op(O.TEXCOORD, R('r5.xyz'), [S('t0')]), op(O.TEXDEPTH, R('r5')), op(O.MOV, R('r0'), [S('c0')])]);
      return runPixelQuad(q, { t: tcoords(0, same(uv)), constants: { float: new Float32Array(1024) } }).depth?.[0];
    };
    expect(depth([0.25, 0.5, 0, 0])).toBe(0.5);
    expect(depth([0.75, 0.5, 0, 0])).toBe(1);
    expect(depth([0, 0, 0, 0])).toBe(0);
    const bumpEnv = new Float32Array(48);
    bumpEnv.set([0.5, 0.25, -0.5, 1], 6);
    const b = program('ps_1_4', [
      op(O.MOV, R('r0'), [S('c1')]),
      op(O.BEM, R('r1.xy'), [S('c0'), S('r0')]),
      op(O.MOV, R('r0'), [S('r1')]),
    ]);
    // r = 0.25 + 0.5·0.5 + (−0.5)·0.25, g = 0.5 + 0.25·0.5 + 1·0.25
    expect(colors(b, { constants: { float: bank({ 0: [0.25, 0.5, 0, 0], 1: [0.5, 0.25, 0, 0] }) }, stages: { bumpEnv } })[0]).toEqual([0.375, 0.875, 0, 0]);
  });
});
