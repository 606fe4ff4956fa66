/**
 * Hostile draws: random declarations (any type, offset, stride, usage), ranges (any primitive
 * type, count, index surface, width, bias) and divisors never throw, never hand the rasteriser a
 * non-finite or out-of-band vertex, stay within the vertex budget, and give the same calls twice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GUARD_BAND_PIXELS } from '../raster/subpixel.js';
import { drawPrimitives } from './draw.js';
import { MemorySurfaces, contextWith, decl, drawCommand, range, recordingRaster, reporter } from './draw-test-support.js';

const VS = 'vs_2_0\ndcl_position v0\ndcl_color v1\nmov oPos, v0\nmov oD0, v1';
const PS = 'ps_2_0\ndcl v0\nmov oC0, v0';

const u32 = fc.oneof(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 0xffffffff }));
const declArb = fc.record({ type: fc.integer({ min: 0, max: 18 }), usage: fc.constantFrom(0, 10, 9, 5, 4), sid: fc.constantFrom(2, 3, 99), offset: u32, stride: u32 });
const rangeArb = fc.record({
  primType: fc.integer({ min: 0, max: 11 }),
  count: fc.integer({ min: 0, max: 40 }),
  indexed: fc.constantFrom(undefined, 3, 99),
  width: fc.constantFrom(2, 4),
  offset: u32,
  bias: fc.integer({ min: -0x80000000, max: 0x7fffffff }),
});

type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;

function run(decls: Of<typeof declArb>[], ranges: Of<typeof rangeArb>[], divisors: number[] | undefined) {
  const context = contextWith(VS, PS);
  context.renderTargets[2] = { sid: 1, face: 0, mip: 0 };
  const bytes = new Uint8Array(96);
  // Deterministic junk: floats of every kind, including NaN and huge values.
  const dv = new DataView(bytes.buffer);
  for (let i = 0; i < 24; i++) dv.setUint32(i * 4, Math.imul(i + 1, 0x9e3779b1) >>> 0, true);
  const surfaces = new MemorySurfaces().target(1, 16, 16).buffer(2, bytes).buffer(3, bytes.slice(0, 40));
  const rec = recordingRaster();
  const { list, report } = reporter();
  const cmd = drawCommand(
    decls.map((d) => decl(d.type, d.usage, d.sid, d.offset, d.stride)),
    ranges.map((r) => range(r.primType, r.count, r.indexed === undefined ? undefined : { sid: r.indexed, width: r.width, offset: r.offset }, r.bias)),
    divisors,
  );
  drawPrimitives(context, cmd, surfaces, report, { raster: rec.raster, maxVertices: 2000 });
  return { calls: rec.calls, diagnostics: list.items.map((d) => d.code) };
}

describe('hostile draws', () => {
  it('never throw, never pass non-finite or out-of-band vertices, and replay identically (seeded)', () => {
    let drawn = 0;
    fc.assert(
      fc.property(
        fc.array(declArb, { minLength: 1, maxLength: 4 }),
        fc.array(rangeArb, { minLength: 1, maxLength: 4 }),
        fc.option(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 4, maxLength: 4 }), { nil: undefined }),
        (decls, ranges, divisors) => {
          const first = run(decls, ranges, divisors?.slice(0, decls.length).map((d) => (d & 0xc0000000) | (d & 7)));
          drawn += first.calls.length;
          for (const call of first.calls) {
            for (const v of call.v) {
              expect(v.every(Number.isFinite)).toBe(true);
              expect(Math.abs(v[0]!) <= GUARD_BAND_PIXELS && Math.abs(v[1]!) <= GUARD_BAND_PIXELS).toBe(true);
            }
          }
          expect(run(decls, ranges, divisors?.slice(0, decls.length).map((d) => (d & 0xc0000000) | (d & 7)))).toEqual(first);
        },
      ),
      { seed: 42, numRuns: 60 },
    );
    // The junk vertices are mostly NaN or far away, but some primitives must get through.
    expect(drawn).toBeGreaterThan(0);
  });
});
