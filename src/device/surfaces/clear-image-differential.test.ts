import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiagnosticCode } from '../../common/diagnostics.js';
import { surfaceFormatInfo } from '../../formats/index.js';
import type { SurfaceImage, SurfaceView } from '../surface-image.js';
import { clearImageRect, type ClearValues } from './clear-image.js';
import { clearImageRectReference } from './clear-image-reference.js';

/** Every format id the table knows (ids are small; 512 is far past the last one). */
const FORMATS = Array.from({ length: 512 }, (_, i) => i).filter((id) => surfaceFormatInfo(id) !== undefined);

function view(format: number, image: SurfaceImage): SurfaceView {
  return { sid: 7, format, flags: 0, faceCount: 1, mipLevels: 1, image: (face, mip) => (face === 0 && mip === 0 ? image : undefined) };
}

interface Case {
  format: number;
  width: number;
  height: number;
  pad: number;
  seed: number;
  rect: { x: number; y: number; w: number; h: number };
  values: ClearValues;
}

/** The bytes and reports one implementation leaves. */
function run(c: Case, clear: typeof clearImageRect): { bytes: number[]; reports: string[] } {
  const bpp = surfaceFormatInfo(c.format)?.bytesPerBlock ?? 1;
  const rowPitch = c.width * bpp + c.pad;
  const bytes = new Uint8Array(rowPitch * c.height);
  let s = c.seed;
  for (let i = 0; i < bytes.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    bytes[i] = s >>> 24;
  }
  const image: SurfaceImage = { width: c.width, height: c.height, depth: 1, rowPitch, slicePitch: bytes.length, bytes };
  const reports: string[] = [];
  clear(view(c.format, image), 0, 0, c.rect, c.values, (d: DiagnosticCode, m: string) => reports.push(`${d.code} ${m}`));
  return { bytes: [...bytes], reports };
}

describe('clearImageRect = its per-texel reference', () => {
  it('finds the format table', () => expect(FORMATS.length).toBeGreaterThan(40));

  it('every format, random rectangles, values, pitches and old bytes (fixed seed)', () => {
    const depth = fc.oneof(fc.constantFrom(0, 1, 0.5, -1, 2, Number.NaN, 1 / 3), fc.double({ min: -0.5, max: 1.5, noNaN: true }));
    const values = fc.record(
      { color: fc.integer({ min: 0, max: 0xffffffff }), depth, stencil: fc.integer({ min: 0, max: 0xffffffff }) },
      { requiredKeys: [] },
    );
    const arb = fc.record({
      format: fc.constantFrom(...FORMATS),
      width: fc.integer({ min: 1, max: 9 }),
      height: fc.integer({ min: 1, max: 5 }),
      pad: fc.integer({ min: 0, max: 5 }),
      seed: fc.integer({ min: 0, max: 0x7fffffff }),
      rect: fc.record({ x: fc.integer({ min: 0, max: 11 }), y: fc.integer({ min: 0, max: 7 }), w: fc.integer({ min: -1, max: 12 }), h: fc.integer({ min: -1, max: 8 }) }),
      values,
    });
    fc.assert(
      fc.property(arb, (c) => {
        expect(run(c, clearImageRect)).toEqual(run(c, clearImageRectReference));
      }),
      { seed: 42, numRuns: 3000 },
    );
  });

  it('the depth-stencil formats with both values, whole image (the CLEAR of a frame)', () => {
    for (const format of FORMATS.filter((f) => (surfaceFormatInfo(f)?.depthBits ?? 0) > 0)) {
      for (const d of [0, 0.25, 1]) {
        const c: Case = { format, width: 6, height: 3, pad: 2, seed: format, rect: { x: 0, y: 0, w: 6, h: 3 }, values: { depth: d, stencil: 0x5a } };
        expect(run(c, clearImageRect)).toEqual(run(c, clearImageRectReference));
      }
    }
  });
});
