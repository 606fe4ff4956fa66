import { describe, expect, it } from 'vitest';
import { CommandWriter } from '../svga3d-decoder/index.js';
import { testDevice } from './device-test-support.js';
import { FifoReg } from './fifo/fifo-registers.js';
import { SvgaCap, SvgaReg, SVGA_ID_2 } from './svga-registers.js';

describe('an emulator driving the device through registers and the FIFO ring', () => {
  it('negotiates, configures the ring, renders a clear and presents it', () => {
    const { device, list } = testDevice();
    device.writeRegister(SvgaReg.ID, SVGA_ID_2);
    expect(device.readRegister(SvgaReg.ID)).toBe(SVGA_ID_2);
    const caps = device.readRegister(SvgaReg.CAPABILITIES);
    expect(caps & (SvgaCap.THREE_D | SvgaCap.EXTENDED_FIFO | SvgaCap.GMR2)).toBe(SvgaCap.THREE_D | SvgaCap.EXTENDED_FIFO | SvgaCap.GMR2);
    expect(caps & (SvgaCap.GBOBJECTS | SvgaCap.DX)).toBe(0);
    const fifoBytes = device.readRegister(SvgaReg.MEM_SIZE);
    const f = device.fifoMemory;
    f[FifoReg.MIN] = 4 * FifoReg.NUM_REGS;
    f[FifoReg.MAX] = fifoBytes;
    f[FifoReg.NEXT_CMD] = f[FifoReg.MIN] ?? 0;
    f[FifoReg.STOP] = f[FifoReg.MIN] ?? 0;
    device.writeRegister(SvgaReg.ENABLE, 1);
    device.writeRegister(SvgaReg.CONFIG_DONE, 1);
    expect(f[FifoReg.HWVERSION_3D]).toBe(0x20001);
    device.writeRegister(SvgaReg.WIDTH, 8);
    device.writeRegister(SvgaReg.HEIGHT, 4);
    device.writeRegister(SvgaReg.BITS_PER_PIXEL, 32);
    device.writeRegister(SvgaReg.ENABLE, 1);

    const w = new CommandWriter();
    const face = [{ numMipLevels: 1 }, ...Array.from({ length: 5 }, () => ({ numMipLevels: 0 }))];
    w.surfaceDefine({ sid: 1, surfaceFlags: 0x40, format: 1, face, sizes: [{ width: 8, height: 4, depth: 1 }] });
    w.contextDefine({ cid: 0 });
    w.setRenderTarget({ cid: 0, type: 2, target: { sid: 1, face: 0, mipmap: 0 } });
    w.clear({ cid: 0, clearFlag: 1, color: 0xff3366cc, depth: 1, stencil: 0, rects: [] });
    w.clear({ cid: 0, clearFlag: 1, color: 0xff00ff00, depth: 1, stencil: 0, rects: [{ x: 6, y: 2, w: 9, h: 9 }] });
    w.present({ sid: 1, rects: [{ x: 0, y: 0, srcx: 0, srcy: 0, w: 8, h: 4 }] });
    w.fence(7);
    const bytes = w.finish();
    new Uint8Array(f.buffer).set(bytes, f[FifoReg.NEXT_CMD]);
    f[FifoReg.NEXT_CMD] = (f[FifoReg.NEXT_CMD] ?? 0) + bytes.length;
    device.writeRegister(SvgaReg.SYNC, 1);
    expect(device.readRegister(SvgaReg.BUSY)).toBe(0);
    expect(f[FifoReg.STOP]).toBe(f[FifoReg.NEXT_CMD]);
    expect(f[FifoReg.FENCE]).toBe(7);
    expect(list.items).toEqual([]);

    const screen = device.readScreen(0)!;
    expect([screen.width, screen.height]).toEqual([8, 4]);
    const pixel = (x: number, y: number) => [...screen.data.subarray((y * 8 + x) * 4, (y * 8 + x) * 4 + 4)];
    expect(pixel(0, 0)).toEqual([0x33, 0x66, 0xcc, 255]);
    expect(pixel(5, 3)).toEqual([0x33, 0x66, 0xcc, 255]);
    expect(pixel(6, 2)).toEqual([0, 255, 0, 255]);
    expect(pixel(7, 3)).toEqual([0, 255, 0, 255]);
    expect(device.readSurfaceImage(1, 0, 0)?.data.subarray(0, 4)).toEqual(new Uint8Array([0x33, 0x66, 0xcc, 255]));
  });
});
