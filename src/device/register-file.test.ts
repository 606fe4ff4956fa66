import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiagnosticCode } from '../common/diagnostics.js';
import { RegisterFile, type LegacyModeState, type RegisterHost } from './register-file.js';
import { DEVICE_CAPABILITIES, SvgaReg, SVGA_ID_0, SVGA_ID_1, SVGA_ID_2 } from './svga-registers.js';
import { testDevice } from './device-test-support.js';

function fakeHost() {
  const log: string[] = [];
  const modes: LegacyModeState[] = [];
  const host: RegisterHost = {
    vramBytes: 16 * 1024 * 1024,
    fifoBytes: 256 * 1024,
    memorySize: 512 * 1024 * 1024,
    gmrMaxIds: 64,
    gmrMaxPages: 65536,
    setLegacyMode: (m) => void modes.push(m),
    defineGmr: (id, ppn) => void log.push(`gmr ${id} ${ppn.toString(16)}`),
    sync: () => void log.push('sync'),
    configure: () => void log.push('configure'),
    setPaletteEntry: (i, r, g, b) => void log.push(`palette ${i} ${r} ${g} ${b}`),
  };
  const reports: string[] = [];
  const report = (def: DiagnosticCode, message: string) => reports.push(`${def.code} ${message}`);
  return { host, log, modes, reports, report, regs: new RegisterFile(host) };
}

describe('RegisterFile', () => {
  it('negotiates SVGA_ID_2 and accepts lower ids, refusing others', () => {
    const { regs, report, reports } = fakeHost();
    expect(regs.read(SvgaReg.ID)).toBe(SVGA_ID_2);
    regs.write(SvgaReg.ID, SVGA_ID_2, report);
    expect(regs.read(SvgaReg.ID)).toBe(SVGA_ID_2);
    regs.write(SvgaReg.ID, SVGA_ID_1, report);
    expect(regs.read(SvgaReg.ID)).toBe(SVGA_ID_1);
    regs.write(SvgaReg.ID, 0x90000003, report);
    expect(regs.read(SvgaReg.ID)).toBe(SVGA_ID_1);
    regs.write(SvgaReg.ID, SVGA_ID_0, report);
    expect(regs.read(SvgaReg.ID)).toBe(SVGA_ID_0);
    expect(reports).toEqual(['3001 SVGA_REG_ID 0x90000003 is not SVGA_ID_0..SVGA_ID_2']);
  });

  it('applies a mode set once, at ENABLE, with the computed pitch and channel masks', () => {
    const { regs, report, reports, modes, log } = fakeHost();
    regs.write(SvgaReg.ENABLE, 1, report); // SDK init order: enable before any mode
    regs.write(SvgaReg.WIDTH, 800, report);
    regs.write(SvgaReg.HEIGHT, 600, report);
    regs.write(SvgaReg.BITS_PER_PIXEL, 32, report);
    regs.write(SvgaReg.ENABLE, 1, report);
    expect(reports).toEqual([]);
    expect(modes).toEqual([
      { enabled: false, width: 0, height: 0, bitsPerPixel: 32, fbOffset: 0, bytesPerLine: 0 },
      { enabled: true, width: 800, height: 600, bitsPerPixel: 32, fbOffset: 0, bytesPerLine: 3200 },
    ]);
    expect(log).toEqual(['configure', 'configure']);
    expect(regs.read(SvgaReg.BYTES_PER_LINE)).toBe(3200);
    expect([regs.read(SvgaReg.DEPTH), regs.read(SvgaReg.RED_MASK), regs.read(SvgaReg.GREEN_MASK), regs.read(SvgaReg.BLUE_MASK)]).toEqual([
      24, 0xff0000, 0xff00, 0xff,
    ]);
    regs.write(SvgaReg.BITS_PER_PIXEL, 15, report);
    expect([regs.read(SvgaReg.BYTES_PER_LINE), regs.read(SvgaReg.DEPTH), regs.read(SvgaReg.RED_MASK)]).toEqual([1600, 15, 0x7c00]);
    regs.write(SvgaReg.PITCHLOCK, 2048, report);
    expect(regs.read(SvgaReg.BYTES_PER_LINE)).toBe(2048);
    regs.flushMode(report);
    expect(modes[2]).toEqual({ enabled: true, width: 800, height: 600, bitsPerPixel: 15, fbOffset: 0, bytesPerLine: 2048 });
    // Nothing changed: no new mode.
    regs.write(SvgaReg.ENABLE, 1, report);
    expect(modes.length).toBe(3);
  });

  it('reports modes that cannot be shown and shows them as disabled', () => {
    const { regs, report, reports, modes } = fakeHost();
    regs.write(SvgaReg.WIDTH, 4096, report);
    regs.write(SvgaReg.HEIGHT, 4096, report);
    regs.write(SvgaReg.ENABLE, 1, report);
    regs.write(SvgaReg.WIDTH, 9000, report);
    regs.write(SvgaReg.ENABLE, 1, report);
    regs.write(SvgaReg.WIDTH, 640, report);
    regs.write(SvgaReg.HEIGHT, 480, report);
    regs.write(SvgaReg.BITS_PER_PIXEL, 12, report);
    regs.write(SvgaReg.ENABLE, 1, report);
    expect(reports).toEqual([
      '3002 mode 4096x4096x32 needs 67108864 bytes of the 16777216-byte VRAM',
      '3002 mode 9000x4096 exceeds 8192x8192',
      '3002 bits per pixel 12 is not 8, 15, 16, 24 or 32',
    ]);
    expect(modes.map((m) => [m.enabled, m.width, m.bitsPerPixel])).toEqual([[false, 4096, 32], [false, 9000, 32], [false, 640, 12]]);
  });

  it('routes GMR, SYNC and palette writes and answers the fixed registers', () => {
    const { regs, report, reports, log } = fakeHost();
    regs.write(SvgaReg.GMR_ID, 5, report);
    regs.write(SvgaReg.GMR_DESCRIPTOR, 0x200, report);
    regs.write(SvgaReg.SYNC, 1, report);
    regs.write(1024 + 3 * 7 + 1, 0x1ff, report);
    regs.write(SvgaReg.VRAM_SIZE, 5, report);
    regs.write(SvgaReg.GUEST_ID, 0x5010, report);
    regs.write(99, 1, report);
    regs.write(1024.5, 1, report);
    expect(log).toEqual(['gmr 5 200', 'sync', 'palette 7 0 255 0']);
    expect(reports).toEqual(['3003 write of 0x1 to unknown register 99 ignored', '3003 write to register index 1024.5 ignored']);
    expect(regs.read(SvgaReg.VRAM_SIZE)).toBe(16 * 1024 * 1024);
    expect(regs.read(SvgaReg.GUEST_ID)).toBe(0x5010);
    expect(regs.read(1024 + 22)).toBe(0x1ff);
    expect(regs.read(SvgaReg.CAPABILITIES)).toBe(DEVICE_CAPABILITIES);
    expect(DEVICE_CAPABILITIES).toBe(0x2 | 0x20 | 0x200 | 0x4000 | 0x8000 | 0x20000 | 0x100000 | 0x400000);
    expect(regs.read(SvgaReg.BUSY)).toBe(0);
    expect(regs.read(SvgaReg.GMR_MAX_IDS)).toBe(64);
    expect(regs.read(SvgaReg.GMR_MAX_DESCRIPTOR_LENGTH)).toBe(4096);
    expect(regs.read(SvgaReg.GMRS_MAX_PAGES)).toBe(65536);
    expect(regs.read(SvgaReg.MEM_SIZE)).toBe(256 * 1024);
    expect(regs.read(SvgaReg.MEM_REGS)).toBe(291);
    expect(regs.read(SvgaReg.MAX_WIDTH)).toBe(8192);
  });
});

describe('SvgaDevice registers', () => {
  it('the handshake and mode set reach the screens: screen 0 has the mode size', () => {
    const { device, list } = testDevice();
    device.writeRegister(SvgaReg.ID, SVGA_ID_2);
    expect(device.readRegister(SvgaReg.ID)).toBe(SVGA_ID_2);
    device.writeRegister(SvgaReg.ENABLE, 1);
    device.writeRegister(SvgaReg.CONFIG_DONE, 1);
    device.writeRegister(SvgaReg.WIDTH, 64);
    device.writeRegister(SvgaReg.HEIGHT, 48);
    device.writeRegister(SvgaReg.BITS_PER_PIXEL, 32);
    device.writeRegister(SvgaReg.ENABLE, 1);
    const screen = device.readScreen(0);
    expect(screen && [screen.width, screen.height]).toEqual([64, 48]);
    expect(device.readRegister(SvgaReg.BYTES_PER_LINE)).toBe(256);
    expect(device.readRegister(SvgaReg.VRAM_SIZE)).toBe(16 * 1024 * 1024);
    expect(list.items).toEqual([]);
  });

  it('register diagnostics carry the trace location', () => {
    const { device, list } = testDevice();
    device.writeRegister(SvgaReg.ID, 7, { record: 3, fileOffset: 0x40 });
    expect(list.items.map((d) => [d.code, d.record, d.offset])).toEqual([[3001, 3, 0x40]]);
  });
});

describe('random register traffic', () => {
  it('never throws and keeps every register invariant', () => {
    const index = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1024, max: 1900 }), fc.integer({ min: -5, max: 0x7fffffff }));
    const value = fc.oneof(fc.integer({ min: 0, max: 0x400 }), fc.integer({ min: 0, max: 0xffffffff }), fc.constant(SVGA_ID_2));
    fc.assert(
      fc.property(fc.array(fc.tuple(index, value), { maxLength: 60 }), fc.uint8Array({ minLength: 64, maxLength: 64 }), (writes, junk) => {
        const { device, list } = testDevice({ vramBytes: 1024 * 1024 });
        // Random descriptor-looking bytes at the first pages a GMR_DESCRIPTOR write may name.
        for (let p = 0; p < 4; p++) device.writeGuestMemory(p * 4096, junk);
        for (const [i, v] of writes) device.writeRegister(i, v);
        device.readScreen(0);
        const id = device.readRegister(SvgaReg.ID);
        expect(id >= SVGA_ID_0 && id <= SVGA_ID_2).toBe(true);
        expect(device.readRegister(SvgaReg.CAPABILITIES)).toBe(DEVICE_CAPABILITIES);
        expect(device.readRegister(SvgaReg.BUSY)).toBe(0);
        expect(device.gmrs.totalPages).toBeLessThanOrEqual(65536);
        for (let g = 0; g < 64; g++) {
          const size = device.gmrs.regionSize(g);
          expect(size === -1 || (size > 0 && size % 4096 === 0)).toBe(true);
        }
        expect(list.items.every((d) => [3001, 3002, 3003, 3010, 3110, 3111].includes(d.code))).toBe(true);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
