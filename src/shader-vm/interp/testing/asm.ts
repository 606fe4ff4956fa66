/**
 * Test helper: assembly text → bytecode (the front end's `assemble`) → decoded `ShaderProgram`,
 * so interpreter tests run exactly what a guest would send.
 */

import { decodeShader } from '../../decode/decoder.js';
import type { ShaderProgram } from '../../ir/ir.js';
import { assemble } from '../../text/assembler.js';

/** Assembles, validates (unless `validate` is false) and decodes; throws on any error (tests only). */
export function asm(text: string, validate = true): ShaderProgram {
  const a = assemble(text, { validate });
  if (!a.ok) throw new Error(`assemble failed: ${a.diagnostics.map((d) => d.message).join('; ')}`);
  const d = decodeShader(a.bytes);
  if (!d.ok) throw new Error(`decode failed: ${d.diagnostics.map((x) => x.message).join('; ')}`);
  return d.program;
}
