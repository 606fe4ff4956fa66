import { describe, expect, it } from 'vitest';
import { SVGA3dPrimitiveType as P } from '../svga3d-decoder/spec/enums.js';
import { IndexReader, forEachPrimitive, primitiveShape, vertexCountFor } from './primitive-assembly.js';

function primitives(type: number, count: number): number[][] {
  const out: number[][] = [];
  forEachPrimitive(type, count, (a, b, c) => out.push([a, b, c]));
  return out;
}

describe('primitive assembly with SVGA numbering', () => {
  it('vertex counts per type (§5.7)', () => {
    expect([P.TRIANGLELIST, P.POINTLIST, P.LINELIST, P.LINESTRIP, P.TRIANGLESTRIP, P.TRIANGLEFAN].map((t) => vertexCountFor(t, 4))).toEqual([
      12, 4, 8, 5, 6, 6,
    ]);
    expect(vertexCountFor(P.TRIANGLELIST, 0)).toBe(0);
    expect(vertexCountFor(P.LINELIST_ADJ, 4)).toBe(0);
    expect(primitiveShape(P.TRIANGLEFAN)).toBe('triangle');
    expect(primitiveShape(P.LINESTRIP)).toBe('line');
    expect(primitiveShape(P.POINTLIST)).toBe('point');
    expect(primitiveShape(0)).toBeUndefined();
  });

  it('triangle list, strip (odd triangles swap their last two vertices), fan (rotated to provoke with i+1)', () => {
    expect(primitives(P.TRIANGLELIST, 2)).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(primitives(P.TRIANGLESTRIP, 4)).toEqual([[0, 1, 2], [1, 3, 2], [2, 3, 4], [3, 5, 4]]);
    expect(primitives(P.TRIANGLEFAN, 3)).toEqual([[1, 2, 0], [2, 3, 0], [3, 4, 0]]);
  });

  it('line list, line strip, point list', () => {
    expect(primitives(P.LINELIST, 2)).toEqual([[0, 1, -1], [2, 3, -1]]);
    expect(primitives(P.LINESTRIP, 3)).toEqual([[0, 1, -1], [1, 2, -1], [2, 3, -1]]);
    expect(primitives(P.POINTLIST, 3)).toEqual([[0, -1, -1], [1, -1, -1], [2, -1, -1]]);
  });

  it('unknown types assemble nothing', () => {
    expect(primitives(P.TRIANGLESTRIP_ADJ, 3)).toEqual([]);
  });
});

describe('IndexReader', () => {
  it('2-byte and 4-byte indices at offset + i × stride; out-of-range ones read 0 and are counted', () => {
    const bytes = new Uint8Array([0xff, 0x01, 0x00, 0x02, 0x00, 0x03, 0x04, 0x00, 0x01, 0x80]);
    const r2 = new IndexReader({ bytes, offset: 2, stride: 2, width: 2 });
    expect([0, 1, 2, 3, 4].map((i) => r2.index(i))).toEqual([0x0200, 0x0300, 0x0004, 0x8001, 0]);
    expect(r2.outOfBounds).toBe(1);
    const r4 = new IndexReader({ bytes, offset: 1, stride: 4, width: 4 });
    expect([0, 1, 2].map((i) => r4.index(i))).toEqual([0x00020001, 0x01000403, 0]);
    expect(r4.outOfBounds).toBe(1);
  });

  it('without an index surface, index i is i', () => {
    const r = new IndexReader({ bytes: undefined, offset: 0, stride: 0, width: 2 });
    expect([0, 7, 0xfffff].map((i) => r.index(i))).toEqual([0, 7, 0xfffff]);
  });
});
