/**
 * Encoding of the variable parts of commands: the fixed fields they determine (counts, sizes),
 * their byte length, and their bytes. Inconsistent input (a mask of the wrong length, divisors
 * that do not match the decls) is a programming error of the caller and throws a RangeError;
 * hostile streams are built with `CommandWriter.raw` instead.
 */
import { writerFor } from './field-codec.js';
import { SVGA3dCmdSurfaceDMASuffix, SVGA3dCopyBox, SVGA3dGuestImage, SVGA3dPrimitiveRange, SVGA3dVertexDecl } from './spec/structs.js';
import type { TailSpec } from './spec/tails.js';
import { cursorMaskBytes, remapPayloadBytes } from './tail-codec.js';

type Body = Readonly<Record<string, unknown>>;

const list = (body: Body, name: string): readonly unknown[] => {
  const v = body[name];
  if (!Array.isArray(v)) throw new RangeError(`${name} must be an array`);
  return v;
};
const bytesOf = (body: Body, name: string): Uint8Array => {
  const v = body[name];
  if (!(v instanceof Uint8Array)) throw new RangeError(`${name} must be a Uint8Array`);
  return v;
};
const num = (body: Body, name: string): number => Number(body[name]);

/** Fixed fields the tail determines, to be merged over the caller's body. */
export function derivedFields(tail: TailSpec, body: Body): Record<string, number> {
  switch (tail.kind) {
    case 'drawPrimitives':
      return { numVertexDecls: list(body, 'decls').length, numRanges: list(body, 'ranges').length };
    case 'escapeData':
      return { size: bytesOf(body, 'data').length };
    case 'screenObject':
      if (body['cloneCount'] !== undefined) {
        if (body['backingStore'] === undefined) throw new RangeError('cloneCount needs backingStore');
        return { structSize: 44 };
      }
      return { structSize: body['backingStore'] !== undefined ? 40 : 28 };
    default:
      return {};
  }
}

/** Byte length of the tail as encoded (before 2D word padding). */
export function tailByteLength(tail: TailSpec, body: Body): number {
  switch (tail.kind) {
    case 'restArray':
      return list(body, tail.name).length * tail.of.size;
    case 'restBytes': {
      const n = bytesOf(body, tail.name).length;
      if (n % 4 !== 0) throw new RangeError(`${tail.name} must be a whole number of 32-bit words`);
      return n;
    }
    case 'surfaceDma':
      return list(body, 'boxes').length * SVGA3dCopyBox.size + (body['suffix'] !== undefined ? SVGA3dCmdSurfaceDMASuffix.size : 0);
    case 'drawPrimitives': {
      const nd = list(body, 'decls').length;
      const divisors = body['divisors'];
      if (divisors !== undefined && (!Array.isArray(divisors) || divisors.length !== nd)) {
        throw new RangeError('divisors must have one entry per vertex decl');
      }
      return nd * SVGA3dVertexDecl.size + list(body, 'ranges').length * SVGA3dPrimitiveRange.size + (divisors !== undefined ? 4 * nd : 0);
    }
    case 'cursorMasks': {
      const w = num(body, 'width');
      const h = num(body, 'height');
      const andLen = cursorMaskBytes(w, h, num(body, 'andMaskDepth'));
      const xorLen = cursorMaskBytes(w, h, num(body, 'xorMaskDepth'));
      if (bytesOf(body, 'andMask').length !== andLen || bytesOf(body, 'xorMask').length !== xorLen) {
        throw new RangeError(`cursor masks must be ${andLen} and ${xorLen} bytes`);
      }
      return andLen + xorLen;
    }
    case 'alphaCursorImage': {
      const n = num(body, 'width') * num(body, 'height') * 4;
      if (bytesOf(body, 'pixels').length !== n) throw new RangeError(`alpha cursor pixels must be ${n} bytes`);
      return n;
    }
    case 'escapeData':
      return bytesOf(body, 'data').length;
    case 'remapGmr2Payload': {
      const n = remapPayloadBytes(num(body, 'flags'), num(body, 'numPages'));
      if (bytesOf(body, 'payload').length !== n) throw new RangeError(`remap payload must be ${n} bytes`);
      return n;
    }
    case 'screenObject':
      return num(derivedFields(tail, body), 'structSize') - 28;
  }
}

function writeList(dv: DataView, at: number, items: readonly unknown[], size: number, write: (dv: DataView, o: number, v: unknown) => void): number {
  for (let i = 0; i < items.length; i++) write(dv, at + i * size, items[i]);
  return at + items.length * size;
}

function writeBytes(dv: DataView, at: number, src: Uint8Array): number {
  new Uint8Array(dv.buffer, dv.byteOffset + at, src.length).set(src);
  return at + src.length;
}

/** Writes the tail at `at` (the buffer is sized by `tailByteLength`). */
export function encodeTail(tail: TailSpec, body: Body, dv: DataView, at: number): void {
  switch (tail.kind) {
    case 'restArray':
      writeList(dv, at, list(body, tail.name), tail.of.size, writerFor(tail.of));
      return;
    case 'restBytes':
      writeBytes(dv, at, bytesOf(body, tail.name));
      return;
    case 'surfaceDma': {
      const end = writeList(dv, at, list(body, 'boxes'), SVGA3dCopyBox.size, writerFor(SVGA3dCopyBox));
      if (body['suffix'] !== undefined) writerFor(SVGA3dCmdSurfaceDMASuffix)(dv, end, body['suffix']);
      return;
    }
    case 'drawPrimitives': {
      let end = writeList(dv, at, list(body, 'decls'), SVGA3dVertexDecl.size, writerFor(SVGA3dVertexDecl));
      end = writeList(dv, end, list(body, 'ranges'), SVGA3dPrimitiveRange.size, writerFor(SVGA3dPrimitiveRange));
      const divisors = body['divisors'];
      if (Array.isArray(divisors)) writeList(dv, end, divisors, 4, (d, o, v) => d.setUint32(o, Number(v), true));
      return;
    }
    case 'cursorMasks':
      writeBytes(dv, writeBytes(dv, at, bytesOf(body, 'andMask')), bytesOf(body, 'xorMask'));
      return;
    case 'alphaCursorImage':
      writeBytes(dv, at, bytesOf(body, 'pixels'));
      return;
    case 'escapeData':
      writeBytes(dv, at, bytesOf(body, 'data'));
      return;
    case 'remapGmr2Payload':
      writeBytes(dv, at, bytesOf(body, 'payload'));
      return;
    case 'screenObject':
      if (body['backingStore'] !== undefined) writerFor(SVGA3dGuestImage)(dv, at, body['backingStore']);
      if (body['cloneCount'] !== undefined) dv.setUint32(at + 12, num(body, 'cloneCount'), true);
      return;
  }
}
