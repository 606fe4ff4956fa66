/**
 * Diagnostic codes of trace replay (1100–1199, inside the trace area 1000–1999).
 */
import type { DiagnosticCode } from '../common/diagnostics.js';

export const ReplayDiagnostics = {
  /** CONFIG asks for 0 bytes of VRAM or more than the bound; the default 16 MiB is used. */
  E_REPLAY_VRAM_SIZE: { code: 1100, name: 'E_REPLAY_VRAM_SIZE', severity: 'error' },
  /** A checkpoint names a screen or surface image that does not exist; no image is produced. */
  E_REPLAY_NO_IMAGE: { code: 1101, name: 'E_REPLAY_NO_IMAGE', severity: 'error' },
  /** Two checkpoints share a name; the later image replaces the earlier one. */
  W_REPLAY_DUPLICATE_NAME: { code: 1102, name: 'W_REPLAY_DUPLICATE_NAME', severity: 'warning' },
  /** More checkpoints than the replay bound; the rest produce no image. */
  E_REPLAY_TOO_MANY_CHECKPOINTS: { code: 1103, name: 'E_REPLAY_TOO_MANY_CHECKPOINTS', severity: 'error' },
  /**
   * The device threw while executing a record. That is a bug in svga3d, not in the trace; replay
   * reports it and carries on so one bad command cannot stop a whole run.
   */
  E_REPLAY_DEVICE_FAULT: { code: 1104, name: 'E_REPLAY_DEVICE_FAULT', severity: 'error' },
} as const satisfies Record<string, DiagnosticCode>;
