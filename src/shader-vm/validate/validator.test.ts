import { describe, expect, it } from 'vitest';
import { assemble } from '../text/assembler.js';
import { validateShader } from './validator.js';

/** Error codes the validator reports for an assembly text (assembled without validation). */
function codes(text: string, expected?: 'vs' | 'ps'): number[] {
  const a = assemble(text, { validate: false });
  if (!a.ok) throw new Error(a.diagnostics.map((d) => d.message).join('\n'));
  const v = validateShader(a.bytes, expected);
  expect(v.ok).toBe(!v.diagnostics.some((d) => d.severity === 'error'));
  return [...new Set(v.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))].sort();
}

/** Validator codes for raw DWORDs. */
function wordCodes(words: number[]): number[] {
  const v = validateShader(Uint32Array.from(words));
  return [...new Set(v.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))].sort();
}

const END = 0x0000ffff;

describe('validator rules (one per diagnostic code)', () => {
  it('accepts well-formed shaders of every model', () => {
    expect(codes('vs_1_1\ndcl_position v0\nm4x4 oPos, v0, c0\nmov a0.x, v0.x\nmov oD0, c[a0.x + 4]')).toEqual([]);
    expect(codes('ps_1_1\ntex t0\ntexcoord t1\nmul r0.rgb, t0, t1\n+mov r0.a, t0')).toEqual([]);
    expect(codes('ps_1_4\ntexld r0, t0\nbem r1.xy, r0, c0\nphase\ntexld r2, r1\nmov r0, v0')).toEqual([]);
    expect(codes('ps_3_0\ndcl_texcoord v0\ndcl_2d s0\nloop aL, i0\ntexld r0, v0[aL], s0\nendloop\nmov oC0, r0')).toEqual([]);
    expect(codes('vs_3_0\ndcl_position o0\ndcl_texcoord0 o1.xy\ndcl_texcoord1 o1.zw\nsincos r0.xy, v0.x\nmov o0, r0')).toEqual([]);
  });

  it('texkill names r# or t# (v# in ps_3_0); ps_3_0 indexes constants with aL', () => {
    expect(codes('ps_2_0\ndcl t0\ntexkill t0\nmov oC0, c0')).toEqual([]);
    expect(codes('ps_3_0\ndcl_texcoord v0\ntexkill v0\nmov oC0, c0')).toEqual([]);
    expect(codes('ps_2_0\ntexkill oC0')).toEqual([4101]);
    expect(codes('ps_3_0\nloop aL, i0\nmov r0, c[aL + 1]\nendloop\nmov oC0, r0')).toEqual([]);
    expect(codes('ps_3_0\nmova a0.x, r0\n')).toEqual([4051]);
  });

  it('accepts the shapes Mesa\'s svga driver emits for Linux guests (vs_3_0 / ps_3_0 only)', () => {
    // Predicated select (setp + predicated mov), 3-operand sgn, loop constant via defi, a0.x
    // constant indexing; in the pixel shader aL input indexing, a shadow sampler, texkill of a
    // temp inside dynamic flow control and texldl there.
    expect(codes([
      'vs_3_0', 'def c0, 0, 0.5, -1, 1', 'defi i0, 255, 0, 1, 0', 'dcl_texcoord0 v0', 'dcl_position o0',
      'setp_lt p0, v0, c0.x', 'mov r0, c0.w', '(p0) mov r0, c0.x', 'sgn r1, r0, r2, r3',
      'mova a0.x, v0.x', 'mov r4, c10[a0.x]', 'mov o0, r1',
    ].join('\n'), 'vs')).toEqual([]);
    expect(codes([
      'ps_3_0', 'def c0, 0, 0.5, -1, 1', 'defi i0, 255, 0, 1, 0', 'dcl_texcoord0 v0', 'dcl_texcoord1 v1',
      'dcl_2dshadow s0', 'dcl vFace', 'mov r0, c0.x', 'loop aL, i0', 'add r0, r0, v0[aL]', 'endloop',
      'if_ne r0.x, c0.x', 'mov r1, -c0.w', 'texkill r1', 'texldl r2, v0, s0', 'endif', 'cmp r3, vFace, r0, r2',
      'mov oC0, r3',
    ].join('\n'), 'ps')).toEqual([]);
  });

  it('4003: shader type differs from the expected one', () => {
    expect(codes('ps_2_0\nmov oC0, c0', 'vs')).toEqual([4003]);
  });

  it('4051: opcode not available in the shader model', () => {
    expect(codes('ps_2_0\nrep i0\nendrep')).toEqual([4051]);
    expect(codes('vs_1_1\npow r0, r0.x, r1.x')).toEqual([4051]);
    expect(codes('ps_2_0\ntexldl r0, t0, s0')).toEqual([4051]);
  });

  it('4055: predication without a predicate register, or on flow control', () => {
    expect(codes('vs_2_0\n(p0.x) add r0, r0, r0')).toEqual([4055]);
    expect(codes('vs_2_x\nrep i0\n(p0.x) break\nendrep')).toEqual([4055]);
  });

  it('4056 / 4252: co-issue only in ps_1_x, and only as a .rgb + .a pair', () => {
    expect(codes('ps_2_0\nmov r0.xyz, c0\n+mov r0.w, c0\nmov oC0, r0')).toEqual([4056]);
    expect(codes('ps_1_1\nmov r0.rgb, c0\n+mov r0.rgb, c1')).toEqual([4252]);
    expect(codes('ps_1_1\n+mov r0.a, c1')).toEqual([4252]);
  });

  it('4101: register file not allowed in the model or the operand position', () => {
    expect(codes('vs_2_0\nmov oC0, r0')).toEqual([4101]);
    expect(codes('ps_2_0\nmov r0, s0')).toEqual([4101]);
    expect(codes('ps_3_0\nmov r0, t0')).toEqual([4101]);
    expect(codes('vs_2_0\nrep b0\nendrep')).toEqual([4101]);
  });

  it('4102: register index beyond the SVGA3D / model limits', () => {
    expect(codes('vs_2_0\nmov r0, c256')).toEqual([4102]);
    expect(codes('vs_3_0\nmov r32, r0')).toEqual([4102]);
    expect(codes('ps_2_0\nmov oC0, c32')).toEqual([4102]);
    expect(codes('ps_3_0\nmov oC0, c255')).toEqual([]);
    expect(codes('ps_3_0\nmov oC0, c256')).toEqual([4102]);
    expect(codes('ps_2_0\ndcl_2d s16')).toEqual([4102]);
    expect(codes('vs_3_0\ntexldl r0, r0, s4')).toEqual([4102]);
    expect(codes('vs_2_0\ndefi i16, 1, 0, 0, 0')).toEqual([4102]);
    expect(codes('ps_2_0\nmov oC4, r0')).toEqual([4102]);
    expect(codes('ps_1_4\ntexld r0, t6')).toEqual([4102]);
    expect(codes('ps_1_1\nmov r2, c0')).toEqual([4102]);
  });

  it('4103: empty or wrong write masks', () => {
    expect(wordCodes([0xffff0200, 0x02000001, 0x80000000, 0xa0e40000, END])).toEqual([4103]);
    expect(codes('vs_3_0\nsincos r0.z, r1.x')).toEqual([4103]);
    expect(codes('vs_1_1\nmov a0.y, r0')).toEqual([4103]);
    expect(codes('vs_2_0\ndef c0.xy, 1, 2, 3, 4')).toEqual([4103]);
    expect(codes('vs_1_1\nfrc r0.x, r1')).toEqual([4103]);
    expect(codes('ps_1_4\nbem r1, r0, c0\nphase')).toEqual([4103]);
  });

  it('4104: relative addressing where the model has none', () => {
    expect(codes('ps_2_0\nmov oC0, c[a0.x]')).toEqual([4104]);
    expect(codes('vs_2_0\nmov oPos[a0.x], v0')).toEqual([4104]);
    expect(codes('vs_2_0\nmov r0, v[a0.x]')).toEqual([4104]);
  });

  it('4105: source modifiers outside their models', () => {
    expect(codes('ps_2_0\nmov oC0, c0_bias')).toEqual([4105]);
    expect(codes('ps_1_1\nmov r0, c0_x2')).toEqual([4105]);
    expect(codes('vs_1_1\nmov r0, v0_abs')).toEqual([4105]);
    expect(codes('ps_2_0\nmov oC0, !c0')).toEqual([4105]);
  });

  it('4106: result modifiers outside their models', () => {
    expect(codes('ps_2_0\nmov_x2 oC0, c0')).toEqual([4106]);
    expect(codes('vs_2_0\nmov_sat oPos, v0')).toEqual([4106]);
    expect(codes('vs_3_0\nmov_pp r0, v0')).toEqual([4106]);
    expect(codes('ps_1_1\nmov_x16 r0, c0')).toEqual([4106]);
    expect(codes('ps_1_1\nmov_x8 r0, c0')).toEqual([4106]);
    expect(codes('ps_1_3\nmov_d4 r0, c0')).toEqual([4106]);
    expect(codes('ps_1_4\nmov_d8 r0, c0')).toEqual([]);
    expect(codes('ps_1_3\ntexbem_d2 t1, t0')).toEqual([4106]);
  });

  it('4107: swizzles the position does not allow', () => {
    // a0 index with a non-replicate swizzle: relative token 0xB0E40000.
    expect(wordCodes([0xfffe0200, 0x03000001, 0x800f0000, 0xa0e42000, 0xb0e40000, END])).toEqual([4107]);
    expect(codes('ps_1_1\nmov r0, c0.yx')).toEqual([4107]);
    expect(codes('vs_2_0\nsincos r0.xy, r1, c0, c1')).toEqual([4107]);
  });

  it('4108: operands of the wrong kind for the instruction', () => {
    expect(codes('vs_2_0\nsincos r0.xy, r1.x, r2, r3')).toEqual([4108]);
    expect(codes('ps_1_4\ntexdepth r0')).toEqual([4108]);
    expect(codes('vs_2_0\nsgn r0, r1, c0, c1')).toEqual([4108]);
  });

  it('4150 / 4151 / 4152: declarations', () => {
    expect(codes('ps_2_0\ndcl_1d s0')).toEqual([4150]);
    expect(codes('ps_2_0\ndcl_cube v0')).toEqual([4150]);
    expect(codes('ps_2_0\ndcl v0\ndcl v0.x')).toEqual([4151]);
    expect(codes('vs_2_0\ndcl_position v0\ndcl_position v1')).toEqual([4151]);
    expect(codes('ps_2_0\ndcl_2d s0\ndcl_cube s0')).toEqual([4151]);
    const late = assemble('ps_2_0\nmov r0, v0\ndcl v0', { validate: false });
    const lateResult = late.ok ? validateShader(late.bytes) : undefined;
    expect(lateResult?.ok).toBe(true);
    expect(lateResult?.diagnostics.map((d) => [d.code, d.severity])).toEqual([[4152, 'warning']]);
    expect(codes('vs_3_0\ndcl_texcoord0 o1.xy\ndcl_texcoord1 o1.zw')).toEqual([]);
  });

  it('4153: SM2+ inputs, samplers and vs_3_0 outputs used without dcl are warned about once', () => {
    const warn = (text: string) => {
      const a = assemble(text, { validate: false });
      if (!a.ok) throw new Error('assembly failed');
      const v = validateShader(a.bytes);
      expect(v.ok).toBe(true);
      return v.diagnostics.map((d) => [d.code, d.severity, d.message]);
    };
    expect(warn('ps_2_0\ntexld r0, t0, s0\ntexld r1, t0, s0\nmov oC0, r0')).toEqual([
      [4153, 'warning', 'instruction 0: t0 is used without a dcl'],
      [4153, 'warning', 'instruction 0: s0 is used without a dcl'],
    ]);
    expect(warn('vs_3_0\ndcl_position v0\nmov o0, v0\nmov o1, v1')).toEqual([
      [4153, 'warning', 'instruction 1: o0 is used without a dcl'],
      [4153, 'warning', 'instruction 2: v1 is used without a dcl'],
      [4153, 'warning', 'instruction 2: o1 is used without a dcl'],
    ]);
    expect(warn('ps_1_1\ntex t0\nmov r0, t0')).toEqual([]);
  });

  it('4200 / 4201: unbalanced blocks and else without if', () => {
    expect(codes('vs_2_0\nrep i0')).toEqual([4200]);
    expect(codes('vs_2_0\nendif')).toEqual([4200]);
    expect(codes('vs_2_0\nloop aL, i0\nendrep')).toEqual([4200]);
    expect(codes('vs_2_0\nelse')).toEqual([4201]);
    expect(codes('vs_2_0\nif b0\nelse\nelse\nendif')).toEqual([4201]);
  });

  it('4202: nesting deeper than the model allows', () => {
    expect(codes(`vs_3_0\n${'rep i0\n'.repeat(5)}${'endrep\n'.repeat(5)}`)).toEqual([4202]);
    expect(codes(`vs_3_0\n${'rep i0\n'.repeat(4)}${'endrep\n'.repeat(4)}`)).toEqual([]);
    expect(codes(`vs_2_0\n${'if b0\n'.repeat(17)}${'endif\n'.repeat(17)}`)).toEqual([4202]);
    expect(codes(`vs_3_0\n${'if b0\n'.repeat(24)}${'endif\n'.repeat(24)}`)).toEqual([]);
  });

  it('4203 / 4204 / 4205 / 4207 / 4208: labels and calls', () => {
    expect(codes('vs_2_0\ncall l3\nret')).toEqual([4203]);
    expect(codes('vs_2_0\nret\nlabel l0\nret\nlabel l0\nret')).toEqual([4204]);
    expect(codes('vs_3_0\ncall l0\nret\nlabel l0\ncall l1\nret\nlabel l1\ncall l0\nret')).toEqual([4205]);
    expect(codes('vs_3_0\ncall l0\nret\nlabel l0\ncall l0\nret')).toEqual([4205]);
    expect(codes('vs_2_0\nif b0\nlabel l0\nendif')).toContain(4207);
    expect(codes('vs_2_0\ncall l0\nret\nlabel l0\ncall l1\nret\nlabel l1\nret')).toEqual([4208]);
    expect(codes('vs_3_0\ncall l0\nret\nlabel l0\ncall l1\nret\nlabel l1\nret')).toEqual([]);
  });

  it('4206: break outside a loop', () => {
    expect(codes('vs_2_x\nbreak')).toEqual([4206]);
    expect(codes('vs_2_x\nif b0\nbreak_gt r0.x, r1.x\nendif')).toEqual([4206]);
    expect(codes('vs_2_x\nrep i0\nif b0\nbreak\nendif\nendrep')).toEqual([]);
  });

  it('4250 / 4251: ps_1_x phases and texture-instruction order', () => {
    expect(codes('ps_1_4\nphase\nphase')).toEqual([4250]);
    expect(codes('ps_1_4\nphase\nbem r1.xy, r0, c0')).toEqual([4250]);
    expect(codes('ps_1_4\nmov r0, v0\nphase')).toEqual([4250]);
    expect(codes('ps_2_0\nphase')).toEqual([4250]);
    expect(codes('ps_1_1\nmov r0, c0\ntex t0')).toEqual([4251]);
    expect(codes('ps_1_4\nmov r0, c0\ntexld r1, t0')).toEqual([4251]);
    expect(codes('ps_1_4\nmov r0, c0\nphase\ntexld r1, t0')).toEqual([]);
  });

  it('never throws and bounds its output on a shader full of errors', () => {
    const text = `vs_2_0\n${'mov r99, c999\n'.repeat(2000)}`;
    const a = assemble(text, { validate: false });
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    const v = validateShader(a.bytes);
    expect(v.ok).toBe(false);
    expect(v.diagnostics.length).toBe(256);
  });
});
