/**
 * Renders one golden case's trace to its checkpoint images, platform-neutrally: the caller hands
 * over the trace bytes (and a gunzip for corpus files).
 */
import type { Diagnostic } from '../common/diagnostics.js';
import type { Rgba8Image } from '../common/image.js';
import { replayTrace, type ReplayDeviceFactory } from '../replay/replay-trace.js';
import type { GunzipFn } from '../trace/read-trace.js';

/** One checkpoint image of a rendered case. */
export interface RenderedImage {
  readonly name: string;
  readonly image: Rgba8Image;
}

/** A case rendered once. */
export interface RenderedCase {
  /** False when the bytes are not a readable trace. */
  readonly readable: boolean;
  /** In order of first appearance; a checkpoint name used twice keeps its last image. */
  readonly images: readonly RenderedImage[];
  /** Error and warning diagnostics whose code the case does not expect. */
  readonly unexpected: readonly Diagnostic[];
  /** Every diagnostic, for the report. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Options of {@link renderCaseTrace}. */
export interface RenderCaseOptions {
  readonly createDevice: ReplayDeviceFactory;
  readonly gunzip?: GunzipFn;
  readonly expectDiagnostics?: readonly number[];
}

/** Replays `bytes` and keeps every checkpoint image (copied: the device may reuse its buffers). */
export function renderCaseTrace(bytes: Uint8Array, options: RenderCaseOptions): RenderedCase {
  const images: RenderedImage[] = [];
  const at = new Map<string, number>();
  const summary = replayTrace(bytes, {
    createDevice: options.createDevice,
    ...(options.gunzip ? { gunzip: options.gunzip } : {}),
    onImage(name, image) {
      const copy: RenderedImage = { name, image: { width: image.width, height: image.height, data: image.data.slice() } };
      const i = at.get(name);
      if (i === undefined) {
        at.set(name, images.length);
        images.push(copy);
      } else {
        images[i] = copy;
      }
    },
  });
  const allowed = new Set(options.expectDiagnostics ?? []);
  const unexpected = summary.diagnostics.filter((d) => d.severity !== 'info' && !allowed.has(d.code));
  return { readable: summary.readable, images, unexpected, diagnostics: summary.diagnostics };
}
