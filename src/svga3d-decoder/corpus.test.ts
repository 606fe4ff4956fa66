import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../common/diagnostics.js';
import { decodeFifo } from './decode-fifo.js';
import type { SvgaCommand, SvgaCommandInput } from './commands.js';
import { encodeCommand } from './encode-command.js';

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

interface DecodedTrace {
  commands: SvgaCommand[];
  diags: DiagnosticList;
  undecoded: number;
  /** Commands whose re-encoding differs from the bytes they were decoded from. */
  mismatches: number;
}

const cache = new Map<string, DecodedTrace>();
function decodeTrace(file: string): DecodedTrace {
  const cached = cache.get(file);
  if (cached !== undefined) return cached;
  const diags = new DiagnosticList();
  const commands: SvgaCommand[] = [];
  let undecoded = 0;
  let mismatches = 0;
  for (const rec of fifoRecords(file)) {
    const res = decodeFifo(rec.bytes, { baseOffset: rec.offset, record: rec.index, sink: diags });
    for (const c of res.commands) {
      commands.push(c);
      const again = encodeCommand(c as SvgaCommandInput);
      const original = rec.bytes.subarray(c.offset - rec.offset, c.offset - rec.offset + c.byteLength);
      if (!sameBytes(new Uint8Array(again.buffer), original)) mismatches++;
    }
    undecoded += res.undecoded.length;
  }
  const out = { commands, diags, undecoded, mismatches };
  cache.set(file, out);
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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

  it.each(TRACES)('%s: every command re-encodes to its original bytes', (file) => {
    expect(decodeTrace(file).mismatches).toBe(0);
  });

  it('command counts match the corpus README', () => {
    const pick = (file: string, names: string[]) => {
      const m = counts(decodeTrace(file).commands);
      return Object.fromEntries(names.map((n) => [n, m.get(n) ?? 0]));
    };
    expect(pick('cube.svgatrace.gz', ['SETTRANSFORM', 'SETRENDERSTATE', 'DRAW_PRIMITIVES', 'SURFACE_DEFINE', 'SURFACE_DMA', 'FENCE', 'PRESENT']))
      .toEqual({ SETTRANSFORM: 24, SETRENDERSTATE: 9, DRAW_PRIMITIVES: 8, SURFACE_DEFINE: 7, SURFACE_DMA: 6, FENCE: 6, PRESENT: 4 });
    expect(pick('blit-cube.svgatrace.gz', ['SURFACE_COPY', 'SURFACE_STRETCHBLT'])).toEqual({ SURFACE_COPY: 8, SURFACE_STRETCHBLT: 8 });
    expect(pick('bunnies.svgatrace.gz', ['SETLIGHTDATA', 'SETLIGHTENABLED', 'SETMATERIAL'])).toEqual({ SETLIGHTDATA: 4, SETLIGHTENABLED: 4, SETMATERIAL: 8 });
    expect(pick('cubemark.svgatrace.gz', ['SET_SHADER_CONST', 'SET_SHADER', 'DRAW_PRIMITIVES', 'SETTRANSFORM']))
      .toEqual({ SET_SHADER_CONST: 6064, SET_SHADER: 6056, DRAW_PRIMITIVES: 3028, SETTRANSFORM: 1532 });
    expect(pick('present-readback.svgatrace.gz', ['UPDATE', 'PRESENT_READBACK'])).toEqual({ UPDATE: 12, PRESENT_READBACK: 8 });
    expect(pick('screen-present-clip.svgatrace.gz', ['BLIT_GMRFB_TO_SCREEN', 'ANNOTATION_FILL', 'DEFINE_GMRFB', 'FENCE', 'BLIT_SURFACE_TO_SCREEN', 'DEFINE_SCREEN']))
      .toEqual({ BLIT_GMRFB_TO_SCREEN: 8528, ANNOTATION_FILL: 8308, DEFINE_GMRFB: 1327, FENCE: 1111, BLIT_SURFACE_TO_SCREEN: 12, DEFINE_SCREEN: 1 });
    expect(pick('screen-render-test.svgatrace.gz', ['BLIT_SCREEN_TO_GMRFB', 'ESCAPE', 'DEFINE_SCREEN', 'CLEAR']))
      .toEqual({ BLIT_SCREEN_TO_GMRFB: 4, ESCAPE: 3, DEFINE_SCREEN: 2, CLEAR: 16 });
    expect(pick('gmr-test.svgatrace.gz', ['SURFACE_DMA', 'SURFACE_DESTROY'])).toEqual({ SURFACE_DMA: 119, SURFACE_DESTROY: 46 });
    expect(pick('fence-stress.svgatrace.gz', ['FENCE'])).toEqual({ FENCE: 463879 });
  });

  it('rt-gamma-test: 300 reserved SETRENDERSTATE entries with state id 0 decode as entries', () => {
    const { commands } = decodeTrace('rt-gamma-test.svgatrace.gz');
    let zero = 0;
    let gamma = 0;
    for (const c of commands) {
      if (c.name !== 'SETRENDERSTATE') continue;
      for (const s of c.body.states) {
        if (s.state === 0) {
          zero++;
          expect(s.value).toBe(0);
        }
        if (s.state === 65) gamma++;
      }
    }
    expect(zero).toBe(300);
    expect(gamma).toBe(100);
  });

  it('simple-shaders: SHADER_DEFINE payloads equal the shipped bytecode files', () => {
    const defs = decodeTrace('simple-shaders.svgatrace.gz').commands.filter((c) => c.name === 'SHADER_DEFINE');
    const byType = new Map(defs.map((c) => [c.body.type, c.body.bytecode]));
    expect([...(byType.get(1) ?? [])]).toEqual([...readFileSync(join(CORPUS, 'shaders/simple-shaders_vs.bin'))]);
    expect([...(byType.get(2) ?? [])]).toEqual([...readFileSync(join(CORPUS, 'shaders/simple-shaders_ps.bin'))]);
  });
});
