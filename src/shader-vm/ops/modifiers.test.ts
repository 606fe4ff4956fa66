import { describe, expect, it } from 'vitest';
import type { SourceModifier } from '../ir/ir.js';
import { applyRangeClamp, applySaturate, applyShift, applySourceModifier, ps1xRange, swizzleInto } from './modifiers.js';
import { arithmeticOp, matrixShape } from './op-table.js';
import { Opcode } from '../ir/opcodes.js';

function mod(m: SourceModifier, v: number[]): number[] {
  const a = new Float32Array(v);
  applySourceModifier(a, m);
  return Array.from(a);
}

describe('source modifiers', () => {
  const x = [0.25, 1, -0.5, 0];
  it('every float modifier', () => {
    expect(mod('none', x)).toEqual(x);
    expect(mod('neg', x)).toEqual([-0.25, -1, 0.5, -0]);
    expect(mod('bias', x)).toEqual([-0.25, 0.5, -1, -0.5]);
    expect(mod('biasneg', x)).toEqual([0.25, -0.5, 1, 0.5]);
    expect(mod('sign', x)).toEqual([-0.5, 1, -2, -1]);
    expect(mod('signneg', x)).toEqual([0.5, -1, 2, 1]);
    expect(mod('comp', x)).toEqual([0.75, 0, 1.5, 1]);
    expect(mod('x2', x)).toEqual([0.5, 2, -1, 0]);
    expect(mod('x2neg', x)).toEqual([-0.5, -2, 1, -0]);
    expect(mod('abs', x)).toEqual([0.25, 1, 0.5, 0]);
    expect(mod('absneg', x)).toEqual([-0.25, -1, -0.5, -0]);
    expect(mod('not', x)).toEqual(x);
  });
  it('dz divides x, y by z; dw divides x, y, z by w', () => {
    expect(mod('dz', [1, 2, 4, 8])).toEqual([0.25, 0.5, 4, 8]);
    expect(mod('dw', [1, 2, 4, 8])).toEqual([0.125, 0.25, 0.5, 8]);
  });
  it('swizzle reads the named components', () => {
    const out = new Float32Array(4);
    swizzleInto(out, [1, 2, 3, 4], 0, 0x1b); // .wzyx
    expect(Array.from(out)).toEqual([4, 3, 2, 1]);
    swizzleInto(out, [0, 0, 1, 2, 3, 4], 2, 0x55); // .y of the vector at offset 2
    expect(Array.from(out)).toEqual([2, 2, 2, 2]);
  });
});

describe('result modifiers', () => {
  it('shift, then saturate (NaN → 0), then the ps_1_x range', () => {
    const v = new Float32Array([0.3, -0.6, 0.75, NaN]);
    applyShift(v, 1);
    expect(Array.from(v)).toEqual([Math.fround(0.6), Math.fround(-1.2), 1.5, NaN]);
    applySaturate(v);
    expect(Array.from(v)).toEqual([Math.fround(0.6), 0, 1, 0]);
    const w = new Float32Array([1, 2, 4, 8]);
    applyShift(w, -3);
    expect(Array.from(w)).toEqual([0.125, 0.25, 0.5, 1]);
    const r = new Float32Array([9, -9, 0.5, NaN]);
    applyRangeClamp(r, 8);
    expect(Array.from(r)).toEqual([8, -8, 0.5, 0]);
  });
  it('ps_1_x range per version', () => {
    expect(ps1xRange(1, 1, true)).toBe(1);
    expect(ps1xRange(1, 3, true)).toBe(1);
    expect(ps1xRange(1, 4, true)).toBe(8);
    expect(ps1xRange(2, 0, true)).toBe(0);
    expect(ps1xRange(1, 1, false)).toBe(0);
  });
});

describe('op table', () => {
  it('expp depends on the model, crs and sincos limit their writes, matrices expand', () => {
    const v11 = { type: 'vs', major: 1, minor: 1 } as const;
    const v20 = { type: 'vs', major: 2, minor: 0 } as const;
    expect(arithmeticOp(Opcode.EXPP, v11)?.op).not.toBe(arithmeticOp(Opcode.EXPP, v20)?.op);
    expect(arithmeticOp(Opcode.EXPP, v20)?.op).toBe(arithmeticOp(Opcode.EXP, v20)?.op);
    expect(arithmeticOp(Opcode.CRS, v20)?.writable).toBe(0x7);
    expect(arithmeticOp(Opcode.SINCOS, v20)?.writable).toBe(0x3);
    expect(arithmeticOp(Opcode.IF, v20)).toBeUndefined();
    expect(matrixShape(Opcode.M4x4)).toEqual({ rows: 4, columns: 4 });
    expect(matrixShape(Opcode.M4x3)).toEqual({ rows: 3, columns: 4 });
    expect(matrixShape(Opcode.M3x4)).toEqual({ rows: 4, columns: 3 });
    expect(matrixShape(Opcode.M3x3)).toEqual({ rows: 3, columns: 3 });
    expect(matrixShape(Opcode.M3x2)).toEqual({ rows: 2, columns: 3 });
  });
});
