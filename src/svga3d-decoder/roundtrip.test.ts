import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../common/diagnostics.js';
import { arbCommand } from './command-arbitraries.js';
import type { SvgaCommandInput } from './commands.js';
import { decodeFifo, type FifoDecodeResult } from './decode-fifo.js';
import { encodeCommand } from './encode-command.js';
import { formatCommand } from './format-command.js';

const asInput = (c: { name: string; body: Record<string, unknown> }) => c as unknown as SvgaCommandInput;
const bytesOf = (w: Uint32Array) => new Uint8Array(w.buffer, w.byteOffset, w.byteLength);

function encodeAll(cmds: readonly { name: string; body: Record<string, unknown> }[]): Uint8Array {
  const parts = cmds.map((c) => bytesOf(encodeCommand(asInput(c))));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Decoded and skipped entries tile the record from 0, to its end unless < 4 stray bytes remain. */
function checkTiling(res: FifoDecodeResult, length: number): void {
  const all = [...res.commands, ...res.undecoded].sort((a, b) => a.offset - b.offset);
  let end = 0;
  for (const e of all) {
    expect(e.offset).toBe(end);
    expect(e.byteLength).toBeGreaterThanOrEqual(4);
    end += e.byteLength;
  }
  expect(end).toBeLessThanOrEqual(length);
  if (res.complete) expect(end).toBe(length);
  else expect(end === length || length - end < 4).toBe(true);
}

describe('encode → decode round trip (generated from the table)', () => {
  it('one arbitrary valid command decodes to the same fields', () => {
    fc.assert(
      fc.property(arbCommand, (cmd) => {
        const bytes = bytesOf(encodeCommand(asInput(cmd)));
        const diags = new DiagnosticList();
        const res = decodeFifo(bytes, { sink: diags });
        expect(diags.items).toEqual([]);
        expect(res.commands.length).toBe(1);
        const got = res.commands[0]!;
        expect(got.name).toBe(cmd.name);
        expect(got.offset).toBe(0);
        expect(got.byteLength).toBe(bytes.length);
        expect(got.body).toEqual(cmd.body);
        expect(formatCommand(got).startsWith(cmd.name)).toBe(true);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('a concatenation of commands decodes to the same list, with running offsets', () => {
    fc.assert(
      fc.property(fc.array(arbCommand, { maxLength: 12 }), fc.integer({ min: 0, max: 1 << 20 }), (cmds, base) => {
        const bytes = encodeAll(cmds);
        const diags = new DiagnosticList();
        const res = decodeFifo(bytes, { sink: diags, baseOffset: base * 4 });
        expect(diags.items).toEqual([]);
        expect(res.commands.map((c) => ({ name: c.name, body: c.body }))).toEqual(cmds);
        let at = base * 4;
        for (const c of res.commands) {
          expect(c.offset).toBe(at);
          at += c.byteLength;
        }
        expect(at).toBe(base * 4 + bytes.length);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('hostile input', () => {
  it('random bytes never throw, always frame consistently, and decoded commands re-encode', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const res = decodeFifo(bytes, { sink: new DiagnosticList() });
        checkTiling(res, bytes.length);
        for (const c of res.commands) {
          const again = decodeFifo(bytesOf(encodeCommand(c as unknown as SvgaCommandInput)));
          expect(again.commands[0]?.body).toEqual(c.body);
        }
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('random words biased to command ids and small sizes never throw', () => {
    const word = fc.oneof(
      fc.integer({ min: 0, max: 50 }),
      fc.integer({ min: 1040, max: 1090 }),
      fc.constantFrom(0, 4, 8, 12, 16, 28, 36, 40, 44, 0xffffffff, 0xfffffff0, 0x80000000),
      fc.integer({ min: 0, max: 0xffffffff }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 200 }), (ws) => {
        const bytes = new Uint8Array(ws.length * 4);
        const dv = new DataView(bytes.buffer);
        ws.forEach((w, i) => dv.setUint32(i * 4, w, true));
        const diags = new DiagnosticList();
        const res = decodeFifo(bytes, { sink: diags });
        checkTiling(res, bytes.length);
        for (const d of diags.items) {
          expect(d.code).toBeGreaterThanOrEqual(2000);
          expect(d.code).toBeLessThan(3000);
          expect(d.offset).toBeLessThan(bytes.length);
        }
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('mutated valid streams never throw and keep the prefix before the first mutation', () => {
    const mutation = fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 0xffffffff }), kind: fc.constantFrom('set', 'cut', 'insert') });
    fc.assert(
      fc.property(fc.array(arbCommand, { minLength: 1, maxLength: 8 }), mutation, (cmds, m) => {
        const clean = encodeAll(cmds);
        const words = clean.length / 4;
        const at = m.at % words;
        let bytes: Uint8Array;
        if (m.kind === 'cut') bytes = clean.slice(0, at * 4 + (m.value % 4));
        else {
          const dv0 = new DataView(new ArrayBuffer(4));
          dv0.setUint32(0, m.value, true);
          const w = new Uint8Array(dv0.buffer);
          bytes = m.kind === 'set'
            ? (() => { const b = clean.slice(); b.set(w, at * 4); return b; })()
            : new Uint8Array([...clean.subarray(0, at * 4), ...w, ...clean.subarray(at * 4)]);
        }
        const res = decodeFifo(bytes, { sink: new DiagnosticList() });
        checkTiling(res, bytes.length);
        const intact = decodeFifo(clean).commands.filter((c) => c.offset + c.byteLength <= at * 4);
        expect(res.commands.slice(0, intact.length)).toEqual(intact);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
