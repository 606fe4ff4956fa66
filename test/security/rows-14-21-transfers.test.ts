/**
 * Hostile-input checklist rows 14–21: SURFACE_DMA boxes, faces, mips, guest pointers and the
 * suffix, GMR definitions, surface copies and stretch blits, and enum values used as indices,
 * replayed through the whole device.
 */
import { describe, expect, it } from 'vitest';
import type { CommandWriter } from '../../src/svga3d-decoder/index.js';
import { box, defineSurface, expectSkipped, lines, replay, Trace, VRAM_BYTES, type Part } from './harness.js';
import { gmrBytes, gmrSetup, GMR1_BYTES, wordBytes } from './scene.js';

const follow: Part = (t) => void t.fifo((w) => defineSurface(w, 9, 2, 2));
/** GMR 1 and a 16×16 A8R8G8B8 surface 7. */
const setup: Part = (t) => {
  gmrSetup(t);
  t.fifo((w) => defineSurface(w, 7, 16, 16));
};

type Dma = Parameters<CommandWriter['surfaceDma']>[0];
const dma = (o: Partial<Dma> & { boxes: Dma['boxes'] }): Dma => ({
  guest: { ptr: { gmrId: 1, offset: 0 }, pitch: 0 },
  host: { sid: 7, face: 0, mipmap: 0 },
  transfer: 1,
  ...o,
});

describe('checklist rows 14–18: SURFACE_DMA', () => {
  it('row 14: DMA box outside surface (clipped to the image, never out of bounds)', () => {
    const t = new Trace();
    gmrSetup(t);
    t.fifo((w) => {
      defineSurface(w, 3, 4096, 1);
      // x 4000 + w 200 on a 4096-wide mip: 96 pixels land, from guest offset 0 on.
      w.surfaceDma(dma({ host: { sid: 3, face: 0, mipmap: 0 }, boxes: [{ ...box(200, 1), x: 4000, srcx: 0 }] }));
      // x + w wraps in 32 bits (0xffffff00 + 0x200 = 0x100): nothing of it is inside.
      w.surfaceDma(dma({ host: { sid: 3, face: 0, mipmap: 0 }, boxes: [{ ...box(0x200, 1), x: 0xffffff00, srcx: 0 }] }));
      // h and d of 2^32 − 1 on a one-row image: clipped to one row, one slice.
      w.surfaceDma(dma({ host: { sid: 3, face: 0, mipmap: 0 }, boxes: [{ x: 0, y: 0, z: 0, w: 2, h: 0xffffffff, d: 0xffffffff, srcx: 0, srcy: 0, srcz: 0 }] }));
    });
    const r = replay(t.finish());
    expect(r.diagnostics).toEqual([]);
    const bytes = r.device.surfaces.get(3)!.image(0, 0)!.bytes;
    expect(bytes.length).toBe(16384);
    expect([...bytes.subarray(0, 8)]).toEqual(gmrBytes(8));
    expect(bytes.subarray(8, 16000).every((b) => b === 0)).toBe(true);
    expect([...bytes.subarray(16000)]).toEqual(gmrBytes(384));
  });

  it('row 15: bad face / mip', () => {
    let at = 0;
    const r = expectSkipped({
      setup,
      hostile: (t) => {
        at = t.fifo((w) => {
          w.surfaceDma(dma({ host: { sid: 7, face: 6, mipmap: 0 }, boxes: [box(1, 1)] }));
          w.surfaceDma(dma({ host: { sid: 7, face: 0, mipmap: 16 }, boxes: [box(1, 1)] }));
          w.surfaceDma(dma({ host: { sid: 7, face: 0xffffffff, mipmap: 0xffffffff }, boxes: [box(1, 1)] }));
        }).offset;
      },
      follow,
    });
    expect(lines(r.hostile)).toEqual([
      `3207 E_IMAGE_RANGE #4 @${at} SURFACE_DMA`,
      `3207 E_IMAGE_RANGE #4 @${at + 72} SURFACE_DMA`,
      `3207 E_IMAGE_RANGE #4 @${at + 144} SURFACE_DMA`,
    ]);
  });

  it('row 16: GMR offset / pitch overflow', () => {
    let at = 0;
    const r = expectSkipped({
      setup,
      hostile: (t) => {
        at = t.fifo((w) => {
          w.surfaceDma(dma({ guest: { ptr: { gmrId: 1, offset: GMR1_BYTES - 4 }, pitch: 0x7fffffff }, boxes: [box(1, 2)] }));
          // Each factor fits 32 bits; the product of row and pitch does not.
          w.surfaceDma(dma({ guest: { ptr: { gmrId: 1, offset: 0 }, pitch: 0xffffffff }, boxes: [{ ...box(1, 1), srcy: 0xffffffff }] }));
          // A box whose one pixel is past the GMR by one byte: nothing moves (all or nothing).
          w.surfaceDma(dma({ guest: { ptr: { gmrId: 1, offset: GMR1_BYTES - 3 }, pitch: 0 }, boxes: [box(1, 1, 0, 1), box(1, 1)] }));
          // The same going the other way (download into guest memory).
          w.surfaceDma(dma({ transfer: 2, guest: { ptr: { gmrId: 1, offset: GMR1_BYTES - 3 }, pitch: 0 }, boxes: [box(1, 1)] }));
        }).offset;
      },
      follow,
    });
    expect(lines(r.hostile)).toEqual([
      `3223 E_DMA_GUEST_RANGE #4 @${at} SURFACE_DMA`,
      `3223 E_DMA_GUEST_RANGE #4 @${at + 72} SURFACE_DMA`,
      `3223 E_DMA_GUEST_RANGE #4 @${at + 144} SURFACE_DMA`,
      `3223 E_DMA_GUEST_RANGE #4 @${at + 252} SURFACE_DMA`,
    ]);
  });

  it('row 17: undefined / special GMR (99, SVGA_GMR_NULL; the framebuffer alias bounded by VRAM)', () => {
    let at = 0;
    const r = expectSkipped({
      setup,
      hostile: (t) => {
        at = t.fifo((w) => {
          w.surfaceDma(dma({ guest: { ptr: { gmrId: 99, offset: 0 }, pitch: 0 }, boxes: [box(1, 1)] }));
          w.surfaceDma(dma({ guest: { ptr: { gmrId: 0xffffffff, offset: 0 }, pitch: 0 }, boxes: [box(1, 1)] }));
          w.surfaceDma(dma({ transfer: 2, guest: { ptr: { gmrId: 0xfffffffe, offset: VRAM_BYTES - 2 }, pitch: 0 }, boxes: [box(1, 1)] }));
        }).offset;
      },
      follow,
    });
    expect(lines(r.hostile)).toEqual([
      `3222 E_DMA_GMR #4 @${at} SURFACE_DMA`,
      `3222 E_DMA_GMR #4 @${at + 72} SURFACE_DMA`,
      `3223 E_DMA_GUEST_RANGE #4 @${at + 144} SURFACE_DMA`,
    ]);
  });

  it('row 18: DMA suffix (suffixSize ≠ 12 or reserved flags rejected; maximumOffset bounds the guest span)', () => {
    let at = 0;
    const r = expectSkipped({
      setup,
      hostile: (t) => {
        at = t.fifo((w) => {
          // SURFACE_DMA, size 28 + 36 + 12, suffix {suffixSize 16, maximumOffset, flags}: the
          // codec only frames a suffix whose first word is 12, so the 12 bytes are a partial box.
          const head = [1044, 76, 1, 0, 0, 7, 0, 0, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0];
          w.raw([...head, 16, 0xffffffff, 0]);
          w.raw([...head, 12, 0xffffffff, 4]);
          // maximumOffset 3: the one 4-byte pixel ends past it.
          w.raw([...head, 12, 3, 0]);
        }).offset;
      },
      follow,
    });
    expect(lines(r.hostile)).toEqual([
      `2005 E_BODY_REMAINDER #4 @${at} SURFACE_DMA`,
      `3221 E_DMA_SUFFIX #4 @${at + 84} SURFACE_DMA`,
      `3223 E_DMA_GUEST_RANGE #4 @${at + 168} SURFACE_DMA`,
    ]);
  });
});

describe('checklist rows 19–21: GMRs, copies, enums as indices', () => {
  it('row 19: GMR define / remap', () => {
    let at = 0;
    const r = expectSkipped({
      setup,
      hostile: (t) => {
        at = t.fifo((w) => {
          w.defineGmr2({ gmrId: 2, numPages: 0xffffffff });
          w.defineGmr2({ gmrId: 64, numPages: 1 });
          // offsetPages + numPages wraps 32 bits.
          w.remapGmr2({ gmrId: 1, flags: 4, offsetPages: 0xffffffff, numPages: 2, payload: wordBytes([0x100]) });
          // A PPN64 page number beyond 2^32 pages (guest memory is 2^44 bytes).
          w.remapGmr2({ gmrId: 1, flags: 2, offsetPages: 0, numPages: 1, payload: wordBytes([0, 2]) });
          w.remapGmr2({ gmrId: 5, flags: 0, offsetPages: 0, numPages: 1, payload: wordBytes([0x100]) });
        }).offset;
      },
      follow,
    });
    expect(lines(r.hostile)).toEqual([
      `3112 E_GMR_BUDGET #4 @${at} DEFINE_GMR2`,
      `3110 E_GMR_ID #4 @${at + 12} DEFINE_GMR2`,
      `3113 E_GMR_REMAP #4 @${at + 24} REMAP_GMR2`,
      `3114 E_GMR_PPN #4 @${at + 48} REMAP_GMR2`,
      `3115 E_GMR_UNDEFINED #4 @${at + 76} REMAP_GMR2`,
    ]);
  });

  it('row 20: copy / stretch boxes (memmove on overlap, empty stretch source, huge boxes clipped)', () => {
    const t = new Trace();
    setup(t);
    t.fifo((w) => {
      w.surfaceDma(dma({ boxes: [box(16, 16)] }));
      defineSurface(w, 8, 16, 16);
      // Whole-surface copy with w = h = 2^31 − 1: clipped to 16 × 16.
      w.surfaceCopy({ src: { sid: 7, face: 0, mipmap: 0 }, dest: { sid: 8, face: 0, mipmap: 0 }, boxes: [{ x: 0, y: 0, z: 0, w: 0x7fffffff, h: 0x7fffffff, d: 1, srcx: 0, srcy: 0, srcz: 0 }] });
      // Overlapping copy inside surface 7, row 0: pixels 0–7 to 1–8 (memmove, not a smear).
      w.surfaceCopy({ src: { sid: 7, face: 0, mipmap: 0 }, dest: { sid: 7, face: 0, mipmap: 0 }, boxes: [{ x: 1, y: 0, z: 0, w: 8, h: 1, d: 1, srcx: 0, srcy: 0, srcz: 0 }] });
    });
    const copied = replay(t.finish());
    expect(copied.diagnostics).toEqual([]);
    const s7 = copied.device.surfaces.get(7)!.image(0, 0)!.bytes;
    const s8 = copied.device.surfaces.get(8)!.image(0, 0)!.bytes;
    expect([...s8]).toEqual(gmrBytes(1024));
    expect([...s7.subarray(0, 40)]).toEqual([...gmrBytes(4), ...gmrBytes(32), ...gmrBytes(4, 36)]);
    expect([...s7.subarray(40)]).toEqual(gmrBytes(1024 - 40, 40));

    let off = 0;
    const r = expectSkipped({
      setup: (s) => {
        setup(s);
        s.fifo((w) => defineSurface(w, 8, 16, 16));
      },
      hostile: (s) => {
        off = s.fifo((w) => {
          const stretch = (boxSrc: { w: number; h: number }, mode = 0) => w.surfaceStretchBlt({
            src: { sid: 7, face: 0, mipmap: 0 }, dest: { sid: 8, face: 0, mipmap: 0 },
            boxSrc: { x: 0, y: 0, z: 0, d: 1, ...boxSrc }, boxDest: { x: 0, y: 0, z: 0, w: 16, h: 16, d: 1 }, mode,
          });
          stretch({ w: 0, h: 0 });
          stretch({ w: 4, h: 4 }, 2);
        }).offset;
      },
      follow,
    });
    expect(lines(r.hostile)).toEqual([`3262 W_STRETCH_EMPTY #5 @${off} SURFACE_STRETCHBLT`, `3260 E_STRETCH_MODE #5 @${off + 84} SURFACE_STRETCHBLT`]);
  });

  it('row 21: enum used as index', () => {
    let at = 0;
    const r = expectSkipped({
      setup: (t) => void t.fifo((w) => defineSurface(w.contextDefine({ cid: 1 }), 3, 2, 2)),
      hostile: (t) => {
        at = t.fifo((w) => {
          w.setRenderState({ cid: 1, states: [{ state: 0xffff, value: 1 }] });
          w.setTextureState({ cid: 1, states: [{ stage: 32, name: 1, value: 3 }] });
          w.setTextureState({ cid: 1, states: [{ stage: 0, name: 0xffffffff, value: 3 }] });
          w.setRenderTarget({ cid: 1, type: 99, target: { sid: 3, face: 0, mipmap: 0 } });
          w.setTransform({ cid: 1, type: 0x80000000, matrix: Array<number>(16).fill(1) });
          w.setLightEnabled({ cid: 1, index: 1000, enabled: 1 });
          w.setClipPlane({ cid: 1, index: 6, plane: [1, 2, 3, 4] });
          w.setMaterial({ cid: 1, face: 7, material: { diffuse: [1, 1, 1, 1], ambient: [1, 1, 1, 1], specular: [1, 1, 1, 1], emissive: [1, 1, 1, 1], shininess: 1 } });
        }).offset;
      },
      follow,
    });
    expect(lines(r.hostile)).toEqual([
      `3410 E_RENDER_STATE #2 @${at} SETRENDERSTATE`,
      `3411 E_TEXTURE_STAGE #2 @${at + 20} SETTEXTURESTATE`,
      `3412 E_TEXTURE_STATE #2 @${at + 44} SETTEXTURESTATE`,
      `3418 E_RENDER_TARGET_TYPE #2 @${at + 68} SETRENDERTARGET`,
      `3414 E_TRANSFORM_TYPE #2 @${at + 96} SETTRANSFORM`,
      `3416 E_LIGHT_INDEX #2 @${at + 176} SETLIGHTENABLED`,
      `3417 E_CLIP_PLANE #2 @${at + 196} SETCLIPPLANE`,
      `3415 E_MATERIAL_FACE #2 @${at + 228} SETMATERIAL`,
    ]);
  });
});
