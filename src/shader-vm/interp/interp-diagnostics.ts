/**
 * Diagnostic codes of shader execution (4500–4999). Guest shaders never make the interpreter throw:
 * a problem found when preparing or running a shader is reported here and the invocation ends with
 * a defined result.
 */

import type { DiagnosticCode } from '../../common/diagnostics.js';

/** The interpreter's diagnostic codes (4500–4999). */
export const InterpDiag = {
  /** Flow-control structure the interpreter cannot follow (unmatched if/else/endif, loop ends …). */
  BAD_STRUCTURE: { code: 4500, name: 'E_INTERP_STRUCTURE', severity: 'error' },
  /** CALL / CALLNZ to a label that is not defined. */
  UNDEFINED_LABEL: { code: 4501, name: 'E_INTERP_LABEL', severity: 'error' },
  /** The per-invocation executed-instruction budget ran out (runaway loop or recursion). */
  BUDGET_EXCEEDED: { code: 4502, name: 'E_INTERP_BUDGET', severity: 'error' },
  /** Calls nested deeper than the interpreter's call stack allows. */
  CALL_STACK_OVERFLOW: { code: 4503, name: 'E_INTERP_CALL_DEPTH', severity: 'error' },
  /** Loops nested deeper than the interpreter's loop stack allows. */
  LOOP_STACK_OVERFLOW: { code: 4504, name: 'E_INTERP_LOOP_DEPTH', severity: 'error' },
  /** An instruction the interpreter does not implement for this shader model (skipped). */
  UNSUPPORTED: { code: 4505, name: 'W_INTERP_UNSUPPORTED', severity: 'warning' },
  /** A vertex program was given to the pixel entry point or the reverse. */
  WRONG_SHADER_TYPE: { code: 4506, name: 'E_INTERP_SHADER_TYPE', severity: 'error' },
} as const satisfies Record<string, DiagnosticCode>;
