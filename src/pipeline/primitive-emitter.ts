/**
 * From assembled primitives of processed vertices to rasteriser calls: flat-shading fix-up,
 * clipping (trivial accept / reject by outcodes, else homogeneous clipping), the viewport
 * transform, point sizes, and one `rasterize*` call per resulting primitive, in order.
 *
 * A triangle the clipper cut becomes a fan; each fan triangle carries `TriangleParts` flags
 * naming which of its edges lie on the original triangle's edges and which of its vertices are
 * the original's (each polygon edge and vertex in exactly one fan triangle), so wireframe and
 * point fill draw what is left of the guest's triangle and not the fan's diagonals, the edges
 * along clip planes or the new vertices (D3D9).
 *
 * Pre-transformed (POSITIONT) vertices are already in window space: they skip clipping and the
 * viewport; a primitive with a vertex outside the guard band (or not finite) is dropped whole, as
 * D3D9 requires such vertices inside the guard band. The drops are counted and reported once
 * per draw (`reportDiagnostics`).
 */
import type { ReportFn } from '../common/diagnostics.js';
import { TriangleParts, type RasterContext, type RasterVertex, type RenderTargets } from '../raster/raster-interfaces.js';
import { ClipVertexFlags, clipLine, clipPolygonWithFlags, outcode, type ClipPlane } from './clip-polygon.js';
import type { PointState } from './derive-draw-state.js';
import { PipelineDiag } from './pipeline-diagnostics.js';
import { pointSize } from './point-size.js';
import type { ProcessedVertex } from './vertex-processor.js';
import { CLIP_GUARD_BAND, toWindow, type Viewport, type WindowPosition } from './viewport.js';

/** The rasteriser's entry points (one primitive per call, drawn in call order). */
export interface RasterBackEnd {
  /** `parts`: `TriangleParts` bits for LINE / POINT fill; omitted for a whole triangle (ALL). */
  rasterizeTriangle(v0: RasterVertex, v1: RasterVertex, v2: RasterVertex, ctx: RasterContext, parts?: number): unknown;
  rasterizeLine(v0: RasterVertex, v1: RasterVertex, ctx: RasterContext): unknown;
  rasterizePoint(v: RasterVertex, size: number, ctx: RasterContext): unknown;
  /** Why a target set cannot be drawn into, or undefined when it can (optional). */
  checkRenderTargets?(targets: RenderTargets): string | undefined;
}

/**
 * The `TriangleParts` of fan triangle (P0, Pi, Pi+1) of a clipped polygon P0…Pn−1 whose vertex i
 * has `ClipVertexFlags` `flags[i]` (edge i → i+1). The polygon's edges and vertices are shared
 * out so each is drawn once: the first triangle takes P0→P1 and the vertices P0 and P1, the last
 * one Pn−1→P0, every triangle its outer edge Pi→Pi+1 and its last vertex Pi+1. The diagonals
 * P0→Pi (1 < i < n−1) are never flagged.
 */
export function fanTriangleParts(flags: readonly number[], i: number): number {
  const n = flags.length;
  const original = (k: number, bit: number) => ((flags[k] ?? 0) & bit) !== 0;
  const { ORIGINAL_EDGE: EDGE, ORIGINAL_VERTEX: VERTEX } = ClipVertexFlags;
  let parts = 0;
  if (i === 1) {
    if (original(0, EDGE)) parts |= TriangleParts.EDGE_01;
    if (original(0, VERTEX)) parts |= TriangleParts.VERTEX_0;
    if (original(1, VERTEX)) parts |= TriangleParts.VERTEX_1;
  }
  if (original(i, EDGE)) parts |= TriangleParts.EDGE_12;
  if (original(i + 1, VERTEX)) parts |= TriangleParts.VERTEX_2;
  if (i + 2 === n && original(n - 1, EDGE)) parts |= TriangleParts.EDGE_20;
  return parts;
}

/** Everything an emitter needs for one draw. */
export interface EmitterSetup {
  readonly raster: RasterBackEnd;
  readonly ctx: RasterContext;
  readonly viewport: Viewport;
  /** Clip volume, guard band and user planes. */
  readonly planes: readonly ClipPlane[];
  readonly pretransformed: boolean;
  readonly points: PointState;
}

/** Clips, transforms and rasterises primitives of one draw. */
export class PrimitiveEmitter {
  /** Primitives handed to the rasteriser (after clipping: one per fan triangle). */
  rasterized = 0;
  /** Pre-transformed primitives dropped for a vertex outside the guard band or not finite. */
  pretransformedDropped = 0;
  private readonly setup: EmitterSetup;
  /** Varying slots interpolated flat: copied from the provoking vertex before clipping. */
  private readonly flatSlots: number[] = [];
  private readonly window: WindowPosition = { x: 0, y: 0, z: 0, invW: 0 };

  constructor(setup: EmitterSetup) {
    this.setup = setup;
    const { layout } = setup.ctx;
    for (let s = 0; s < layout.count; s++) if (layout.interpolation[s] === 'flat') this.flatSlots.push(s);
  }

  /** Rasterises triangle (a, b, c); a is the provoking vertex. */
  triangle(a: ProcessedVertex, b: ProcessedVertex, c: ProcessedVertex): void {
    const { planes } = this.setup;
    let v0 = a.data;
    let v1 = b.data;
    let v2 = c.data;
    if (this.flatSlots.length > 0) {
      v1 = this.withFlat(v0, v1);
      v2 = this.withFlat(v0, v2);
    }
    if (this.setup.pretransformed) {
      const w0 = this.direct(v0);
      const w1 = this.direct(v1);
      const w2 = this.direct(v2);
      if (w0 && w1 && w2) this.emitTriangle(w0, w1, w2);
      else this.pretransformedDropped++;
      return;
    }
    // Flat copies keep the position, so the vertex's own outcode and window position hold for them.
    const c0 = this.codeOf(a);
    const c1 = this.codeOf(b);
    const c2 = this.codeOf(c);
    if ((c0 & c1 & c2) !== 0) return;
    if ((c0 | c1 | c2) === 0) {
      const w0 = this.windowOf(a, v0);
      const w1 = this.windowOf(b, v1);
      const w2 = this.windowOf(c, v2);
      if (w0 && w1 && w2) this.emitTriangle(w0, w1, w2);
      return;
    }
    const polygon = clipPolygonWithFlags([v0, v1, v2], planes, c0 | c1 | c2);
    const window = polygon.vertices.map((p) => this.project(p));
    if (window.length < 3 || window.some((p) => p === undefined)) return;
    for (let i = 1; i + 1 < window.length; i++) {
      this.emitTriangle(window[0]!, window[i]!, window[i + 1]!, fanTriangleParts(polygon.flags, i));
    }
  }

  /** Rasterises line (a, b); a is the provoking vertex. */
  line(a: ProcessedVertex, b: ProcessedVertex): void {
    const { raster, ctx, planes } = this.setup;
    const v0 = a.data;
    const v1 = this.flatSlots.length > 0 ? this.withFlat(v0, b.data) : b.data;
    if (this.setup.pretransformed) {
      const w0 = this.direct(v0);
      const w1 = this.direct(v1);
      if (w0 && w1) {
        raster.rasterizeLine(w0, w1, ctx);
        this.rasterized++;
      } else this.pretransformedDropped++;
      return;
    }
    const c0 = this.codeOf(a);
    const c1 = this.codeOf(b);
    if ((c0 & c1) !== 0) return;
    const clipped = (c0 | c1) === 0 ? undefined : clipLine(v0, v1, planes, c0 | c1);
    if ((c0 | c1) !== 0 && !clipped) return;
    const w0 = clipped ? this.project(clipped[0]) : this.windowOf(a, v0);
    const w1 = clipped ? this.project(clipped[1]) : this.windowOf(b, v1);
    if (!w0 || !w1) return;
    raster.rasterizeLine(w0, w1, ctx);
    this.rasterized++;
  }

  /** Rasterises a point; points are clipped by their centre (D3D9), never cut. */
  point(a: ProcessedVertex): void {
    const { raster, ctx, viewport, points } = this.setup;
    let v: RasterVertex | undefined;
    if (this.setup.pretransformed) {
      v = this.direct(a.data);
      if (!v) this.pretransformedDropped++;
    } else if (this.codeOf(a) === 0) v = this.windowOf(a, a.data);
    if (!v) return;
    const size = pointSize(points, Number.isNaN(a.pointSize) ? undefined : a.pointSize, viewport.h);
    raster.rasterizePoint(v, size, ctx);
    this.rasterized++;
  }

  /**
   * Reports what the draw dropped, once per draw with a count: pre-transformed primitives outside
   * the guard band. Call after the draw's last primitive.
   */
  reportDiagnostics(report: ReportFn): void {
    if (this.pretransformedDropped > 0) {
      report(
        PipelineDiag.W_PRETRANSFORMED_DROPPED,
        `${this.pretransformedDropped} pre-transformed primitives have a vertex outside the guard band or not finite; dropped`,
      );
    }
  }

  /** `parts` only for fan triangles of a clipped one: the common whole triangle takes the default. */
  private emitTriangle(v0: RasterVertex, v1: RasterVertex, v2: RasterVertex, parts?: number): void {
    if (parts === undefined) this.setup.raster.rasterizeTriangle(v0, v1, v2, this.setup.ctx);
    else this.setup.raster.rasterizeTriangle(v0, v1, v2, this.setup.ctx, parts);
    this.rasterized++;
  }

  /** The outcode of `p`'s position, computed once. */
  private codeOf(p: ProcessedVertex): number {
    if (p.code < 0) p.code = outcode(this.setup.planes, p.data);
    return p.code;
  }

  /** `p`'s window vertex (projected once) carrying the varyings of `data` (p's own or a flat copy). */
  private windowOf(p: ProcessedVertex, data: Float32Array): RasterVertex | undefined {
    if (p.win === undefined) p.win = this.project(p.data) ?? null;
    const w = p.win;
    if (!w) return undefined;
    return data === p.data ? w : { x: w.x, y: w.y, z: w.z, invW: w.invW, varyings: data.subarray(4) };
  }

  /** A copy of `v` whose flat varyings are the provoking vertex's. */
  private withFlat(provoking: Float32Array, v: Float32Array): Float32Array {
    const out = v.slice();
    for (const s of this.flatSlots) out.set(provoking.subarray(4 + s * 4, 8 + s * 4), 4 + s * 4);
    return out;
  }

  /**
   * Window vertex of clip vertex `v`; undefined when it is not finite (w = 0 at the clip volume's
   * apex, NaN positions), which drops its primitive.
   */
  private project(v: Float32Array): RasterVertex | undefined {
    const w = toWindow(this.setup.viewport, v[0]!, v[1]!, v[2]!, v[3]!, this.window);
    if (!(Number.isFinite(w.x) && Number.isFinite(w.y) && Number.isFinite(w.z) && Number.isFinite(w.invW))) return undefined;
    return { x: w.x, y: w.y, z: w.z, invW: w.invW, varyings: v.subarray(4) };
  }

  /** A pre-transformed vertex as it is, or undefined outside the guard band or not finite. */
  private direct(v: Float32Array): RasterVertex | undefined {
    const x = v[0]!;
    const y = v[1]!;
    if (!(Math.abs(x) <= CLIP_GUARD_BAND && Math.abs(y) <= CLIP_GUARD_BAND)) return undefined;
    if (!(Number.isFinite(v[2]!) && Number.isFinite(v[3]!))) return undefined;
    return { x, y, z: v[2]!, invW: v[3]!, varyings: v.subarray(4) };
  }
}
