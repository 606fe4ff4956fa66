/**
 * Vertex fetch: one element of a vertex declaration, read from any surface's bytes at
 * `offset + stride × index` and converted to four float32 values by D3D9's rules
 * (svga3d-protocol.md §5.7).
 *
 * Fetch is robust: an element that does not lie wholly inside its surface (negative index, past
 * the end, an offset that overflows) reads as (0, 0, 0, 0) and is counted, so a draw never reads
 * outside a surface and the caller can report how many elements were lost.
 */
import { halfToFloat } from '../common/half-float.js';
import { SVGA3dDeclType as T } from '../svga3d-decoder/spec/enums.js';

/** Bytes of one element of each `SVGA3dDeclType` (index = type); 0 for unknown types. */
export const DECL_TYPE_BYTES: readonly number[] = [4, 8, 12, 16, 4, 4, 4, 8, 4, 4, 8, 4, 8, 4, 4, 4, 8];

/** Byte size of an element of `type`, 0 when the type is not an `SVGA3dDeclType`. */
export function declTypeBytes(type: number): number {
  return DECL_TYPE_BYTES[type] ?? 0;
}

const f = Math.fround;

/** Sign-extends the 10-bit field of `word` starting at `shift`. */
function signed10(word: number, shift: number): number {
  const v = (word >>> shift) & 0x3ff;
  return v >= 0x200 ? v - 0x400 : v;
}

/**
 * Decodes one element of `type` at `at` in `dv` (which must hold it) into `out[o..o+4]`.
 * Components the type does not carry take D3D9's defaults (0, 0, 0, 1). D3DCOLOR's bytes are
 * B, G, R, A in memory and arrive as (R, G, B, A) / 255. Unknown types give (0, 0, 0, 1).
 */
export function decodeElement(type: number, dv: DataView, at: number, out: Float32Array, o = 0): void {
  out[o] = 0;
  out[o + 1] = 0;
  out[o + 2] = 0;
  out[o + 3] = 1;
  switch (type) {
    case T.FLOAT1:
    case T.FLOAT2:
    case T.FLOAT3:
    case T.FLOAT4:
      for (let i = 0; i <= type; i++) out[o + i] = dv.getFloat32(at + 4 * i, true);
      return;
    case T.D3DCOLOR:
      out[o] = f(dv.getUint8(at + 2) / 255);
      out[o + 1] = f(dv.getUint8(at + 1) / 255);
      out[o + 2] = f(dv.getUint8(at) / 255);
      out[o + 3] = f(dv.getUint8(at + 3) / 255);
      return;
    case T.UBYTE4:
    case T.UBYTE4N: {
      const scale = type === T.UBYTE4N ? 255 : 1;
      for (let i = 0; i < 4; i++) out[o + i] = f(dv.getUint8(at + i) / scale);
      return;
    }
    case T.SHORT2:
    case T.SHORT4:
    case T.SHORT2N:
    case T.SHORT4N: {
      const n = type === T.SHORT2 || type === T.SHORT2N ? 2 : 4;
      const scale = type === T.SHORT2N || type === T.SHORT4N ? 32767 : 1;
      for (let i = 0; i < n; i++) out[o + i] = f(dv.getInt16(at + 2 * i, true) / scale);
      return;
    }
    case T.USHORT2N:
    case T.USHORT4N: {
      const n = type === T.USHORT2N ? 2 : 4;
      for (let i = 0; i < n; i++) out[o + i] = f(dv.getUint16(at + 2 * i, true) / 65535);
      return;
    }
    case T.UDEC3: {
      const word = dv.getUint32(at, true);
      for (let i = 0; i < 3; i++) out[o + i] = (word >>> (10 * i)) & 0x3ff;
      return;
    }
    case T.DEC3N: {
      const word = dv.getUint32(at, true);
      for (let i = 0; i < 3; i++) out[o + i] = f(signed10(word, 10 * i) / 511);
      return;
    }
    case T.FLOAT16_2:
    case T.FLOAT16_4: {
      const n = type === T.FLOAT16_2 ? 2 : 4;
      for (let i = 0; i < n; i++) out[o + i] = halfToFloat(dv.getUint16(at + 2 * i, true));
      return;
    }
    default:
      return;
  }
}

/** One vertex array as fetch sees it: a surface's bytes and the declaration's layout. */
export interface VertexArray {
  /** The bytes of the surface's first image (or empty when it has none). */
  readonly bytes: Uint8Array;
  /** `SVGA3dDeclType`. */
  readonly type: number;
  /** u32 byte offset of element 0. */
  readonly offset: number;
  /** u32 bytes between elements. */
  readonly stride: number;
  /** A view over `bytes` (one per byte array, shared by every draw that reads it). */
  readonly view: DataView;
}

/** The view of each surface byte array: a view only reads through, so one serves every draw. */
const views = new WeakMap<Uint8Array, DataView>();

/** A {@link VertexArray} over `bytes`. */
export function vertexArray(bytes: Uint8Array, type: number, offset: number, stride: number): VertexArray {
  let view = views.get(bytes);
  if (view === undefined) {
    view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    views.set(bytes, view);
  }
  return { bytes, type, offset, stride, view };
}

/**
 * Reads element `index` (any integer; negative or huge ones are out of bounds) of `array` into
 * `out[o..o+4]`. Returns false, leaving (0, 0, 0, 0), when the element is not wholly inside the
 * surface or the type is unknown.
 */
export function fetchElement(array: VertexArray, index: number, out: Float32Array, o = 0): boolean {
  const size = declTypeBytes(array.type);
  // Plain JS numbers: offset + index × stride stays exact far beyond any surface (2^32 · 2^32 < 2^64
  // loses precision only past 2^53, where the range check below fails anyway).
  const at = array.offset + index * array.stride;
  if (size === 0 || index < 0 || !Number.isSafeInteger(at) || at < 0 || at + size > array.bytes.length) {
    out.fill(0, o, o + 4);
    return false;
  }
  decodeElement(array.type, array.view, at, out, o);
  return true;
}
