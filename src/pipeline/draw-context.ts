/**
 * What the draw path reads of a context and of the surface store, as structural interfaces: the
 * device's `ContextState` and `SurfaceLookup` satisfy them as they are, and the pipeline does not
 * import the device (imports flow pipeline ← device).
 */
import type { ShaderProgram } from '../shader-vm/index.js';
import type { ViewportRect } from './viewport.js';

/** A surface image bound to a render-target slot. */
export interface DrawSurfaceBinding {
  readonly sid: number;
  readonly face: number;
  readonly mip: number;
}

/** One context's constant banks for a shader type (raw words). */
export interface DrawConstantBanks {
  /** 256 × 4 words, float bits. */
  readonly float: Uint32Array;
  /** 16 × 4 words, signed integers. */
  readonly int: Uint32Array;
  /** 16 words, non-zero = true. */
  readonly bool: Uint32Array;
}

/** The context state a draw reads. */
export interface DrawContext {
  /** Indexed by `SVGA3dRenderStateName`, raw words. */
  readonly renderStates: Uint32Array;
  /** 16 floats per transform type (row-major D3D matrices). */
  readonly transformsF32: Float32Array;
  /** FRONT then BACK material, 17 floats each (fixed-function lighting). */
  readonly materialsF32: Float32Array;
  /** 29 words per light (`SVGA3dLightData`), raw and as floats. */
  readonly lights: Uint32Array;
  readonly lightsF32: Float32Array;
  /** 1 where SETLIGHTENABLED turned light i on. */
  readonly lightEnabled: Uint8Array;
  /** 6 planes × (a, b, c, d). */
  readonly clipPlanesF32: Float32Array;
  readonly viewport: ViewportRect | undefined;
  /** SETZRANGE min, max. */
  readonly zRangeF32: Float32Array;
  readonly scissor: ViewportRect | undefined;
  /** Indexed by `SVGA3dRenderTargetType`: DEPTH 0, STENCIL 1, COLOR0–7 2–9. */
  readonly renderTargets: readonly (DrawSurfaceBinding | undefined)[];
  /** Bound shader ids (index 0 VS, 1 PS); 0xFFFFFFFF = fixed function. */
  readonly boundShaders: readonly number[];
  /** The shader bound for `type` (1 VS, 2 PS), undefined for fixed function or an unknown id. */
  boundShader(type: number): { readonly type: number; readonly program?: ShaderProgram | undefined } | undefined;
  /** Constant banks, index 0 VS, 1 PS. */
  readonly constants: readonly [DrawConstantBanks, DrawConstantBanks];
  /** Texture state `name` of `stage`, raw word. */
  textureState(stage: number, name: number): number;
  /** Adds samples that passed depth and stencil to an active occlusion query. */
  recordSamplesPassed(count: number): void;
}

/** One image of a surface: rows of texels (vertex and index buffers are a row of bytes). */
export interface DrawSurfaceImage {
  readonly width: number;
  readonly height: number;
  readonly depth: number;
  readonly rowPitch: number;
  readonly slicePitch: number;
  readonly bytes: Uint8Array;
}

/** A defined surface. */
export interface DrawSurface {
  readonly sid: number;
  readonly format: number;
  /** `SVGA3dSurfaceFlags`. */
  readonly flags: number;
  readonly faceCount: number;
  readonly mipLevels: number;
  image(face: number, mip: number): DrawSurfaceImage | undefined;
}

/** Finds surfaces by id. */
export interface DrawSurfaces {
  get(sid: number): DrawSurface | undefined;
}
