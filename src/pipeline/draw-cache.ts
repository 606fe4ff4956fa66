/**
 * What one context's draws keep from draw to draw so that an unchanged state is not derived
 * again and a program's runner is not built again (Mesa softpipe's derived state, SwiftShader's
 * state key → routine cache):
 *
 * - the output-merger state, keyed by every render-state word and the one draw input besides
 *   them (whether fog applies): any word that differs derives it afresh;
 * - the vertex-program runners, by program object and run mode (`VertexRunnerCache`), rebound to
 *   each draw's constants, sampler and sink.
 *
 * Both only save work: a hit gives exactly what a fresh derivation or runner gives. The caches
 * hang off the context object (a `WeakMap`), so they go away with it and never serve another
 * context; both are bounded (one state snapshot, a fixed number of runners).
 */
import type { OutputMergerState } from '../raster/raster-state.js';
import type { ShaderRunMode } from '../shader-vm/jit/index.js';
import { deriveOutputMergerState } from './derive-draw-state.js';
import type { DrawContext } from './draw-context.js';
import { VertexRunnerCache } from './vertex-stage.js';

/** The per-context caches of the draw path. */
export class DrawCache {
  private readonly runners = new Map<ShaderRunMode, VertexRunnerCache>();
  /** The render-state words the cached output-merger state was derived from. */
  private mergerStates: Uint32Array | undefined;
  private mergerFog = false;
  private merger: OutputMergerState | undefined;

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
