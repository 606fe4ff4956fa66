/**
 * The benchmark workloads, defined once as data so that our renderer and the Mesa peers
 * (`peers/peer-bench.c`) draw exactly the same vertices, in the same draws, with the same states.
 *
 * Modelled on the VMware paper's microbenchmarks (static vertex buffers, dynamic vertices,
 * triangles covering half the viewport, draw-call overhead with and without a constant change)
 * plus a bilinear-textured and an alpha-blended full-screen case. Every vertex is
 * {@link VERTEX_FLOATS} floats: clip-space position (x, y, z, w), colour (r, g, b, a), texture
 * coordinate (u, v). Positions are chosen so each triangle covers a known number of pixels of the
 * 1024×768 target; that nominal count is the "work" the throughput figures divide by.
 */

/** The render target every workload draws into (A8R8G8B8 colour + Z_D24S8), as the peers use. */
export const TARGET = { width: 1024, height: 768 } as const;

/** Floats per vertex: position (4), colour (4), texture coordinate (2). */
export const VERTEX_FLOATS = 10;
/** Bytes per vertex. */
export const VERTEX_STRIDE = VERTEX_FLOATS * 4;

/** Edge of the textured workload's texture, A8R8G8B8 / RGBA8, bilinear, wrap, no mip chain. */
export const TEXTURE_SIZE = 256;

/** What the throughput of a workload is counted in. */
export type WorkUnit = 'Mpixels/s' | 'Mtriangles/s' | 'draws/s';

/** One workload: geometry and state, and how much work one iteration is. */
export interface Workload {
  /** Short stable name (JSON key, peer command-line argument). */
  readonly name: string;
  readonly description: string;
  readonly unit: WorkUnit;
  /** Work units in one iteration (pixels, triangles or draws), before the M/s scaling. */
  readonly workPerIteration: number;
  /** Every vertex of one iteration, {@link VERTEX_FLOATS} per vertex, triangle lists. */
  readonly vertices: Float32Array;
  /** Draws per iteration; draw `i` takes triangles `i·trianglesPerDraw ..` of `vertices`. */
  readonly draws: number;
  readonly trianglesPerDraw: number;
  /** Upload the draw's vertices (SURFACE_DMA / glBufferSubData) right before each draw. */
  readonly uploadPerDraw: boolean;
  /** Change the pixel shader's constant c0 before each draw (alternating two values). */
  readonly constantPerDraw: boolean;
  /** Depth test LESSEQUAL with depth writes (all vertices share z, so every fragment passes). */
  readonly depth: boolean;
  /** Source-alpha blending (SRCALPHA, INVSRCALPHA). */
  readonly blend: boolean;
  /** Sample the 256×256 texture bilinearly and apply a multiply-add (c0, c1). */
  readonly textured: boolean;
}

/** Clip x/y of window pixel edge `px` / `py` (D3D: y grows downwards on screen). */
function clipX(px: number): number {
  return (px / TARGET.width) * 2 - 1;
}
function clipY(py: number): number {
  return 1 - (py / TARGET.height) * 2;
}

/** Appends a triangle given in window coordinates, colour `rgba`, uv = window / texture size. */
function pushTriangle(out: number[], pts: readonly (readonly [number, number])[], rgba: readonly number[]): void {
  for (const [px, py] of pts) {
    out.push(clipX(px), clipY(py), 0.5, 1, rgba[0] ?? 0, rgba[1] ?? 0, rgba[2] ?? 0, rgba[3] ?? 1, px / TARGET.width, py / TARGET.height);
  }
}

/**
 * `count` right triangles with 4-pixel legs (8 pixels each), two per 4×4 cell, cells in rows
 * across the target from the top left. Colours vary per cell so nothing is uniform.
 */
function smallTriangles(count: number): Float32Array {
  const out: number[] = [];
  const cellsPerRow = TARGET.width / 4;
  for (let t = 0; t < count; t++) {
    const cell = t >> 1;
    const x = (cell % cellsPerRow) * 4;
    const y = (Math.floor(cell / cellsPerRow) * 4) % TARGET.height;
    const rgba = [(cell & 7) / 7, ((cell >> 3) & 7) / 7, ((cell >> 6) & 7) / 7, 1];
    if ((t & 1) === 0) pushTriangle(out, [[x, y], [x + 4, y], [x, y + 4]], rgba);
    else pushTriangle(out, [[x + 4, y], [x + 4, y + 4], [x, y + 4]], rgba);
  }
  return new Float32Array(out);
}

/** Full-screen quad as two triangles, colour `rgba`, uv 0..1 over the screen. */
function fullScreenQuad(rgba: readonly number[]): Float32Array {
  const out: number[] = [];
  const w = TARGET.width;
  const h = TARGET.height;
  pushTriangle(out, [[0, 0], [w, 0], [0, h]], rgba);
  pushTriangle(out, [[w, 0], [w, h], [0, h]], rgba);
  return new Float32Array(out);
}

/** Repeats `tri` (one iteration's vertices) `n` times. */
function repeat(tri: Float32Array, n: number): Float32Array {
  const out = new Float32Array(tri.length * n);
  for (let i = 0; i < n; i++) out.set(tri, i * tri.length);
  return out;
}

const NONE = { uploadPerDraw: false, constantPerDraw: false, depth: true, blend: false, textured: false } as const;

/** Triangles drawn per iteration by the two vertex-buffer workloads (8 px each). */
export const VB_TRIANGLES = 8192;
/** Triangles per draw in the dynamic-vertex workload (one SURFACE_DMA each). */
export const DYNAMIC_BATCH = 256;
/** Draws per iteration in the draw-call workloads. */
export const DRAW_CALLS = 500;
/** Half-viewport triangles per iteration. */
export const HALF_VIEWPORT_DRAWS = 2;

/** The workloads, in report order. */
export function workloads(): Workload[] {
  const halfTri: number[] = [];
  pushTriangle(halfTri, [[0, 0], [TARGET.width, 0], [0, TARGET.height]], [0.2, 0.6, 0.9, 1]);
  const halfPixels = (TARGET.width * TARGET.height) / 2;
  const fullPixels = TARGET.width * TARGET.height;
  return [
    {
      ...NONE,
      name: 'static-vb',
      description: `static vertex buffer: ${VB_TRIANGLES} triangles of 8 px in one draw`,
      unit: 'Mtriangles/s',
      workPerIteration: VB_TRIANGLES,
      vertices: smallTriangles(VB_TRIANGLES),
      draws: 1,
      trianglesPerDraw: VB_TRIANGLES,
    },
    {
      ...NONE,
      name: 'dynamic-vb',
      description: `dynamic vertices: ${VB_TRIANGLES / DYNAMIC_BATCH} draws of ${DYNAMIC_BATCH} triangles, each after a vertex upload`,
      unit: 'Mtriangles/s',
      workPerIteration: VB_TRIANGLES,
      vertices: smallTriangles(VB_TRIANGLES),
      draws: VB_TRIANGLES / DYNAMIC_BATCH,
      trianglesPerDraw: DYNAMIC_BATCH,
      uploadPerDraw: true,
    },
    {
      ...NONE,
      name: 'half-viewport',
      description: `${HALF_VIEWPORT_DRAWS} triangles each covering half the viewport, flat colour, depth on`,
      unit: 'Mpixels/s',
      workPerIteration: HALF_VIEWPORT_DRAWS * halfPixels,
      vertices: repeat(new Float32Array(halfTri), HALF_VIEWPORT_DRAWS),
      draws: HALF_VIEWPORT_DRAWS,
      trianglesPerDraw: 1,
    },
    {
      ...NONE,
      name: 'draw-calls',
      description: `${DRAW_CALLS} draws of one 8 px triangle`,
      unit: 'draws/s',
      workPerIteration: DRAW_CALLS,
      vertices: smallTriangles(DRAW_CALLS),
      draws: DRAW_CALLS,
      trianglesPerDraw: 1,
    },
    {
      ...NONE,
      name: 'draw-calls-const',
      description: `${DRAW_CALLS} draws of one 8 px triangle, a pixel-shader constant change before each`,
      unit: 'draws/s',
      workPerIteration: DRAW_CALLS,
      vertices: smallTriangles(DRAW_CALLS),
      draws: DRAW_CALLS,
      trianglesPerDraw: 1,
      constantPerDraw: true,
    },
    {
      ...NONE,
      name: 'textured',
      description: 'full-screen quad, 256×256 A8R8G8B8 texture, bilinear, multiply-add, depth off',
      unit: 'Mpixels/s',
      workPerIteration: fullPixels,
      vertices: fullScreenQuad([1, 1, 1, 1]),
      draws: 1,
      trianglesPerDraw: 2,
      depth: false,
      textured: true,
    },
    {
      ...NONE,
      name: 'alpha-blend',
      description: 'full-screen quad, source-alpha blending (alpha 0.5), depth off',
      unit: 'Mpixels/s',
      workPerIteration: fullPixels,
      vertices: fullScreenQuad([0.9, 0.4, 0.1, 0.5]),
      draws: 1,
      trianglesPerDraw: 2,
      depth: false,
      blend: true,
    },
  ];
}

/**
 * The texture's texels as R, G, B, A bytes per texel (row-major, top row first): a seeded LCG, so
 * both renderers sample the same noise.
 */
export function textureRgba(): Uint8Array {
  const n = TEXTURE_SIZE * TEXTURE_SIZE * 4;
  const out = new Uint8Array(n);
  let s = 12345;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

/** Throughput in the workload's unit from a mean iteration time in milliseconds. */
export function throughput(w: Workload, meanMs: number): number {
  const perSecond = (w.workPerIteration / meanMs) * 1000;
  return w.unit === 'draws/s' ? perSecond : perSecond / 1e6;
}
