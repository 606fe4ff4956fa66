/**
 * IR -> D3D9 / SVGA3D bytecode: the inverse of the decoder, used by the assembler and by the
 * round-trip tests. Comment blocks are written back where they were. Fields that do not fit their
 * bit fields are reported, never truncated silently.
 */

import type { Diagnostic } from '../../common/diagnostics.js';
import { diagnostic } from '../../common/diagnostics.js';
import type { DstOperand, Instruction, RelativeAddress, ShaderProgram, ShaderVersion, SrcOperand } from '../ir/ir.js';
import { SOURCE_MODIFIERS } from '../ir/ir.js';
import { findOpcode, layoutRow, Opcode } from '../ir/opcodes.js';
import { MAX_SHADER_WORDS, registerToType } from '../ir/registers.js';
import { ShaderDiag } from '../shader-diagnostics.js';

/** Result of `encodeShader`. */
export type EncodeResult =
  | { readonly ok: true; readonly words: Uint32Array; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

class EncodeError extends Error {}

function check(cond: boolean, message: string): void {
  if (!cond) throw new EncodeError(message);
}

function regBits(file: SrcOperand['file'], index: number): number {
  const t = registerToType(file, index);
  if (t === undefined) throw new EncodeError(`register ${file} ${index} cannot be encoded`);
  return ((t.type & 7) << 28) | ((t.type & 0x18) << 8) | t.num;
}

function relToken(rel: RelativeAddress): number {
  check(Number.isInteger(rel.swizzle) && rel.swizzle >= 0 && rel.swizzle <= 255, `relative swizzle ${rel.swizzle} out of range`);
  return (0x80000000 | regBits(rel.file, rel.index) | (rel.swizzle << 16)) >>> 0;
}

function dstTokens(d: DstOperand, version: ShaderVersion, out: number[]): void {
  check(Number.isInteger(d.writeMask) && d.writeMask >= 0 && d.writeMask <= 15, `write mask ${d.writeMask} out of range`);
  check(Number.isInteger(d.shift) && d.shift >= -8 && d.shift <= 7, `shift ${d.shift} out of range`);
  const mods = (d.saturate ? 1 : 0) | (d.partialPrecision ? 2 : 0) | (d.centroid ? 4 : 0);
  const tok = 0x80000000 | regBits(d.file, d.index) | (d.relative ? 0x2000 : 0) | (d.writeMask << 16) | (mods << 20)
    | ((d.shift & 0xf) << 24);
  out.push(tok >>> 0);
  if (d.relative && version.major >= 3) out.push(relToken(d.relative));
}

function srcTokens(s: SrcOperand, version: ShaderVersion, out: number[]): void {
  check(Number.isInteger(s.swizzle) && s.swizzle >= 0 && s.swizzle <= 255, `swizzle ${s.swizzle} out of range`);
  const mod = SOURCE_MODIFIERS.indexOf(s.modifier);
  check(mod >= 0, `unknown source modifier ${s.modifier}`);
  const tok = 0x80000000 | regBits(s.file, s.index) | (s.relative ? 0x2000 : 0) | (s.swizzle << 16) | (mod << 24);
  out.push(tok >>> 0);
  if (s.relative && version.major >= 2) out.push(relToken(s.relative));
}

function u32(v: number, what: string): number {
  check(Number.isInteger(v) && v >= -0x80000000 && v <= 0xffffffff, `${what} ${v} is not a 32-bit value`);
  return v >>> 0;
}

function instructionTokens(ins: Instruction, version: ShaderVersion, out: number[]): void {
  if (ins.kind === 'phase') {
    out.push(0x0000fffd);
    return;
  }
  const params: number[] = [];
  let control = 0;
  let predicated = false;
  switch (ins.kind) {
    case 'dcl': {
      check(ins.usage >= 0 && ins.usage <= 31 && Number.isInteger(ins.usage), `dcl usage ${ins.usage} out of range`);
      check(ins.usageIndex >= 0 && ins.usageIndex <= 15 && Number.isInteger(ins.usageIndex), `dcl usage index ${ins.usageIndex} out of range`);
      check(ins.samplerType >= 0 && ins.samplerType <= 15 && Number.isInteger(ins.samplerType), `sampler type ${ins.samplerType} out of range`);
      params.push((0x80000000 | ins.usage | (ins.usageIndex << 16) | (ins.samplerType << 27)) >>> 0);
      dstTokens(ins.dst, version, params);
      break;
    }
    case 'def':
      dstTokens(ins.dst, version, params);
      for (let i = 0; i < 4; i++) params.push(u32(ins.bits[i] ?? 0, 'def value'));
      break;
    case 'defi':
      dstTokens(ins.dst, version, params);
      for (let i = 0; i < 4; i++) params.push(u32(ins.values[i] ?? 0, 'defi value'));
      break;
    case 'defb':
      dstTokens(ins.dst, version, params);
      params.push(ins.value === (ins.raw !== 0) ? u32(ins.raw, 'defb value') : ins.value ? 1 : 0);
      break;
    case 'op': {
      control = ins.control;
      check(Number.isInteger(control) && control >= 0 && control <= 255, `control ${control} out of range`);
      if (ins.dst) dstTokens(ins.dst, version, params);
      if (ins.predicate) {
        predicated = true;
        srcTokens(ins.predicate, version, params);
      }
      for (const s of ins.src) srcTokens(s, version, params);
      break;
    }
  }
  check(Number.isInteger(ins.opcode) && ins.opcode >= 0 && ins.opcode < 0xfffd, `opcode ${ins.opcode} out of range`);
  let length = 0;
  if (version.major >= 2) {
    check(params.length <= 15, `instruction needs ${params.length} parameter DWORDs, the length field holds 15`);
    length = params.length;
  } else {
    check(!predicated, 'SM1 has no predication');
    const row = findOpcode(ins.opcode, version) ?? layoutRow(ins.opcode, version);
    if (row !== undefined && ins.kind === 'op') {
      const expected = (row.dst !== undefined ? 1 : 0) + row.src.length;
      check(params.length === expected, `${row.mnemonic} takes ${expected} parameter DWORDs in SM1, got ${params.length}`);
    }
  }
  out.push((ins.opcode | (control << 16) | (length << 24) | (predicated ? 0x10000000 : 0) | (ins.coissue ? 0x40000000 : 0)) >>> 0);
  for (const p of params) out.push(p);
}

/** Encodes a program to bytecode (little-endian bytes and DWORDs). Never throws. */
export function encodeShader(program: ShaderProgram): EncodeResult {
  const v = program.version;
  const out: number[] = [((v.type === 'vs' ? 0xfffe0000 : 0xffff0000) | ((v.major & 0xff) << 8) | (v.minor & 0xff)) >>> 0];
  let ci = 0;
  const comments = program.comments;
  try {
    const pushComments = (before: number): void => {
      for (let c = comments[ci]; c !== undefined && c.before <= before; c = comments[++ci]) {
        check(c.words.length <= 0x7fff, `comment of ${c.words.length} DWORDs does not fit the 15-bit size`);
        out.push(((c.words.length << 16) | Opcode.COMMENT) >>> 0);
        for (const w of c.words) out.push(u32(w, 'comment word'));
      }
    };
    program.instructions.forEach((ins, i) => {
      pushComments(i);
      instructionTokens(ins, v, out);
      check(out.length < MAX_SHADER_WORDS, 'bytecode exceeds the 512 KiB budget');
    });
    pushComments(Infinity);
  } catch (e) {
    if (!(e instanceof EncodeError)) throw e;
    return { ok: false, diagnostics: [diagnostic(ShaderDiag.ASM_ENCODE, e.message)] };
  }
  out.push(0x0000ffff);
  const words = Uint32Array.from(out);
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  words.forEach((w, i) => view.setUint32(i * 4, w, true));
  return { ok: true, words, bytes };
}
