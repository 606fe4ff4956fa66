/**
 * What every validation rule receives: the shader model and a way to report against an
 * instruction (its byte offset and mnemonic become the diagnostic's location).
 */

import type { Diagnostic, DiagnosticCode } from '../../common/diagnostics.js';
import { diagnostic } from '../../common/diagnostics.js';
import type { Instruction, ShaderVersion } from '../ir/ir.js';

/** Cap on validator diagnostics per shader. */
export const MAX_VALIDATION_DIAGNOSTICS = 256;

/** Shared state of one validation run. */
export class ValidationContext {
  readonly diagnostics: Diagnostic[] = [];
  errors = 0;
  readonly version: ShaderVersion;
  constructor(version: ShaderVersion) {
    this.version = version;
  }

  /** Reports a problem, located at `ins` when given. */
  report(def: DiagnosticCode, message: string, ins?: Instruction, index?: number): void {
    if (def.severity === 'error') this.errors++;
    if (this.diagnostics.length >= MAX_VALIDATION_DIAGNOSTICS) return;
    const where = index !== undefined ? `instruction ${index}: ` : '';
    this.diagnostics.push(diagnostic(def, where + message, ins && ins.offset >= 0 ? { offset: ins.offset } : {}));
  }
}
