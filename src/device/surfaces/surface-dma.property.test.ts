import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { surfaceFormatInfo } from '../../formats/index.js';
import { executeSurfaceDma } from './surface-dma.js';
import { SurfaceStore } from './surface-store.js';
import { collectReports, defineBody, PagedGuestMemory } from './surface-test-support.js';
import type { CopyBoxFields } from './surface-commands.js';

// ALPHA8, A8R8G8B8, DXT1 (4×4 blocks), UYVY (2×1 blocks), ARGB_S23E8 (16-byte texels).
const FORMATS = [32, 2, 15, 42, 25];
const PAGE = 64;

/** Mostly small values, sometimes hostile ones. */
function mostly(small: fc.Arbitrary<number>, ...hostile: number[]): fc.Arbitrary<number> {
  return fc.oneof({ arbitrary: small, weight: 9 }, { arbitrary: fc.constantFrom(...hostile), weight: 1 });
}
const coord = mostly(fc.oneof({ arbitrary: fc.integer({ min: 0, max: 3 }), weight: 4 }, fc.integer({ min: 4, max: 10 })), 0xffffffff, 0xffffff00, 0x80000000);
const extent = mostly(fc.integer({ min: 1, max: 10 }), 0, 0xffffffff, 0x200, 0x80000000);
const src = mostly(fc.integer({ min: 0, max: 6 }), 0xffffffff, 0x7fffffff);
const zCoord = mostly(fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, fc.integer({ min: 1, max: 3 })), 0xffffffff, 0x80000000);
const copyBox = fc.record({ x: coord, y: coord, z: zCoord, w: extent, h: extent, d: extent, srcx: src, srcy: src, srcz: src });

const scenario = fc.record({
  format: fc.constantFrom(...FORMATS),
  width: fc.integer({ min: 1, max: 9 }),
  height: fc.integer({ min: 1, max: 9 }),
  depth: fc.integer({ min: 1, max: 3 }),
  pages: fc.integer({ min: 0, max: 160 }),
  offset: mostly(fc.integer({ min: 0, max: 200 }), 0xfffffff0),
  pitch: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, fc.integer({ min: 1, max: 80 }), fc.constant(0x7fffffff)),
  maximumOffset: fc.option(mostly(fc.integer({ min: 0, max: 3000 }), 0xffffffff), { nil: undefined }),
  boxes: fc.array(copyBox, { minLength: 1, maxLength: 4 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/**
 * Reference model written independently of the implementation: per block, in BigInt, straight
 * from the address formula. Returns, per box, the (host, guest) byte offset pairs it moves, or
 * undefined when some touched guest byte is out of range (the whole command is then refused).
 */
function reference(s: Scenario, rowPitch: number, slicePitch: number): [number, number][] | undefined {
  const info = surfaceFormatInfo(s.format);
  if (info === undefined) throw new Error('format');
  const bw = BigInt(info.blockWidth);
  const bh = BigInt(info.blockHeight);
  const bpb = BigInt(info.bytesPerBlock);
  const regionSize = BigInt(s.pages * PAGE);
  const base = BigInt(s.offset);
  const limitMax = base + BigInt(s.maximumOffset ?? 0xffffffff);
  const limit = regionSize < limitMax ? regionSize : limitMax;
  const is1D = s.height === 1 && s.depth === 1;
  const pitch = s.pitch === 0 || is1D ? BigInt(rowPitch) : BigInt(s.pitch);
  const gSlice = pitch * BigInt(Math.ceil(s.height / info.blockHeight));
  const pairs: [number, number][] = [];
  for (const b of s.boxes) {
    const clip = (p: number, l: number, size: number) => (p >= size ? 0 : Math.min(l, size - p));
    const w = clip(b.x, b.w, s.width);
    const h = clip(b.y, b.h, s.height);
    const d = clip(b.z, b.d, s.depth);
    if (w === 0 || h === 0 || d === 0) continue;
    const bx0 = Math.floor(b.x / info.blockWidth);
    const bx1 = Math.ceil((b.x + w) / info.blockWidth);
    const by0 = Math.floor(b.y / info.blockHeight);
    const by1 = Math.ceil((b.y + h) / info.blockHeight);
    for (let k = 0; k < d; k++) {
      for (let r = 0; r < by1 - by0; r++) {
        for (let c = 0; c < bx1 - bx0; c++) {
          const g =
            base +
            BigInt(b.srcz + k) * gSlice +
            (BigInt(b.srcy) / bh + BigInt(r)) * pitch +
            (BigInt(b.srcx) / bw + BigInt(c)) * bpb;
          if (g + bpb > limit) return undefined;
          const hOff = (b.z + k) * slicePitch + (by0 + r) * rowPitch + (bx0 + c) * info.bytesPerBlock;
          for (let i = 0; i < info.bytesPerBlock; i++) pairs.push([hOff + i, Number(g) + i]);
        }
      }
    }
  }
  return pairs;
}

/** Index of the first differing byte, or -1 (vitest's deep equality is slow on large arrays). */
function firstDifference(a: Uint8Array | undefined, b: Uint8Array): number {
  if (a === undefined || a.length !== b.length) return -2;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

function run(s: Scenario, transfer: number) {
  const store = new SurfaceStore();
  const { report, codes } = collectReports();
  const size = { width: s.width, height: s.height, depth: s.depth };
  store.define(defineBody(1, s.format, size), report);
  store.define(defineBody(2, s.format, size), report); // canary
  const memory = new PagedGuestMemory(PAGE, 170);
  memory.regions.set(3, Array.from({ length: s.pages }, (_, i) => 169 - i));
  memory.fill(3, (i) => (i % 251) + 1);
  const image = store.get(1)?.image(0, 0);
  if (image === undefined) throw new Error('define');
  if (transfer === 2) for (let i = 0; i < image.bytes.length; i++) image.bytes[i] = ((i * 13) % 253) + 1;
  const hostBefore = image.bytes.slice();
  const guestBefore = memory.snapshot(3);
  const body = {
    guest: { ptr: { gmrId: 3, offset: s.offset }, pitch: s.pitch },
    host: { sid: 1, face: 0, mipmap: 0 },
    transfer,
    boxes: s.boxes as CopyBoxFields[],
    ...(s.maximumOffset === undefined ? {} : { suffix: { suffixSize: 12, maximumOffset: s.maximumOffset, flags: 0 } }),
  };
  executeSurfaceDma(store, memory, body, report);
  return { image, hostBefore, guestBefore, guestAfter: memory.snapshot(3), canary: store.get(2)?.image(0, 0)?.bytes, codes };
}

describe('SURFACE_DMA property: random boxes on random surfaces', () => {
  it('upload changes exactly the reference blocks, with guest bytes from the formula', () => {
    const outcomes = { refused: 0, moved: 0, empty: 0 };
    fc.assert(
      fc.property(scenario, (s) => {
        const r = run(s, 1);
        const pairs = reference(s, r.image.rowPitch, r.image.slicePitch);
        const expected = r.hostBefore.slice();
        if (pairs === undefined) {
          outcomes.refused++;
          expect(r.codes).toEqual([3223]);
        } else {
          if (pairs.length > 0) outcomes.moved++;
          else outcomes.empty++;
          expect(r.codes).toEqual([]);
          for (const [h, g] of pairs) expected[h] = r.guestBefore[g] ?? -1;
        }
        expect(firstDifference(r.image.bytes, expected)).toBe(-1);
        expect(firstDifference(r.canary, new Uint8Array(r.image.bytes.length))).toBe(-1);
        expect(firstDifference(r.guestAfter, r.guestBefore)).toBe(-1);
      }),
      { seed: 42, numRuns: 400 },
    );
    // The generator reaches both outcomes often enough for the property to mean something.
    expect(outcomes.refused).toBeGreaterThan(60);
    expect(outcomes.moved).toBeGreaterThan(40);
  });

  it('download changes exactly the reference guest bytes and never the surfaces', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = run(s, 2);
        const pairs = reference(s, r.image.rowPitch, r.image.slicePitch);
        const expected = r.guestBefore.slice();
        if (pairs === undefined) expect(r.codes).toEqual([3223]);
        else for (const [h, g] of pairs) expected[g] = r.hostBefore[h] ?? -1;
        expect(firstDifference(r.guestAfter, expected)).toBe(-1);
        expect(firstDifference(r.image.bytes, r.hostBefore)).toBe(-1);
        expect(firstDifference(r.canary, new Uint8Array(r.image.bytes.length))).toBe(-1);
      }),
      { seed: 42, numRuns: 400 },
    );
  });
});
