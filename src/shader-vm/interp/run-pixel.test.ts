import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeShader } from '../decode/decoder.js';
import type { ShaderProgram } from '../ir/ir.js';
import type { PixelQuadInput } from './run-pixel.js';
import { runPixelQuad } from './run-pixel.js';
import type { TextureSampleRequest, TextureSampler } from './texture-sampler.js';
import { asm } from './testing/asm.js';

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
    const dsx = asm('ps_2_x\ndcl t0\ndsx r0, t0\nmov oC0, r0');
    expect(colors(dsx, { t }).map((c) => c.slice(0, 2))).toEqual([[3, 0], [3, 0], [3, 2], [3, 2]]);
    const dsy = asm('ps_2_x\ndcl t0\ndsy r0, t0\nmov oC0, r0');
    expect(colors(dsy, { t }).map((c) => c.slice(0, 2))).toEqual([[5, 0], [5, 2], [5, 0], [5, 2]]);
  });
  it('texld passes the same derivatives of its coordinates to the sampler', () => {
    const s = fakeSampler();
    colors(asm('ps_2_0\ndcl t0\ndcl_2d s3\ntexld r0, t0, s3\nmov oC0, r0'), { t, sampler: s });
    expect(s.seen.length).toBe(1);
    const req = s.seen[0] as TextureSampleRequest;
    expect([req.sampler, req.variant, req.lanes, req.mask]).toEqual([3, 'plain', 4, 0xf]);
    expect(Array.from(req.ddx).filter((_, i) => i % 4 < 2)).toEqual([3, 0, 3, 0, 3, 2, 3, 2]);
    expect(Array.from(req.ddy).filter((_, i) => i % 4 < 2)).toEqual([5, 0, 5, 2, 5, 0, 5, 2]);
  });
});

describe('SM2/SM3 texture variants', () => {
  const t = tcoords(0, same([1, 2, 3, 4]));
  const texProgram = (mode: 'texld' | 'texldp' | 'texldb', type = '2d'): ShaderProgram =>
    asm(`ps_2_0\ndcl t0\ndcl_${type} s0\n${mode} r0, t0, s0\nmov oC0, r0`);
  it('texldp divides by w except for cube samplers; texldb passes w as the bias', () => {
    const s = fakeSampler();
    expect(colors(texProgram('texldp'), { t, sampler: s })[0]).toEqual([0.25, 0.5, 0.75, 4]);
    expect(s.seen[0]?.variant).toBe('projected');
    expect(colors(texProgram('texldp', 'cube'), { t, sampler: s })[0]).toEqual([1, 2, 3, 4]);
    colors(texProgram('texldb'), { t, sampler: s });
    expect(s.seen[2]?.variant).toBe('bias');
    expect(Array.from(s.seen[2]?.lod ?? [])).toEqual([4, 4, 4, 4]);
  });
  it('texldd passes explicit gradients; ps_3_0 s# swizzle permutes the result', () => {
    const s = fakeSampler();
    const p = asm('ps_3_0\ndcl_texcoord0 v0\ndcl_2d s1\ndef c0, 0.5, 0, 0, 0\ndef c1, 0, 0.25, 0, 0\ntexldd r0, v0, s1.wzyx, c0, c1\nmov oC0, r0');
    expect(colors(p, { v: perPixel(16, 0, same([1, 2, 3, 4]), 256), sampler: s })[0]).toEqual([4, 3, 2, 1]);
    expect(s.seen[0]?.variant).toBe('grad');
    expect(Array.from(s.seen[0]?.ddx ?? []).slice(0, 4)).toEqual([0.5, 0, 0, 0]);
    expect(Array.from(s.seen[0]?.ddy ?? []).slice(0, 4)).toEqual([0, 0.25, 0, 0]);
  });
  it('ps_3_0 texldl passes coordinate .w as the LOD', () => {
    const s = fakeSampler();
    colors(asm('ps_3_0\ndcl_texcoord0 v0\ndcl_volume s4\ntexldl r0, v0, s4\nmov oC0, r0'), { v: perPixel(16, 0, same([1, 2, 3, 4]), 256), sampler: s });
    expect([s.seen[0]?.variant, s.seen[0]?.sampler, Array.from(s.seen[0]?.lod ?? [])]).toEqual(['lod', 4, [4, 4, 4, 4]]);
  });
  it('a sampler that itself runs a shader does not disturb the invocation that called it', () => {
    const inner = asm('ps_2_0\ndef c0, 0.5, 0.5, 0.5, 0.5\nmov oC0, c0');
    const nested: TextureSampler = {
      sample(req, out) {
        const r = runPixelQuad(inner, { constants: { float: new Float32Array(1024) } });
        for (let i = 0; i < req.lanes * 4; i++) out[i] = (r.colors[i] as number) + (req.coords[i] as number);
      },
    };
    const p = asm('ps_2_0\ndcl t0\ndcl_2d s0\nmov r1, t0\ntexld r0, t0, s0\nadd r0, r0, r1\nmov oC0, r0');
    expect(colors(p, { t, sampler: nested })[0]).toEqual([2.5, 4.5, 6.5, 8.5]);
  });
  it('no sampler given: the unbound sampler answers (0, 0, 0, 1)', () => {
    expect(colors(texProgram('texld'), { t })[0]).toEqual([0, 0, 0, 1]);
  });
});

describe('pixel outputs', () => {
  it('oC0–oC3, oDepth, vPos and vFace', () => {
    const p = asm('ps_3_0\ndcl vPos.xy\ndcl vFace\ndef c0, 0.25, 0.5, 0.75, 1\nmov oC0, vPos\nmov oC2, vFace\nmov oDepth, c0.z', false);
    const input = { vPos: new Float32Array([10, 20, 11, 20, 10, 21, 11, 21]), vFace: -1, constants: { float: new Float32Array(1024) } };
    const r = runPixelQuad(p, input);
    expect(r.colorsWritten).toBe(0b101);
    expect(Array.from(r.colors.subarray(12, 16))).toEqual([11, 21, 0, 1]);
    expect(Array.from(r.colors.subarray(32, 36))).toEqual([-1, -1, -1, -1]);
    expect(Array.from(r.depth ?? [])).toEqual([0.75, 0.75, 0.75, 0.75]);
    expect(r.killed).toBe(0);
    const perPixelFace = runPixelQuad(p, { ...input, vFace: [1, -1, 1, -1] });
    expect([0, 1, 2, 3].map((px) => perPixelFace.colors[32 + px * 4])).toEqual([1, -1, 1, -1]);
  });
  it('ps_3_0 inputs indexed by aL', () => {
    const p = asm('ps_3_0\ndcl_texcoord0 v0\ndcl_texcoord1 v1\ndcl_texcoord2 v2\ndefi i0, 3, 0, 1, 0\nmov r0, c0\nloop aL, i0\nadd r0, r0, v[aL]\nendloop\nmov oC0, r0');
    const v = new Float32Array(256);
    for (let px = 0; px < 4; px++) for (let reg = 0; reg < 3; reg++) v.set([1, 10, 100, px], (px * 16 + reg) * 4);
    expect(colors(p, { v })).toEqual([[3, 30, 300, 0], [3, 30, 300, 3], [3, 30, 300, 6], [3, 30, 300, 9]]);
  });
});

describe('ps_1_x (assembled)', () => {
  const c = bank({ 1: [1.25, -0.5, -1.5, 1], 2: [-0.5, 1.25, 2, 1] });
  const clampBody = 'mov r1, c1\nadd r0, r1, c2';
  it('constants clamp to [−1, 1] in ps_1_x (API and DEF), not in ps_2_0 (Wine constant_clamp_ps_test)', () => {
    const run = (p: ShaderProgram): number[] => colors(p, { constants: { float: c } })[0] as number[];
    expect(run(asm(`ps_1_1\n${clampBody}`))).toEqual([0.5, 0.5, 0, 1]);
    expect(run(asm(`ps_1_2\n${clampBody}`))).toEqual([0.5, 0.5, 0, 1]);
    // ps_1_4 registers hold ±8, so alpha keeps 1 + 1 = 2 (the render target saturates it later).
    expect(run(asm(`ps_1_4\ndef c2, -0.5, 1.25, 2, 1\n${clampBody}`))).toEqual([0.5, 0.5, 0, 2]);
    expect(run(asm(`ps_2_0\n${clampBody}\nmov oC0, r0`))).toEqual([0.75, 0.75, 0.5, 2]);
  });
  it('a co-issued pair reads its sources before either half writes', () => {
    const p = asm('ps_1_1\nmov r0, c0\nmov r0.rgb, c1\n+add r0.a, r0, r0');
    expect(colors(p, { constants: { float: bank({ 0: [0.5, 0.5, 0.5, 0.5], 1: [1, 1, 1, 1] }) } })[0]).toEqual([1, 1, 1, 1]);
    expect(colors(p, { constants: { float: bank({ 0: [0.5, 0.5, 0.5, 0.25], 1: [1, 1, 1, 1] }) } })[0]).toEqual([1, 1, 1, 0.5]);
  });
  it('cnd compares r0.a with 0.5; a co-issued colour cnd in ps_1_1–1_3 always picks src1', () => {
    const k = { constants: { float: bank({ 0: [0, 0, 0, 0.25], 1: [1, 1, 1, 1], 2: [0.5, 0.5, 0.5, 0.5] }) } };
    expect(colors(asm('ps_1_1\nmov r0, c0\ncnd r1, r0.a, c1, c2\nmov r0, r1'), k)[0]).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(colors(asm('ps_1_1\nmov r0, c0\nmov r1.a, c2\n+cnd r1.rgb, r0.a, c1, c2\nmov r0, r1'), k)[0]).toEqual([1, 1, 1, 0.5]);
  });
  it('texcoord clamps (u, v, w, 1); tex samples stage = register, projected stages divide by w', () => {
    expect(colors(asm('ps_1_1\ntexcoord t0\nmov r0, t0'), { t: tcoords(0, same([1.5, -0.5, 0.25, 9])) })[0]).toEqual([1, 0, 0.25, 1]);
    const s = fakeSampler(() => [0.25, 0.5, 0.75, 1]);
    const r = colors(asm('ps_1_1\ntex t2\nmov r0, t2'), { t: tcoords(2, same([1, 2, 3, 4])), sampler: s, stages: { projected: 0b100 } });
    expect(r[0]).toEqual([0.25, 0.5, 0.75, 1]);
    expect([s.seen[0]?.sampler, s.seen[0]?.variant, ...Array.from(s.seen[0]?.coords.subarray(0, 4) ?? [])]).toEqual([2, 'projected', 0.25, 0.5, 0.75, 4]);
    // COUNT3 | PROJECTED divides u, v by the third coordinate; a cube stage ignores projection.
    const t3 = tcoords(2, same([1, 2, 4, 8]));
    colors(asm('ps_1_1\ntex t2\nmov r0, t2'), { t: t3, sampler: s, stages: { projected: 0b100, projectedCount: [4, 4, 3] } });
    expect([s.seen[1]?.variant, ...Array.from(s.seen[1]?.coords.subarray(0, 4) ?? [])]).toEqual(['projected', 0.25, 0.5, 4, 8]);
    colors(asm('ps_1_1\ntex t2\nmov r0, t2'), { t: t3, sampler: s, stages: { projected: 0b100, cubeStages: 0b100 } });
    expect([s.seen[2]?.variant, ...Array.from(s.seen[2]?.coords.subarray(0, 4) ?? [])]).toEqual(['plain', 1, 2, 4, 8]);
  });
  it('texkill in ps_1_1 tests the texture coordinate set, xyz only', () => {
    const t = tcoords(1, [[0, 0, 0, -1], [0, -0.5, 0, 0], [1, 1, 1, 1], [0, 0, -1, 0]]);
    expect(runPixelQuad(asm('ps_1_1\ntexkill t1\nmov r0, c0'), { t, constants: { float: new Float32Array(1024) } }).killed).toBe(0b1010);
  });
  it('texbem and texbeml perturb the coordinates by BUMPENVMAT and scale by the luminance', () => {
    const bumpEnv = new Float32Array(48);
    bumpEnv.set([1, 0, 0, 2, 0.5, 0.125], 6); // stage 1: M00 1, M01 0, M10 0, M11 2, LSCALE, LOFFSET
    const s = fakeSampler((req, lane) => (req.sampler === 0 ? [0.5, -0.25, 0.75, 1] : [1, 0.5, 0.25, req.coords[lane * 4] as number]));
    const t = tcoords(1, same([0.125, 0.25, 0, 1]));
    expect(colors(asm('ps_1_1\ntex t0\ntexbem t1, t0\nmov r0, t1'), { t, sampler: s, stages: { bumpEnv } })[0]).toEqual([1, 0.5, 0.25, 0.625]);
    // u = 0.125 + 1·0.5 + 0·(−0.25), v = 0.25 + 0·0.5 + 2·(−0.25)
    expect(Array.from(s.seen[1]?.coords.subarray(0, 2) ?? [])).toEqual([0.625, -0.25]);
    // texbeml: L = sat(0.75·0.5 + 0.125) = 0.5 scales rgb.
    expect(colors(asm('ps_1_1\ntex t0\ntexbeml t1, t0\nmov r0, t1'), { t, sampler: s, stages: { bumpEnv } })[0]).toEqual([0.5, 0.25, 0.125, 0.625]);
  });
  it('texreg2ar / texreg2gb / texreg2rgb read coordinates from a texture register', () => {
    const s = fakeSampler((req, lane) => (req.sampler === 0 ? [0.1, 0.2, 0.3, 0.4] : (Array.from(req.coords.subarray(lane * 4, lane * 4 + 4)) as V4)));
    const run = (name: string): number[] => colors(asm(`ps_1_2\ntex t0\n${name} t1, t0\nmov r0, t1`), { sampler: s })[0] as number[];
    const f = Math.fround;
    expect(run('texreg2ar')).toEqual([f(0.4), f(0.1), 0, 1]);
    expect(run('texreg2gb')).toEqual([f(0.2), f(0.3), 0, 1]);
    expect(run('texreg2rgb')).toEqual([f(0.1), f(0.2), f(0.3), 1]);
  });
  it('texm3x2pad + texm3x2tex, texm3x3pad ×2 + texm3x3spec / texm3x3, texdp3, texdp3tex, texm3x2depth', () => {
    const s = fakeSampler((req, lane) => (req.sampler === 0 ? [1, 1, 1, 1] : (Array.from(req.coords.subarray(lane * 4, lane * 4 + 4)) as V4)));
    const t = new Float32Array(128);
    for (let px = 0; px < 4; px++) {
      t.set([0.125, 0.25, 0.5, 0], (px * 8 + 1) * 4);
      t.set([0.5, 0.25, 0.125, 0], (px * 8 + 2) * 4);
      t.set([0.25, 0.25, 0.5, 0], (px * 8 + 3) * 4);
    }
    const run = (version: string, body: string, out: string, consts?: Float32Array): number[] =>
      colors(asm(`${version}\ntex t0\n${body}\nmov r0, ${out}`), { t, sampler: s, constants: { float: consts ?? new Float32Array(1024) } })[0] as number[];
    // Rows dotted with t0 = (1, 1, 1): 0.875, 0.875, 1.
    expect(run('ps_1_1', 'texm3x2pad t1, t0\ntexm3x2tex t2, t0', 't2')).toEqual([0.875, 0.875, 0, 1]);
    // N = (0.875, 0.875, 1), E = c0 = (0, 0.5, 1): R = 2·(N·E)/(N·N)·N − E.
    const f = Math.fround;
    const scale = f(f(2 * 1.4375) / 2.53125);
    const spec = run('ps_1_1', 'texm3x3pad t1, t0\ntexm3x3pad t2, t0\ntexm3x3spec t3, t0, c0', 't3', bank({ 0: [0, 0.5, 1, 0] }));
    expect(spec).toEqual([f(scale * 0.875), f(f(scale * 0.875) - 0.5), f(scale - 1), 1]);
    expect(run('ps_1_2', 'texm3x3pad t1, t0\ntexm3x3pad t2, t0\ntexm3x3 t3, t0', 't3')).toEqual([0.875, 0.875, 1, 1]);
    expect(run('ps_1_1', 'texm3x3pad t1, t0\ntexm3x3pad t2, t0\ntexm3x3tex t3, t0', 't3')).toEqual([0.875, 0.875, 1, 1]);
    expect(s.seen[s.seen.length - 1]?.sampler).toBe(3);
    // vspec takes the eye vector from the .w of the three rows' coordinates: (0, 0.5, 1) as above.
    const tw = t.slice();
    for (let px = 0; px < 4; px++) [0, 0.5, 1].forEach((w, k) => (tw[(px * 8 + 1 + k) * 4 + 3] = w));
    const vspec = colors(asm('ps_1_1\ntex t0\ntexm3x3pad t1, t0\ntexm3x3pad t2, t0\ntexm3x3vspec t3, t0\nmov r0, t3'), { t: tw, sampler: s })[0];
    expect(vspec).toEqual(spec);
    expect(run('ps_1_2', 'texdp3 t1, t0', 't1')).toEqual([0.875, 0.875, 0.875, 0.875]);
    expect(run('ps_1_2', 'texdp3tex t1, t0', 't1')).toEqual([0.875, 0, 0, 1]);
    const depth = runPixelQuad(asm('ps_1_3\ntex t0\ntexm3x2pad t1, t0\ntexm3x2depth t2, t0\nmov r0, t0'), { t, sampler: s, constants: { float: new Float32Array(1024) } });
    expect(Array.from(depth.depth ?? [])).toEqual([1, 1, 1, 1]); // 0.875 / 0.875
  });
  it('ps_1_4: texld with _dw projects; texcrd copies; texdepth divides r5.r by r5.g; bem', () => {
    const s = fakeSampler();
    const t = tcoords(1, same([1, 2, 3, 4]));
    // .xyw reads (1, 2, 4, 4); _dw divides x, y and z by w.
    expect(colors(asm('ps_1_4\ntexld r2, t1_dw.xyw\nmov r0, r2'), { t, sampler: s })[0]).toEqual([0.25, 0.5, 1, 4]);
    expect([s.seen[0]?.sampler, s.seen[0]?.variant]).toEqual([2, 'projected']);
    expect(colors(asm('ps_1_4\ntexcrd r0.rgb, t1'), { t })[0]).toEqual([1, 2, 3, 0]);
    const depth = (uv: V4): number | undefined => {
      const q = asm('ps_1_4\ntexcrd r5.rgb, t0\nphase\ntexdepth r5\nmov r0, c0');
      return runPixelQuad(q, { t: tcoords(0, same(uv)), constants: { float: new Float32Array(1024) } }).depth?.[0];
    };
    expect(depth([0.25, 0.5, 0, 0])).toBe(0.5);
    expect(depth([0.75, 0.5, 0, 0])).toBe(1);
    expect(depth([0, 0, 0, 0])).toBe(0);
    const bumpEnv = new Float32Array(48);
    bumpEnv.set([0.5, 0.25, -0.5, 1], 6);
    const b = asm('ps_1_4\ntexcrd r0.rgb, t0\nbem r1.rg, c0, r0\nphase\nmov r0, r1');
    // r = 0.25 + 0.5·0.5 + (−0.5)·0.25, g = 0.5 + 0.25·0.5 + 1·0.25
    const r = colors(b, { t: tcoords(0, same([0.5, 0.25, 0, 0])), constants: { float: bank({ 0: [0.25, 0.5, 0, 0] }) }, stages: { bumpEnv } })[0];
    expect(r?.slice(0, 2)).toEqual([0.375, 0.875]);
  });
});
