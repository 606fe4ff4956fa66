/**
 * Render targets of a draw: the context's COLOR0–3, DEPTH and STENCIL bindings resolved through
 * the surface store to (face, mip) images (svga3d-protocol.md §5.3). Colour targets must all have
 * COLOR0's size (the first bound one's when COLOR0 is unbound); one that differs is left out with
 * a diagnostic. Depth and stencil may be larger than the colour targets; the rasteriser clips to
 * every bound image, so a smaller one only limits where pixels are drawn.
 */
import type { ReportFn } from '../common/diagnostics.js';
import type { RenderTarget, RenderTargets } from '../raster/raster-interfaces.js';
import { MAX_RENDER_TARGETS } from '../raster/raster-interfaces.js';
import type { DrawContext, DrawSurfaceBinding, DrawSurfaces } from './draw-context.js';
import { PipelineDiag } from './pipeline-diagnostics.js';

/** Render-target slots of `SVGA3dRenderTargetType`. */
const DEPTH_SLOT = 0;
const STENCIL_SLOT = 1;
const COLOR0_SLOT = 2;

/** Resolved targets and the size the viewport is taken from. */
export interface ResolvedTargets {
  readonly targets: RenderTargets;
  readonly width: number;
  readonly height: number;
}

function resolve(
  binding: DrawSurfaceBinding | undefined,
  surfaces: DrawSurfaces,
  slot: string,
  report: ReportFn,
): RenderTarget | undefined {
  if (!binding || binding.sid === 0xffffffff) return undefined;
  const surface = surfaces.get(binding.sid);
  const image = surface?.image(binding.face, binding.mip);
  if (!surface || !image) {
    report(PipelineDiag.W_RENDER_TARGET, `${slot}: surface ${binding.sid} face ${binding.face} mip ${binding.mip} does not exist; unbound for this draw`);
    return undefined;
  }
  return { image, format: surface.format };
}

/** The draw's targets, or undefined (reported) when none is bound. */
export function resolveTargets(context: DrawContext, surfaces: DrawSurfaces, report: ReportFn): ResolvedTargets | undefined {
  const colors: (RenderTarget | undefined)[] = [];
  let size: { width: number; height: number } | undefined;
  for (let i = 0; i < MAX_RENDER_TARGETS; i++) {
    const target = resolve(context.renderTargets[COLOR0_SLOT + i], surfaces, `COLOR${i}`, report);
    if (target && size && (target.image.width !== size.width || target.image.height !== size.height)) {
      report(
        PipelineDiag.W_RENDER_TARGET,
        `COLOR${i} is ${target.image.width}×${target.image.height}, not ${size.width}×${size.height} like the other colour targets; unbound for this draw`,
      );
      colors.push(undefined);
      continue;
    }
    if (target && !size) size = { width: target.image.width, height: target.image.height };
    colors.push(target);
  }
  const depth = resolve(context.renderTargets[DEPTH_SLOT], surfaces, 'DEPTH', report);
  const stencil = resolve(context.renderTargets[STENCIL_SLOT], surfaces, 'STENCIL', report);
  const base = size ?? (depth ? depth.image : stencil?.image);
  if (!base) {
    report(PipelineDiag.W_RENDER_TARGET, 'no render target is bound; draw skipped');
    return undefined;
  }
  return { targets: { colors, depth, stencil }, width: base.width, height: base.height };
}
