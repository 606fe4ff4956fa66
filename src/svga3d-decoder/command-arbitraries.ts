/**
 * fast-check arbitraries for valid commands, generated from the spec tables (test support).
 * Each arbitrary yields the body exactly as the decoder will return it, including the counts and
 * sizes the encoder derives, so `decode(encode(x))` can be compared with `x` field by field.
 */
import fc from 'fast-check';
import { COMMAND_SPECS } from './commands.js';
import type { CommandSpec } from './spec/command-spec.js';
import type { FixedSpec } from './spec/layout.js';
import { SVGA3dCopyBox, SVGA3dGuestImage, SVGA3dPrimitiveRange, SVGA3dVertexDecl } from './spec/structs.js';
import type { TailSpec } from './spec/tails.js';
import { cursorMaskBytes, remapPayloadBytes } from './tail-codec.js';

type Body = Record<string, unknown>;

/** Any value of a fixed layout (every u32, i32 and float32 bit pattern the decoder can yield). */
export function arbFixed(spec: FixedSpec): fc.Arbitrary<unknown> {
  switch (spec.kind) {
    case 'u32':
      return fc.integer({ min: 0, max: 0xffffffff });
    case 'i32':
      return fc.integer({ min: -0x80000000, max: 0x7fffffff });
    case 'f32':
      return fc.float();
    case 'array':
      return fc.array(arbFixed(spec.of), { minLength: spec.length, maxLength: spec.length });
    case 'struct': {
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const m of spec.layout) model[m.name] = arbFixed(m.spec);
      return fc.record(model);
    }
  }
}

const bytesOfWords = (maxWords: number) =>
  fc.integer({ min: 0, max: maxWords }).chain((n) => fc.uint8Array({ minLength: n * 4, maxLength: n * 4 }));
const small = fc.integer({ min: 0, max: 6 });

/** Completes a decoded fixed part with a valid tail (and the fixed fields the tail constrains). */
function arbTail(tail: TailSpec, head: Body): fc.Arbitrary<Body> {
  switch (tail.kind) {
    case 'restArray':
      return fc.array(arbFixed(tail.of), { minLength: tail.min, maxLength: tail.min + 4 }).map((items) => ({ ...head, [tail.name]: items }));
    case 'restBytes':
      return bytesOfWords(16).map((b) => ({ ...head, [tail.name]: b }));
    case 'surfaceDma':
      return fc.record({
        boxes: fc.array(arbFixed(SVGA3dCopyBox), { maxLength: 4 }),
        suffix: fc.option(fc.record({ maximumOffset: arbFixed({ kind: 'u32', size: 4, display: { as: 'hex' } }), flags: fc.integer({ min: 0, max: 3 }) })),
      }).map(({ boxes, suffix }) => (suffix === null ? { ...head, boxes } : { ...head, boxes, suffix: { suffixSize: 12, ...suffix } }));
    case 'drawPrimitives':
      return fc.record({
        decls: fc.array(arbFixed(SVGA3dVertexDecl), { maxLength: tail.maxVertexDecls }),
        ranges: fc.array(arbFixed(SVGA3dPrimitiveRange), { maxLength: tail.maxRanges }),
        withDivisors: fc.boolean(),
        divisorSeed: fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 32, maxLength: 32 }),
      }).map(({ decls, ranges, withDivisors, divisorSeed }) => {
        const body: Body = { ...head, numVertexDecls: decls.length, numRanges: ranges.length, decls, ranges };
        if (withDivisors && decls.length > 0) body['divisors'] = divisorSeed.slice(0, decls.length);
        return body;
      });
    case 'cursorMasks':
      return fc.record({
        width: small, height: small,
        andMaskDepth: fc.constantFrom(0, 1, 8, 15, 16, 24, 32), xorMaskDepth: fc.constantFrom(0, 1, 8, 15, 16, 24, 32),
      }).chain((dims) => fc.record({
        andMask: fc.uint8Array({ minLength: cursorMaskBytes(dims.width, dims.height, dims.andMaskDepth), maxLength: cursorMaskBytes(dims.width, dims.height, dims.andMaskDepth) }),
        xorMask: fc.uint8Array({ minLength: cursorMaskBytes(dims.width, dims.height, dims.xorMaskDepth), maxLength: cursorMaskBytes(dims.width, dims.height, dims.xorMaskDepth) }),
      }).map((masks) => ({ ...head, ...dims, ...masks })));
    case 'alphaCursorImage':
      return fc.record({ width: small, height: small }).chain((d) =>
        fc.uint8Array({ minLength: d.width * d.height * 4, maxLength: d.width * d.height * 4 }).map((pixels) => ({ ...head, ...d, pixels })));
    case 'escapeData':
      return fc.uint8Array({ maxLength: 19 }).map((data) => ({ ...head, size: data.length, data }));
    case 'remapGmr2Payload':
      return fc.record({ flags: fc.integer({ min: 0, max: 7 }), numPages: small }).chain((p) => {
        const n = remapPayloadBytes(p.flags, p.numPages);
        return fc.uint8Array({ minLength: n, maxLength: n }).map((payload) => ({ ...head, ...p, payload }));
      });
    case 'screenObject':
      return fc.record({ ext: fc.constantFrom(28, 40, 44), backingStore: arbFixed(SVGA3dGuestImage), cloneCount: arbFixed({ kind: 'u32', size: 4, display: { as: 'dec' } }) })
        .map(({ ext, backingStore, cloneCount }) =>
          ext === 28 ? { ...head, structSize: 28 } : ext === 40 ? { ...head, structSize: 40, backingStore } : { ...head, structSize: 44, backingStore, cloneCount });
  }
}

/** A valid body of `spec`, as it decodes. */
export function arbBody(spec: CommandSpec): fc.Arbitrary<Body> {
  const fixed = arbFixed(spec.fixed) as fc.Arbitrary<Body>;
  const { tail } = spec;
  return tail === undefined ? fixed : fixed.chain((head) => arbTail(tail, head));
}

/** A valid command of any decodable kind: `{ name, body }`. */
export const arbCommand: fc.Arbitrary<{ name: string; body: Body }> = fc.oneof(
  ...COMMAND_SPECS.map((spec) => arbBody(spec).map((body) => ({ name: spec.name, body }))),
);
