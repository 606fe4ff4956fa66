/**
 * The per-draw fragment machinery shared by triangles, lines and points: the bound targets, the
 * effective clip rectangle, the varying layout as numbers, the reused quad and output buffers,
 * and `shadeAndMerge`, which runs the fragment stage on one quad and the output merger on each
 * of its live pixels.
 *
 * Reference path: every quad with a covered pixel is shaded, then tested. No early-Z or early
 * stencil shortcut is ever taken, so results cannot depend on one.
 */
import { mergePixel, setupMerger, type MergerPixel, type MergerSetup } from './output-merger.js';
import {
  MAX_VARYINGS,
  type FragmentOutput,
  type FragmentQuad,
  type RasterContext,
  type RasterPrimitive,
} from './raster-interfaces.js';
import { boundTargets } from './render-targets.js';
import type { PixelRect } from './setup-triangle.js';

/** Interpolation codes of `FragmentRun.interpolation`. */
export const INTERP_PERSPECTIVE = 0;
export const INTERP_LINEAR = 1;
export const INTERP_FLAT = 2;

/** The quad handed to the fragment stage, writable by the rasteriser. */
export interface MutableFragmentQuad extends FragmentQuad {
  x: number;
  y: number;
  mask: number;
  primitive: RasterPrimitive;
  vFace: number;
}

/** Output buffers, writable. */
interface MutableFragmentOutput extends FragmentOutput {
  colorsWritten: number;
  depthWritten: boolean;
  killed: number;
}

/** Per-draw state and buffers. */
export interface FragmentRun {
  readonly ctx: RasterContext;
  /** `ctx.rasterizer.clip` ∩ every bound target, with integer bounds; may be empty. */
  readonly clip: PixelRect;
  readonly varyingCount: number;
  /** Per varying: INTERP_PERSPECTIVE, INTERP_LINEAR or INTERP_FLAT. */
  readonly interpolation: Uint8Array;
  readonly quad: MutableFragmentQuad;
  readonly out: MutableFragmentOutput;
  readonly merger: MergerSetup;
  /** Filled by the caller per quad: final depth (biased), fog distance, primitive orientation. */
  readonly depth: Float64Array;
  readonly fogDistance: Float64Array;
  clockwise: boolean;
}

const runs = new WeakMap<RasterContext, FragmentRun | string>();

function clampedCount(count: number): number {
  if (!(count > 0)) return 0;
  return Math.min(MAX_VARYINGS, Math.floor(count));
}

/**
 * The clip rectangle ∩ the targets' extent. Fractional bounds are rounded up (pixel i is inside
 * when x0 ≤ i < x1); a NaN bound empties the rectangle.
 */
function intersectClip(clip: PixelRect, extent: PixelRect): PixelRect {
  const { x0: cx0, y0: cy0, x1: cx1, y1: cy1 } = clip;
  if ([cx0, cy0, cx1, cy1].some(Number.isNaN)) return { x0: 0, y0: 0, x1: 0, y1: 0 };
  const x0 = Math.max(Math.ceil(cx0), extent.x0);
  const y0 = Math.max(Math.ceil(cy0), extent.y0);
  const x1 = Math.min(Math.ceil(cx1), extent.x1);
  const y1 = Math.min(Math.ceil(cy1), extent.y1);
  return { x0, y0, x1: Math.max(x0, x1), y1: Math.max(y0, y1) };
}

function createRun(ctx: RasterContext): FragmentRun | string {
  const targets = boundTargets(ctx.targets);
  if (typeof targets === 'string') return targets;
  const count = clampedCount(ctx.layout.count);
  const interpolation = new Uint8Array(count);
  for (let v = 0; v < count; v++) {
    const mode = ctx.layout.interpolation[v];
    interpolation[v] = mode === 'flat' ? INTERP_FLAT : mode === 'linear' ? INTERP_LINEAR : INTERP_PERSPECTIVE;
  }
  const quad: MutableFragmentQuad = {
    x: 0,
    y: 0,
    mask: 0,
    primitive: 'triangle',
    varyingCount: count,
    varyings: new Float32Array(4 * count * 4),
    z: new Float32Array(4),
    vPos: new Float32Array(8),
    vFace: 1,
  };
  const out: MutableFragmentOutput = {
    colors: new Float32Array(64),
    colorsWritten: 0,
    depth: new Float32Array(4),
    depthWritten: false,
    killed: 0,
  };
  return {
    ctx,
    clip: intersectClip(ctx.rasterizer.clip, targets.extent),
    varyingCount: count,
    interpolation,
    quad,
    out,
    merger: setupMerger(ctx, targets),
    depth: new Float64Array(4),
    fogDistance: new Float64Array(4),
    clockwise: true,
  };
}

/**
 * The run of `ctx`, made on first use and kept while `ctx` lives (so state, targets and layout
 * of a context object must not change between its primitives), or the reason its render targets
 * are refused.
 */
export function fragmentRun(ctx: RasterContext): FragmentRun | string {
  let run = runs.get(ctx);
  if (run === undefined) {
    run = createRun(ctx);
    runs.set(ctx, run);
  }
  return run;
}

const pixel: MergerPixel = { x: 0, y: 0, p: 0, depth: 0, fogDistance: 0, fogVertex: 1, clockwise: true };

/**
 * Shades the quad the caller has filled in (`run.quad`: position, mask, primitive, vFace,
 * varyings, z; `run.depth`, `run.fogDistance`, `run.clockwise`) and merges its live pixels.
 */
export function shadeAndMerge(run: FragmentRun): void {
  const { quad, out, ctx } = run;
  for (let p = 0; p < 4; p++) {
    quad.vPos[2 * p] = quad.x + (p & 1);
    quad.vPos[2 * p + 1] = quad.y + (p >> 1);
  }
  out.colors.fill(0);
  out.depth.fill(0);
  out.colorsWritten = 0;
  out.depthWritten = false;
  out.killed = 0;
  ctx.fragment.shadeQuad(quad, out);
  ctx.counters.quadsShaded++;
  const live = quad.mask & ~out.killed & 0xf;
  if (live === 0) return;
  const fog = run.merger.fog;
  const fogComponent = fog.kind === 'vertex' && fog.varying < run.varyingCount ? fog.varying : -1;
  for (let p = 0; p < 4; p++) {
    if ((live & (1 << p)) === 0) continue;
    pixel.x = quad.x + (p & 1);
    pixel.y = quad.y + (p >> 1);
    pixel.p = p;
    pixel.depth = run.depth[p] ?? 0;
    pixel.fogDistance = run.fogDistance[p] ?? 0;
    pixel.fogVertex = fogComponent < 0 ? 1 : (quad.varyings[(p * run.varyingCount + fogComponent) * 4] ?? 1);
    pixel.clockwise = run.clockwise;
    mergePixel(run.merger, out, pixel, ctx.counters);
  }
}

/** Whether pixel (x, y) lies inside the run's clip rectangle. */
export function insideClip(run: FragmentRun, x: number, y: number): boolean {
  const c = run.clip;
  return x >= c.x0 && x < c.x1 && y >= c.y0 && y < c.y1;
}
