/**
 * The variable part that follows a command's fixed struct, and the rule that sizes it.
 *
 * Each kind is declarative; the decoder, encoder and printer implement the kinds once
 * (`../tail-codec.ts`). `TailValue` gives the decoded properties a tail adds to the body, and
 * `TailDerived` the fixed fields that the encoder computes from the tail (counts, sizes).
 */
import type { FixedSpec, ValueOf } from './layout.js';
import type { SVGA3dCmdSurfaceDMASuffix, SVGA3dCopyBox, SVGA3dGuestImage, SVGA3dPrimitiveRange, SVGA3dVertexDecl } from './structs.js';

/** 3D only: as many `of` elements as fill the rest of the body exactly; at least `min`. */
export interface RestArrayTail<N extends string = string, E extends FixedSpec = FixedSpec> {
  readonly kind: 'restArray';
  readonly name: N;
  readonly of: E;
  readonly min: number;
}

/** 3D only: the rest of the body as a byte copy (shader bytecode). */
export interface RestBytesTail<N extends string = string> {
  readonly kind: 'restBytes';
  readonly name: N;
}

/** SURFACE_DMA: `CopyBox[N]`, then an optional 12-byte suffix (protocol notes §3.1). */
export interface SurfaceDmaTail {
  readonly kind: 'surfaceDma';
}

/** DRAW_PRIMITIVES: decls and ranges counted by the header, optional divisors (§3.4). */
export interface DrawPrimitivesTail {
  readonly kind: 'drawPrimitives';
  readonly maxVertexDecls: number;
  readonly maxRanges: number;
}

/** DEFINE_CURSOR: AND and XOR masks, each `height` scanlines padded to 32 bits. */
export interface CursorMasksTail {
  readonly kind: 'cursorMasks';
}

/** DEFINE_ALPHA_CURSOR: `width × height` 32-bit BGRA pixels. */
export interface AlphaCursorTail {
  readonly kind: 'alphaCursorImage';
}

/** ESCAPE: `size` bytes of data; the FIFO advances by `size` rounded up to 4. */
export interface EscapeTail {
  readonly kind: 'escapeData';
}

/** REMAP_GMR2: a guest pointer (VIA_GMR) or PPN list (4 or 8 bytes each), sized by the flags. */
export interface RemapGmr2Tail {
  readonly kind: 'remapGmr2Payload';
}

/** DEFINE_SCREEN: the `SVGAScreenObject` members beyond 28 bytes that `structSize` covers. */
export interface ScreenObjectTail {
  readonly kind: 'screenObject';
}

export type TailSpec =
  | RestArrayTail
  | RestBytesTail
  | SurfaceDmaTail
  | DrawPrimitivesTail
  | CursorMasksTail
  | AlphaCursorTail
  | EscapeTail
  | RemapGmr2Tail
  | ScreenObjectTail;

/** The body properties a tail contributes. */
export type TailValue<T> =
  T extends RestArrayTail<infer N, infer E>
    ? { readonly [K in N]: readonly ValueOf<E>[] }
    : T extends RestBytesTail<infer N>
      ? { readonly [K in N]: Uint8Array }
      : T extends SurfaceDmaTail
        ? { readonly boxes: readonly SVGA3dCopyBox[]; readonly suffix?: SVGA3dCmdSurfaceDMASuffix }
        : T extends DrawPrimitivesTail
          ? {
              readonly decls: readonly SVGA3dVertexDecl[];
              readonly ranges: readonly SVGA3dPrimitiveRange[];
              /** Raw `SVGA3dVertexDivisor` words (bits 0–29 count, 30 indexedData, 31 instanceData). */
              readonly divisors?: readonly number[];
            }
          : T extends CursorMasksTail
            ? { readonly andMask: Uint8Array; readonly xorMask: Uint8Array }
            : T extends AlphaCursorTail
              ? { readonly pixels: Uint8Array }
              : T extends EscapeTail
                ? { readonly data: Uint8Array }
                : T extends RemapGmr2Tail
                  ? { readonly payload: Uint8Array }
                  : T extends ScreenObjectTail
                    ? { readonly backingStore?: SVGA3dGuestImage; readonly cloneCount?: number }
                    : unknown;

/** Fixed fields whose value the encoder derives from the tail (callers may omit them). */
export type TailDerived<T> = T extends DrawPrimitivesTail
  ? 'numVertexDecls' | 'numRanges'
  : T extends EscapeTail
    ? 'size'
    : T extends ScreenObjectTail
      ? 'structSize'
      : never;

export function restArray<const N extends string, E extends FixedSpec>(name: N, of: E, min = 0): RestArrayTail<N, E> {
  return { kind: 'restArray', name, of, min };
}
export function restBytes<const N extends string>(name: N): RestBytesTail<N> {
  return { kind: 'restBytes', name };
}
