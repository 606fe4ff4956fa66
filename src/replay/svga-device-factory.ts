/**
 * The device replay uses unless told otherwise: the project's `SvgaDevice` (which renders draws
 * with the reference draw path), with the shader VM's validator checking every SHADER_DEFINE.
 * `svgaDeviceFactory({ drawBackend: null })` replays without rendering draws.
 */
import { SvgaDevice, validateShaderBytecode, type ShaderValidator, type SvgaDeviceOptions } from '../device/index.js';
import type { ReplayDeviceFactory } from './replay-trace.js';

/**
 * The shader VM's validator as the device calls it at SHADER_DEFINE (SVGA3dShaderType 1 VS,
 * 2 PS); the device's default, exported for hosts that build their own `SvgaDevice` options.
 */
export const validateSvgaShader: ShaderValidator = validateShaderBytecode;

/**
 * A factory of `SvgaDevice`s with the trace's VRAM size, reporting to replay's sink, with
 * `options` on top (`drawBackend: null`, another validator, FIFO size, ...).
 */
export function svgaDeviceFactory(options: Omit<SvgaDeviceOptions, 'vramBytes' | 'sink'> = {}): ReplayDeviceFactory {
  return ({ vramBytes, sink }) => new SvgaDevice({ ...options, vramBytes, sink });
}

/** The default: {@link svgaDeviceFactory} with no extra options. */
export const createSvgaDevice: ReplayDeviceFactory = svgaDeviceFactory();
