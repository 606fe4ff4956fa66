/**
 * Diagnostic codes of the draw path front half (vertex fetch, shading, clipping, assembly):
 * 5000–5199 of the drawing range (the rasteriser keeps the rest of 5000–5999). A code's name
 * prefix gives its severity (`defineDiagnosticCodes`).
 *
 * Each draw reports a problem at most once per code, with a count, so a hostile draw of a million
 * bad vertices gives one line instead of a million.
 */
import { defineDiagnosticCodes } from '../common/diagnostics.js';

/** The pipeline's diagnostic table. */
export const PipelineDiag = defineDiagnosticCodes({
  /** Vertex elements that lie (partly) outside their surface; they read as zero. */
  W_FETCH_OUT_OF_BOUNDS: 5000,
  /** Indices that lie (partly) outside the index surface; they read as zero. */
  W_INDEX_OUT_OF_BOUNDS: 5001,
  /** A draw that needs a fixed-function program the pipeline cannot build; skipped. */
  I_FIXED_FUNCTION_UNAVAILABLE: 5002,
  /** The bound shader id names no defined shader (or one without a decoded program); skipped. */
  E_SHADER_MISSING: 5003,
  /** The draw asks for more vertex work than the budget allows; the rest is skipped. */
  W_VERTEX_BUDGET: 5004,
  /** No usable render target, or a target that cannot be drawn to; skipped or unbound. */
  W_RENDER_TARGET: 5005,
  /** Vertex shader invocations that failed (budget, stack); their primitives are dropped. */
  W_VERTEX_SHADER_FAILED: 5006,
  /** Diagnostics of the shader interpreter past the per-draw limit, counted. */
  I_SHADER_DIAGNOSTICS_DROPPED: 5007,
  /** A vertex shader without a POSITION output: nothing can be drawn. */
  E_NO_POSITION: 5008,
  /** A shader of the wrong type bound to a stage (a pixel program as the vertex shader, ...). */
  E_SHADER_TYPE: 5009,
  /** The draw shaded more pixel quads than the budget allows; its remaining primitives are skipped. */
  W_FRAGMENT_BUDGET: 5010,
  /**
   * Pre-transformed (POSITIONT) primitives with a vertex outside the guard band or not finite:
   * D3D9 requires them inside, so they are dropped whole; counted per draw.
   */
  W_PRETRANSFORMED_DROPPED: 5011,
});
