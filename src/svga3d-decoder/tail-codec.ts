/**
 * Decoding and encoding of the variable parts of commands (`spec/tails.ts`). 3D tails must fill
 * the body exactly (its size is known from the header); 2D tails say how many bytes they take,
 * since a 2D command has no size word.
 */
import type { DiagnosticCode } from '../common/diagnostics.js';
import { DecoderDiagnostics as D } from './decoder-diagnostics.js';
import { readerFor, writerFor } from './field-codec.js';
import { SVGARemapGMR2Flags } from './spec/commands-2d.js';
import { SVGA3dCmdSurfaceDMASuffix, SVGA3dCopyBox, SVGA3dGuestImage, SVGA3dPrimitiveRange, SVGA3dVertexDecl } from './spec/structs.js';
import type { TailSpec } from './spec/tails.js';

/** Where a tail starts and the furthest byte it may use (3D: body end; 2D: record end). */
export interface TailInput {
  readonly dv: DataView;
  readonly bytes: Uint8Array;
  readonly start: number;
  readonly end: number;
  /** The already decoded fixed fields. */
  readonly head: Readonly<Record<string, unknown>>;
}

export type TailResult =
  | { readonly ok: true; readonly value: Record<string, unknown>; readonly next: number }
  | { readonly ok: false; readonly def: DiagnosticCode; readonly message: string };

const fail = (def: DiagnosticCode, message: string): TailResult => ({ ok: false, def, message });

function readArray(input: TailInput, at: number, count: number, elemSize: number, read: (dv: DataView, o: number) => unknown): unknown[] {
  const out = new Array<unknown>(count);
  for (let i = 0; i < count; i++) out[i] = read(input.dv, at + i * elemSize);
  return out;
}

/** Bytes of one cursor mask; Infinity when it cannot fit in any FIFO (avoids inexact products). */
export function cursorMaskBytes(width: number, height: number, depth: number): number {
  // VirtualBox stores 15-bit cursor pixels in 16 bits, so the scanline is sized with 16.
  const bpp = depth === 15 ? 16 : depth;
  const bitsPerLine = width * bpp;
  if (bitsPerLine > 2 ** 40) return Infinity;
  const lineBytes = Math.ceil(bitsPerLine / 32) * 4;
  if (lineBytes === 0 || height === 0) return 0;
  if (height > 2 ** 40 / lineBytes) return Infinity;
  return lineBytes * height;
}

/** Bytes of a REMAP_GMR2 payload for `flags` and `numPages` (at most 2^35, exact). */
export function remapPayloadBytes(flags: number, numPages: number): number {
  if ((flags & SVGARemapGMR2Flags.VIA_GMR) !== 0) return 8;
  const count = (flags & SVGARemapGMR2Flags.SINGLE_PPN) !== 0 ? 1 : numPages;
  return count * ((flags & SVGARemapGMR2Flags.PPN64) !== 0 ? 8 : 4);
}

/** Decodes the tail of a command. */
export function decodeTail(tail: TailSpec, input: TailInput): TailResult {
  const { start, end, head } = input;
  const avail = end - start;
  switch (tail.kind) {
    case 'restArray': {
      const size = tail.of.size;
      if (avail % size !== 0) {
        return fail(D.E_BODY_REMAINDER, `${tail.name}: ${avail} bytes is not a whole number of ${size}-byte entries`);
      }
      const count = avail / size;
      if (count < tail.min) return fail(D.E_SIZE_TOO_SMALL, `${tail.name}: needs at least ${tail.min} entries, body has ${count}`);
      return { ok: true, value: { [tail.name]: readArray(input, start, count, size, readerFor(tail.of)) }, next: end };
    }
    case 'restBytes':
      return { ok: true, value: { [tail.name]: input.bytes.slice(start, end) }, next: end };
    case 'surfaceDma': {
      const count = Math.floor(avail / SVGA3dCopyBox.size);
      const rem = avail - count * SVGA3dCopyBox.size;
      const boxes = readArray(input, start, count, SVGA3dCopyBox.size, readerFor(SVGA3dCopyBox));
      if (rem === 0) return { ok: true, value: { boxes }, next: end };
      const suffixAt = end - SVGA3dCmdSurfaceDMASuffix.size;
      if (rem === SVGA3dCmdSurfaceDMASuffix.size && input.dv.getUint32(suffixAt, true) === SVGA3dCmdSurfaceDMASuffix.size) {
        return { ok: true, value: { boxes, suffix: readerFor(SVGA3dCmdSurfaceDMASuffix)(input.dv, suffixAt) }, next: end };
      }
      return fail(D.E_BODY_REMAINDER, `boxes: ${rem} bytes after ${count} boxes are neither nothing nor a 12-byte suffix with suffixSize 12`);
    }
    case 'drawPrimitives': {
      const nd = head['numVertexDecls'] as number;
      const nr = head['numRanges'] as number;
      if (nd > tail.maxVertexDecls || nr > tail.maxRanges) {
        return fail(D.E_COUNT_LIMIT, `numVertexDecls ${nd} / numRanges ${nr} above the limits ${tail.maxVertexDecls} / ${tail.maxRanges}`);
      }
      const declBytes = nd * SVGA3dVertexDecl.size;
      const need = declBytes + nr * SVGA3dPrimitiveRange.size;
      if (need > avail) return fail(D.E_SIZE_TOO_SMALL, `${nd} decls and ${nr} ranges need ${need} bytes, body has ${avail}`);
      const rem = avail - need;
      if (rem !== 0 && rem !== 4 * nd) {
        return fail(D.E_BODY_REMAINDER, `${rem} bytes after decls and ranges; divisors would be exactly ${4 * nd}`);
      }
      const value: Record<string, unknown> = {
        decls: readArray(input, start, nd, SVGA3dVertexDecl.size, readerFor(SVGA3dVertexDecl)),
        ranges: readArray(input, start + declBytes, nr, SVGA3dPrimitiveRange.size, readerFor(SVGA3dPrimitiveRange)),
      };
      if (rem !== 0) value['divisors'] = readArray(input, start + need, nd, 4, (dv, o) => dv.getUint32(o, true));
      return { ok: true, value, next: end };
    }
    case 'cursorMasks': {
      const w = head['width'] as number;
      const h = head['height'] as number;
      const andBytes = cursorMaskBytes(w, h, head['andMaskDepth'] as number);
      const xorBytes = cursorMaskBytes(w, h, head['xorMaskDepth'] as number);
      if (andBytes + xorBytes > avail) {
        return fail(D.E_TRUNCATED_2D, `cursor masks need ${andBytes + xorBytes} bytes, ${avail} left in the record`);
      }
      const xorAt = start + andBytes;
      return {
        ok: true,
        value: { andMask: input.bytes.slice(start, xorAt), xorMask: input.bytes.slice(xorAt, xorAt + xorBytes) },
        next: xorAt + xorBytes,
      };
    }
    case 'alphaCursorImage': {
      const w = head['width'] as number;
      const h = head['height'] as number;
      const bytes = w === 0 || h === 0 ? 0 : h > avail / 4 / w ? Infinity : w * h * 4;
      if (bytes > avail) return fail(D.E_TRUNCATED_2D, `alpha cursor ${w}×${h} needs ${bytes} bytes, ${avail} left in the record`);
      return { ok: true, value: { pixels: input.bytes.slice(start, start + bytes) }, next: start + bytes };
    }
    case 'escapeData': {
      const size = head['size'] as number;
      const padded = Math.ceil(size / 4) * 4;
      if (padded > avail) return fail(D.E_TRUNCATED_2D, `escape data of ${size} bytes, ${avail} left in the record`);
      return { ok: true, value: { data: input.bytes.slice(start, start + size) }, next: start + padded };
    }
    case 'remapGmr2Payload': {
      const bytes = remapPayloadBytes(head['flags'] as number, head['numPages'] as number);
      if (bytes > avail) return fail(D.E_TRUNCATED_2D, `remap payload of ${bytes} bytes, ${avail} left in the record`);
      return { ok: true, value: { payload: input.bytes.slice(start, start + bytes) }, next: start + bytes };
    }
    case 'screenObject': {
      const structSize = head['structSize'] as number;
      if (structSize !== 28 && structSize !== 40 && structSize !== 44) {
        return fail(D.E_SCREEN_STRUCT_SIZE, `structSize ${structSize} is none of 28, 40, 44`);
      }
      const extra = structSize - 28;
      if (extra > avail) return fail(D.E_TRUNCATED_2D, `screen object of ${structSize} bytes runs past the record`);
      const value: Record<string, unknown> = {};
      if (structSize >= 40) value['backingStore'] = readerFor(SVGA3dGuestImage)(input.dv, start);
      if (structSize === 44) value['cloneCount'] = input.dv.getUint32(start + 12, true);
      return { ok: true, value, next: start + extra };
    }
  }
}
