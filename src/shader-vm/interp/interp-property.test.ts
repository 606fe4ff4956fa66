import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShader } from '../decode/decoder.js';
import type { Instruction, RegisterFile, SourceModifier, SrcOperand } from '../ir/ir.js';
import { DeclUsage } from '../ir/ir.js';
import { Opcode as O } from '../ir/opcodes.js';
import { runPixelQuad } from './run-pixel.js';
import { runVertexShader } from './run-vertex.js';
import { R, S, dcl, def, defi, flow, op, program, rel } from './testing/ir-builder.js';

/** Small deterministic PRNG (mulberry32) driven by a fast-check seed, so programs are reproducible. */
function prng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n: number): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n) | 0;
  };
}

const ARITH = [O.MOV, O.ADD, O.SUB, O.MAD, O.MUL, O.RCP, O.RSQ, O.DP3, O.DP4, O.MIN, O.MAX, O.SLT, O.SGE, O.EXP,
  O.LOG, O.LIT, O.DST, O.LRP, O.FRC, O.POW, O.CRS, O.SGN, O.ABS, O.NRM, O.SINCOS, O.M4x4, O.M3x3, O.M3x2, O.CMP,
  O.DP2ADD, O.EXPP, O.LOGP, O.MOVA, O.SETP, O.DSX, O.DSY, O.TEXKILL, O.TEX, O.TEXLDL, O.TEXLDD, O.CND];
const SRC_FILES: RegisterFile[] = ['temp', 'const', 'input', 'constint', 'constbool', 'predicate', 'loop', 'misc', 'texture', 'addr'];
const MODS: SourceModifier[] = ['none', 'neg', 'abs', 'absneg', 'bias', 'sign', 'comp', 'x2', 'dz', 'dw'];

/** A random program: structured flow (if/rep/loop/break/call) around random arithmetic. */
function randomProgram(seed: number, type: 'vs' | 'ps'): ReturnType<typeof program> {
  const r = prng(seed);
  const src = (): SrcOperand => {
    const file = SRC_FILES[r(SRC_FILES.length)] as RegisterFile;
    const s: SrcOperand = { file, index: r(40) - 4, swizzle: r(256), modifier: MODS[r(MODS.length)] as SourceModifier };
    return r(6) === 0 ? { ...s, relative: rel(r(2) === 0 ? 'addr' : 'loop', r(4)) } : s;
  };
  const dstFiles = type === 'vs' ? ['temp', 'output', 'addr', 'predicate'] : ['temp', 'colorout', 'depthout', 'predicate'];
  const arith = (): Instruction => {
    const file = dstFiles[r(dstFiles.length)] as RegisterFile;
    const dst = { ...R('r0'), file, index: r(14), writeMask: r(16), saturate: r(4) === 0 };
    const extra = r(5) === 0 ? { predicate: { ...S('p0'), swizzle: r(256), modifier: r(2) ? ('not' as const) : ('none' as const) } } : {};
    return op(ARITH[r(ARITH.length)] as number, dst, [src(), src(), src(), src()], { ...extra, comparison: (['gt', 'eq', 'ge', 'lt', 'ne', 'le'] as const)[r(6)] ?? 'gt' });
  };
  const block = (depth: number, inLoop: boolean): Instruction[] => {
    const out: Instruction[] = [];
    const n = 1 + r(4);
    for (let i = 0; i < n; i++) {
      const k = depth < 3 ? r(10) : 0;
      if (k <= 4) out.push(arith());
      else if (k === 5) out.push(flow(O.IF, S(`b${r(3)}`)), ...block(depth + 1, inLoop), flow(O.ELSE), ...block(depth + 1, inLoop), flow(O.ENDIF));
      else if (k === 6) out.push(op(O.IFC, undefined, [src(), src()], { comparison: 'lt' }), ...block(depth + 1, inLoop), flow(O.ENDIF));
      else if (k === 7) out.push(flow(O.REP, S(`i${r(2)}`)), ...block(depth + 1, true), flow(O.ENDREP));
      else if (k === 8) out.push(flow(O.LOOP, S('aL'), S(`i${r(2)}`)), ...block(depth + 1, true), flow(O.ENDLOOP));
      else if (inLoop && r(2) === 0) out.push(op(O.BREAKC, undefined, [src(), src()], { comparison: 'ge' }));
      else out.push(r(2) === 0 ? flow(O.CALL, S(`l${r(3)}`)) : flow(O.CALLNZ, S(`l${r(3)}`), S(`p0.${'xyzw'[r(4)]}`)));
    }
    return out;
  };
  const head: Instruction[] = [
    defi(0, [r(300) - 20, r(300) - 20, r(300) - 150, 0]),
    defi(1, [r(8), r(4), r(3) - 1, 0]),
    def(5, [r(7) - 3, r(2) ? Infinity : NaN, 0.5, -0]),
    ...(type === 'vs' ? [dcl('o0', DeclUsage.POSITION, 0), dcl('o1', DeclUsage.TEXCOORD, 0)] : [dcl('v0', DeclUsage.TEXCOORD, 0), dcl('s0', 0, 0, 2)]),
  ];
  const subs: Instruction[] = [];
  for (let l = 0; l < 3; l++) subs.push(flow(O.LABEL, S(`l${l}`)), ...block(2, false), flow(O.RET));
  return program(type === 'vs' ? 'vs_3_0' : 'ps_3_0', [...head, ...block(0, false), flow(O.RET), ...subs]);
}

const STATUSES = ['ok', 'budget-exceeded', 'stack-overflow'];
const constants = { float: new Float32Array(1024).map((_, i) => (i % 7) - 3), int: new Int32Array([3, 1, 1, 0, 255, 0, 1, 0]), bool: [1, 0, 1] };
const sampler = {
  sample(req: { lanes: number; coords: Float32Array }, out: Float32Array): void {
    for (let i = 0; i < req.lanes * 4; i++) out[i] = Math.fround((req.coords[i] as number) * 0.5);
  },
};

describe('random programs (seeded)', () => {
  it('never throw and always stop within the budget, in vertex and pixel shaders', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 50, max: 3000 }), (seed, budget) => {
        const vp = randomProgram(seed, 'vs');
        const v = runVertexShader(vp, { inputs: new Float32Array(64).fill(0.25), constants, options: { instructionBudget: budget }, sampler });
        expect(STATUSES).toContain(v.status);
        expect(v.executed).toBeLessThanOrEqual(budget);
        const pp = randomProgram(seed, 'ps');
        const p = runPixelQuad(pp, { v: new Float32Array(256).fill(0.5), vPos: new Float32Array(8), constants, options: { instructionBudget: budget }, sampler });
        expect(STATUSES).toContain(p.status);
        expect(p.executed).toBeLessThanOrEqual(budget);
        if (p.status !== 'ok') expect(p.killed).toBe(0xf);
        seen.add(v.status).add(p.status);
      }),
      { seed: 42, numRuns: 150 },
    );
    // The generator reaches every ending: completion, the budget and call-stack overflow.
    expect([...seen].sort()).toEqual(['budget-exceeded', 'ok', 'stack-overflow']);
  });
  it('the same program and inputs give the same bits every time', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const p = randomProgram(seed, 'ps');
        const input = { v: new Float32Array(256).fill(0.5), constants, sampler, options: { instructionBudget: 2000 } };
        const a = runPixelQuad(p, input);
        const b = runPixelQuad(p, input);
        expect(new Uint32Array(b.colors.buffer)).toEqual(new Uint32Array(a.colors.buffer));
        expect([b.status, b.executed, b.killed]).toEqual([a.status, a.executed, a.killed]);
      }),
      { seed: 42, numRuns: 100 },
    );
  });
  it('arbitrary bytecode that decodes runs without throwing', () => {
    fc.assert(
      fc.property(fc.constantFrom(0xfffe0300, 0xffff0300, 0xfffe0200, 0xffff0200, 0xffff0104, 0xffff0101, 0xfffe0101), fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 60 }), (version, body) => {
        const words = new Uint32Array([version, ...body, 0x0000ffff]);
        const d = decodeShader(words);
        if (!d.ok) return;
        const budget = { instructionBudget: 3000 };
        if (d.program.version.type === 'vs') {
          const r = runVertexShader(d.program, { inputs: new Float32Array(64), constants, options: budget });
          expect(['ok', 'invalid', ...STATUSES]).toContain(r.status);
        } else {
          const r = runPixelQuad(d.program, { constants, options: budget });
          expect(['ok', 'invalid', ...STATUSES]).toContain(r.status);
        }
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
