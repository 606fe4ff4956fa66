/**
 * Primitive assembly: how many vertices a range uses, where its indices come from, and which
 * vertices make each primitive, with SVGA's primitive numbering (svga3d-protocol.md §4.5, §5.7).
 *
 * Vertex order within a primitive keeps two D3D9 rules: the first vertex is the provoking one
 * (flat shading), and every triangle of a strip or fan has the winding of the first.
 */
import { SVGA3dPrimitiveType as P } from '../svga3d-decoder/spec/enums.js';

/** Vertices a range of `count` primitives of `primType` uses; 0 for unknown types or no primitives. */
export function vertexCountFor(primType: number, count: number): number {
  if (count <= 0) return 0;
  switch (primType) {
    case P.TRIANGLELIST:
      return 3 * count;
    case P.POINTLIST:
      return count;
    case P.LINELIST:
      return 2 * count;
    case P.LINESTRIP:
      return count + 1;
    case P.TRIANGLESTRIP:
    case P.TRIANGLEFAN:
      return count + 2;
    default:
      return 0;
  }
}

/** The shape of each primitive of a type. */
export function primitiveShape(primType: number): 'triangle' | 'line' | 'point' | undefined {
  switch (primType) {
    case P.TRIANGLELIST:
    case P.TRIANGLESTRIP:
    case P.TRIANGLEFAN:
      return 'triangle';
    case P.LINELIST:
    case P.LINESTRIP:
      return 'line';
    case P.POINTLIST:
      return 'point';
    default:
      return undefined;
  }
}

/**
 * Calls `visit` for each primitive of the range in order, with the positions (0-based, within the
 * range's vertex sequence) of its vertices; unused positions are −1 (lines: c, points: b and c).
 *
 * - triangle list: (3i, 3i+1, 3i+2); strip: even i (i, i+1, i+2), odd i (i, i+2, i+1), so the
 *   winding stays that of triangle 0 and vertex i provokes; fan: (i+1, i+2, 0), a rotation of
 *   (0, i+1, i+2) that keeps its winding and makes vertex i+1 provoke, as D3D9 does;
 * - line list: (2i, 2i+1); line strip: (i, i+1); point list: i.
 */
export function forEachPrimitive(
  primType: number,
  count: number,
  visit: (a: number, b: number, c: number) => void,
): void {
  for (let i = 0; i < count; i++) {
    switch (primType) {
      case P.TRIANGLELIST:
        visit(3 * i, 3 * i + 1, 3 * i + 2);
        break;
      case P.TRIANGLESTRIP:
        if ((i & 1) === 0) visit(i, i + 1, i + 2);
        else visit(i, i + 2, i + 1);
        break;
      case P.TRIANGLEFAN:
        visit(i + 1, i + 2, 0);
        break;
      case P.LINELIST:
        visit(2 * i, 2 * i + 1, -1);
        break;
      case P.LINESTRIP:
        visit(i, i + 1, -1);
        break;
      case P.POINTLIST:
        visit(i, -1, -1);
        break;
      default:
        return;
    }
  }
}

/** Where a range's indices come from. */
export interface IndexSource {
  /** The index surface's bytes; undefined for a non-indexed range (index i is i). */
  readonly bytes?: Uint8Array | undefined;
  readonly offset: number;
  readonly stride: number;
  /** 2 or 4. */
  readonly width: number;
}

/** Reads indices of a range; counts the ones outside the surface (they read as 0). */
export class IndexReader {
  /** Indices that did not lie wholly inside the index surface. */
  outOfBounds = 0;
  private readonly view: DataView | undefined;
  private readonly source: IndexSource;

  constructor(source: IndexSource) {
    this.source = source;
    const b = source.bytes;
    this.view = b ? new DataView(b.buffer, b.byteOffset, b.byteLength) : undefined;
  }

  /** The index of vertex position `i` of the range (before indexBias). */
  index(i: number): number {
    const view = this.view;
    if (!view) return i;
    const { offset, stride, width } = this.source;
    const at = offset + i * stride;
    if (!Number.isSafeInteger(at) || at + width > view.byteLength) {
      this.outOfBounds++;
      return 0;
    }
    return width === 4 ? view.getUint32(at, true) : view.getUint16(at, true);
  }
}
