import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../common/diagnostics.js';
import { decodeShader } from '../decode/decoder.js';
import type { ShaderProgram } from '../ir/ir.js';
import { DeclUsage } from '../ir/ir.js';
import { Opcode as O } from '../ir/opcodes.js';
import { FLT_MAX } from '../ops/scalar.js';
import { findOutput, runVertexShader } from './run-vertex.js';
import type { TextureSampleRequest } from './texture-sampler.js';
import { R, S, dcl, def, defi, flow, op, program, rel } from './testing/ir-builder.js';

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

/** vs_2_0 program that computes into r0 and copies it to oT0. */
function calc(version: string, body: ReturnType<typeof op>[], extra: Parameters<typeof program>[1] = []): ShaderProgram {
  return program(version, [...extra, ...body, op(O.MOV, R('oT0'), [S('r0')])]);
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

describe('vertex registers and operands', () => {
  const c = bank({ 1: [1, 2, 3, 4], 2: [0.5, 0.25, -1, 8], 5: [10, 20, 30, 40] });
  it('swizzle, negate, write mask keep unwritten components', () => {
    const p = calc('vs_2_0', [
      op(O.MOV, R('r0'), [S('c2')]),
      op(O.ADD, R('r0.xz'), [S('c1.wzyx'), S('-c2.y')]),
    ]);
    expect(out(p, 'oT0', c)).toEqual([3.75, 0.25, 1.75, 8]);
  });
  it('DEF overrides the context constant; unset constants read 0', () => {
    const p = calc('vs_2_0', [op(O.ADD, R('r0'), [S('c1'), S('c9')])], [def(1, [5, 6, 7, 8])]);
    expect(out(p, 'oT0', c)).toEqual([5, 6, 7, 8]);
  });
  it('relative addressing through a0 (mova rounds) and out-of-range reads give 0', () => {
    const p = calc('vs_2_0', [
      op(O.MOVA, R('a0.x'), [S('c2.x')]), // round(0.5) = 1 (ties away from zero)
      op(O.MOV, R('r0'), [S('c0.xyzw', undefined, rel('addr', 0))]), // c[a0.x + 0] = c1
      op(O.MOVA, R('a0.y'), [S('-c2.w')]), // −8
      op(O.ADD, R('r0'), [S('r0'), { ...S('c3'), relative: rel('addr', 1) }]), // c[-5]: out of range
    ]);
    expect(out(p, 'oT0', c)).toEqual([1, 2, 3, 4]);
  });
  it('vs_1_1 mov a0.x floors, so c[a0.x + 1] with a0 = floor(0.5) = 0 reads c1', () => {
    const p = calc('vs_1_1', [
      op(O.MOV, R('a0.x'), [S('c2.x')]),
      op(O.MOV, R('r0'), [S('c1', undefined, rel('addr', 0))]),
    ]);
    expect(out(p, 'oT0', c)).toEqual([1, 2, 3, 4]);
  });
  it('m4x4 / m3x3 / m3x2 expand into dot products with consecutive constants', () => {
    const m = bank({ 0: [1, 0, 0, 1], 1: [0, 2, 0, 0], 2: [0, 0, 3, 0], 3: [1, 1, 1, 1], 9: [1, 2, 3, 4] });
    expect(out(calc('vs_2_0', [op(O.M4x4, R('r0'), [S('c9'), S('c0')])]), 'oT0', m)).toEqual([5, 4, 9, 10]);
    expect(out(calc('vs_2_0', [op(O.MOV, R('r0'), [S('c9')]), op(O.M3x3, R('r0'), [S('c9'), S('c0')])]), 'oT0', m)).toEqual([1, 4, 9, 4]);
    expect(out(calc('vs_2_0', [op(O.MOV, R('r0'), [S('c9')]), op(O.M3x2, R('r0'), [S('c9'), S('c0')])]), 'oT0', m)).toEqual([1, 4, 3, 4]);
    expect(out(calc('vs_2_0', [op(O.MOV, R('r0'), [S('c9')]), op(O.M4x3, R('r0'), [S('c9'), S('c0')])]), 'oT0', m)).toEqual([5, 4, 9, 4]);
    expect(out(calc('vs_2_0', [op(O.M3x4, R('r0'), [S('c9'), S('c0')])]), 'oT0', m)).toEqual([1, 4, 9, 6]);
  });
  it('setp and predicated instructions write per component; (!p0) inverts', () => {
    const p = calc('vs_2_x', [
      op(O.MOV, R('r0'), [S('c1')]),
      op(O.SETP, R('p0'), [S('c1'), S('c2')], { comparison: 'gt' }), // (1>0.5, 2>0.25, 3>−1, 4>8) = (1,1,1,0)
      op(O.MOV, R('r0'), [S('c5')], { predicate: S('p0') }),
      op(O.ADD, R('r0'), [S('r0'), S('c1')], { predicate: { ...S('p0.x'), modifier: 'not' } }), // never (p0.x true)
      op(O.MUL, R('r0.w'), [S('r0'), S('c2')], { predicate: { ...S('p0'), modifier: 'not' } }), // w: 4 × 8
    ]);
    expect(out(p, 'oT0', c)).toEqual([10, 20, 30, 32]);
  });
  it('sincos SM2 (3 operands) and SM3 (1 operand) write only x, y', () => {
    const sm2 = calc('vs_2_0', [op(O.MOV, R('r0'), [S('c1')]), op(O.SINCOS, R('r0.xy'), [S('c9.x'), S('c10'), S('c11')])]);
    expect(out(sm2, 'oT0', c)).toEqual([1, 0, 3, 4]);
    const sm3 = program('vs_3_0', [
      dcl('o0', DeclUsage.TEXCOORD, 2),
      op(O.MOV, R('r0'), [S('c1')]),
      op(O.SINCOS, R('r0.y'), [S('c9.x')]),
      op(O.MOV, R('o0'), [S('r0')]),
    ]);
    const r = runVertexShader(sm3, { inputs: inputs(), constants: { float: c } });
    const o = findOutput(r, DeclUsage.TEXCOORD, 2);
    expect(o?.register).toBe('o0');
    expect(Array.from(o?.value ?? [])).toEqual([1, 0, 3, 4]);
  });
  it('scalar ops use .w of an identity swizzle and FLT_MAX rules', () => {
    const p = calc('vs_2_0', [op(O.RCP, R('r0.x'), [S('c1')]), op(O.RSQ, R('r0.y'), [S('c9')]), op(O.LOG, R('r0.z'), [S('c2.w')]), op(O.MOV, R('r0.w'), [S('c2.z')])]);
    expect(out(p, 'oT0', c)).toEqual([0.25, FLT_MAX, 3, -1]);
  });
  it('unwritten outputs take the D3D9 defaults; vs < 3 colours saturate, vs_3_0 colours do not', () => {
    const p = program('vs_2_0', [op(O.MOV, R('oD1'), [S('c5')]), op(O.MOV, R('oPos'), [S('c1')])]);
    const r = runVertexShader(p, { inputs: inputs(), constants: { float: c } });
    expect(Array.from(findOutput(r, DeclUsage.COLOR, 0)?.value ?? [])).toEqual([1, 1, 1, 1]);
    expect(Array.from(findOutput(r, DeclUsage.COLOR, 1)?.value ?? [])).toEqual([1, 1, 1, 1]);
    expect(Array.from(findOutput(r, DeclUsage.TEXCOORD, 5)?.value ?? [])).toEqual([0, 0, 0, 1]);
    expect(r.outputs.filter((o) => o.written).map((o) => o.register)).toEqual(['oPos', 'oD1']);
    const p3 = program('vs_3_0', [dcl('o3', DeclUsage.COLOR, 0), dcl('o4', DeclUsage.COLOR, 1), op(O.MOV, R('o3'), [S('c5')])]);
    const r3 = runVertexShader(p3, { inputs: inputs(), constants: { float: c } });
    expect(Array.from(findOutput(r3, DeclUsage.COLOR, 0)?.value ?? [])).toEqual([10, 20, 30, 40]);
    expect(Array.from(findOutput(r3, DeclUsage.COLOR, 1)?.value ?? [])).toEqual([0, 0, 0, 1]);
  });
  it('vs_3_0 o[aL + n] relative output writes inside a loop', () => {
    const p = program('vs_3_0', [
      dcl('o0', DeclUsage.TEXCOORD, 0), dcl('o1', DeclUsage.TEXCOORD, 1), dcl('o2', DeclUsage.TEXCOORD, 2),
      defi(0, [3, 0, 1, 0]),
      flow(O.LOOP, S('aL'), S('i0')),
      op(O.MOV, R('o0', { relative: rel('loop') }), [S('c1', undefined, rel('loop'))]),
      flow(O.ENDLOOP),
    ]);
    const r = runVertexShader(p, { inputs: inputs(), constants: { float: c } });
    // aL = 0, 1, 2: o[aL] = c[aL + 1]; c3 is unset, so o2 reads zeros.
    expect(r.outputs.map((o) => Array.from(o.value))).toEqual([[1, 2, 3, 4], [0.5, 0.25, -1, 8], [0, 0, 0, 0]]);
  });
  it('vs_3_0 texldl calls the sampler with an explicit LOD and a single lane', () => {
    const seen: TextureSampleRequest[] = [];
    const p = program('vs_3_0', [
      dcl('o0', DeclUsage.POSITION, 0), dcl('s2', 0, 0, 2),
      op(O.TEXLDL, R('o0'), [S('c2'), S('s2.yxzw')]),
    ]);
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
    expect(seen.length).toBe(1);
    expect(seen[0]?.variant).toBe('lod');
    expect(seen[0]?.sampler).toBe(2);
    expect(seen[0]?.lanes).toBe(1);
    expect(Array.from(seen[0]?.lod ?? [])).toEqual([8]);
    expect(Array.from(findOutput(r, DeclUsage.POSITION)?.value ?? [])).toEqual([2, 0.5, 3, 4]);
  });
  it('a pixel shader given to runVertexShader is reported, not run', () => {
    const diags = new DiagnosticList();
    const r = runVertexShader(program('ps_2_0', []), { inputs: inputs(), constants: { float: c }, diagnostics: diags });
    expect(r.status).toBe('invalid');
    expect(diags.items.map((d) => d.code)).toEqual([4506]);
  });
});
