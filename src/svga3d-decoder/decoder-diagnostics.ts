/**
 * Diagnostic codes of FIFO framing and command decoding (range 2000–2999). The decoder checks
 * framing and structure only; ids, enum values and budgets are the device's business.
 */
import type { DiagnosticCode } from '../common/diagnostics.js';

export const DecoderDiagnostics = {
  /** Fewer than 8 bytes left for a 3D header, or a partial word at the end. Ends the record. */
  E_TRUNCATED_HEADER: { code: 2001, name: 'E_TRUNCATED_HEADER', severity: 'error' },
  /** A 3D `size` runs past the end of the record: nothing after it can be framed. Ends the record. */
  E_SIZE_PAST_END: { code: 2002, name: 'E_SIZE_PAST_END', severity: 'error' },
  /** A 3D `size` that is not a multiple of 4. Skipped (advance rounded up to a whole word). */
  E_SIZE_ALIGN: { code: 2003, name: 'E_SIZE_ALIGN', severity: 'error' },
  /** A body smaller than the command's fixed struct. Skipped. */
  E_SIZE_TOO_SMALL: { code: 2004, name: 'E_SIZE_TOO_SMALL', severity: 'error' },
  /** A variable part that does not fill the body exactly (e.g. 4 + 8N + 4 render states). Skipped. */
  E_BODY_REMAINDER: { code: 2005, name: 'E_BODY_REMAINDER', severity: 'error' },
  /** A count above the protocol limit (DRAW_PRIMITIVES decls/ranges > 32). Skipped. */
  E_COUNT_LIMIT: { code: 2006, name: 'E_COUNT_LIMIT', severity: 'error' },
  /** A known 3D id outside the legacy protocol (video, dead, guest-backed, DX). Skipped by size. */
  E_UNSUPPORTED_CMD: { code: 2007, name: 'E_UNSUPPORTED_CMD', severity: 'error' },
  /** A 3D-range id (1000–2999) no header names. Skipped by size. */
  E_UNKNOWN_3D_CMD: { code: 2008, name: 'E_UNKNOWN_3D_CMD', severity: 'error' },
  /** A 2D (or ≥ 3000) id whose body size cannot be known. Ends the record. */
  E_UNKNOWN_2D_CMD: { code: 2009, name: 'E_UNKNOWN_2D_CMD', severity: 'error' },
  /** A 2D body that runs past the end of the record. Ends the record. */
  E_TRUNCATED_2D: { code: 2010, name: 'E_TRUNCATED_2D', severity: 'error' },
  /** A fixed-size 3D command with bytes after its struct; they are ignored, the command is kept. */
  W_TRAILING_BYTES: { code: 2011, name: 'W_TRAILING_BYTES', severity: 'warning' },
  /** DEFINE_SCREEN `structSize` other than 28, 40 or 44: the body size is unknown. Ends the record. */
  E_SCREEN_STRUCT_SIZE: { code: 2012, name: 'E_SCREEN_STRUCT_SIZE', severity: 'error' },
} as const satisfies Record<string, DiagnosticCode>;

export type DecoderDiagnosticName = keyof typeof DecoderDiagnostics;
