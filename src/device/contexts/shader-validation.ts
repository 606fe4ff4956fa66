/**
 * The default shader validator of the device: the shader VM's `validateShader`, which decodes
 * the bytecode to its IR and checks every rule of the declared shader model.
 */
import { validateShader } from '../../shader-vm/index.js';
import type { ShaderValidation } from './context-env.js';

/** Validates `bytecode` as a shader of SVGA type `type` (1 VS, 2 PS). */
export function validateShaderBytecode(type: number, bytecode: Uint32Array): ShaderValidation {
  const result = validateShader(bytecode, type === 1 ? 'vs' : 'ps');
  return { ok: result.ok, program: result.program, diagnostics: result.diagnostics };
}
