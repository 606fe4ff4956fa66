/**
 * The ports between the rasteriser and the rest of the draw path.
 *
 * The pipeline (vertex fetch, vertex shading, clipping, viewport) hands window-space vertices to
 * `rasterizeTriangle` / `rasterizeLine` / `rasterizePoint` together with a {@link RasterContext}:
 * the derived state, the render targets, the varying layout, the fragment stage it implements on
 * the shader VM, and counters. Raster knows nothing of the VM or the device: everything it needs
 * crosses here.
 *
 * Array layouts follow the shader VM's quad conventions, so the pipeline can pass them through
 * without shuffling: pixel p of a quad is (x + (p & 1), y + (p >> 1)).
 */
import type { OutputMergerState, RasterizerState } from './raster-state.js';

/** Most vec4 varyings a draw may carry (the pixel shader's 16 input registers). */
export const MAX_VARYINGS = 16;
/** Most colour render targets (D3D9 MRT: COLOR0–3). */
export const MAX_RENDER_TARGETS = 4;

/** One vertex in window space, after the viewport transform (or POSITIONT). */
export interface RasterVertex {
  /** Window x, y in pixels; pixel (i, j) is centred on the integer point (i, j) (D3D9). */
  readonly x: number;
  readonly y: number;
  /** Window depth 0..1 after SETZRANGE (POSITIONT: z as given). */
  readonly z: number;
  /** 1/w of clip space (POSITIONT: its rhw); weights perspective-correct interpolation. */
  readonly invW: number;
  /**
   * `count` vec4 attributes (see {@link VaryingLayout}), varying v component c at `v·4 + c`.
   * Entries past the end of a short array read as 0.
   */
  readonly varyings: Float32Array;
}

/**
 * How one varying is interpolated: perspective-correct through 1/w, linear in screen space, or
 * flat (every pixel of the primitive takes the provoking vertex's value: the **first** vertex
 * of the primitive, SVGA / D3D9).
 */
export type VaryingInterpolation = 'perspective' | 'linear' | 'flat';

/** The varyings every vertex of a draw carries. */
export interface VaryingLayout {
  /** Number of vec4 varyings, 0..MAX_VARYINGS (larger values are clamped). */
  readonly count: number;
  /**
   * Interpolation of each varying (index = varying); missing entries are 'perspective'. D3D9
   * flat-shades colour varyings only, so SHADEMODE FLAT is expressed here by the pipeline.
   */
  readonly interpolation: readonly VaryingInterpolation[];
  /**
   * Varyings that receive point-sprite coordinates (s, t, 0, 1) when the rasterizer state's
   * `pointSprite` is on and a point is drawn; (0, 0) is the square's top-left corner and (1, 1)
   * its bottom-right one. Empty or absent: none.
   */
  readonly spriteCoordVaryings?: readonly number[];
  /**
   * The varying whose x component is the vertex fog factor (1 = no fog, 0 = all fog colour),
   * used when the fog type is VERTEX (or the fog function PER_VERTEX). Absent: no vertex fog.
   */
  readonly fogVarying?: number;
  /**
   * Two-sided varyings: pairs (front slot, back slot). A back-facing triangle (FRONTWINDING, the
   * facing culling uses) takes each front slot's value from its back slot, per vertex, before
   * interpolation, so flat shading still takes the provoking vertex's (back) value; front faces,
   * lines and points keep the front slot. The raster knows nothing of what the values mean (the
   * pipeline uses it for the fixed-function back material). Empty or absent: none.
   */
  readonly facePairs?: readonly (readonly [front: number, back: number])[];
}

/** Which primitive a fragment quad belongs to. */
export type RasterPrimitive = 'triangle' | 'line' | 'point';

/**
 * One 2×2 quad of fragments, as the fragment stage receives it. The object and its arrays are
 * reused from quad to quad: copy what must outlive `shadeQuad`.
 */
export interface FragmentQuad {
  /** Top-left pixel of the quad; both even for every primitive (quads are aligned). */
  readonly x: number;
  readonly y: number;
  /** Bit p set when pixel p is covered and inside the clip rectangle; other pixels are helpers. */
  readonly mask: number;
  readonly primitive: RasterPrimitive;
  /** Number of vec4 varyings per pixel (the layout's clamped count). */
  readonly varyingCount: number;
  /**
   * Interpolated varyings, already perspective-correct: pixel p, varying v, component c at
   * `(p·varyingCount + v)·4 + c`. Helper pixels carry extrapolated values (for derivatives).
   */
  readonly varyings: Float32Array;
  /** Window depth of each pixel, interpolated linearly, before depth bias (4 values). */
  readonly z: Float32Array;
  /** D3D9 VPOS: integer pixel coordinates, pixel p at `2p` (x) and `2p + 1` (y) (8 values). */
  readonly vPos: Float32Array;
  /**
   * D3D9 VFACE: +1 for front faces, −1 for back faces, per SVGA FRONTWINDING (a screen-space
   * winding). Lines and points are front (+1), wireframe and point fill take their triangle's.
   */
  readonly vFace: number;
}

/**
 * What the fragment stage writes for one quad. The rasteriser clears it before each call
 * (colours 0, nothing written, nothing killed).
 */
export interface FragmentOutput {
  /** oC0–oC3: target t, pixel p at `(t·4 + p)·4` (64 values), RGBA. */
  readonly colors: Float32Array;
  /** Bit t set for each oC#t the shader wrote; targets not written keep their contents. */
  colorsWritten: number;
  /** Per-pixel depth (oDepth) when `depthWritten`; replaces the interpolated, biased depth. */
  readonly depth: Float32Array;
  depthWritten: boolean;
  /** Bit p set for each pixel discarded (texkill); those pixels touch nothing and count nothing. */
  killed: number;
}

/** The pixel-shading stage, implemented by the pipeline on the shader VM. */
export interface FragmentStage {
  /** Shades all four pixels of `quad` (helpers included) into `out`. Must not throw. */
  shadeQuad(quad: FragmentQuad, out: FragmentOutput): void;
}

/**
 * The pixels of a render target: structurally the device's `SurfaceImage` (one slice), so a
 * surface image can be passed as is. Pixel (x, y) is at byte `y·rowPitch + x·bytesPerPixel`.
 */
export interface TargetImage {
  readonly width: number;
  readonly height: number;
  readonly rowPitch: number;
  readonly bytes: Uint8Array;
}

/** An image and its `SVGA3dSurfaceFormat`. */
export interface RenderTarget {
  readonly image: TargetImage;
  readonly format: number;
}

/**
 * The bound targets of a draw. Depth and stencil may be the same image (Z_D24S8 bound to both
 * slots): each test reads and writes only its own bits. Pixels outside any bound target are not
 * drawn (the clip rectangle is intersected with every target's size); with no target bound at
 * all nothing is drawn or counted.
 */
export interface RenderTargets {
  /** COLOR0–3; undefined entries are unbound. Entries past MAX_RENDER_TARGETS are ignored. */
  readonly colors: readonly (RenderTarget | undefined)[];
  readonly depth?: RenderTarget | undefined;
  readonly stencil?: RenderTarget | undefined;
}

/** Counters the rasteriser adds to; the pipeline owns and resets them. */
export interface RasterCounters {
  /**
   * Samples that passed the stencil and depth tests and were neither killed nor alpha-tested
   * away (occlusion queries), whether or not any colour was written.
   */
  samplesPassed: number;
  /** Quads handed to the fragment stage. */
  quadsShaded: number;
}

/**
 * Everything a primitive needs besides its vertices. Primitives are drawn in call order. The
 * rasteriser binds a context on its first primitive (targets checked, state unpacked, buffers
 * made) and reuses that for the context object's later primitives: make one per draw, and do
 * not change its state, targets or layout in between (the counters are read live).
 */
export interface RasterContext {
  readonly rasterizer: RasterizerState;
  readonly output: OutputMergerState;
  readonly targets: RenderTargets;
  readonly layout: VaryingLayout;
  readonly fragment: FragmentStage;
  readonly counters: RasterCounters;
}

/**
 * Which parts of a triangle its LINE and POINT fill modes draw, one bit each (the optional last
 * argument of `rasterizeTriangle`). A triangle the clipper cut becomes a fan of triangles whose
 * inner diagonals, clip-plane edges and new vertices are not the guest's: D3D9 draws only what
 * is left of the original edges and vertices, so the pipeline clears those bits. FILL ignores
 * the flags.
 */
export const TriangleParts = {
  /** Edge v0 → v1. */
  EDGE_01: 1,
  /** Edge v1 → v2. */
  EDGE_12: 2,
  /** Edge v2 → v0. */
  EDGE_20: 4,
  VERTEX_0: 8,
  VERTEX_1: 16,
  VERTEX_2: 32,
  /** A whole (unclipped) triangle: every edge and vertex, the default. */
  ALL: 63,
} as const;
