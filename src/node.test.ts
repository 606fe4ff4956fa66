import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePng, encodePng, nodeGunzip, readPng, readTraceFile, writePng } from './node.js';
import { TraceWriter } from './trace/trace-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'svga3d-node-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PNG files', () => {
  it('writes 8-bit RGBA and reads back the same pixels', () => {
    const image = { width: 2, height: 2, data: Uint8Array.from([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 1, 2, 3, 4]) };
    const path = join(dir, 'sub', 'x.png');
    writePng(path, image);
    const bytes = readFileSync(path);
    // PNG signature, then IHDR: width 2, height 2, bit depth 8, colour type 6 (RGBA).
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(Array.from(bytes.subarray(16, 26))).toEqual([0, 0, 0, 2, 0, 0, 0, 2, 8, 6]);
    const back = readPng(path);
    expect([back.width, back.height, Array.from(back.data)]).toEqual([2, 2, Array.from(image.data)]);
  });

  it('decodes a PNG written elsewhere (the corpus screenshot) to its IHDR size', () => {
    const path = join(import.meta.dirname, '..', 'corpus', 'vmware-svga-sdk', 'expected-results.png');
    const bytes = readFileSync(path);
    const image = decodePng(bytes);
    expect([image.width, image.height]).toEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]);
    expect(image.data.length).toBe(image.width * image.height * 4);
  });

  it('refuses an image whose data does not match its size', () => {
    expect(() => encodePng({ width: 2, height: 2, data: new Uint8Array(15) })).toThrow(RangeError);
    expect(() => encodePng({ width: 0, height: 2, data: new Uint8Array(0) })).toThrow(RangeError);
  });
});

describe('trace files', () => {
  it('reads plain and gzip-compressed traces', () => {
    const trace = new TraceWriter().regWrite(2, 640).finish();
    const plain = join(dir, 'a.svgatrace');
    const packed = join(dir, 'a.bin');
    writeFileSync(plain, trace);
    writeFileSync(packed, gzipSync(trace));
    for (const p of [plain, packed]) {
      expect(readTraceFile(p).records.map((r) => r.view)).toEqual([{ kind: 'REG_WRITE', register: 2, value: 640 }]);
    }
  });

  it('gunzip stops at the output bound', () => {
    expect(() => nodeGunzip(gzipSync(new Uint8Array(4096)), 100)).toThrow();
    expect(nodeGunzip(gzipSync(new Uint8Array(100)), 100).length).toBe(100);
  });
});
