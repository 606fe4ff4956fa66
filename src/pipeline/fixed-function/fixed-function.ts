/**
 * The fixed-function pipeline's entry points: for a draw with no vertex (or pixel) shader bound,
 * the program the draw path runs in the shader VM exactly like a guest shader, the constants it
 * reads, and the key it was generated from. Programs are cached by key (code depends only on the
 * key); constants are filled per call from the context.
 */
import type { ShaderConstants, ShaderProgram } from '../../shader-vm/index.js';
import { disassemble } from '../../shader-vm/index.js';
import type { FixedFunctionContext } from './ff-context.js';
import type { FixedFunctionPixelInputs } from './pixel-key.js';
import { pixelConstants, pixelKey, pixelKeyString } from './pixel-key.js';
import { generatePixelProgram } from './pixel-program.js';
import type { CacheStats } from './program-cache.js';
import { ProgramCache } from './program-cache.js';
import type { FixedFunctionVertexInputs } from './vertex-key.js';
import { vertexKey, vertexKeyString } from './vertex-key.js';
import { vertexConstants } from './vertex-constants.js';
import { generateVertexProgram } from './vertex-program.js';

/** A generated program with the constants of the draw. */
export interface FixedFunctionProgram {
  readonly program: ShaderProgram;
  readonly constants: ShaderConstants;
  /** The key string the program was generated (and cached) from. */
  readonly key: string;
}

/** Programs kept per stage: generous for real content (a handful of keys), bounded for hostile input. */
export const FIXED_FUNCTION_CACHE_CAPACITY = 256;

const vertexCache = new ProgramCache<ShaderProgram>(FIXED_FUNCTION_CACHE_CAPACITY);
const pixelCache = new ProgramCache<ShaderProgram>(FIXED_FUNCTION_CACHE_CAPACITY);

/**
 * The fixed-function vertex program of a draw (`vs_2_x`; output contract in `vertex-program.ts`).
 * `context` is the device's `ContextState` (or anything with the same fields). Never throws.
 */
export function buildFixedFunctionVertexProgram(context: FixedFunctionContext, inputs: FixedFunctionVertexInputs): FixedFunctionProgram {
  const key = vertexKey(context, inputs);
  const keyString = vertexKeyString(key);
  const program = vertexCache.get(keyString, () => generateVertexProgram(key));
  return { program, constants: vertexConstants(context, inputs, key), key: keyString };
}

/** The fixed-function pixel program of a draw (`ps_2_x`; contract in `pixel-program.ts`). Never throws. */
export function buildFixedFunctionPixelProgram(context: FixedFunctionContext, inputs: FixedFunctionPixelInputs): FixedFunctionProgram {
  const key = pixelKey(context, inputs);
  const keyString = pixelKeyString(key);
  const program = pixelCache.get(keyString, () => generatePixelProgram(key));
  return { program, constants: pixelConstants(context), key: keyString };
}

/** Counters of the two program caches. */
export function fixedFunctionCacheStats(): { readonly vertex: CacheStats; readonly pixel: CacheStats } {
  return { vertex: vertexCache.stats(), pixel: pixelCache.stats() };
}

/** Empties both caches (tests, or a host that wants the memory back). */
export function clearFixedFunctionCaches(): void {
  vertexCache.clear();
  pixelCache.clear();
}

/** A readable listing of a generated program, for debugging: its key, then the disassembly. */
export function dumpFixedFunctionProgram(p: FixedFunctionProgram): string {
  return `; fixed-function ${p.key}\n${disassemble(p.program)}`;
}
