/**
 * What one context's draws keep from draw to draw so that an unchanged state is not derived
 * again and a program's runner is not built again (Mesa softpipe's derived state, SwiftShader's
 * state key → routine cache):
 *
 * - the output-merger state, keyed by every render-state word and the one draw input besides
 *   them (whether fog applies): any word that differs derives it afresh;
 * - the vertex-program runners, by program object and run mode (`VertexRunnerCache`), rebound to
 *   each draw's constants, sampler and sink;
 * - the resolved render-target set, kept while every slot holds the very same image object and
 *   format (images are fixed per surface definition: a redefined surface has new ones), so the
 *   raster's per-set binding (`boundTargets`) is reused instead of redone;
 * - the vertex processor's object and scratch arrays (reset per draw, nothing kept across);
 * - the pixel-shader fragment stages (`FragmentStageCache`: same program, constants and targets);
 * - the constant-bank views of the context (over its live words, so nothing to invalidate).
 *
 * Both only save work: a hit gives exactly what a fresh derivation or runner gives. The caches
 * hang off the context object (a `WeakMap`), so they go away with it and never serve another
 * context; all are bounded (one state snapshot, one target set, a fixed number of runners).
 */
import type { Linkage } from './shader-linkage.js';
import type { RenderTarget } from '../raster/raster-interfaces.js';
import type { OutputMergerState } from '../raster/raster-state.js';
import type { ShaderConstants } from '../shader-vm/index.js';
import type { ShaderRunMode } from '../shader-vm/jit/index.js';
import { deriveOutputMergerState } from './derive-draw-state.js';
import { contextConstants } from './context-constants.js';
import type { DrawConstantBanks, DrawContext } from './draw-context.js';
import { ForwardingSampler, FragmentStageCache } from './fragment-stage-cache.js';
import type { ResolvedTargets } from './resolve-targets.js';
import type { VertexArray } from './vertex-fetch.js';
import { VertexProcessor } from './vertex-processor.js';
import { VertexRunnerCache, type VertexStage } from './vertex-stage.js';

/** The bank arrays a context's constant views were made over, and the views. */
interface BankViews {
  readonly float: Uint32Array;
  readonly int: Uint32Array;
  readonly bool: Uint32Array;
  readonly constants: ShaderConstants;
}

/** The per-context caches of the draw path. */
export class DrawCache {
  /** The pixel-shader fragment stages (see `fragment-stage-cache.ts`). */
  readonly fragments = new FragmentStageCache();
  /** The current draw's vertex sampler, which the kept vertex runners sample through. */
  readonly vertexSampler = new ForwardingSampler();
  private readonly views = new Map<DrawConstantBanks, BankViews>();
  private readonly runners = new Map<ShaderRunMode, VertexRunnerCache>();
  /** The render-state words the cached output-merger state was derived from. */
  private mergerStates: Uint32Array | undefined;
  private mergerFog = false;
  private merger: OutputMergerState | undefined;
  private lastTargets: ResolvedTargets | undefined;
  private processor: VertexProcessor | undefined;

  /**
   * `contextConstants(banks)`: views over the live words, made again only if the bank arrays
   * themselves were replaced (their contents are read through the views at every use).
   */
  constants(banks: DrawConstantBanks): ShaderConstants {
    const v = this.views.get(banks);
    if (v !== undefined && v.float === banks.float && v.int === banks.int && v.bool === banks.bool) return v.constants;
    // A context has two bank sets (vertex, pixel); anything else starts the map over.
    if (this.views.size >= 2) this.views.clear();
    const constants = contextConstants(banks);
    this.views.set(banks, { float: banks.float, int: banks.int, bool: banks.bool, constants });
    return constants;
  }

  /** `fresh`, or the previous draw's set when it binds exactly the same images and formats. */
  targets(fresh: ResolvedTargets): ResolvedTargets {
    const last = this.lastTargets;
    if (last !== undefined && sameTargets(last, fresh)) return last;
    this.lastTargets = fresh;
    return fresh;
  }

  /** The context's vertex processor, reset for a draw as a new one would be. */
  vertexProcessor(arrays: readonly VertexArray[], divisors: readonly number[] | undefined, stage: VertexStage, linkage: Linkage): VertexProcessor {
    if (this.processor === undefined) this.processor = new VertexProcessor(arrays, divisors, stage, linkage);
    else this.processor.reset(arrays, divisors, stage, linkage);
    return this.processor;
  }

  /** The vertex runners of `mode`. */
  vertexRunners(mode: ShaderRunMode): VertexRunnerCache {
    let c = this.runners.get(mode);
    if (!c) {
      c = new VertexRunnerCache(mode);
      this.runners.set(mode, c);
    }
    return c;
  }

  /** `deriveOutputMergerState(states, { fogAllowed })`, derived again only when an input changed. */
  outputMerger(states: Uint32Array, fogAllowed: boolean): OutputMergerState {
    const last = this.mergerStates;
    if (this.merger !== undefined && last !== undefined && this.mergerFog === fogAllowed && sameWords(last, states)) return this.merger;
    this.merger = deriveOutputMergerState(states, { fogAllowed });
    this.mergerFog = fogAllowed;
    if (last !== undefined && last.length === states.length) last.set(states);
    else this.mergerStates = states.slice();
    return this.merger;
  }
}

function sameTarget(a: RenderTarget | undefined, b: RenderTarget | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.image === b.image && a.format === b.format);
}

function sameTargets(a: ResolvedTargets, b: ResolvedTargets): boolean {
  if (a.width !== b.width || a.height !== b.height) return false;
  const ca = a.targets.colors;
  const cb = b.targets.colors;
  if (ca.length !== cb.length) return false;
  for (let i = 0; i < ca.length; i++) if (!sameTarget(ca[i], cb[i])) return false;
  return sameTarget(a.targets.depth, b.targets.depth) && sameTarget(a.targets.stencil, b.targets.stencil);
}

function sameWords(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const caches = new WeakMap<DrawContext, DrawCache>();

/** The draw caches of `context` (made on its first draw). */
export function drawCacheOf(context: DrawContext): DrawCache {
  let c = caches.get(context);
  if (!c) {
    c = new DrawCache();
    caches.set(context, c);
  }
  return c;
}
