/**
 * The shader VM front end: D3D9 / SVGA3D shader bytecode -> IR, validator, disassembler, assembler.
 */

export * from './ir/ir.js';
export * from './ir/opcodes.js';
export * from './ir/registers.js';
export { ShaderDiag } from './shader-diagnostics.js';
export { decodeShader, parseVersionToken } from './decode/decoder.js';
export type { DecodeResult } from './decode/decoder.js';
export { encodeShader } from './encode/encoder.js';
export type { EncodeResult } from './encode/encoder.js';
export { disassemble, formatInstruction, formatSrc, formatDst } from './text/disassembler.js';
export { formatFloatG9 } from './text/format-float.js';
export { validateShader, validateProgram } from './validate/validator.js';
export type { ValidationResult } from './validate/validator.js';
export { assemble, parseVersionName } from './text/assembler.js';
export type { AssembleOptions, AssembleResult } from './text/assembler.js';

// The reference interpreter (src/shader-vm/interp), built on the IR above.
export * from './interp/index.js';

// The compiled path (src/shader-vm/jit): the same results, bit for bit, from generated JavaScript.
export * from './jit/index.js';
