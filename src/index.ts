/**
 * svga3d: a bit-exact software renderer for the VMware SVGA II / SVGA3D protocol.
 *
 * This is the platform-neutral core: it imports no Node module and runs in any JavaScript engine.
 * File, PNG and gzip helpers for Node are in `svga3d/node`.
 *
 * @packageDocumentation
 */

// Diagnostics and images: how problems and pictures come out of every part.
export {
  diagnostic,
  formatDiagnostic,
  DiagnosticList,
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticSeverity,
  type DiagnosticSink,
} from './common/diagnostics.js';
export { createRgba8Image, type Rgba8Image } from './common/image.js';

// Surface formats: the SVGA3dSurfaceFormat table, texel and block decode/encode.
export * from './formats/index.js';

// The codec: FIFO bytes <-> typed commands (decodeFifo, formatCommand, CommandWriter, enums).
export * from './svga3d-decoder/index.js';

// The device model.
export * from './device/index.js';

// The shader VM: D3D9 bytecode decoder, validator, disassembler, assembler. Its IR types and
// tables live under the `shaderVm` namespace, since some names (ShaderType, DecodeResult) mean
// something else in the device and the codec; the entry points are also exported by name.
export * as shaderVm from './shader-vm/index.js';
export { assemble, decodeShader, disassemble, encodeShader, validateProgram, validateShader } from './shader-vm/index.js';
export type {
  AssembleOptions,
  AssembleResult,
  DecodeResult as ShaderDecodeResult,
  EncodeResult as ShaderEncodeResult,
  ValidationResult as ShaderValidationResult,
} from './shader-vm/index.js';

// The .svgatrace format.
export * from './trace/index.js';

// Replay of a trace against a device.
export {
  replayTrace,
  FINAL_IMAGE_NAME,
  MAX_REPLAY_CHECKPOINTS,
  MAX_REPLAY_VRAM_BYTES,
  type ReplayCheckpoint,
  type ReplayDevice,
  type ReplayDeviceFactory,
  type ReplayOptions,
  type ReplaySummary,
  type ReplayLocation,
} from './replay/replay-trace.js';
export { ReplayDiagnostics } from './replay/replay-diagnostics.js';
export { createSvgaDevice, svgaDeviceFactory, validateSvgaShader } from './replay/svga-device-factory.js';
export { buildDemoScene, DemoScene, DEMO_SCENE_NAME } from './replay/demo-scene.js';
