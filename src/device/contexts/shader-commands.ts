/**
 * Shaders as context objects: SHADER_DEFINE / SHADER_DESTROY / SET_SHADER, and shader constants
 * (SET_SHADER_CONST, one or more registers).
 *
 * Shader ids live in a namespace per context and per type; constants belong to the context, one
 * float/int/bool bank per shader type.
 */
import type { ReportFn } from '../../common/diagnostics.js';
import type { CommandBody } from '../../svga3d-decoder/index.js';
import { CTX_DIAGNOSTICS } from '../device-diagnostics.js';
import type { ContextEnv } from './context-env.js';
import {
  BOOL_CONST_COUNT,
  FLOAT_CONST_COUNT,
  INT_CONST_COUNT,
  INVALID_ID,
  type ContextState,
  type ShaderObject,
} from './context-state.js';
import { checkShaderFraming } from './shader-framing.js';

/** The bank index (0 VS, 1 PS) of shader type `type`, or undefined after reporting it. */
function typeIndex(type: number, report: ReportFn): 0 | 1 | undefined {
  if (type === 1) return 0;
  if (type === 2) return 1;
  report(CTX_DIAGNOSTICS.E_SHADER_TYPE, `shader type ${type} is not VS (1) or PS (2)`);
  return undefined;
}

function shaderCount(context: ContextState): number {
  return context.shaders[0].size + context.shaders[1].size;
}

/** SHADER_DEFINE: frames, validates and keeps the bytecode under the shader id of its type (redefinition replaces). */
export function executeShaderDefine(env: ContextEnv, body: CommandBody<'SHADER_DEFINE'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context) return;
  const index = typeIndex(body.type, report);
  if (index === undefined) return;
  const limits = env.contexts.limits;
  if (body.shid >= limits.maxShaderIds) {
    report(CTX_DIAGNOSTICS.E_SHADER_ID, `shader id ${body.shid} is not below ${limits.maxShaderIds}`);
    return;
  }
  const bytes = body.bytecode;
  if (bytes.byteLength > limits.maxShaderBytes) {
    report(CTX_DIAGNOSTICS.E_SHADER_BUDGET, `shader of ${bytes.byteLength} bytes exceeds ${limits.maxShaderBytes}`);
    return;
  }
  const framing = checkShaderFraming(body.type, bytes);
  if (framing !== undefined) {
    report(CTX_DIAGNOSTICS.E_SHADER_BYTECODE, `shader ${body.shid}: ${framing}`);
    return;
  }
  const old = context.shaders[index].get(body.shid);
  if (!old && shaderCount(context) >= limits.maxShadersPerContext) {
    report(CTX_DIAGNOSTICS.E_SHADER_BUDGET, `context ${context.cid} already holds ${limits.maxShadersPerContext} shaders`);
    return;
  }
  const freed = old?.bytecode.byteLength ?? 0;
  if (!env.contexts.shaderBytesFit(bytes.byteLength, freed)) {
    report(
      CTX_DIAGNOSTICS.E_SHADER_BUDGET,
      `shader bytecode memory would exceed ${limits.maxTotalShaderBytes} bytes`,
    );
    return;
  }
  // A private, aligned copy: the body's bytes may share a buffer with the FIFO.
  const bytecode = new Uint32Array(bytes.byteLength / 4);
  new Uint8Array(bytecode.buffer).set(bytes);
  let shader: ShaderObject = { shid: body.shid, type: body.type, bytecode };
  if (env.shaderValidator) {
    const result = env.shaderValidator(body.type, bytecode);
    // The validator's own findings (codes 4000–4299) say exactly what is wrong; they are
    // reported against this command.
    for (const d of result.diagnostics) report(d, `shader ${body.shid}: ${d.message}`);
    if (!result.ok) {
      report(CTX_DIAGNOSTICS.E_SHADER_BYTECODE, `shader ${body.shid}: rejected by the shader validator`);
      return;
    }
    if (result.program !== undefined) shader = { ...shader, program: result.program };
  }
  context.shaders[index].set(body.shid, shader);
  env.contexts.accountShaderBytes(bytecode.byteLength - freed);
}

/** SHADER_DESTROY: frees the shader; a bound one falls back to fixed function. */
export function executeShaderDestroy(env: ContextEnv, body: CommandBody<'SHADER_DESTROY'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context) return;
  const index = typeIndex(body.type, report);
  if (index === undefined) return;
  const shader = context.shaders[index].get(body.shid);
  if (!shader) {
    report(CTX_DIAGNOSTICS.E_SHADER_UNDEFINED, `shader ${body.shid} (type ${body.type}) is not defined in context ${context.cid}`);
    return;
  }
  context.shaders[index].delete(body.shid);
  env.contexts.accountShaderBytes(-shader.bytecode.byteLength);
  // Destroying the bound shader leaves results undefined in the protocol; falling back to fixed
  // function is the defined choice, and it never keeps a dangling reference.
  if (context.boundShaders[index] === body.shid) context.boundShaders[index] = INVALID_ID;
}

/** SET_SHADER: binds a shader of this context, or SVGA3D_INVALID_ID for fixed function. */
export function executeSetShader(env: ContextEnv, body: CommandBody<'SET_SHADER'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context) return;
  const index = typeIndex(body.type, report);
  if (index === undefined) return;
  if (body.shid !== INVALID_ID && !context.shaders[index].has(body.shid)) {
    report(CTX_DIAGNOSTICS.E_SHADER_UNDEFINED, `shader ${body.shid} (type ${body.type}) is not defined in context ${context.cid}`);
    return;
  }
  context.boundShaders[index] = body.shid;
}

const CONST_TYPES = ['FLOAT', 'INT', 'BOOL'] as const;

/** SET_SHADER_CONST: one or more consecutive registers of one bank, all or nothing. */
export function executeSetShaderConst(env: ContextEnv, body: CommandBody<'SET_SHADER_CONST'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context) return;
  const index = typeIndex(body.type, report);
  if (index === undefined) return;
  const banks = context.constants[index];
  const count = body.values.length;
  const limit = body.ctype === 0 ? FLOAT_CONST_COUNT : body.ctype === 1 ? INT_CONST_COUNT : body.ctype === 2 ? BOOL_CONST_COUNT : 0;
  if (limit === 0) {
    report(CTX_DIAGNOSTICS.E_SHADER_CONST_TYPE, `constant type ${body.ctype} is not FLOAT, INT or BOOL`);
    return;
  }
  if (body.reg >= limit || count > limit - body.reg) {
    report(
      CTX_DIAGNOSTICS.E_SHADER_CONST_RANGE,
      `${CONST_TYPES[body.ctype] ?? ''} registers ${body.reg}..${body.reg + count - 1} are not below ${limit}`,
    );
    return;
  }
  for (let r = 0; r < count; r++) {
    const v = body.values[r] ?? [];
    const reg = body.reg + r;
    if (body.ctype === 2) {
      // BOOL constants use the first word only.
      banks.bool[reg] = (v[0] ?? 0) >>> 0;
      continue;
    }
    const bank = body.ctype === 0 ? banks.float : banks.int;
    for (let c = 0; c < 4; c++) bank[reg * 4 + c] = (v[c] ?? 0) >>> 0;
  }
}
