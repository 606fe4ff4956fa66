import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShader } from './decode/decoder.js';
import { encodeShader } from './encode/encoder.js';
import { assemble } from './text/assembler.js';
import { disassemble } from './text/disassembler.js';
import { randomEncodableProgram, randomValidProgram } from './testing/random-program.js';
import { validateShader } from './validate/validator.js';
import type { ShaderProgram } from './ir/ir.js';

function encode(p: ShaderProgram): Uint8Array {
  const e = encodeShader(p);
  if (!e.ok) throw new Error(e.diagnostics.map((d) => d.message).join('; '));
  return e.bytes;
}

const seeds = fc.integer({ min: 1, max: 0x7fffffff });

describe('round trips over generated programs', () => {
  it('valid programs validate, and assemble(disassemble(encode(p))) gives the same bytes', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const p = randomValidProgram(seed);
        const bytes = encode(p);
        const v = validateShader(bytes, p.version.type);
        expect(v.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
        const text = disassemble(bytes);
        const a = assemble(text);
        if (!a.ok) throw new Error(`${text}\n${a.diagnostics.map((d) => d.message).join('\n')}`);
        expect(Array.from(a.bytes)).toEqual(Array.from(bytes));
      }),
      { seed: 42, numRuns: 400 },
    );
  });

  it('any encodable program survives decode, print and re-assembly bit for bit', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const p = randomEncodableProgram(seed);
        const bytes = encode(p);
        const d = decodeShader(bytes);
        if (!d.ok) throw new Error(d.diagnostics.map((x) => x.message).join('; '));
        expect(Array.from(encode(d.program))).toEqual(Array.from(bytes));
        const text = disassemble(d.program);
        const a = assemble(text, { validate: false });
        if (!a.ok) throw new Error(`${text}\n${a.diagnostics.map((x) => x.message).join('\n')}`);
        expect(Array.from(a.bytes)).toEqual(Array.from(bytes));
      }),
      { seed: 42, numRuns: 600 },
    );
  });
});
