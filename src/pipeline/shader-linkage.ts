/**
 * Linking the vertex stage's outputs to the pixel shader's inputs by semantic (usage, usage
 * index), D3D9 style (svga3d-protocol.md §5.6):
 *
 * - vs < 3.0 oD0/oD1 → COLOR0/1 → ps < 3.0 v0/v1; oT0–oT7 → TEXCOORD0–7 → t0–t7;
 * - vs_3_0 `o#` and ps_3_0 `v#` by their DCL usage and index;
 * - POSITIONT draws feed the pixel shader straight from the declaration's elements.
 *
 * Each pixel-shader input becomes one varying of the raster's layout; a semantic the vertex stage
 * does not produce gets the stage's documented default. The vertex fog factor (oFog) rides as
 * one more varying when vertex fog is on.
 *
 * Two-sided values: for a pixel shader below 3.0, a vertex output COLOR2 / COLOR3 (which no
 * ps < 3.0 can read) is the back-face value of COLOR0 / COLOR1, and FOG1 that of the fog factor
 * FOG0 ({@link backFaceSemantic}). Each becomes one more varying, read by no pixel input, paired
 * with its front varying in the layout's `facePairs` and interpolated like it, so a back-facing
 * triangle rasterises with it. The fixed-function vertex program writes them for two-sided material; D3D9 pairs a vs_3_0
 * (the only guest vertex shaders with such outputs) with ps_3_0 only, so no valid guest pair is
 * affected.
 */
import type { VaryingInterpolation, VaryingLayout } from '../raster/raster-interfaces.js';
import { MAX_VARYINGS } from '../raster/raster-interfaces.js';
import { DeclUsage, inputSignature, type ShaderProgram } from '../shader-vm/index.js';

/** A semantic. */
export interface Semantic {
  readonly usage: number;
  readonly usageIndex: number;
}

/** Where a varying goes in the pixel shader: v# (`input`) or t# (`texture`, ps < 3.0). */
export interface PixelInputTarget {
  readonly file: 'input' | 'texture';
  readonly index: number;
}

/** The result of linking. */
export interface Linkage {
  readonly layout: VaryingLayout;
  /** Per varying: index of the vertex output entry that feeds it, or −1 for the default. */
  readonly sources: readonly number[];
  /** Per varying: the value used when `sources` is −1. */
  readonly defaults: readonly (readonly [number, number, number, number])[];
  /** Per varying: where the pixel shader reads it; undefined for the fog varying. */
  readonly targets: readonly (PixelInputTarget | undefined)[];
}

/** What linking needs to know about the draw. */
export interface LinkOptions {
  /** SHADEMODE FLAT: colour varyings take the provoking vertex's value. */
  readonly flat: boolean;
  /** Vertex fog is on: carry FOG0's x as the fog factor. */
  readonly vertexFog: boolean;
  /** Default value of a semantic the vertex stage does not output. */
  readonly defaultFor: (s: Semantic) => readonly [number, number, number, number];
}

/**
 * The vertex output that carries the back-face value of `front` (a pixel shader < 3.0's COLOR0 /
 * COLOR1, or the fog factor FOG0): COLOR2, COLOR3, FOG1; undefined for every other semantic.
 */
export function backFaceSemantic(front: Semantic): Semantic | undefined {
  const usageIndex = backFaceUsageIndex(front);
  return usageIndex < 0 ? undefined : { usage: front.usage, usageIndex };
}

/** The usage index of `front`'s back-face output (same usage), or −1 (see {@link backFaceSemantic}). */
function backFaceUsageIndex(front: Semantic): number {
  if (front.usage === DeclUsage.COLOR && (front.usageIndex === 0 || front.usageIndex === 1)) return front.usageIndex + 2;
  if (front.usage === DeclUsage.FOG && front.usageIndex === 0) return 1;
  return -1;
}

function findEntry(entries: readonly Semantic[], usage: number, usageIndex: number): number {
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.usage === usage && e.usageIndex === usageIndex) return i;
  }
  return -1;
}

/**
 * The pixel shader's inputs as semantics and targets. ps_2_0 and later read only the v#/t# they
 * declare, so only those become varyings; ps_1_x has no declarations and gets all of v0/v1 and
 * t0–t7.
 */
function pixelInputs(ps: ShaderProgram): readonly PixelInput[] {
  // Programs are immutable once decoded, so each one's inputs are worked out once.
  let found = pixelInputCache.get(ps);
  if (found === undefined) {
    found = findPixelInputs(ps);
    pixelInputCache.set(ps, found);
  }
  return found;
}

interface PixelInput {
  readonly semantic: Semantic;
  readonly target: PixelInputTarget;
}

const pixelInputCache = new WeakMap<ShaderProgram, readonly PixelInput[]>();

function findPixelInputs(ps: ShaderProgram): PixelInput[] {
  const declared = new Set<string>();
  for (const it of ps.instructions) if (it.kind === 'dcl') declared.add(`${it.dst.file}${it.dst.index}`);
  return inputSignature(ps)
    .filter((e) => e.file === 'input' || e.file === 'texture')
    .filter((e) => ps.version.major < 2 || declared.has(`${e.file}${e.index}`))
    .map((e) => ({
      semantic: { usage: e.usage, usageIndex: e.usageIndex },
      target: { file: e.file === 'texture' ? ('texture' as const) : ('input' as const), index: e.index },
    }));
}

/**
 * Links `outputs` (the vertex stage's output semantics, in its order) to pixel program `ps`.
 * Inputs beyond MAX_VARYINGS are dropped (SVGA3D allows 16 pixel inputs, so only a hostile
 * program gets there); the fog varying is added only when a slot is left.
 */
export function linkStages(outputs: readonly Semantic[], ps: ShaderProgram, options: LinkOptions): Linkage {
  const sources: number[] = [];
  const defaults: (readonly [number, number, number, number])[] = [];
  const targets: (PixelInputTarget | undefined)[] = [];
  const interpolation: VaryingInterpolation[] = [];
  const spriteCoordVaryings: number[] = [];
  for (const { semantic, target } of pixelInputs(ps)) {
    if (sources.length >= MAX_VARYINGS) break;
    const slot = sources.length;
    sources.push(findEntry(outputs, semantic.usage, semantic.usageIndex));
    defaults.push(options.defaultFor(semantic));
    targets.push(target);
    interpolation.push(options.flat && semantic.usage === DeclUsage.COLOR ? 'flat' : 'perspective');
    if (semantic.usage === DeclUsage.TEXCOORD) spriteCoordVaryings.push(slot);
  }
  let fogVarying: number | undefined;
  const fogEntry = findEntry(outputs, DeclUsage.FOG, 0);
  if (options.vertexFog && fogEntry >= 0 && sources.length < MAX_VARYINGS) {
    fogVarying = sources.length;
    sources.push(fogEntry);
    defaults.push([1, 0, 0, 1]);
    targets.push(undefined);
    interpolation.push('perspective');
  }
  const facePairs = ps.version.major < 3 ? linkFacePairs(outputs, sources, defaults, targets, interpolation, fogVarying) : [];
  const base = fogVarying === undefined
    ? { count: sources.length, interpolation, spriteCoordVaryings }
    : { count: sources.length, interpolation, spriteCoordVaryings, fogVarying };
  const layout: VaryingLayout = facePairs.length > 0 ? { ...base, facePairs } : base;
  return { layout, sources, defaults, targets };
}

/**
 * Adds one varying per linked front varying (vertex-fed COLOR0 / COLOR1 inputs, the fog varying)
 * whose back-face output the vertex stage has, while slots are left; returns the pairs. A back
 * varying is interpolated like its front one: no pixel reads it, but the pipeline's flat fix-up
 * and the clipper work on varyings before the raster swaps them in, so it must be flat exactly
 * when its front is.
 */
function linkFacePairs(
  outputs: readonly Semantic[],
  sources: number[],
  defaults: (readonly [number, number, number, number])[],
  targets: (PixelInputTarget | undefined)[],
  interpolation: VaryingInterpolation[],
  fogVarying: number | undefined,
): [number, number][] {
  const pairs: [number, number][] = [];
  const fronts = sources.length;
  for (let slot = 0; slot < fronts; slot++) {
    const source = sources[slot]!;
    if (source < 0 || (targets[slot] === undefined && slot !== fogVarying)) continue;
    const front = outputs[source]!;
    const backIndex = backFaceUsageIndex(front);
    const backEntry = backIndex < 0 ? -1 : findEntry(outputs, front.usage, backIndex);
    if (backEntry < 0 || sources.length >= MAX_VARYINGS) continue;
    pairs.push([slot, sources.length]);
    sources.push(backEntry);
    defaults.push(defaults[slot]!);
    targets.push(undefined);
    interpolation.push(interpolation[slot] ?? 'perspective');
  }
  return pairs;
}
