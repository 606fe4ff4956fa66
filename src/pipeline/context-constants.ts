/**
 * A context's constant banks as the shader VM reads them: Float32 and Int32 views over the very
 * words SET_SHADER_CONST stored (no copy, NaN payloads intact). The shader's own DEF / DEFI /
 * DEFB override them inside the interpreter (`prepareShader` collects them, `loadConstants`
 * applies them per invocation).
 */
import type { ShaderConstants } from '../shader-vm/index.js';
import type { DrawConstantBanks } from './draw-context.js';

/** The VM's view of one shader type's banks. */
export function contextConstants(banks: DrawConstantBanks): ShaderConstants {
  const { float, int, bool } = banks;
  return {
    float: new Float32Array(float.buffer, float.byteOffset, float.length),
    int: new Int32Array(int.buffer, int.byteOffset, int.length),
    bool,
  };
}
