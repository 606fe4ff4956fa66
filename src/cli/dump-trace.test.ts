import { describe, expect, it } from 'vitest';
import { CommandWriter } from '../svga3d-decoder/index.js';
import { TraceWriter } from '../trace/trace-writer.js';
import { dumpTrace } from './dump-trace.js';

function dump(bytes: Uint8Array): { lines: string[]; readable: boolean } {
  const lines: string[] = [];
  const r = dumpTrace(bytes, (l) => lines.push(l));
  expect(r.lines).toBe(lines.length);
  return { lines, readable: r.readable };
}

describe('dumpTrace', () => {
  it('prints every record and every command with file offsets and field names', () => {
    const trace = new TraceWriter()
      .config(1 << 24)
      .comment('made by "a test"')
      .regWrite(0, 0x90000002)
      .regWrite(2, 800)
      .regWrite(1030, 7)
      .vramWrite(0x40, new Uint8Array(5))
      .guestWrite(0x1_0020_0000, new Uint8Array(3))
      .fifo(new CommandWriter().fence(7).update({ x: 0, y: 1, width: 4, height: 2 }))
      .checkpointScreen('frame-000')
      .checkpointSurface('tex', 3, 1, 2)
      .record(42, new Uint8Array(2))
      .finish();
    expect(dump(trace)).toEqual({
      readable: true,
      lines: [
        '@00000010 #0 CONFIG vramBytes=16777216',
        '@00000020 #1 COMMENT text="made by \\"a test\\""',
        '@00000038 #2 REG_WRITE register=ID value=0x90000002',
        '@00000048 #3 REG_WRITE register=WIDTH value=800',
        '@00000058 #4 REG_WRITE register=PALETTE[6] value=7',
        '@00000068 #5 VRAM_WRITE offset=0x40 bytes=5',
        '@0000007c #6 GUEST_WRITE address=0x100200000 bytes=3',
        '@00000090 #7 FIFO bytes=28',
        '@00000098   FENCE fence=7',
        '@000000a0   UPDATE x=0 y=1 width=4 height=2',
        '@000000b4 #8 CHECKPOINT screen id=0 name=frame-000',
        '@000000d8 #9 CHECKPOINT surface sid=3 face=1 mipmap=2 name=tex',
        '@000000f4   ! #10 @0xf4 W1011 W_TRACE_UNKNOWN_RECORD: unknown record type 42 (2 bytes) skipped',
        '@000000f4 #10 TYPE_42 bytes=2 (unknown type, skipped)',
      ],
    });
  });

  it('prints decoder diagnostics and undecodable commands where they arise', () => {
    const trace = new TraceWriter().fifo(new CommandWriter().fence(1).raw([99999, 0])).finish();
    const { lines } = dump(trace);
    expect(lines[0]).toBe('@00000010 #0 FIFO bytes=16');
    expect(lines[1]?.startsWith('@00000020   ! #0 @0x20 ')).toBe(true);
    expect(lines.slice(2)).toEqual(['@00000018   FENCE fence=1', expect.stringMatching(/^@00000020 {3}\S/)]);
  });

  it('prints why a file is not a readable trace', () => {
    expect(dump(Uint8Array.from([1, 2, 3]))).toEqual({
      readable: false,
      lines: ['@00000000   ! @0x0 E1002 E_TRACE_HEADER: not a readable trace: 3 bytes, shorter than the 16-byte header'],
    });
  });
});
