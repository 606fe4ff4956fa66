/**
 * Diagnostic codes of FIFO framing and command decoding (range 2000–2999). The decoder checks
 * framing and structure only; ids, enum values and budgets are the device's business.
 */
import { defineDiagnosticCodes } from '../common/diagnostics.js';

export const DecoderDiagnostics = defineDiagnosticCodes({
  /** Fewer than 8 bytes left for a 3D header, or a partial word at the end. Ends the record. */
  E_TRUNCATED_HEADER: 2001,
  /** A 3D `size` runs past the end of the record: nothing after it can be framed. Ends the record. */
  E_SIZE_PAST_END: 2002,
  /** A 3D `size` that is not a multiple of 4. Skipped (advance rounded up to a whole word). */
  E_SIZE_ALIGN: 2003,
  /** A body smaller than the command's fixed struct. Skipped. */
  E_SIZE_TOO_SMALL: 2004,
  /** A variable part that does not fill the body exactly (e.g. 4 + 8N + 4 render states). Skipped. */
  E_BODY_REMAINDER: 2005,
  /** A count above the protocol limit (DRAW_PRIMITIVES decls/ranges > 32). Skipped. */
  E_COUNT_LIMIT: 2006,
  /** A known 3D id outside the legacy protocol (video, dead, guest-backed, DX). Skipped by size. */
  E_UNSUPPORTED_CMD: 2007,
  /** A 3D-range id (1000–2999) no header names. Skipped by size. */
  E_UNKNOWN_3D_CMD: 2008,
  /** A 2D (or ≥ 3000) id whose body size cannot be known. Ends the record. */
  E_UNKNOWN_2D_CMD: 2009,
  /** A 2D body that runs past the end of the record. Ends the record. */
  E_TRUNCATED_2D: 2010,
  /** A fixed-size 3D command with bytes after its struct; they are ignored, the command is kept. */
  W_TRAILING_BYTES: 2011,
  /** DEFINE_SCREEN `structSize` other than 28, 40 or 44: the body size is unknown. Ends the record. */
  E_SCREEN_STRUCT_SIZE: 2012,
});

export type DecoderDiagnosticName = keyof typeof DecoderDiagnostics;
