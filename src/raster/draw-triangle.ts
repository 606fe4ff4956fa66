/**
 * Drawing one triangle: setup, culling, fill mode, depth bias, then the quad walk through the
 * fragment stage and the output merger.
 *
 * Culling is done here because it needs the screen winding that setup computes: FRONTWINDING
 * names the front winding as seen on screen (y down), CULLMODE the faces to discard (NONE,
 * FRONT, BACK, FRONT_BACK = all triangles; SVGA §5.2). Degenerate triangles (zero area after
 * snapping) have no winding and draw nothing in any fill mode.
 *
 * Depth bias (D3D9): `z + DEPTHBIAS + SLOPESCALEDEPTHBIAS · max(|dz/dx|, |dz/dy|)`, with the
 * slopes of the triangle's depth plane in depth units per pixel, computed from the snapped
 * vertices in float64 and rounded to float32 (`m`, then `SLOPESCALE·m`, then the sum, then
 * `z + bias`); the result is clamped to [0, 1] and quantised by the depth test. Non-finite bias
 * states count as 0. oDepth replaces the biased depth.
 *
 * Fill modes: POINT draws the three vertices as 1-pixel points (no sprite coordinates), LINE the
 * edges v0→v1, v1→v2, v2→v0 with the line rule; both keep the triangle's facing (vFace,
 * two-sided stencil), its depth bias and its provoking vertex v0 for flat varyings. The caller's
 * `TriangleParts` flags say which of those edges and vertices are the guest's (a clipped
 * triangle's fan pieces carry only what is left of the original ones). FILLMODE's face half
 * picks the facings the mode applies to (`fillModeApplies`); other triangles are filled.
 */
import { SVGA3dFace, SVGA3dFillModeType, SVGA3dFrontWinding } from '../svga3d-decoder/spec/enums.js';
import { drawLineSegment } from './draw-line.js';
import { drawPointSquare } from './draw-point.js';
import { backFaceVertex, hasFacePairs } from './face-varyings.js';
import { fragmentRun, shadeAndMerge, type FragmentRun } from './fragment-run.js';
import { writePixelAttributes } from './pixel-attributes.js';
import { TriangleParts, type RasterContext, type RasterVertex } from './raster-interfaces.js';
import { forEachCoveredQuad, type QuadCoverage } from './rasterize-triangle.js';
import type { RasterizerState } from './raster-state.js';
import { setupTriangle, type ScreenWinding, type TriangleSetup } from './setup-triangle.js';
import { SUBPIXEL_ONE, toSubpixel } from './subpixel.js';

const f = Math.fround;

/** Whether a triangle of screen winding `winding` is front-facing under FRONTWINDING. */
export function isFrontFacing(winding: ScreenWinding, frontWinding: number): boolean {
  return frontWinding === SVGA3dFrontWinding.CCW ? winding === 'ccw' : winding === 'cw';
}

/** Whether CULLMODE discards a triangle with this facing. */
export function isCulled(front: boolean, cullMode: number): boolean {
  switch (cullMode) {
    case SVGA3dFace.FRONT:
      return front;
    case SVGA3dFace.BACK:
      return !front;
    case SVGA3dFace.FRONT_BACK:
      return true;
    default:
      return false;
  }
}

/**
 * Whether FILLMODE's face half (`SVGA3dFace`) applies its mode to a triangle of this facing:
 * NONE to no triangle, FRONT to front faces, BACK to back faces, FRONT_BACK to all. INVALID (0)
 * means both because that is what Mesa sends for "the mode everywhere"; values above FRONT_BACK
 * mean both too, so a garbled face word keeps the mode the guest chose rather than silently
 * filling some of its triangles.
 */
export function fillModeApplies(front: boolean, face: number): boolean {
  switch (face) {
    case SVGA3dFace.NONE:
      return false;
    case SVGA3dFace.FRONT:
      return front;
    case SVGA3dFace.BACK:
      return !front;
    default:
      return true;
  }
}

function finiteOr0(v: number): number {
  return Number.isFinite(v) ? v : 0;
}

/** max(|dz/dx|, |dz/dy|) of the triangle's depth plane, per pixel, float32; 0 when degenerate. */
export function maxDepthSlope(v0: RasterVertex, v1: RasterVertex, v2: RasterVertex): number {
  const x0 = toSubpixel(v0.x);
  const y0 = toSubpixel(v0.y);
  const dx1 = toSubpixel(v1.x) - x0;
  const dy1 = toSubpixel(v1.y) - y0;
  const dx2 = toSubpixel(v2.x) - x0;
  const dy2 = toSubpixel(v2.y) - y0;
  const area = dx1 * dy2 - dx2 * dy1;
  if (!(area !== 0) || !Number.isFinite(area)) return 0;
  const dz1 = f(v1.z) - f(v0.z);
  const dz2 = f(v2.z) - f(v0.z);
  const dzdx = ((dz1 * dy2 - dz2 * dy1) * SUBPIXEL_ONE) / area;
  const dzdy = ((dx1 * dz2 - dx2 * dz1) * SUBPIXEL_ONE) / area;
  const m = f(Math.max(Math.abs(dzdx), Math.abs(dzdy)));
  return Number.isFinite(m) ? m : 0;
}

/** The depth bias of a triangle under `state`, float32. */
export function triangleDepthBias(state: RasterizerState, v0: RasterVertex, v1: RasterVertex, v2: RasterVertex): number {
  const constant = f(finiteOr0(state.depthBias));
  const scale = f(finiteOr0(state.slopeScaleDepthBias));
  if (scale === 0) return constant;
  const slope = f(scale * maxDepthSlope(v0, v1, v2));
  return Number.isFinite(slope) ? f(constant + slope) : constant;
}

function fill(run: FragmentRun, t: TriangleSetup, v0: RasterVertex, v1: RasterVertex, v2: RasterVertex, bias: number): void {
  const quad = run.quad;
  forEachCoveredQuad(t, run.clip, (q: QuadCoverage) => {
    quad.x = q.x;
    quad.y = q.y;
    quad.mask = q.mask;
    const w = q.weights;
    for (let p = 0; p < 4; p++) {
      writePixelAttributes(run, p, w[p] ?? 0, w[4 + p] ?? 0, w[8 + p] ?? 0, v0, v1, v2, v0, bias);
    }
    shadeAndMerge(run);
  });
}

/**
 * Draws one triangle with `ctx` (vertices in the order given; v0 is the provoking vertex).
 * Draws nothing when the render targets are refused (see `checkRenderTargets`), the triangle is
 * degenerate, outside the guard band, or culled. `parts` (`TriangleParts` bits, default ALL)
 * limits the edges LINE fill draws and the vertices POINT fill draws; FILL ignores it.
 */
export function rasterizeTriangle(
  v0: RasterVertex,
  v1: RasterVertex,
  v2: RasterVertex,
  ctx: RasterContext,
  parts: number = TriangleParts.ALL,
): void {
  const run = fragmentRun(ctx);
  if (typeof run === 'string') return;
  const state = ctx.rasterizer;
  const t = setupTriangle(v0, v1, v2, run.clip);
  if (t === undefined) return;
  const front = isFrontFacing(t.winding, state.frontWinding);
  if (isCulled(front, state.cullMode)) return;
  if (!front && hasFacePairs(ctx.layout)) {
    // Two-sided varyings: a back face reads its pairs' back slots, on every fill path.
    v0 = backFaceVertex(v0, ctx.layout);
    v1 = backFaceVertex(v1, ctx.layout);
    v2 = backFaceVertex(v2, ctx.layout);
  }
  run.quad.primitive = 'triangle';
  run.quad.vFace = front ? 1 : -1;
  run.clockwise = t.winding === 'cw';
  const bias = triangleDepthBias(state, v0, v1, v2);
  const mode = fillModeApplies(front, state.fillFace) ? state.fillMode & 0xffff : SVGA3dFillModeType.FILL;
  if (mode === SVGA3dFillModeType.POINT) {
    if ((parts & TriangleParts.VERTEX_0) !== 0) drawPointSquare(run, v0, 1, v0, bias, false);
    if ((parts & TriangleParts.VERTEX_1) !== 0) drawPointSquare(run, v1, 1, v0, bias, false);
    if ((parts & TriangleParts.VERTEX_2) !== 0) drawPointSquare(run, v2, 1, v0, bias, false);
  } else if (mode === SVGA3dFillModeType.LINE) {
    if ((parts & TriangleParts.EDGE_01) !== 0) drawLineSegment(run, v0, v1, v0, bias);
    if ((parts & TriangleParts.EDGE_12) !== 0) drawLineSegment(run, v1, v2, v0, bias);
    if ((parts & TriangleParts.EDGE_20) !== 0) drawLineSegment(run, v2, v0, v0, bias);
  } else {
    fill(run, t, v0, v1, v2, bias);
  }
}
