/**
 * Test support: assembly programs for the differential tests, covering every opcode the VM runs,
 * every source modifier and result modifier, relative addressing, predication, every flow-control
 * construct (divergent within a quad too) and the ps_1_x rules (co-issue, cnd, range clamp,
 * texture-address instructions, phases). Mostly the shapes of the interpreter's own tests, with
 * more instructions around them so values flow between lanes and registers. `validate: false`
 * marks programs the validator refuses but the interpreter defines (runaway, recursion).
 */

export interface AsmCase {
  readonly name: string;
  readonly text: string;
  readonly validate?: boolean;
}

const VS_ARITH = [
  'mov r0, c1', 'add r1, c1, -c2', 'sub r2, c1, c2', 'mul r3, c10, c11', 'mad r4, c1, c2, c3',
  'rcp r5, c1.w', 'rcp r5.y, c10.x', 'rsq r6, c2.w', 'rsq r6.z, v0.x', 'dp3 r7, c1, v1', 'dp4 r8, v0, c2',
  'min r9, c1, v2', 'max r0, v2, c10', 'slt r1, c2, v0', 'sge r1.zw, v0, c2', 'exp r2, v1.z', 'log r3, v2.w',
  'logp r3.x, c10.x', 'expp r4, v1.x', 'lit r5, v3', 'dst r6, v1, v2', 'frc r7.xy, v3', 'mov r8, c1.wzyx',
  'mov r8.yw, v1.x', 'm4x4 r9, v0, c4', 'm4x3 r0.xyz, v1, c4', 'm3x4 r1, v2, c4', 'm3x3 r2.xyz, v3, c4', 'm3x2 r3.xy, v0, c4',
];
const VS_OUT = 'mov oT7, r11\nadd oPos, r0, r1\nmad oD0, r2, r3, r4\nmul oD1, r5, r6\nadd oT0, r7, r8\nadd oT1, r9, r0\nadd oT2, r1, r2\n'
  + 'add oT3, r3, r4\nadd oT4, r5, r6\nadd oT5, r7, r8\nadd oT6, r9, r0\nadd oT7, r1, r2\nmov oFog, r3.x\nmov oPts, r3.y';

const VS2_EXTRA = [
  'lrp r1, v0.x, c1, c2', 'mov r2.w, c2.w', 'crs r2.xyz, v1, v2', 'sgn r3, v3, r1, r2', 'abs r4, v2', 'nrm r5, v1',
  'pow r6, v2.w, c2.y', 'sincos r7.xy, v0.x, c20, c21', 'mova a0.x, v0.x', 'mov r8, c[a0.x + 1]', 'mov r9, -c1_abs',
];

/** Each instruction followed by an accumulation of its destination into r11, so every result reaches an output. */
function accumulate(lines: readonly string[]): string {
  return lines.map((l) => {
    const d = /^\w+ (r\d)/.exec(l);
    return d ? `${l}\nadd r11, r11, ${d[1] as string}` : l;
  }).join('\n');
}

/** The cases. */
export const ASM_CORPUS: readonly AsmCase[] = [
  { name: 'vs_1_1 arithmetic', text: `vs_1_1\ndcl_position v0\ndcl_normal v1\ndcl_texcoord v2\ndcl_color v3\nmov r11, c0\n${accumulate(VS_ARITH)}\n${VS_OUT}` },
  { name: 'vs_1_1 mov a0 floor + relative', text: 'vs_1_1\ndcl_position v0\nmov a0.x, v0.x\nmov r0, c[a0.x + 3]\nadd oPos, r0, c[a0.x]\nmov oD0, c[a0.x + 200]' },
  { name: 'vs_2_0 arithmetic', text: `vs_2_0\ndcl_position v0\ndcl_normal v1\ndcl_texcoord v2\ndcl_color v3\nmov r11, c0\n${accumulate([...VS_ARITH, ...VS2_EXTRA])}\n${VS_OUT}` },
  { name: 'vs_2_0 static flow', text: 'vs_2_0\ndcl_position v0\nmov r0, c0\nif b0\nadd r0, r0, c1\nelse\nsub r0, r0, c1\nendif\nif !b1\nmul r0, r0, c2\nendif\n'
    + 'loop aL, i0\nadd r0, r0, c[aL]\nendloop\nrep i1\nmad r0, r0, c3, v0\nendrep\ncall l1\ncallnz l2, b2\ncallnz l2, !b3\nmov oPos, r0\nmov oD0, r1\nret\n'
    + 'label l1\nadd r1, r0, c4\nrep i2\nadd r1, r1, c5\nendrep\nret\nlabel l2\nmul r1, r1, c6\nret' },
  { name: 'vs_2_x predication and dynamic flow', text: 'vs_2_x\ndcl_position v0\nmov r0, c0\nsetp_lt p0, v0, c1\n(p0) add r0, r0, c2\n(!p0.y) mov r0.zw, c3\n'
    + 'rep i0\nadd r0.x, r0, c1\nbreak_ge r0.x, v0.y\nsetp_gt p0.x, r0.x, c4.x\nbreakp p0.x\nendrep\nif_lt v0.z, c5.z\nmov r1, c6\nelse\nmov r1, c[a0.y]\nendif\n'
    + 'mova a0.yz, v0\nmov r2, c[a0.y + 2]\nmov r3, c[a0.z]\nadd oPos, r0, r1\nadd oD0, r2, r3' },
  { name: 'vs_3_0 outputs, o[aL], texldl, sm3 forms', text: 'vs_3_0\ndcl_position v0\ndcl_texcoord v1\ndcl_position o0\ndcl_texcoord0 o1\ndcl_texcoord1 o2\ndcl_texcoord2 o3\ndcl_2d s2\n'
    + 'defi i0, 3, 1, 1, 0\nmov r0, v0\nsincos r1.xy, v1.x\nsgn r2, v1\nloop aL, i0\nmov o[aL], c[aL + 1]\nadd r0, r0, v[aL]\nendloop\ntexldl r3, v1, s2\ntexldl r4, c2, s2.yxzw\n'
    + 'add o0, r0, r3\nmad o3, r1, r2, r4' },
  { name: 'vs_3_0 nested loops with break and call', text: 'vs_3_0\ndcl_position o0\ndef c1, 1, 1, 1, 1\nmov r0, c99\nloop aL, i0\nloop aL, i1\nadd r0.x, r0, c[aL]\n'
    + 'break_eq r0.y, c2.y\nendloop\nadd r0.y, r0, c[aL]\ncall l3\nendloop\nmov o0, r0\nret\nlabel l3\nadd r0.z, r0, c1\nif b4\nret\nendif\nadd r0.w, r0, c1\nret' },
  { name: 'vs_3_0 runaway nested rep (budget)', text: 'vs_3_0\ndcl_position o0\ndef c1, 1, 1, 1, 1\nmov r0, c0\nrep i0\nrep i0\nrep i0\nrep i0\nadd r0.x, r0, c1\nendrep\nendrep\nendrep\nendrep\nmov o0, r0' },
  { name: 'vs_3_0 unbounded recursion', validate: false, text: 'vs_3_0\ndcl_position o0\ndef c1, 1, 1, 1, 1\nmov r0, c0\ncall l0\nmov o0, r0\nret\nlabel l0\nadd r0.x, r0, c1\ncall l0\nret' },
  { name: 'vs_2_0 fall off the end of a subroutine', validate: false, text: 'vs_2_0\nmov r0, c1\ncall l0\nmov oPos, r0\nret\nlabel l0\nadd r0, r0, c2' },
  // Pixel shaders.
  { name: 'ps_1_1 modifiers, shifts, clamp, co-issue, cnd', text: 'ps_1_1\ntex t0\ntexcoord t1\nmov r1, c1\nadd_x2 r0, r1, c2\nmov_d2 r1, c2_bias\nmul_x4 r1, -c2_bx2, 1-c3\n'
    + 'mov r0.rgb, c1\n+add r0.a, r0, r1\ncnd r1, r0.a, c1, c2\nmov r1.a, c2\n+cnd r1.rgb, r0.a, c1, t0\nmad_sat r0, r1, t0, t1\nlrp r0, c2.a, r0, r1\ndp3 r1, r0, c3\nsub r0, r0, r1' },
  { name: 'ps_1_1 texkill, texbem, texbeml', text: 'ps_1_1\ntex t0\ntexkill t1\ntexbem t2, t0\ntexbeml t3, t0\nadd r0, t2, t3' },
  { name: 'ps_1_1 texm3x2 and texm3x3', text: 'ps_1_1\ntex t0\ntexm3x2pad t1, t0\ntexm3x2tex t2, t0\nmov r0, t2' },
  { name: 'ps_1_1 texm3x3spec', text: 'ps_1_1\ntex t0\ntexm3x3pad t1, t0\ntexm3x3pad t2, t0\ntexm3x3spec t3, t0, c0\nmov r0, t3' },
  { name: 'ps_1_1 texm3x3vspec', text: 'ps_1_1\ntex t0\ntexm3x3pad t1, t0\ntexm3x3pad t2, t0\ntexm3x3vspec t3, t0\nmul r0, t3, c1' },
  { name: 'ps_1_1 texm3x3tex', text: 'ps_1_1\ntex t0\ntexm3x3pad t1, t0\ntexm3x3pad t2, t0\ntexm3x3tex t3, t0\nmov r0, t3' },
  { name: 'ps_1_2 texreg2*, texdp3*, texm3x3, cmp, dp4', text: 'ps_1_2\ntex t0\ntexreg2ar t1, t0\ntexreg2gb t2, t0\ntexreg2rgb t3, t0\nadd r0, t1, t2\ncmp r1, r0, t3, c1\ndp4 r0, r1, c2' },
  { name: 'ps_1_2 texdp3 and texdp3tex', text: 'ps_1_2\ntex t0\ntexdp3 t1, t0\ntexdp3tex t2, t0\nadd r0, t1, t2' },
  { name: 'ps_1_2 texm3x3', text: 'ps_1_2\ntex t0\ntexm3x3pad t1, t0\ntexm3x3pad t2, t0\ntexm3x3 t3, t0\nmov r0, t3' },
  { name: 'ps_1_3 texm3x2depth', text: 'ps_1_3\ntex t0\ntexm3x2pad t1, t0\ntexm3x2depth t2, t0\nmov r0, t0' },
  { name: 'ps_1_4 texld _dz/_dw, texcrd, phase, bem, texdepth', text: 'ps_1_4\ntexld r2, t1_dw.xyw\ntexld r3, t2_dz.xyz\ntexcrd r0.rgb, t0\ntexcrd r5.rgb, t3\n'
    + 'bem r1.rg, c0, r0\nphase\ntexdepth r5\nadd_x8 r0, r2, r3\nmul_d8 r4, r1, c2_x2\ncnd r0.a, r4.a, r0, -c3_x2\ncmp r0.rgb, r4, r0, r1' },
  { name: 'ps_1_4 texkill and second phase texld', text: 'ps_1_4\ntexcrd r1.rgb, t0\ntexkill t1\nmul r1, r1, c1\nphase\ntexld r1, r1\nmov r0, r1' },
  { name: 'ps_2_0 texld variants and arithmetic', text: 'ps_2_0\ndcl t0\ndcl t1\ndcl v0\ndcl_2d s0\ndcl_cube s1\ndcl_volume s2\n'
    + 'texld r0, t0, s0\ntexldp r1, t1, s0\ntexldp r2, t1, s1\ntexldb r3, t0, s2\ndp2add r4, r0, r1, c0.x\ncmp r5, r2, r3, -r4\nlrp r6, v0, r5, r0\n'
    + 'nrm r7, r6\npow r8, r7.x, c1.y\nrcp r9, r8.x\nrsq r10, r6.w\nsincos r11.xy, t0.x, c20, c21\nmul_sat r11, r11, v0\nmin r0, r11, r10\nmax_pp r1, r9, -r0_abs\n'
    + 'frc r2, t1\nexp r3, r2.y\nlog r4, r3.y\nabs r5, r4\ntexkill r5\nmov oC0, r0\nmov oC1, r1\nmad oC2, r2, r3, r4\nmov oC3, r5\nmov oDepth, r6.z' },
  { name: 'ps_2_x derivatives, predication, ifc, rep, call, texldd', text: 'ps_2_x\ndcl t0\ndcl t1\ndcl_2d s0\nmov r0, c0\ndsx r1, t0\ndsy r2, t0_abs\n'
    + 'setp_gt p0, t0, c1\n(p0) add r0, r0, r1\n(!p0.w) mul r0.xy, r0, r2\nif_lt t0.x, c2.x\nadd r0, r0, c3\nelse\nsub r0, r0, c3\ndsx r3, r0\nendif\n'
    + 'rep i0\nadd r0.x, r0, c4\nbreak_ge r0.x, t1.x\nendrep\ncallnz l1, p0.y\ntexldd r4, t0, s0, r1, r2\nadd r0, r0, r4\nmov oC0, r0\nret\nlabel l1\nmul r0, r0, c5\nret' },
  { name: 'ps_3_0 loop aL, v[aL], vPos, vFace, divergent break, callnz, texkill', text: 'ps_3_0\ndcl_texcoord0 v0\ndcl_texcoord1 v1\ndcl_texcoord2 v2\ndcl vPos.xy\ndcl vFace\ndcl_2d s1\n'
    + 'def c1, 1, 1, 1, 1\ndef c2, 0.5, 10, 20, 0\nmov r0, c0\nloop aL, i0\nadd r0, r0, v[aL]\nendloop\nif_lt vPos.x, c2.x\nmov r1, c2.y\nelse\nmov r1, c2.z\nendif\n'
    + 'rep i1\nif_ge r0.x, v0.x\nbreak\nelse\nadd r0.x, r0, c1\nendif\nadd r0.y, r0, c1\nendrep\nsetp_gt p0.x, v0.x, c2.x\ncallnz l3, p0.x\ntexldl r2, v1, s1\n'
    + 'texldd r3, v0, s1.wzyx, v1, v2\nmul r4, vFace, r3\ntexkill v2\nmov oC0, r0\nmov oC1, r1\nadd oC2, r2, r4\nret\nlabel l3\nadd r0.x, r0, c1\ndsy r5, v0\nadd r0, r0, r5\nret' },
  { name: 'ps_3_0 nested if in loop, ret inside if', text: 'ps_3_0\ndcl_texcoord0 v0\ndef c1, 1, 1, 1, 1\nmov r0, c0\ncall l2\nmov oC0, r0\nret\nlabel l2\n'
    + 'rep i0\nif_lt v0.x, c3.x\nadd r0, r0, c1\nif_gt v0.y, c3.y\nret\nendif\nendif\nadd r0.z, r0, c1\nendrep\nadd r0.w, r0, c1\nret' },
];
