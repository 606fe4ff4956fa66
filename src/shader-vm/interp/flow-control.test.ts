import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../common/diagnostics.js';
import { Opcode as O } from '../ir/opcodes.js';
import { runPixelQuad } from './run-pixel.js';
import { runVertexShader } from './run-vertex.js';
import { asm } from './testing/asm.js';
import { S, flow, program } from './testing/ir-builder.js';

interface VsOptions {
  ints?: number[];
  bools?: number[];
  budget?: number;
  consts?: Record<number, number[]>;
  validate?: boolean;
}

/** Runs a vs_3_0 body (c1 = 1; r0 starts as the unset c99 = 0) that leaves its result in r0 and returns r0 plus status details. */
function vsRun(body: string, opts: VsOptions = {}) {
  const p = asm(`vs_3_0\ndcl_position o0\ndef c1, 1, 1, 1, 1\nmov r0, c99\n${body}\nmov o0, r0`, opts.validate ?? true);
  const float = new Float32Array(1024);
  for (const [i, v] of Object.entries(opts.consts ?? {})) float.set(v, Number(i) * 4);
  const diagnostics = new DiagnosticList();
  const r = runVertexShader(p, {
    inputs: new Float32Array(64),
    constants: { float, int: new Int32Array(opts.ints ?? []), bool: opts.bools ?? [] },
    options: opts.budget ? { instructionBudget: opts.budget } : {},
    diagnostics,
  });
  return { status: r.status, executed: r.executed, r0: Array.from(r.outputs[0]?.value ?? []), codes: diagnostics.items.map((d) => d.code) };
}

describe('static flow control (one lane)', () => {
  it('if b# / else / endif, defb overriding the context, if !b#', () => {
    const body = 'if b0\nmov r0, c1\nelse\nmov r0, -c1\nendif';
    expect(vsRun(body, { bools: [1] }).r0).toEqual([1, 1, 1, 1]);
    expect(vsRun(body, { bools: [0] }).r0).toEqual([-1, -1, -1, -1]);
    expect(vsRun(`defb b0, true\n${body}`, { bools: [0] }).r0).toEqual([1, 1, 1, 1]);
    expect(vsRun('if !b0\nadd r0.x, r0, c1\nendif', { bools: [0] }).r0).toEqual([1, 0, 0, 0]);
  });
  it('nested if_lt / if_ge on constants', () => {
    const body = 'if_lt c2.x, c2.y\nadd r0.x, r0, c1\nif_ge c2.y, c2.z\nadd r0.y, r0, c1\nelse\nadd r0.z, r0, c1\nendif\nendif';
    expect(vsRun(body, { consts: { 2: [1, 2, 3, 0] } }).r0).toEqual([1, 0, 1, 0]);
    expect(vsRun(body, { consts: { 2: [1, 3, 3, 0] } }).r0).toEqual([1, 1, 0, 0]);
    expect(vsRun(body, { consts: { 2: [4, 3, 3, 0] } }).r0).toEqual([0, 0, 0, 0]);
  });
  it('loop aL, i#: aL = i.y + k·i.z indexes constants; defi overrides the context', () => {
    const body = 'loop aL, i0\nadd r0, r0, c[aL]\nendloop';
    const consts = { 2: [1, 0, 0, 0], 5: [10, 0, 0, 0], 8: [100, 0, 0, 0], 11: [1000, 0, 0, 0] };
    expect(vsRun(body, { ints: [4, 2, 3, 0], consts }).r0).toEqual([1111, 0, 0, 0]); // aL = 2, 5, 8, 11
    expect(vsRun(`defi i0, 2, 5, 3, 0\n${body}`, { ints: [4, 2, 3, 0], consts }).r0).toEqual([110, 0, 0, 0]);
  });
  it('rep counts are clamped to 0…255', () => {
    const body = 'rep i3\nadd r0.x, r0, c1\nendrep';
    const ints = (n: number): number[] => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, n, 0, 0, 0];
    expect(vsRun(body, { ints: ints(3) }).r0).toEqual([3, 0, 0, 0]);
    expect(vsRun(body, { ints: ints(1000) }).r0).toEqual([255, 0, 0, 0]);
    expect(vsRun(body, { ints: ints(-5) }).r0).toEqual([0, 0, 0, 0]);
  });
  it('loop start and step are clamped (start 0…255, step −128…127)', () => {
    // start −7 → 0, step −1000 → −128: aL = 0, then −128 (outside the bank, reads 0).
    expect(vsRun('loop aL, i0\nadd r0, r0, c[aL]\nendloop', { ints: [2, -7, -1000, 0], consts: { 0: [5, 0, 0, 0] } }).r0).toEqual([5, 0, 0, 0]);
  });
  it('nested loops: aL is the innermost counter and comes back after the inner loop', () => {
    const body = 'loop aL, i0\nloop aL, i1\nadd r0.x, r0, c[aL]\nendloop\nadd r0.y, r0, c[aL]\nendloop';
    const consts = { 10: [0, 1, 0, 0], 11: [0, 100, 0, 0], 20: [1, 0, 0, 0], 21: [10, 0, 0, 0], 22: [100, 0, 0, 0] };
    expect(vsRun(body, { ints: [2, 10, 1, 0, 3, 20, 1, 0], consts }).r0).toEqual([222, 101, 0, 0]);
  });
  it('break_ge, break inside if, and breakp leave the innermost loop only', () => {
    expect(vsRun('rep i0\nadd r0.x, r0, c1\nbreak_ge r0.x, c2.x\nendrep', { ints: [10], consts: { 2: [3, 0, 0, 0] } }).r0).toEqual([3, 0, 0, 0]);
    expect(vsRun('rep i0\nadd r0.x, r0, c1\nif b0\nbreak\nendif\nadd r0.y, r0, c1\nendrep', { ints: [10], bools: [1] }).r0).toEqual([1, 0, 0, 0]);
    expect(vsRun('rep i0\nadd r0.x, r0, c1\nsetp_eq p0.x, r0.x, c2.x\nbreakp p0.x\nendrep', { ints: [10], consts: { 2: [4, 0, 0, 0] } }).r0).toEqual([4, 0, 0, 0]);
    // Outer rep 3 × (inner rep 10 broken at once) = 3 in x; the outer loop is not broken.
    const nested = 'rep i0\nrep i1\nadd r0.x, r0, c1\nbreak_eq r0.y, r0.y\nendrep\nadd r0.y, r0, c1\nendrep';
    expect(vsRun(nested, { ints: [3, 0, 0, 0, 10, 0, 0, 0] }).r0).toEqual([3, 3, 0, 0]);
  });
  it('call, callnz (b# and !b#), ret and label', () => {
    const body = [
      'call l0', 'callnz l1, b0', 'callnz l1, !b1', 'mov o0, r0', 'ret',
      'label l0', 'add r0.x, r0, c1', 'call l2', 'ret',
      'label l1', 'add r0.y, r0, c1', 'ret',
      'label l2', 'add r0.z, r0, c1', 'ret',
    ].join('\n');
    expect(vsRun(body, { bools: [0, 0] }).r0).toEqual([1, 1, 1, 0]);
    expect(vsRun(body, { bools: [1, 1] }).r0).toEqual([1, 1, 1, 0]);
    expect(vsRun(body, { bools: [1, 0] }).r0).toEqual([1, 2, 1, 0]);
  });
  it('unbounded recursion (the validator rejects it; unvalidated it overflows the call stack)', () => {
    const r = vsRun('call l0\nret\nlabel l0\nadd r0.x, r0, c1\ncall l0\nret', { validate: false });
    expect(r.status).toBe('stack-overflow');
    expect(r.codes).toEqual([4503]);
    expect(r.r0).toEqual([0, 0, 0, 0]);
  });
  it('runaway nested loops hit the instruction budget', () => {
    const nest = 'rep i0\nrep i0\nrep i0\nrep i0\nadd r0.x, r0, c1\nendrep\nendrep\nendrep\nendrep';
    const r = vsRun(nest, { ints: [255] });
    expect(r.status).toBe('budget-exceeded');
    expect(r.executed).toBe(65535);
    expect(r.codes).toEqual([4502]);
    const one = 'rep i0\nadd r0.x, r0, c1\nendrep';
    expect(vsRun(one, { ints: [255], budget: 100 })).toMatchObject({ status: 'budget-exceeded', executed: 100 });
    // Exactly enough: mov + rep + 255 × (add + endrep) + the final mov = 513.
    expect(vsRun(one, { ints: [255], budget: 513 }).status).toBe('ok');
    expect(vsRun(one, { ints: [255], budget: 512 }).status).toBe('budget-exceeded');
  });
  it('broken structure (built directly, the assembler would refuse it) is reported once and never run', () => {
    const diagnostics = new DiagnosticList();
    const p = program('vs_3_0', [flow(O.ENDIF), flow(O.CALL, S('l7')), flow(O.REP, S('i0'))]);
    const input = { inputs: new Float32Array(64), constants: { float: new Float32Array(1024) }, diagnostics };
    expect(runVertexShader(p, input).status).toBe('invalid');
    expect(diagnostics.items.map((d) => d.code)).toEqual([4500, 4501, 4500]);
    runVertexShader(p, input);
    expect(diagnostics.items.length).toBe(3);
  });
  it('hostile register numbers in DEF / DEFI / DEFB / DCL are ignored, never written out of bounds', () => {
    const dst = { file: 'const' as const, index: -1, writeMask: 15, saturate: false, partialPrecision: false, centroid: false, shift: 0 };
    const p = program('vs_3_0', [
      { kind: 'def', opcode: O.DEF, offset: -1, coissue: false, dst, bits: [0, 0, 0, 0], values: [1, 2, 3, 4] },
      { kind: 'def', opcode: O.DEF, offset: -1, coissue: false, dst: { ...dst, index: 100000 }, bits: [0, 0, 0, 0], values: [1, 2, 3, 4] },
      { kind: 'defi', opcode: O.DEFI, offset: -1, coissue: false, dst: { ...dst, file: 'constint', index: -3 }, values: [1, 2, 3, 4] },
      { kind: 'defb', opcode: O.DEFB, offset: -1, coissue: false, dst: { ...dst, file: 'constbool', index: 99 }, value: true, raw: 1 },
      { kind: 'dcl', opcode: O.DCL, offset: -1, coissue: false, usage: 0, usageIndex: 0, samplerType: 2, dst: { ...dst, file: 'sampler', index: -2 } },
      flow(O.RET),
    ]);
    const r = runVertexShader(p, { inputs: new Float32Array(64), constants: { float: new Float32Array(1024) } });
    expect([r.status, r.executed]).toEqual(['ok', 1]);
  });
  it('an opcode the interpreter cannot execute is reported as a warning and skipped', () => {
    const diagnostics = new DiagnosticList();
    const p = program('vs_3_0', [flow(75), flow(O.RET)]);
    const r = runVertexShader(p, { inputs: new Float32Array(64), constants: { float: new Float32Array(1024) }, diagnostics });
    expect([r.status, r.executed]).toEqual(['ok', 2]);
    expect(diagnostics.items.map((d) => [d.code, d.severity])).toEqual([[4505, 'warning']]);
  });
});

/** ps_3_0 over a quad (c1 = 1, v0.x per pixel, vPos = the quad at (0, 0)); returns oC0.x per pixel. */
function quad(body: string, v0x: number[], ints: number[] = []): number[] {
  const p = asm(`ps_3_0\ndcl_texcoord0 v0\ndcl vPos.xy\ndef c1, 1, 1, 1, 1\nmov r0, c0\n${body}\nmov oC0, r0`);
  const v = new Float32Array(256);
  v0x.forEach((x, i) => (v[i * 64] = x));
  const r = runPixelQuad(p, { v, vPos: new Float32Array([0, 0, 1, 0, 0, 1, 1, 1]), constants: { float: new Float32Array(1024), int: new Int32Array(ints) } });
  expect(r.status).toBe('ok');
  return [0, 1, 2, 3].map((i) => r.colors[i * 4] as number);
}

describe('divergent flow control within a quad', () => {
  it('if_lt on vPos.x splits the quad into columns', () => {
    const body = 'def c2, 0.5, 10, 20, 0\nif_lt vPos.x, c2.x\nmov r0, c2.y\nelse\nmov r0, c2.z\nendif';
    expect(quad(body, [0, 0, 0, 0])).toEqual([10, 20, 10, 20]);
  });
  it('break_ge per pixel: each pixel leaves the loop at its own count', () => {
    const body = 'rep i0\nadd r0.x, r0, c1\nbreak_ge r0.x, v0.x\nendrep';
    expect(quad(body, [1, 2, 3, 4], [10])).toEqual([1, 2, 3, 4]);
    expect(quad(body, [20, 0, 7, 3], [10])).toEqual([10, 1, 7, 3]);
  });
  it('break inside an if only stops the pixels that took the branch', () => {
    const body = 'rep i0\nif_ge r0.x, v0.x\nbreak\nelse\nadd r0.x, r0, c1\nendif\nadd r0.y, r0, c1\nendrep\nadd r0.x, r0.x, r0.y';
    // A pixel with limit k counts x and y to min(k, 5): the sum is 2·min(k, 5).
    expect(quad(body, [1, 2, 3, 9], [5])).toEqual([2, 4, 6, 10]);
  });
  it('callnz p0 calls for some pixels only', () => {
    const body = [
      'def c2, 2.5, 0, 0, 0',
      'setp_gt p0.x, v0.x, c2.x',
      'callnz l3, p0.x',
      'add r0.x, r0, c1',
      'mov oC0, r0',
      'ret',
      'label l3',
      'add r0.x, r0, c1',
      'ret',
    ].join('\n');
    expect(quad(body, [1, 2, 3, 4])).toEqual([1, 1, 2, 2]);
  });
  it('texkill (SM3: any of xyzw < 0) kills only those pixels; live excludes them and uncovered pixels', () => {
    const p = asm('ps_3_0\ndcl_texcoord0 v0\ntexkill r0\nmov oC0, v0', false);
    const pr = asm('ps_3_0\ndcl_texcoord0 v0\nmov r0, v0\ntexkill r0\nmov oC0, v0');
    const v = new Float32Array(256);
    [1, -1, 0, 2].forEach((x, i) => v.set([1, 1, 1, x], i * 64));
    const r = runPixelQuad(pr, { v, constants: { float: new Float32Array(1024) }, activeMask: 0b1011 });
    expect(r.killed).toBe(0b0010);
    expect(r.live).toBe(0b1001);
    expect(runPixelQuad(p, { v, constants: { float: new Float32Array(1024) } }).killed).toBe(0);
  });
});
