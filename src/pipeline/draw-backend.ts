/**
 * The device's `DrawBackend` port implemented by the pipeline. The rasteriser, the fixed-function
 * program builder and the texture samplers are services: by default the raster back end, the
 * raster's texture unit over the context's bound textures, the generated fixed-function
 * programs of `./fixed-function/`, and the compiled shader runners (`shaderMode: 'reference'` for
 * the interpreter).
 */
import type { ReportFn } from '../common/diagnostics.js';
import { checkRenderTargets, rasterizeLine, rasterizePoint, rasterizeTriangle } from '../raster/index.js';
import type { CommandBody } from '../svga3d-decoder/index.js';
import { drawPrimitives, type DrawServices } from './draw.js';
import type { DrawContext, DrawSurfaces } from './draw-context.js';
import type { RasterBackEnd } from './primitive-emitter.js';
import { createDrawSampler } from './texture-bindings.js';
import { FIXED_FUNCTION_BUILDER } from './fixed-function-builder.js';

/** Options of {@link createDrawBackend}; every service has a default. */
export type DrawBackendOptions = Partial<DrawServices>;

/** Structurally the device's `DrawBackend`. */
export interface PipelineDrawBackend {
  draw(context: DrawContext, cmd: CommandBody<'DRAW_PRIMITIVES'>, surfaces: DrawSurfaces, report: ReportFn): void;
}

/** The reference rasteriser of `src/raster`. */
export const REFERENCE_RASTER: RasterBackEnd = { rasterizeTriangle, rasterizeLine, rasterizePoint, checkRenderTargets };

/** A draw backend: the pipeline over `options`' services (or the defaults). */
export function createDrawBackend(options: DrawBackendOptions = {}): PipelineDrawBackend {
  const services: DrawServices = {
    raster: options.raster ?? REFERENCE_RASTER,
    fixedFunction: options.fixedFunction ?? FIXED_FUNCTION_BUILDER,
    sampler: options.sampler ?? createDrawSampler,
    maxVertices: options.maxVertices,
    maxQuads: options.maxQuads,
    shaderMode: options.shaderMode ?? 'compiled',
  };
  return {
    draw(context, cmd, surfaces, report) {
      drawPrimitives(context, cmd, surfaces, report, services);
    },
  };
}
