/**
 * Diagnostic codes of the draw path front half (vertex fetch, shading, clipping, assembly):
 * 5000–5199 of the drawing range (the rasteriser keeps the rest of 5000–5999).
 *
 * Each draw reports a problem at most once per code, with a count, so a hostile draw of a million
 * bad vertices gives one line instead of a million.
 */
import type { DiagnosticCode } from '../common/diagnostics.js';

function row(code: number, name: string, severity: DiagnosticCode['severity']): DiagnosticCode {
  return { code, name, severity };
}

/** The pipeline's diagnostic table. */
export const PipelineDiag = {
  /** Vertex elements that lie (partly) outside their surface; they read as zero. */
  W_FETCH_OUT_OF_BOUNDS: row(5000, 'W_FETCH_OUT_OF_BOUNDS', 'warning'),
  /** Indices that lie (partly) outside the index surface; they read as zero. */
  W_INDEX_OUT_OF_BOUNDS: row(5001, 'W_INDEX_OUT_OF_BOUNDS', 'warning'),
  /** A draw that needs a fixed-function program the pipeline cannot build yet; skipped. */
  I_FIXED_FUNCTION_UNAVAILABLE: row(5002, 'I_FIXED_FUNCTION_UNAVAILABLE', 'info'),
  /** The bound shader id names no defined shader (or one without a decoded program); skipped. */
  E_SHADER_MISSING: row(5003, 'E_SHADER_MISSING', 'error'),
  /** The draw asks for more vertex work than the budget allows; the rest is skipped. */
  W_VERTEX_BUDGET: row(5004, 'W_VERTEX_BUDGET', 'warning'),
  /** No usable render target, or a target that cannot be drawn to; skipped or unbound. */
  W_RENDER_TARGET: row(5005, 'W_RENDER_TARGET', 'warning'),
  /** Vertex shader invocations that failed (budget, stack); their primitives are dropped. */
  W_VERTEX_SHADER_FAILED: row(5006, 'W_VERTEX_SHADER_FAILED', 'warning'),
  /** Diagnostics of the shader interpreter past the per-draw limit, counted. */
  I_SHADER_DIAGNOSTICS_DROPPED: row(5007, 'I_SHADER_DIAGNOSTICS_DROPPED', 'info'),
  /** A vertex shader without a POSITION output: nothing can be drawn. */
  E_NO_POSITION: row(5008, 'E_NO_POSITION', 'error'),
  /** A shader of the wrong type bound to a stage (a pixel program as the vertex shader, ...). */
  E_SHADER_TYPE: row(5009, 'E_SHADER_TYPE', 'error'),
  /** The draw shaded more pixel quads than the budget allows; its remaining primitives are skipped. */
  W_FRAGMENT_BUDGET: row(5010, 'W_FRAGMENT_BUDGET', 'warning'),
} as const;
