import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShader } from './decode/decoder.js';
import { encodeShader } from './encode/encoder.js';
import { assemble } from './text/assembler.js';
import { disassemble } from './text/disassembler.js';
import { validateShader } from './validate/validator.js';

const END = 0x0000ffff;
const DIR = join(import.meta.dirname, '../../corpus/vmware-svga-sdk/shaders');
const corpus = readdirSync(DIR).filter((f) => f.endsWith('.bin'))
  .map((f) => { const b = readFileSync(join(DIR, f)); return new Uint32Array(b.buffer, b.byteOffset, b.length / 4).slice(); });

/**
 * Everything the front end does with guest bytes: it must not throw, and whatever validates must
 * print and re-assemble to the same bytes (comment blocks aside).
 */
function exercise(words: Uint32Array): void {
  const v = validateShader(words);
  expect(v.diagnostics.length).toBeLessThanOrEqual(512);
  const text = disassemble(words);
  expect(typeof text).toBe('string');
  if (!v.ok || !v.program) return;
  const noComments = encodeShader({ ...v.program, comments: [] });
  const a = assemble(text);
  if (!a.ok) throw new Error(`valid shader did not re-assemble:\n${text}\n${a.diagnostics.map((d) => d.message).join('\n')}`);
  expect(noComments.ok && Array.from(a.bytes)).toEqual(noComments.ok && Array.from(noComments.bytes));
}

describe('hostile bytecode', () => {
  it('mutated corpus shaders (words replaced, bits flipped, truncated) never throw', () => {
    const mutation = fc.record({
      which: fc.nat(corpus.length - 1),
      edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 0xffffffff }), fc.nat(3)), { minLength: 1, maxLength: 6 }),
      cut: fc.option(fc.nat(), { nil: undefined }),
    });
    let validated = 0;
    fc.assert(
      fc.property(mutation, ({ which, edits, cut }) => {
        const base = corpus[which] ?? new Uint32Array(0);
        let w = base.slice();
        for (const [pos, value, mode] of edits) {
          const i = pos % w.length;
          const old = w[i] ?? 0;
          // 0: replace the word, 1: flip one bit, 2: change the opcode only, 3: change the length field
          w[i] = mode === 0 ? value : mode === 1 ? old ^ (1 << (value % 32)) : mode === 2 ? (old & 0xffff0000) | (value % 100) : (old & 0xf0ffffff) | ((value % 16) << 24);
        }
        if (cut !== undefined) w = w.subarray(0, cut % (w.length + 1));
        if (validateShader(w).ok) validated++;
        exercise(w);
      }),
      { seed: 42, numRuns: 3000 },
    );
    // Some mutations leave a valid shader (e.g. a changed constant), and those round-trip too.
    expect(validated).toBeGreaterThan(100);
  });

  it('random DWORD streams behind a valid version token never throw', () => {
    const version = fc.constantFrom(0xfffe0101, 0xfffe0200, 0xfffe0201, 0xfffe0300, 0xffff0101, 0xffff0104, 0xffff0200, 0xffff0300);
    fc.assert(
      fc.property(version, fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 64 }), fc.boolean(), (v, body, end) => {
        exercise(Uint32Array.from([v, ...body, ...(end ? [0xffff] : [])]));
      }),
      { seed: 42, numRuns: 3000 },
    );
  });

  it('random bytes never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), (bytes) => {
        const r = decodeShader(bytes);
        expect(r.ok || r.diagnostics.length > 0).toBe(true);
        disassemble(bytes);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('a huge comment size or instruction count is bounded, not followed', () => {
    const r = decodeShader(Uint32Array.from([0xffff0200, 0x7ffffffe, END]));
    expect(r.diagnostics.map((d) => d.code)).toEqual([4007]);
    const nops = new Uint32Array(131072);
    nops[0] = 0xfffe0200;
    nops[131071] = 0xffff;
    expect(validateShader(nops).diagnostics.map((d) => d.code)).toEqual([4009]);
  });
});
