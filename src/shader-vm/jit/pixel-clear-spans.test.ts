import { describe, expect, it } from 'vitest';
import { asm } from '../interp/testing/asm.js';
import { Machine } from '../interp/machine.js';
import { prepareShader } from '../interp/prepare.js';
import type { RegisterFile } from '../ir/ir.js';
import { pixelClearSpans } from './pixel-clear-spans.js';

/** Each span as [file, first float, float count] within its file's array. */
function describeSpans(source: string): [RegisterFile, number, number][] {
  const program = asm(source);
  const m = new Machine(4, program.version);
  const out: [RegisterFile, number, number][] = [];
  for (const span of pixelClearSpans(prepareShader(program), m)) {
    for (const [file, arr] of m.files) {
      if (arr.buffer !== span.buffer) continue;
      const at = (span.byteOffset - arr.byteOffset) / 4;
      if (at >= 0 && at + span.length <= arr.length) out.push([file, at, span.length]);
    }
  }
  return out;
}

describe('pixelClearSpans', () => {
  it('oC1..oC3 named: the colour span runs from oC1 to oC3', () => {
    const spans = describeSpans('ps_2_0\ndcl v0\nmov oC1, v0\nmov oC3, v0');
    expect(spans.find(([f]) => f === 'colorout')).toEqual(['colorout', 16, 48]);
  });
  it('ps_2_0: the named temps r2..r4 (16 floats a register), v1, t0, oC0, and oDepth (texdepth writes it unnamed)', () => {
    const spans = describeSpans('ps_2_0\ndcl t0\ndcl v1\ndcl_2d s0\ntexld r4, t0, s0\nmul r2, r4, v1\nmov oC0, r2');
    expect(spans).toEqual([
      ['colorout', 0, 16],
      ['depthout', 0, 16],
      ['input', 16, 16],
      ['temp', 32, 48],
      ['texture', 0, 16],
    ]);
  });
  it('ps_1_1: r0 is read back even when unnamed (the span runs r0..r1)', () => {
    const spans = describeSpans('ps_1_1\ntex t2\nmov r1, t2');
    expect(spans.find(([f]) => f === 'temp')).toEqual(['temp', 0, 32]);
    expect(spans.find(([f]) => f === 'texture')).toEqual(['texture', 32, 16]);
  });
  it('matrix rows count: m3x3 r0.xyz, v0, r2 reads r2, r3 and r4', () => {
    const spans = describeSpans('ps_2_0\ndcl v0\nm3x3 r0.xyz, v0, r2\nmov oC0, r0');
    expect(spans.find(([f]) => f === 'temp')).toEqual(['temp', 0, 80]);
  });
  it('relative addressing of v# in ps_3_0 clears all of v# and leaves aL (not a register file) alone', () => {
    const spans = describeSpans('ps_3_0\ndcl_texcoord0 v0\ndefi i0, 2, 0, 1, 0\nloop aL, i0\nadd r0, r0, v[aL]\nendloop\nmov oC0, r0');
    expect(spans.find(([f]) => f === 'input')).toEqual(['input', 0, 256]);
    expect(spans.find(([f]) => f === 'temp')).toEqual(['temp', 0, 16]);
  });
});
