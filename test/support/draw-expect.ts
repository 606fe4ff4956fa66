/**
 * Reading and predicting the pixels of the draw scenes (`draw-scene.ts`). The expected-value
 * helpers (`coverage`, `unorm8`) are written from the D3D9 rules alone, independently of the
 * renderer's code.
 */
import type { Rgba8Image } from '../../src/common/image.js';

/** Pixel (x, y) of an image as [r, g, b, a]. */
export function pixel(image: Rgba8Image, x: number, y: number): number[] {
  const at = (y * image.width + x) * 4;
  return Array.from(image.data.subarray(at, at + 4));
}

function rows(image: Rgba8Image, text: (rgba: number[]) => string): string[][] {
  return Array.from({ length: image.height }, (_, y) => Array.from({ length: image.width }, (_, x) => text(pixel(image, x, y))));
}

const hex2 = (b: number) => b.toString(16).padStart(2, '0');

/** The image as rows of `rrggbbaa` strings. */
export function hexRows(image: Rgba8Image): string[][] {
  return rows(image, (p) => p.map(hex2).join(''));
}

/** The image as rows of `#rrggbb` strings: for X8R8G8B8 targets, whose alpha says nothing. */
export function rgbRows(image: Rgba8Image): string[][] {
  return rows(image, (p) => `#${p.slice(0, 3).map(hex2).join('')}`);
}

/** Rows of an expected image (8×8 unless told) from a per-pixel rule. */
export function expectedRows(rule: (x: number, y: number) => string, width = 8, height = 8): string[][] {
  return Array.from({ length: height }, (_, y) => Array.from({ length: width }, (_, x) => rule(x, y)));
}

/**
 * round(clamp(v) × 255), refusing values within 0.002 of a rounding tie: there float32 vs
 * float64 arithmetic could legitimately decide either way, so a test must pick other inputs.
 */
export function unorm8(v: number): number {
  const s = Math.min(1, Math.max(0, v)) * 255;
  if (Math.abs(s - Math.floor(s) - 0.5) < 0.002) throw new Error(`expected value ${v} is too close to a rounding tie`);
  return Math.round(s);
}

/**
 * D3D9 coverage of one triangle given in window coordinates (x right, y down), from the rules
 * alone: pixel (i, j) is covered when its centre (i, j) is strictly inside all three edges, or on
 * an edge that is a top edge (horizontal, the others below it) or a left edge. Either winding; a
 * degenerate triangle covers nothing. Exact for coordinates on a 1/256 grid.
 */
export function coverage(tri: readonly (readonly [number, number])[], width = 8, height = 8): boolean[][] {
  const [a, b, c] = tri as [readonly [number, number], readonly [number, number], readonly [number, number]];
  const area = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  const out = Array.from({ length: height }, () => Array.from({ length: width }, () => false));
  if (area === 0) return out;
  // Orient clockwise on screen (area > 0 with y down), so the interior is on the right of each edge.
  const v = area > 0 ? [a, b, c] : [a, c, b];
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      let inside = true;
      for (let e = 0; e < 3 && inside; e++) {
        const p = v[e]!;
        const q = v[(e + 1) % 3]!;
        const f = (q[0] - p[0]) * (j - p[1]) - (q[1] - p[1]) * (i - p[0]);
        if (f > 0) continue;
        if (f < 0) inside = false;
        else {
          // Clockwise with y down: a top edge runs left to right horizontally, a left edge upwards.
          const top = q[1] === p[1] && q[0] > p[0];
          const left = q[1] < p[1];
          inside = top || left;
        }
      }
      out[j]![i] = inside;
    }
  }
  return out;
}
