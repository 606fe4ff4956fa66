import { gzipSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diagnostic, type DiagnosticSink } from '../common/diagnostics.js';
import { createRgba8Image, type Rgba8Image } from '../common/image.js';
import { TraceWriter } from '../trace/trace-writer.js';
import { replayTrace, type ReplayDevice, type ReplayDeviceFactory } from './replay-trace.js';

/**
 * A device that logs what replay asks of it, in order, so the tests can check ordering and
 * arguments without depending on the real device model. Screen 0 exists once WIDTH was written.
 */
class LoggingDevice implements ReplayDevice {
  readonly log: string[] = [];
  width = 0;
  readonly vramBytes: number;
  private readonly sink: DiagnosticSink;
  constructor(vramBytes: number, sink: DiagnosticSink) {
    this.vramBytes = vramBytes;
    this.sink = sink;
  }
  writeRegister(index: number, value: number): void {
    this.log.push(`reg ${index}=${value}`);
    if (index === 2) this.width = value;
    if (index === 999) this.sink.report(diagnostic({ code: 3003, name: 'W_REG_UNKNOWN', severity: 'warning' }, 'no such register'));
    if (index === 666) throw new Error('boom');
  }
  writeVram(offset: number, bytes: Uint8Array): void {
    this.log.push(`vram ${offset} [${bytes.join(',')}]`);
  }
  writeGuestMemory(address: number, bytes: Uint8Array): void {
    this.log.push(`guest ${address} [${bytes.join(',')}]`);
  }
  executeFifo(bytes: Uint8Array, where: { record: number; fileOffset: number }): void {
    this.log.push(`fifo ${bytes.length} #${where.record} @${where.fileOffset}`);
  }
  readScreen(id: number): Rgba8Image | undefined {
    this.log.push(`screen ${id}`);
    return id === 0 && this.width > 0 ? createRgba8Image(this.width, 1) : undefined;
  }
  readSurfaceImage(sid: number, face: number, mip: number): Rgba8Image | undefined {
    this.log.push(`surface ${sid}/${face}/${mip}`);
    return sid === 5 ? createRgba8Image(2, 2) : undefined;
  }
  commandCounts(): ReadonlyMap<string, number> {
    return new Map([['FENCE', 2]]);
  }
}

function run(bytes: Uint8Array, extra: { maxCheckpoints?: number } = {}) {
  const devices: LoggingDevice[] = [];
  const createDevice: ReplayDeviceFactory = ({ vramBytes, sink }) => {
    const d = new LoggingDevice(vramBytes, sink);
    devices.push(d);
    return d;
  };
  const images: string[] = [];
  const summary = replayTrace(bytes, {
    createDevice,
    gunzip: (b, max) => gunzipSync(b, { maxOutputLength: max }),
    onImage: (name, image, cp) => images.push(`${name} ${image.width}x${image.height} kind ${cp.kind}`),
    ...extra,
  });
  return { summary, devices, images, diags: summary.diagnostics.map((d) => [d.code, d.record, d.offset]) };
}

describe('replayTrace', () => {
  it('applies records in file order with file offsets, and takes images at checkpoints', () => {
    const trace = new TraceWriter()
      .config(32 * 1024 * 1024)
      .comment('ignored')
      .regWrite(2, 4)
      .vramWrite(8, Uint8Array.from([1, 2]))
      .guestWrite(0x1_0000_0000, Uint8Array.from([3]))
      .fifo(new Uint32Array([30, 1]))
      .checkpointScreen('frame-000')
      .checkpointSurface('tex', 5, 0, 0)
      .finish();
    const { summary, devices, images, diags } = run(gzipSync(trace));
    expect(devices.length).toBe(1);
    expect(devices[0]?.vramBytes).toBe(32 * 1024 * 1024);
    expect(devices[0]?.log).toEqual([
      'reg 2=4',
      'vram 8 [1,2]',
      'guest 4294967296 [3]',
      'fifo 8 #5 @108', // FIFO record header at 100, payload at 108
      'screen 0',
      'surface 5/0/0',
    ]);
    expect(images).toEqual(['frame-000 4x1 kind 0', 'tex 2x2 kind 1']);
    expect(diags).toEqual([]);
    expect(summary).toMatchObject({
      readable: true,
      records: 8,
      recordsByType: { CONFIG: 1, COMMENT: 1, REG_WRITE: 1, VRAM_WRITE: 1, GUEST_WRITE: 1, FIFO: 1, CHECKPOINT: 2 },
      commands: { FENCE: 2 },
      vramBytes: 32 * 1024 * 1024,
    });
    expect(summary.checkpoints.map((c) => [c.name, c.record, c.offset, c.produced, c.width, c.height])).toEqual([
      ['frame-000', 6, 116, true, 4, 1],
      ['tex', 7, 152, true, 2, 2],
    ]);
  });

  it('takes one image of screen 0 named final when there is no checkpoint', () => {
    const { summary, images, devices } = run(new TraceWriter().regWrite(2, 3).finish());
    expect(images).toEqual(['final 3x1 kind 0']);
    expect(devices[0]?.vramBytes).toBe(16 * 1024 * 1024);
    expect(summary.checkpoints.map((c) => [c.name, c.record, c.produced])).toEqual([['final', -1, true]]);
  });

  it('reports a checkpoint whose image is missing and produces no image', () => {
    const { images, diags, summary } = run(new TraceWriter().checkpointScreen('a').checkpointSurface('b', 9, 1, 2).finish());
    expect(images).toEqual([]);
    expect(diags).toEqual([
      [1101, 0, 16],
      [1101, 1, 44],
    ]);
    expect(summary.diagnostics[1]?.message).toBe("checkpoint 'b': surface 9 face 1 mipmap 2 does not exist, no image");
    expect(summary.checkpoints.map((c) => c.produced)).toEqual([false, false]);
  });

  it('locates device diagnostics and device faults at their record, and goes on', () => {
    const { diags, devices, summary } = run(new TraceWriter().regWrite(999, 0).regWrite(666, 0).regWrite(2, 1).finish());
    expect(diags).toEqual([
      [3003, 0, 16],
      [1104, 1, 32],
    ]);
    expect(summary.diagnostics[1]?.message).toBe('the device failed on REG_WRITE: boom');
    expect(devices[0]?.log.at(-2)).toBe('reg 2=1');
  });

  it('falls back to 16 MiB for a CONFIG of 0 bytes or more than 2 GiB', () => {
    for (const vram of [0, 0x8000_0001]) {
      const { devices, diags } = run(new TraceWriter().config(vram).finish());
      expect(devices[0]?.vramBytes).toBe(16 * 1024 * 1024);
      expect(diags[0]).toEqual([1100, 0, 16]);
    }
    expect(run(new TraceWriter().config(0x8000_0000).finish()).devices[0]?.vramBytes).toBe(0x8000_0000);
  });

  it('warns about duplicate names and bounds the number of checkpoint images', () => {
    const w = new TraceWriter().regWrite(2, 1);
    for (let i = 0; i < 4; i++) w.checkpointScreen(i === 1 ? 'x0' : `x${i}`);
    const { images, diags, summary } = run(w.finish(), { maxCheckpoints: 3 });
    expect(images.map((s) => s.split(' ')[0])).toEqual(['x0', 'x0', 'x2']);
    expect(diags.map((d) => d[0])).toEqual([1102, 1103]);
    expect(summary.checkpoints.map((c) => c.name)).toEqual(['x0', 'x0', 'x2']);
  });

  it('replays nothing of an unreadable file and says why', () => {
    const { summary, devices, images } = run(Uint8Array.from([1, 2, 3]));
    expect(summary.readable).toBe(false);
    expect(devices).toEqual([]);
    expect(images).toEqual([]);
    expect(summary.diagnostics.map((d) => d.code)).toEqual([1002]);
  });

  it('stops at truncation but still takes the final image', () => {
    const full = new TraceWriter().regWrite(2, 2).regWrite(3, 3).finish();
    const { devices, images, diags } = run(full.subarray(0, full.length - 4));
    expect(devices[0]?.log).toEqual(['reg 2=2', 'screen 0']);
    expect(images).toEqual(['final 2x1 kind 0']);
    expect(diags).toEqual([[1010, 1, 32]]);
  });

  it('never throws on random records', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.uint8Array({ maxLength: 24 })), { maxLength: 10 }), (recs) => {
        const w = new TraceWriter();
        for (const [t, p] of recs) w.record(t, p);
        const { summary } = run(w.finish());
        expect(summary.records).toBe(recs.length);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
