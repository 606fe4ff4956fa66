/**
 * Register files: bytecode type numbers <-> IR names, and how many registers of each file a shader
 * model may use under SVGA3D's limits (`svga3d_shaderdefs.h`: 256 float constants, 16 int, 16 bool,
 * 32 temps, 16 inputs, 12 outputs, 16 pixel / 4 vertex samplers), intersected with the D3D9
 * per-model register counts.
 */

import type { RegisterFile, ShaderVersion } from './ir.js';
import { versionNumber } from './ir.js';

/** Register type numbers (D3DSPR / SVGA3DREG values). */
export const RegisterType = {
  TEMP: 0, INPUT: 1, CONST: 2, ADDR: 3, TEXTURE: 3, RASTOUT: 4, ATTROUT: 5, TEXCRDOUT: 6, OUTPUT: 6,
  CONSTINT: 7, COLOROUT: 8, DEPTHOUT: 9, SAMPLER: 10, CONST2: 11, CONST3: 12, CONST4: 13,
  CONSTBOOL: 14, LOOP: 15, TEMPFLOAT16: 16, MISCTYPE: 17, LABEL: 18, PREDICATE: 19,
} as const;

/** Constant indices per CONST bank: CONST covers c0–c2047, CONST2 c2048–c4095, and so on. */
export const CONST_BANK_SIZE = 2048;

/** The IR register file and index for a bytecode (type, number) in a shader model. */
export function registerFromType(type: number, num: number, version: ShaderVersion): { file: RegisterFile; index: number } {
  switch (type) {
    case 0: return { file: 'temp', index: num };
    case 1: return { file: 'input', index: num };
    case 2: return { file: 'const', index: num };
    case 3: return { file: version.type === 'vs' ? 'addr' : 'texture', index: num };
    case 4: return { file: 'rastout', index: num };
    case 5: return { file: 'attrout', index: num };
    case 6: return { file: version.type === 'vs' && version.major >= 3 ? 'output' : 'texcrdout', index: num };
    case 7: return { file: 'constint', index: num };
    case 8: return { file: 'colorout', index: num };
    case 9: return { file: 'depthout', index: num };
    case 10: return { file: 'sampler', index: num };
    case 11: return { file: 'const', index: num + CONST_BANK_SIZE };
    case 12: return { file: 'const', index: num + 2 * CONST_BANK_SIZE };
    case 13: return { file: 'const', index: num + 3 * CONST_BANK_SIZE };
    case 14: return { file: 'constbool', index: num };
    case 15: return { file: 'loop', index: num };
    case 16: return { file: 'tempfloat16', index: num };
    case 17: return { file: 'misc', index: num };
    case 18: return { file: 'label', index: num };
    case 19: return { file: 'predicate', index: num };
    default: return { file: 'unknown', index: num + type * CONST_BANK_SIZE };
  }
}

const FILE_TYPES: Readonly<Record<RegisterFile, number>> = {
  temp: 0, input: 1, const: 2, addr: 3, texture: 3, rastout: 4, attrout: 5, texcrdout: 6, output: 6,
  constint: 7, colorout: 8, depthout: 9, sampler: 10, constbool: 14, loop: 15, tempfloat16: 16,
  misc: 17, label: 18, predicate: 19, unknown: 20,
};

/**
 * The bytecode (type, number) of an IR register; the inverse of `registerFromType`. Indices that do
 * not fit the 11-bit number field give undefined (the encoder reports them).
 */
export function registerToType(file: RegisterFile, index: number): { type: number; num: number } | undefined {
  if (!Number.isInteger(index) || index < 0) return undefined;
  let type = FILE_TYPES[file];
  let num = index;
  if (file === 'const') {
    const bank = Math.floor(index / CONST_BANK_SIZE);
    if (bank > 3) return undefined;
    type = bank === 0 ? 2 : 10 + bank;
    num = index % CONST_BANK_SIZE;
  } else if (file === 'unknown') {
    type = Math.floor(index / CONST_BANK_SIZE);
    num = index % CONST_BANK_SIZE;
    if (type < 20 || type > 31) return undefined;
  }
  if (num >= CONST_BANK_SIZE) return undefined;
  return { type, num };
}

/**
 * Number of registers of `file` that shader model `version` may address (0 = the file does not
 * exist in the model). SVGA3D's limits cap the D3D9 counts; the optional `_2_x` caps are taken at
 * their maximum.
 */
export function registerCount(file: RegisterFile, version: ShaderVersion): number {
  const n = versionNumber(version);
  if (version.type === 'vs') {
    switch (file) {
      case 'temp': return n >= 0x201 ? 32 : 12;
      case 'input': return 16;
      case 'const': return 256;
      case 'addr': return 1;
      case 'rastout': return n < 0x300 ? 3 : 0;
      case 'attrout': return n < 0x300 ? 2 : 0;
      case 'texcrdout': return n < 0x300 ? 8 : 0;
      case 'output': return n >= 0x300 ? 12 : 0;
      case 'constint': return n >= 0x200 ? 16 : 0;
      case 'constbool': return n >= 0x200 ? 16 : 0;
      case 'loop': return n >= 0x200 ? 1 : 0;
      case 'sampler': return n >= 0x300 ? 4 : 0;
      case 'label': return n >= 0x200 ? 2048 : 0;
      case 'predicate': return n >= 0x201 ? 1 : 0;
      default: return 0;
    }
  }
  switch (file) {
    case 'temp': return n >= 0x201 ? 32 : n === 0x200 ? 12 : n === 0x104 ? 6 : 2;
    case 'input': return n >= 0x300 ? 10 : 2;
    // ps_3_0 takes SVGA3D's 256, not D3D9's 224: Mesa's svga driver puts its extra constants
    // after the user's, up to c255, in pixel shaders too.
    case 'const': return n >= 0x300 ? 256 : n >= 0x200 ? 32 : 8;
    case 'texture': return n >= 0x300 ? 0 : n >= 0x200 ? 8 : n === 0x104 ? 6 : 4;
    case 'colorout': return n >= 0x200 ? 4 : 0;
    case 'depthout': return n >= 0x200 ? 1 : 0;
    case 'sampler': return n >= 0x200 ? 16 : 0;
    case 'constint': return n >= 0x200 ? 16 : 0;
    case 'constbool': return n >= 0x200 ? 16 : 0;
    case 'loop': return n >= 0x300 ? 1 : 0;
    case 'misc': return n >= 0x300 ? 2 : 0;
    case 'label': return n >= 0x201 ? 2048 : 0;
    case 'predicate': return n >= 0x201 ? 1 : 0;
    default: return 0;
  }
}

/** Maximum nesting depth of if / loop / rep blocks (`SVGA3D_MAX_NESTING_LEVEL`). */
export const MAX_NESTING = 32;

/**
 * Per-model nesting limits of D3D9: static and dynamic flow control together may nest
 * `MAX_NESTING` deep under SVGA3D, but loop/rep nest at most 4 deep in every model that has them.
 */
export const MAX_LOOP_NESTING = 4;

/** Maximum call depth (D3D9: 4 nested calls in vs_2_0 / ps_2_x, extended to 4 in SM3 too). */
export const MAX_CALL_DEPTH = 4;

/** Bytecode budget: at most 512 KiB (131072 DWORDs) per shader. */
export const MAX_SHADER_WORDS = 131072;

/** Instruction budget: at most 32768 instructions (comments not counted). */
export const MAX_INSTRUCTIONS = 32768;
