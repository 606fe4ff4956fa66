import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../common/diagnostics.js';
import type { Instruction, ShaderProgram } from '../ir/ir.js';
import { DeclUsage } from '../ir/ir.js';
import { Opcode as O } from '../ir/opcodes.js';
import { runPixelQuad } from './run-pixel.js';
import { runVertexShader } from './run-vertex.js';
import { R, S, dcl, def, defb, defi, flow, op, program } from './testing/ir-builder.js';

const ONE = def(1, [1, 1, 1, 1]);

/** Runs a vs_3_0 body that leaves its result in r0 (o0 = r0) and returns r0. */
function vsRun(body: Instruction[], opts: { ints?: number[]; bools?: number[]; budget?: number; consts?: Record<number, number[]> } = {}) {
  const p: ShaderProgram = program('vs_3_0', [
    dcl('o0', DeclUsage.POSITION, 0),
    ONE,
    ...body,
    op(O.MOV, R('o0'), [S('r0')]),
  ]);
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

const inc = (mask = 'x'): Instruction => op(O.ADD, R(`r0.${mask}`), [S('r0'), S('c1')]);

describe('static flow control (one lane)', () => {
  it('if b# / else / endif', () => {
    const body = [flow(O.IF, S('b0')), op(O.MOV, R('r0'), [S('c1')]), flow(O.ELSE), op(O.MOV, R('r0'), [S('-c1')]), flow(O.ENDIF)];
    expect(vsRun(body, { bools: [1] }).r0).toEqual([1, 1, 1, 1]);
    expect(vsRun(body, { bools: [0] }).r0).toEqual([-1, -1, -1, -1]);
    expect(vsRun([defb(0, true), ...body], { bools: [0] }).r0).toEqual([1, 1, 1, 1]);
    expect(vsRun([flow(O.IF, { ...S('b0'), modifier: 'not' }), inc(), flow(O.ENDIF)], { bools: [0] }).r0).toEqual([1, 0, 0, 0]);
  });
  it('nested if_lt / if_ge on constants', () => {
    const body = [
      op(O.IFC, undefined, [S('c2.x'), S('c2.y')], { comparison: 'lt' }),
      inc('x'),
      op(O.IFC, undefined, [S('c2.y'), S('c2.z')], { comparison: 'ge' }),
      inc('y'),
      flow(O.ELSE),
      inc('z'),
      flow(O.ENDIF),
      flow(O.ENDIF),
    ];
    expect(vsRun(body, { consts: { 2: [1, 2, 3, 0] } }).r0).toEqual([1, 0, 1, 0]);
    expect(vsRun(body, { consts: { 2: [1, 3, 3, 0] } }).r0).toEqual([1, 1, 0, 0]);
    expect(vsRun(body, { consts: { 2: [4, 3, 3, 0] } }).r0).toEqual([0, 0, 0, 0]);
  });
  it('loop aL, i#: aL = i.y + k·i.z indexes constants', () => {
    const body = [flow(O.LOOP, S('aL'), S('i0')), op(O.ADD, R('r0'), [S('r0'), { ...S('c0'), relative: { file: 'loop', index: 0, swizzle: 0, component: 0 } }]), flow(O.ENDLOOP)];
    // aL = 2, 5, 8, 11.
    const consts = { 2: [1, 0, 0, 0], 5: [10, 0, 0, 0], 8: [100, 0, 0, 0], 11: [1000, 0, 0, 0] };
    expect(vsRun(body, { ints: [4, 2, 3, 0], consts }).r0).toEqual([1111, 0, 0, 0]);
    expect(vsRun([defi(0, [2, 5, 3, 0]), ...body], { ints: [4, 2, 3, 0], consts }).r0).toEqual([110, 0, 0, 0]);
  });
  it('rep counts are clamped to 0…255', () => {
    const body = [flow(O.REP, S('i3')), inc(), flow(O.ENDREP)];
    expect(vsRun(body, { ints: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0] }).r0).toEqual([3, 0, 0, 0]);
    expect(vsRun(body, { ints: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1000, 0, 0, 0] }).r0).toEqual([255, 0, 0, 0]);
    expect(vsRun(body, { ints: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -5, 0, 0, 0] }).r0).toEqual([0, 0, 0, 0]);
  });
  it('loop start and step are clamped (start 0…255, step −128…127)', () => {
    const body = [flow(O.LOOP, S('aL'), S('i0')), op(O.ADD, R('r0'), [S('r0'), { ...S('c0'), relative: { file: 'loop', index: 0, swizzle: 0, component: 0 } }]), flow(O.ENDLOOP)];
    // start −7 → 0, step −1000 → −128: aL = 0, −128 (out of range reads 0).
    expect(vsRun(body, { ints: [2, -7, -1000, 0], consts: { 0: [5, 0, 0, 0] } }).r0).toEqual([5, 0, 0, 0]);
  });
  it('nested loops: aL is the innermost counter and comes back after the inner loop', () => {
    const rel = { file: 'loop' as const, index: 0, swizzle: 0, component: 0 };
    const body = [
      flow(O.LOOP, S('aL'), S('i0')), // aL = 10, 11
      flow(O.LOOP, S('aL'), S('i1')), // aL = 20, 21, 22
      op(O.ADD, R('r0.x'), [S('r0'), { ...S('c0'), relative: rel }]),
      flow(O.ENDLOOP),
      op(O.ADD, R('r0.y'), [S('r0'), { ...S('c0.y'), relative: rel }]),
      flow(O.ENDLOOP),
    ];
    const consts = { 10: [0, 1, 0, 0], 11: [0, 100, 0, 0], 20: [1, 0, 0, 0], 21: [10, 0, 0, 0], 22: [100, 0, 0, 0] };
    expect(vsRun(body, { ints: [2, 10, 1, 0, 3, 20, 1, 0], consts }).r0).toEqual([222, 101, 0, 0]);
  });
  it('break, break_ge and breakp leave the innermost loop only', () => {
    const rep = (inner: Instruction[]): Instruction[] => [flow(O.REP, S('i0')), ...inner, flow(O.ENDREP)];
    expect(vsRun(rep([inc(), op(O.BREAKC, undefined, [S('r0.x'), S('c2.x')], { comparison: 'ge' })]), { ints: [10], consts: { 2: [3, 0, 0, 0] } }).r0).toEqual([3, 0, 0, 0]);
    expect(vsRun(rep([inc(), flow(O.IF, S('b0')), flow(O.BREAK), flow(O.ENDIF), inc('y')]), { ints: [10], bools: [1] }).r0).toEqual([1, 0, 0, 0]);
    const breakp = rep([inc(), op(O.SETP, R('p0.x'), [S('r0.x'), S('c2.x')], { comparison: 'eq' }), flow(O.BREAKP, S('p0.x'))]);
    expect(vsRun(breakp, { ints: [10], consts: { 2: [4, 0, 0, 0] } }).r0).toEqual([4, 0, 0, 0]);
    // Outer rep 3 × (inner rep 10 broken after 2) = 6, and the outer loop is not broken.
    const nested = rep([flow(O.REP, S('i1')), inc(), op(O.BREAKC, undefined, [S('r0.y'), S('r0.y')], { comparison: 'eq' }), flow(O.ENDREP), inc('y')]);
    expect(vsRun(nested, { ints: [3, 0, 0, 0, 10, 0, 0, 0] }).r0).toEqual([3, 3, 0, 0]);
  });
  it('call, callnz (b# and !b#), ret and label', () => {
    const body = [
      flow(O.CALL, S('l0')),
      flow(O.CALLNZ, S('l1'), S('b0')),
      flow(O.CALLNZ, S('l1'), { ...S('b1'), modifier: 'not' }),
      op(O.MOV, R('o0'), [S('r0')]),
      flow(O.RET),
      flow(O.LABEL, S('l0')),
      inc('x'),
      flow(O.CALL, S('l2')),
      flow(O.RET),
      flow(O.LABEL, S('l1')),
      inc('y'),
      flow(O.RET),
      flow(O.LABEL, S('l2')),
      inc('z'),
      flow(O.RET),
    ];
    // The trailing "mov o0, r0" after the subroutines is never reached; main's own mov wrote o0.
    expect(vsRun(body, { bools: [0, 0] }).r0).toEqual([1, 1, 1, 0]);
    expect(vsRun(body, { bools: [1, 1] }).r0).toEqual([1, 1, 1, 0]);
    expect(vsRun(body, { bools: [1, 0] }).r0).toEqual([1, 2, 1, 0]);
  });
  it('unbounded recursion stops with a stack overflow diagnostic', () => {
    const r = vsRun([flow(O.CALL, S('l0')), flow(O.RET), flow(O.LABEL, S('l0')), inc(), flow(O.CALL, S('l0')), flow(O.RET)]);
    expect(r.status).toBe('stack-overflow');
    expect(r.codes).toEqual([4503]);
    expect(r.r0).toEqual([0, 0, 0, 0]);
  });
  it('runaway nested loops hit the instruction budget', () => {
    const nest = (depth: number): Instruction[] => (depth === 0 ? [inc()] : [flow(O.REP, S('i0')), ...nest(depth - 1), flow(O.ENDREP)]);
    const r = vsRun(nest(4), { ints: [255] });
    expect(r.status).toBe('budget-exceeded');
    expect(r.executed).toBe(65535);
    expect(r.codes).toEqual([4502]);
    const small = vsRun(nest(1), { ints: [255], budget: 100 });
    expect(small.status).toBe('budget-exceeded');
    expect(small.executed).toBe(100);
    // Exactly enough: 1 rep + 255 × (add + endrep) + the final mov = 512.
    expect(vsRun(nest(1), { ints: [255], budget: 512 }).status).toBe('ok');
    expect(vsRun(nest(1), { ints: [255], budget: 511 }).status).toBe('budget-exceeded');
  });
  it('broken structure is reported once and never executed', () => {
    const diagnostics = new DiagnosticList();
    const p = program('vs_3_0', [flow(O.ENDIF), flow(O.CALL, S('l7')), flow(O.REP, S('i0'))]);
    const r = runVertexShader(p, { inputs: new Float32Array(64), constants: { float: new Float32Array(1024) }, diagnostics });
    expect(r.status).toBe('invalid');
    expect(diagnostics.items.map((d) => d.code)).toEqual([4500, 4501, 4500]);
    runVertexShader(p, { inputs: new Float32Array(64), constants: { float: new Float32Array(1024) }, diagnostics });
    expect(diagnostics.items.length).toBe(3);
  });
});

/** ps_3_0 over a quad; v0.x per pixel; returns oC0.x of the four pixels. */
function quad(body: Instruction[], v0x: number[], ints: number[] = []): number[] {
  const p = program('ps_3_0', [dcl('v0', DeclUsage.TEXCOORD, 0), ONE, ...body, op(O.MOV, R('oC0'), [S('r0')])]);
  const v = new Float32Array(256);
  v0x.forEach((x, i) => (v[i * 64] = x));
  const r = runPixelQuad(p, { v, vPos: new Float32Array([0, 0, 1, 0, 0, 1, 1, 1]), constants: { float: new Float32Array(1024), int: new Int32Array(ints) } });
  expect(r.status).toBe('ok');
  return [0, 1, 2, 3].map((i) => r.colors[i * 4] as number);
}

describe('divergent flow control within a quad', () => {
  it('if_lt on vPos.x splits the quad into columns', () => {
    const body = [
      def(2, [0.5, 10, 20, 0]),
      op(O.IFC, undefined, [S('vPos.x'), S('c2.x')], { comparison: 'lt' }),
      op(O.MOV, R('r0'), [S('c2.y')]),
      flow(O.ELSE),
      op(O.MOV, R('r0'), [S('c2.z')]),
      flow(O.ENDIF),
    ];
    expect(quad(body, [0, 0, 0, 0])).toEqual([10, 20, 10, 20]);
  });
  it('breakc per pixel: each pixel leaves the loop at its own count', () => {
    const body = [flow(O.REP, S('i0')), inc(), op(O.BREAKC, undefined, [S('r0.x'), S('v0.x')], { comparison: 'ge' }), flow(O.ENDREP)];
    expect(quad(body, [1, 2, 3, 4], [10])).toEqual([1, 2, 3, 4]);
    expect(quad(body, [20, 0, 7, 3], [10])).toEqual([10, 1, 7, 3]);
  });
  it('break inside an if only stops the pixels that took the branch', () => {
    const body = [
      flow(O.REP, S('i0')),
      op(O.IFC, undefined, [S('r0.x'), S('v0.x')], { comparison: 'ge' }),
      flow(O.BREAK),
      flow(O.ELSE),
      inc(),
      flow(O.ENDIF),
      inc('y'),
      flow(O.ENDREP),
      op(O.ADD, R('r0.x'), [S('r0.x'), S('r0.y')]),
    ];
    // Pixel with limit k: x counts to k (capped by 5 iterations), y counts the same, sum = 2k.
    expect(quad(body, [1, 2, 3, 9], [5])).toEqual([2, 4, 6, 10]);
  });
  it('callnz p0 calls for some pixels; a conditional ret inside the subroutine', () => {
    const body = [
      def(2, [2.5, 0, 0, 0]),
      op(O.SETP, R('p0.x'), [S('v0.x'), S('c2.x')], { comparison: 'gt' }),
      flow(O.CALLNZ, S('l3'), S('p0.x')),
      inc(),
      op(O.MOV, R('oC0'), [S('r0')]),
      flow(O.RET),
      flow(O.LABEL, S('l3')),
      inc(),
      op(O.IFC, undefined, [S('v0.x'), S('c1.x')], { comparison: 'gt' }),
      op(O.IFC, undefined, [S('v0.x'), S('c2.x')], { comparison: 'gt' }),
      flow(O.RET),
      flow(O.ENDIF),
      flow(O.ENDIF),
      inc(),
      flow(O.RET),
    ];
    // v0.x > 2.5 calls: +1, returns early (v0.x > 2.5 too), then +1 in main.
    expect(quad(body, [1, 2, 3, 4])).toEqual([1, 1, 2, 2]);
  });
  it('texkill in a branch kills only those pixels', () => {
    const p = program('ps_3_0', [
      dcl('v0', DeclUsage.TEXCOORD, 0),
      op(O.TEXKILL, R('v0')),
      op(O.MOV, R('oC0'), [S('v0')]),
    ]);
    const v = new Float32Array(256);
    [1, -1, 0, 2].forEach((x, i) => v.set([1, 1, 1, x], i * 64)); // SM3 checks all four components
    const r = runPixelQuad(p, { v, constants: { float: new Float32Array(1024) }, activeMask: 0b1011 });
    expect(r.killed).toBe(0b0010);
    expect(r.live).toBe(0b1001);
  });
});
