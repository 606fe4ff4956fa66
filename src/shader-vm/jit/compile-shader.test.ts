import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../common/diagnostics.js';
import type { OpInstruction, ShaderProgram } from '../ir/ir.js';
import { asm } from '../interp/testing/asm.js';
import { runPixelQuad } from '../interp/run-pixel.js';
import { runVertexShader } from '../interp/run-vertex.js';
import { compileShader, unsupportedReason } from './compile-shader.js';
import { runPixelQuadCompiled } from './run-compiled.js';
import { runVertexShaderCompiled } from './run-vertex-compiled.js';
import { ShaderCache } from './shader-cache.js';

const zeros = (): Float32Array => new Float32Array(1024);

describe('generated source', () => {
  const text = 'vs_2_0\ndef c0, 1, 2, 3, 4\ndcl_position v0\nadd r0, v0, c0\nmul oPos, r0, c0.x';
  it('depends only on the program: two decodes of the same text give the same source', () => {
    const a = compileShader(asm(text));
    const b = compileShader(asm(text));
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.source).toBe(b.source);
  });
  it('straight-line code has no dispatcher; flow control gets one; debug adds the disassembly', () => {
    const plain = compileShader(asm(text), { debug: true });
    const flow = compileShader(asm('vs_2_0\nrep i0\nadd r0, r0, c1\nendrep\nmov oPos, r0'));
    if (!plain.ok || !flow.ok) throw new Error('not compiled');
    expect(plain.source.includes('switch (pc)')).toBe(false);
    expect(flow.source.includes('switch (pc)')).toBe(true);
    expect(plain.source).toContain('// 2: add r0, v0, c0');
    expect(compileShader(asm(text)).ok && (compileShader(asm(text)) as { source: string }).source.includes('//')).toBe(false);
  });
  it('computes exact values (worked by hand)', () => {
    const p = asm(text);
    const inputs = new Float32Array(64);
    inputs.set([0.5, -1, 0.25, 2]);
    const r = runVertexShaderCompiled(p, { inputs, constants: { float: zeros() } }, new ShaderCache());
    expect(r.status).toBe('ok');
    expect(r.executed).toBe(2);
    // (v0 + c0) · c0.x = (1.5, 1, 3.25, 6)
    expect(Array.from(r.outputs[0]?.value ?? [])).toEqual([1.5, 1, 3.25, 6]);
    expect(r.outputs[0]?.written).toBe(true);
    expect(r.outputs[3]?.written).toBe(false); // oD0 keeps its default
    expect(Array.from(r.outputs[3]?.value ?? [])).toEqual([1, 1, 1, 1]);
  });
});

describe('interpreter semantics at the edges', () => {
  it('a runaway loop stops at the same instruction with the same diagnostic', () => {
    const p = asm('vs_3_0\ndcl_position o0\ndef c1, 1, 1, 1, 1\nmov r0, c0\nrep i0\nrep i0\nrep i0\nadd r0.x, r0, c1\nendrep\nendrep\nendrep\nmov o0, r0');
    const input = (d: DiagnosticList) => ({ inputs: new Float32Array(64), constants: { float: zeros(), int: new Int32Array([255]) }, diagnostics: d, options: { instructionBudget: 1000 } });
    const da = new DiagnosticList();
    const db = new DiagnosticList();
    const a = runVertexShader(p, input(da));
    const b = runVertexShaderCompiled(p, input(db), new ShaderCache());
    expect([b.status, b.executed]).toEqual(['budget-exceeded', 1000]);
    expect([a.status, a.executed]).toEqual([b.status, b.executed]);
    expect(db.items.map((x) => [x.code, x.message])).toEqual(da.items.map((x) => [x.code, x.message]));
    expect(db.items[0]?.code).toBe(4502);
  });
  it('unbounded recursion overflows the call stack at the same point', () => {
    const p = asm('vs_3_0\ndcl_position o0\ncall l0\nret\nlabel l0\nadd r0.x, r0, c1\ncall l0\nret', false);
    const d = new DiagnosticList();
    const input = { inputs: new Float32Array(64), constants: { float: zeros() }, diagnostics: d };
    const r = runVertexShaderCompiled(p, input, new ShaderCache());
    // 32 frames: the first call, then 31 × (add, call); the next add and call overflow.
    expect([r.status, r.executed]).toEqual(['stack-overflow', 1 + 31 * 2 + 2]);
    expect(d.items.map((x) => x.message)).toEqual(['calls nested deeper than 32 at instruction 5']);
    const ref = runVertexShader(p, input);
    expect([ref.status, ref.executed]).toEqual([r.status, r.executed]);
  });
  it('texkill per pixel and helper pixels: kill mask and live as the interpreter', () => {
    const p = asm('ps_3_0\ndcl_texcoord0 v0\nmov r0, v0\ntexkill r0\nmov oC0, v0');
    const v = new Float32Array(256);
    [1, -1, 0, 2].forEach((x, i) => v.set([1, 1, 1, x], i * 64));
    const input = { v, constants: { float: zeros() }, activeMask: 0b1011 };
    const r = runPixelQuadCompiled(p, input, new ShaderCache());
    expect([r.killed, r.live, r.colorsWritten]).toEqual([0b0010, 0b1001, 1]);
    expect(Array.from(r.colors.subarray(12, 16))).toEqual([1, 1, 1, 2]);
    expect(r).toEqual(runPixelQuad(p, input));
  });
  it('the wrong shader type is reported as the interpreter reports it', () => {
    const d = new DiagnosticList();
    const r = runPixelQuadCompiled(asm('vs_2_0\nmov oPos, c0'), { constants: { float: zeros() }, diagnostics: d });
    expect([r.status, r.killed, d.items.map((x) => x.code)]).toEqual(['invalid', 15, [4506]]);
    const v = runVertexShaderCompiled(asm('ps_2_0\nmov oC0, c0'), { inputs: new Float32Array(64), constants: { float: zeros() }, diagnostics: d });
    expect([v.status, d.items.map((x) => x.code)]).toEqual(['invalid', [4506, 4506]]);
  });
});

describe('programs left to the interpreter', () => {
  /** ps_1_1 with a `ret` co-issued after an arithmetic instruction (hand-built: the assembler refuses it). */
  function coissuedFlow(): ShaderProgram {
    const p = asm('ps_1_1\nmov r0, c0\nmov r0.a, c1');
    const second = { ...(p.instructions[1] as OpInstruction), opcode: 28, coissue: true, src: [], dst: undefined } as unknown as OpInstruction;
    return { ...p, instructions: [p.instructions[0] as OpInstruction, second] };
  }
  it('say why, and run on the interpreter (counted) with its results', () => {
    const p = coissuedFlow();
    expect(unsupportedReason(p)).toBe('instruction 1: co-issued flow control pairing');
    const cache = new ShaderCache();
    const input = { constants: { float: new Float32Array([0.25, 0.5, 0.75, 1]) } };
    const r = runPixelQuadCompiled(p, input, cache);
    expect(r).toEqual(runPixelQuad(p, input));
    expect(Array.from(r.colors.subarray(0, 4))).toEqual([0.25, 0.5, 0.75, 1]);
    expect([cache.stats.unsupported, cache.stats.fallbackRuns]).toEqual([1, 1]);
  });
});
