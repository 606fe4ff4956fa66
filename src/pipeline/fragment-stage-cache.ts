/**
 * A context's pixel-shader fragment stages kept between draws: building one makes a quad runner
 * with its own register machine and loads its constants, the largest fixed cost of a small draw.
 * A kept stage is handed out again only when everything it was built from is the same:
 *
 * - the program object (decoded programs are immutable) and the run mode;
 * - every word of the constant banks it loaded (float bits, so −0 and NaN payloads count);
 * - the linkage's pixel-input targets;
 * - no ps_1_x texture-stage state (ps_1_x stages are built afresh every draw).
 *
 * The sampler and the diagnostics sink differ per draw; a kept stage reaches the current draw's
 * through the two forwarders below, which the draw points at its own before shading (a
 * `ForwardingSampler` serves the vertex stage the same way). So a kept
 * stage gives exactly what a fresh one would. Bounded by {@link FRAGMENT_STAGE_CACHE_ENTRIES}
 * programs (least recently used dropped); one cache per context.
 */
import type { Diagnostic, DiagnosticSink } from '../common/diagnostics.js';
import { LruMap } from '../common/lru-map.js';
import type { FragmentStage } from '../raster/raster-interfaces.js';
import { UNBOUND_SAMPLER, type ShaderConstants, type ShaderProgram, type TextureSampleRequest, type TextureSampler } from '../shader-vm/index.js';
import type { ShaderRunMode } from '../shader-vm/jit/index.js';
import type { PixelInputTarget } from './shader-linkage.js';

/** Pixel programs whose stages one context keeps. */
export const FRAGMENT_STAGE_CACHE_ENTRIES = 8;

/**
 * A sampler that samples through whichever sampler the current draw bound, made at the draw's
 * first lookup: a draw whose shaders never sample never builds its texture unit (the texture
 * state cannot change during a draw, so the late sampler is the one an early one would be).
 */
export class ForwardingSampler implements TextureSampler {
  private current: TextureSampler | undefined = UNBOUND_SAMPLER;
  private make: (() => TextureSampler) | undefined;

  /** Samples through `make()`'s sampler from now on. */
  bind(make: () => TextureSampler): void {
    this.make = make;
    this.current = undefined;
  }

  sample(request: TextureSampleRequest, out: Float32Array): void {
    let c = this.current;
    if (c === undefined) {
      c = this.make?.() ?? UNBOUND_SAMPLER;
      this.current = c;
    }
    c.sample(request, out);
  }
}

/** A sink that reports to whichever sink the current draw set. */
export class ForwardingSink implements DiagnosticSink {
  current: DiagnosticSink | undefined;
  report(d: Diagnostic): void {
    this.current?.report(d);
  }
}

/** What a kept stage was built from (besides the program, its map key). */
interface Entry {
  readonly stage: FragmentStage;
  readonly mode: ShaderRunMode;
  readonly floats: Uint32Array;
  readonly ints: Int32Array | undefined;
  readonly bools: Uint8Array | undefined;
  readonly targets: readonly (PixelInputTarget | undefined)[];
}

const wordViews = new WeakMap<Float32Array, Uint32Array>();

/** The bits of the float bank (a view, made once per bank array). */
function floatWords(c: ShaderConstants): Uint32Array {
  let w = wordViews.get(c.float);
  if (w === undefined) {
    w = new Uint32Array(c.float.buffer, c.float.byteOffset, c.float.length);
    wordViews.set(c.float, w);
  }
  return w;
}

function sameTargets(a: readonly (PixelInputTarget | undefined)[], b: readonly (PixelInputTarget | undefined)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined || y === undefined || x.file !== y.file || x.index !== y.index) return false;
  }
  return true;
}

// One function per array type, so each comparison loop stays monomorphic (it runs every draw).
function sameWords(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameInts(a: Int32Array | undefined, b: Int32Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Booleans as the VM reads them (non-zero = true), so any representation compares by meaning. */
function boolCopy(b: ArrayLike<number> | readonly boolean[] | undefined): Uint8Array | undefined {
  if (b === undefined) return undefined;
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = b[i] ? 1 : 0;
  return out;
}

function sameBools(a: Uint8Array | undefined, b: ArrayLike<number> | readonly boolean[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === undefined && b === undefined;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== (b[i] ? 1 : 0)) return false;
  return true;
}

/** The fragment stages of one context's draws. */
export class FragmentStageCache {
  /** The current draw's pixel sampler, for kept stages. */
  readonly sampler = new ForwardingSampler();
  /** The current draw's shader sink, for kept stages. */
  readonly sink = new ForwardingSink();
  private readonly entries = new LruMap<ShaderProgram, Entry>(FRAGMENT_STAGE_CACHE_ENTRIES);

  /**
   * The stage of `program` for these inputs: a kept one when all of them match, else `build()`
   * (which must build with {@link sampler} and {@link sink}), kept unless `stages` is set.
   */
  stage(
    program: ShaderProgram,
    mode: ShaderRunMode,
    constants: ShaderConstants,
    targets: readonly (PixelInputTarget | undefined)[],
    hasStageState: boolean,
    build: () => FragmentStage,
  ): FragmentStage {
    if (hasStageState) return build();
    const floats = floatWords(constants);
    const found = this.entries.get(program);
    if (
      found !== undefined &&
      found.mode === mode &&
      sameWords(found.floats, floats) &&
      sameInts(found.ints, constants.int) &&
      sameBools(found.bools, constants.bool) &&
      sameTargets(found.targets, targets)
    ) {
      return found.stage;
    }
    // A changed input replaces the program's entry in place; a new program may drop the oldest.
    const stage = build();
    this.entries.set(program, {
      stage,
      mode,
      floats: floats.slice(),
      ints: constants.int === undefined ? undefined : Int32Array.from(constants.int),
      bools: boolCopy(constants.bool),
      targets: targets.slice(),
    });
    return stage;
  }

  /** Programs kept now. */
  get size(): number {
    return this.entries.size;
  }
}
