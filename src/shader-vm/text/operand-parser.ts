/**
 * Parsing of assembly operands: destinations (`r0.xy`, `o[aL + 2]`), sources (`-r1.yzxw`,
 * `c0_abs.x`, `1-t0`, `t1_dw.xyw`, `!b0`, `c3[a0.x]`, `c[a0.x + 3]`) and DEF immediates.
 * Errors are returned as strings; the assembler adds the line number.
 */

import type { DstOperand, RegisterFile, RelativeAddress, ShaderVersion, SourceModifier, SrcOperand } from '../ir/ir.js';
import { bitsFromFloat } from './format-float.js';
import { parseRegisterName } from './syntax.js';

/** A parse failure, with the reason. */
export interface ParseError {
  readonly error: string;
}

/** Whether a parse returned an error. */
export function isParseError(v: unknown): v is ParseError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

const LETTER: Readonly<Record<string, number>> = { x: 0, y: 1, z: 2, w: 3, r: 0, g: 1, b: 2, a: 3 };

/** `.xy` / `.rgb` -> write mask bits; components must be in order. */
export function parseWriteMask(text: string): number | ParseError {
  if (text.length < 1 || text.length > 4) return { error: `bad write mask '.${text}'` };
  let mask = 0;
  let last = -1;
  for (const ch of text.toLowerCase()) {
    const c = LETTER[ch];
    if (c === undefined || c <= last) return { error: `bad write mask '.${text}'` };
    mask |= 1 << c;
    last = c;
  }
  return mask;
}

/** `.x` / `.xy` / `.yzxw` / `.rgba` -> swizzle byte; a short swizzle repeats its last component. */
export function parseSwizzle(text: string): number | ParseError {
  if (text.length < 1 || text.length > 4) return { error: `bad swizzle '.${text}'` };
  const comps: number[] = [];
  for (const ch of text.toLowerCase()) {
    const c = LETTER[ch];
    if (c === undefined) return { error: `bad swizzle '.${text}'` };
    comps.push(c);
  }
  while (comps.length < 4) comps.push(comps[comps.length - 1] ?? 0);
  return comps.reduce((acc, c, i) => acc | (c << (2 * i)), 0);
}

interface RegisterRef {
  readonly file: RegisterFile;
  readonly index: number;
  readonly relative?: RelativeAddress;
}

/** Parses `name`, `name[rel]` or `name[rel + n]`; returns what is left after it. */
function parseRegisterRef(text: string, version: ShaderVersion): { ref: RegisterRef; rest: string } | ParseError {
  const m = /^([a-zA-Z]+)(\d*)/.exec(text);
  if (!m) return { error: `register expected at '${text}'` };
  const letters = m[1] ?? '';
  const digits = m[2] ?? '';
  let rest = text.slice(m[0].length);
  if (!rest.startsWith('[')) {
    const reg = parseRegisterName(letters + digits, version);
    if (!reg) return { error: `unknown register '${letters + digits}'` };
    return { ref: reg, rest };
  }
  const close = rest.indexOf(']');
  if (close < 0) return { error: `missing ']' in '${text}'` };
  const inside = rest.slice(1, close);
  rest = rest.slice(close + 1);
  let offset = digits === '' ? 0 : Number(digits);
  let rel: RelativeAddress | undefined;
  for (const rawTerm of inside.split('+')) {
    const term = rawTerm.trim();
    if (/^\d+$/.test(term)) {
      offset += Number(term);
      continue;
    }
    const t = /^(a(\d+)|aL)(?:\.([xyzwrgba]))?$/i.exec(term);
    // Index registers are named the same in every model (a0 is never t0 here).
    const reg: { file: RegisterFile; index: number } | undefined = t
      ? (t[2] !== undefined ? { file: 'addr', index: Number(t[2]) } : { file: 'loop', index: 0 })
      : undefined;
    if (!t || !reg || rel) {
      return { error: `bad relative address '[${inside}]'` };
    }
    const comp = LETTER[(t[3] ?? 'x').toLowerCase()] ?? 0;
    // a0 takes a replicate swizzle of the chosen component; aL's swizzle is irrelevant and
    // compilers write the identity.
    const swizzle = reg.file === 'loop' ? 0xe4 : comp * 0x55;
    rel = { file: reg.file, index: reg.index, swizzle, component: swizzle & 3 };
  }
  // `oPos[a0.x]`, `vFace[aL]`: named registers take no number.
  const base = parseRegisterName(`${letters}${offset}`, version) ?? (offset === 0 ? parseRegisterName(letters, version) : undefined);
  if (!base) return { error: `unknown register '${letters}${offset}'` };
  // `c4[2]` is plain c6.
  return { ref: rel ? { ...base, relative: rel } : base, rest };
}

/** Parses a destination operand; shift and saturate come from the mnemonic and are set by the caller. */
export function parseDst(text: string, version: ShaderVersion): DstOperand | ParseError {
  const r = parseRegisterRef(text.trim(), version);
  if (isParseError(r)) return r;
  let writeMask = 0xf;
  if (r.rest !== '') {
    if (!r.rest.startsWith('.')) return { error: `unexpected '${r.rest}' after destination register` };
    const m = parseWriteMask(r.rest.slice(1));
    if (isParseError(m)) return m;
    writeMask = m;
  }
  const d: DstOperand = {
    file: r.ref.file, index: r.ref.index, writeMask,
    saturate: false, partialPrecision: false, centroid: false, shift: 0,
  };
  return r.ref.relative ? { ...d, relative: r.ref.relative } : d;
}

const SUFFIX_MODIFIERS: Readonly<Record<string, SourceModifier>> = {
  bias: 'bias', bx2: 'sign', x2: 'x2', dz: 'dz', db: 'dz', dw: 'dw', da: 'dw', abs: 'abs',
};

const NEGATED: Partial<Record<SourceModifier, SourceModifier>> = {
  none: 'neg', bias: 'biasneg', sign: 'signneg', x2: 'x2neg', abs: 'absneg',
};

/** Parses a source operand with its modifier and swizzle. */
export function parseSrc(text: string, version: ShaderVersion): SrcOperand | ParseError {
  let t = text.trim().replace(/\s+/g, ' ');
  let neg = false;
  let comp = false;
  let not = false;
  if (/^1\s*-/.test(t)) {
    comp = true;
    t = t.replace(/^1\s*-\s*/, '');
  } else if (t.startsWith('-')) {
    neg = true;
    t = t.slice(1).trim();
  } else if (t.startsWith('!')) {
    not = true;
    t = t.slice(1).trim();
  }
  const r = parseRegisterRef(t, version);
  if (isParseError(r)) return r;
  let rest = r.rest;
  let suffix: SourceModifier = 'none';
  let swizzle = 0xe4;
  // fxc writes the modifier before the swizzle (`t1_dw.xyw`); accept it after as well.
  for (let guard = 0; rest !== '' && guard < 3; guard++) {
    const mod = /^_([a-zA-Z0-9]+)/.exec(rest);
    if (mod) {
      const m = SUFFIX_MODIFIERS[(mod[1] ?? '').toLowerCase()];
      if (m === undefined || suffix !== 'none') return { error: `bad source modifier '_${mod[1]}'` };
      suffix = m;
      rest = rest.slice(mod[0].length);
      continue;
    }
    const swz = /^\.([a-zA-Z]+)/.exec(rest);
    if (swz && swizzle === 0xe4) {
      const s = parseSwizzle(swz[1] ?? '');
      if (isParseError(s)) return s;
      swizzle = s;
      rest = rest.slice(swz[0].length);
      continue;
    }
    break;
  }
  if (rest !== '') return { error: `unexpected '${rest}' in source operand '${text.trim()}'` };
  let modifier: SourceModifier = suffix;
  if (neg) {
    const n = NEGATED[suffix];
    if (n === undefined) return { error: `'-' cannot combine with _${suffix}` };
    modifier = n;
  } else if (comp || not) {
    if (suffix !== 'none') return { error: `'${comp ? '1-' : '!'}' cannot combine with a suffix modifier` };
    modifier = comp ? 'comp' : 'not';
  }
  const s: SrcOperand = { file: r.ref.file, index: r.ref.index, swizzle, modifier };
  return r.ref.relative ? { ...s, relative: r.ref.relative } : s;
}

/** A DEF value: decimal or exponent float, `inf`, `nan`, MSVC's `1.#INF` / `1.#QNAN`, or raw `0x` bits. */
export function parseFloatBits(text: string): number | ParseError {
  const t = text.trim().toLowerCase();
  if (/^0x[0-9a-f]{1,8}$/.test(t)) return Number.parseInt(t.slice(2), 16) >>> 0;
  const neg = t.startsWith('-');
  const body = t.replace(/^[-+]/, '');
  // MSVC prints 1.#INF, 1.#QNAN, 1.#IND, sometimes with trailing zeros (1.#QNAN0).
  const msvc = /^1\.#(inf|qnan|snan|ind)0*$/.exec(body)?.[1];
  if (body === 'inf' || body === 'infinity' || msvc === 'inf') return neg ? 0xff800000 : 0x7f800000;
  if (body === 'nan' || msvc !== undefined) return neg ? 0xffc00000 : 0x7fc00000;
  if (!/^(\d+\.?\d*|\.\d+)(e[-+]?\d+)?f?$/.test(body)) return { error: `bad float '${text.trim()}'` };
  const v = Number(body.replace(/f$/, ''));
  return bitsFromFloat(neg ? -v : v);
}

/** A DEFI value: a signed 32-bit decimal (or 0x hex) integer. */
export function parseInt32(text: string): number | ParseError {
  const t = text.trim().toLowerCase();
  let v: number;
  if (/^-?0x[0-9a-f]{1,8}$/.test(t)) v = (t.startsWith('-') ? -1 : 1) * Number.parseInt(t.replace(/^-?0x/, ''), 16);
  else if (/^[-+]?\d{1,10}$/.test(t)) v = Number(t);
  else return { error: `bad integer '${text.trim()}'` };
  if (v < -0x80000000 || v > 0xffffffff) return { error: `integer '${text.trim()}' does not fit 32 bits` };
  return v | 0;
}
