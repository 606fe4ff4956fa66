/**
 * The compiled shader path: `ShaderProgram` → generated JavaScript, bit-identical to the reference
 * interpreter (`../interp/`), behind the interpreter's own entry-point signatures, with an LRU
 * cache of compiled programs.
 */

export { compileShader, unsupportedReason, MAX_COMPILED_INSTRUCTIONS } from './compile-shader.js';
export type { CompileOptions, CompiledShader } from './compile-shader.js';
export { ShaderCache, defaultShaderCache, DEFAULT_CACHE_CAPACITY } from './shader-cache.js';
export type { ShaderCacheStats } from './shader-cache.js';
export { runPixelQuadCompiled } from './run-compiled.js';
export { runVertexShaderCompiled } from './run-vertex-compiled.js';
export { createShaderRunner } from './shader-runner.js';
export type { ShaderRunner, ShaderRunMode } from './shader-runner.js';
export { CompiledPixelQuadRunner } from './compiled-pixel-runner.js';
export { CompiledVertexShaderRunner } from './compiled-vertex-runner.js';
