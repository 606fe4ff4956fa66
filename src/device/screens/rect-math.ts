/**
 * Rectangle arithmetic for screen commands, exact for every 32-bit input.
 *
 * Guest rectangles carry u32 or int32 fields; `x + width` of two u32 values reaches 2^33, which
 * plain JS numbers hold exactly, so all clipping here is done on doubles holding integers and never
 * on 32-bit wrapped values. Work is only ever proportional to a *clipped* box.
 */

/** A half-open integer box `[x0, x1) × [y0, y1)`; empty when `x1 <= x0` or `y1 <= y0`. */
export interface Box { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number }

/** The field as int32, whatever width the caller handed in. */
export function int32(v: number): number {
  return v | 0;
}

/** The field as u32. */
export function u32(v: number): number {
  return v >>> 0;
}

/** A box from a u32 origin and u32 size (x + w may exceed 2^32: it is not wrapped). */
export function boxFromSize(x: number, y: number, w: number, h: number): Box {
  const bx = u32(x);
  const by = u32(y);
  return { x0: bx, y0: by, x1: bx + u32(w), y1: by + u32(h) };
}

/** A box from an `SVGASignedRect` (int32 fields). */
export function boxFromSigned(r: { left: number; top: number; right: number; bottom: number }): Box {
  return { x0: int32(r.left), y0: int32(r.top), x1: int32(r.right), y1: int32(r.bottom) };
}

export function isEmpty(b: Box): boolean {
  return b.x1 <= b.x0 || b.y1 <= b.y0;
}

/** Pixel count of a box (0 when empty). */
export function area(b: Box): number {
  return isEmpty(b) ? 0 : (b.x1 - b.x0) * (b.y1 - b.y0);
}

/** The intersection, or undefined when it is empty. */
export function intersect(a: Box, b: Box): Box | undefined {
  const r = { x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) };
  return isEmpty(r) ? undefined : r;
}

export function translate(b: Box, dx: number, dy: number): Box {
  return { x0: b.x0 + dx, y0: b.y0 + dy, x1: b.x1 + dx, y1: b.y1 + dy };
}

/**
 * The point-sampling rule for scaled blits: destination pixel `i` (0-based inside the destination
 * rectangle, centre at `i + 0.5`) reads source pixel `floor((i + 0.5) · srcLen / dstLen)`, computed
 * as `floor((2i + 1) · srcLen / (2 · dstLen))` in exact integers. When the sizes are equal this is
 * `i`. Exact for all inputs: BigInt takes over when the product leaves the 2^53 range.
 */
export function scaledIndex(i: number, srcLen: number, dstLen: number): number {
  const num = (2 * i + 1) * srcLen;
  if (Number.isSafeInteger(num)) return Math.floor(num / (2 * dstLen));
  return Number(((2n * BigInt(i) + 1n) * BigInt(srcLen)) / (2n * BigInt(dstLen)));
}

/** A horizontal band of rows sharing one set of visible spans. */
export interface ClipBand {
  readonly y0: number;
  readonly y1: number;
  /** Disjoint, sorted `[x0, x1)` spans. */
  readonly spans: readonly (readonly [number, number])[];
}

/**
 * The visible part of `bounds` under a clip list (the union of `clips`), as bands of rows with
 * disjoint spans, so overlapping clip rectangles never make a pixel be written twice. The band
 * edges are the clip rectangles' top and bottom rows, so there are at most `2 · clips.length + 1`
 * bands; each band is one pass over the clips sorted by left edge, so the cost is
 * O(clips · bands), independent of pixel counts.
 */
export function clipBands(bounds: Box, clips: readonly Box[]): ClipBand[] {
  const live: Box[] = [];
  for (const c of clips) {
    const r = intersect(c, bounds);
    if (r) live.push(r);
  }
  live.sort((a, b) => a.x0 - b.x0);
  const edges = new Set<number>();
  for (const r of live) {
    edges.add(r.y0);
    edges.add(r.y1);
  }
  const ys = [...edges].sort((a, b) => a - b);
  const bands: ClipBand[] = [];
  for (let k = 0; k + 1 < ys.length; k++) {
    const y0 = ys[k] as number;
    const y1 = ys[k + 1] as number;
    const spans: [number, number][] = [];
    for (const r of live) {
      if (r.y0 > y0 || r.y1 < y1) continue;
      const last = spans[spans.length - 1];
      if (last && r.x0 <= last[1]) last[1] = Math.max(last[1], r.x1);
      else spans.push([r.x0, r.x1]);
    }
    if (spans.length === 0) continue;
    const prev = bands[bands.length - 1];
    if (prev && prev.y1 === y0 && sameSpans(prev.spans, spans)) {
      bands[bands.length - 1] = { y0: prev.y0, y1, spans };
    } else {
      bands.push({ y0, y1, spans });
    }
  }
  return bands;
}

function sameSpans(a: readonly (readonly [number, number])[], b: readonly (readonly [number, number])[]): boolean {
  return a.length === b.length && a.every((s, i) => s[0] === b[i]?.[0] && s[1] === b[i]?.[1]);
}
