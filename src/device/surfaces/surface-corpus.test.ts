/**
 * The surface commands of two corpus traces, replayed through the surface executors alone (no
 * device, no drawing): gmr-test's DMA patterns and blit-cube's SURFACE_COPY / SURFACE_STRETCHBLT.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeFifo, type SvgaCommand } from '../../svga3d-decoder/index.js';
import { readTrace } from '../../trace/index.js';
import { SVGA_GMR_FRAMEBUFFER } from '../guest-ptr-memory.js';
import { executeGenerateMipmaps } from './generate-mipmaps.js';
import { executeSurfaceCopy } from './surface-copy.js';
import { executeSurfaceDma } from './surface-dma.js';
import { SurfaceStore } from './surface-store.js';
import { executeSurfaceStretchBlt } from './surface-stretch-blt.js';
import { collectReports, PagedGuestMemory } from './surface-test-support.js';

const PAGE = 4096;
const VRAM_PAGES = 4096; // 16 MiB, the CONFIG of both traces

function loadTrace(name: string) {
  const file = readFileSync(new URL(`../../../corpus/vmware-svga-sdk/${name}`, import.meta.url));
  return readTrace(new Uint8Array(file), undefined, {
    gunzip: (c, max) => new Uint8Array(gunzipSync(c, { maxOutputLength: max })),
  });
}

/**
 * Guest memory for the traces: VRAM behind SVGA_GMR_FRAMEBUFFER, GMR 0 as 256 contiguous pages and
 * GMR 63 as 128 pages on every other physical page (the shapes gmr-test defines).
 */
function traceMemory(): PagedGuestMemory {
  const memory = new PagedGuestMemory(PAGE, VRAM_PAGES + 256 + 256);
  memory.regions.set(SVGA_GMR_FRAMEBUFFER, Array.from({ length: VRAM_PAGES }, (_, i) => i));
  memory.regions.set(0, Array.from({ length: 256 }, (_, i) => VRAM_PAGES + i));
  memory.regions.set(63, Array.from({ length: 128 }, (_, i) => VRAM_PAGES + 256 + 2 * i));
  return memory;
}

/** Runs every surface command of the trace; `onCommand` sees each one after it executed. */
function replaySurfaces(name: string, onCommand: (c: SvgaCommand, store: SurfaceStore, memory: PagedGuestMemory) => void) {
  const store = new SurfaceStore();
  const memory = traceMemory();
  const { report, codes, messages } = collectReports();
  const pattern = (i: number) => (i * 131 + (i >>> 12) * 7 + 1) & 0xff;
  memory.fill(0, pattern);
  let executed = 0;
  for (const record of loadTrace(name).records) {
    const view = record.view;
    if (view.kind === 'VRAM_WRITE') memory.write(SVGA_GMR_FRAMEBUFFER, view.vramOffset, view.bytes);
    if (view.kind !== 'FIFO') continue;
    for (const c of decodeFifo(view.bytes).commands) {
      const before = executed;
      executed++;
      if (c.name === 'SURFACE_DEFINE' || c.name === 'SURFACE_DEFINE_V2') store.define(c.body, report);
      else if (c.name === 'SURFACE_DESTROY') store.destroy(c.body.sid, report);
      else if (c.name === 'SURFACE_DMA') executeSurfaceDma(store, memory, c.body, report);
      else if (c.name === 'SURFACE_COPY') executeSurfaceCopy(store, c.body, report);
      else if (c.name === 'SURFACE_STRETCHBLT') executeSurfaceStretchBlt(store, c.body, report);
      else if (c.name === 'GENERATE_MIPMAPS') executeGenerateMipmaps(store, c.body, report);
      else executed = before;
      if (executed !== before) onCommand(c, store, memory);
    }
  }
  return { codes, messages, executed, pattern, memory };
}

/** Byte equality without vitest's slow deep comparison of large arrays. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

describe('corpus: gmr-test', () => {
  it('every copy GMR → surface → GMR returns the bytes it took, for every format and box pattern', () => {
    const uploadedFrom = new Map<number, number>();
    const formats = new Set<number>();
    let checked = 0;
    const r = replaySurfaces('gmr-test.svgatrace.gz', (c, store, memory) => {
      if (c.name !== 'SURFACE_DMA') return;
      const { gmrId } = c.body.guest.ptr;
      if (gmrId !== 0 && gmrId !== 63) return;
      if (c.body.transfer === 1) {
        uploadedFrom.set(c.body.host.sid, gmrId);
        return;
      }
      const from = uploadedFrom.get(c.body.host.sid);
      const surface = store.get(c.body.host.sid);
      const size = surface?.image(0, 0)?.bytes.length ?? 0;
      if (from === undefined || surface === undefined) throw new Error('download without upload');
      formats.add(surface.format);
      const a = new Uint8Array(size);
      const b = new Uint8Array(size);
      expect(memory.read(from, 0, a) && memory.read(gmrId, 0, b) && sameBytes(a, b), `copy ${checked} (${surface.formatInfo.name}, ${size} bytes)`).toBe(true);
      checked++;
    });
    expect(r.messages).toEqual([]);
    // Passes 0–22 of the first round (frame-023, the second round's first status screen, ends
    // the trace), two copies each.
    expect(checked).toBe(46);
    // BUFFER, LUMINANCE8, ALPHA8, A8R8G8B8, DXT2.
    expect([...formats].sort((x, y) => x - y)).toEqual([2, 11, 16, 32, 37]);
    // GMR 0 still holds its pattern after all the round trips.
    const gmr0 = r.memory.snapshot(0);
    let intact = true;
    for (let i = 0; intact && i < gmr0.length; i++) intact = gmr0[i] === r.pattern(i);
    expect(intact).toBe(true);
  });
});

describe('corpus: blit-cube', () => {
  it('the checkerboard halves (SURFACE_COPY top, 1:1 LINEAR SURFACE_STRETCHBLT bottom) join byte for byte', () => {
    let joins = 0;
    let downscales = 0;
    const r = replaySurfaces('blit-cube.svgatrace.gz', (c, store) => {
      if (c.name !== 'SURFACE_STRETCHBLT') return;
      const back = store.get(0)?.image(0, 0);
      const board = store.get(8)?.image(0, 0);
      if (back === undefined || board === undefined) throw new Error('surfaces');
      if (c.body.dest.sid === 0) {
        // The checkerboard sits at (0, 512) in the 1024×768 back buffer: 256 rows of 1024 bytes.
        let joined = true;
        for (let y = 0; joined && y < 256; y++) {
          const row = back.bytes.subarray((512 + y) * back.rowPitch, (512 + y) * back.rowPitch + 1024);
          joined = sameBytes(row, board.bytes.subarray(y * board.rowPitch, y * board.rowPitch + 1024));
        }
        expect(joined).toBe(true);
        joins++;
      } else {
        // Back buffer (X8R8G8B8) → 256×256 A8R8G8B8 texture: alpha comes out 255.
        const tex = store.get(7)?.image(0, 0)?.bytes ?? new Uint8Array(0);
        let opaque = true;
        for (let i = 3; opaque && i < tex.length; i += 4) opaque = tex[i] === 255;
        expect(opaque).toBe(true);
        downscales++;
      }
    });
    expect(r.messages).toEqual([]);
    expect(joins).toBe(4);
    expect(downscales).toBe(4);
  });
});
