import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpTrace } from '../src/cli/dump-trace.js';
import { nodeGunzip, readFileBytes } from '../src/node.js';

const CUBE = join(import.meta.dirname, '..', 'corpus', 'vmware-svga-sdk', 'cube.svgatrace.gz');

describe('svga3d dump over a corpus trace', () => {
  const lines: string[] = [];
  const result = dumpTrace(readFileBytes(CUBE), (l) => lines.push(l), { gunzip: nodeGunzip });

  it('prints every record with its file offset (offsets worked out from the record lengths)', () => {
    expect(result).toEqual({ readable: true, records: 24, lines: lines.length });
    expect(lines[0]).toBe('@00000010 #0 CONFIG vramBytes=16777216');
    expect(lines[1]).toMatch(/^@00000020 #1 COMMENT text="vmware-svga SDK example 'cube' \(github\.com\/prepare\/vmware-svga, commit eea7ddcd0d34702f8f0a33c1933718706c6318c5, examples\/cube; MIT licence\)\./);
    expect(lines.slice(2, 11)).toEqual([
      '@00000114 #2 REG_WRITE register=ID value=0x90000002',
      '@00000124 #3 REG_WRITE register=ENABLE value=1',
      '@00000134 #4 REG_WRITE register=CONFIG_DONE value=1',
      '@00000144 #5 REG_WRITE register=WIDTH value=800',
      '@00000154 #6 REG_WRITE register=HEIGHT value=600',
      '@00000164 #7 REG_WRITE register=BITS_PER_PIXEL value=32',
      '@00000174 #8 REG_WRITE register=ENABLE value=1',
      '@00000184 #9 REG_WRITE register=SYNC value=1',
      '@00000194 #10 VRAM_WRITE offset=0x4002 bytes=23998',
    ]);
    expect(lines).toContain('@00005f60 #11 VRAM_WRITE offset=0x291c2 bytes=197');
    expect(lines).toContain('@00006034 #12 FIFO bytes=896');
    expect(lines.filter((l) => l.includes(' CHECKPOINT '))).toEqual([
      '@00008480 #17 CHECKPOINT screen id=0 name=frame-000',
      '@00008978 #19 CHECKPOINT screen id=0 name=frame-001',
      '@00008e70 #21 CHECKPOINT screen id=0 name=frame-002',
      '@00009368 #23 CHECKPOINT screen id=0 name=frame-003',
    ]);
  });

  it('prints the decoded commands after their record, at their own offsets', () => {
    const fifo = lines.indexOf('@00006034 #12 FIFO bytes=896');
    // The first command of the record: SURFACE_DEFINE (id 1040, size 48) of sid 0 at the payload start.
    expect(lines[fifo + 1]).toMatch(/^@0000603c {3}SURFACE_DEFINE sid=0 /);
    // The second: 8 + 48 bytes later, sid 1.
    expect(lines[fifo + 2]).toMatch(/^@00006074 {3}SURFACE_DEFINE sid=1 /);
    // 85 commands in all (corpus README), no decoder diagnostics.
    expect(lines.filter((l) => /^@[0-9a-f]{8} {3}[A-Z]/.test(l)).length).toBe(85);
    expect(lines.filter((l) => l.includes('   ! '))).toEqual([]);
  });
});
