import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../common/diagnostics.js';
import { decodeShader } from '../decode/decoder.js';
import type { ShaderProgram } from '../ir/ir.js';
import { DeclUsage } from '../ir/ir.js';
import { FLT_MAX } from '../ops/scalar.js';
import { findOutput, runVertexShader } from './run-vertex.js';
import type { TextureSampleRequest } from './texture-sampler.js';
import { asm } from './testing/asm.js';

const corpus = new URL('../../../corpus/vmware-svga-sdk/shaders/', import.meta.url);

function decodeCorpus(name: string): ShaderProgram {
  const r = decodeShader(readFileSync(new URL(name, corpus)));
  if (!r.ok) throw new Error(`${name}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.program;
}

/** Float bank with c[i] = values[i]. */
function bank(values: Record<number, [number, number, number, number]>): Float32Array {
  const f = new Float32Array(1024);
  for (const [i, v] of Object.entries(values)) f.set(v, Number(i) * 4);
  return f;
}

function inputs(...regs: [number, number, number, number][]): Float32Array {
  const f = new Float32Array(64);
  regs.forEach((v, i) => f.set(v, i * 4));
  return f;
}

function out(p: ShaderProgram, reg: string, consts: Float32Array, vin = inputs(), ints?: Int32Array): number[] {
  const r = runVertexShader(p, { inputs: vin, constants: ints ? { float: consts, int: ints } : { float: consts } });
  expect(r.status).toBe('ok');
  const o = r.outputs.find((x) => x.register === reg);
  if (!o) throw new Error(`no output ${reg}`);
  return Array.from(o.value);
}

describe('corpus vertex shaders', () => {
  it('cube vs_2_0 transforms by c0–c3 then c4–c7 and passes the colour (saturated)', () => {
    const p = decodeCorpus('cubemark_vs.bin');
    const c = bank({
      0: [2, 0, 0, 1], 1: [0, 3, 0, -1], 2: [0, 0, 1, 0.5], 3: [0, 0, 0, 1],
      4: [1, 0, 0, 0], 5: [0, 1, 0, 0], 6: [0, 0, 0.5, 0.25], 7: [0, 0, 1, 0],
    });
    const r = runVertexShader(p, { inputs: inputs([1, 2, 3, 1], [2, -1, 0.5, 1]), constants: { float: c } });
    expect(r.status).toBe('ok');
    expect(r.executed).toBe(9);
    // view: (2+1, 6−1, 3+0.5, 1) = (3, 5, 3.5, 1); projection: (3, 5, 1.75+0.25, 3.5).
    expect(Array.from(findOutput(r, DeclUsage.POSITION)?.value ?? [])).toEqual([3, 5, 2, 3.5]);
    const d0 = findOutput(r, DeclUsage.COLOR, 0);
    expect(d0?.written).toBe(true);
    expect(Array.from(d0?.value ?? [])).toEqual([1, 0, 0.5, 1]);
    expect(findOutput(r, DeclUsage.TEXCOORD, 0)?.written).toBe(false);
  });
  it('the three copies of the cube shader behave identically', () => {
    const c = bank({ 0: [1, 0, 0, 0], 1: [0, 1, 0, 0], 2: [0, 0, 1, 0], 3: [0, 0, 0, 1], 4: [1, 0, 0, 0], 5: [0, 1, 0, 0], 6: [0, 0, 1, 0], 7: [0, 0, 0, 1] });
    for (const name of ['cubemark_vs.bin', 'half-float-test_vs.bin', 'rt-gamma-test_vs.bin']) {
      expect(out(decodeCorpus(name), 'oPos', c, inputs([0.5, -0.25, 0.125, 1]))).toEqual([0.5, -0.25, 0.125, 1]);
    }
  });
  it('simple-shaders vs_2_0 (sincos macro form) ripples z by sin(2)/3.5 at radius 0.5, time 0', () => {
    const p = decodeCorpus('simple-shaders_vs.bin');
    const c = bank({ 0: [1, 0, 0, 0], 1: [0, 1, 0, 0], 2: [0, 0, 1, 0], 3: [0, 0, 0, 1], 4: [0, 0, 0, 0] });
    const t0 = out(p, 'oT0', c, inputs([0.5, 0, 0, 1]));
    expect([t0[0], t0[1], t0[3]]).toEqual([0.5, 0, 1]);
    expect(t0[2]).toBeCloseTo(Math.sin(2) / 3.5, 6);
    expect(out(p, 'oPos', c, inputs([0.5, 0, 0, 1]))).toEqual(t0);
    // At the centre the phase is exactly 2π·0.5 − π = 0 in float32, so z is exactly 0.
    expect(out(p, 'oT0', c, inputs([0, 0, 0, 1]))).toEqual([0, 0, 0, 1]);
  });
});

describe('vertex registers and operands (assembled)', () => {
  const c = bank({ 1: [1, 2, 3, 4], 2: [0.5, 0.25, -1, 8], 5: [10, 20, 30, 40] });
  /** vs_2_0 (or another model) whose result is r0, copied to oT0. */
  const calc = (body: string, version = 'vs_2_0'): ShaderProgram => asm(`${version}\n${body}\nmov oT0, r0`);
  it('swizzle, negate, write mask keep unwritten components', () => {
    expect(out(calc('mov r0, c2\nadd r0.xz, c1.wzyx, -c2.y'), 'oT0', c)).toEqual([3.75, 0.25, 1.75, 8]);
  });
  it('DEF overrides the context constant; unset constants read 0', () => {
    expect(out(calc('def c1, 5, 6, 7, 8\nadd r0, c1, c9'), 'oT0', c)).toEqual([5, 6, 7, 8]);
  });
  it('relative addressing through a0 (mova rounds); reads outside the bank give 0', () => {
    const p = calc('mova a0.x, c2.x\nmov r0, c[a0.x]\nmova a0.y, -c2.w\nadd r0, r0, c[a0.y + 3]');
    // a0.x = round(0.5) = 1 → c1; a0.y = −8 → c[−5] is out of range.
    expect(out(p, 'oT0', c)).toEqual([1, 2, 3, 4]);
  });
  it('vs_1_1 mov a0.x floors, so c[a0.x + 1] with a0 = floor(0.5) = 0 reads c1', () => {
    expect(out(calc('mov a0.x, c2.x\nmov r0, c[a0.x + 1]', 'vs_1_1'), 'oT0', c)).toEqual([1, 2, 3, 4]);
  });
  it('m4x4 / m4x3 / m3x4 / m3x3 / m3x2 expand into dot products with consecutive constants', () => {
    const m = bank({ 0: [1, 0, 0, 1], 1: [0, 2, 0, 0], 2: [0, 0, 3, 0], 3: [1, 1, 1, 1], 9: [1, 2, 3, 4] });
    expect(out(calc('m4x4 r0, c9, c0'), 'oT0', m)).toEqual([5, 4, 9, 10]);
    expect(out(calc('mov r0, c9\nm4x3 r0.xyz, c9, c0'), 'oT0', m)).toEqual([5, 4, 9, 4]);
    expect(out(calc('m3x4 r0, c9, c0'), 'oT0', m)).toEqual([1, 4, 9, 6]);
    expect(out(calc('mov r0, c9\nm3x3 r0.xyz, c9, c0'), 'oT0', m)).toEqual([1, 4, 9, 4]);
    expect(out(calc('mov r0, c9\nm3x2 r0.xy, c9, c0'), 'oT0', m)).toEqual([1, 4, 3, 4]);
  });
  it('setp and predicated instructions write per component; (!p0) inverts', () => {
    const p = calc([
      'mov r0, c1',
      'setp_gt p0, c1, c2', // (1 > 0.5, 2 > 0.25, 3 > −1, 4 > 8) = (1, 1, 1, 0)
      '(p0) mov r0, c5',
      '(!p0.x) add r0, r0, c1', // p0.x is true: nothing written
      '(!p0) mul r0.w, r0, c2', // only w: 4 × 8
    ].join('\n'), 'vs_2_x');
    expect(out(p, 'oT0', c)).toEqual([10, 20, 30, 32]);
  });
  it('sincos SM2 (3 operands) and SM3 (1 operand) write only the masked x, y', () => {
    expect(out(calc('def c10, -1.5500992e-6, -2.1701389e-5, 0.0026041667, 0.00026041668\ndef c11, -0.020833334, -0.125, 1, 0.5\nmov r0, c1\nsincos r0.xy, c9.x, c10, c11'), 'oT0', c)).toEqual([1, 0, 3, 4]);
    const sm3 = asm('vs_3_0\ndcl_texcoord2 o0\nmov r0, c1\nsincos r0.y, c9.x\nmov o0, r0');
    const r = runVertexShader(sm3, { inputs: inputs(), constants: { float: c } });
    const o = findOutput(r, DeclUsage.TEXCOORD, 2);
    expect(o?.register).toBe('o0');
    expect(Array.from(o?.value ?? [])).toEqual([1, 0, 3, 4]);
  });
  it('scalar ops use .w of an identity swizzle and the FLT_MAX rules', () => {
    const p = calc('rcp r0.x, c1\nrsq r0.y, c9.x\nlog r0.z, c2.w\nmov r0.w, c2.z');
    expect(out(p, 'oT0', c)).toEqual([0.25, FLT_MAX, 3, -1]);
  });
  it('unwritten outputs take the D3D9 defaults; vs < 3 colours saturate, vs_3_0 colours do not', () => {
    const r = runVertexShader(asm('vs_2_0\nmov oD1, c5\nmov oPos, c1'), { inputs: inputs(), constants: { float: c } });
    expect(Array.from(findOutput(r, DeclUsage.COLOR, 0)?.value ?? [])).toEqual([1, 1, 1, 1]);
    expect(Array.from(findOutput(r, DeclUsage.COLOR, 1)?.value ?? [])).toEqual([1, 1, 1, 1]);
    expect(Array.from(findOutput(r, DeclUsage.TEXCOORD, 5)?.value ?? [])).toEqual([0, 0, 0, 1]);
    expect(r.outputs.filter((o) => o.written).map((o) => o.register)).toEqual(['oPos', 'oD1']);
    const r3 = runVertexShader(asm('vs_3_0\ndcl_color0 o3\ndcl_color1 o4\nmov o3, c5'), { inputs: inputs(), constants: { float: c } });
    expect(Array.from(findOutput(r3, DeclUsage.COLOR, 0)?.value ?? [])).toEqual([10, 20, 30, 40]);
    expect(Array.from(findOutput(r3, DeclUsage.COLOR, 1)?.value ?? [])).toEqual([0, 0, 0, 1]);
  });
  it('vs_3_0 o[aL] relative output writes inside a loop', () => {
    const p = asm('vs_3_0\ndcl_texcoord0 o0\ndcl_texcoord1 o1\ndcl_texcoord2 o2\ndefi i0, 3, 0, 1, 0\nloop aL, i0\nmov o[aL], c[aL + 1]\nendloop');
    const r = runVertexShader(p, { inputs: inputs(), constants: { float: c } });
    // aL = 0, 1, 2: o[aL] = c[aL + 1]; c3 is unset, so o2 reads zeros.
    expect(r.outputs.map((o) => Array.from(o.value))).toEqual([[1, 2, 3, 4], [0.5, 0.25, -1, 8], [0, 0, 0, 0]]);
  });
  it('vs_3_0 texldl calls the sampler with an explicit LOD and a single lane; s# swizzle applies', () => {
    const seen: TextureSampleRequest[] = [];
    const p = asm('vs_3_0\ndcl_position o0\ndcl_2d s2\ntexldl o0, c2, s2.yxzw');
    const r = runVertexShader(p, {
      inputs: inputs(),
      constants: { float: c },
      sampler: {
        sample(req, res) {
          seen.push({ ...req, coords: req.coords.slice(), lod: req.lod.slice() });
          res.set([req.coords[0] as number, 2, 3, 4]);
        },
      },
    });
    expect(seen.map((q) => [q.variant, q.sampler, q.lanes, Array.from(q.lod)])).toEqual([['lod', 2, 1, [8]]]);
    expect(Array.from(findOutput(r, DeclUsage.POSITION)?.value ?? [])).toEqual([2, 0.5, 3, 4]);
  });
  it('vertex inputs by DCL semantic', () => {
    const p = asm('vs_2_0\ndcl_position v0\ndcl_normal v3\nadd oPos, v0, v3');
    const r = runVertexShader(p, { inputs: inputs([1, 2, 3, 1], [0, 0, 0, 0], [0, 0, 0, 0], [0.5, 0.5, 0.5, 0]), constants: { float: c } });
    expect(Array.from(findOutput(r, DeclUsage.POSITION)?.value ?? [])).toEqual([1.5, 2.5, 3.5, 1]);
  });
  it('a pixel shader given to runVertexShader is reported, not run', () => {
    const diags = new DiagnosticList();
    const r = runVertexShader(asm('ps_2_0\nmov oC0, c0'), { inputs: inputs(), constants: { float: c }, diagnostics: diags });
    expect(r.status).toBe('invalid');
    expect(diags.items.map((d) => d.code)).toEqual([4506]);
  });
});
