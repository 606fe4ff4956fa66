/**
 * The draw path's front half: vertex fetch, vertex shading (shader VM or fixed-function
 * programs), primitive assembly, clipping, the viewport, derived raster state and the fragment
 * stage on the shader VM; `createDrawBackend` wires it all to the device's `DrawBackend` port.
 */
export { createDrawBackend, REFERENCE_RASTER, type DrawBackendOptions, type PipelineDrawBackend } from './draw-backend.js';
export { createDrawSampler, samplerBindings, VERTEX_SAMPLER_STAGE } from './texture-bindings.js';
export { FIXED_FUNCTION_BUILDER } from './fixed-function-builder.js';
export { drawPrimitives, MAX_DRAW_QUADS, MAX_DRAW_VERTICES, type DeclElement, type DrawServices, type FixedFunctionBuilder, type FixedFunctionProgram } from './draw.js';
export type { DrawConstantBanks, DrawContext, DrawSurface, DrawSurfaceBinding, DrawSurfaceImage, DrawSurfaces } from './draw-context.js';
export { PipelineDiag } from './pipeline-diagnostics.js';
export { DECL_TYPE_BYTES, declTypeBytes, decodeElement, fetchElement, vertexArray, type VertexArray } from './vertex-fetch.js';
export { IndexReader, forEachPrimitive, primitiveShape, vertexCountFor, type IndexSource } from './primitive-assembly.js';
export { clipLine, clipPolygon, outcode, planeDistance, type ClipPlane } from './clip-polygon.js';
export { CLIP_GUARD_BAND, resolveViewport, toWindow, volumePlanes, type Viewport, type ViewportRect, type WindowPosition } from './viewport.js';
export { invert4, userClipPlanes } from './user-clip-planes.js';
export {
  clipPlaneMask,
  clipRect,
  deriveOutputMergerState,
  derivePointState,
  deriveRasterizerState,
  isFlatShaded,
  wordToFloat,
  type OutputMergerOptions,
  type PointState,
} from './derive-draw-state.js';
export { MAX_POINT_SIZE, pointSize, scaledPointSize } from './point-size.js';
export { linkStages, type Linkage, type LinkOptions, type PixelInputTarget, type Semantic } from './shader-linkage.js';
export { createShaderFragmentStage, type ShaderFragmentOptions } from './fragment-stage.js';
export { createPretransformedStage, createProgramVertexStage, type DeclSemantic, type VertexStage } from './vertex-stage.js';
export { VERTEX_CACHE_ENTRIES, VertexProcessor, instanceCount, type ProcessedVertex } from './vertex-processor.js';
export { PrimitiveEmitter, type RasterBackEnd } from './primitive-emitter.js';
export { resolveTargets, type ResolvedTargets } from './resolve-targets.js';
export { contextConstants } from './context-constants.js';
export { ps1StageState } from './ps1-stage-state.js';
