import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SVGA3dDeclType as T } from '../svga3d-decoder/spec/enums.js';
import { DECL_TYPE_BYTES, decodeElement, fetchElement, vertexArray } from './vertex-fetch.js';

const f = Math.fround;

/** Decodes one element of `type` from `bytes`. */
function decode(type: number, bytes: number[]): number[] {
  const out = new Float32Array(4);
  decodeElement(type, new DataView(new Uint8Array(bytes).buffer), 0, out);
  return Array.from(out);
}

function floats(...xs: number[]): number[] {
  const b = new Uint8Array(xs.length * 4);
  const dv = new DataView(b.buffer);
  xs.forEach((x, i) => dv.setFloat32(i * 4, x, true));
  return Array.from(b);
}

function shorts(...xs: number[]): number[] {
  const b = new Uint8Array(xs.length * 2);
  const dv = new DataView(b.buffer);
  xs.forEach((x, i) => dv.setUint16(i * 2, x & 0xffff, true));
  return Array.from(b);
}

function word(w: number): number[] {
  return [w & 0xff, (w >>> 8) & 0xff, (w >>> 16) & 0xff, w >>> 24];
}

describe('decodeElement: every SVGA3dDeclType', () => {
  it('FLOAT1–4 fill the missing components with (0, 0, 0, 1)', () => {
    expect(decode(T.FLOAT1, floats(1.5))).toEqual([1.5, 0, 0, 1]);
    expect(decode(T.FLOAT2, floats(1.5, -2))).toEqual([1.5, -2, 0, 1]);
    expect(decode(T.FLOAT3, floats(0.25, 0.5, 4))).toEqual([0.25, 0.5, 4, 1]);
    expect(decode(T.FLOAT4, floats(1, 2, 3, -0.125))).toEqual([1, 2, 3, -0.125]);
  });

  it('D3DCOLOR: bytes B, G, R, A arrive as (R, G, B, A) / 255', () => {
    expect(decode(T.D3DCOLOR, [0x33, 0x66, 0xff, 0x00])).toEqual([1, f(0.4), f(0.2), 0]);
  });

  it('UBYTE4 unnormalised, UBYTE4N / 255', () => {
    expect(decode(T.UBYTE4, [1, 2, 3, 255])).toEqual([1, 2, 3, 255]);
    expect(decode(T.UBYTE4N, [0, 255, 51, 102])).toEqual([0, 1, f(0.2), f(0.4)]);
  });

  it('SHORT2/4 signed integers, SHORT2N/4N / 32767', () => {
    expect(decode(T.SHORT2, shorts(-2, 300))).toEqual([-2, 300, 0, 1]);
    expect(decode(T.SHORT4, shorts(1, -1, 32767, -32768))).toEqual([1, -1, 32767, -32768]);
    expect(decode(T.SHORT2N, shorts(32767, -32767))).toEqual([1, -1, 0, 1]);
    expect(decode(T.SHORT4N, shorts(0, 16384, -32768, 32767))).toEqual([0, f(16384 / 32767), f(-32768 / 32767), 1]);
  });

  it('USHORT2N/4N / 65535', () => {
    expect(decode(T.USHORT2N, shorts(65535, 0))).toEqual([1, 0, 0, 1]);
    expect(decode(T.USHORT4N, shorts(0, 65535, 13107, 26214))).toEqual([0, 1, f(0.2), f(0.4)]);
  });

  it('UDEC3: three unsigned 10-bit fields, w = 1', () => {
    expect(decode(T.UDEC3, word(1 | (512 << 10) | (1023 << 20) | (3 << 30)))).toEqual([1, 512, 1023, 1]);
  });

  it('DEC3N: three signed 10-bit fields / 511, w = 1', () => {
    expect(decode(T.DEC3N, word(511 | (0x201 << 10) | (0x200 << 20)))).toEqual([1, -1, f(-512 / 511), 1]);
  });

  it('FLOAT16_2/4: IEEE halves', () => {
    expect(decode(T.FLOAT16_2, shorts(0x3c00, 0xc000))).toEqual([1, -2, 0, 1]);
    expect(decode(T.FLOAT16_4, shorts(0x3800, 0x7c00, 0x0001, 0xbc00))).toEqual([0.5, Infinity, 2 ** -24, -1]);
  });

  it('an unknown type gives (0, 0, 0, 1) and has no size', () => {
    expect(decode(17, [1, 2, 3, 4])).toEqual([0, 0, 0, 1]);
    expect(DECL_TYPE_BYTES[17]).toBeUndefined();
  });
});

describe('fetchElement: offset + stride × index, robust past the end', () => {
  // Three FLOAT2 elements at offset 4, stride 12: 4 + 3·12 = 40 bytes; element 2 ends at 36.
  const bytes = new Uint8Array(40);
  const dv = new DataView(bytes.buffer);
  for (let i = 0; i < 3; i++) {
    dv.setFloat32(4 + 12 * i, 10 + i, true);
    dv.setFloat32(8 + 12 * i, -i, true);
  }
  const array = vertexArray(bytes, T.FLOAT2, 4, 12);

  it('reads element i at 4 + 12·i', () => {
    const out = new Float32Array(8);
    expect(fetchElement(array, 2, out, 4)).toBe(true);
    expect(Array.from(out)).toEqual([0, 0, 0, 0, 12, -2, 0, 1]);
  });

  it('an element that ends past the surface, a negative or huge index read as zero', () => {
    const out = new Float32Array(4).fill(7);
    // Element 3 would be bytes 40..48 of a 40-byte surface.
    expect(fetchElement(array, 3, out)).toBe(false);
    expect(Array.from(out)).toEqual([0, 0, 0, 0]);
    expect(fetchElement(array, -1, out)).toBe(false);
    expect(fetchElement(vertexArray(bytes, T.FLOAT1, 0xffffffff, 0xffffffff), 0xffffffff, out)).toBe(false);
    // Partly inside: FLOAT4 at 28 needs bytes 28..44.
    expect(fetchElement(vertexArray(bytes, T.FLOAT4, 28, 0), 0, out)).toBe(false);
  });

  it('never reads outside the surface for any offset, stride, index and type (seeded)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: -0x80000000, max: 0xffffffff }),
        fc.integer({ min: 0, max: 20 }),
        (offset, stride, index, type) => {
          const out = new Float32Array(4);
          const ok = fetchElement(vertexArray(bytes, type, offset, stride), index, out);
          const at = offset + index * stride;
          const size = DECL_TYPE_BYTES[type] ?? 0;
          expect(ok).toBe(size > 0 && index >= 0 && at + size <= bytes.length);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });
});
