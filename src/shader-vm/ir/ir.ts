/**
 * The shader IR: what the D3D9 / SVGA3D bytecode decoder produces and what the validator, the
 * disassembler, the encoder and the interpreter consume.
 *
 * The IR keeps every field of the bytecode that changes meaning or encoding (so `encode(decode(x))`
 * gives `x` back), but in typed form: register files are named per shader type (type 3 is `addr`
 * in a vertex shader and `texture` in a pixel shader), modifiers are names, comparison codes are
 * names. Numeric register indices are kept as the guest wrote them; bounds are the validator's job.
 *
 * Stability: other code builds on these types. Changes must be additive.
 */

/** Vertex or pixel shader (version token bits 16–31: 0xFFFE / 0xFFFF). */
export type ShaderType = 'vs' | 'ps';

/** A shader model: `vs_2_0` is `{ type: 'vs', major: 2, minor: 0 }`; the `_2_x` profiles have minor 1. */
export interface ShaderVersion {
  readonly type: ShaderType;
  readonly major: number;
  readonly minor: number;
}

/**
 * Register files, named as the assembler spells them. Register type numbers that share a value are
 * split by context: type 3 is `addr` (a0) in vertex shaders and `texture` (t#) in pixel shaders;
 * type 6 is `texcrdout` (oT#) before vs_3_0 and `output` (o#) in vs_3_0. CONST2–CONST4 (types
 * 11–13) are folded into `const` with the index offset by 2048, 4096 and 6144.
 */
export type RegisterFile =
  | 'temp' // r#            type 0
  | 'input' // v#           type 1
  | 'const' // c#           types 2, 11, 12, 13
  | 'addr' // a0            type 3 (vs)
  | 'texture' // t#         type 3 (ps)
  | 'rastout' // oPos oFog oPts  type 4
  | 'attrout' // oD#        type 5
  | 'texcrdout' // oT#      type 6 (vs < 3.0)
  | 'output' // o#          type 6 (vs_3_0)
  | 'constint' // i#        type 7
  | 'colorout' // oC#       type 8
  | 'depthout' // oDepth    type 9
  | 'sampler' // s#         type 10
  | 'constbool' // b#       type 14
  | 'loop' // aL            type 15
  | 'tempfloat16' //        type 16 (legacy, never valid)
  | 'misc' // vPos (0), vFace (1)  type 17
  | 'label' // l#           type 18
  | 'predicate' // p0       type 19
  | 'unknown'; //           types 20–31 (never valid; kept so bad input still decodes)

/** RASTOUT register numbers. */
export const RastoutRegister = { POSITION: 0, FOG: 1, POINT_SIZE: 2 } as const;

/** MISCTYPE register numbers (ps_3_0). */
export const MiscRegister = { POSITION: 0, FACE: 1 } as const;

/**
 * Source modifiers (bits 24–27 of a source token), in SVGA3DSRCMOD order:
 * none, neg, bias (x−0.5), biasneg, sign (bx2: 2x−1), signneg, comp (1−x), x2, x2neg,
 * dz (divide by z), dw (divide by w), abs, absneg, not.
 */
export type SourceModifier =
  | 'none'
  | 'neg'
  | 'bias'
  | 'biasneg'
  | 'sign'
  | 'signneg'
  | 'comp'
  | 'x2'
  | 'x2neg'
  | 'dz'
  | 'dw'
  | 'abs'
  | 'absneg'
  | 'not';

/** Source modifiers indexed by their bytecode value 0–13 (14 and 15 are reserved). */
export const SOURCE_MODIFIERS: readonly SourceModifier[] = [
  'none', 'neg', 'bias', 'biasneg', 'sign', 'signneg', 'comp',
  'x2', 'x2neg', 'dz', 'dw', 'abs', 'absneg', 'not',
];

/** Comparison of IFC / BREAKC / SETP (control values 1–6). */
export type Comparison = 'gt' | 'eq' | 'ge' | 'lt' | 'ne' | 'le';

/** Comparisons indexed by control value; index 0 and 7 are reserved. */
export const COMPARISONS: readonly (Comparison | undefined)[] = [
  undefined, 'gt', 'eq', 'ge', 'lt', 'ne', 'le', undefined,
];

/** TEX in SM2+: control 0 = texld, 1 = texldp (project by .w), 2 = texldb (LOD bias by .w). */
export type TexldMode = 'texld' | 'texldp' | 'texldb';

/**
 * Relative addressing of an operand: `c[a0.x + n]` (index register `addr`, one component) or
 * `v[aL + n]` (`loop`). In SM1 there is no relative token; the decoder synthesises `a0.x`.
 */
export interface RelativeAddress {
  /** `addr` (a0) or `loop` (aL); the decoder rejects any other index register. */
  readonly file: RegisterFile;
  readonly index: number;
  /** Raw swizzle of the relative-address token (kept for exact re-encoding). */
  readonly swizzle: number;
  /** The component of the index register that is used (swizzle bits 0–1; 0 = x … 3 = w). */
  readonly component: number;
}

/** A destination parameter. */
export interface DstOperand {
  readonly file: RegisterFile;
  readonly index: number;
  /** Bit 0 = x, 1 = y, 2 = z, 3 = w. */
  readonly writeMask: number;
  readonly saturate: boolean;
  readonly partialPrecision: boolean;
  /** Centroid interpolation (ps input DCLs only). */
  readonly centroid: boolean;
  /** ps_1_x shift as a power of two: 1 = ×2, 2 = ×4, 3 = ×8, −1 = ÷2 … (signed 4-bit, −8…7). */
  readonly shift: number;
  /** Only vs_3_0 outputs indexed by aL. */
  readonly relative?: RelativeAddress;
}

/** A source parameter (also the predicate token and label operands). */
export interface SrcOperand {
  readonly file: RegisterFile;
  readonly index: number;
  /** 8 bits: bits 2i..2i+1 name the source component read for output component i. Identity 0xE4. */
  readonly swizzle: number;
  readonly modifier: SourceModifier;
  readonly relative?: RelativeAddress;
}

/** Fields every instruction has. */
interface InstructionBase {
  /** Opcode number (bits 0–15 of the instruction token; PHASE is 0xFFFD). */
  readonly opcode: number;
  /** Byte offset of the instruction token in the bytecode (−1 when built from assembly text). */
  readonly offset: number;
  /** Bit 30: second instruction of a ps_1_x co-issued pair (`+` in assembly). */
  readonly coissue: boolean;
}

/** Any instruction that is not a declaration, a constant definition or a phase marker. */
export interface OpInstruction extends InstructionBase {
  readonly kind: 'op';
  /** Control bits 16–23 as written (comparison or texld mode, else 0). */
  readonly control: number;
  /** IFC / BREAKC / SETP. */
  readonly comparison?: Comparison;
  /** TEX in SM2+ (ps_2_0 and later). */
  readonly texldMode?: TexldMode;
  /** Predicate source (p0 with swizzle, modifier `none` or `not`) when bit 28 is set. */
  readonly predicate?: SrcOperand;
  readonly dst?: DstOperand;
  /** Sources in bytecode order (labels, aL, i#, b#, p0 and s# operands included). */
  readonly src: readonly SrcOperand[];
}

/** DCL usages (D3DDECLUSAGE / SVGA3D_DECLUSAGE_*). */
export const DeclUsage = {
  POSITION: 0,
  BLENDWEIGHT: 1,
  BLENDINDICES: 2,
  NORMAL: 3,
  PSIZE: 4,
  TEXCOORD: 5,
  TANGENT: 6,
  BINORMAL: 7,
  TESSFACTOR: 8,
  POSITIONT: 9,
  COLOR: 10,
  FOG: 11,
  DEPTH: 12,
  SAMPLE: 13,
} as const;

/** Sampler texture types of `dcl_2d` etc. (2D_SHADOW is the VMware extension). */
export const SamplerTextureType = {
  UNKNOWN: 0,
  TEXTURE_1D: 1,
  TEXTURE_2D: 2,
  CUBE: 3,
  VOLUME: 4,
  TEXTURE_2D_SHADOW: 5,
} as const;

/** DCL: declares an input, output or sampler register. */
export interface DclInstruction extends InstructionBase {
  readonly kind: 'dcl';
  /** Usage (semantic token bits 0–4), meaningful for v#/o# in vs and ps_3_0 v#. */
  readonly usage: number;
  /** Usage index (bits 16–19). */
  readonly usageIndex: number;
  /** Sampler texture type (bits 27–30), meaningful for s#. */
  readonly samplerType: number;
  /** The declared register; write mask = declared components. */
  readonly dst: DstOperand;
}

/** DEF c#, four floats. */
export interface DefInstruction extends InstructionBase {
  readonly kind: 'def';
  readonly dst: DstOperand;
  /** The four values as IEEE-754 single bit patterns (u32), exactly as written. */
  readonly bits: readonly [number, number, number, number];
  /** The same values as numbers (float32 values; NaN payloads only survive in `bits`). */
  readonly values: readonly [number, number, number, number];
}

/** DEFI i#, four signed 32-bit integers. */
export interface DefiInstruction extends InstructionBase {
  readonly kind: 'defi';
  readonly dst: DstOperand;
  readonly values: readonly [number, number, number, number];
}

/** DEFB b#, one boolean. */
export interface DefbInstruction extends InstructionBase {
  readonly kind: 'defb';
  readonly dst: DstOperand;
  readonly value: boolean;
  /** The DWORD as written (any non-zero value is true). */
  readonly raw: number;
}

/** ps_1_4 `phase` marker. */
export interface PhaseInstruction extends InstructionBase {
  readonly kind: 'phase';
}

/** One decoded instruction; `kind` tells the shape. */
export type Instruction =
  | OpInstruction
  | DclInstruction
  | DefInstruction
  | DefiInstruction
  | DefbInstruction
  | PhaseInstruction;

/** A comment block kept raw (CTAB and friends); not interpreted further. */
export interface CommentBlock {
  /** Index into `instructions` of the instruction the comment precedes. */
  readonly before: number;
  /** Byte offset of the comment token (−1 when not decoded from bytes). */
  readonly offset: number;
  /** The payload DWORDs (the comment token itself excluded). */
  readonly words: readonly number[];
}

/** A decoded shader. */
export interface ShaderProgram {
  readonly version: ShaderVersion;
  /** Instructions in stream order; comments and END are not instructions. */
  readonly instructions: readonly Instruction[];
  readonly comments: readonly CommentBlock[];
  /** Label number → index of its LABEL instruction (first definition when the guest repeats one). */
  readonly labels: ReadonlyMap<number, number>;
}

/** Identity swizzle `.xyzw`. */
export const SWIZZLE_IDENTITY = 0xe4;

/** Component read for output component `i` (0–3) through `swizzle`. */
export function swizzleComponent(swizzle: number, i: number): number {
  return (swizzle >>> (2 * i)) & 3;
}

/** Builds a swizzle from four component numbers (0–3). */
export function makeSwizzle(x: number, y: number, z: number, w: number): number {
  return (x & 3) | ((y & 3) << 2) | ((z & 3) << 4) | ((w & 3) << 6);
}

/** Whether the swizzle reads one component for all four outputs (`.x`, `.y`, `.z`, `.w`). */
export function isReplicateSwizzle(swizzle: number): boolean {
  const c = swizzle & 3;
  return swizzle === (c | (c << 2) | (c << 4) | (c << 6));
}

/** Numeric shader model, major·256 + minor: vs_2_x is 0x201, ps_1_4 0x104. */
export function versionNumber(v: ShaderVersion): number {
  return v.major * 256 + v.minor;
}

/** `vs_2_0`, `ps_2_x`, `ps_1_4`. */
export function versionName(v: ShaderVersion): string {
  const minor = v.major === 2 && v.minor === 1 ? 'x' : String(v.minor);
  return `${v.type}_${v.major}_${minor}`;
}
