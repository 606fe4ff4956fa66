/**
 * What the fixed-function generators read of a context, as a structural interface: the device's
 * `ContextState` satisfies it as it is, and the pipeline does not import the device (imports flow
 * pipeline ← device). Values are the raw words the guest sent; floats are read through the
 * Float32 views.
 */
import { f32FromBits } from '../../common/f32-math.js';

/** The context state fixed function reads. */
export interface FixedFunctionContext {
  /** Indexed by `SVGA3dRenderStateName`, raw words. */
  readonly renderStates: Uint32Array;
  /** 16 floats per `SVGA3dTransformType` (row-major D3D matrices, row vectors). */
  readonly transformsF32: Float32Array;
  /** FRONT then BACK material, 17 floats each: diffuse, ambient, specular, emissive, power. */
  readonly materialsF32: Float32Array;
  /** 29 words per light (`SVGA3dLightData`). */
  readonly lights: Uint32Array;
  readonly lightsF32: Float32Array;
  /** 1 where SETLIGHTENABLED turned light i on. */
  readonly lightEnabled: Uint8Array;
  /** Texture state `name` of `stage`, raw word. */
  textureState(stage: number, name: number): number;
}

/** Words of one `SVGA3dLightData` and their offsets. */
export const LIGHT_WORDS = 29;
export const LightWord = {
  TYPE: 0, IN_WORLD_SPACE: 1, DIFFUSE: 2, SPECULAR: 6, AMBIENT: 10, POSITION: 14, DIRECTION: 18,
  RANGE: 22, FALLOFF: 23, ATTENUATION0: 24, ATTENUATION1: 25, ATTENUATION2: 26, THETA: 27, PHI: 28,
} as const;

/** Floats of one `SVGA3dMaterial` and their offsets. */
export const MATERIAL_WORDS = 17;
export const MaterialWord = { DIFFUSE: 0, AMBIENT: 4, SPECULAR: 8, EMISSIVE: 12, POWER: 16 } as const;

/** Most lights a draw is lit with (the device's MAX_LIGHTS). */
export const MAX_ACTIVE_LIGHTS = 8;
/** Fixed-function texture stages and texture coordinate sets. */
export const FF_STAGES = 8;

/** Render state word `name` (0 past the end). */
export function rsWord(ctx: FixedFunctionContext, name: number): number {
  return ctx.renderStates[name] ?? 0;
}

/** Render state `name` as a boolean (any non-zero word). */
export function rsOn(ctx: FixedFunctionContext, name: number): boolean {
  return rsWord(ctx, name) !== 0;
}

/** Render state `name` read as a float32. */
export function rsFloat(ctx: FixedFunctionContext, name: number): number {
  return f32FromBits(rsWord(ctx, name));
}

/** Texture state `name` of stage `stage` read as a float32. */
export function tsFloat(ctx: FixedFunctionContext, stage: number, name: number): number {
  return f32FromBits(ctx.textureState(stage, name) >>> 0);
}

/** A 0xAARRGGBB colour as (r, g, b, a) floats in [0, 1], written into `out` at `at`. */
export function unpackColor(argb: number, out: Float32Array, at: number): void {
  out[at] = Math.fround(((argb >>> 16) & 0xff) / 255);
  out[at + 1] = Math.fround(((argb >>> 8) & 0xff) / 255);
  out[at + 2] = Math.fround((argb & 0xff) / 255);
  out[at + 3] = Math.fround(((argb >>> 24) & 0xff) / 255);
}

/**
 * Indices of the lights a draw uses: the enabled ones in index order, at most
 * `MAX_ACTIVE_LIGHTS` (a guest may enable more; D3D9 would fail the draw, we light with the first
 * eight).
 */
export function activeLights(ctx: FixedFunctionContext): number[] {
  const out: number[] = [];
  const count = Math.min(ctx.lightEnabled.length, Math.floor(ctx.lights.length / LIGHT_WORDS));
  for (let i = 0; i < count && out.length < MAX_ACTIVE_LIGHTS; i++) if (ctx.lightEnabled[i] === 1) out.push(i);
  return out;
}
