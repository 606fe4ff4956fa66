/**
 * DRAW_PRIMITIVES, front to back, one page: targets and viewport, the two programs, derived
 * state, linkage, then for every range and instance: indices → vertices (fetched, shaded,
 * cached) → primitives → clipping → window space → the rasteriser. Primitives reach the
 * rasteriser in the order the ranges list them, so results are the same on every run.
 */
import { type Diagnostic, type DiagnosticSink, type ReportFn } from '../common/diagnostics.js';
import type { FragmentStage, RasterContext } from '../raster/raster-interfaces.js';
import { UNBOUND_SAMPLER, type ShaderConstants, type ShaderProgram, type TextureSampler } from '../shader-vm/index.js';
import type { ShaderRunMode } from '../shader-vm/jit/index.js';
import type { CommandBody } from '../svga3d-decoder/index.js';
import { SVGA3dDeclUsage } from '../svga3d-decoder/spec/enums.js';
import {
  clipPlaneMask,
  clipRect,
  derivePointState,
  deriveRasterizerState,
  isFlatShaded,
} from './derive-draw-state.js';
import { drawCacheOf, type DrawCache } from './draw-cache.js';
import type { DrawContext, DrawSurfaces } from './draw-context.js';
import { PipelineDiag } from './pipeline-diagnostics.js';
import { ps1StageState } from './ps1-stage-state.js';
import { IndexReader, forEachPrimitive, primitiveShape, vertexCountFor } from './primitive-assembly.js';
import { PrimitiveEmitter, type RasterBackEnd } from './primitive-emitter.js';
import { resolveTargets } from './resolve-targets.js';
import { createShaderFragmentStage } from './fragment-stage.js';
import type { FragmentStageCache } from './fragment-stage-cache.js';
import { linkStages, type Linkage } from './shader-linkage.js';
import { userClipPlanes } from './user-clip-planes.js';
import { instanceCount, vertexArrays } from './vertex-processor.js';
import { createPretransformedStage, createProgramVertexStage, type DeclSemantic, type VertexStage } from './vertex-stage.js';
import { resolveViewport, volumePlanes } from './viewport.js';

/** Assembled vertex positions a draw may use, over all ranges and instances. */
export const MAX_DRAW_VERTICES = 1 << 22;
/** Pixel quads a draw may shade: 2^24 quads is about 140 full 800×600 screens. */
export const MAX_DRAW_QUADS = 1 << 24;
/** Interpreter diagnostics passed on per draw; the rest are counted. */
const MAX_SHADER_DIAGNOSTICS = 8;
const INVALID_ID = 0xffffffff;

/** A generated fixed-function program and the constants it runs with. */
export interface FixedFunctionProgram {
  readonly program: ShaderProgram;
  readonly constants: ShaderConstants;
}

/** One vertex declaration element, as the fixed-function vertex program is keyed on it. */
export interface DeclElement {
  readonly type: number;
  readonly usage: number;
  readonly usageIndex: number;
}

/** Builds fixed-function programs from a context's state; undefined when it cannot. */
export interface FixedFunctionBuilder {
  /** The vertex program for a declaration; `viewportHeight` scales points (POINTSCALEENABLE). */
  vertex(context: DrawContext, elements: readonly DeclElement[], viewportHeight: number): FixedFunctionProgram | undefined;
  /** The pixel program (texture-stage cascade); `pretransformed` for POSITIONT draws. */
  pixel(context: DrawContext, surfaces: DrawSurfaces, pretransformed: boolean): FixedFunctionProgram | undefined;
}

/** What a draw runs with besides the command. */
export interface DrawServices {
  readonly raster: RasterBackEnd;
  readonly fixedFunction?: FixedFunctionBuilder | undefined;
  /** Texture sampler of a stage; absent: nothing is bound (every lookup gives (0, 0, 0, 1)). */
  readonly sampler?:
    | ((context: DrawContext, surfaces: DrawSurfaces, program: ShaderProgram, stage: 'vertex' | 'pixel') => TextureSampler)
    | undefined;
  /** Overrides MAX_DRAW_VERTICES (tests). */
  readonly maxVertices?: number | undefined;
  /** Overrides MAX_DRAW_QUADS (tests). */
  readonly maxQuads?: number | undefined;
  /**
   * Which shader runners a draw uses: `compiled` (default: generated code, falling back to the
   * interpreter for programs it does not take) or `reference` (the interpreter). Same bits either way.
   */
  readonly shaderMode?: ShaderRunMode | undefined;
}

/** Passes the first few interpreter diagnostics on as the draw's own, counts the rest. */
class ShaderSink implements DiagnosticSink {
  dropped = 0;
  private passed = 0;
  private readonly forward: ReportFn;

  constructor(forward: ReportFn) {
    this.forward = forward;
  }

  report(d: Diagnostic): void {
    if (this.passed < MAX_SHADER_DIAGNOSTICS) {
      this.passed++;
      this.forward({ code: d.code, name: d.name, severity: d.severity }, d.message);
    } else this.dropped++;
  }
}

/** The bound program of `type` (1 VS, 2 PS), fixed function, or a reported failure (undefined). */
function chooseProgram(
  context: DrawContext,
  cache: DrawCache,
  type: 1 | 2,
  fixed: () => FixedFunctionProgram | undefined,
  report: ReportFn,
): FixedFunctionProgram | undefined {
  const name = type === 1 ? 'vertex' : 'pixel';
  const shid = context.boundShaders[type - 1];
  if (shid === INVALID_ID) {
    const built = fixed();
    if (!built) report(PipelineDiag.I_FIXED_FUNCTION_UNAVAILABLE, `fixed-function ${name} pipeline not implemented; draw skipped`);
    return built;
  }
  const program = context.boundShader(type)?.program;
  if (!program) {
    report(PipelineDiag.E_SHADER_MISSING, `${name} shader ${shid} is not defined; draw skipped`);
    return undefined;
  }
  if (program.version.type !== (type === 1 ? 'vs' : 'ps')) {
    report(PipelineDiag.E_SHADER_TYPE, `${name} shader ${shid} is a ${program.version.type} program; draw skipped`);
    return undefined;
  }
  return { program, constants: cache.constants(context.constants[type - 1]!) };
}

/**
 * The draw's fragment stage: a context's kept one when it was built from the same program,
 * constants and targets (`FragmentStageCache`), reaching this draw's sampler and sink through the
 * cache's forwarders, which are pointed at them here.
 */
function fragmentStage(
  context: DrawContext,
  surfaces: DrawSurfaces,
  ps: FixedFunctionProgram,
  linkage: Linkage,
  fragments: FragmentStageCache,
  sampler: () => TextureSampler,
  sink: DiagnosticSink,
  mode: ShaderRunMode,
): FragmentStage {
  fragments.sampler.bind(sampler);
  fragments.sink.current = sink;
  const stages = ps.program.version.major === 1 ? ps1StageState(context, surfaces) : undefined;
  return fragments.stage(ps.program, mode, ps.constants, linkage.targets, stages !== undefined, () =>
    createShaderFragmentStage({
      program: ps.program,
      constants: ps.constants,
      sampler: fragments.sampler,
      targets: linkage.targets,
      stages,
      diagnostics: fragments.sink,
      shaderMode: mode,
    }),
  );
}

/** Renders one validated DRAW_PRIMITIVES. Never throws on guest data. */
export function drawPrimitives(
  context: DrawContext,
  cmd: CommandBody<'DRAW_PRIMITIVES'>,
  surfaces: DrawSurfaces,
  report: ReportFn,
  services: DrawServices,
): void {
  // Where pixels go.
  const cache = drawCacheOf(context);
  const fresh = resolveTargets(context, surfaces, report);
  if (!fresh) return;
  // The same images as the previous draw: the same target set, so the raster's binding of it holds.
  const resolved = cache.targets(fresh);
  const refused = services.raster.checkRenderTargets?.(resolved.targets);
  if (refused !== undefined) {
    report(PipelineDiag.W_RENDER_TARGET, `${refused}; draw skipped`);
    return;
  }
  const viewport = resolveViewport(context.viewport, resolved.width, resolved.height, context.zRangeF32[0]!, context.zRangeF32[1]!);
  if (!viewport) return;

  // Which programs run.
  const decls: DeclSemantic[] = cmd.decls.map((d) => ({ usage: d.identity.usage, usageIndex: d.identity.usageIndex }));
  const pretransformed = decls.some((d) => d.usage === SVGA3dDeclUsage.POSITIONT);
  const sink = new ShaderSink(report);
  const sampler = (program: ShaderProgram, stage: 'vertex' | 'pixel') =>
    services.sampler?.(context, surfaces, program, stage) ?? UNBOUND_SAMPLER;
  let stage: VertexStage;
  if (pretransformed) stage = createPretransformedStage(decls);
  else {
    const elements = cmd.decls.map((d) => ({ type: d.identity.type, usage: d.identity.usage, usageIndex: d.identity.usageIndex }));
    const vs = chooseProgram(context, cache, 1, () => services.fixedFunction?.vertex(context, elements, viewport.h), report);
    if (!vs) return;
    const mode = services.shaderMode ?? 'compiled';
    cache.vertexSampler.bind(() => sampler(vs.program, 'vertex'));
    stage = createProgramVertexStage(vs.program, decls, vs.constants, cache.vertexSampler, sink, mode, cache.vertexRunners(mode));
  }
  const ps = chooseProgram(context, cache, 2, () => services.fixedFunction?.pixel(context, surfaces, pretransformed), report);
  if (!ps) return;
  if (stage.position < 0) {
    report(PipelineDiag.E_NO_POSITION, 'the vertex stage outputs no position; draw skipped');
    return;
  }

  // Derived state and linkage.
  const states = context.renderStates;
  const output = cache.outputMerger(states, ps.program.version.major < 3);
  const vertexFog = output.fog.enable && (output.fog.type === 1 || output.fog.func === 4);
  const linkage = linkStages(stage.outputs, ps.program, { flat: isFlatShaded(states), vertexFog, defaultFor: stage.defaultFor });
  const ctx: RasterContext = {
    rasterizer: deriveRasterizerState(states, clipRect(states, viewport, context.scissor)),
    output,
    targets: resolved.targets,
    layout: linkage.layout,
    fragment: fragmentStage(context, surfaces, ps, linkage, cache.fragments, () => sampler(ps.program, 'pixel'), sink, services.shaderMode ?? 'compiled'),
    counters: { samplesPassed: 0, quadsShaded: 0 },
  };
  const fixedFunctionVertex = !pretransformed && context.boundShaders[0] === INVALID_ID;
  const planes = [
    ...volumePlanes(viewport),
    ...(pretransformed ? [] : userClipPlanes(context.clipPlanesF32, clipPlaneMask(states), fixedFunctionVertex, context.transformsF32)),
  ];
  const emitter = new PrimitiveEmitter({ raster: services.raster, ctx, viewport, planes, pretransformed, points: derivePointState(states) });
  const vertices = cache.vertexProcessor(vertexArrays(cmd.decls, surfaces), cmd.divisors, stage, linkage);

  // Ranges × instances → primitives.
  const instances = instanceCount(cmd.divisors);
  let budget = services.maxVertices ?? MAX_DRAW_VERTICES;
  let indexOutOfBounds = 0;
  const maxQuads = services.maxQuads ?? MAX_DRAW_QUADS;
  let overQuads = false;
  draw: for (const range of cmd.ranges) {
    const count = vertexCountFor(range.primType, range.primitiveCount);
    const shape = primitiveShape(range.primType);
    const indexSurface = range.indexArray.surfaceId === INVALID_ID ? undefined : surfaces.get(range.indexArray.surfaceId);
    const indices = new IndexReader({
      bytes: range.indexArray.surfaceId === INVALID_ID ? undefined : (indexSurface?.image(0, 0)?.bytes ?? new Uint8Array(0)),
      offset: range.indexArray.offset,
      stride: range.indexArray.stride,
      width: range.indexWidth === 4 ? 4 : 2,
    });
    const at = (position: number) => vertices.vertex(indices.index(position) + range.indexBias);
    for (let instance = 0; instance < instances; instance++) {
      if (count > budget) {
        report(PipelineDiag.W_VERTEX_BUDGET, `draw needs more than ${services.maxVertices ?? MAX_DRAW_VERTICES} vertices; the rest is skipped`);
        break draw;
      }
      budget -= count;
      vertices.begin(instance);
      forEachPrimitive(range.primType, range.primitiveCount, (a, b, c) => {
        // Checked between primitives, so a primitive is always drawn whole.
        if (overQuads || ctx.counters.quadsShaded > maxQuads) {
          overQuads = true;
          return;
        }
        const va = at(a);
        if (shape === 'point') {
          if (va) emitter.point(va);
          return;
        }
        const vb = at(b);
        if (shape === 'line') {
          if (va && vb) emitter.line(va, vb);
          return;
        }
        const vc = at(c);
        if (va && vb && vc) emitter.triangle(va, vb, vc);
      });
      if (overQuads) {
        report(PipelineDiag.W_FRAGMENT_BUDGET, `draw shaded more than ${maxQuads} pixel quads; the rest is skipped`);
        break draw;
      }
    }
    indexOutOfBounds += indices.outOfBounds;
  }

  vertices.finish();
  context.recordSamplesPassed(ctx.counters.samplesPassed);
  if (vertices.fetchOutOfBounds > 0) {
    report(PipelineDiag.W_FETCH_OUT_OF_BOUNDS, `${vertices.fetchOutOfBounds} vertex elements lie outside their surface and read as zero`);
  }
  emitter.reportDiagnostics(report);
  if (indexOutOfBounds > 0) report(PipelineDiag.W_INDEX_OUT_OF_BOUNDS, `${indexOutOfBounds} indices lie outside their surface and read as zero`);
  if (vertices.failedInvocations > 0) {
    report(PipelineDiag.W_VERTEX_SHADER_FAILED, `${vertices.failedInvocations} vertex shader invocations failed; their primitives were dropped`);
  }
  if (sink.dropped > 0) report(PipelineDiag.I_SHADER_DIAGNOSTICS_DROPPED, `${sink.dropped} more shader diagnostics in this draw`);
}
