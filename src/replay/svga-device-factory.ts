/**
 * The device replay uses unless told otherwise: the project's `SvgaDevice`, with the shader VM's
 * validator checking every SHADER_DEFINE. The draw backend is not plugged in yet: draws are
 * validated and reported as not rendered.
 */
import { SvgaDevice, type ShaderValidator } from '../device/index.js';
import { validateShader } from '../shader-vm/index.js';
import type { ReplayDeviceFactory } from './replay-trace.js';

/** `SVGA3dShaderType` 1 (VS) and 2 (PS) as the validator names them; others are left to it. */
export const validateSvgaShader: ShaderValidator = (type, bytecode) =>
  validateShader(bytecode, type === 1 ? 'vs' : type === 2 ? 'ps' : undefined);

/** Creates an `SvgaDevice` with the trace's VRAM size, reporting to replay's sink. */
export const createSvgaDevice: ReplayDeviceFactory = ({ vramBytes, sink }) =>
  new SvgaDevice({ vramBytes, sink, shaderValidator: validateSvgaShader });
