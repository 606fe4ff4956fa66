/**
 * Hostile-input checklist rows 6–13: object ids, redefinition and destruction of bound surfaces,
 * and surface definitions (sizes, mip chains, faces, formats), replayed through the whole device.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/common/diagnostics.js';
import { changedKeys, defineSurface, exec, expectSkipped, face6, lines, replay, Trace, type Part } from './harness.js';
import { CID, drawSetup, drawTriangle, gmrBytes, gmrSetup, RT, shader } from './scene.js';

const follow: Part = (t) => void t.fifo((w) => defineSurface(w, 9, 2, 2));
const VS = 'vs_2_0\ndcl_position v0\nmov oPos, v0';

describe('checklist rows 6–9: ids and object lifetime', () => {
  it('row 6: id out of range / sentinel', () => {
    let at = 0;
    const r = expectSkipped({
      setup: (t) => void t.fifo((w) => defineSurface(w.contextDefine({ cid: 1 }), 3, 2, 2)),
      hostile: (t) => {
        at = t.fifo((w) => {
          w.setRenderTarget({ cid: 1, type: 2, target: { sid: 32768, face: 0, mipmap: 0 } });
          w.surfaceDestroy({ sid: 0xffffffff });
          w.setTextureState({ cid: 1, states: [{ stage: 0, name: 1, value: 32768 }] });
          w.contextDefine({ cid: 0xffffffff });
          w.surfaceDefine({ sid: 32768, surfaceFlags: 0, format: 2, face: face6(), sizes: [{ width: 1, height: 1, depth: 1 }] });
          w.setShader({ cid: 1, type: 1, shid: 0xfffffffe });
          w.shaderDefine({ cid: 1, shid: 5000, type: 1, bytecode: shader(VS) });
        }).offset;
      },
      follow,
    });
    expect(lines(r.hostile)).toEqual([
      `3419 E_RENDER_TARGET_SURFACE #2 @${at} SETRENDERTARGET`,
      `3200 E_SURFACE_ID #2 @${at + 28} SURFACE_DESTROY`,
      `3413 E_TEXTURE_SURFACE #2 @${at + 40} SETTEXTURESTATE`,
      `3401 E_CONTEXT_ID #2 @${at + 64} CONTEXT_DEFINE`,
      `3200 E_SURFACE_ID #2 @${at + 76} SURFACE_DEFINE`,
      `3422 E_SHADER_UNDEFINED #2 @${at + 132} SET_SHADER`,
      `3420 E_SHADER_ID #2 @${at + 152} SHADER_DEFINE`,
    ]);
  });

  it("row 7: undefined id / other context's id", () => {
    let at = 0;
    const r = expectSkipped({
      setup: (t) => void t.fifo((w) => {
        w.contextDefine({ cid: 1 }).contextDefine({ cid: 2 });
        w.shaderDefine({ cid: 1, shid: 5, type: 1, bytecode: shader(VS) });
      }),
      hostile: (t) => {
        at = t.fifo((w) => {
          w.setShader({ cid: 2, type: 1, shid: 5 });
          w.shaderDestroy({ cid: 2, shid: 5, type: 1 });
          w.setShader({ cid: 1, type: 2, shid: 5 }); // shid 5 is a VS: the PS namespace has none
          w.setRenderState({ cid: 3, states: [{ state: 1, value: 0 }] });
        }).offset;
      },
      // Context 1's own shader binds fine afterwards.
      follow: (t) => void t.fifo((w) => w.setShader({ cid: 1, type: 1, shid: 5 })),
    });
    expect(lines(r.hostile)).toEqual([
      `3422 E_SHADER_UNDEFINED #2 @${at} SET_SHADER`,
      `3422 E_SHADER_UNDEFINED #2 @${at + 20} SHADER_DESTROY`,
      `3422 E_SHADER_UNDEFINED #2 @${at + 40} SET_SHADER`,
      `3402 E_CONTEXT_UNDEFINED #2 @${at + 60} SETRENDERSTATE`,
    ]);
  });

  it('row 8: redefine a live id (old storage released, new one zero-filled, old bindings cleared)', () => {
    const t = new Trace();
    gmrSetup(t);
    t.fifo((w) => {
      w.contextDefine({ cid: 1 }).contextDefine({ cid: 2 });
      defineSurface(w, 7, 4, 4);
      w.surfaceDma({ guest: { ptr: { gmrId: 1, offset: 0 }, pitch: 0 }, host: { sid: 7, face: 0, mipmap: 0 }, transfer: 1, boxes: [{ x: 0, y: 0, z: 0, w: 4, h: 4, d: 1, srcx: 0, srcy: 0, srcz: 0 }] });
      w.setRenderTarget({ cid: 1, type: 2, target: { sid: 7, face: 0, mipmap: 0 } });
      w.setTextureState({ cid: 2, states: [{ stage: 3, name: 1, value: 7 }] });
    });
    const r = replay(t.finish());
    expect(r.diagnostics).toEqual([]);
    const old = r.device.surfaces.get(7)!.image(0, 0)!;
    expect([...old.bytes]).toEqual(gmrBytes(64));
    const before = r.state();
    const added = exec(r, (w) => {
      w.surfaceDefine({ sid: 7, surfaceFlags: 0, format: 2, face: face6(), sizes: [{ width: 8, height: 8, depth: 1 }] });
      // Context 1 lost its target with the old storage: nothing to clear, and nothing written.
      w.clear({ cid: 1, clearFlag: 1, color: 0xffffffff, depth: 1, stencil: 0, rects: [] });
    });
    expect(lines(added)).toEqual(['3431 W_CLEAR_NO_TARGET #1000 @56 CLEAR']);
    expect(changedKeys(before, r.state())).toEqual(['context 1', 'context 2', 'surface 7']);
    const now = r.device.surfaces.get(7)!.image(0, 0)!;
    expect([now.width, now.height, now.bytes.length, now.bytes.every((b) => b === 0)]).toEqual([8, 8, 256, true]);
    expect(r.device.contexts.peek(1)!.renderTargets[2]).toBeUndefined();
    expect(r.device.contexts.peek(2)!.textureState(3, 1)).toBe(0xffffffff);
    // The released storage was not written after the redefinition.
    expect([...old.bytes]).toEqual(gmrBytes(64));
  });

  it('row 9: destroy while bound (bindings cleared in all contexts; the draw writes nowhere)', () => {
    const t = new Trace();
    drawSetup(t);
    t.fifo((w) => {
      w.contextDefine({ cid: 2 });
      w.setTextureState({ cid: 2, states: [{ stage: 0, name: 1, value: RT }] });
      w.setTextureState({ cid: CID, states: [{ stage: 1, name: 1, value: RT }] });
    });
    const r = replay(t.finish());
    expect(r.diagnostics).toEqual([]);
    // The scene draws: every pixel of the target turns green (BGRX bytes 00 ff 00 ff).
    const probe = replay((() => { const p = new Trace(); drawSetup(p); p.fifo((w) => drawTriangle(w)); return p.finish(); })());
    expect(probe.diagnostics.filter((d) => d.severity !== 'info').map(formatDiagnostic)).toEqual([]);
    expect([...probe.device.surfaces.get(RT)!.image(0, 0)!.bytes.subarray(0, 4)]).toEqual([0, 0xff, 0, 0xff]);

    const old = r.device.surfaces.get(RT)!.image(0, 0)!;
    const before = r.state();
    const added = exec(r, (w) => {
      w.surfaceDestroy({ sid: RT });
      drawTriangle(w);
      // The id is reused by a new surface: the draw must not find it through a stale binding.
      defineSurface(w, RT, 4, 4, 1);
      drawTriangle(w);
    });
    expect(lines(added)).toEqual(['5005 W_RENDER_TARGET #1000 @12 DRAW_PRIMITIVES', '5005 W_RENDER_TARGET #1000 @188 DRAW_PRIMITIVES']);
    // Surface 7 is back with the same (zero) bytes as before: only the bindings changed.
    expect(changedKeys(before, r.state())).toEqual(['context 1', 'context 2']);
    expect(r.device.contexts.peek(1)!.renderTargets[2]).toBeUndefined();
    expect(r.device.contexts.peek(1)!.textureState(1, 1)).toBe(0xffffffff);
    expect(r.device.contexts.peek(2)!.textureState(0, 1)).toBe(0xffffffff);
    expect(old.bytes.every((b) => b === 0)).toBe(true);
    expect(r.device.surfaces.get(RT)!.image(0, 0)!.bytes.every((b) => b === 0)).toBe(true);
  });
});

const define = (sid: number, format: number, flags: number, face: { numMipLevels: number }[], sizes: { width: number; height: number; depth: number }[]) =>
  (w: import('../../src/svga3d-decoder/index.js').CommandWriter) => void w.surfaceDefine({ sid, surfaceFlags: flags, format, face, sizes });

describe('checklist rows 10–13: surface definitions', () => {
  it('row 10: surface size overflow (65536² ARGB_S23E8, 16 mips, cube) fails the budget before allocating', () => {
    const sizes = Array.from({ length: 6 }, () => Array.from({ length: 16 }, (_, m) => ({ width: 65536 >> m, height: 65536 >> m, depth: 1 }))).flat();
    let at = 0;
    const r = expectSkipped({
      hostile: (t) => {
        at = t.fifo((w) => {
          define(3, 25, 1, Array.from({ length: 6 }, () => ({ numMipLevels: 16 })), sizes)(w);
          // 2^32-wrapping sizes: 65536 × 65536 × 1 × 4 bytes is 0 in 32-bit arithmetic.
          define(4, 2, 0, face6(), [{ width: 65536, height: 65536, depth: 65536 }])(w);
          define(5, 2, 0, face6(), [{ width: 0xffffffff, height: 0xffffffff, depth: 0xffffffff }])(w);
        }).offset;
      },
      follow,
    });
    expect(lines(r.hostile)).toEqual([
      `3205 E_SURFACE_BUDGET #1 @${at} SURFACE_DEFINE`,
      `3205 E_SURFACE_BUDGET #1 @${at + 1196} SURFACE_DEFINE`,
      `3205 E_SURFACE_BUDGET #1 @${at + 1196 + 56} SURFACE_DEFINE`,
    ]);
    expect(r.withHostile.device.surfaces.bytesInUse).toBe(0);
  });
});

describe('checklist rows 11–13: degenerate sizes, mip chains, faces, formats', () => {
  it('row 11: zero / degenerate dims', () => {
    let at = 0;
    const r = expectSkipped({
      hostile: (t) => {
        at = t.fifo((w) => {
          define(3, 2, 0, face6(), [{ width: 0, height: 4, depth: 1 }])(w);
          define(3, 2, 0, face6(), [{ width: 4, height: 4, depth: 0 }])(w);
          define(3, 2, 0, face6(0), [])(w);
        }).offset;
      },
      follow,
    });
    expect(lines(r.hostile)).toEqual([
      `3204 E_SURFACE_SIZE #1 @${at} SURFACE_DEFINE`,
      `3204 E_SURFACE_SIZE #1 @${at + 56} SURFACE_DEFINE`,
      `3203 E_SURFACE_FACES #1 @${at + 112} SURFACE_DEFINE`,
    ]);
  });

  it('row 12: inconsistent mip chain / faces', () => {
    let at = 0;
    const r = expectSkipped({
      hostile: (t) => {
        at = t.fifo((w) => {
          define(3, 2, 0, face6(2), [{ width: 512, height: 512, depth: 1 }, { width: 300, height: 300, depth: 1 }])(w);
          // face[3] has levels but the surface is not a cube.
          define(3, 2, 0, [{ numMipLevels: 1 }, { numMipLevels: 0 }, { numMipLevels: 0 }, { numMipLevels: 1 }, { numMipLevels: 0 }, { numMipLevels: 0 }],
            [{ width: 4, height: 4, depth: 1 }, { width: 4, height: 4, depth: 1 }])(w);
          // A cube with five faces.
          define(3, 2, 1, [1, 1, 1, 1, 1, 0].map((n) => ({ numMipLevels: n })), Array.from({ length: 5 }, () => ({ width: 4, height: 4, depth: 1 })))(w);
        }).offset;
      },
      follow,
    });
    expect(lines(r.hostile)).toEqual([
      `3204 E_SURFACE_SIZE #1 @${at} SURFACE_DEFINE`,
      `3203 E_SURFACE_FACES #1 @${at + 68} SURFACE_DEFINE`,
      `3203 E_SURFACE_FACES #1 @${at + 136} SURFACE_DEFINE`,
    ]);
  });

  it('row 13: invalid format / block size (0xdead rejected; a 3×3 DXT1 box rounds out to one 4×4 block)', () => {
    let at = 0;
    const r = expectSkipped({
      setup: gmrSetup,
      hostile: (t) => void (at = t.fifo((w) => define(3, 0xdead, 0, face6(), [{ width: 4, height: 4, depth: 1 }])(w)).offset),
      follow,
    });
    expect(lines(r.hostile)).toEqual([`3202 E_SURFACE_FORMAT #3 @${at} SURFACE_DEFINE`]);

    const t = new Trace();
    gmrSetup(t);
    t.fifo((w) => {
      define(3, 15, 0, face6(), [{ width: 8, height: 8, depth: 1 }])(w);
      w.surfaceDma({ guest: { ptr: { gmrId: 1, offset: 0 }, pitch: 0 }, host: { sid: 3, face: 0, mipmap: 0 }, transfer: 1, boxes: [{ x: 0, y: 0, z: 0, w: 3, h: 3, d: 1, srcx: 0, srcy: 0, srcz: 0 }] });
      // A box starting inside the last block column rounds out to that whole block.
      w.surfaceDma({ guest: { ptr: { gmrId: 1, offset: 100 }, pitch: 0 }, host: { sid: 3, face: 0, mipmap: 0 }, transfer: 1, boxes: [{ x: 5, y: 6, z: 0, w: 1, h: 1, d: 1, srcx: 5, srcy: 6, srcz: 0 }] });
    });
    const dxt = replay(t.finish());
    expect(dxt.diagnostics).toEqual([]);
    // 8×8 DXT1 = 2×2 blocks of 8 bytes, rows of 16 bytes. Block (1, 1) comes from guest offset
    // 100 + ⌊6/4⌋·16 + ⌊5/4⌋·8 = 124.
    expect([...dxt.device.surfaces.get(3)!.image(0, 0)!.bytes]).toEqual([...gmrBytes(8), ...Array<number>(16).fill(0), ...gmrBytes(8, 124)]);
  });
});
