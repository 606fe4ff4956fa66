/**
 * Hostile-input checklist (research note security.md §5, mapped in docs/security.md), rows 1–5: command framing in a trace's FIFO
 * records and the FIFO ring an emulator's guest drives. Each hostile command is replayed through
 * the whole device; see `harness.ts` for what `expectSkipped` proves.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/common/diagnostics.js';
import { FifoReg, SvgaDevice, SvgaReg } from '../../src/device/index.js';
import { CommandWriter } from '../../src/svga3d-decoder/index.js';
import { changedKeys, defineSurface, expectSkipped, HashedGuestMemory, lines, stateHashes, type Part } from './harness.js';

/** The valid follow-up of most rows: a new surface, visible in the state hash. */
const follow: Part = (t) => void t.fifo((w) => defineSurface(w, 9, 2, 2));
const context: Part = (t) => void t.fifo((w) => w.contextDefine({ cid: 1 }));

describe('checklist rows 1–4: framing of FIFO records', () => {
  it('row 1: header size past end', () => {
    let at = 0;
    const r = expectSkipped({
      hostile: (t) => {
        // SURFACE_DMA announcing 0xfffffff0 bytes with 40 left; the SURFACE_DESTROY-shaped
        // words after it are part of those 40 bytes and must not run either.
        at = t.fifo((w) => w.raw([1044, 0xfffffff0, 0, 0, 0, 0, 0, 0, 1041, 4, 9, 0])).offset;
      },
      follow,
    });
    expect(lines(r.hostile)).toEqual([`2002 E_SIZE_PAST_END #1 @${at} SURFACE_DMA`]);
    expect(r.hostile[0]?.message).toBe('size 4294967280 runs past the end of the record (40 bytes left)');
  });

  it('row 2: size smaller than the fixed struct', () => {
    let at = 0;
    const r = expectSkipped({
      setup: context,
      // SETVIEWPORT whose size (4) holds the cid only: skipped by its size word.
      hostile: (t) => void (at = t.fifo((w) => w.raw([1055, 4, 1])).offset),
      follow,
    });
    expect(lines(r.hostile)).toEqual([`2004 E_SIZE_TOO_SMALL #2 @${at} SETVIEWPORT`]);
  });

  it('row 2: size too small, then a valid command in the same record still runs', () => {
    let at = 0;
    const r = expectSkipped({
      setup: context,
      hostile: (t) => void (at = t.fifo((w) => defineSurface(w.raw([1055, 4, 1]), 9, 2, 2)).offset),
      follow: (t) => void t.fifo((w) => defineSurface(w, 10, 2, 2)),
      allowed: ['surface 9'],
    });
    expect(lines(r.hostile)).toEqual([`2004 E_SIZE_TOO_SMALL #2 @${at} SETVIEWPORT`]);
    expect(r.withHostile.device.surfaces.get(9)?.image(0, 0)?.width).toBe(2);
  });

  it('row 3: size not a multiple of 4, trailing junk', () => {
    let at = 0;
    const r = expectSkipped({
      setup: context,
      hostile: (t) => {
        at = t.fifo((w) => {
          // CLEAR with size = 20 + 3: skipped, the advance rounded up to a whole word (24).
          w.raw([1057, 23, 1, 1, 0xff00ff00, 0, 0, 0]);
          // CLEAR with one stray word after the fixed part: not a whole SVGA3dRect, skipped.
          w.raw([1057, 24, 1, 1, 0xff00ff00, 0, 0, 7]);
        }).offset;
      },
      follow,
    });
    expect(lines(r.hostile)).toEqual([`2003 E_SIZE_ALIGN #2 @${at} CLEAR`, `2005 E_BODY_REMAINDER #2 @${at + 32} CLEAR`]);
  });

  it('row 3: trailing bytes after a fixed-size command are ignored, the command kept', () => {
    let at = 0;
    const r = expectSkipped({
      setup: context,
      // SETZRANGE (12 bytes) with 8 bytes more: the tail is ignored consistently, the command runs.
      hostile: (t) => void (at = t.fifo((w) => w.raw([1048, 20, 1, 0x3e800000, 0x3f400000, 0xdead, 0xbeef])).offset),
      follow,
      allowed: ['context 1'],
    });
    expect(lines(r.hostile)).toEqual([`2011 W_TRAILING_BYTES #2 @${at} SETZRANGE`]);
    expect([...r.withHostile.device.contexts.peek(1)!.zRangeF32]).toEqual([0.25, 0.75]);
  });

  it('row 4: unknown / dead command id', () => {
    let at = 0;
    const r = expectSkipped({
      hostile: (t) => {
        at = t.fifo((w) => {
          w.raw([1039, 8, 0xffffffff, 0xffffffff]); // below SURFACE_DEFINE: no header names it
          w.raw([1090, 4, 0]); // a dead id (once LOGICOPS): named, not executable, skipped by size
          w.raw([0x7fffffff, 1, 2, 3]); // outside the 3D range: no size, the record ends here
          defineSurface(w, 9, 2, 2); // never reached
        }).offset;
      },
      follow,
    });
    expect(lines(r.hostile)).toEqual([
      `2008 E_UNKNOWN_3D_CMD #1 @${at}`,
      `2007 E_UNSUPPORTED_CMD #1 @${at + 16} DEAD17`,
      `2009 E_UNKNOWN_2D_CMD #1 @${at + 28}`,
    ]);
  });
});

/** A device with its FIFO ring set up as a guest would, and the bytes of `build` queued in it. */
function ringDevice(build: (w: CommandWriter) => void, maxCommandsPerDrain?: number) {
  const memory = new HashedGuestMemory();
  const list: Diagnostic[] = [];
  const device = new SvgaDevice({
    vramBytes: 1024 * 1024,
    guestMemory: memory,
    sink: { report: (d) => list.push(d) },
    ...(maxCommandsPerDrain !== undefined ? { maxCommandsPerDrain } : {}),
  });
  const f = device.fifoMemory;
  const min = 4 * FifoReg.NUM_REGS;
  f[FifoReg.MIN] = min;
  f[FifoReg.MAX] = min + 16 * 1024;
  f[FifoReg.STOP] = min;
  const w = new CommandWriter();
  build(w);
  const bytes = w.finish();
  new Uint8Array(f.buffer).set(bytes, min);
  f[FifoReg.NEXT_CMD] = min + bytes.length;
  device.writeRegister(SvgaReg.CONFIG_DONE, 1);
  return { device, memory, list, f, min };
}

describe('checklist row 5: FIFO ring pointers', () => {
  const queue = (w: CommandWriter) => void defineSurface(w, 9, 2, 2);

  it('row 5: FIFO ring pointers (misaligned MIN, small ring, NEXT_CMD and STOP out of range) are rejected', () => {
    const cases: [string, (f: Uint32Array, min: number) => void, string][] = [
      ['MIN = 3', (f) => void (f[FifoReg.MIN] = 3), 'ring registers are not 4-byte aligned'],
      ['MAX < MIN + 10 KiB', (f, min) => void (f[FifoReg.MAX] = min + 10 * 1024 - 4), 'ring is smaller than 10240 bytes'],
      ['MAX past the FIFO', (f) => void (f[FifoReg.MAX] = f.byteLength + 4), 'MAX is past the 262144-byte FIFO memory'],
      ['NEXT_CMD >= MAX', (f) => void (f[FifoReg.NEXT_CMD] = f[FifoReg.MAX]!), 'NEXT_CMD is outside [MIN, MAX)'],
      ['STOP < MIN', (f) => void (f[FifoReg.STOP] = 16), 'STOP is outside [MIN, MAX)'],
    ];
    for (const [what, breakRing, reason] of cases) {
      const { device, memory, list, f, min } = ringDevice(queue);
      const saved = [...f.subarray(0, 4)];
      const before = stateHashes(device, memory);
      breakRing(f, min);
      const broken = [...f.subarray(0, 4)];
      expect([what, device.processFifo()]).toEqual([what, 0]);
      expect(list.map((d) => `${d.code} ${d.name}`)).toEqual(['3010 E_FIFO_RING']);
      expect(list[0]?.message.startsWith(reason)).toBe(true);
      // Nothing ran, and the device did not "repair" the guest's registers.
      expect(changedKeys(before, stateHashes(device, memory))).toEqual([]);
      expect([...f.subarray(0, 4)]).toEqual(broken);
      // The guest fixes its registers: the queued command runs on the next drain.
      f.set(saved, 0);
      expect(device.processFifo()).toBe(1);
      expect(changedKeys(before, stateHashes(device, memory))).toEqual(['surface 9']);
      expect(f[FifoReg.STOP]).toBe(f[FifoReg.NEXT_CMD]);
    }
  });

  it('row 5: STOP = NEXT_CMD forever is an idle ring, and commands per kick are capped', () => {
    const idle = ringDevice(() => {});
    expect(idle.device.processFifo()).toBe(0);
    expect(idle.list).toEqual([]);

    // 1000 FENCEs with a cap of 64 per drain: 16 drains, each reporting the budget until the last.
    const fenced = ringDevice((w) => {
      for (let i = 1; i <= 1000; i++) w.fence(i);
    }, 64);
    const runs: number[] = [];
    for (let k = 0; k < 20; k++) runs.push(fenced.device.processFifo());
    expect(runs).toEqual([...Array<number>(15).fill(64), 40, 0, 0, 0, 0]);
    expect(fenced.device.lastFence).toBe(1000);
    expect(fenced.list.map((d) => d.code)).toEqual(Array<number>(15).fill(3011));
    expect(fenced.list.map(formatDiagnostic)[0]).toBe('W3011 W_FIFO_BUDGET: stopped after 64 commands; the rest runs on the next drain');
  });
});

describe('trace records around the FIFO (foundation layer)', () => {
  it('out-of-range VRAM and guest writes and unknown registers are reported with their record and change nothing', () => {
    let vram = { record: 0, offset: 0 };
    let guest = { record: 0, offset: 0 };
    let reg = { record: 0, offset: 0 };
    const r = expectSkipped({
      hostile: (t) => {
        vram = t.vramWrite(1024 * 1024 - 2, new Uint8Array([1, 2, 3, 4]));
        guest = t.guestWrite(2 ** 44 - 2, new Uint8Array([1, 2, 3, 4]));
        reg = t.regWrite(0x7fff, 5);
      },
      follow,
    });
    // Record-level diagnostics carry the record header's offset (8 bytes before the payload).
    expect(lines(r.hostile)).toEqual([
      `3101 E_VRAM_RANGE #${vram.record} @${vram.offset - 8}`,
      `3102 E_GUEST_RANGE #${guest.record} @${guest.offset - 8}`,
      `3003 W_REG_UNKNOWN #${reg.record} @${reg.offset - 8}`,
    ]);
  });
});
