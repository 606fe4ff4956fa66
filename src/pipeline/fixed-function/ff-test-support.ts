/**
 * Test helpers of the fixed-function tests: a context with named state setters, a vertex run by
 * input semantic, a pixel-quad run with a recording sampler. Not used by production code.
 */
import { ContextState } from '../../device/contexts/context-state.js';
import { f32Bits } from '../../common/f32-math.js';
import type { ShaderConstants, ShaderProgram, TextureSampleRequest, TextureSampler } from '../../shader-vm/index.js';
import { DeclUsage, runPixelQuad, runVertexShader, validateProgram } from '../../shader-vm/index.js';
import { TEXTURE_STATE_COUNT } from '../../device/contexts/state-defaults.js';
import { VI } from './vertex-lighting.js';

/** A fresh context with power-on state. */
export function newContext(): ContextState {
  return new ContextState(1);
}

/** Sets render state `name` to a raw word. */
export function setRs(ctx: ContextState, name: number, value: number): void {
  ctx.renderStates[name] = value >>> 0;
}

/** Sets render state `name` to a float. */
export function setRsFloat(ctx: ContextState, name: number, value: number): void {
  ctx.renderStates[name] = f32Bits(value);
}

/** Sets texture state `name` of `stage` to a raw word. */
export function setTs(ctx: ContextState, stage: number, name: number, value: number): void {
  ctx.textureStates[stage * TEXTURE_STATE_COUNT + name] = value >>> 0;
}

/** Sets texture state `name` of `stage` to a float. */
export function setTsFloat(ctx: ContextState, stage: number, name: number, value: number): void {
  ctx.textureStates[stage * TEXTURE_STATE_COUNT + name] = f32Bits(value);
}

/** Sets a transform (row-major 16 floats). */
export function setTransform(ctx: ContextState, type: number, m: readonly number[]): void {
  ctx.transformsF32.set(m, type * 16);
}

/** A translation matrix (D3D: translation in row 3). */
export function translation(x: number, y: number, z: number): number[] {
  return [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, x, y, z, 1];
}

/** A scale matrix. */
export function scale(x: number, y: number, z: number): number[] {
  return [x, 0, 0, 0, 0, y, 0, 0, 0, 0, z, 0, 0, 0, 0, 1];
}

/** Light fields for `setLight`. */
export interface LightSpec {
  type: number;
  world?: boolean;
  diffuse?: number[];
  specular?: number[];
  ambient?: number[];
  position?: number[];
  direction?: number[];
  range?: number;
  falloff?: number;
  attenuation?: number[];
  theta?: number;
  phi?: number;
}

/** Defines and enables light `index`. */
export function setLight(ctx: ContextState, index: number, l: LightSpec): void {
  const at = index * 29;
  ctx.lights.fill(0, at, at + 29);
  ctx.lights[at] = l.type;
  ctx.lights[at + 1] = l.world === false ? 0 : 1;
  const put = (o: number, v: readonly number[] | undefined): void => {
    if (v) ctx.lightsF32.set(v, at + o);
  };
  put(2, l.diffuse);
  put(6, l.specular);
  put(10, l.ambient);
  put(14, l.position);
  put(18, l.direction);
  put(22, [l.range ?? 0, l.falloff ?? 0]);
  put(24, l.attenuation ?? [1, 0, 0]);
  put(27, [l.theta ?? 0, l.phi ?? 0]);
  ctx.lightEnabled[index] = 1;
}

/** A material as the tests write it (missing colours 0, power 0). */
export interface TestMaterial {
  diffuse?: number[];
  ambient?: number[];
  specular?: number[];
  emissive?: number[];
  power?: number;
}

/**
 * SETMATERIAL's effect: `face` FRONT_BACK (the default, what every corpus trace sends) writes
 * both materials, FRONT or BACK one of them.
 */
export function setMaterial(ctx: ContextState, m: TestMaterial, face: 'front' | 'back' | 'both' = 'both'): void {
  const faces = face === 'both' ? [0, 1] : face === 'front' ? [0] : [1];
  for (const at of faces.map((i) => i * 17)) {
    ctx.materialsF32.set(m.diffuse ?? [0, 0, 0, 0], at);
    ctx.materialsF32.set(m.ambient ?? [0, 0, 0, 0], at + 4);
    ctx.materialsF32.set(m.specular ?? [0, 0, 0, 0], at + 8);
    ctx.materialsF32.set(m.emissive ?? [0, 0, 0, 0], at + 12);
    ctx.materialsF32[at + 16] = m.power ?? 0;
  }
}

/** Vertex input values by semantic name (only those given are written). */
export interface VertexValues {
  position?: number[];
  normal?: number[];
  color0?: number[];
  color1?: number[];
  psize?: number[];
  blendWeight?: number[];
  blendIndices?: number[];
  texcoord?: (number[] | undefined)[];
}

/**
 * vs < 3.0 register names of the semantics a two-sided (vs_3_0) program declares, so tests read
 * both kinds alike; the back values are `backD0`, `backD1`, `backFog`.
 */
function semanticName(usage: number, usageIndex: number): string | undefined {
  switch (usage) {
    case DeclUsage.POSITION: return usageIndex === 0 ? 'oPos' : undefined;
    case DeclUsage.COLOR: return ['oD0', 'oD1', 'backD0', 'backD1'][usageIndex];
    case DeclUsage.FOG: return ['oFog', 'backFog'][usageIndex];
    case DeclUsage.PSIZE: return usageIndex === 0 ? 'oPts' : undefined;
    case DeclUsage.TEXCOORD: return `oT${usageIndex}`;
    default: return undefined;
  }
}

/**
 * Runs vertex program `program` on one vertex; returns outputs by register name (vs_3_0 outputs
 * under their vs < 3.0 names, see `semanticName`). Throws on failure (tests).
 */
export function runVertex(program: ShaderProgram, constants: ShaderConstants, v: VertexValues): Record<string, number[]> {
  const inputs = new Float32Array(64);
  const put = (reg: number, value: number[] | undefined): void => {
    if (value) inputs.set([0, 0, 0, 1].map((d, i) => value[i] ?? d), reg * 4);
  };
  put(VI.POSITION, v.position);
  put(VI.NORMAL, v.normal);
  put(VI.COLOR0, v.color0);
  put(VI.COLOR1, v.color1);
  put(VI.PSIZE, v.psize);
  put(VI.BLENDWEIGHT, v.blendWeight);
  put(VI.BLENDINDICES, v.blendIndices);
  (v.texcoord ?? []).forEach((t, i) => put(VI.TEXCOORD0 + i, t));
  const r = runVertexShader(program, { inputs, constants });
  if (r.status !== 'ok') throw new Error(`vertex program failed: ${r.status}`);
  const out: Record<string, number[]> = {};
  const sm3 = program.version.major >= 3;
  for (const o of r.outputs) if (o.written) out[(sm3 ? semanticName(o.usage, o.usageIndex) : undefined) ?? o.register] = Array.from(o.value);
  return out;
}

/** Error messages of the VM validator for `program` (expected empty). */
export function validationErrors(program: ShaderProgram): string[] {
  return validateProgram(program, program.version.type).map((d) => d.message);
}

/** A sampler returning a fixed texel per stage and recording every request. */
export class FakeSampler implements TextureSampler {
  readonly requests: { sampler: number; variant: string; coords: number[] }[] = [];
  private readonly texels: ReadonlyMap<number, readonly number[]>;

  constructor(texels: Record<number, readonly number[]>) {
    this.texels = new Map(Object.entries(texels).map(([k, v]) => [Number(k), v]));
  }

  sample(request: TextureSampleRequest, out: Float32Array): void {
    this.requests.push({ sampler: request.sampler, variant: request.variant, coords: Array.from(request.coords.subarray(0, 4)) });
    const t = this.texels.get(request.sampler) ?? [0, 0, 0, 1];
    for (let l = 0; l < request.lanes; l++) out.set(t, l * 4);
  }
}

/** Pixel inputs of a quad (every pixel the same). */
export interface PixelValues {
  diffuse?: number[];
  specular?: number[];
  texcoord?: (number[] | undefined)[];
}

/** Runs pixel program `program` over a quad with identical pixels; returns pixel 0's oC0. */
export function runPixel(program: ShaderProgram, constants: ShaderConstants, p: PixelValues, sampler: TextureSampler): number[] {
  const v = new Float32Array(256);
  const t = new Float32Array(128);
  for (let px = 0; px < 4; px++) {
    v.set(p.diffuse ?? [1, 1, 1, 1], (px * 16) * 4);
    v.set(p.specular ?? [0, 0, 0, 0], (px * 16 + 1) * 4);
    (p.texcoord ?? []).forEach((c, i) => {
      if (c) t.set([0, 0, 0, 1].map((d, k) => c[k] ?? d), (px * 8 + i) * 4);
    });
  }
  const r = runPixelQuad(program, { v, t, constants, sampler });
  if (r.status !== 'ok') throw new Error(`pixel program failed: ${r.status}`);
  return Array.from(r.colors.subarray(0, 4));
}
