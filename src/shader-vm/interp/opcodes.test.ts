import { describe, expect, it } from 'vitest';
import { FLT_MAX } from '../ops/scalar.js';
import { runPixelQuad } from './run-pixel.js';
import { runVertexShader } from './run-vertex.js';
import { asm } from './testing/asm.js';

// Every arithmetic opcode and modifier, written as assembly, assembled to bytecode, decoded and
// interpreted. Expected values are worked out by hand (float32 roundings noted where they matter).

const f = Math.fround;
const Inf = Infinity;

/** The context's float constants shared by all cases. */
const C: Record<number, number[]> = {
  1: [1, 2, 3, 4],
  2: [0.5, 0.25, -1, 8],
  4: [1, 0, 0, 0], 5: [0, 1, 0, 0], 6: [0, 0, 1, 0], 7: [0, 0, 0, 1],
  10: [0, -0, Inf, NaN],
  11: [-Inf, 1, 0.5, -2],
  12: [0.5, 0.5, 0, 2],
  13: [1.25, -0.25, 3, -1.5],
  14: [3, 4, 0, 1],
  3: [0.6, 0.5, 0.4, 1],
  // D3DSINCOSCONST1 / 2, which the SM2 sincos macro names as operands.
  20: [-1.5500992e-6, -2.1701389e-5, 0.0026041667, 0.00026041668],
  21: [-0.020833334, -0.125, 1, 0.5],
};
const bank = new Float32Array(1024);
for (const [i, v] of Object.entries(C)) bank.set(v, Number(i) * 4);

/** Runs `body` in a vs and returns r0 (through oT0). */
function vs(body: string, version = 'vs_2_0'): number[] {
  const p = asm(`${version}\n${version === 'vs_3_0' ? 'dcl_texcoord0 o0\n' : ''}mov r0, c0\n${body}\nmov ${version === 'vs_3_0' ? 'o0' : 'oT0'}, r0`);
  const r = runVertexShader(p, { inputs: new Float32Array(64), constants: { float: bank } });
  expect(r.status).toBe('ok');
  const o = r.outputs.find((x) => x.register === (version === 'vs_3_0' ? 'o0' : 'oT0'));
  return Array.from(o?.value ?? []);
}

/** Runs `body` in a ps and returns r0 of pixel 0 (ps_1_x: r0 is the colour). */
function ps(body: string, version = 'ps_2_0'): number[] {
  const sm1 = version.startsWith('ps_1');
  const p = asm(`${version}\n${sm1 ? '' : 'mov r0, c0\n'}${body}${sm1 ? '' : '\nmov oC0, r0'}`);
  const r = runPixelQuad(p, { constants: { float: bank } });
  expect(r.status).toBe('ok');
  return Array.from(r.colors.subarray(0, 4));
}

const splat = (x: number): number[] => [x, x, x, x];

describe('vertex arithmetic opcodes (assembled)', () => {
  const cases: [string, number[], string?][] = [
    ['mov r0, c1', [1, 2, 3, 4]],
    ['add r0, c1, -c2', [0.5, 1.75, 4, -4]],
    ['sub r0, c1, c2', [0.5, 1.75, 4, -4]],
    ['mul r0, c1, c2', [0.5, 0.5, -3, 32]],
    ['mad r0, c1, c2, c1', [1.5, 2.5, 0, 36]],
    ['mul r0, c10, c11', [0, -0, Inf, NaN]], // legacy: 0 × −Inf = 0
    ['rcp r0, c1.w', splat(0.25)],
    ['rcp r0, c1', splat(0.25)], // identity swizzle reads .w
    ['rcp r0, c10.x', splat(FLT_MAX)],
    ['rsq r0, c2.w', splat(f(1 / Math.sqrt(8)))],
    ['rsq r0, c10.y', splat(FLT_MAX)],
    ['dp3 r0, c1, c2', splat(-2)],
    ['dp4 r0, c1, c2', splat(30)],
    ['min r0, c1, c2', [0.5, 0.25, -1, 4]],
    ['max r0, c1, c2', [1, 2, 3, 8]],
    ['slt r0, c2, c1', [1, 1, 1, 0]],
    ['sge r0, c2, c1', [0, 0, 0, 1]],
    ['exp r0, c1.z', splat(8)],
    ['log r0, c2.w', splat(3)],
    ['log r0, c10.x', splat(-FLT_MAX)],
    ['logp r0, c2.w', splat(3)],
    ['expp r0, c2.x', splat(f(Math.SQRT2))],
    ['expp r0, c13.x', [2, 0.25, f(2 * 2 ** 0.25), 1], 'vs_1_1'],
    ['lit r0, c12', [1, 0.5, 0.25, 1]],
    ['dst r0, c1, c2', [1, 0.5, 3, 8]],
    ['lrp r0, c2.x, c1, c2', [0.75, 1.125, 1, 6]],
    ['frc r0, c13', [0.25, 0.75, 0, 0.5]],
    ['pow r0, c2.w, c2.y', splat(f(1.681792830507429))], // 8^0.25 = 2^0.75
    ['mov r0.w, c2.w\ncrs r0.xyz, c1, c2', [-2.75, 2.5, -0.75, 8]],
    ['sgn r0, c13, r1, r2', [1, -1, 1, -1]],
    ['abs r0, c13', [1.25, 0.25, 3, 1.5]],
    ['nrm r0, c14', [f(0.6), f(0.8), 0, f(0.2)]],
    ['mov r0, c1\nsincos r0.xy, c10.x, c20, c21', [1, 0, 3, 4]],
    ['mov r0, c1\nsincos r0.y, c10.x', [1, 0, 3, 4], 'vs_3_0'],
    ['m4x4 r0, c1, c4', [1, 2, 3, 4]],
    ['m3x2 r0.xy, c1, c4', [1, 2, 0, 0]],
    ['mova a0.x, c2.x\nmov r0, c[a0.x + 1]', [0.5, 0.25, -1, 8]],
    ['mov a0.x, c2.x\nmov r0, c[a0.x + 1]', [1, 2, 3, 4], 'vs_1_1'], // floor(0.5) = 0
    ['mov r0, -c13_abs', [-1.25, -0.25, -3, -1.5], 'vs_3_0'],
    ['mov r0, c1.wzyx', [4, 3, 2, 1]],
    ['mov r0.yw, c1.x', [0, 1, 0, 1]],
  ];
  for (const [body, want, version] of cases) {
    it(`${version ?? 'vs_2_0'}: ${body.replace(/\n/g, '; ')}`, () => {
      expect(vs(body, version)).toEqual(want);
    });
  }
});

describe('pixel arithmetic opcodes and modifiers (assembled)', () => {
  const cases: [string, number[], string?][] = [
    ['cmp r0, c13, c1, c2', [1, 0.25, 3, 8]],
    ['dp2add r0, c1, c2, c2.x', splat(1.5)],
    ['mul_sat r0, c1, c2', [0.5, 0.5, 0, 1]],
    ['mad_sat r0, c13, c1, c2.y', [1, 0, 1, 0]],
    // ps_1_x constants clamp to ±1: c1 → (1, 1, 1, 1), c2 → (0.5, 0.25, −1, 1).
    ['cnd r0, c3, c1, c2', [1, 0.25, -1, 1], 'ps_1_4'],
    ['mov r0, c1\ncnd r0, r0.a, c2, c1', [0.5, 0.25, -1, 1], 'ps_1_1'],
    ['add_x2 r0, c2, c2', [2, 1, -4, 4], 'ps_1_4'],
    ['add_x2 r0, c2, c2', [1, 1, -1, 1], 'ps_1_3'], // ps_1_1–1_3 registers hold ±1
    ['add_x4 r0, c2, c2', [4, 2, -8, 8], 'ps_1_4'],
    ['mov_d2 r0, c2', [0.25, 0.125, -0.5, 0.5], 'ps_1_1'],
    ['mov r0, c2_bias', [0, -0.25, -1, 0.5], 'ps_1_1'],
    ['mov r0, -c2_bias', [-0, 0.25, 1, -0.5], 'ps_1_1'],
    ['mov r0, c2_bx2', [0, -0.5, -1, 1], 'ps_1_1'],
    ['mov r0, -c2_bx2', [-0, 0.5, 1, -1], 'ps_1_1'],
    ['mov r0, 1-c2', [0.5, 0.75, 1, 0], 'ps_1_1'],
    ['mov r0, c2_x2', [1, 0.5, -2, 2], 'ps_1_4'],
    ['mov r0, -c2_x2', [-1, -0.5, 2, -2], 'ps_1_4'],
    ['dp3 r0, c1, c2', splat(-0.25), 'ps_1_1'],
    ['mad r0, c1, c2, c2', [1, 0.5, -1, 1], 'ps_1_1'], // 1 + 1 = 2 clamps to 1 in ps_1_1
    ['lrp r0, c2.x, c1, c2', [0.75, 0.625, 0, 1], 'ps_1_1'],
  ];
  for (const [body, want, version] of cases) {
    it(`${version ?? 'ps_2_0'}: ${body.replace(/\n/g, '; ')}`, () => {
      expect(ps(body, version)).toEqual(want);
    });
  }
});
