import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../svga3d-decoder/index.js';
import { buildDispatchTable } from './command-table.js';
import { SVGA_GMR_FRAMEBUFFER } from './guest-ptr-memory.js';
import { run, testDevice, where } from './device-test-support.js';
import { SvgaReg } from './svga-registers.js';
import type { SvgaDevice } from './svga-device.js';

const PAGE = 4096;
const face6 = [{ numMipLevels: 1 }, ...Array.from({ length: 5 }, () => ({ numMipLevels: 0 }))];

function words(values: number[], width: 4 | 8 = 4): Uint8Array {
  const out = new Uint8Array(values.length * width);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    view.setUint32(i * width, v % 2 ** 32, true);
    if (width === 8) view.setUint32(i * width + 4, Math.floor(v / 2 ** 32), true);
  });
  return out;
}

/** Fills guest page `ppn` with bytes `(ppn + i) & 0xff`. */
function fillPage(device: SvgaDevice, ppn: number): void {
  device.writeGuestMemory(ppn * PAGE, new Uint8Array(PAGE).map((_, i) => (ppn + i) & 0xff));
}

function defineV1(device: SvgaDevice, gmrId: number, descriptorPpn: number, entries: Array<[number, number]>): void {
  device.writeGuestMemory(descriptorPpn * PAGE, words(entries.flat()));
  device.writeRegister(SvgaReg.GMR_ID, gmrId);
  device.writeRegister(SvgaReg.GMR_DESCRIPTOR, descriptorPpn);
}

describe('GMR v1 through the registers', () => {
  it('defines a discontiguous GMR from the descriptor as read at that moment', () => {
    const { device, list } = testDevice();
    for (const p of [0x300, 0x301, 0x400]) fillPage(device, p);
    defineV1(device, 3, 0x200, [[0x300, 2], [0x400, 1], [0, 0]]);
    // The SDK clobbers the descriptor page right after the register write.
    device.writeGuestMemory(0x200 * PAGE, new Uint8Array(PAGE).fill(0xaa));
    expect(device.gmrs.regionSize(3)).toBe(3 * PAGE);
    const out = new Uint8Array(8);
    expect(device.gmrs.read(3, 2 * PAGE - 4, out)).toBe(true);
    expect([...out]).toEqual([
      (0x301 + 4092) & 0xff, (0x301 + 4093) & 0xff, (0x301 + 4094) & 0xff, (0x301 + 4095) & 0xff,
      0x400 & 0xff, 0x401 & 0xff, 0x402 & 0xff, 0x403 & 0xff,
    ]);
    device.writeRegister(SvgaReg.GMR_DESCRIPTOR, 0);
    expect(device.gmrs.regionSize(3)).toBe(-1);
    expect(list.items).toEqual([]);
  });

  it('reports bad ids and bad chains, leaving the id undefined', () => {
    const { device, list } = testDevice();
    defineV1(device, 64, 0x200, [[0x300, 1], [0, 0]]);
    defineV1(device, 1, 0x200, [[0x300, 1], [0, 0]]);
    defineV1(device, 1, 0x210, [[0x300, 1], [0x210, 0]]);
    defineV1(device, 2, 0x220, [[0x300, 65537], [0, 0]]);
    expect(list.items.map((d) => [d.code, d.message])).toEqual([
      [3110, 'GMR id 64 is not below 64'],
      [3111, 'descriptor chain loops back to page 0x210'],
      [3111, 'GMR would have more than 65536 pages (GMR page budget)'],
    ]);
    expect(device.gmrs.regionSize(1)).toBe(-1);
    expect(device.gmrs.regionSize(2)).toBe(-1);
  });

  it('feeds SURFACE_DMA both ways across a page boundary, byte for byte', () => {
    const { device, list } = testDevice();
    for (const p of [0x300, 0x301, 0x400]) fillPage(device, p);
    defineV1(device, 0, 0x200, [[0x300, 2], [0x400, 1], [0, 0]]);
    const guest = (offset: number) => ({ ptr: { gmrId: 0, offset }, pitch: 0 });
    const box = { x: 0, y: 0, z: 0, w: 16, h: 1, d: 1, srcx: 0, srcy: 0, srcz: 0 };
    run(device, (w) => {
      w.surfaceDefine({ sid: 1, surfaceFlags: 0, format: 37, face: face6, sizes: [{ width: 16, height: 1, depth: 1 }] });
      w.surfaceDma({ guest: guest(PAGE - 8), host: { sid: 1, face: 0, mipmap: 0 }, transfer: 1, boxes: [box] });
      w.surfaceDma({ guest: guest(2 * PAGE + 100), host: { sid: 1, face: 0, mipmap: 0 }, transfer: 2, boxes: [box] });
    });
    expect(list.items).toEqual([]);
    const expected = [
      ...Array.from({ length: 8 }, (_, i) => (0x300 + 4088 + i) & 0xff),
      ...Array.from({ length: 8 }, (_, i) => (0x301 + i) & 0xff),
    ];
    expect([...(device.surfaces.get(1)?.image(0, 0)?.bytes ?? [])]).toEqual(expected);
    expect([...device.readGuestMemory(0x400 * PAGE + 100, 16)]).toEqual(expected);
    expect(device.commandCounts().get('SURFACE_DMA')).toBe(2);
  });
});

describe('GMR v2 through the FIFO', () => {
  it('maps pages for every REMAP_GMR2 flag combination', () => {
    const { device, list } = testDevice();
    // GMR 9 holds PPN lists for VIA_GMR: 32-bit at offset 0, 64-bit at offset 64.
    run(device, (w) => {
      w.defineGmr2({ gmrId: 9, numPages: 1 });
      w.remapGmr2({ gmrId: 9, flags: 0, offsetPages: 0, numPages: 1, payload: words([0x900]) });
    });
    device.writeGuestMemory(0x900 * PAGE, words([0xa00, 0xa01, 0xa02]));
    device.writeGuestMemory(0x900 * PAGE + 64, words([0xb00, 2 ** 33], 8));
    const viaGmr = (offset: number) => words([9, offset]);
    const cases: Array<[flags: number, payload: Uint8Array, numPages: number, pages: number[]]> = [
      [0, words([0x500, 0x502]), 2, [0x500, 0x502]],
      [2, words([0x600, 0x601], 8), 2, [0x600, 0x601]],
      [4, words([0x700]), 3, [0x700, 0x700, 0x700]],
      [6, words([0x710], 8), 2, [0x710, 0x710]],
      [1, viaGmr(0), 3, [0xa00, 0xa01, 0xa02]],
      [3, viaGmr(64), 1, [0xb00]],
      [5, viaGmr(4), 2, [0xa01, 0xa01]],
      [7, viaGmr(64), 2, [0xb00, 0xb00]],
    ];
    for (const [flags, payload, numPages, pages] of cases) {
      run(device, (w) => {
        w.defineGmr2({ gmrId: 2, numPages: 4 });
        w.remapGmr2({ gmrId: 2, flags, offsetPages: 1, numPages, payload });
      });
      const mapped = [...(device.gmrs.pages(2) ?? [])];
      expect(mapped, `flags ${flags}`).toEqual([-1, ...pages, ...new Array(3 - pages.length).fill(-1)]);
    }
    expect(list.items).toEqual([]);
    // Page 0 was never mapped: an access touching it fails as a whole.
    expect(device.gmrs.read(2, PAGE - 2, new Uint8Array(4))).toBe(false);
    expect(device.gmrs.read(2, PAGE, new Uint8Array(4))).toBe(true);
  });

  it('rejects bad ids, ranges, flags, payloads and PPNs without changing the mapping', () => {
    const { device, list } = testDevice();
    const offsets: number[] = [];
    run(device, (w) => {
      w.defineGmr2({ gmrId: 2, numPages: 4 });
      w.remapGmr2({ gmrId: 2, flags: 0, offsetPages: 0, numPages: 4, payload: words([1, 2, 3, 4]) });
      const at = () => offsets.push(w.byteLength);
      at(); w.defineGmr2({ gmrId: 64, numPages: 1 });
      at(); w.defineGmr2({ gmrId: 3, numPages: 65537 });
      at(); w.remapGmr2({ gmrId: 5, flags: 0, offsetPages: 0, numPages: 1, payload: words([1]) });
      at(); w.remapGmr2({ gmrId: 2, flags: 0, offsetPages: 3, numPages: 2, payload: words([1, 2]) });
      at(); w.remapGmr2({ gmrId: 2, flags: 0xffffffff, offsetPages: 0, numPages: 0, payload: words([9, 0]) });
      at(); w.remapGmr2({ gmrId: 2, flags: 2, offsetPages: 0, numPages: 1, payload: words([2 ** 32], 8) });
      at(); w.remapGmr2({ gmrId: 2, flags: 1, offsetPages: 0, numPages: 1, payload: words([77, 0]) });
    });
    expect(where(list.items)).toEqual([
      `3110@${offsets[0]} DEFINE_GMR2`,
      `3112@${offsets[1]} DEFINE_GMR2`,
      `3115@${offsets[2]} REMAP_GMR2`,
      `3113@${offsets[3]} REMAP_GMR2`,
      `3113@${offsets[4]} REMAP_GMR2`,
      `3114@${offsets[5]} REMAP_GMR2`,
      `3113@${offsets[6]} REMAP_GMR2`,
    ]);
    expect([...(device.gmrs.pages(2) ?? [])]).toEqual([1, 2, 3, 4]);
    run(device, (w) => w.defineGmr2({ gmrId: 2, numPages: 0 }));
    expect(device.gmrs.regionSize(2)).toBe(-1);
    expect(device.gmrs.totalPages).toBe(0);
  });

  it('SVGA_GMR_FRAMEBUFFER aliases VRAM from offset 0', () => {
    const { device } = testDevice({ vramBytes: 1024 * 1024 });
    device.writeVram(16, new Uint8Array([1, 2, 3]));
    const out = new Uint8Array(3);
    expect(device.gmrs.read(SVGA_GMR_FRAMEBUFFER, 16, out)).toBe(true);
    expect([...out]).toEqual([1, 2, 3]);
    expect(device.gmrs.regionSize(SVGA_GMR_FRAMEBUFFER)).toBe(1024 * 1024);
  });
});

describe('dispatch', () => {
  it('has an executor for every command the codec decodes', () => {
    const { device } = testDevice();
    const table = buildDispatchTable({
      env: { contexts: device.contexts, surfaces: device.surfaces, memory: device.gmrs },
      gmrs: device.gmrs,
      surfaces: device.surfaces,
      screens: device.screens,
      fence: () => {},
    });
    const missing = COMMAND_SPECS.map((s) => s.name).filter((name) => !(name in table));
    expect(missing).toEqual([]);
  });
});

describe('host memory calls', () => {
  it('bounds-check VRAM and guest memory writes with diagnostics', () => {
    const { device, list } = testDevice({ vramBytes: 65536 });
    device.writeVram(65535, new Uint8Array(2), { record: 4, fileOffset: 0x20 });
    device.writeGuestMemory(2 ** 44, new Uint8Array(1));
    expect(list.items.map((d) => [d.code, d.record, d.offset])).toEqual([[3101, 4, 0x20], [3102, undefined, undefined]]);
    expect(device.readVram(65534, 10).length).toBe(2);
    expect(device.readGuestMemory(-1, 4).length).toBe(0);
    expect(device.readGuestMemory(0, 2 ** 40).length).toBe(0);
  });

  it('clamps out-of-range sizes and replaces nonsense ones, with a diagnostic', () => {
    const big = testDevice({ vramBytes: 2 ** 32 });
    expect(big.device.vram.length).toBe(512 * 1024 * 1024);
    expect(big.list.items.map((d) => [d.code, d.message])).toEqual([[3030, 'vramBytes 4294967296 is not a multiple of 4 in 65536..536870912; using 536870912']]);
    const odd = testDevice({ vramBytes: 1.5, fifoBytes: 100 });
    expect([odd.device.vram.length, odd.device.fifoMemory.byteLength]).toEqual([16 * 1024 * 1024, 16 * 1024]);
    expect(odd.list.items.map((d) => d.code)).toEqual([3030, 3030]);
  });
});

describe('queries', () => {
  it('write SVGA3dQueryResult at END_QUERY and again at WAIT_FOR_QUERY, bounds-checked', () => {
    const { device, list } = testDevice();
    const ptr = (offset: number) => ({ gmrId: 1, offset });
    const offsets: number[] = [];
    run(device, (w) => {
      w.defineGmr2({ gmrId: 1, numPages: 1 });
      w.remapGmr2({ gmrId: 1, flags: 0, offsetPages: 0, numPages: 1, payload: words([0x300]) });
      w.contextDefine({ cid: 0 });
      w.beginQuery({ cid: 0, type: 0 });
      w.endQuery({ cid: 0, type: 0, guestResult: ptr(8) });
    });
    expect([...device.readGuestMemory(0x300 * PAGE + 8, 12)]).toEqual([12, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    device.writeGuestMemory(0x300 * PAGE + 8, new Uint8Array(12));
    run(device, (w) => {
      w.waitForQuery({ cid: 0, type: 0, guestResult: ptr(8) });
      w.waitForQuery({ cid: 0, type: 0, guestResult: ptr(40) }); // no END_QUERY there: a barrier
      offsets.push(w.byteLength);
      w.beginQuery({ cid: 0, type: 1 });
      offsets.push(w.byteLength);
      w.endQuery({ cid: 0, type: 0, guestResult: ptr(8) });
      w.beginQuery({ cid: 0, type: 0 });
      offsets.push(w.byteLength);
      w.endQuery({ cid: 0, type: 0, guestResult: ptr(PAGE - 10) });
    });
    expect([...device.readGuestMemory(0x300 * PAGE + 8, 12)]).toEqual([12, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect([...device.readGuestMemory(0x300 * PAGE + 40, 4)]).toEqual([0, 0, 0, 0]);
    expect(where(list.items)).toEqual([
      `3440@${offsets[0]} BEGIN_QUERY`,
      `3441@${offsets[1]} END_QUERY`,
      `3442@${offsets[2]} END_QUERY`,
    ]);
    expect(list.items[2]?.message).toBe('12-byte query result at offset 4086 does not fit GMR 0x1 of 4096 bytes');
  });
});
