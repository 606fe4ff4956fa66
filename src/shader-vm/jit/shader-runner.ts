/**
 * One switch between the reference interpreter and the compiled path, for the pipeline:
 * `createShaderRunner(program, mode)` gives the two entry points bound to a program.
 */

import type { ShaderProgram } from '../ir/ir.js';
import type { PixelQuadInput, PixelQuadResult } from '../interp/run-pixel.js';
import { runPixelQuad } from '../interp/run-pixel.js';
import type { VertexShaderInput, VertexShaderResult } from '../interp/run-vertex.js';
import { runVertexShader } from '../interp/run-vertex.js';
import { runPixelQuadCompiled } from './run-compiled.js';
import { runVertexShaderCompiled } from './run-vertex-compiled.js';
import type { ShaderCache } from './shader-cache.js';
import { defaultShaderCache } from './shader-cache.js';

/** `reference`: the interpreter; `compiled`: generated code (falling back to the interpreter when needed). */
export type ShaderRunMode = 'reference' | 'compiled';

/** A program's entry points in one mode; results are the same in both. */
export interface ShaderRunner {
  readonly mode: ShaderRunMode;
  readonly program: ShaderProgram;
  runVertex(input: VertexShaderInput): VertexShaderResult;
  runPixelQuad(input: PixelQuadInput): PixelQuadResult;
}

/** The entry points of `program` in `mode` (the compiled ones share `cache`). */
export function createShaderRunner(program: ShaderProgram, mode: ShaderRunMode, cache: ShaderCache = defaultShaderCache): ShaderRunner {
  if (mode === 'reference') {
    return {
      mode,
      program,
      runVertex: (input) => runVertexShader(program, input),
      runPixelQuad: (input) => runPixelQuad(program, input),
    };
  }
  return {
    mode,
    program,
    runVertex: (input) => runVertexShaderCompiled(program, input, cache),
    runPixelQuad: (input) => runPixelQuadCompiled(program, input, cache),
  };
}
