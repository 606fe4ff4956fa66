/**
 * Hostile-input checklist rows 36–40: object-count exhaustion, double fetch (the device works on
 * private snapshots), stale data, cross-context isolation, NaN payloads through the data path;
 * and determinism of hostile replays.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/common/diagnostics.js';
import { FifoReg, GUEST_PAGE_SIZE, SvgaDevice, SvgaReg } from '../../src/device/index.js';
import { CommandWriter } from '../../src/svga3d-decoder/index.js';
import { box, changedKeys, defineSurface, exec, face6, HashedGuestMemory, lines, replay, stateHashes, Trace } from './harness.js';
import { CID, drawSetup, drawTriangle, gmrBytes, gmrSetup, GMR1_ADDRESS, RT, wordBytes } from './scene.js';

const count = (ds: readonly Diagnostic[], code: number) => ds.filter((d) => d.code === code).length;

describe('checklist row 36: object-count exhaustion', () => {
  it('row 36: object-count exhaustion (40 000 surfaces, 300 contexts)', () => {
    const t = new Trace();
    const at = t.fifo((w) => {
      for (let sid = 0; sid < 40_000; sid++) w.surfaceDefine({ sid, surfaceFlags: 0, format: 2, face: face6(), sizes: [{ width: 1, height: 1, depth: 1 }] });
      for (let cid = 0; cid < 300; cid++) w.contextDefine({ cid });
    }).offset;
    const r = replay(t.finish());
    // 16384 live surfaces at most; ids from 32768 on are no ids at all; 256 context ids.
    expect([count(r.diagnostics, 3206), count(r.diagnostics, 3200), count(r.diagnostics, 3401), r.diagnostics.length]).toEqual([16384, 7232, 44, 23660]);
    expect(lines([r.diagnostics[0]!, r.diagnostics[16384]!, r.diagnostics[23616]!])).toEqual([
      `3206 E_SURFACE_COUNT #1 @${at + 16384 * 56} SURFACE_DEFINE`,
      `3200 E_SURFACE_ID #1 @${at + 32768 * 56} SURFACE_DEFINE`,
      `3401 E_CONTEXT_ID #1 @${at + 40_000 * 56 + 256 * 12} CONTEXT_DEFINE`,
    ]);
    expect([r.device.surfaces.count, r.device.surfaces.bytesInUse, r.device.contexts.size]).toEqual([16384, 16384 * 4, 256]);
    // At the cap, one destroy makes room for exactly one more.
    expect(lines(exec(r, (w) => defineSurface(defineSurface(w.surfaceDestroy({ sid: 5 }), 20_000, 1, 1), 20_001, 1, 1)))).toEqual([
      '3206 E_SURFACE_COUNT #1000 @68 SURFACE_DEFINE',
    ]);
    expect(r.device.surfaces.get(20_000)?.image(0, 0)?.width).toBe(1);
  });
});

describe('checklist row 37: double fetch', () => {
  it('row 37: double fetch — FIFO bytes changed after decoding do not change the commands', () => {
    // The sink runs in the middle of execution (after the first command's diagnostic): it
    // rewrites the second command's sid and size in the buffer the device was handed.
    const w = new CommandWriter();
    w.surfaceDestroy({ sid: 5 });
    defineSurface(w, 9, 2, 2);
    const bytes = w.finish();
    const dv = new DataView(bytes.buffer);
    const memory = new HashedGuestMemory();
    const seen: string[] = [];
    const device = new SvgaDevice({
      vramBytes: 1024 * 1024,
      guestMemory: memory,
      sink: {
        report(d) {
          seen.push(formatDiagnostic(d));
          dv.setUint32(12 + 8, 10, true); // sid 9 → 10
          dv.setUint32(12 + 44, 0xffffffff, true); // width 2 → 2^32 − 1
        },
      },
    });
    device.executeFifo(bytes, { record: 1, fileOffset: 0 });
    expect(seen).toEqual(['#1 @0x0 SURFACE_DESTROY E3201 E_SURFACE_UNDEFINED: surface 5 is not defined']);
    expect(device.surfaces.get(9)?.image(0, 0)?.width).toBe(2);
    expect(device.surfaces.get(10)).toBeUndefined();
  });

  it('row 37: double fetch — a DMA whose guest pages and FIFO bytes change while it runs moves what was validated', () => {
    // Guest memory that, on every read, scribbles over the bytes it just returned and over the
    // FIFO buffer's box (w 2 → 0xffffffff): a second fetch of either would see different values.
    const memory = new HashedGuestMemory();
    let fifo: DataView | undefined;
    const reads: number[] = [];
    const flipping = {
      size: memory.size,
      read(address: number, dst: Uint8Array): boolean {
        reads.push(address);
        const ok = memory.read(address, dst);
        memory.write(address, new Uint8Array(dst.length).fill(0xee));
        fifo?.setUint32(8 + 28 + 12, 0xffffffff, true);
        return ok;
      },
      write: (address: number, src: Uint8Array) => memory.write(address, src),
    };
    const device = new SvgaDevice({ vramBytes: 1024 * 1024, guestMemory: flipping, sink: { report: (d) => { throw new Error(formatDiagnostic(d)); } } });
    device.writeGuestMemory(GMR1_ADDRESS, new Uint8Array(gmrBytes(8192)));
    const setup = new CommandWriter();
    setup.defineGmr2({ gmrId: 1, numPages: 2 }).remapGmr2({ gmrId: 1, flags: 0, offsetPages: 0, numPages: 2, payload: wordBytes([0x100, 0x101]) });
    defineSurface(setup, 7, 4, 4);
    device.executeFifo(setup.finish(), { record: 0, fileOffset: 0 });
    const w = new CommandWriter();
    w.surfaceDma({ guest: { ptr: { gmrId: 1, offset: 0 }, pitch: 16 }, host: { sid: 7, face: 0, mipmap: 0 }, transfer: 1, boxes: [box(2, 2)] });
    const bytes = w.finish();
    fifo = new DataView(bytes.buffer);
    device.executeFifo(bytes, { record: 1, fileOffset: 0 });
    const image = device.surfaces.get(7)!.image(0, 0)!.bytes;
    // Rows 0 and 1 of the 2×2 box, each fetched once: guest offsets 0–7 and 16–23.
    expect([...image.subarray(0, 8)]).toEqual(gmrBytes(8));
    expect([...image.subarray(16, 24)]).toEqual(gmrBytes(8, 16));
    expect(image.subarray(8, 16).every((b) => b === 0) && image.subarray(24).every((b) => b === 0)).toBe(true);
    expect(new Set(reads).size).toBe(reads.length);
  });

  it('row 37: double fetch — a GMR descriptor rewritten after it was read does not change the GMR', () => {
    const memory = new HashedGuestMemory();
    const reads: number[] = [];
    const descriptorPage = 0x200;
    const flipping = {
      size: memory.size,
      read(address: number, dst: Uint8Array): boolean {
        reads.push(address);
        const ok = memory.read(address, dst);
        // After the read, the guest turns the run into 2^31 pages starting at page 1.
        memory.write(descriptorPage * GUEST_PAGE_SIZE, wordBytes([1, 0x80000000, 0, 0]));
        return ok;
      },
      write: (address: number, src: Uint8Array) => memory.write(address, src),
    };
    const seen: string[] = [];
    const device = new SvgaDevice({ vramBytes: 1024 * 1024, guestMemory: flipping, sink: { report: (d) => void seen.push(formatDiagnostic(d)) } });
    device.writeGuestMemory(descriptorPage * GUEST_PAGE_SIZE, wordBytes([0x100, 2, 0, 0]));
    device.writeRegister(SvgaReg.GMR_ID, 3);
    device.writeRegister(SvgaReg.GMR_DESCRIPTOR, descriptorPage);
    expect(seen).toEqual([]);
    expect(reads).toEqual([descriptorPage * GUEST_PAGE_SIZE]);
    expect([...device.gmrs.pages(3)!]).toEqual([0x100, 0x101]);
  });

  it('row 37: double fetch — ring registers and bytes rewritten during a drain do not change it', () => {
    const memory = new HashedGuestMemory();
    let f: Uint32Array | undefined;
    const device = new SvgaDevice({
      vramBytes: 1024 * 1024,
      guestMemory: memory,
      sink: {
        report() {
          // Mid-drain: STOP and NEXT_CMD moved outside the ring, the queued define overwritten.
          f![FifoReg.NEXT_CMD] = 3;
          f!.fill(0xffffffff, 4 * FifoReg.NUM_REGS / 4 + 3, 4 * FifoReg.NUM_REGS / 4 + 40);
        },
      },
    });
    f = device.fifoMemory;
    const min = 4 * FifoReg.NUM_REGS;
    const w = new CommandWriter();
    w.surfaceDestroy({ sid: 5 });
    defineSurface(w, 9, 2, 2);
    const bytes = w.finish();
    f[FifoReg.MIN] = min;
    f[FifoReg.MAX] = min + 16 * 1024;
    f[FifoReg.STOP] = min;
    new Uint8Array(f.buffer).set(bytes, min);
    f[FifoReg.NEXT_CMD] = min + bytes.length;
    device.writeRegister(SvgaReg.CONFIG_DONE, 1);
    expect(device.processFifo()).toBe(2);
    expect(device.surfaces.get(9)?.image(0, 0)?.width).toBe(2);
    // STOP moved to the end of what the snapshot held, not to the guest's rewritten NEXT_CMD.
    expect(f[FifoReg.STOP]).toBe(min + bytes.length);
  });
});

describe('checklist rows 38–40', () => {
  it('row 38: stale / uninitialized data (new and reused surface storage reads as zeros)', () => {
    const t = new Trace();
    gmrSetup(t);
    t.fifo((w) => {
      defineSurface(w, 7, 4, 4);
      w.surfaceDma({ guest: { ptr: { gmrId: 1, offset: 0 }, pitch: 0 }, host: { sid: 7, face: 0, mipmap: 0 }, transfer: 1, boxes: [box(4, 4)] });
      w.surfaceDestroy({ sid: 7 });
      defineSurface(w, 7, 4, 4);
      defineSurface(w, 8, 4, 4);
      // Read both back into guest memory at offset 4096, before anything wrote them.
      w.surfaceDma({ guest: { ptr: { gmrId: 1, offset: 4096 }, pitch: 0 }, host: { sid: 7, face: 0, mipmap: 0 }, transfer: 2, boxes: [box(4, 4)] });
      w.surfaceDma({ guest: { ptr: { gmrId: 1, offset: 4096 + 64 }, pitch: 0 }, host: { sid: 8, face: 0, mipmap: 0 }, transfer: 2, boxes: [box(4, 4)] });
    });
    t.checkpointSurface('fresh', 8);
    const r = replay(t.finish());
    expect(r.diagnostics).toEqual([]);
    expect(r.device.readGuestMemory(GMR1_ADDRESS + 4096, 128).every((b) => b === 0)).toBe(true);
    expect([...r.device.readGuestMemory(GMR1_ADDRESS + 4096 + 128, 4)]).toEqual(gmrBytes(4, 4096 + 128));
    expect(r.images.get('fresh')?.data.every((b) => b === 0)).toBe(true);
  });

  it('row 39: cross-context isolation (a hostile stream on context 2 leaves context 1 and its target hash-identical)', () => {
    const t = new Trace();
    drawSetup(t);
    t.fifo((w) => drawTriangle(w));
    const victim = replay(t.finish());
    const keep = (s: Map<string, string>) => [s.get(`context ${CID}`), s.get(`surface ${RT}`), s.get('surface 20')];
    const before = keep(victim.state());
    const added = exec(victim, (w) => {
      w.contextDefine({ cid: 2 });
      defineSurface(w, 30, 4, 4, 1);
      w.setRenderTarget({ cid: 2, type: 2, target: { sid: 30, face: 0, mipmap: 0 } });
      w.setRenderState({ cid: 2, states: [{ state: 1, value: 0 }, { state: 9, value: 0 }, { state: 35, value: 1 }] });
      w.clear({ cid: 2, clearFlag: 7, color: 0xffffffff, depth: 0, stencil: 0xff, rects: [{ x: 0, y: 0, w: 0xffffffff, h: 0xffffffff }] });
      drawTriangle(w, 2);
      w.setShaderConst({ cid: 2, reg: 0, type: 1, ctype: 0, values: [[1, 2, 3, 4]] });
      w.setTextureState({ cid: 2, states: [{ stage: 0, name: 1, value: RT }] });
      w.setRenderTarget({ cid: 2, type: 3, target: { sid: RT, face: 1, mipmap: 0 } });
      w.shaderDestroy({ cid: CID, shid: 1, type: 1 });
      w.contextDestroy({ cid: 2 });
    });
    expect(lines(added)).toEqual([
      // Context 2 has no depth or stencil target to clear.
      '3431 W_CLEAR_NO_TARGET #1000 @132 CLEAR',
      '3431 W_CLEAR_NO_TARGET #1000 @132 CLEAR',
      '3419 E_RENDER_TARGET_SURFACE #1000 @360 SETRENDERTARGET',
      '3422 E_SHADER_UNDEFINED #1000 @388 SHADER_DESTROY',
    ]);
    expect(keep(victim.state())).toEqual(before);
    // Context 2 did draw: its own target is white, then green from its triangle.
    expect([...victim.device.surfaces.get(30)!.image(0, 0)!.bytes.subarray(0, 4)]).toEqual([0, 0xff, 0, 0xff]);
  });

  it('row 40: NaN/denormal data path (sNaN, qNaN, −0, denormal float32 texels survive DMA, copy and read back)', () => {
    const texels = [0x7fa00001, 0xffbfffff, 0x7fc00000, 0x80000000, 0x00000001, 0x807fffff, 0x7f800000, 0x3f800000];
    const t = new Trace();
    t.guestWrite(GMR1_ADDRESS, wordBytes(texels));
    t.fifo((w) => {
      w.defineGmr2({ gmrId: 1, numPages: 2 }).remapGmr2({ gmrId: 1, flags: 0, offsetPages: 0, numPages: 2, payload: wordBytes([0x100, 0x101]) });
      for (const sid of [3, 4]) defineSurface(w, sid, 8, 1, 34); // R_S23E8
      w.surfaceDma({ guest: { ptr: { gmrId: 1, offset: 0 }, pitch: 0 }, host: { sid: 3, face: 0, mipmap: 0 }, transfer: 1, boxes: [box(8, 1)] });
      w.surfaceCopy({ src: { sid: 3, face: 0, mipmap: 0 }, dest: { sid: 4, face: 0, mipmap: 0 }, boxes: [box(8, 1)] });
      w.surfaceDma({ guest: { ptr: { gmrId: 1, offset: 4096 }, pitch: 0 }, host: { sid: 4, face: 0, mipmap: 0 }, transfer: 2, boxes: [box(8, 1)] });
    });
    const r = replay(t.finish());
    expect(r.diagnostics).toEqual([]);
    const back = r.device.readGuestMemory(GMR1_ADDRESS + 4096, 32);
    expect([...new Uint32Array(back.buffer)]).toEqual(texels);
  });
});

describe('determinism of hostile replays', () => {
  it('the same hostile trace twice gives identical diagnostics, images and state', () => {
    const build = () => {
      const t = new Trace();
      drawSetup(t);
      gmrSetup(t);
      t.fifo((w) => {
        drawTriangle(w);
        w.raw([1055, 4, 1]);
        w.drawPrimitives({ cid: CID, decls: [{ identity: { type: 3, method: 0, usage: 9, usageIndex: 0 }, array: { surfaceId: 20, offset: 56, stride: 64 }, rangeHint: { first: 0, last: 0 } }], ranges: [{ primType: 1, primitiveCount: 333, indexArray: { surfaceId: 0xffffffff, offset: 0, stride: 0 }, indexWidth: 0, indexBias: -5 }] });
        w.surfaceDma({ guest: { ptr: { gmrId: 1, offset: 8190 }, pitch: 0x7fffffff }, host: { sid: RT, face: 0, mipmap: 0 }, transfer: 1, boxes: [box(4, 4)] });
        w.setShaderConst({ cid: CID, reg: 250, type: 1, ctype: 0, values: [[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]] });
        w.raw([1044, 0xfffffff0, 0, 0]);
      });
      t.checkpointSurface('rt', RT);
      t.fifo((w) => w.surfaceCopy({ src: { sid: RT, face: 0, mipmap: 0 }, dest: { sid: RT, face: 0, mipmap: 0 }, boxes: [{ x: 1, y: 1, z: 0, w: 9, h: 9, d: 1, srcx: 0, srcy: 0, srcz: 0 }] }));
      t.checkpointSurface('copied', RT);
      return t.finish();
    };
    const a = replay(build());
    const b = replay(build());
    expect(lines(a.diagnostics).map((l) => l.split(' ')[1])).toEqual(['E_SIZE_TOO_SMALL', 'W_FETCH_OUT_OF_BOUNDS', 'E_DMA_GUEST_RANGE', 'E_SHADER_CONST_RANGE', 'E_SIZE_PAST_END']);
    expect(b.diagnostics.map(formatDiagnostic)).toEqual(a.diagnostics.map(formatDiagnostic));
    expect([...b.images.keys()]).toEqual(['rt', 'copied']);
    for (const name of ['rt', 'copied']) expect(b.images.get(name)!.data).toEqual(a.images.get(name)!.data);
    expect(changedKeys(a.state(), b.state())).toEqual([]);
    expect(stateHashes(a.device, a.memory)).toEqual(a.state());
  });
});
