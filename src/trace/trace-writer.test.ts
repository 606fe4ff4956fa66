import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DiagnosticList } from '../common/diagnostics.js';
import { CommandWriter } from '../svga3d-decoder/index.js';
import { readTrace } from './read-trace.js';
import type { RecordView } from './trace-records.js';
import { TraceWriter } from './trace-writer.js';

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

describe('TraceWriter', () => {
  it('writes the header, records and padding byte for byte', () => {
    const bytes = new TraceWriter().config(0x0100_0000).regWrite(2, 800).checkpointScreen('frame-000').finish();
    expect(bytes.length).toBe(84);
    expect(hex(bytes)).toBe(
      [
        '53 56 47 41 54 52 43 31 01 00 00 00 00 00 00 00', // SVGATRC1, version 1, flags 0
        '07 00 00 00 08 00 00 00 00 00 00 01 00 00 00 00', // CONFIG 16 MiB
        '01 00 00 00 08 00 00 00 02 00 00 00 20 03 00 00', // REG_WRITE WIDTH = 800
        '05 00 00 00 19 00 00 00', // CHECKPOINT, 25 bytes
        '00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00', // kind 0, id 0, face 0, mip 0
        '66 72 61 6d 65 2d 30 30 30 00 00 00', // 'frame-000' + 3 bytes padding
      ].join(' '),
    );
  });

  it('writes the mode-set register sequence a guest uses', () => {
    const result = readTrace(new TraceWriter().setMode(640, 480, 32).finish());
    expect(result.records.map((r) => r.view)).toEqual([
      { kind: 'REG_WRITE', register: 0, value: 0x90000002 },
      { kind: 'REG_WRITE', register: 2, value: 640 },
      { kind: 'REG_WRITE', register: 3, value: 480 },
      { kind: 'REG_WRITE', register: 7, value: 32 },
      { kind: 'REG_WRITE', register: 1, value: 1 },
      { kind: 'REG_WRITE', register: 20, value: 1 },
    ]);
  });

  it('splits memory writes at 1 MiB and keeps the addresses running', () => {
    const data = new Uint8Array(2 * 1024 * 1024 + 3).map((_, i) => i & 0xff);
    const trace = new TraceWriter().vramWrite(0x10, data).guestWrite(0x1_0000_0000 - 0x100000, data).finish();
    const result = readTrace(trace);
    const views = result.records.map((r) => r.view);
    expect(views.map((v) => (v.kind === 'VRAM_WRITE' ? [v.kind, v.vramOffset, v.bytes.length] : v.kind === 'GUEST_WRITE' ? [v.kind, v.address, v.bytes.length] : v.kind))).toEqual([
      ['VRAM_WRITE', 0x10, 0x100000],
      ['VRAM_WRITE', 0x100010, 0x100000],
      ['VRAM_WRITE', 0x200010, 3],
      ['GUEST_WRITE', 0xfff00000, 0x100000],
      ['GUEST_WRITE', 0x1_0000_0000, 0x100000],
      ['GUEST_WRITE', 0x1_0010_0000, 3],
    ]);
    const last = views[5];
    expect(last?.kind === 'GUEST_WRITE' && Array.from(last.bytes)).toEqual([0x00, 0x01, 0x02]);
    // The high address word of the second GUEST_WRITE is 1.
    const second = result.records[4];
    expect(second && Array.from(second.payload.subarray(0, 8))).toEqual([0, 0, 0, 0, 1, 0, 0, 0]);
  });

  it('writes Uint32Array FIFO words little-endian and accepts a word source', () => {
    const fromWords = readTrace(new TraceWriter().fifo(new Uint32Array([30, 0x01020304])).finish());
    expect(Array.from(fromWords.records[0]?.payload ?? [])).toEqual([30, 0, 0, 0, 4, 3, 2, 1]);
    const source = { finish: () => new Uint8Array([1, 0, 0, 0]) };
    expect(Array.from(readTrace(new TraceWriter().fifo(source).finish()).records[0]?.payload ?? [])).toEqual([1, 0, 0, 0]);
    // The codec's CommandWriter is such a source: FENCE (id 30) with value 7.
    const fence = readTrace(new TraceWriter().fifo(new CommandWriter().fence(7)).finish());
    expect(Array.from(fence.records[0]?.payload ?? [])).toEqual([30, 0, 0, 0, 7, 0, 0, 0]);
  });

  it('rejects misuse at once', () => {
    expect(() => new TraceWriter().comment('x').config(1)).toThrow(RangeError);
    expect(() => new TraceWriter().checkpointScreen('a/b')).toThrow(RangeError);
    expect(() => new TraceWriter().checkpointScreen('')).toThrow(RangeError);
    expect(() => new TraceWriter().regWrite(-1, 0)).toThrow(RangeError);
    expect(() => new TraceWriter().regWrite(0, 2 ** 32)).toThrow(RangeError);
    expect(() => new TraceWriter().fifo(new Uint8Array(3))).toThrow(RangeError);
    expect(() => new TraceWriter().guestWrite(2 ** 53, new Uint8Array(1))).toThrow(RangeError);
    const w = new TraceWriter();
    w.finish();
    expect(() => w.comment('late')).toThrow(RangeError);
  });
});

type Op =
  | { op: 'reg'; index: number; value: number }
  | { op: 'fifo'; words: number[] }
  | { op: 'vram'; offset: number; bytes: number[] }
  | { op: 'guest'; address: number; bytes: number[] }
  | { op: 'screen'; name: string; id: number }
  | { op: 'surface'; name: string; sid: number; face: number; mip: number }
  | { op: 'comment'; text: string };

const u32 = fc.integer({ min: 0, max: 0xffff_ffff });
const name = fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('reg' as const), index: u32, value: u32 }),
  fc.record({ op: fc.constant('fifo' as const), words: fc.array(u32, { maxLength: 8 }) }),
  fc.record({ op: fc.constant('vram' as const), offset: fc.integer({ min: 0, max: 0xffff }), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 9 }) }),
  fc.record({ op: fc.constant('guest' as const), address: fc.integer({ min: 0, max: 2 ** 52 }), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 9 }) }),
  fc.record({ op: fc.constant('screen' as const), name, id: u32 }),
  fc.record({ op: fc.constant('surface' as const), name, sid: u32, face: u32, mip: u32 }),
  fc.record({ op: fc.constant('comment' as const), text: fc.string({ maxLength: 12 }) }),
);

function expected(o: Op): RecordView {
  switch (o.op) {
    case 'reg':
      return { kind: 'REG_WRITE', register: o.index, value: o.value };
    case 'fifo': {
      const b = new Uint8Array(o.words.length * 4);
      o.words.forEach((w, i) => new DataView(b.buffer).setUint32(i * 4, w, true));
      return { kind: 'FIFO', bytes: b };
    }
    case 'vram':
      return { kind: 'VRAM_WRITE', vramOffset: o.offset, bytes: Uint8Array.from(o.bytes) };
    case 'guest':
      return { kind: 'GUEST_WRITE', address: o.address, bytes: Uint8Array.from(o.bytes) };
    case 'screen':
      return { kind: 'CHECKPOINT', checkpoint: { kind: 0, id: o.id, face: 0, mipmap: 0, name: o.name } };
    case 'surface':
      return { kind: 'CHECKPOINT', checkpoint: { kind: 1, id: o.sid, face: o.face, mipmap: o.mip, name: o.name } };
    case 'comment':
      return { kind: 'COMMENT', text: o.text };
  }
}

describe('writer ⇄ reader round trip', () => {
  it('reads back exactly what was written, with consistent offsets and no diagnostics', () => {
    fc.assert(
      fc.property(fc.option(u32, { nil: undefined }), fc.array(op, { maxLength: 20 }), (vram, ops) => {
        const w = new TraceWriter();
        if (vram !== undefined) w.config(vram);
        for (const o of ops) {
          if (o.op === 'reg') w.regWrite(o.index, o.value);
          else if (o.op === 'fifo') w.fifo(Uint32Array.from(o.words));
          else if (o.op === 'vram') w.vramWrite(o.offset, Uint8Array.from(o.bytes));
          else if (o.op === 'guest') w.guestWrite(o.address, Uint8Array.from(o.bytes));
          else if (o.op === 'screen') w.checkpointScreen(o.name, o.id);
          else if (o.op === 'surface') w.checkpointSurface(o.name, o.sid, o.face, o.mip);
          else w.comment(o.text);
        }
        const file = w.finish();
        const sink = new DiagnosticList();
        const result = readTrace(file, sink);
        expect(sink.format()).toEqual([]);
        expect(result.truncated).toBe(false);
        const want = [...(vram !== undefined ? [{ kind: 'CONFIG', vramBytes: vram } as RecordView] : []), ...ops.map(expected)];
        expect(result.records.map((r) => r.view)).toEqual(want);
        let offset = 16;
        result.records.forEach((r, i) => {
          expect([r.index, r.offset, r.payloadOffset]).toEqual([i, offset, offset + 8]);
          offset += 8 + r.payload.length + ((4 - (r.payload.length % 4)) % 4);
        });
        expect(offset).toBe(file.length);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
