/**
 * Diagnostic codes of trace replay (1100–1199, inside the trace area 1000–1999).
 */
import { defineDiagnosticCodes } from '../common/diagnostics.js';

export const ReplayDiagnostics = defineDiagnosticCodes({
  /** CONFIG asks for 0 bytes of VRAM or more than the bound; the default 16 MiB is used. */
  E_REPLAY_VRAM_SIZE: 1100,
  /** A checkpoint names a screen or surface image that does not exist; no image is produced. */
  E_REPLAY_NO_IMAGE: 1101,
  /** Two checkpoints share a name; the later image replaces the earlier one. */
  W_REPLAY_DUPLICATE_NAME: 1102,
  /** More checkpoints than the replay bound; the rest produce no image. */
  E_REPLAY_TOO_MANY_CHECKPOINTS: 1103,
  /**
   * The device threw while executing a record. That is a bug in svga3d, not in the trace; replay
   * reports it and carries on so one bad command cannot stop a whole run.
   */
  E_REPLAY_DEVICE_FAULT: 1104,
});
