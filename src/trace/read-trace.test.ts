import { gzipSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DiagnosticList } from '../common/diagnostics.js';
import { isGzip, openTrace, readTrace, type GunzipFn } from './read-trace.js';
import { TraceWriter } from './trace-writer.js';

const gunzip: GunzipFn = (b, max) => gunzipSync(b, { maxOutputLength: max });

/** A header followed by raw records given as [type, payload bytes, padding bytes]. */
function rawTrace(records: [number, number[], number[]?][], header = [1, 0]): Uint8Array {
  const out: number[] = [...'SVGATRC1'].map((c) => c.charCodeAt(0));
  const word = (v: number) => out.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  header.forEach(word);
  for (const [type, payload, padding] of records) {
    word(type);
    word(payload.length);
    out.push(...payload, ...(padding ?? new Array((4 - (payload.length % 4)) % 4).fill(0)));
  }
  return Uint8Array.from(out);
}
const le = (...words: number[]) => words.flatMap((v) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff]);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

function read(bytes: Uint8Array) {
  const sink = new DiagnosticList();
  const result = readTrace(bytes, sink, { gunzip });
  return { result, diags: sink.items.map((d) => [d.code, d.record, d.offset]), sink };
}

describe('readTrace: header', () => {
  it.each([
    ['too short', Uint8Array.from(ascii('SVGATRC1')), 1002],
    ['bad magic', Uint8Array.from([...ascii('SVGATRC2'), ...le(1, 0)]), 1003],
    ['version 2', rawTrace([], [2, 0]), 1004],
    ['flags 1', rawTrace([], [1, 1]), 1005],
  ])('rejects %s as not a readable trace', (_, bytes, code) => {
    const { result, diags } = read(bytes);
    expect(result.readable).toBe(false);
    expect(result.records).toEqual([]);
    expect(diags.map((d) => d[0])).toEqual([code]);
  });

  it('accepts a header with no records', () => {
    const { result, diags } = read(rawTrace([]));
    expect([result.readable, result.records.length, result.truncated, diags]).toEqual([true, 0, false, []]);
  });

  it('decompresses gzip whatever the name, and says so', () => {
    const plain = new TraceWriter().regWrite(1, 1).finish();
    const { result } = read(gzipSync(plain));
    expect(result.file?.compressed).toBe(true);
    expect(result.records[0]?.view).toEqual({ kind: 'REG_WRITE', register: 1, value: 1 });
    // Offsets are offsets in the decompressed file.
    expect(result.records[0]?.offset).toBe(16);
  });

  it('reports gzip without a gunzip function, corrupt gzip, and a zip bomb over the bound', () => {
    const gz = gzipSync(new TraceWriter().finish());
    expect(isGzip(gz)).toBe(true);
    const sink = new DiagnosticList();
    expect(openTrace(gz, sink)).toBeUndefined();
    expect(sink.items.map((d) => d.code)).toEqual([1000]);

    expect(read(Uint8Array.from([0x1f, 0x8b, 8, 0, 1, 2, 3])).diags.map((d) => d[0])).toEqual([1001]);

    const bomb = gzipSync(new Uint8Array(1 << 20));
    const s2 = new DiagnosticList();
    expect(openTrace(bomb, s2, { gunzip, maxBytes: 1000 })).toBeUndefined();
    expect(s2.items.map((d) => d.code)).toEqual([1001]);
  });
});

describe('readTrace: framing', () => {
  it('stops at a payload running past the end, naming its record and offset', () => {
    const full = rawTrace([[1, le(2, 800)], [2, le(30, 7)]]);
    const cut = full.subarray(0, full.length - 1);
    const { result, diags } = read(cut);
    expect(result.records.map((r) => r.index)).toEqual([0]);
    expect(result.truncated).toBe(true);
    expect(diags).toEqual([[1010, 1, 32]]);
  });

  it('stops at a partial record header', () => {
    const bytes = Uint8Array.from([...rawTrace([[6, ascii('hi')]]), 2, 0, 0]);
    const { result, diags } = read(bytes);
    expect(result.records.length).toBe(1);
    expect(diags).toEqual([[1010, 1, 28]]);
  });

  it('does not let a huge length wrap around', () => {
    const { result, diags } = read(Uint8Array.from([...rawTrace([]), ...le(2, 0xffff_fffc)]));
    expect(result.records).toEqual([]);
    expect(diags).toEqual([[1010, 0, 16]]);
  });

  it('skips unknown record types with a warning and reads on', () => {
    const { result, sink } = read(rawTrace([[99, [1, 2, 3]], [1, le(3, 600)]]));
    expect(result.records.map((r) => [r.type, r.view.kind])).toEqual([
      [99, 'UNKNOWN'],
      [1, 'REG_WRITE'],
    ]);
    expect(sink.items.map((d) => [d.code, d.severity, d.record, d.offset])).toEqual([[1011, 'warning', 0, 16]]);
  });

  it('warns about non-zero padding and missing final padding, keeping the records', () => {
    const { result, diags } = read(rawTrace([[6, ascii('abc'), [7]]]));
    expect(result.records[0]?.view).toEqual({ kind: 'COMMENT', text: 'abc' });
    expect(diags).toEqual([[1012, 0, 16]]);
    const unpadded = rawTrace([[6, ascii('abc'), []]]);
    const r2 = read(unpadded);
    expect([r2.result.records.length, r2.result.truncated, r2.diags]).toEqual([1, false, [[1012, 0, 16]]]);
  });

  it('bounds the number of collected records', () => {
    const bytes = rawTrace([[6, []], [6, []], [6, []]]);
    const sink = new DiagnosticList();
    const result = readTrace(bytes, sink, { maxRecords: 2 });
    expect([result.records.length, result.truncated]).toEqual([2, true]);
    expect(sink.items.map((d) => [d.code, d.record])).toEqual([[1013, 2]]);
  });
});

describe('readTrace: record payloads', () => {
  it('decodes every record type', () => {
    const { result, diags } = read(
      rawTrace([
        [7, le(0x0200_0000, 0)],
        [6, ascii('capture: vram=32MiB')],
        [1, le(41, 5)],
        [3, [...le(0x40), 9, 8, 7]],
        [4, [...le(0x0000_1000, 0x0000_0001), 0xaa]],
        [2, le(30, 1)],
        [5, [...le(1, 7, 2, 3), ...ascii('tex.face-2')]],
      ]),
    );
    expect(diags).toEqual([]);
    expect(result.records.map((r) => r.view)).toEqual([
      { kind: 'CONFIG', vramBytes: 0x0200_0000 },
      { kind: 'COMMENT', text: 'capture: vram=32MiB' },
      { kind: 'REG_WRITE', register: 41, value: 5 },
      { kind: 'VRAM_WRITE', vramOffset: 0x40, bytes: Uint8Array.from([9, 8, 7]) },
      { kind: 'GUEST_WRITE', address: 0x1_0000_1000, bytes: Uint8Array.from([0xaa]) },
      { kind: 'FIFO', bytes: Uint8Array.from(le(30, 1)) },
      { kind: 'CHECKPOINT', checkpoint: { kind: 1, id: 7, face: 2, mipmap: 3, name: 'tex.face-2' } },
    ]);
    expect(result.records.map((r) => r.payloadOffset)).toEqual([24, 40, 68, 84, 100, 120, 136]);
  });

  it.each([
    ['REG_WRITE of 4 bytes', [1, le(1)], 1020],
    ['REG_WRITE of 12 bytes', [1, le(1, 2, 3)], 1020],
    ['VRAM_WRITE without offset', [3, [1, 2]], 1020],
    ['GUEST_WRITE without address', [4, le(1)], 1020],
    ['GUEST_WRITE beyond 2^53', [4, [...le(0, 0x20_0000), 1]], 1022],
    ['GUEST_WRITE ending beyond 2^53', [4, [...le(0xffff_ffff, 0x1f_ffff), 1]], 1022],
    ['CHECKPOINT without a name', [5, le(0, 0, 0, 0)], 1020],
    ['CHECKPOINT name with a slash', [5, [...le(0, 0, 0, 0), ...ascii('../x')]], 1024],
    ['CHECKPOINT name with a space', [5, [...le(0, 0, 0, 0), ...ascii('a b')]], 1024],
    ['CHECKPOINT name of 201 characters', [5, [...le(0, 0, 0, 0), ...new Array(201).fill(0x61)]], 1024],
    ['CHECKPOINT of kind 2', [5, [...le(2, 0, 0, 0), ...ascii('x')]], 1023],
    ['CONFIG of 4 bytes', [7, le(16)], 1020],
  ] as [string, [number, number[]], number][])('rejects %s', (_, record, code) => {
    const { result, diags } = read(rawTrace([record, [6, ascii('next')]]));
    expect(result.records.map((r) => r.view.kind)).toEqual(['INVALID', 'COMMENT']);
    expect(diags).toEqual([[code, 0, 16]]);
  });

  it('decodes at most 64 KiB of a COMMENT, with a warning', () => {
    const long = new Array(64 * 1024 + 3).fill(0x61);
    const { result, diags } = read(rawTrace([[6, long]]));
    const view = result.records[0]?.view;
    expect(view?.kind === 'COMMENT' && view.text.length).toBe(64 * 1024);
    expect(diags).toEqual([[1028, 0, 16]]);
  });

  it('keeps the whole words of a FIFO payload that is not word-aligned', () => {
    const { result, diags } = read(rawTrace([[2, [...le(30, 5), 1, 2]]]));
    expect(result.records[0]?.view).toEqual({ kind: 'FIFO', bytes: Uint8Array.from(le(30, 5)) });
    expect(diags).toEqual([[1021, 0, 16]]);
  });

  it('accepts GUEST_WRITE at the last safe addresses', () => {
    const { result, diags } = read(rawTrace([[4, [...le(0xffff_fffe, 0x1f_ffff), 1]]]));
    expect(diags).toEqual([]);
    expect(result.records[0]?.view).toEqual({ kind: 'GUEST_WRITE', address: 2 ** 53 - 2, bytes: Uint8Array.from([1]) });
  });

  it('ignores face and mipmap of a screen checkpoint, with a warning', () => {
    const { result, diags } = read(rawTrace([[5, [...le(0, 1, 4, 5), ...ascii('frame-000')]]]));
    expect(result.records[0]?.view).toEqual({ kind: 'CHECKPOINT', checkpoint: { kind: 0, id: 1, face: 0, mipmap: 0, name: 'frame-000' } });
    expect(diags).toEqual([[1025, 0, 16]]);
  });

  it('accepts CONFIG only as the first record and warns about its reserved word', () => {
    const { result, diags } = read(rawTrace([[6, []], [7, le(1 << 24, 0)]]));
    expect(result.records.map((r) => r.view.kind)).toEqual(['COMMENT', 'INVALID']);
    expect(diags).toEqual([[1026, 1, 24]]);
    const r2 = read(rawTrace([[7, le(1 << 24, 9)]]));
    expect(r2.result.records[0]?.view).toEqual({ kind: 'CONFIG', vramBytes: 1 << 24 });
    expect(r2.diags).toEqual([[1027, 0, 16]]);
  });
});

describe('readTrace on hostile bytes', () => {
  it('never throws on random bytes, and every record lies inside the file in order', () => {
    const body = fc.uint8Array({ maxLength: 300 });
    const input = fc.oneof(
      body,
      body.map((b) => Uint8Array.from([...rawTrace([]), ...b])),
      // Plausible record headers with small types and lengths make deeper paths likely.
      fc
        .array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.uint8Array({ maxLength: 40 })), { maxLength: 8 })
        .map((rs) => rawTrace(rs.map(([t, p]) => [t, Array.from(p)]))),
    );
    fc.assert(
      fc.property(input, (bytes) => {
        const sink = new DiagnosticList();
        const result = readTrace(bytes, sink, { gunzip });
        let end = 16;
        for (const r of result.records) {
          expect(r.offset).toBeGreaterThanOrEqual(end);
          expect(r.payloadOffset + r.payload.length).toBeLessThanOrEqual(bytes.length);
          end = r.payloadOffset + r.payload.length;
        }
        for (const d of sink.items) expect(d.code).toBeGreaterThanOrEqual(1000);
        if (!result.readable) expect(result.records.length).toBe(0);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});
