/**
 * The one opcode table of the shader VM. It drives decoding (operand layout, SM1 lengths),
 * validation (which shader models allow what) and printing/assembling (mnemonics).
 *
 * An opcode may have several rows when its operands or mnemonic change between shader models
 * (TEX is `tex t#` in ps_1_1–1_3, `texld r#, t#` in ps_1_4 and `texld d, s, s#` from ps_2_0;
 * SINCOS loses its two constant operands in SM3). Version ranges are inclusive and use
 * `versionNumber` (major·256 + minor; the `_2_x` profiles are minor 1).
 */

import type { ShaderVersion } from './ir.js';
import { versionNumber } from './ir.js';

/** Opcode numbers (D3DSIO / SVGA3DOP values). */
export const Opcode = {
  NOP: 0, MOV: 1, ADD: 2, SUB: 3, MAD: 4, MUL: 5, RCP: 6, RSQ: 7, DP3: 8, DP4: 9, MIN: 10, MAX: 11,
  SLT: 12, SGE: 13, EXP: 14, LOG: 15, LIT: 16, DST: 17, LRP: 18, FRC: 19,
  M4x4: 20, M4x3: 21, M3x4: 22, M3x3: 23, M3x2: 24,
  CALL: 25, CALLNZ: 26, LOOP: 27, RET: 28, ENDLOOP: 29, LABEL: 30, DCL: 31, POW: 32, CRS: 33,
  SGN: 34, ABS: 35, NRM: 36, SINCOS: 37, REP: 38, ENDREP: 39, IF: 40, IFC: 41, ELSE: 42, ENDIF: 43,
  BREAK: 44, BREAKC: 45, MOVA: 46, DEFB: 47, DEFI: 48,
  TEXCOORD: 64, TEXKILL: 65, TEX: 66, TEXBEM: 67, TEXBEML: 68, TEXREG2AR: 69, TEXREG2GB: 70,
  TEXM3x2PAD: 71, TEXM3x2TEX: 72, TEXM3x3PAD: 73, TEXM3x3TEX: 74, RESERVED0: 75,
  TEXM3x3SPEC: 76, TEXM3x3VSPEC: 77, EXPP: 78, LOGP: 79, CND: 80, DEF: 81, TEXREG2RGB: 82,
  TEXDP3TEX: 83, TEXM3x2DEPTH: 84, TEXDP3: 85, TEXM3x3: 86, TEXDEPTH: 87, CMP: 88, BEM: 89,
  DP2ADD: 90, DSX: 91, DSY: 92, TEXLDD: 93, SETP: 94, TEXLDL: 95, BREAKP: 96,
  PHASE: 0xfffd, COMMENT: 0xfffe, END: 0xffff,
} as const;

/**
 * What a source operand must be:
 * - `src`: any readable register of the model;
 * - `label`: l#; `loop`: aL; `int`: i#; `bool`: b#; `cond`: b# or p0 (with an optional `!`);
 *   `pred`: p0; `sampler`: s#.
 */
export type SrcKind = 'src' | 'label' | 'loop' | 'int' | 'bool' | 'cond' | 'pred' | 'sampler';

/**
 * What the destination must be: `dst` any writable register; `pred` p0 (setp); `addr` a0 (mova);
 * `texture` t# (ps_1_1–1_3 texture-address instructions); `decl` a declared register (DCL);
 * `float-const` / `int-const` / `bool-const` for DEF / DEFI / DEFB.
 */
export type DstKind = 'dst' | 'pred' | 'addr' | 'texture' | 'decl' | 'float-const' | 'int-const' | 'bool-const';

/** The encoding shapes that are not plain dst + sources. */
export type SpecialForm = 'dcl' | 'def' | 'defi' | 'defb' | 'phase';

/** Flow-control role of an instruction. */
export type FlowRole =
  | 'if' | 'ifc' | 'else' | 'endif' | 'loop' | 'endloop' | 'rep' | 'endrep'
  | 'break' | 'breakc' | 'breakp' | 'call' | 'callnz' | 'ret' | 'label';

/** An inclusive range of `versionNumber` values. */
export type VersionRange = readonly [number, number];

/** One row of the table. */
export interface OpcodeRow {
  readonly opcode: number;
  /** Base mnemonic. IFC/BREAKC/SETP print `_<comparison>` after it; TEX prints texldp/texldb. */
  readonly mnemonic: string;
  readonly dst?: DstKind;
  readonly src: readonly SrcKind[];
  /** A second accepted source list (SGN in vs_3_0: 1 source per vkd3d/Wine, 3 per Microsoft). */
  readonly srcAlt?: readonly SrcKind[];
  readonly special?: SpecialForm;
  readonly flow?: FlowRole;
  /** Versions allowed in vertex / pixel shaders; absent = not allowed. */
  readonly vs?: VersionRange;
  readonly ps?: VersionRange;
  /** Control bits carry a comparison (IFC, BREAKC, SETP). */
  readonly comparison?: boolean;
  /** Control bits carry the texld mode (TEX in ps_2_0+). */
  readonly texldModes?: boolean;
  /** Reads a single component from each float source (RCP, RSQ, EXP, LOG, EXPP, LOGP, POW, SINCOS src0). */
  readonly scalar?: boolean;
  /** ps_1_x texture-addressing instruction (must come before arithmetic in its phase). */
  readonly texAddress?: boolean;
}

const V11 = 0x101;
const V20 = 0x200;
const V2X = 0x201;
const V30 = 0x300;
const P11 = 0x101;
const P12 = 0x102;
const P13 = 0x103;
const P14 = 0x104;
const ALL: VersionRange = [0x101, V30];
const SM2: VersionRange = [V20, V30];
const SM2X: VersionRange = [V2X, V30];
const ONLY_SM2: VersionRange = [V20, V2X];
const ONLY_3: VersionRange = [V30, V30];
const PS1: VersionRange = [P11, P13];

type RowSpec = Omit<OpcodeRow, 'opcode' | 'mnemonic' | 'src'> & { src?: readonly SrcKind[] };

function row(opcode: number, mnemonic: string, spec: RowSpec): OpcodeRow {
  return { opcode, mnemonic, src: spec.src ?? [], ...spec };
}

const S1: readonly SrcKind[] = ['src'];
const S2: readonly SrcKind[] = ['src', 'src'];
const S3: readonly SrcKind[] = ['src', 'src', 'src'];

/** Every opcode row. Order does not matter; look-ups go through the indexes below. */
export const OPCODE_TABLE: readonly OpcodeRow[] = [
  row(Opcode.NOP, 'nop', { vs: ALL, ps: ALL }),
  row(Opcode.MOV, 'mov', { dst: 'dst', src: S1, vs: ALL, ps: ALL }),
  row(Opcode.ADD, 'add', { dst: 'dst', src: S2, vs: ALL, ps: ALL }),
  row(Opcode.SUB, 'sub', { dst: 'dst', src: S2, vs: ALL, ps: ALL }),
  row(Opcode.MAD, 'mad', { dst: 'dst', src: S3, vs: ALL, ps: ALL }),
  row(Opcode.MUL, 'mul', { dst: 'dst', src: S2, vs: ALL, ps: ALL }),
  row(Opcode.RCP, 'rcp', { dst: 'dst', src: S1, vs: ALL, ps: SM2, scalar: true }),
  row(Opcode.RSQ, 'rsq', { dst: 'dst', src: S1, vs: ALL, ps: SM2, scalar: true }),
  row(Opcode.DP3, 'dp3', { dst: 'dst', src: S2, vs: ALL, ps: ALL }),
  row(Opcode.DP4, 'dp4', { dst: 'dst', src: S2, vs: ALL, ps: [P12, V30] }),
  row(Opcode.MIN, 'min', { dst: 'dst', src: S2, vs: ALL, ps: SM2 }),
  row(Opcode.MAX, 'max', { dst: 'dst', src: S2, vs: ALL, ps: SM2 }),
  row(Opcode.SLT, 'slt', { dst: 'dst', src: S2, vs: ALL }),
  row(Opcode.SGE, 'sge', { dst: 'dst', src: S2, vs: ALL }),
  row(Opcode.EXP, 'exp', { dst: 'dst', src: S1, vs: ALL, ps: SM2, scalar: true }),
  row(Opcode.LOG, 'log', { dst: 'dst', src: S1, vs: ALL, ps: SM2, scalar: true }),
  row(Opcode.LIT, 'lit', { dst: 'dst', src: S1, vs: ALL }),
  row(Opcode.DST, 'dst', { dst: 'dst', src: S2, vs: ALL }),
  row(Opcode.LRP, 'lrp', { dst: 'dst', src: S3, vs: SM2, ps: ALL }),
  row(Opcode.FRC, 'frc', { dst: 'dst', src: S1, vs: ALL, ps: SM2 }),
  row(Opcode.M4x4, 'm4x4', { dst: 'dst', src: S2, vs: ALL, ps: SM2 }),
  row(Opcode.M4x3, 'm4x3', { dst: 'dst', src: S2, vs: ALL, ps: SM2 }),
  row(Opcode.M3x4, 'm3x4', { dst: 'dst', src: S2, vs: ALL, ps: SM2 }),
  row(Opcode.M3x3, 'm3x3', { dst: 'dst', src: S2, vs: ALL, ps: SM2 }),
  row(Opcode.M3x2, 'm3x2', { dst: 'dst', src: S2, vs: ALL, ps: SM2 }),
  row(Opcode.CALL, 'call', { src: ['label'], flow: 'call', vs: SM2, ps: SM2X }),
  row(Opcode.CALLNZ, 'callnz', { src: ['label', 'cond'], flow: 'callnz', vs: SM2, ps: SM2X }),
  row(Opcode.LOOP, 'loop', { src: ['loop', 'int'], flow: 'loop', vs: SM2, ps: ONLY_3 }),
  row(Opcode.RET, 'ret', { flow: 'ret', vs: SM2, ps: SM2X }),
  row(Opcode.ENDLOOP, 'endloop', { flow: 'endloop', vs: SM2, ps: ONLY_3 }),
  row(Opcode.LABEL, 'label', { src: ['label'], flow: 'label', vs: SM2, ps: SM2X }),
  row(Opcode.DCL, 'dcl', { dst: 'decl', special: 'dcl', vs: ALL, ps: SM2 }),
  row(Opcode.POW, 'pow', { dst: 'dst', src: S2, vs: SM2, ps: SM2, scalar: true }),
  row(Opcode.CRS, 'crs', { dst: 'dst', src: S2, vs: SM2, ps: SM2 }),
  row(Opcode.SGN, 'sgn', { dst: 'dst', src: S3, vs: ONLY_SM2 }),
  row(Opcode.SGN, 'sgn', { dst: 'dst', src: S1, srcAlt: S3, vs: ONLY_3 }),
  row(Opcode.ABS, 'abs', { dst: 'dst', src: S1, vs: SM2, ps: SM2 }),
  row(Opcode.NRM, 'nrm', { dst: 'dst', src: S1, vs: SM2, ps: SM2 }),
  row(Opcode.SINCOS, 'sincos', { dst: 'dst', src: S3, vs: ONLY_SM2, ps: ONLY_SM2, scalar: true }),
  row(Opcode.SINCOS, 'sincos', { dst: 'dst', src: S1, vs: ONLY_3, ps: ONLY_3, scalar: true }),
  row(Opcode.REP, 'rep', { src: ['int'], flow: 'rep', vs: SM2, ps: SM2X }),
  row(Opcode.ENDREP, 'endrep', { flow: 'endrep', vs: SM2, ps: SM2X }),
  row(Opcode.IF, 'if', { src: ['cond'], flow: 'if', vs: SM2, ps: SM2X }),
  row(Opcode.IFC, 'if', { src: S2, flow: 'ifc', comparison: true, vs: SM2X, ps: SM2X }),
  row(Opcode.ELSE, 'else', { flow: 'else', vs: SM2, ps: SM2X }),
  row(Opcode.ENDIF, 'endif', { flow: 'endif', vs: SM2, ps: SM2X }),
  row(Opcode.BREAK, 'break', { flow: 'break', vs: SM2X, ps: SM2X }),
  row(Opcode.BREAKC, 'break', { src: S2, flow: 'breakc', comparison: true, vs: SM2X, ps: SM2X }),
  row(Opcode.MOVA, 'mova', { dst: 'addr', src: S1, vs: SM2 }),
  // Microsoft lists DEFB/DEFI from ps_2_x; Wine notes native runtimes also take them in ps_2_0.
  row(Opcode.DEFB, 'defb', { dst: 'bool-const', special: 'defb', vs: SM2, ps: SM2 }),
  row(Opcode.DEFI, 'defi', { dst: 'int-const', special: 'defi', vs: SM2, ps: SM2 }),
  row(Opcode.TEXCOORD, 'texcoord', { dst: 'texture', ps: PS1, texAddress: true }),
  row(Opcode.TEXCOORD, 'texcrd', { dst: 'dst', src: S1, ps: [P14, P14], texAddress: true }),
  row(Opcode.TEXKILL, 'texkill', { dst: 'texture', ps: PS1, texAddress: true }),
  row(Opcode.TEXKILL, 'texkill', { dst: 'dst', ps: [P14, V30], texAddress: true }),
  row(Opcode.TEX, 'tex', { dst: 'texture', ps: PS1, texAddress: true }),
  row(Opcode.TEX, 'texld', { dst: 'dst', src: S1, ps: [P14, P14], texAddress: true }),
  row(Opcode.TEX, 'texld', { dst: 'dst', src: ['src', 'sampler'], ps: SM2, texldModes: true }),
  row(Opcode.TEXBEM, 'texbem', { dst: 'texture', src: S1, ps: PS1, texAddress: true }),
  row(Opcode.TEXBEML, 'texbeml', { dst: 'texture', src: S1, ps: PS1, texAddress: true }),
  row(Opcode.TEXREG2AR, 'texreg2ar', { dst: 'texture', src: S1, ps: PS1, texAddress: true }),
  row(Opcode.TEXREG2GB, 'texreg2gb', { dst: 'texture', src: S1, ps: PS1, texAddress: true }),
  row(Opcode.TEXM3x2PAD, 'texm3x2pad', { dst: 'texture', src: S1, ps: PS1, texAddress: true }),
  row(Opcode.TEXM3x2TEX, 'texm3x2tex', { dst: 'texture', src: S1, ps: PS1, texAddress: true }),
  row(Opcode.TEXM3x3PAD, 'texm3x3pad', { dst: 'texture', src: S1, ps: PS1, texAddress: true }),
  row(Opcode.TEXM3x3TEX, 'texm3x3tex', { dst: 'texture', src: S1, ps: PS1, texAddress: true }),
  row(Opcode.TEXM3x3SPEC, 'texm3x3spec', { dst: 'texture', src: S2, ps: PS1, texAddress: true }),
  row(Opcode.TEXM3x3VSPEC, 'texm3x3vspec', { dst: 'texture', src: S1, ps: PS1, texAddress: true }),
  row(Opcode.EXPP, 'expp', { dst: 'dst', src: S1, vs: ALL, scalar: true }),
  row(Opcode.LOGP, 'logp', { dst: 'dst', src: S1, vs: ALL, scalar: true }),
  row(Opcode.CND, 'cnd', { dst: 'dst', src: S3, ps: [P11, P14] }),
  row(Opcode.DEF, 'def', { dst: 'float-const', special: 'def', vs: ALL, ps: ALL }),
  row(Opcode.TEXREG2RGB, 'texreg2rgb', { dst: 'texture', src: S1, ps: [P12, P13], texAddress: true }),
  row(Opcode.TEXDP3TEX, 'texdp3tex', { dst: 'texture', src: S1, ps: [P12, P13], texAddress: true }),
  row(Opcode.TEXM3x2DEPTH, 'texm3x2depth', { dst: 'texture', src: S1, ps: [P13, P13], texAddress: true }),
  row(Opcode.TEXDP3, 'texdp3', { dst: 'texture', src: S1, ps: [P12, P13], texAddress: true }),
  row(Opcode.TEXM3x3, 'texm3x3', { dst: 'texture', src: S1, ps: [P12, P13], texAddress: true }),
  row(Opcode.TEXDEPTH, 'texdepth', { dst: 'dst', ps: [P14, P14], texAddress: true }),
  row(Opcode.CMP, 'cmp', { dst: 'dst', src: S3, ps: [P12, V30] }),
  row(Opcode.BEM, 'bem', { dst: 'dst', src: S2, ps: [P14, P14] }),
  row(Opcode.DP2ADD, 'dp2add', { dst: 'dst', src: S3, ps: SM2 }),
  row(Opcode.DSX, 'dsx', { dst: 'dst', src: S1, ps: SM2X }),
  row(Opcode.DSY, 'dsy', { dst: 'dst', src: S1, ps: SM2X }),
  row(Opcode.TEXLDD, 'texldd', { dst: 'dst', src: ['src', 'sampler', 'src', 'src'], ps: SM2X }),
  row(Opcode.SETP, 'setp', { dst: 'pred', src: S2, comparison: true, vs: SM2X, ps: SM2X }),
  row(Opcode.TEXLDL, 'texldl', { dst: 'dst', src: ['src', 'sampler'], vs: ONLY_3, ps: ONLY_3 }),
  row(Opcode.BREAKP, 'breakp', { src: ['pred'], flow: 'breakp', vs: SM2X, ps: SM2X }),
  row(Opcode.PHASE, 'phase', { special: 'phase', ps: [P14, P14] }),
];

const byOpcode = new Map<number, OpcodeRow[]>();
const byMnemonic = new Map<string, OpcodeRow[]>();
for (const r of OPCODE_TABLE) {
  const a = byOpcode.get(r.opcode);
  if (a) a.push(r);
  else byOpcode.set(r.opcode, [r]);
  const b = byMnemonic.get(r.mnemonic);
  if (b) b.push(r);
  else byMnemonic.set(r.mnemonic, [r]);
}

function inRange(range: VersionRange | undefined, n: number): boolean {
  return range !== undefined && n >= range[0] && n <= range[1];
}

/** Whether `row` is allowed in shader model `version`. */
export function rowAllowsVersion(row: OpcodeRow, version: ShaderVersion): boolean {
  return inRange(version.type === 'vs' ? row.vs : row.ps, versionNumber(version));
}

/** All rows of an opcode number (empty when the opcode is unknown). */
export function opcodeRows(opcode: number): readonly OpcodeRow[] {
  return byOpcode.get(opcode) ?? [];
}

/** The row describing `opcode` in `version`, or undefined when the model does not allow it. */
export function findOpcode(opcode: number, version: ShaderVersion): OpcodeRow | undefined {
  return opcodeRows(opcode).find((r) => rowAllowsVersion(r, version));
}

/**
 * The row used to lay out `opcode`'s operands when the model does not allow it: the row of the
 * nearest model of the same shader type, else any row. Lets the decoder skip a misplaced
 * instruction in SM1 (no length field) instead of losing the rest of the stream.
 */
export function layoutRow(opcode: number, version: ShaderVersion): OpcodeRow | undefined {
  const rows = opcodeRows(opcode);
  const exact = rows.find((r) => rowAllowsVersion(r, version));
  if (exact) return exact;
  const n = versionNumber(version);
  let best: OpcodeRow | undefined;
  let bestDistance = Infinity;
  for (const r of rows) {
    const range = version.type === 'vs' ? (r.vs ?? r.ps) : (r.ps ?? r.vs);
    if (!range) continue;
    const d = n < range[0] ? range[0] - n : n > range[1] ? n - range[1] : 0;
    if (d < bestDistance) {
      bestDistance = d;
      best = r;
    }
  }
  return best ?? rows[0];
}

/** Rows with a base mnemonic (`texld` has three, `if` has IF and IFC). */
export function rowsByMnemonic(mnemonic: string): readonly OpcodeRow[] {
  return byMnemonic.get(mnemonic) ?? [];
}

/** The mnemonic as printed, with comparison suffix or texld mode: `if_lt`, `setp_ge`, `texldp`. */
export function printedMnemonic(row: OpcodeRow, control: number): string {
  if (row.comparison) {
    const cmp = ['', 'gt', 'eq', 'ge', 'lt', 'ne', 'le', ''][control & 7] ?? '';
    return cmp === '' ? `${row.mnemonic}_c${control}` : `${row.mnemonic}_${cmp}`;
  }
  if (row.texldModes) {
    if (control === 1) return 'texldp';
    if (control === 2) return 'texldb';
  }
  return row.mnemonic;
}
