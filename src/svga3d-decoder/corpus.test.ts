import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../common/diagnostics.js';
import { decodeFifo } from './decode-fifo.js';
import type { SvgaCommand } from './commands.js';

const CORPUS = join(import.meta.dirname, '../../corpus/vmware-svga-sdk');
const TRACES = readdirSync(CORPUS).filter((f) => f.endsWith('.svgatrace.gz')).sort();

/** Every FIFO record (type 2) of a trace, with its payload's byte offset in the file. */
function fifoRecords(file: string): { index: number; offset: number; bytes: Uint8Array }[] {
  const data = gunzipSync(readFileSync(join(CORPUS, file)));
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: { index: number; offset: number; bytes: Uint8Array }[] = [];
  let pos = 16;
  let index = 0;
  while (pos + 8 <= bytes.length) {
    const type = dv.getUint32(pos, true);
    const length = dv.getUint32(pos + 4, true);
    if (pos + 8 + length > bytes.length) throw new Error(`${file}: record ${index} truncated`);
    if (type === 2) out.push({ index, offset: pos + 8, bytes: bytes.subarray(pos + 8, pos + 8 + length) });
    pos += 8 + Math.ceil(length / 4) * 4;
    index++;
  }
  return out;
}

function decodeTrace(file: string): { commands: SvgaCommand[]; diags: DiagnosticList; undecoded: number } {
  const diags = new DiagnosticList();
  const commands: SvgaCommand[] = [];
  let undecoded = 0;
  for (const rec of fifoRecords(file)) {
    const res = decodeFifo(rec.bytes, { baseOffset: rec.offset, record: rec.index, sink: diags });
    for (const c of res.commands) commands.push(c);
    undecoded += res.undecoded.length;
  }
  return { commands, diags, undecoded };
}

function counts(commands: readonly SvgaCommand[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of commands) m.set(c.name, (m.get(c.name) ?? 0) + 1);
  return m;
}

describe('vmware-svga SDK corpus', () => {
  it('has the fifteen traces', () => {
    expect(TRACES.length).toBe(15);
  });

  it.each(TRACES)('%s decodes with zero diagnostics', (file) => {
    const { commands, diags, undecoded } = decodeTrace(file);
    expect(diags.format()).toEqual([]);
    expect(undecoded).toBe(0);
    expect(commands.length).toBeGreaterThan(0);
  });
});
