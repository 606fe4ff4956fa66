/**
 * The vertex key: everything of the fixed-function state and the vertex declaration that changes
 * the generated vertex program's code (SwiftShader's `VertexProcessor::State`). Per-draw values
 * (matrices, light colours and positions, material, fog distances, point-scale factors) are not in
 * it; they go into the constants (`vertex-constants.ts`).
 *
 * Out-of-range enum values get one documented, harmless meaning here, so the generator only ever
 * sees valid keys: unknown light types, material sources, fog functions, blend modes and texgen
 * modes fall back to "off" / "material" / "none".
 */
import { SVGA3dRenderStateName as RS } from '../../svga3d-decoder/spec/enums-render-state.js';
import { SVGA3dTextureStateName as TS } from '../../svga3d-decoder/spec/enums-texture-state.js';
import {
  SVGA3dDeclType as DT,
  SVGA3dDeclUsage as DU,
  SVGA3dFogBase,
  SVGA3dFogFunction,
  SVGA3dFogType,
  SVGA3dLightType,
} from '../../svga3d-decoder/spec/enums.js';
import type { FixedFunctionContext } from './ff-context.js';
import { activeLights, FF_STAGES, LIGHT_WORDS, MATERIAL_WORDS, MaterialWord, rsOn, rsWord } from './ff-context.js';

/** One element of the draw's vertex declaration, as SVGA3dVertexDecl.identity gives it. */
export interface FixedFunctionVertexElement {
  /**
   * `SVGA3dDeclType`; tells a texture coordinate set's component count, which decides how D3D9
   * feeds it to a texture matrix. Absent: taken as 4 components (used as fetched).
   */
  readonly type?: number | undefined;
  /** `SVGA3dDeclUsage`. */
  readonly usage: number;
  readonly usageIndex: number;
}

/** What the vertex program must know about the draw besides the context. */
export interface FixedFunctionVertexInputs {
  /** The vertex declaration's elements (duplicates: the first one counts). */
  readonly elements: readonly FixedFunctionVertexElement[];
  /** Viewport height in pixels, for POINTSCALEENABLE (D3D9 scales by it). Default 1. */
  readonly viewportHeight?: number;
}

/** Where a lighting material colour comes from. */
export type MaterialSource = 'material' | 'color0' | 'color1';
/** The lights a program is generated for. */
export type LightKind = 'point' | 'spot' | 'directional';
/** Vertex fog: a function of the eye distance, the specular alpha (PER_VERTEX), or none. */
export type VertexFog = 'none' | 'linear' | 'exp' | 'exp2' | 'specular-alpha';

/** Texture coordinate output `oT<stage>`. */
export interface VertexStageKey {
  /** Texture coordinate set read (TEXCOORDINDEX), or −1 when the declaration has none (and no texgen). */
  readonly set: number;
  /** Components of that set's element (1–4); D3D9 expands 1–3 for the texture matrix. */
  readonly components: number;
  /** `SVGA3dTextureCoordGen` 1–4, or 0 for the vertex's own coordinates. */
  readonly gen: number;
  /** Components the texture transform outputs (highest of S/T/R/Q set), 0 = no transform. */
  readonly transform: number;
}

/** The vertex program key. */
export interface VertexKey {
  readonly hasNormal: boolean;
  readonly hasColor0: boolean;
  readonly hasColor1: boolean;
  readonly hasPointSize: boolean;
  /** VERTEXBLEND weights (0–3; 0 = one WORLD matrix); needs a BLENDWEIGHT element. */
  readonly blendWeights: number;
  /** INDEXEDVERTEXBLENDENABLE with a BLENDINDICES element: matrices picked per vertex. */
  readonly indexedBlend: boolean;
  readonly normalize: boolean;
  readonly lighting: boolean;
  readonly lights: readonly LightKind[];
  readonly specular: boolean;
  readonly localViewer: boolean;
  readonly diffuseSource: MaterialSource;
  readonly ambientSource: MaterialSource;
  readonly specularSource: MaterialSource;
  readonly emissiveSource: MaterialSource;
  readonly fog: VertexFog;
  readonly rangeFog: boolean;
  readonly pointScale: boolean;
  readonly stages: readonly VertexStageKey[];
  /**
   * Two-sided material: lighting is on and the BACK material differs from the FRONT one in a
   * component the program reads ({@link backMaterialDiffers}), and the outputs fit vs_3_0's
   * twelve registers ({@link twoSidedOutputCount}). The program then also lights with the BACK
   * material and writes those colours as COLOR2/COLOR3 (and FOG1 for PER_VERTEX fog), which a
   * back-facing triangle rasterises with; it is a `vs_3_0` program for that (vs < 3.0 outputs
   * are fixed registers).
   */
  readonly twoSided: boolean;
}

/** Output registers of `vs_3_0`, the budget of a two-sided program. */
export const VS3_OUTPUT_REGISTERS = 12;

/** Components an element of `SVGA3dDeclType` `type` provides (unknown types: 4, the fetch's business). */
export function declTypeComponents(type: number): number {
  switch (type) {
    case DT.FLOAT1: return 1;
    case DT.FLOAT2: case DT.SHORT2: case DT.SHORT2N: case DT.USHORT2N: case DT.FLOAT16_2: return 2;
    case DT.FLOAT3: case DT.UDEC3: case DT.DEC3N: return 3;
    default: return 4;
  }
}

function findElement(inputs: FixedFunctionVertexInputs, usage: number, index: number): FixedFunctionVertexElement | undefined {
  return inputs.elements.find((e) => e.usage === usage && e.usageIndex === index);
}

function materialSource(ctx: FixedFunctionContext, state: number, color0: boolean, color1: boolean): MaterialSource {
  if (!rsOn(ctx, RS.VERTEXMATERIALENABLE)) return 'material';
  // D3D9: a source naming a colour the vertex does not have uses the material instead.
  switch (rsWord(ctx, state)) {
    case 1: return color0 ? 'color0' : 'material';
    case 2: return color1 ? 'color1' : 'material';
    default: return 'material';
  }
}

function lightKind(type: number): LightKind | undefined {
  switch (type) {
    case SVGA3dLightType.POINT: return 'point';
    case SVGA3dLightType.SPOT1: case SVGA3dLightType.SPOT2: return 'spot';
    case SVGA3dLightType.DIRECTIONAL: return 'directional';
    default: return undefined;
  }
}

/** The lights of a draw that take part: active, of a known type; their context indices with kinds. */
export function litLights(ctx: FixedFunctionContext): { index: number; kind: LightKind }[] {
  const out: { index: number; kind: LightKind }[] = [];
  for (const index of activeLights(ctx)) {
    const kind = lightKind(ctx.lights[index * LIGHT_WORDS] ?? 0);
    if (kind) out.push({ index, kind });
  }
  return out;
}

/** FOGENABLE with a VERTEX-type FOGMODE; PIXEL fog is the rasteriser's. */
function vertexFog(ctx: FixedFunctionContext): VertexFog {
  if (!rsOn(ctx, RS.FOGENABLE)) return 'none';
  const mode = rsWord(ctx, RS.FOGMODE);
  const func = mode & 0xffff;
  const type = (mode >>> 16) & 0xff;
  if (func === SVGA3dFogFunction.PER_VERTEX) return 'specular-alpha';
  if (type !== SVGA3dFogType.VERTEX) return 'none';
  switch (func) {
    case SVGA3dFogFunction.LINEAR: return 'linear';
    case SVGA3dFogFunction.EXP: return 'exp';
    case SVGA3dFogFunction.EXP2: return 'exp2';
    default: return 'none';
  }
}

/** Highest of the S/T/R/Q bits of TEXTURETRANSFORMFLAGS: how many components the transform outputs. */
export function transformCount(flags: number): number {
  for (let n = 4; n >= 1; n--) if (flags & (1 << (n - 1))) return n;
  return 0;
}

function stageKey(ctx: FixedFunctionContext, inputs: FixedFunctionVertexInputs, stage: number): VertexStageKey {
  const genWord = ctx.textureState(stage, TS.TEXCOORDGEN) >>> 0;
  const gen = genWord >= 1 && genWord <= 4 ? genWord : 0;
  const transform = transformCount(ctx.textureState(stage, TS.TEXTURETRANSFORMFLAGS));
  if (gen !== 0) return { set: -1, components: 3, gen, transform };
  const index = ctx.textureState(stage, TS.TEXCOORDINDEX) >>> 0;
  const element = index < FF_STAGES ? findElement(inputs, DU.TEXCOORD, index) : undefined;
  if (!element) return NO_COORDINATES;
  return { set: index, components: element.type === undefined ? 4 : declTypeComponents(element.type), gen: 0, transform };
}

const NO_COORDINATES: VertexStageKey = { set: -1, components: 0, gen: 0, transform: 0 };

/**
 * Whether the BACK material differs from the FRONT one in a component the lighting reads
 * (`Object.is`: −0 differs from 0, which a product can tell apart; NaN equals NaN): diffuse RGBA, ambient and emissive RGB when their source
 * is the material, specular alpha (oD1.a) and, with SPECULARENABLE, its RGB, and the power when
 * a light makes highlights. A component taken from a vertex colour is the same on both faces.
 */
export function backMaterialDiffers(
  ctx: FixedFunctionContext,
  k: Pick<VertexKey, 'diffuseSource' | 'ambientSource' | 'specularSource' | 'emissiveSource' | 'specular' | 'lights'>,
): boolean {
  const m = ctx.materialsF32;
  const differs = (word: number, count: number): boolean => {
    for (let i = word; i < word + count; i++) if (!Object.is(m[i] ?? 0, m[MATERIAL_WORDS + i] ?? 0)) return true;
    return false;
  };
  if (k.diffuseSource === 'material' && differs(MaterialWord.DIFFUSE, 4)) return true;
  if (k.ambientSource === 'material' && differs(MaterialWord.AMBIENT, 3)) return true;
  if (k.emissiveSource === 'material' && differs(MaterialWord.EMISSIVE, 3)) return true;
  if (k.specularSource === 'material' && differs(MaterialWord.SPECULAR + 3, 1)) return true;
  if (k.specularSource === 'material' && k.specular && differs(MaterialWord.SPECULAR, 3)) return true;
  return k.specular && k.lights.length > 0 && differs(MaterialWord.POWER, 1);
}

/**
 * Output registers a two-sided program needs: position, COLOR0–3, FOG0 (always, as vs < 3.0 has
 * it), FOG1 with PER_VERTEX fog, PSIZE0 when the point size is written, one TEXCOORD per stage
 * with coordinates.
 */
export function twoSidedOutputCount(k: Pick<VertexKey, 'fog' | 'hasPointSize' | 'pointScale' | 'stages'>): number {
  const texcoords = k.stages.filter((s) => s.gen !== 0 || s.set >= 0).length;
  return 6 + (k.fog === 'specular-alpha' ? 1 : 0) + (k.hasPointSize || k.pointScale ? 1 : 0) + texcoords;
}

/** Derives the vertex key of a draw. */
export function vertexKey(ctx: FixedFunctionContext, inputs: FixedFunctionVertexInputs): VertexKey {
  const has = (usage: number, index = 0): boolean => findElement(inputs, usage, index) !== undefined;
  const hasColor0 = has(DU.COLOR, 0);
  const hasColor1 = has(DU.COLOR, 1);
  const lighting = rsOn(ctx, RS.LIGHTINGENABLE);
  const blendState = rsWord(ctx, RS.VERTEXBLEND);
  const blendWeights = blendState >= 1 && blendState <= 3 && has(DU.BLENDWEIGHT) ? blendState : 0;
  const stages: VertexStageKey[] = [];
  for (let s = 0; s < FF_STAGES; s++) stages.push(stageKey(ctx, inputs, s));
  const fogMode = rsWord(ctx, RS.FOGMODE);
  const fog = vertexFog(ctx);
  const key: Omit<VertexKey, 'twoSided'> = {
    hasNormal: has(DU.NORMAL),
    hasColor0,
    hasColor1,
    hasPointSize: has(DU.PSIZE),
    blendWeights,
    indexedBlend: blendWeights > 0 && rsOn(ctx, RS.INDEXEDVERTEXBLENDENABLE) && has(DU.BLENDINDICES),
    normalize: rsOn(ctx, RS.NORMALIZENORMALS),
    lighting,
    lights: lighting ? litLights(ctx).map((l) => l.kind) : [],
    specular: lighting && rsOn(ctx, RS.SPECULARENABLE),
    // LOCALVIEWER matters for specular highlights and reflection texgen only.
    localViewer: rsOn(ctx, RS.LOCALVIEWER) && ((lighting && rsOn(ctx, RS.SPECULARENABLE)) || stages.some((s) => s.gen >= 3)),
    // Without lighting the sources change no code: keep them out of the key.
    diffuseSource: lighting ? materialSource(ctx, RS.DIFFUSEMATERIALSOURCE, hasColor0, hasColor1) : 'material',
    ambientSource: lighting ? materialSource(ctx, RS.AMBIENTMATERIALSOURCE, hasColor0, hasColor1) : 'material',
    specularSource: lighting ? materialSource(ctx, RS.SPECULARMATERIALSOURCE, hasColor0, hasColor1) : 'material',
    emissiveSource: lighting ? materialSource(ctx, RS.EMISSIVEMATERIALSOURCE, hasColor0, hasColor1) : 'material',
    fog,
    rangeFog: fog !== 'none' && fog !== 'specular-alpha' && (rsOn(ctx, RS.RANGEFOGENABLE) || ((fogMode >>> 24) & 0xff) === SVGA3dFogBase.RANGEBASED),
    pointScale: rsOn(ctx, RS.POINTSCALEENABLE),
    stages,
  };
  // Beyond vs_3_0's output registers (seven or eight coordinate sets) both faces use FRONT.
  const twoSided = lighting && backMaterialDiffers(ctx, key) && twoSidedOutputCount(key) <= VS3_OUTPUT_REGISTERS;
  return { ...key, twoSided };
}

/** The key as a compact, deterministic string (the cache key). */
export function vertexKeyString(key: VertexKey): string {
  const b = (x: boolean): string => (x ? '1' : '0');
  const m = (s: MaterialSource): string => (s === 'material' ? 'm' : s === 'color0' ? '0' : '1');
  const stages = key.stages.map((s) => `${s.set}.${s.components}.${s.gen}.${s.transform}`).join(',');
  return [
    'vs', b(key.hasNormal) + b(key.hasColor0) + b(key.hasColor1) + b(key.hasPointSize),
    `b${key.blendWeights}${b(key.indexedBlend)}`, `n${b(key.normalize)}`,
    `l${b(key.lighting)}${b(key.specular)}${b(key.localViewer)}:${key.lights.map((l) => l[0]).join('')}`,
    `m${m(key.diffuseSource)}${m(key.ambientSource)}${m(key.specularSource)}${m(key.emissiveSource)}`,
    `f${key.fog}${b(key.rangeFog)}`, `p${b(key.pointScale)}`, `t${stages}`,
    // Only two-sided keys get the field, so every one-sided key string is as it always was.
    ...(key.twoSided ? ['2'] : []),
  ].join('|');
}
