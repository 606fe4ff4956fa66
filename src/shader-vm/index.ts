/**
 * The shader VM front end: D3D9 / SVGA3D shader bytecode -> IR, validator, disassembler, assembler.
 */

export * from './ir/ir.js';
export * from './ir/opcodes.js';
export * from './ir/registers.js';
