/**
 * The pixel key: the texture-stage chain as it changes the generated pixel program (ops,
 * arguments with their modifiers, which stages sample which kind of texture from which coordinate
 * register, projection, bump mapping, SPECULARENABLE), and the pixel constants (TEXTUREFACTOR,
 * per-stage CONSTANT, bump matrices) that stay out of the key.
 *
 * Normalisation, so the generator sees only valid stages:
 * - the chain ends at the first stage whose COLOROP is DISABLE (or not a combiner at all);
 * - an ALPHAOP of DISABLE or an unknown value passes the current alpha through;
 * - an argument whose source is not 1–6 reads as PREVIOUS (its modifier bits kept);
 * - an op that reads TEXTURE on a stage without a bound texture is SELECTARG1 PREVIOUS, the D3D9
 *   rule for invalid stages (so the default stage 0 MODULATE TEXTURE × DIFFUSE is the diffuse
 *   colour when nothing is bound).
 */
import type { ShaderConstants } from '../../shader-vm/index.js';
import { SVGA3dRenderStateName as RS } from '../../svga3d-decoder/spec/enums-render-state.js';
import {
  SVGA3dTextureArgData as TA,
  SVGA3dTextureCombiner as TC,
  SVGA3dTextureStateName as TS,
} from '../../svga3d-decoder/spec/enums-texture-state.js';
import type { FixedFunctionContext } from './ff-context.js';
import { FF_STAGES, rsOn, rsWord, tsFloat, unpackColor } from './ff-context.js';
import { transformCount } from './vertex-key.js';

/** What the pixel program must know about the draw besides the context. */
export interface FixedFunctionPixelInputs {
  /**
   * Per stage 0–7: the `SamplerTextureType` of the texture bound to it (2 2D, 3 CUBE, 4 VOLUME),
   * or 0 / undefined when none is bound (or the binding is unusable). Absent: a stage has a 2D
   * texture when its BIND_TEXTURE names a surface (see `fixedFunctionTextureTypes` for the
   * exact types).
   */
  readonly textures?: readonly (number | undefined)[];
  /**
   * POSITIONT draw: there is no vertex program, so stage n reads the coordinate set its
   * TEXCOORDINDEX names (t#) instead of t<n>. Default false.
   */
  readonly pretransformed?: boolean;
}

/** Argument modifier bits (SVGA's, swapped relative to D3DTA_*). */
export const TM_ALPHA = 0x10;
export const TM_ONE_MINUS = 0x20;

/** One stage of the chain. */
export interface PixelStageKey {
  readonly colorOp: number;
  /** COLORARG0, 1, 2 (source | modifier bits). */
  readonly colorArgs: readonly [number, number, number];
  readonly alphaOp: number;
  readonly alphaArgs: readonly [number, number, number];
  /** `SamplerTextureType` the stage samples, 0 = no lookup. */
  readonly texture: number;
  /** Texture coordinate register t# of the lookup. */
  readonly coord: number;
  /** Component divided by (TEXTURETRANSFORMFLAGS PROJECTED), −1 = none. */
  readonly projected: number;
}

/** The pixel program key. */
export interface PixelKey {
  readonly stages: readonly PixelStageKey[];
  readonly specular: boolean;
}

/** Which of arg0, arg1, arg2 combiner `op` reads (bits 0–2). */
export function opArgs(op: number): number {
  switch (op) {
    case TC.SELECTARG1: case TC.PREMODULATE: return 0b010;
    case TC.SELECTARG2: return 0b100;
    case TC.MULTIPLYADD: case TC.LERP: return 0b111;
    case TC.DISABLE: case TC.DSDT: case TC.BUMPENVMAPLUMINANCE: return 0;
    default: return op > TC.INVALID && op < TC.MAX ? 0b110 : 0;
  }
}

/** Whether `op` needs the stage's texture besides its arguments. */
function opSamples(op: number): boolean {
  return op === TC.BLENDTEXTUREALPHA || op === TC.BLENDTEXTUREALPHAPM || op === TC.DSDT || op === TC.BUMPENVMAPLUMINANCE;
}

function normaliseArg(word: number): number {
  const source = word & 0xf;
  const mods = word & (TM_ALPHA | TM_ONE_MINUS);
  return (source >= TA.TFACTOR && source <= TA.CONSTANT ? source : TA.PREVIOUS) | mods;
}

function readsTexture(op: number, args: readonly number[]): boolean {
  const used = opArgs(op);
  return args.some((a, i) => ((used >> i) & 1) === 1 && (a & 0xf) === TA.TEXTURE);
}

const INVALID_ID = 0xffffffff;

/** The shape of a surface as far as sampling cares. */
export interface TextureShape {
  readonly faceCount: number;
  /** Depth of mip 0 (volume textures have more than 1). */
  readonly depth: number;
}

/**
 * `FixedFunctionPixelInputs.textures` from the context's BIND_TEXTURE states: CUBE for six-face
 * surfaces, VOLUME for deep ones, else 2D; 0 for unbound stages and ids `describe` does not know.
 */
export function fixedFunctionTextureTypes(ctx: FixedFunctionContext, describe: (sid: number) => TextureShape | undefined): number[] {
  const out: number[] = [];
  for (let s = 0; s < FF_STAGES; s++) {
    const sid = ctx.textureState(s, TS.BIND_TEXTURE) >>> 0;
    const shape = sid === INVALID_ID ? undefined : describe(sid);
    out.push(!shape ? 0 : shape.faceCount === 6 ? 3 : shape.depth > 1 ? 4 : 2);
  }
  return out;
}

const PASS: readonly [number, number, number] = [TA.PREVIOUS, TA.PREVIOUS, TA.PREVIOUS];

/** Derives the pixel key of a draw. */
export function pixelKey(ctx: FixedFunctionContext, inputs: FixedFunctionPixelInputs): PixelKey {
  const stages: PixelStageKey[] = [];
  for (let s = 0; s < FF_STAGES; s++) {
    const prev = stages[s - 1];
    let colorOp = ctx.textureState(s, TS.COLOROP) >>> 0;
    if (colorOp <= TC.DISABLE || colorOp >= TC.MAX) break;
    let alphaOp = ctx.textureState(s, TS.ALPHAOP) >>> 0;
    if (alphaOp <= TC.INVALID || alphaOp >= TC.MAX) alphaOp = TC.DISABLE;
    let colorArgs: [number, number, number] = [TS.COLORARG0, TS.COLORARG1, TS.COLORARG2].map((n) => normaliseArg(ctx.textureState(s, n))) as [number, number, number];
    let alphaArgs: [number, number, number] = [TS.ALPHAARG0, TS.ALPHAARG1, TS.ALPHAARG2].map((n) => normaliseArg(ctx.textureState(s, n))) as [number, number, number];
    const bound = inputs.textures ? (inputs.textures[s] ?? 0) : (ctx.textureState(s, TS.BIND_TEXTURE) >>> 0) === INVALID_ID ? 0 : 2;
    const hasTexture = bound === 2 || bound === 3 || bound === 4;
    if (!hasTexture && readsTexture(colorOp, colorArgs)) {
      colorOp = TC.SELECTARG1;
      colorArgs = [...PASS];
    }
    if (!hasTexture && readsTexture(alphaOp, alphaArgs)) {
      alphaOp = TC.SELECTARG1;
      alphaArgs = [...PASS];
    }
    // A stage after PREMODULATE samples its bound texture even if its own ops do not read it.
    const premodulated = prev !== undefined && (prev.colorOp === TC.PREMODULATE || prev.alphaOp === TC.PREMODULATE);
    const samples = readsTexture(colorOp, colorArgs) || readsTexture(alphaOp, alphaArgs) || opSamples(colorOp) ||
      opSamples(alphaOp) || (premodulated && hasTexture);
    const coord = inputs.pretransformed ? (ctx.textureState(s, TS.TEXCOORDINDEX) >>> 0) % FF_STAGES : s;
    const flags = ctx.textureState(s, TS.TEXTURETRANSFORMFLAGS);
    // PROJECTED divides by the last component the transform outputs (w when it outputs fewer than 2).
    const count = transformCount(flags);
    const projected = flags & 0x8000 ? (count >= 2 ? count - 1 : 3) : -1;
    stages.push({ colorOp, colorArgs, alphaOp, alphaArgs, texture: samples && hasTexture ? bound : samples ? 2 : 0, coord, projected });
  }
  return { stages, specular: rsOn(ctx, RS.SPECULARENABLE) };
}

/** The key as a compact, deterministic string. */
export function pixelKeyString(key: PixelKey): string {
  const stages = key.stages.map((s) =>
    [s.colorOp, ...s.colorArgs, s.alphaOp, ...s.alphaArgs, s.texture, s.coord, s.projected].join('.'));
  return `ps|s${key.specular ? 1 : 0}|${stages.join(',')}`;
}

/** Constant registers of the generated pixel program. */
export const PC = {
  TFACTOR: 0,
  /** Per-stage CONSTANT of stage s at `CONSTANT + s`. */
  CONSTANT: 1,
  /** (BUMPENVMAT00, 01, 10, 11) of stage s at `BUMP + s`. */
  BUMP: 9,
  /** (BUMPENVLSCALE, BUMPENVLOFFSET, 0, 0) of stage s at `LUMINANCE + s`. */
  LUMINANCE: 17,
  /** DEF literals (0, 1, 0.5, 2) and (4, −0.5, 0, 0). */
  LITERALS: 25,
  LITERALS2: 26,
} as const;

/** Fills the pixel program's constants. */
export function pixelConstants(ctx: FixedFunctionContext): ShaderConstants {
  const c = new Float32Array(32 * 4);
  unpackColor(rsWord(ctx, RS.TEXTUREFACTOR), c, PC.TFACTOR * 4);
  for (let s = 0; s < FF_STAGES; s++) {
    unpackColor(ctx.textureState(s, TS.CONSTANT) >>> 0, c, (PC.CONSTANT + s) * 4);
    const bump = [TS.BUMPENVMAT00, TS.BUMPENVMAT01, TS.BUMPENVMAT10, TS.BUMPENVMAT11].map((n) => tsFloat(ctx, s, n));
    c.set(bump, (PC.BUMP + s) * 4);
    c.set([tsFloat(ctx, s, TS.BUMPENVLSCALE), tsFloat(ctx, s, TS.BUMPENVLOFFSET), 0, 0], (PC.LUMINANCE + s) * 4);
  }
  return { float: c };
}
