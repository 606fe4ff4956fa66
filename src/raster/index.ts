/**
 * The rasteriser back end: triangle setup with the top-left rule, lines, points, attribute
 * interpolation, and the output merger (alpha test, stencil, depth, fog, gamma, blending, write
 * masks) over render targets of the legacy surface formats.
 *
 * Entry points (one primitive per call, drawn in call order, bit-identical across runs):
 * `rasterizeTriangle(v0, v1, v2, ctx)`, `rasterizeLine(v0, v1, ctx)`, `rasterizePoint(v, size, ctx)`,
 * and `checkRenderTargets(targets)` for the reason a target set is refused (the entry points then
 * draw nothing). A `RasterContext` is bound on first use: its state, targets and layout must not
 * change afterwards (make one per draw).
 *
 * The rules, each stated in full where it is implemented:
 * - coverage: 8-bit subpixel snapping, top-left rule, aligned 2×2 quads (`setup-triangle.ts`);
 *   lines by D3D9's exact diamond-exit rule, LASTPIXEL adds the end point's diamond
 *   (`draw-line.ts`, `line-diamond.ts`);
 *   points as top-left-ruled squares, sprite coordinates (`draw-point.ts`);
 * - culling by screen winding, FRONTWINDING and CULLMODE, fill modes, depth bias
 *   (`draw-triangle.ts`);
 * - shade every covered quad, then test: no early-Z shortcut (`fragment-run.ts`);
 * - alpha test in float32 against the 0–1 ALPHAREF, stencil then depth in integer depth codes,
 *   fog, gamma before blending, float32 blending, masked packing (`output-merger.ts`,
 *   `depth-stencil-test.ts`, `pixel-fog.ts`, `blend.ts`, `render-targets.ts`).
 */
export {
  MAX_RENDER_TARGETS,
  MAX_VARYINGS,
  type FragmentOutput,
  type FragmentQuad,
  type FragmentStage,
  type RasterContext,
  type RasterCounters,
  type RasterPrimitive,
  type RasterVertex,
  type RenderTarget,
  type RenderTargets,
  type TargetImage,
  type VaryingInterpolation,
  type VaryingLayout,
} from './raster-interfaces.js';
export {
  BLEND_OFF,
  defaultOutputMergerState,
  defaultRasterizerState,
  type AlphaTestState,
  type BlendTargetState,
  type DepthState,
  type FogState,
  type OutputMergerState,
  type RasterizerState,
  type StencilFaceState,
  type StencilState,
} from './raster-state.js';
export type { PixelRect } from './setup-triangle.js';
export { rasterizeTriangle, isCulled, isFrontFacing, maxDepthSlope, triangleDepthBias } from './draw-triangle.js';
export { rasterizeLine } from './draw-line.js';
export { rasterizePoint, MAX_POINT_SIZE } from './draw-point.js';
export { checkRenderTargets } from './render-targets.js';
export { compare, stencilOp } from './depth-stencil-test.js';
export { blendColors, blendFactor, unpackArgb } from './blend.js';
export { fogFactor } from './pixel-fog.js';
export { GUARD_BAND_PIXELS, SUBPIXEL_BITS, SUBPIXEL_ONE } from './subpixel.js';
