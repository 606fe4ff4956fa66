/**
 * The device the golden suite renders with: the project's `SvgaDevice` with the shader VM's
 * validator (as replay's default) and the pipeline's draw backend with its defaults (reference
 * rasteriser, texture unit, generated fixed-function programs), so that draws render.
 *
 * Kept in one place so that, once the replay's default device renders draws itself, the suite
 * switches to it here and nowhere else.
 */
import { SvgaDevice } from '../device/index.js';
import { createDrawBackend } from '../pipeline/index.js';
import type { ReplayDeviceFactory } from '../replay/replay-trace.js';
import { validateSvgaShader } from '../replay/svga-device-factory.js';

/** Creates the golden suite's device for one replay. */
export const createGoldenDevice: ReplayDeviceFactory = ({ vramBytes, sink }) =>
  new SvgaDevice({ vramBytes, sink, shaderValidator: validateSvgaShader, drawBackend: createDrawBackend() });
