/**
 * One vertex from index to clip-space vertex: fetch every declaration's element (per-vertex or
 * per-instance, SVGA's vertex divisors), run the vertex stage, and lay out position, varyings
 * (through the linkage) and point size the way clipping and the rasteriser want them.
 *
 * Results are kept in a post-transform cache keyed by the biased index, cleared per range and
 * instance, so an indexed mesh runs its vertex program once per distinct vertex. The cache only
 * saves work: every entry is exactly what a fresh run gives (deterministic inputs, no state).
 */
import type { RasterVertex } from '../raster/raster-interfaces.js';
import type { DrawSurfaces } from './draw-context.js';
import type { Linkage } from './shader-linkage.js';
import { IndexCache } from './vertex-cache.js';
import { fetchElement, vertexArray, type VertexArray } from './vertex-fetch.js';
import type { VertexStage } from './vertex-stage.js';

/** A processed vertex: clip x, y, z, w (window x, y, z, 1/w when pre-transformed), then varyings. */
export interface ProcessedVertex {
  readonly data: Float32Array;
  /** The vertex's own point size (oPts / PSIZE) when it has one, else NaN (use POINTSIZE). */
  readonly pointSize: number;
  /**
   * Filled in by the emitter the first time the vertex is used, so a vertex shared by several
   * primitives is tested and projected once: its outcode (−1 until known) and its window vertex
   * (undefined until known, null when not finite).
   */
  code: number;
  win: RasterVertex | null | undefined;
}

/** The fields of an SVGA3dVertexDecl the pipeline reads. */
export interface VertexDeclInput {
  readonly identity: { readonly type: number; readonly usage: number; readonly usageIndex: number };
  readonly array: { readonly surfaceId: number; readonly offset: number; readonly stride: number };
}

/**
 * Entries the post-transform cache holds before it starts over: enough for any real mesh's
 * locality, small enough that a huge non-indexed draw does not keep every vertex alive.
 */
export const VERTEX_CACHE_ENTRIES = 1 << 16;

/** SVGA3dVertexDivisor bits (D3D9 SetStreamSourceFreq). */
const DIVISOR_COUNT_MASK = 0x3fffffff;
const DIVISOR_INDEXED_DATA = 0x40000000;
const DIVISOR_INSTANCE_DATA = 0x80000000;

/** Number of instances a draw's divisors ask for: the indexed stream's count, at least 1. */
export function instanceCount(divisors: readonly number[] | undefined): number {
  let n = 1;
  for (const d of divisors ?? []) {
    if ((d & DIVISOR_INDEXED_DATA) !== 0) n = Math.max(n, d & DIVISOR_COUNT_MASK);
  }
  return n;
}

/** The arrays of a draw's declarations (first image of each surface). */
export function vertexArrays(decls: readonly VertexDeclInput[], surfaces: DrawSurfaces): VertexArray[] {
  const empty = new Uint8Array(0);
  return decls.map((d) => vertexArray(surfaces.get(d.array.surfaceId)?.image(0, 0)?.bytes ?? empty, d.identity.type, d.array.offset, d.array.stride));
}

/** `to[t..t+4) = from[f..f+4)`, without the view `subarray` would make. */
function copy4(from: Float32Array, f: number, to: Float32Array, t: number): void {
  to[t] = from[f] as number;
  to[t + 1] = from[f + 1] as number;
  to[t + 2] = from[f + 2] as number;
  to[t + 3] = from[f + 3] as number;
}

/** Fetches, shades and lays out vertices for one draw. */
export class VertexProcessor {
  /** Elements that were (partly) outside their surface. */
  fetchOutOfBounds = 0;
  /** Vertex-stage invocations that failed. */
  failedInvocations = 0;
  /** Vertex-stage invocations run (cache misses). */
  invocations = 0;

  private arrays: readonly VertexArray[] = [];
  /** Per declaration: 0 per-vertex, else elements advance every `n` instances. */
  private instanceStep = new Int32Array(0);
  private stage!: VertexStage;
  private linkage!: Linkage;
  private elements = new Float32Array(0);
  private outputs = new Float32Array(0);
  private readonly cache = new IndexCache<ProcessedVertex | null>();
  private instance = 0;

  constructor(arrays: readonly VertexArray[], divisors: readonly number[] | undefined, stage: VertexStage, linkage: Linkage) {
    this.reset(arrays, divisors, stage, linkage);
  }

  /**
   * Makes this processor the one of another draw, as a new one would be: counters zero, nothing
   * cached, scratch arrays sized for the new declarations and stage (reused when they fit exactly).
   */
  reset(arrays: readonly VertexArray[], divisors: readonly number[] | undefined, stage: VertexStage, linkage: Linkage): void {
    this.fetchOutOfBounds = 0;
    this.failedInvocations = 0;
    this.invocations = 0;
    this.arrays = arrays;
    if (this.instanceStep.length !== arrays.length) this.instanceStep = new Int32Array(arrays.length);
    for (let d = 0; d < arrays.length; d++) {
      const div = divisors?.[d] ?? 0;
      this.instanceStep[d] = (div & DIVISOR_INSTANCE_DATA) !== 0 ? Math.max(1, div & DIVISOR_COUNT_MASK) : 0;
    }
    this.stage = stage;
    this.linkage = linkage;
    // Exact sizes: a pre-transformed stage copies `outputs.length` elements.
    if (this.elements.length !== arrays.length * 4) this.elements = new Float32Array(arrays.length * 4);
    if (this.outputs.length !== stage.outputs.length * 4) this.outputs = new Float32Array(stage.outputs.length * 4);
    this.instance = 0;
    this.cache.clear();
  }

  /** Starts a new range or instance: cached vertices no longer apply. */
  begin(instance: number): void {
    this.instance = instance;
    this.cache.clear();
  }

  /** Ends the draw: drops its vertices (and a large index table), so an idle context holds little. */
  finish(): void {
    this.cache.release();
  }

  /** The processed vertex of biased index `index`, or null when its invocation failed. */
  vertex(index: number): ProcessedVertex | null {
    const hit = this.cache.get(index);
    if (hit !== undefined) return hit;
    const v = this.process(index);
    // Starting over is safe: an entry is only ever what a fresh run gives.
    if (this.cache.size >= VERTEX_CACHE_ENTRIES) this.cache.clear();
    this.cache.set(index, v);
    return v;
  }

  private process(index: number): ProcessedVertex | null {
    const { arrays, elements, outputs, stage, linkage } = this;
    for (let d = 0; d < arrays.length; d++) {
      const step = this.instanceStep[d]!;
      const element = step > 0 ? Math.floor(this.instance / step) : index;
      if (!fetchElement(arrays[d]!, element, elements, d * 4)) this.fetchOutOfBounds++;
    }
    this.invocations++;
    const written = stage.run(elements, outputs);
    if (written < 0) {
      this.failedInvocations++;
      return null;
    }
    const count = linkage.sources.length;
    const data = new Float32Array(4 + count * 4);
    if (stage.position >= 0) copy4(outputs, stage.position * 4, data, 0);
    for (let s = 0; s < count; s++) {
      const src = linkage.sources[s]!;
      if (src >= 0) copy4(outputs, src * 4, data, 4 + s * 4);
      else data.set(linkage.defaults[s]!, 4 + s * 4);
    }
    const ps = stage.pointSize;
    const ownSize = ps >= 0 && (ps > 30 || ((written >>> ps) & 1) === 1) ? (outputs[ps * 4] as number) : NaN;
    return { data, pointSize: ownSize, code: -1, win: undefined };
  }
}
