/**
 * Decoding of parameter tokens (destination, source, relative address) into IR operands.
 * Every read is bounds-checked against the instruction's window; a problem becomes a diagnostic
 * message and the caller drops the instruction.
 */

import type { DstOperand, RelativeAddress, ShaderVersion, SrcOperand } from '../ir/ir.js';
import { SOURCE_MODIFIERS } from '../ir/ir.js';
import { registerFromType } from '../ir/registers.js';

/** A failure while reading operands: what to report, and at which token index. */
export interface OperandError {
  readonly kind: 'parameter' | 'overrun';
  readonly message: string;
  readonly at: number;
}

/** A cursor over the parameter tokens of one instruction: words[pos .. end). */
export interface TokenCursor {
  readonly words: Uint32Array;
  pos: number;
  readonly end: number;
}

/** Register type of a parameter token: bits 28–30 low, bits 11–12 high. */
export function tokenRegisterType(tok: number): number {
  return ((tok >>> 28) & 7) | ((tok >>> 8) & 0x18);
}

/** The a0.x that SM1 relative addressing (and SM2 destinations) imply without a token. */
export const IMPLICIT_A0_X: RelativeAddress = { file: 'addr', index: 0, swizzle: 0, component: 0 };

function hex(v: number): string {
  return `0x${(v >>> 0).toString(16).padStart(8, '0')}`;
}

function next(c: TokenCursor, what: string): number | OperandError {
  if (c.pos >= c.end) return { kind: 'overrun', message: `${what} token missing: instruction ends at DWORD ${c.end}`, at: c.pos };
  const v = c.words[c.pos];
  if (v === undefined) return { kind: 'overrun', message: `${what} token past the end of the bytecode`, at: c.pos };
  c.pos++;
  return v;
}

function readRelative(c: TokenCursor, version: ShaderVersion): RelativeAddress | OperandError {
  const at = c.pos;
  const tok = next(c, 'relative-address');
  if (typeof tok !== 'number') return tok;
  // Layout of a source token; everything but type, number and swizzle must be zero.
  if ((tok & 0x80000000) === 0 || (tok & 0x0f00e000) !== 0) {
    return { kind: 'parameter', message: `relative-address token ${hex(tok)} has reserved bits set`, at };
  }
  // Only a0 (type 3, even in pixel shaders, where type 3 otherwise means t#) and aL (15) index.
  const type = tokenRegisterType(tok);
  if (type !== 3 && type !== 15) {
    return { kind: 'parameter', message: `relative-address token ${hex(tok)} names register type ${type}, not a0 or aL`, at };
  }
  const swizzle = (tok >>> 16) & 0xff;
  return { file: type === 3 ? 'addr' : 'loop', index: tok & 0x7ff, swizzle, component: swizzle & 3 };
}

/** Reads a destination parameter token (and its relative token in SM3). */
export function readDst(c: TokenCursor, version: ShaderVersion): DstOperand | OperandError {
  const at = c.pos;
  const tok = next(c, 'destination');
  if (typeof tok !== 'number') return tok;
  if ((tok & 0x80000000) === 0) return { kind: 'parameter', message: `destination token ${hex(tok)} lacks bit 31`, at };
  if ((tok & 0x0000c000) !== 0 || (tok & 0x00800000) !== 0) {
    return { kind: 'parameter', message: `destination token ${hex(tok)} has reserved bits set`, at };
  }
  const reg = registerFromType(tokenRegisterType(tok), tok & 0x7ff, version);
  const mods = (tok >>> 20) & 0xf;
  const rawShift = (tok >>> 24) & 0xf;
  const base = {
    file: reg.file,
    index: reg.index,
    writeMask: (tok >>> 16) & 0xf,
    saturate: (mods & 1) !== 0,
    partialPrecision: (mods & 2) !== 0,
    centroid: (mods & 4) !== 0,
    shift: rawShift >= 8 ? rawShift - 16 : rawShift,
  };
  if ((tok & 0x2000) === 0) return base;
  // Only SM3 destinations carry a relative token; earlier models imply a0.x (and forbid it).
  if (version.major < 3) return { ...base, relative: IMPLICIT_A0_X };
  const rel = readRelative(c, version);
  if (isOperandError(rel)) return rel;
  return { ...base, relative: rel };
}

/** Reads a source parameter token (and its relative token in SM2+). */
export function readSrc(c: TokenCursor, version: ShaderVersion, what = 'source'): SrcOperand | OperandError {
  const at = c.pos;
  const tok = next(c, what);
  if (typeof tok !== 'number') return tok;
  if ((tok & 0x80000000) === 0) return { kind: 'parameter', message: `${what} token ${hex(tok)} lacks bit 31`, at };
  if ((tok & 0x0000c000) !== 0) return { kind: 'parameter', message: `${what} token ${hex(tok)} has reserved bits set`, at };
  const modifier = SOURCE_MODIFIERS[(tok >>> 24) & 0xf];
  if (modifier === undefined) {
    return { kind: 'parameter', message: `${what} token ${hex(tok)} has reserved source modifier ${(tok >>> 24) & 0xf}`, at };
  }
  const reg = registerFromType(tokenRegisterType(tok), tok & 0x7ff, version);
  const base = { file: reg.file, index: reg.index, swizzle: (tok >>> 16) & 0xff, modifier };
  if ((tok & 0x2000) === 0) return base;
  if (version.major < 2) return { ...base, relative: IMPLICIT_A0_X };
  const rel = readRelative(c, version);
  if (isOperandError(rel)) return rel;
  return { ...base, relative: rel };
}

/** Whether a read produced an error rather than an operand. */
export function isOperandError(v: object): v is OperandError {
  return 'message' in v && 'at' in v;
}
