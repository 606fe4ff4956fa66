/**
 * D3D9 / SVGA3D shader bytecode -> IR. The decoder checks the framing (version, comment and
 * instruction lengths, END, reserved bits, parameter tokens) and lays operands out from the opcode
 * table; whether the instructions make sense for the shader model is the validator's job.
 *
 * SM2+ instructions are walked with their length field, so one bad instruction is reported and
 * skipped. SM1 has no length field: the table gives the length, and an unknown opcode ends decoding.
 */

import type { Diagnostic, DiagnosticCode } from '../../common/diagnostics.js';
import { diagnostic } from '../../common/diagnostics.js';
import type {
  CommentBlock, DstOperand, Instruction, OpInstruction, ShaderProgram, ShaderVersion, SrcOperand, TexldMode,
} from '../ir/ir.js';
import { COMPARISONS } from '../ir/ir.js';
import type { OpcodeRow } from '../ir/opcodes.js';
import { layoutRow, Opcode, opcodeRows } from '../ir/opcodes.js';
import { MAX_INSTRUCTIONS, MAX_SHADER_WORDS } from '../ir/registers.js';
import { ShaderDiag } from '../shader-diagnostics.js';
import type { OperandError, TokenCursor } from './operand-decoder.js';
import { isOperandError, readDst, readSrc } from './operand-decoder.js';

/** Result of `decodeShader`. `diagnostics` of a successful decode holds warnings only. */
export type DecodeResult =
  | { readonly ok: true; readonly program: ShaderProgram; readonly diagnostics: Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

/** Shader models the front end knows (D3D9's, which are the ones SVGA3D defines). */
const SUPPORTED_VERSIONS: Readonly<Record<ShaderVersion['type'], readonly number[]>> = {
  vs: [0x101, 0x200, 0x201, 0x300],
  ps: [0x101, 0x102, 0x103, 0x104, 0x200, 0x201, 0x300],
};

/** Cap on diagnostics per shader, so hostile input cannot build a huge list. */
const MAX_DIAGNOSTICS = 256;

/** Parses a version token; undefined when it is not a D3D9 shader model. */
export function parseVersionToken(tok: number): ShaderVersion | undefined {
  const kind = tok >>> 16;
  const type = kind === 0xfffe ? 'vs' : kind === 0xffff ? 'ps' : undefined;
  if (type === undefined) return undefined;
  const major = (tok >>> 8) & 0xff;
  const minor = tok & 0xff;
  if (!SUPPORTED_VERSIONS[type].includes(major * 256 + minor)) return undefined;
  return { type, major, minor };
}

/** Copies the bytecode into DWORDs (little-endian for bytes). */
function toWords(bytes: Uint8Array | Uint32Array): Uint32Array {
  if (bytes instanceof Uint32Array) return bytes;
  const n = bytes.length >>> 2;
  const out = new Uint32Array(n);
  const view = new DataView(bytes.buffer, bytes.byteOffset, n * 4);
  for (let i = 0; i < n; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

class Reporter {
  readonly items: Diagnostic[] = [];
  dropped = 0;
  errors = 0;
  report(def: DiagnosticCode, message: string, word: number): void {
    if (def.severity === 'error') this.errors++;
    if (this.items.length < MAX_DIAGNOSTICS) this.items.push(diagnostic(def, message, { offset: word * 4 }));
    else this.dropped++;
  }
}

/** Number of parameter tokens an SM1 instruction has (SM1 has no length field or extra tokens). */
function sm1Length(row: OpcodeRow): number {
  switch (row.special) {
    case 'dcl': return 2;
    case 'def': case 'defi': return 5;
    case 'defb': return 2;
    case 'phase': return 0;
    default: return (row.dst !== undefined ? 1 : 0) + row.src.length;
  }
}

function f32FromBits(bits: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, bits >>> 0, true);
  return view.getFloat32(0, true);
}

/** Decodes the operands of one instruction whose tokens are words[start+1 .. end). */
function decodeBody(
  words: Uint32Array, start: number, end: number, row: OpcodeRow, version: ShaderVersion, r: Reporter,
): Instruction | undefined {
  const tok = words[start] ?? 0;
  const opcode = tok & 0xffff;
  const control = (tok >>> 16) & 0xff;
  const coissue = (tok & 0x40000000) !== 0;
  const predicated = (tok & 0x10000000) !== 0;
  const offset = start * 4;
  const c: TokenCursor = { words, pos: start + 1, end };
  const fail = (e: OperandError): undefined => {
    r.report(e.kind === 'overrun' ? ShaderDiag.LENGTH_MISMATCH : ShaderDiag.BAD_PARAMETER_TOKEN,
      `${row.mnemonic}: ${e.message}`, e.at);
    return undefined;
  };
  const finish = <T extends Instruction>(ins: T): T | undefined => {
    if (c.pos !== end) {
      r.report(ShaderDiag.LENGTH_MISMATCH,
        `${row.mnemonic}: length field says ${end - start - 1} parameter DWORDs, operands take ${c.pos - start - 1}`, start);
      return undefined;
    }
    return ins;
  };

  if (row.special === 'dcl') {
    const semAt = c.pos;
    const sem = words[c.pos];
    if (c.pos >= end || sem === undefined) return fail({ kind: 'overrun', message: 'semantic token missing', at: c.pos });
    c.pos++;
    if ((sem & 0x80000000) === 0 || (sem & 0x07f0ffe0) !== 0) {
      r.report(ShaderDiag.RESERVED_BITS, `dcl: semantic token 0x${sem.toString(16)} has reserved bits set`, semAt);
      return undefined;
    }
    const dst = readDst(c, version);
    if (isOperandError(dst)) return fail(dst);
    return finish({
      kind: 'dcl', opcode, offset, coissue, dst,
      usage: sem & 0x1f, usageIndex: (sem >>> 16) & 0xf, samplerType: (sem >>> 27) & 0xf,
    });
  }
  if (row.special === 'def' || row.special === 'defi' || row.special === 'defb') {
    const dst = readDst(c, version);
    if (isOperandError(dst)) return fail(dst);
    const count = row.special === 'defb' ? 1 : 4;
    if (c.pos + count > end) return fail({ kind: 'overrun', message: `${count} value DWORDs expected`, at: c.pos });
    const raw: number[] = [];
    for (let i = 0; i < count; i++) raw.push(words[c.pos + i] ?? 0);
    c.pos += count;
    const [a = 0, b = 0, cc = 0, d = 0] = raw;
    if (row.special === 'def') {
      return finish({
        kind: 'def', opcode, offset, coissue, dst, bits: [a, b, cc, d],
        values: [f32FromBits(a), f32FromBits(b), f32FromBits(cc), f32FromBits(d)],
      });
    }
    if (row.special === 'defi') return finish({ kind: 'defi', opcode, offset, coissue, dst, values: [a | 0, b | 0, cc | 0, d | 0] });
    return finish({ kind: 'defb', opcode, offset, coissue, dst, value: a !== 0, raw: a });
  }

  let dst: DstOperand | undefined;
  if (row.dst !== undefined) {
    const d = readDst(c, version);
    if (isOperandError(d)) return fail(d);
    dst = d;
  }
  let predicate: SrcOperand | undefined;
  if (predicated) {
    const p = readSrc(c, version, 'predicate');
    if (isOperandError(p)) return fail(p);
    predicate = p;
  }
  const src: SrcOperand[] = [];
  if (version.major >= 2) {
    while (c.pos < end && src.length < 8) {
      const s = readSrc(c, version);
      if (isOperandError(s)) return fail(s);
      src.push(s);
    }
    const counts = [row.src.length];
    if (row.srcAlt) counts.push(row.srcAlt.length);
    if (!counts.includes(src.length) || c.pos !== end) {
      r.report(ShaderDiag.LENGTH_MISMATCH,
        `${row.mnemonic}: ${src.length} source operands in ${end - start - 1} DWORDs, the table expects ${counts.join(' or ')}`, start);
      return undefined;
    }
  } else {
    for (let i = 0; i < row.src.length; i++) {
      const s = readSrc(c, version);
      if (isOperandError(s)) return fail(s);
      src.push(s);
    }
  }
  const ins: { -readonly [K in keyof OpInstruction]: OpInstruction[K] } = {
    kind: 'op', opcode, offset, coissue, control, src,
  };
  if (row.comparison) {
    const cmp = COMPARISONS[control];
    if (cmp === undefined) {
      r.report(ShaderDiag.BAD_CONTROL, `${row.mnemonic}: reserved comparison ${control}`, start);
      return undefined;
    }
    ins.comparison = cmp;
  } else if (row.texldModes) {
    const modes: (TexldMode | undefined)[] = ['texld', 'texldp', 'texldb'];
    const mode = modes[control];
    if (mode === undefined) {
      r.report(ShaderDiag.BAD_CONTROL, `texld: reserved control value ${control}`, start);
      return undefined;
    }
    ins.texldMode = mode;
  } else if (control !== 0) {
    r.report(ShaderDiag.BAD_CONTROL, `${row.mnemonic}: control bits ${control} must be 0`, start);
    return undefined;
  }
  if (predicate) ins.predicate = predicate;
  if (dst) ins.dst = dst;
  return finish(ins);
}

/**
 * Decodes D3D9 / SVGA3D shader bytecode (version token first, END token last). Bytes are read
 * little-endian; a Uint32Array is taken as DWORDs. Never throws.
 */
export function decodeShader(bytes: Uint8Array | Uint32Array): DecodeResult {
  const r = new Reporter();
  const fail = (): DecodeResult => ({ ok: false, diagnostics: r.items });
  if (bytes instanceof Uint8Array && bytes.length % 4 !== 0) {
    r.report(ShaderDiag.UNALIGNED, `bytecode length ${bytes.length} is not a multiple of 4`, 0);
    return fail();
  }
  const wordCount = bytes instanceof Uint8Array ? bytes.length / 4 : bytes.length;
  if (wordCount > MAX_SHADER_WORDS) {
    r.report(ShaderDiag.TOO_LARGE, `bytecode has ${wordCount} DWORDs, the budget is ${MAX_SHADER_WORDS} (512 KiB)`, 0);
    return fail();
  }
  const words = toWords(bytes);
  const n = words.length;
  const vtok = words[0];
  if (vtok === undefined) {
    r.report(ShaderDiag.EMPTY, 'bytecode is empty (no version token)', 0);
    return fail();
  }
  const version = parseVersionToken(vtok);
  if (version === undefined) {
    r.report(ShaderDiag.BAD_VERSION, `0x${vtok.toString(16)} is not a supported vs/ps version token`, 0);
    return fail();
  }
  const instructions: Instruction[] = [];
  const comments: CommentBlock[] = [];
  const sm2 = version.major >= 2;
  let pos = 1;
  let ended = false;
  while (pos < n) {
    const tok = words[pos] ?? 0;
    const opcode = tok & 0xffff;
    if (opcode === Opcode.END) {
      if (tok !== 0x0000ffff) r.report(ShaderDiag.RESERVED_BITS, `END token 0x${tok.toString(16)} has reserved bits set`, pos);
      pos++;
      ended = true;
      break;
    }
    if (opcode === Opcode.COMMENT) {
      const size = (tok >>> 16) & 0x7fff;
      if ((tok & 0x80000000) !== 0) r.report(ShaderDiag.RESERVED_BITS, 'comment token has bit 31 set', pos);
      if (pos + 1 + size > n) {
        r.report(ShaderDiag.COMMENT_OVERRUN, `comment of ${size} DWORDs runs past the end (${n - pos - 1} left)`, pos);
        return fail();
      }
      comments.push({ before: instructions.length, offset: pos * 4, words: Array.from(words.subarray(pos + 1, pos + 1 + size)) });
      pos += 1 + size;
      continue;
    }
    if (instructions.length >= MAX_INSTRUCTIONS) {
      r.report(ShaderDiag.TOO_MANY_INSTRUCTIONS, `more than ${MAX_INSTRUCTIONS} instructions`, pos);
      return fail();
    }
    if (opcode === Opcode.PHASE) {
      if (tok !== 0x0000fffd) r.report(ShaderDiag.RESERVED_BITS, `phase token 0x${tok.toString(16)} has reserved bits set`, pos);
      instructions.push({ kind: 'phase', opcode, offset: pos * 4, coissue: false });
      pos++;
      continue;
    }
    if ((tok & 0x80000000) !== 0) {
      r.report(ShaderDiag.BAD_PARAMETER_TOKEN, `0x${tok.toString(16)} where an instruction token was expected`, pos);
      if (!sm2) return fail();
    }
    const rows = opcodeRows(opcode);
    const row = layoutRow(opcode, version);
    let length: number;
    if (sm2) {
      length = (tok >>> 24) & 0xf;
    } else {
      if (row === undefined || rows.length === 0) {
        r.report(ShaderDiag.UNKNOWN_OPCODE, `unknown opcode ${opcode}; SM1 has no length field, decoding stops`, pos);
        return fail();
      }
      length = sm1Length(row);
      if (((tok >>> 24) & 0xf) !== 0) {
        r.report(ShaderDiag.SM1_LENGTH_FIELD, `${row.mnemonic}: SM1 instruction with length field ${(tok >>> 24) & 0xf} (ignored)`, pos);
      }
      if ((tok & 0x10000000) !== 0) r.report(ShaderDiag.PREDICATE_NOT_ALLOWED, `${row.mnemonic}: predication in SM1`, pos);
    }
    if ((tok & 0x20000000) !== 0) r.report(ShaderDiag.RESERVED_BITS, `instruction token 0x${tok.toString(16)} has bit 29 set`, pos);
    const end = pos + 1 + length;
    if (end > n) {
      r.report(ShaderDiag.INSTRUCTION_OVERRUN, `instruction of ${length} parameter DWORDs runs past the end (${n - pos - 1} left)`, pos);
      return fail();
    }
    if (row === undefined || rows.length === 0) {
      r.report(ShaderDiag.UNKNOWN_OPCODE, `unknown opcode ${opcode}`, pos);
    } else if ((tok & 0x80000000) === 0 && !(!sm2 && (tok & 0x10000000) !== 0)) {
      const ins = decodeBody(words, pos, end, row, version, r);
      if (ins) instructions.push(ins);
    }
    pos = end;
  }
  if (!ended) {
    r.report(ShaderDiag.NO_END, 'no END token (0x0000FFFF)', n);
    return fail();
  }
  if (pos < n) r.report(ShaderDiag.TRAILING_DATA, `${n - pos} DWORDs after the END token (ignored)`, pos);
  if (r.errors > 0) return fail();
  const labels = new Map<number, number>();
  instructions.forEach((ins, i) => {
    if (ins.kind === 'op' && ins.opcode === Opcode.LABEL) {
      const l = ins.src[0];
      if (l && !labels.has(l.index)) labels.set(l.index, i);
    }
  });
  return { ok: true, program: { version, instructions, comments, labels }, diagnostics: r.items };
}
