/**
 * The device replay uses unless told otherwise: the project's `SvgaDevice`.
 */
import { SvgaDevice } from '../device/index.js';
import type { ReplayDeviceFactory } from './replay-trace.js';

/** Creates an `SvgaDevice` with the trace's VRAM size, reporting to replay's sink. */
export const createSvgaDevice: ReplayDeviceFactory = ({ vramBytes, sink }) => new SvgaDevice({ vramBytes, sink });
