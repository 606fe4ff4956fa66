import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeShader } from './decode/decoder.js';
import { encodeShader } from './encode/encoder.js';
import { assemble } from './text/assembler.js';
import { disassemble } from './text/disassembler.js';
import { validateShader } from './validate/validator.js';

const DIR = join(import.meta.dirname, '../../corpus/vmware-svga-sdk/shaders');
const names = readdirSync(DIR).filter((f) => f.endsWith('.bin')).map((f) => f.slice(0, -4)).sort();

/** Instruction lines of a listing: comments, blank lines and spacing removed. */
function listingLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/\/\/.*$/, '').trim().replace(/\s+/g, ' '))
    .filter((l) => l !== '');
}

/** The bytecode without its comment blocks (what the assembler, having no CTAB, produces). */
function stripComments(bin: Uint8Array): Uint8Array {
  const view = new DataView(bin.buffer, bin.byteOffset, bin.byteLength);
  const out: number[] = [view.getUint32(0, true)];
  let pos = 1;
  const n = bin.length / 4;
  while (pos < n) {
    const tok = view.getUint32(pos * 4, true);
    if ((tok & 0xffff) === 0xfffe) {
      pos += 1 + ((tok >>> 16) & 0x7fff);
      continue;
    }
    out.push(tok);
    pos++;
  }
  const bytes = new Uint8Array(out.length * 4);
  const w = new DataView(bytes.buffer);
  out.forEach((t, i) => w.setUint32(i * 4, t, true));
  return bytes;
}

describe('corpus shaders', () => {
  it('has the eight fxc shaders of the SDK', () => {
    expect(names).toHaveLength(8);
  });

  for (const name of names) {
    const bin = new Uint8Array(readFileSync(join(DIR, `${name}.bin`)));
    const asm = readFileSync(join(DIR, `${name}.asm`), 'utf8');
    const type = name.endsWith('_vs') ? 'vs' : 'ps';

    it(`${name}: validates as a ${type}_2_0 shader with its CTAB kept raw`, () => {
      const r = validateShader(bin, type);
      expect(r.diagnostics).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.program?.version).toEqual({ type, major: 2, minor: 0 });
      const ctab = r.program?.comments[0];
      expect(ctab?.before).toBe(0);
      expect(ctab?.words[0]).toBe(0x42415443); // 'CTAB'
    });

    it(`${name}: disassembles to the fxc listing line for line`, () => {
      expect(listingLines(disassemble(bin))).toEqual(listingLines(asm));
    });

    it(`${name}: re-encodes to the same bytes`, () => {
      const d = decodeShader(bin);
      if (!d.ok) throw new Error('decode failed');
      const e = encodeShader(d.program);
      expect(e.ok && Buffer.from(e.bytes).equals(Buffer.from(bin))).toBe(true);
    });

    it(`${name}: the listing assembles to the bytecode minus its comment blocks`, () => {
      const r = assemble(asm);
      if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
      expect(Array.from(r.bytes)).toEqual(Array.from(stripComments(bin)));
    });
  }
});
