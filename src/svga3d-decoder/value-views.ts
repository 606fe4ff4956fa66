/**
 * Float views of raw value words. Render-state, texture-state and shader-constant values are
 * decoded as raw u32 words (a float state's bits, an INT or BOOL constant) so that no bit pattern
 * is lost; read them as float32 with `f32FromBits` (`src/common/f32-math.ts`) where the state or
 * constant type says so.
 */
import { f32FromBits } from '../common/f32-math.js';

/** SET_SHADER_CONST registers as float32 values (for ctype FLOAT), one 4-vector per register. */
export function shaderConstFloats(values: readonly (readonly number[])[]): number[][] {
  return values.map((reg) => reg.map(f32FromBits));
}
