import { describe, expect, it } from 'vitest';
import { CommandWriter } from '../../svga3d-decoder/index.js';
import { testDevice, where } from '../device-test-support.js';
import { SvgaReg } from '../svga-registers.js';
import type { SvgaDevice } from '../svga-device.js';
import { FifoReg, HWVERSION_WS8_B1, deviceCaps, DEVICE_FIFO_CAPABILITIES } from './fifo-registers.js';
import { MIN_RING_START } from './fifo-ring.js';

const MIN = MIN_RING_START; // 1164
const MAX = MIN + 12 * 1024;

function setUpRing(device: SvgaDevice, stop = MIN): void {
  const f = device.fifoMemory;
  f[FifoReg.MIN] = MIN;
  f[FifoReg.MAX] = MAX;
  f[FifoReg.NEXT_CMD] = stop;
  f[FifoReg.STOP] = stop;
  device.writeRegister(SvgaReg.CONFIG_DONE, 1);
}

/** Writes `bytes` into the ring at NEXT_CMD (wrapping at MAX) and moves NEXT_CMD past them. */
function push(device: SvgaDevice, bytes: Uint8Array): void {
  const f = device.fifoMemory;
  const mem = new Uint8Array(f.buffer);
  let at = f[FifoReg.NEXT_CMD] ?? 0;
  for (const b of bytes) {
    mem[at] = b;
    at += 1;
    if (at === MAX) at = MIN;
  }
  f[FifoReg.NEXT_CMD] = at;
}

const stream = (build: (w: CommandWriter) => void): Uint8Array => {
  const w = new CommandWriter();
  build(w);
  return w.finish();
};

describe('FIFO memory registers', () => {
  it('publishes FIFO capabilities, 3D version WS8_B1 and a DEVCAPS record at word 32', () => {
    const { device } = testDevice();
    const f = device.fifoMemory;
    expect(f[FifoReg.CAPABILITIES]).toBe(DEVICE_FIFO_CAPABILITIES);
    expect(DEVICE_FIFO_CAPABILITIES).toBe(0x1 | 0x2 | 0x8 | 0x20 | 0x40 | 0x80 | 0x100);
    expect(f[7]).toBe(HWVERSION_WS8_B1);
    expect(f[17]).toBe(0x20001);
    const caps = deviceCaps();
    expect(f[32]).toBe(2 + 2 * caps.length);
    expect(f[33]).toBe(0x100);
    expect([...f.subarray(34, 44)]).toEqual([0, 1, 1, 8, 2, 8, 3, 6, 4, 7]);
    expect(f[32 + 2 + 2 * caps.length]).toBe(0);
    const map = new Map(caps);
    expect([map.get(6), map.get(8), map.get(15), map.get(77), map.get(78)]).toEqual([13, 4, 1, 256, 32768]);
    // SURFACEFMT_X8R8G8B8 (32): texture, volume, cube, render target, display mode, 3D.
    expect(map.get(32)).toBe(0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x400 | 0x800 | 0x2000 | 0x4000);
    // SURFACEFMT_Z_D24S8 (44): depth-stencil.
    expect(map.get(44)).toBe(0x40 | 0x80 | 0x800);
    // Nothing guest-backed or DX.
    expect([...map.keys()].every((k) => k < 95)).toBe(true);
  });
});

describe('processFifo', () => {
  it('runs commands that wrap from MAX to MIN, stores FENCE in word 6 and advances STOP', () => {
    const { device, list } = testDevice();
    setUpRing(device, MAX - 12);
    // FENCE fills the last 8 bytes but 4; CONTEXT_DEFINE's header straddles MAX.
    push(device, stream((w) => w.fence(0x11).contextDefine({ cid: 9 })));
    expect(device.fifoMemory[FifoReg.NEXT_CMD]).toBe(MIN + 8);
    expect(device.processFifo()).toBe(2);
    expect(device.fifoMemory[FifoReg.FENCE]).toBe(0x11);
    expect(device.lastFence).toBe(0x11);
    expect(device.contexts.peek(9)?.cid).toBe(9);
    expect(device.fifoMemory[FifoReg.STOP]).toBe(MIN + 8);
    expect(device.processFifo()).toBe(0);
    expect(list.items).toEqual([]);
  });

  it('never consumes a command the guest has not finished writing', () => {
    const { device, list } = testDevice();
    setUpRing(device);
    const whole = stream((w) => w.fence(1).contextDefine({ cid: 2 }).fence(2));
    push(device, whole.subarray(0, 8 + 8)); // FENCE + the CONTEXT_DEFINE header only
    expect(device.processFifo()).toBe(1);
    expect(device.fifoMemory[FifoReg.STOP]).toBe(MIN + 8);
    push(device, whole.subarray(16, 24)); // body and the id word of the last FENCE
    expect(device.processFifo()).toBe(1);
    expect(device.contexts.peek(2)).toBeDefined();
    expect(device.fifoMemory[FifoReg.STOP]).toBe(MIN + 20);
    expect(device.lastFence).toBe(1);
    push(device, whole.subarray(24));
    expect(device.processFifo()).toBe(1);
    expect(device.lastFence).toBe(2);
    expect(list.items).toEqual([]);
  });

  it('keeps a cut-off command behind whole ones even when the ring is full', () => {
    const { device, list } = testDevice();
    setUpRing(device);
    device.executeFifo(stream((w) => w.contextDefine({ cid: 1 })));
    // 1530 FENCEs (12240 bytes), then 44 bytes of a 76-byte SETRENDERSTATE: ring − 4 bytes in
    // all, the most the guest can queue. Once the FENCEs are consumed the rest fits.
    push(device, stream((w) => {
      for (let i = 0; i < 1530; i++) w.fence(i + 1);
      w.raw([1049, 68, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    }));
    expect(device.fifoMemory[FifoReg.NEXT_CMD]).toBe(MAX - 4);
    expect(device.processFifo()).toBe(1530);
    expect(device.fifoMemory[FifoReg.STOP]).toBe(MIN + 12240);
    push(device, new Uint8Array(32));
    expect(device.processFifo()).toBe(1);
    expect(device.commandCounts().get('SETRENDERSTATE')).toBe(1);
    expect(where(list.items)).toEqual([]);
  });

  it('reports diagnostics at FIFO byte offsets', () => {
    const { device, list } = testDevice();
    setUpRing(device, MAX - 8);
    push(device, stream((w) => w.fence(5).setRenderState({ cid: 4, states: [] })));
    expect(device.processFifo()).toBe(2);
    expect(where(list.items)).toEqual([`3402@${MIN} SETRENDERSTATE`]);
  });

  it('rejects bad ring registers without running anything', () => {
    const cases: Array<[Partial<Record<'min' | 'max' | 'next' | 'stop', number>>, string]> = [
      [{ min: MIN + 2 }, 'ring registers are not 4-byte aligned'],
      [{ min: 16 }, 'MIN is below 1164, inside the FIFO registers'],
      [{ max: 256 * 1024 + 4 }, 'MAX is past the 262144-byte FIFO memory'],
      [{ max: MIN + 10236 }, 'ring is smaller than 10240 bytes'],
      [{ next: MAX }, 'NEXT_CMD is outside [MIN, MAX)'],
      [{ stop: MIN - 4 }, 'STOP is outside [MIN, MAX)'],
    ];
    for (const [regs, reason] of cases) {
      const { device, list } = testDevice();
      setUpRing(device);
      push(device, stream((w) => w.fence(9)));
      const f = device.fifoMemory;
      if (regs.min !== undefined) f[FifoReg.MIN] = regs.min;
      if (regs.max !== undefined) f[FifoReg.MAX] = regs.max;
      if (regs.next !== undefined) f[FifoReg.NEXT_CMD] = regs.next;
      if (regs.stop !== undefined) f[FifoReg.STOP] = regs.stop;
      expect(device.processFifo()).toBe(0);
      expect(device.lastFence).toBe(0);
      expect(list.items.map((d) => [d.code, d.message.split(' (')[0]])).toEqual([[3010, reason]]);
    }
  });

  it('does nothing before CONFIG_DONE or for a ring never set up, and SYNC drains', () => {
    const { device, list } = testDevice();
    expect(device.processFifo()).toBe(0);
    device.writeRegister(SvgaReg.CONFIG_DONE, 1);
    expect(device.processFifo()).toBe(0);
    setUpRing(device);
    push(device, stream((w) => w.fence(0x77)));
    device.writeRegister(SvgaReg.SYNC, 1);
    expect(device.lastFence).toBe(0x77);
    expect(device.readRegister(SvgaReg.BUSY)).toBe(0);
    expect(list.items).toEqual([]);
  });

  it('bounds the commands run per call', () => {
    const { device, list } = testDevice({ maxCommandsPerDrain: 2 });
    setUpRing(device);
    push(device, stream((w) => w.fence(1).fence(2).fence(3)));
    expect(device.processFifo()).toBe(2);
    expect(device.lastFence).toBe(2);
    expect(device.fifoMemory[FifoReg.STOP]).toBe(MIN + 16);
    expect(list.items.map((d) => d.code)).toEqual([3011]);
    expect(device.processFifo()).toBe(1);
    expect(device.lastFence).toBe(3);
  });

  it('skips a cut-off 3D command bigger than the ring instead of waiting for it forever', () => {
    const { device, list } = testDevice();
    setUpRing(device);
    push(device, stream((w) => w.fence(4).raw([1049, 0xfffffff0, 1])));
    expect(device.processFifo()).toBe(1);
    expect(device.fifoMemory[FifoReg.STOP]).toBe(device.fifoMemory[FifoReg.NEXT_CMD]);
    expect(where(list.items)).toEqual([`2002@${MIN + 8} SETRENDERSTATE`]);
  });

  it('skips to NEXT_CMD when the ring holds garbage that can never frame', () => {
    const { device, list } = testDevice();
    setUpRing(device);
    push(device, stream((w) => w.fence(4).raw([0x7fffffff, 1, 2])));
    expect(device.processFifo()).toBe(1);
    expect(device.fifoMemory[FifoReg.STOP]).toBe(device.fifoMemory[FifoReg.NEXT_CMD]);
    expect(where(list.items)).toEqual([`2009@${MIN + 8}`]);
  });
});

describe('executeFifo', () => {
  it('shares the executor: diagnostics carry record and file offset plus command offset', () => {
    const { device, list } = testDevice();
    const bytes = stream((w) => w.fence(1).setRenderState({ cid: 4, states: [] }));
    device.executeFifo(bytes, { record: 12, fileOffset: 0x100 });
    expect(list.items.map((d) => [d.code, d.record, d.offset, d.command])).toEqual([[3402, 12, 0x108, 'SETRENDERSTATE']]);
  });

  it('releases framing diagnostics in stream order between executed commands', () => {
    const { device, list } = testDevice();
    const bytes = stream((w) => w.setRenderState({ cid: 1, states: [] }).raw([1049, 2, 0]).setRenderState({ cid: 2, states: [] }));
    device.executeFifo(bytes, { record: 0, fileOffset: 0 });
    expect(where(list.items)).toEqual(['3402@0 SETRENDERSTATE', '2003@12 SETRENDERSTATE', '3402@24 SETRENDERSTATE']);
  });
});
