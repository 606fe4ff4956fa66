/**
 * The reference shader interpreter: runs decoded `ShaderProgram`s per vertex and per 2×2 pixel
 * quad, computing through `../ops/` so any compiled path can match it bit for bit.
 */

export { runVertexShader, findOutput, outputPosition, VertexShaderRunner, cachedOutputSignature } from './run-vertex.js';
export type { VertexShaderInput, VertexShaderResult, ShaderOutput, VertexShaderRunnerOptions } from './run-vertex.js';
export { runPixelQuad, PixelQuadRunner, PIXEL_INPUT_REGISTERS, PIXEL_TEXCOORD_SETS } from './run-pixel.js';
export type { PixelQuadInput, PixelQuadResult, PixelQuadRun, PixelQuadRunnerOptions } from './run-pixel.js';
export type { ShaderConstants } from './shader-constants.js';
export { DEFAULT_INSTRUCTION_BUDGET } from './exec-context.js';
export type { ExecStatus, InterpOptions, TextureStageState } from './exec-context.js';
export { UNBOUND_SAMPLER } from './texture-sampler.js';
export type { SampleVariant, TextureSampleRequest, TextureSampler } from './texture-sampler.js';
export { prepareShader, FLOAT_CONSTANTS, INT_CONSTANTS, BOOL_CONSTANTS } from './prepare.js';
export type { PreparedShader } from './prepare.js';
export { inputSignature, outputSignature } from './signature.js';
export type { SignatureEntry } from './signature.js';
export { InterpDiag } from './interp-diagnostics.js';
export { MAX_STACK_DEPTH } from './execute.js';
