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
} from './replay/replay-trace.js';
export { ReplayDiagnostics } from './replay/replay-diagnostics.js';
