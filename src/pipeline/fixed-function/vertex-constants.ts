/**
 * The vertex program's constant registers: where each per-draw value lives (the layout the
 * generator addresses) and the filling of a `ShaderConstants` from a context. Matrices are stored
 * as columns (so `dp4 v, c#` computes D3D's row-vector product), world matrices pre-multiplied by
 * VIEW, lights already in view space.
 */
import { f32Cos, f32Sqrt } from '../../common/f32-math.js';
import type { ShaderConstants } from '../../shader-vm/index.js';
import { SVGA3dRenderStateName as RS } from '../../svga3d-decoder/spec/enums-render-state.js';
import { SVGA3dLightType } from '../../svga3d-decoder/spec/enums.js';
import type { FixedFunctionContext } from './ff-context.js';
import { LIGHT_WORDS, LightWord, MATERIAL_WORDS, rsFloat, rsWord, unpackColor } from './ff-context.js';
import { multiply4, transformDirection, transformPoint, writeColumns, writeNormalMatrix } from './matrix-f32.js';
import type { FixedFunctionVertexInputs, VertexKey } from './vertex-key.js';
import { litLights } from './vertex-key.js';

const f = Math.fround;
const FLT_MAX = 3.4028234663852886e38;

/** Constant register numbers of the generated vertex program. */
export const VC = {
  /** Blend matrix k (0–3): world_k × view as 4 columns at `8k`, its normal matrix as 3 rows at `8k + 4`. */
  BLEND_STRIDE: 8,
  NORMAL_OFFSET: 4,
  PROJECTION: 32,
  /** Texture matrix of stage s (4 columns) at `TEXTURE + 4s`. */
  TEXTURE: 36,
  /** Light i of the key at `LIGHTS + 7i`: diffuse, specular, ambient, position, to-light direction, params 1, params 2. */
  LIGHTS: 68,
  LIGHT_STRIDE: 7,
  MATERIAL_DIFFUSE: 124,
  MATERIAL_AMBIENT: 125,
  MATERIAL_SPECULAR: 126,
  MATERIAL_EMISSIVE: 127,
  /** (power, 0, 0, 0). */
  MATERIAL_POWER: 128,
  GLOBAL_AMBIENT: 129,
  /** (FOGSTART, FOGEND, 1 / (FOGEND − FOGSTART), FOGDENSITY). */
  FOG: 130,
  /** (POINTSIZE, POINTSCALE_A, POINTSCALE_B, POINTSCALE_C). */
  POINT: 131,
  /** (viewport height, 0, 0, 0). */
  VIEWPORT: 132,
  /** The BACK material, as MATERIAL_* (two-sided keys only): diffuse, ambient, specular, emissive, (power, 0, 0, 0). */
  BACK_MATERIAL_DIFFUSE: 133,
  BACK_MATERIAL_AMBIENT: 134,
  BACK_MATERIAL_SPECULAR: 135,
  BACK_MATERIAL_EMISSIVE: 136,
  BACK_MATERIAL_POWER: 137,
  /** Literals the program defines itself (DEF): (0, 1, 0.5, 2) and (−log2 e, −1, 0, 0). */
  LITERALS: 140,
  LITERALS2: 141,
} as const;

/** Light parameter registers relative to a light's base. */
export const LightReg = { DIFFUSE: 0, SPECULAR: 1, AMBIENT: 2, POSITION: 3, DIRECTION: 4, PARAMS1: 5, PARAMS2: 6 } as const;

/** `SVGA3dTransformType` of world matrix k (WORLD, WORLD1–3). */
const WORLD_TYPES = [1, 12, 13, 14] as const;
const VIEW = 2;
const PROJECTION = 3;
const TEXTURE0 = 4;

function matrix(ctx: FixedFunctionContext, type: number): Float32Array {
  const m = ctx.transformsF32.subarray(type * 16, type * 16 + 16);
  if (m.length === 16) return m;
  const id = new Float32Array(16);
  id[0] = id[5] = id[10] = id[15] = 1;
  return id;
}

function normalize3(x: number, y: number, z: number): [number, number, number] {
  const len = f32Sqrt(f(f(f(x * x) + f(y * y)) + f(z * z)));
  if (!(len > 0) || !Number.isFinite(len)) return [0, 0, 0];
  return [f(x / len), f(y / len), f(z / len)];
}

function cosHalf(angle: number, degrees: boolean): number {
  const radians = degrees ? f(angle * f(Math.PI / 180)) : angle;
  return f32Cos(f(radians * 0.5));
}

function fillLight(ctx: FixedFunctionContext, light: number, view: Float32Array, c: Float32Array, base: number): void {
  const w = ctx.lights.subarray(light * LIGHT_WORDS, light * LIGHT_WORDS + LIGHT_WORDS);
  const v = ctx.lightsF32.subarray(light * LIGHT_WORDS, light * LIGHT_WORDS + LIGHT_WORDS);
  const at = (reg: number): number => (base + reg) * 4;
  const value = (i: number): number => v[i] ?? 0;
  for (let i = 0; i < 4; i++) {
    c[at(LightReg.DIFFUSE) + i] = value(LightWord.DIFFUSE + i);
    c[at(LightReg.SPECULAR) + i] = value(LightWord.SPECULAR + i);
    c[at(LightReg.AMBIENT) + i] = value(LightWord.AMBIENT + i);
  }
  const world = (w[LightWord.IN_WORLD_SPACE] ?? 0) !== 0;
  const px = value(LightWord.POSITION), py = value(LightWord.POSITION + 1), pz = value(LightWord.POSITION + 2);
  const dx = value(LightWord.DIRECTION), dy = value(LightWord.DIRECTION + 1), dz = value(LightWord.DIRECTION + 2);
  const pos = world ? transformPoint(view, px, py, pz) : [px, py, pz];
  const dir = world ? transformDirection(view, dx, dy, dz) : [dx, dy, dz];
  const toLight = normalize3(-(dir[0] ?? 0), -(dir[1] ?? 0), -(dir[2] ?? 0));
  c.set([pos[0] ?? 0, pos[1] ?? 0, pos[2] ?? 0, 1], at(LightReg.POSITION));
  c.set([toLight[0], toLight[1], toLight[2], 0], at(LightReg.DIRECTION));
  c.set([value(LightWord.RANGE), value(LightWord.FALLOFF), value(LightWord.ATTENUATION0), value(LightWord.ATTENUATION1)], at(LightReg.PARAMS1));
  // SPOT1 gives its cone angles in degrees, SPOT2 (D3D9's spot) in radians.
  const degrees = (w[LightWord.TYPE] ?? 0) === SVGA3dLightType.SPOT1;
  const inner = cosHalf(value(LightWord.THETA), degrees);
  const outer = cosHalf(value(LightWord.PHI), degrees);
  const spread = f(inner - outer);
  // Equal cones make the falloff a step at the outer cone: a huge scale saturates to 0 or 1.
  const inv = spread > 0 ? f(1 / spread) : FLT_MAX;
  c.set([value(LightWord.ATTENUATION2), inner, outer, inv], at(LightReg.PARAMS2));
}

/** One material's 17 floats into five registers from `base`: diffuse, ambient, specular, emissive, power. */
function fillMaterial(m: Float32Array, c: Float32Array, base: number): void {
  for (let i = 0; i < 16; i++) c[base * 4 + i] = m[i] ?? 0;
  c[(base + 4) * 4] = m[16] ?? 0;
}

/** Fills the vertex program's constants for a draw with key `key`. */
export function vertexConstants(ctx: FixedFunctionContext, inputs: FixedFunctionVertexInputs, key: VertexKey): ShaderConstants {
  const c = new Float32Array(256 * 4);
  const view = matrix(ctx, VIEW);
  // Indexed blending may pick any of the four world matrices.
  const blendMatrices = key.indexedBlend ? 4 : key.blendWeights + 1;
  for (let k = 0; k < blendMatrices; k++) {
    const wv = multiply4(matrix(ctx, WORLD_TYPES[k] ?? 1), view);
    writeColumns(wv, c, k * VC.BLEND_STRIDE);
    writeNormalMatrix(wv, c, k * VC.BLEND_STRIDE + VC.NORMAL_OFFSET);
  }
  writeColumns(matrix(ctx, PROJECTION), c, VC.PROJECTION);
  for (let s = 0; s < 8; s++) writeColumns(matrix(ctx, TEXTURE0 + s), c, VC.TEXTURE + 4 * s);
  if (key.lighting) {
    litLights(ctx).forEach((l, i) => fillLight(ctx, l.index, view, c, VC.LIGHTS + VC.LIGHT_STRIDE * i));
    // FRONT lights front faces; a two-sided program also gets BACK for back faces.
    fillMaterial(ctx.materialsF32.subarray(0, MATERIAL_WORDS), c, VC.MATERIAL_DIFFUSE);
    if (key.twoSided) fillMaterial(ctx.materialsF32.subarray(MATERIAL_WORDS, 2 * MATERIAL_WORDS), c, VC.BACK_MATERIAL_DIFFUSE);
    unpackColor(rsWord(ctx, RS.AMBIENT), c, VC.GLOBAL_AMBIENT * 4);
  }
  const start = rsFloat(ctx, RS.FOGSTART);
  const end = rsFloat(ctx, RS.FOGEND);
  const range = f(end - start);
  // FOGEND = FOGSTART: a step at FOGEND (what the rasteriser's pixel fog does too).
  c.set([start, end, range !== 0 ? f(1 / range) : FLT_MAX, rsFloat(ctx, RS.FOGDENSITY)], VC.FOG * 4);
  c.set([rsFloat(ctx, RS.POINTSIZE), rsFloat(ctx, RS.POINTSCALE_A), rsFloat(ctx, RS.POINTSCALE_B), rsFloat(ctx, RS.POINTSCALE_C)], VC.POINT * 4);
  const vh = inputs.viewportHeight;
  c[VC.VIEWPORT * 4] = vh !== undefined && Number.isFinite(vh) ? f(vh) : 1;
  return { float: c };
}
