/**
 * Assembly text -> bytecode, for the syntax the disassembler prints and fxc listings (whose `//`
 * header, constant table and slot count are comments). Also takes `;` and `/* *\/` comments,
 * `rgba` component letters, `c[a0.x + n]` relative addressing and MSVC float spellings.
 *
 * Comment blocks: the text form carries none, so assembled bytecode has no CTAB; compared with
 * fxc output it differs only by the missing comment blocks.
 *
 * By default the result is also validated (`validateShader`), so a shader that assembles is a
 * shader the VM accepts; `{ validate: false }` gives the raw encoding for tests of bad input.
 */

import type { Diagnostic } from '../../common/diagnostics.js';
import { diagnostic } from '../../common/diagnostics.js';
import type { DstOperand, Instruction, OpInstruction, ShaderProgram, ShaderVersion, SrcOperand, TexldMode } from '../ir/ir.js';
import { COMPARISONS } from '../ir/ir.js';
import type { OpcodeRow } from '../ir/opcodes.js';
import { Opcode, opcodeRows, rowAllowsVersion, rowsByMnemonic } from '../ir/opcodes.js';
import { encodeShader } from '../encode/encoder.js';
import { ShaderDiag } from '../shader-diagnostics.js';
import { validateShader } from '../validate/validator.js';
import type { ParseError } from './operand-parser.js';
import { isParseError, parseDst, parseFloatBits, parseInt32, parseSrc } from './operand-parser.js';
import { floatFromBits } from './format-float.js';
import { SAMPLER_TYPE_NAMES, USAGE_NAMES } from './syntax.js';

/** Result of `assemble`. */
export type AssembleResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly program: ShaderProgram }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

/** Options of `assemble`. */
export interface AssembleOptions {
  /** Run the validator on the result and fail on its errors (default true). */
  readonly validate?: boolean;
}

/** Removes `//`, `;` and block comments, keeping line numbers. */
function stripComments(text: string): string[] {
  const noBlocks = text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '));
  return noBlocks.split(/\r?\n/).map((l) => l.replace(/(\/\/|;).*$/, '').trim());
}

/** Parses `vs_2_0`, `ps_2_x`, `ps_1_4`. */
export function parseVersionName(text: string): ShaderVersion | undefined {
  const m = /^(vs|ps)[._](\d)[._](\d|x)$/i.exec(text.trim());
  if (!m) return undefined;
  const type = (m[1] ?? '').toLowerCase() === 'vs' ? 'vs' : 'ps';
  const major = Number(m[2]);
  const minor = (m[3] ?? '').toLowerCase() === 'x' ? 1 : Number(m[3]);
  if (major === 2 && m[3] === '1') return undefined;
  const ok = type === 'vs' ? [0x101, 0x200, 0x201, 0x300] : [0x101, 0x102, 0x103, 0x104, 0x200, 0x201, 0x300];
  return ok.includes(major * 256 + minor) ? { type, major, minor } : undefined;
}

/** Splits operands on commas that are not inside brackets. */
function splitOperands(text: string): string[] {
  if (text.trim() === '') return [];
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '[') depth++;
    if (ch === ']') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

interface DstMods {
  saturate: boolean;
  partialPrecision: boolean;
  centroid: boolean;
  shift: number;
}

/** Applies a mnemonic suffix (`sat`, `pp`, `centroid`, `x2`, `d4`) to `mods`; false if it is none of them. */
function applyDstSuffix(part: string, mods: DstMods): boolean {
  // Each modifier at most once (`mov_x2_x2` is an error, as in D3D's assembler).
  if (part === 'sat') return !mods.saturate && (mods.saturate = true);
  if (part === 'pp') return !mods.partialPrecision && (mods.partialPrecision = true);
  if (part === 'centroid') return !mods.centroid && (mods.centroid = true);
  const m = /^([xd])(\d+)$/.exec(part);
  const n = m ? Number(m[2]) : 0;
  const log = Math.log2(n);
  if (!m || !Number.isInteger(log) || log < 1 || log > 8 || (m[1] === 'x' && log > 7) || mods.shift !== 0) return false;
  mods.shift = m[1] === 'x' ? log : -log;
  return true;
}

function withMods(d: DstOperand, mods: DstMods): DstOperand {
  return { ...d, ...mods };
}

/** Picks the table row for a base mnemonic in a version: an allowed row first, else any row of it. */
function pickRow(base: string, version: ShaderVersion, hasComparison: boolean): OpcodeRow | undefined {
  let rows = rowsByMnemonic(base);
  if (base === 'if' || base === 'break') rows = rows.filter((r) => (r.comparison ?? false) === hasComparison);
  const allowed = rows.find((r) => rowAllowsVersion(r, version));
  if (allowed) return allowed;
  // `tex` in ps_2_0 means texld, `texcoord` in ps_1_4 means texcrd: same opcode, other row.
  for (const r of rows) {
    const sibling = opcodeRows(r.opcode).find((x) => rowAllowsVersion(x, version));
    if (sibling) return sibling;
  }
  return rows[0];
}

type LineResult = Instruction | ParseError;

function parseDclLine(parts: string[], operands: string[], version: ShaderVersion): LineResult {
  const mods: DstMods = { saturate: false, partialPrecision: false, centroid: false, shift: 0 };
  let usage = 0;
  let usageIndex = 0;
  let samplerType = 0;
  for (const part of parts) {
    if (applyDstSuffix(part, mods)) continue;
    const st = SAMPLER_TYPE_NAMES.indexOf(part);
    if (st > 0) {
      samplerType = st;
      continue;
    }
    const u = /^([a-z]+)(\d*)$/.exec(part);
    const ui = u ? USAGE_NAMES.indexOf(u[1] ?? '') : -1;
    if (!u || ui < 0) return { error: `unknown dcl usage or type '_${part}'` };
    usage = ui;
    usageIndex = u[2] === '' ? 0 : Number(u[2]);
    if (usageIndex > 15) return { error: `usage index ${usageIndex} exceeds 15` };
  }
  if (operands.length !== 1 || operands[0] === undefined) return { error: 'dcl takes one register' };
  const d = parseDst(operands[0], version);
  if (isParseError(d)) return d;
  return { kind: 'dcl', opcode: Opcode.DCL, offset: -1, coissue: false, usage, usageIndex, samplerType, dst: withMods(d, mods) };
}

function parseDefLine(base: 'def' | 'defi' | 'defb', parts: string[], operands: string[], version: ShaderVersion): LineResult {
  const count = base === 'defb' ? 2 : 5;
  if (operands.length !== count) return { error: `${base} takes ${count} operands` };
  const parsed = parseDst(operands[0] ?? '', version);
  if (isParseError(parsed)) return parsed;
  // Modifiers are invalid on constants, but kept so that such bytecode still disassembles and
  // re-assembles to itself.
  const mods: DstMods = { saturate: false, partialPrecision: false, centroid: false, shift: 0 };
  for (const part of parts) if (!applyDstSuffix(part, mods)) return { error: `unknown modifier '_${part}' on ${base}` };
  const d = withMods(parsed, mods);
  const common = { offset: -1, coissue: false, dst: d } as const;
  if (base === 'defb') {
    const t = (operands[1] ?? '').toLowerCase();
    if (t !== 'true' && t !== 'false' && t !== '1' && t !== '0') return { error: `bad boolean '${operands[1]}'` };
    const value = t === 'true' || t === '1';
    return { kind: 'defb', opcode: Opcode.DEFB, ...common, value, raw: value ? 1 : 0 };
  }
  const vals: number[] = [];
  for (const o of operands.slice(1)) {
    const v = base === 'def' ? parseFloatBits(o) : parseInt32(o);
    if (isParseError(v)) return v;
    vals.push(v);
  }
  const [a = 0, b = 0, c = 0, e = 0] = vals;
  if (base === 'defi') return { kind: 'defi', opcode: Opcode.DEFI, ...common, values: [a, b, c, e] };
  return {
    kind: 'def', opcode: Opcode.DEF, ...common, bits: [a, b, c, e],
    values: [floatFromBits(a), floatFromBits(b), floatFromBits(c), floatFromBits(e)],
  };
}

/** Parses one instruction line (comments already removed, not empty, not the version line). */
function parseLine(line: string, version: ShaderVersion): LineResult {
  let rest = line;
  let coissue = false;
  if (rest.startsWith('+')) {
    coissue = true;
    rest = rest.slice(1).trim();
  }
  let predicate: SrcOperand | undefined;
  if (rest.startsWith('(')) {
    const close = rest.indexOf(')');
    if (close < 0) return { error: "missing ')' after predicate" };
    const p = parseSrc(rest.slice(1, close), version);
    if (isParseError(p)) return p;
    predicate = p;
    rest = rest.slice(close + 1).trim();
  }
  const sp = /^(\S+)\s*(.*)$/.exec(rest);
  if (!sp) return { error: 'instruction expected' };
  const [base = '', ...parts] = (sp[1] ?? '').toLowerCase().split('_');
  const operands = splitOperands(sp[2] ?? '');
  let ins: LineResult;
  if (base === 'dcl') ins = parseDclLine(parts, operands, version);
  else if (base === 'def' || base === 'defi' || base === 'defb') ins = parseDefLine(base, parts, operands, version);
  else if (base === 'phase' && parts.length === 0 && operands.length === 0) ins = { kind: 'phase', opcode: Opcode.PHASE, offset: -1, coissue: false };
  else ins = parseOpLine(base, parts, operands, version, predicate);
  if (isParseError(ins)) return ins;
  if (ins.kind !== 'op' && predicate) return { error: `${base} cannot be predicated` };
  return coissue ? { ...ins, coissue: true } : ins;
}

function parseOpLine(
  base: string, parts: string[], operands: string[], version: ShaderVersion, predicate: SrcOperand | undefined,
): LineResult {
  let control = 0;
  let texMode: TexldMode | undefined;
  let name = base;
  if (base === 'texldp' || base === 'texldb') {
    texMode = base;
    control = base === 'texldp' ? 1 : 2;
    name = 'texld';
  }
  const mods: DstMods = { saturate: false, partialPrecision: false, centroid: false, shift: 0 };
  let cmp = 0;
  for (const part of parts) {
    const c = COMPARISONS.indexOf(part as never);
    if (c > 0 && cmp === 0 && (name === 'if' || name === 'break' || name === 'setp')) {
      cmp = c;
      continue;
    }
    if (!applyDstSuffix(part, mods)) return { error: `unknown instruction modifier '_${part}' on ${base}` };
  }
  const row = pickRow(name, version, cmp !== 0);
  if (!row) return { error: `unknown instruction '${base}'` };
  if (row.comparison) {
    if (cmp === 0) return { error: `${name} needs a comparison suffix (_gt, _lt, ...)` };
    control = cmp;
  } else if (cmp !== 0) return { error: `${name} takes no comparison` };
  if (texMode && !row.texldModes) return { error: `${base} is not available in this shader model` };
  const want = (row.dst !== undefined ? 1 : 0);
  const srcCounts = [row.src.length, ...(row.srcAlt ? [row.srcAlt.length] : [])];
  const nSrc = operands.length - want;
  if (nSrc < 0 || !srcCounts.includes(nSrc)) {
    return { error: `${base} takes ${srcCounts.map((n) => n + want).join(' or ')} operands, got ${operands.length}` };
  }
  let dst: DstOperand | undefined;
  if (row.dst !== undefined) {
    const d = parseDst(operands[0] ?? '', version);
    if (isParseError(d)) return d;
    dst = withMods(d, mods);
  } else if (mods.saturate || mods.partialPrecision || mods.centroid || mods.shift !== 0) {
    return { error: `${base} has no destination for modifiers` };
  }
  const src: SrcOperand[] = [];
  for (const o of operands.slice(want)) {
    const s = parseSrc(o, version);
    if (isParseError(s)) return s;
    src.push(s);
  }
  const ins: { -readonly [K in keyof OpInstruction]: OpInstruction[K] } = {
    kind: 'op', opcode: row.opcode, offset: -1, coissue: false, control, src,
  };
  if (row.comparison) {
    const c = COMPARISONS[control];
    if (c) ins.comparison = c;
  }
  if (row.texldModes) ins.texldMode = texMode ?? 'texld';
  if (dst) ins.dst = dst;
  if (predicate) ins.predicate = predicate;
  return ins;
}

/** Assembles D3D9 shader assembly text into bytecode. Never throws. */
export function assemble(text: string, options: AssembleOptions = {}): AssembleResult {
  const diagnostics: Diagnostic[] = [];
  const lines = stripComments(text);
  let version: ShaderVersion | undefined;
  const instructions: Instruction[] = [];
  for (let i = 0; i < lines.length && diagnostics.length < 100; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    if (version === undefined) {
      version = parseVersionName(line);
      if (!version) {
        diagnostics.push(diagnostic(ShaderDiag.ASM_VERSION, `line ${i + 1}: shader version (vs_2_0, ps_3_0, ...) expected, got '${line}'`));
        break;
      }
      continue;
    }
    const r = parseLine(line, version);
    if (isParseError(r)) {
      const unknown = r.error.startsWith('unknown instruction');
      diagnostics.push(diagnostic(unknown ? ShaderDiag.ASM_UNKNOWN_MNEMONIC : ShaderDiag.ASM_OPERAND, `line ${i + 1}: ${r.error}`));
    } else instructions.push(r);
  }
  if (version === undefined && diagnostics.length === 0) {
    diagnostics.push(diagnostic(ShaderDiag.ASM_VERSION, 'no shader version line'));
  }
  if (diagnostics.length > 0 || version === undefined) return { ok: false, diagnostics };
  const labels = new Map<number, number>();
  instructions.forEach((ins, i) => {
    const l = ins.kind === 'op' && ins.opcode === Opcode.LABEL ? ins.src[0] : undefined;
    if (l && !labels.has(l.index)) labels.set(l.index, i);
  });
  const program: ShaderProgram = { version, instructions, comments: [], labels };
  const enc = encodeShader(program);
  if (!enc.ok) return { ok: false, diagnostics: enc.diagnostics };
  if (options.validate ?? true) {
    const v = validateShader(enc.bytes);
    if (!v.ok) return { ok: false, diagnostics: v.diagnostics };
  }
  return { ok: true, bytes: enc.bytes, program };
}
