/**
 * The output merger of one fragment, in D3D9 order:
 *
 *  1. alpha test on oC0's alpha (when enabled): `alpha ALPHAFUNC ALPHAREF`, both float32, with
 *     alpha clamped to [0, 1] unless COLOR0 is a float format. SVGA sends ALPHAREF as a 0–1
 *     float, and this oracle compares at that precision rather than D3D9's 8-bit `ALPHAREF/255`
 *     (a guest sending k/255 gets the same answer for every alpha that is itself k/255).
 *  2. stencil and depth tests and their writes (`depth-stencil-test.ts`); a surviving fragment
 *     counts one sample for occlusion queries.
 *  3. per written render target: the source colour clamped to the target's range ([0, 1] unorm,
 *     [−1, 1] signed, none for float formats), fog on RGB, OUTPUTGAMMA on RGB
 *     (`c^(1/gamma)` of max(c, 0), applied to the shader's output before blending: gamma
 *     describes the colour the pixel pipeline emits, and blending then works on stored values),
 *     blending with the stored colour, and the write through the channel mask.
 */
import { f32Pow } from '../common/f32-math.js';
import { blendColors, blendKernel, unpackArgb, type BlendKernel } from './blend.js';
import { compare, depthStencilTest, depthTest } from './depth-stencil-test.js';
import { applyFog, fogFactor, fogSource, type FogSource } from './pixel-fog.js';
import type { FragmentOutput, RasterContext } from './raster-interfaces.js';
import type { BlendTargetState, OutputMergerState } from './raster-state.js';
import { readColor, writeColor, type BoundColorTarget, type BoundDepthTarget, type BoundTargets } from './render-targets.js';

const f = Math.fround;

/** One render target the merger may write, with its state looked up once per draw. */
export interface ColorWrite {
  /** Render target index (bit `slot` of `colorsWritten`). */
  readonly slot: number;
  readonly target: BoundColorTarget;
  /** COLORWRITEENABLE of the slot, never 0 (slots that write nothing are left out). */
  readonly mask: number;
  /** Clamping of the source colour: the low end, or NaN for float formats (no clamping). */
  readonly low: number;
  /** The blend kernel (`blendKernel`), or undefined when blending is off. */
  readonly blend: BlendKernel | undefined;
}

/** Per-draw constants of the merger, unpacked once. */
export interface MergerSetup {
  readonly state: OutputMergerState;
  readonly targets: BoundTargets;
  readonly fog: FogSource;
  readonly fogRgb: Float32Array;
  readonly blendConstant: Float32Array;
  /** 1/OUTPUTGAMMA in float32, or 0 when gamma is off. */
  readonly gammaExponent: number;
  readonly alphaRef: number;
  /** Whether the alpha test clamps alpha (COLOR0 is not a float format). */
  readonly alphaClamped: boolean;
  /** The targets with a non-zero write mask, in slot order. */
  readonly writes: readonly ColorWrite[];
  /** The stencil target when the stencil test runs (enabled and bound), else undefined. */
  readonly stencilTarget: BoundDepthTarget | undefined;
  /** The depth target when the depth test runs (enabled and bound), else undefined. */
  readonly depthTarget: BoundDepthTarget | undefined;
}

function colorWrites(state: OutputMergerState, targets: BoundTargets): ColorWrite[] {
  const writes: ColorWrite[] = [];
  for (let slot = 0; slot < targets.colors.length; slot++) {
    const target = targets.colors[slot];
    const mask = (state.colorWriteMask[slot] ?? 0xf) & 0xf;
    if (target === undefined || mask === 0) continue;
    const blend: BlendTargetState | undefined = state.blend[slot];
    const low = target.range === 'float' ? Number.NaN : target.range === 'snorm' ? -1 : 0;
    writes.push({ slot, target, mask, low, blend: blend !== undefined && blend.enable ? blendKernel(blend) : undefined });
  }
  return writes;
}

/** Unpacks the constant parts of `ctx.output` for a draw into `targets`. */
export function setupMerger(ctx: RasterContext, targets: BoundTargets): MergerSetup {
  const state = ctx.output;
  const fogRgb = new Float32Array(4);
  unpackArgb(state.fog.color, fogRgb);
  const blendConstant = new Float32Array(4);
  unpackArgb(state.blendColor, blendConstant);
  const gamma = f(state.outputGamma);
  const gammaExponent = gamma > 0 && gamma !== 1 && Number.isFinite(gamma) ? f(1 / gamma) : 0;
  return {
    state,
    targets,
    fog: fogSource(state.fog, ctx.layout.fogVarying),
    fogRgb,
    blendConstant,
    gammaExponent,
    alphaRef: f(state.alphaTest.ref),
    alphaClamped: targets.colors[0]?.range !== 'float',
    writes: colorWrites(state, targets),
    stencilTarget: state.stencil.enable ? targets.stencil : undefined,
    depthTarget: state.depth.enable ? targets.depth : undefined,
  };
}

/** What the merger needs about one pixel besides the fragment output. */
export interface MergerPixel {
  /** Pixel position and index in the quad. */
  x: number;
  y: number;
  p: number;
  /** Interpolated, biased window depth (used unless the shader wrote oDepth). */
  depth: number;
  /** Pixel-fog distance (window z or eye w) and vertex fog factor (NaN when none). */
  fogDistance: number;
  fogVertex: number;
  clockwise: boolean;
}

const src = new Float32Array(4);
const dst = new Float32Array(4);

function clampToRange(t: BoundColorTarget, rgba: Float32Array): void {
  if (t.range === 'float') return;
  const lo = t.range === 'snorm' ? -1 : 0;
  for (let c = 0; c < 4; c++) {
    const v = rgba[c] ?? 0;
    rgba[c] = v > lo ? (v < 1 ? v : 1) : lo; // NaN → the low end
  }
}

/**
 * The plain merger {@link mergePixel} must equal: every state field looked up per pixel, the
 * generic blend. Kept as its specification (differential test).
 */
export function mergePixelReference(m: MergerSetup, out: FragmentOutput, px: MergerPixel, counters: { samplesPassed: number }): boolean {
  const { state, targets } = m;
  const colors = out.colors;
  const p = px.p;
  if (state.alphaTest.enable) {
    let a = colors[p * 4 + 3] ?? 0;
    if (m.alphaClamped) a = a > 0 ? (a < 1 ? a : 1) : 0;
    if (!compare(state.alphaTest.func, a, m.alphaRef)) return false;
  }
  let depth = px.depth;
  if (out.depthWritten) {
    const d = f(out.depth[p] ?? 0);
    depth = d > 0 ? (d < 1 ? d : 1) : 0;
  }
  if (!depthStencilTest(px.x, px.y, depth, px.clockwise, state.depth, state.stencil, targets.depth, targets.stencil)) return false;
  counters.samplesPassed++;

  let fog = 1;
  if (m.fog.kind === 'pixel') {
    fog = fogFactor(state.fog.func, px.fogDistance, state.fog.start, state.fog.end, state.fog.density);
  } else if (m.fog.kind === 'vertex') {
    fog = px.fogVertex;
  }
  const fogged = m.fog.kind !== 'none';

  for (let t = 0; t < targets.colors.length; t++) {
    const target = targets.colors[t];
    if (target === undefined || (out.colorsWritten & (1 << t)) === 0) continue;
    const mask = (state.colorWriteMask[t] ?? 0xf) & 0xf;
    if (mask === 0) continue;
    const base = (t * 4 + p) * 4;
    for (let c = 0; c < 4; c++) src[c] = colors[base + c] ?? 0;
    clampToRange(target, src);
    if (fogged) applyFog(src, fog, m.fogRgb);
    if (m.gammaExponent !== 0) {
      for (let c = 0; c < 3; c++) {
        const v = src[c] ?? 0;
        src[c] = f32Pow(v > 0 ? v : 0, m.gammaExponent);
      }
    }
    const blend = state.blend[t];
    if (blend !== undefined && blend.enable) {
      readColor(target, px.x, px.y, dst);
      blendColors(blend, src, dst, m.blendConstant, src);
    }
    writeColor(target, px.x, px.y, src, mask);
  }
  return true;
}

/**
 * Runs the merger for one covered, not-killed pixel. Returns whether it passed the tests.
 * The per-draw lookups of `m` replace the reference's per-pixel ones: the targets that can be
 * written, their clamping and blend kernels, and a depth-only test when stencil does not run
 * (equal to {@link mergePixelReference}, differential test).
 */
export function mergePixel(m: MergerSetup, out: FragmentOutput, px: MergerPixel, counters: { samplesPassed: number }): boolean {
  const state = m.state;
  const colors = out.colors;
  const p = px.p;
  if (state.alphaTest.enable) {
    let a = colors[p * 4 + 3] ?? 0;
    if (m.alphaClamped) a = a > 0 ? (a < 1 ? a : 1) : 0;
    if (!compare(state.alphaTest.func, a, m.alphaRef)) return false;
  }
  let depth = px.depth;
  if (out.depthWritten) {
    const d = f(out.depth[p] ?? 0);
    depth = d > 0 ? (d < 1 ? d : 1) : 0;
  }
  if (m.stencilTarget !== undefined) {
    if (!depthStencilTest(px.x, px.y, depth, px.clockwise, state.depth, state.stencil, m.targets.depth, m.stencilTarget)) return false;
  } else if (m.depthTarget !== undefined && !depthTest(px.x, px.y, depth, state.depth, m.depthTarget)) return false;
  counters.samplesPassed++;

  const fogKind = m.fog.kind;
  let fog = 1;
  if (fogKind === 'pixel') {
    fog = fogFactor(state.fog.func, px.fogDistance, state.fog.start, state.fog.end, state.fog.density);
  } else if (fogKind === 'vertex') {
    fog = px.fogVertex;
  }
  const writes = m.writes;
  for (let i = 0; i < writes.length; i++) {
    const w = writes[i] as ColorWrite;
    if ((out.colorsWritten & (1 << w.slot)) === 0) continue;
    const base = (w.slot * 4 + p) * 4;
    const low = w.low;
    if (low === low) {
      for (let c = 0; c < 4; c++) {
        const v = colors[base + c] ?? 0;
        src[c] = v > low ? (v < 1 ? v : 1) : low; // NaN → the low end
      }
    } else {
      for (let c = 0; c < 4; c++) src[c] = colors[base + c] ?? 0;
    }
    if (fogKind !== 'none') applyFog(src, fog, m.fogRgb);
    if (m.gammaExponent !== 0) {
      for (let c = 0; c < 3; c++) {
        const v = src[c] as number;
        src[c] = f32Pow(v > 0 ? v : 0, m.gammaExponent);
      }
    }
    if (w.blend !== undefined) {
      readColor(w.target, px.x, px.y, dst);
      w.blend(src, dst, m.blendConstant, src);
    }
    writeColor(w.target, px.x, px.y, src, w.mask);
  }
  return true;
}
