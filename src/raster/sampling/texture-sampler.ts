/**
 * The texture unit: implements the shader VM's `TextureSampler` port over the surfaces bound to a
 * draw's samplers. One lane at a time:
 *
 * 1. Coordinates: 2D reads (u, v), volumes (u, v, w), cubes select a face and its (s, t)
 *    (`cube-map.ts`); the shape is the DCL's, or the bound texture's for undeclared (ps_1_x)
 *    samplers (`prepared-texture.ts`); a shadow lookup's compare reference is the coordinate's z clamped to [0, 1]
 *    (NaN → 0; texldp has already divided it by w).
 * 2. LOD (`lod.ts`): texldl takes `lod[lane]`; every other variant measures the derivatives
 *    (implicit quad differences, or texldd's gradients) against level 0; cube derivatives are
 *    differences on the lane's face, `st(c + ddx) − st(c)`.
 * 3. Filter: `lod ≤ 0` magnifies with MAGFILTER, `lod > 0` minifies with MINFILTER (MINFILTER NONE
 *    ⇒ MAGFILTER without mipmapping). ANISOTROPIC minification of 2D and volume textures with
 *    TEXTURE_ANISOTROPIC_LEVEL ≥ 2 takes N = `anisotropicProbes(ρmax, ρmin)` trilinear probes at
 *    offsets `(2i + 1 − N) / (2N)` (i = 0 … N − 1) of the major-axis derivative around the
 *    coordinate, each at LOD `½·log2(ρmax² / N²) + biases`, summed in probe order and divided by N
 *    (float32 steps). Cubes and texldl (no derivatives) filter isotropically (LINEAR).
 * 4. Mip levels and per-level filtering (`lod.ts`, `level-filter.ts`), texel reads with sRGB
 *    decode and depth compare (`texel-fetch.ts`).
 *
 * Unbound samplers, surfaces that fail their checks (`prepared-texture.ts`), indices outside the
 * bindings and lanes outside the mask give (0, 0, 0, 1). Nothing here throws or reads outside an
 * image: every texel index is addressed into its level before the read.
 */
import { SVGA3dTextureAddress as ADDRESS, SVGA3dTextureFilter as FILTER } from '../../svga3d-decoder/spec/enums-texture-state.js';
import { cubeFace, cubeFaceCoords } from './cube-map.js';
import { lookup, sampleMips, type AxisModes } from './level-filter.js';
import {
  anisotropicProbes,
  biasLod,
  levelFilter,
  lodFromLength2,
  selectMip,
  type MipSelection,
} from './lod.js';
import { prepareTexture, type PreparedTexture } from './prepared-texture.js';
import type { SampleRequestLike, SurfaceViewLike, TextureSamplerLike } from './sampler-port.js';
import type { SamplerState } from './sampler-state.js';

const fr = Math.fround;

/** One sampler slot of a draw: the bound surface (if any) and the sampler's state. */
export interface SamplerBinding {
  readonly surface?: SurfaceViewLike | undefined;
  readonly state: SamplerState;
}

/** Sampler slots a texture unit accepts (16 pixel samplers + 4 vertex samplers, with room). */
export const MAX_SAMPLER_BINDINGS = 32;

/** Lanes of one request at most (a pixel quad). */
const MAX_LANES = 4;

interface Unit {
  readonly tex: PreparedTexture;
  readonly state: SamplerState;
  readonly modes: AxisModes;
}

const CUBE_MODES: AxisModes = Object.freeze({ u: ADDRESS.CLAMP, v: ADDRESS.CLAMP, w: ADDRESS.CLAMP });

const sel: MipSelection = { level: 0, frac: 0 };
const st = new Float32Array(6);
const probe = new Float32Array(4);
const sum = new Float32Array(4);

function saturate(v: number): number {
  return v > 0 ? (v < 1 ? v : 1) : 0;
}

function writeUnbound(out: Float32Array, o: number): void {
  out[o] = 0;
  out[o + 1] = 0;
  out[o + 2] = 0;
  out[o + 3] = 1;
}

function at(a: Float32Array, i: number): number {
  const v = a[i];
  return v === undefined ? 0 : v;
}

/** Samples one lane of `req` with `unit` into `out[o..o+3]`. */
function sampleLane(unit: Unit, req: SampleRequestLike, lane: number, out: Float32Array, o: number): void {
  const { tex, state } = unit;
  const shape = tex.shape;
  const volume = shape === 'volume';
  const c = 4 * lane;
  let u = at(req.coords, c);
  let v = at(req.coords, c + 1);
  let w = at(req.coords, c + 2);
  const ref = tex.depthCompare ? saturate(w) : -1;
  let face = 0;
  const base = tex.faces[0]?.[0];
  if (base === undefined) {
    writeUnbound(out, o);
    return;
  }
  let width = base.width;
  let height = base.height;
  const depth = volume ? base.depth : 1;

  // Derivatives in normalised coordinates of the sampled axes (u, v, w).
  let dux = 0, dvx = 0, dwx = 0, duy = 0, dvy = 0, dwy = 0;
  const explicitLod = req.variant === 'lod';
  if (shape === 'cube') {
    face = cubeFace(u, v, w);
    cubeFaceCoords(face, u, v, w, st, 0);
    if (!explicitLod) {
      cubeFaceCoords(face, fr(u + at(req.ddx, c)), fr(v + at(req.ddx, c + 1)), fr(w + at(req.ddx, c + 2)), st, 2);
      cubeFaceCoords(face, fr(u + at(req.ddy, c)), fr(v + at(req.ddy, c + 1)), fr(w + at(req.ddy, c + 2)), st, 4);
      dux = fr((st[2] as number) - (st[0] as number));
      dvx = fr((st[3] as number) - (st[1] as number));
      duy = fr((st[4] as number) - (st[0] as number));
      dvy = fr((st[5] as number) - (st[1] as number));
    }
    u = st[0] as number;
    v = st[1] as number;
    w = 0;
    const faceBase = tex.faces[face]?.[0];
    if (faceBase !== undefined) {
      width = faceBase.width;
      height = faceBase.height;
    }
  } else if (!explicitLod) {
    dux = at(req.ddx, c);
    dvx = at(req.ddx, c + 1);
    duy = at(req.ddy, c);
    dvy = at(req.ddy, c + 1);
    if (volume) {
      dwx = at(req.ddx, c + 2);
      dwy = at(req.ddy, c + 2);
    }
  }

  let lod: number;
  let rhoX = 0;
  let rhoY = 0;
  if (explicitLod) {
    lod = biasLod(at(req.lod, lane), state.lodBias);
  } else {
    // texelLength2 of lod.ts, written out: a call per axis would box six doubles.
    const xu = fr(dux * width);
    const xv = fr(dvx * height);
    const xw = fr(dwx * depth);
    rhoX = fr(fr(fr(xu * xu) + fr(xv * xv)) + fr(xw * xw));
    const yu = fr(duy * width);
    const yv = fr(dvy * height);
    const yw = fr(dwy * depth);
    rhoY = fr(fr(fr(yu * yu) + fr(yv * yv)) + fr(yw * yw));
    lod = biasLod(lodFromLength2(rhoX >= rhoY ? rhoX : rhoY), state.lodBias);
    if (req.variant === 'bias') lod = biasLod(lod, at(req.lod, lane));
  }

  const minify = lod > 0;
  const filter = minify ? (state.minFilter === FILTER.NONE ? state.magFilter : state.minFilter) : state.magFilter;
  const linear = levelFilter(filter) === 'linear';
  const levels = tex.faces[face] ?? tex.faces[0] ?? [];
  const modes = shape === 'cube' ? CUBE_MODES : unit.modes;

  if (minify && filter === FILTER.ANISOTROPIC && shape !== 'cube' && !explicitLod && state.maxAnisotropy >= 2) {
    const major = rhoX >= rhoY;
    const rhoMax = major ? rhoX : rhoY;
    const n = anisotropicProbes(rhoMax, major ? rhoY : rhoX, state.maxAnisotropy);
    if (n >= 2) {
      // log2(ρmax / N) = ½·log2(ρmax² / N²).
      let alod = biasLod(lodFromLength2(fr(rhoMax / (n * n))), state.lodBias);
      if (req.variant === 'bias') alod = biasLod(alod, at(req.lod, lane));
      selectMip(alod, state.mipFilter, state.minFilter, state.maxMipLevel, tex.levelCount, sel);
      const du = major ? dux : duy;
      const dv = major ? dvx : dvy;
      const dw = major ? dwx : dwy;
      sum.fill(0);
      for (let i = 0; i < n; i++) {
        const t = fr((2 * i + 1 - n) / (2 * n));
        lookup[0] = fr(u + fr(t * du));
        lookup[1] = fr(v + fr(t * dv));
        lookup[2] = fr(w + fr(t * dw));
        lookup[3] = ref;
        sampleMips(tex, levels, sel, volume, true, modes, probe, 0);
        for (let k = 0; k < 4; k++) sum[k] = fr((sum[k] as number) + (probe[k] as number));
      }
      for (let k = 0; k < 4; k++) out[o + k] = fr((sum[k] as number) / n);
      return;
    }
  }
  selectMip(lod, state.mipFilter, state.minFilter, state.maxMipLevel, tex.levelCount, sel);
  lookup[0] = u;
  lookup[1] = v;
  lookup[2] = w;
  lookup[3] = ref;
  sampleMips(tex, levels, sel, volume, linear, modes, out, o);
}

/** Options of {@link createTextureSampler}. */
export interface TextureSamplerOptions {
  /**
   * Hears of every bound surface that cannot be sampled (that slot then reads as unbound), so the
   * caller can report it with its own diagnostic code.
   */
  readonly unusable?: (sampler: number, reason: string) => void;
  /**
   * Use only the reference path: per-channel codecs, no block cache, no fast kernels. The results
   * are the same bits either way (differential tests); this exists to check that.
   */
  readonly reference?: boolean;
}

/**
 * Builds the texture unit of one draw. `bindings[i]` is sampler i (the pipeline maps shader
 * samplers and texture stages onto indices; `request.sampler` indexes this array). Surfaces are
 * checked once here; the result must be rebuilt when bindings, states or surface storage change
 * (the pipeline builds one per draw). At most {@link MAX_SAMPLER_BINDINGS} slots are used.
 */
export function createTextureSampler(
  bindings: ReadonlyArray<SamplerBinding | undefined>,
  options: TextureSamplerOptions = {},
): TextureSamplerLike {
  const { unusable, reference = false } = options;
  const units: (Unit | undefined)[] = [];
  const count = Math.min(bindings.length, MAX_SAMPLER_BINDINGS);
  for (let i = 0; i < count; i++) {
    const b = bindings[i];
    const tex = b === undefined ? undefined : prepareTexture(b.surface, b.state, unusable && ((reason) => unusable(i, reason)), reference);
    units.push(
      b === undefined || tex === undefined
        ? undefined
        : { tex, state: b.state, modes: { u: b.state.addressU, v: b.state.addressV, w: b.state.addressW } },
    );
  }
  return {
    sample(req: SampleRequestLike, out: Float32Array): void {
      const lanes = Math.min(Number.isInteger(req.lanes) && req.lanes > 0 ? req.lanes : 0, MAX_LANES, Math.floor(out.length / 4));
      const unit = Number.isInteger(req.sampler) && req.sampler >= 0 ? units[req.sampler] : undefined;
      for (let l = 0; l < lanes; l++) {
        const o = 4 * l;
        if (unit === undefined || !(req.mask & (1 << l))) writeUnbound(out, o);
        else sampleLane(unit, req, l, out, o);
      }
    },
  };
}
