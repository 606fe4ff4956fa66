/**
 * Everything one SVGA3D context owns: render and texture-stage states, transforms, materials,
 * lights, clip planes, viewport, z range, scissor, render-target bindings, shaders, shader
 * constants and the occlusion query. Surfaces are global and live elsewhere.
 *
 * Values are stored as the raw 32-bit words the guest sent (floats as IEEE bits, so NaN payloads
 * survive); `Float32Array` views over the same buffers give the float reading.
 */
import type { ShaderProgram } from '../../shader-vm/index.js';
import {
  RENDER_STATE_COUNT,
  TEXTURE_STAGE_COUNT,
  TEXTURE_STATE_COUNT,
  f32Bits,
  fillRenderStateDefaults,
  fillTextureStateDefaults,
} from './state-defaults.js';

/** Transform types are `1 .. TRANSFORM_COUNT - 1` (WORLD 1 … WORLD3 14). */
export const TRANSFORM_COUNT = 15;
/** Light indices a context stores (0–31); MAX_LIGHTS (8) bounds how many a draw lights with. */
export const LIGHT_COUNT = 32;
/** Words of an `SVGA3dLightData`. */
export const LIGHT_WORDS = 29;
/** Words of an `SVGA3dMaterial`. */
export const MATERIAL_WORDS = 17;
/** User clip planes (SVGA3D_NUM_CLIPPLANES). */
export const CLIP_PLANE_COUNT = 6;
/** Render-target slots: DEPTH 0, STENCIL 1, COLOR0–COLOR7 2–9. */
export const RENDER_TARGET_SLOTS = 10;
/** Colour targets the device advertises (MAX_RENDER_TARGETS); COLOR4–7 are refused. */
export const MAX_COLOR_TARGETS = 4;
/** Shader constant registers per shader type: float, int, bool (svga3d_shaderdefs.h). */
export const FLOAT_CONST_COUNT = 256;
export const INT_CONST_COUNT = 16;
export const BOOL_CONST_COUNT = 16;
/** `SVGA3D_INVALID_ID`: no surface / no shader. */
export const INVALID_ID = 0xffffffff;

/** `SVGA3dRenderTargetType`. */
export const RenderTargetType = { DEPTH: 0, STENCIL: 1, COLOR0: 2 } as const;
/** `SVGA3dShaderType` of the legacy protocol. */
export const ShaderType = { VS: 1, PS: 2 } as const;
/** Material faces (`SVGA3dFace` FRONT / BACK) as indices into {@link ContextState.materials}. */
export const MaterialFace = { FRONT: 0, BACK: 1 } as const;

/** A surface image bound to a slot. */
export interface SurfaceBinding {
  readonly sid: number;
  readonly face: number;
  readonly mip: number;
}

/** An unsigned rectangle in pixels (SVGA3dRect). */
export interface PixelRect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A defined shader: its bytecode words, kept exactly as the guest sent them. */
export interface ShaderObject {
  readonly shid: number;
  /** 1 VS, 2 PS. */
  readonly type: number;
  readonly bytecode: Uint32Array;
  /** The program the validator decoded (absent only when validation is switched off). */
  readonly program?: ShaderProgram;
}

/** One shader type's constant banks. */
export interface ConstantBanks {
  /** 256 registers × 4 words, raw bits. */
  readonly float: Uint32Array;
  /** 16 registers × 4 words. */
  readonly int: Uint32Array;
  /** 16 registers, one word each (0 or not). */
  readonly bool: Uint32Array;
}

function banks(): ConstantBanks {
  return {
    float: new Uint32Array(FLOAT_CONST_COUNT * 4),
    int: new Uint32Array(INT_CONST_COUNT * 4),
    bool: new Uint32Array(BOOL_CONST_COUNT),
  };
}

const IDENTITY_BITS = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1].map(f32Bits);
/**
 * D3D9's default light (what a light enabled before SETLIGHTDATA shines with): DIRECTIONAL (SVGA
 * type 4) in world space, white diffuse with alpha 0, direction +z; everything else zero.
 */
const DEFAULT_LIGHT: readonly number[] = (() => {
  const words = new Array<number>(LIGHT_WORDS).fill(0);
  words[0] = 4;
  words[1] = 1;
  words[2] = f32Bits(1);
  words[3] = f32Bits(1);
  words[4] = f32Bits(1);
  words[18 + 2] = f32Bits(1);
  return words;
})();

/** The state of one context. A new context holds the power-on defaults. */
export class ContextState {
  /** Indexed by SVGA3dRenderStateName. */
  readonly renderStates = new Uint32Array(RENDER_STATE_COUNT);
  /** Stage-major: `stage * TEXTURE_STATE_COUNT + name`. */
  readonly textureStates = new Uint32Array(TEXTURE_STAGE_COUNT * TEXTURE_STATE_COUNT);
  /** 16 words per transform type, row-major D3D matrices. */
  readonly transforms = new Uint32Array(TRANSFORM_COUNT * 16);
  readonly transformsF32 = new Float32Array(this.transforms.buffer);
  /** FRONT then BACK, 17 words each. */
  readonly materials = new Uint32Array(2 * MATERIAL_WORDS);
  readonly materialsF32 = new Float32Array(this.materials.buffer);
  /** `LIGHT_COUNT` × 29 words of SVGA3dLightData. */
  readonly lights = new Uint32Array(LIGHT_COUNT * LIGHT_WORDS);
  readonly lightsF32 = new Float32Array(this.lights.buffer);
  /** 1 where SETLIGHTENABLED turned the light on. */
  readonly lightEnabled = new Uint8Array(LIGHT_COUNT);
  /** 6 planes × (a, b, c, d). */
  readonly clipPlanes = new Uint32Array(CLIP_PLANE_COUNT * 4);
  readonly clipPlanesF32 = new Float32Array(this.clipPlanes.buffer);
  /** SETVIEWPORT rectangle, or undefined until set (then the whole render target is used). */
  viewport: PixelRect | undefined;
  /** SETZRANGE min, max as float bits. */
  readonly zRange = new Uint32Array([0, f32Bits(1)]);
  readonly zRangeF32 = new Float32Array(this.zRange.buffer);
  /** SETSCISSORRECT rectangle, or undefined until set. */
  scissor: PixelRect | undefined;
  /** Indexed by SVGA3dRenderTargetType. */
  readonly renderTargets: Array<SurfaceBinding | undefined> = new Array(RENDER_TARGET_SLOTS).fill(undefined);
  /** Shaders by id, one namespace per type: index 0 VS, 1 PS. */
  readonly shaders: readonly [Map<number, ShaderObject>, Map<number, ShaderObject>] = [new Map(), new Map()];
  /** Bound shader id per type (index 0 VS, 1 PS); INVALID_ID = fixed function. */
  readonly boundShaders: [number, number] = [INVALID_ID, INVALID_ID];
  /** Constant banks per type (index 0 VS, 1 PS). */
  readonly constants: readonly [ConstantBanks, ConstantBanks] = [banks(), banks()];
  /** The occlusion query between BEGIN_QUERY and END_QUERY, if any. */
  occlusionActive = false;
  /** Samples passed since BEGIN_QUERY (what the draw backend reported). */
  occlusionSamples = 0;
  /** Results of ended queries by guest pointer (`gmrId:offset`), for WAIT_FOR_QUERY. */
  readonly endedQueries = new Map<string, number>();

  readonly cid: number;

  constructor(cid: number) {
    this.cid = cid;
    fillRenderStateDefaults(this.renderStates);
    fillTextureStateDefaults(this.textureStates);
    for (let t = 1; t < TRANSFORM_COUNT; t++) this.transforms.set(IDENTITY_BITS, t * 16);
    for (let i = 0; i < LIGHT_COUNT; i++) this.lights.set(DEFAULT_LIGHT, i * LIGHT_WORDS);
  }

  /**
   * The viewport as it applies to a render target of `width` × `height`: SETVIEWPORT clipped to
   * the target ("the viewport is clipped to the render target"), or the whole target while no
   * viewport was set. Undefined when nothing of it is inside the target.
   */
  viewportFor(width: number, height: number): PixelRect | undefined {
    const v = this.viewport;
    if (!v) return width > 0 && height > 0 ? { x: 0, y: 0, w: width, h: height } : undefined;
    const x1 = Math.min(v.x + v.w, width);
    const y1 = Math.min(v.y + v.h, height);
    if (x1 <= v.x || y1 <= v.y) return undefined;
    return { x: v.x, y: v.y, w: x1 - v.x, h: y1 - v.y };
  }

  /** Render state `name` read as a float (for FOGSTART, POINTSIZE, ALPHAREF, …). */
  renderStateFloat(name: number): number {
    return new Float32Array(new Uint32Array([this.renderStates[name] ?? 0]).buffer)[0] ?? 0;
  }

  /** The 16 floats of transform `type` (1 WORLD … 14 WORLD3), a view into the context. */
  transform(type: number): Float32Array {
    return this.transformsF32.subarray(type * 16, type * 16 + 16);
  }

  /** The 17 floats of the FRONT (0) or BACK (1) material, a view: diffuse, ambient, specular, emissive, shininess. */
  material(face: 0 | 1): Float32Array {
    return this.materialsF32.subarray(face * MATERIAL_WORDS, face * MATERIAL_WORDS + MATERIAL_WORDS);
  }

  /**
   * Light `index` as views: `words` (type and inWorldSpace are words 0 and 1) and `floats`
   * (diffuse at 2, specular 6, ambient 10, position 14, direction 18, range 22, falloff 23,
   * attenuation0–2 24–26, theta 27, phi 28).
   */
  light(index: number): { readonly words: Uint32Array; readonly floats: Float32Array; readonly enabled: boolean } {
    const at = index * LIGHT_WORDS;
    return {
      words: this.lights.subarray(at, at + LIGHT_WORDS),
      floats: this.lightsF32.subarray(at, at + LIGHT_WORDS),
      enabled: this.lightEnabled[index] === 1,
    };
  }

  /** Texture state `name` of `stage` (raw word); stage and name must be in range. */
  textureState(stage: number, name: number): number {
    return this.textureStates[stage * TEXTURE_STATE_COUNT + name] ?? 0;
  }

  /** The shader bound for `type` (1 VS, 2 PS), or undefined for fixed function. */
  boundShader(type: number): ShaderObject | undefined {
    const index = type - 1;
    if (index !== 0 && index !== 1) return undefined;
    const shid = this.boundShaders[index];
    return shid === INVALID_ID ? undefined : this.shaders[index].get(shid);
  }

  /**
   * Called by the draw backend for every sample that passed depth and stencil tests, so an
   * active occlusion query counts it.
   */
  recordSamplesPassed(count: number): void {
    if (this.occlusionActive && Number.isFinite(count) && count > 0) {
      this.occlusionSamples = Math.min(0xffffffff, this.occlusionSamples + Math.floor(count));
    }
  }

  /** Drops every binding of surface `sid`: render targets and BIND_TEXTURE of every stage. */
  unbindSurface(sid: number): void {
    for (let slot = 0; slot < RENDER_TARGET_SLOTS; slot++) {
      if (this.renderTargets[slot]?.sid === sid) this.renderTargets[slot] = undefined;
    }
    for (let stage = 0; stage < TEXTURE_STAGE_COUNT; stage++) {
      const at = stage * TEXTURE_STATE_COUNT + 1;
      if (this.textureStates[at] === sid) this.textureStates[at] = INVALID_ID;
    }
  }
}
