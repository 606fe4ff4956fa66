/**
 * The device replay uses unless told otherwise: the project's `SvgaDevice` (which renders draws
 * with the reference draw path), with the shader VM's validator checking every SHADER_DEFINE.
 * `svgaDeviceFactory({ drawBackend: null })` replays without rendering draws.
 */
import { SvgaDevice, type ShaderValidator, type SvgaDeviceOptions } from '../device/index.js';
import { validateShader } from '../shader-vm/index.js';
import type { ReplayDeviceFactory } from './replay-trace.js';

/** `SVGA3dShaderType` 1 (VS) and 2 (PS) as the validator names them; others are left to it. */
export const validateSvgaShader: ShaderValidator = (type, bytecode) =>
  validateShader(bytecode, type === 1 ? 'vs' : type === 2 ? 'ps' : undefined);

/**
 * A factory of `SvgaDevice`s with the trace's VRAM size, reporting to replay's sink, with
 * `options` on top (a draw backend, another validator, FIFO size, ...).
 */
export function svgaDeviceFactory(options: Omit<SvgaDeviceOptions, 'vramBytes' | 'sink'> = {}): ReplayDeviceFactory {
  return ({ vramBytes, sink }) => new SvgaDevice({ shaderValidator: validateSvgaShader, ...options, vramBytes, sink });
}

/** The default: {@link svgaDeviceFactory} with no extra options. */
export const createSvgaDevice: ReplayDeviceFactory = svgaDeviceFactory();
