/**
 * Helpers for the raster tests: tiny in-memory render targets, a trivial fragment stage that
 * outputs interpolated varyings, and a context builder with D3D9 defaults.
 */
import { surfaceFormatInfo } from '../formats/index.js';
import { SVGA3dFace } from '../svga3d-decoder/spec/enums.js';
import type {
  FragmentOutput,
  FragmentQuad,
  FragmentStage,
  RasterContext,
  RasterVertex,
  RenderTarget,
  RenderTargets,
  VaryingLayout,
} from './raster-interfaces.js';
import {
  defaultOutputMergerState,
  defaultRasterizerState,
  type OutputMergerState,
  type RasterizerState,
} from './raster-state.js';

/** A zero-filled target of `format`, `width × height`, tightly packed. */
export function makeTarget(format: number, width: number, height: number): RenderTarget {
  const bpp = surfaceFormatInfo(format)?.bytesPerBlock ?? 4;
  return { format, image: { width, height, rowPitch: width * bpp, bytes: new Uint8Array(width * height * bpp) } };
}

/** The little-endian word of pixel (x, y) of a target of at most 4 bytes per pixel. */
export function pixelWord(t: RenderTarget, x: number, y: number): number {
  const bpp = surfaceFormatInfo(t.format)?.bytesPerBlock ?? 4;
  const at = y * t.image.rowPitch + x * bpp;
  let w = 0;
  for (let i = bpp - 1; i >= 0; i--) w = w * 256 + (t.image.bytes[at + i] ?? 0);
  return w;
}

/** Sets the little-endian word of pixel (x, y). */
export function setPixelWord(t: RenderTarget, x: number, y: number, word: number): void {
  const bpp = surfaceFormatInfo(t.format)?.bytesPerBlock ?? 4;
  const at = y * t.image.rowPitch + x * bpp;
  let w = word;
  for (let i = 0; i < bpp; i++) {
    t.image.bytes[at + i] = w % 256;
    w = Math.floor(w / 256);
  }
}

/** Fills every pixel with `word`. */
export function fillTarget(t: RenderTarget, word: number): void {
  for (let y = 0; y < t.image.height; y++) for (let x = 0; x < t.image.width; x++) setPixelWord(t, x, y, word);
}

/** The four float32 channels of a 16-byte ARGB_S23E8 pixel (stored R, G, B, A). */
export function pixelF32(t: RenderTarget, x: number, y: number): number[] {
  const at = y * t.image.rowPitch + x * 16;
  const view = new DataView(t.image.bytes.buffer, t.image.bytes.byteOffset + at, 16);
  return [0, 1, 2, 3].map((i) => view.getFloat32(i * 4, true));
}

/** Sets a 16-byte ARGB_S23E8 pixel. */
export function setPixelF32(t: RenderTarget, x: number, y: number, rgba: readonly number[]): void {
  const at = y * t.image.rowPitch + x * 16;
  const view = new DataView(t.image.bytes.buffer, t.image.bytes.byteOffset + at, 16);
  for (let i = 0; i < 4; i++) view.setFloat32(i * 4, rgba[i] ?? 0, true);
}

/** Options of the trivial fragment stage. */
export interface TestStageOptions {
  /** Render targets written: oC#t = varying t (default: 1 target). */
  readonly targets?: number;
  /** Varying whose x is written to oDepth. */
  readonly depthFrom?: number;
  /** Varying whose w < 0 kills the pixel (texkill). */
  readonly killFrom?: number;
}

/** Records what the stage saw, for assertions. */
export interface TestStage extends FragmentStage {
  readonly quads: Array<{ x: number; y: number; mask: number; vFace: number; primitive: string; vPos: number[] }>;
}

/** A fragment stage that outputs interpolated varyings as colours. */
export function testStage(options: TestStageOptions = {}): TestStage {
  const quads: TestStage['quads'] = [];
  const targets = options.targets ?? 1;
  return {
    quads,
    shadeQuad(quad: FragmentQuad, out: FragmentOutput): void {
      quads.push({ x: quad.x, y: quad.y, mask: quad.mask, vFace: quad.vFace, primitive: quad.primitive, vPos: [...quad.vPos] });
      const n = quad.varyingCount;
      for (let p = 0; p < 4; p++) {
        for (let t = 0; t < targets && t < n; t++) {
          for (let c = 0; c < 4; c++) out.colors[(t * 4 + p) * 4 + c] = quad.varyings[(p * n + t) * 4 + c] ?? 0;
        }
        if (options.depthFrom !== undefined) out.depth[p] = quad.varyings[(p * n + options.depthFrom) * 4] ?? 0;
        if (options.killFrom !== undefined && (quad.varyings[(p * n + options.killFrom) * 4 + 3] ?? 0) < 0) out.killed |= 1 << p;
      }
      out.colorsWritten = (1 << Math.min(targets, n)) - 1;
      if (options.depthFrom !== undefined) out.depthWritten = true;
    },
  };
}

/** A window vertex with the given varyings (vec4s flattened). */
export function vtx(x: number, y: number, z: number, varyings: readonly number[] = [], invW = 1): RasterVertex {
  return { x, y, z, invW, varyings: Float32Array.from(varyings) };
}

/** What `testContext` accepts; everything has a default. */
export interface TestContextOptions {
  readonly targets: RenderTargets;
  readonly rasterizer?: Partial<RasterizerState>;
  readonly output?: Partial<OutputMergerState>;
  readonly layout?: VaryingLayout;
  readonly stage?: FragmentStage;
}

/**
 * A context over `targets` with D3D9 defaults, except culling off and depth off (tests turn on
 * what they test). The clip rectangle defaults to the first target's size.
 */
export function testContext(o: TestContextOptions): RasterContext & { stage: FragmentStage } {
  const first = o.targets.colors[0] ?? o.targets.depth ?? o.targets.stencil;
  const clip = { x0: 0, y0: 0, x1: first?.image.width ?? 16, y1: first?.image.height ?? 16 };
  const rasterizer: RasterizerState = { ...defaultRasterizerState(clip), cullMode: SVGA3dFace.NONE, ...o.rasterizer };
  const base = defaultOutputMergerState();
  const output: OutputMergerState = { ...base, depth: { ...base.depth, enable: false }, ...o.output };
  const stage = o.stage ?? testStage();
  return {
    rasterizer,
    output,
    targets: o.targets,
    layout: o.layout ?? { count: 1, interpolation: [] },
    fragment: stage,
    stage,
    counters: { samplesPassed: 0, quadsShaded: 0 },
  };
}
