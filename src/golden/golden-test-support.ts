/**
 * Golden cases for the suite's own tests (runner, report page, `svga3d golden`): a script that
 * clears one render target, so a test decides exactly what every render produces.
 */
import { SVGA3dSurfaceFormat as F } from '../formats/surface-formats.js';
import { CommandWriter, SVGA3dClearFlag, SVGA3dRenderTargetType } from '../svga3d-decoder/index.js';
import { TraceWriter } from '../trace/trace-writer.js';
import type { GoldenCase } from './golden-case.js';

/** How {@link clearCase} differs from a 2×2 A8R8G8B8 target checkpointed as `img`. */
export interface ClearCaseOptions {
  readonly width?: number;
  readonly height?: number;
  /** SVGA3dSurfaceFormat of the target. */
  readonly format?: number;
  /** Checkpoint name of the target. */
  readonly checkpoint?: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  /** A rectangle cleared after the background, to a colour asked once per render. */
  readonly square?: { readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly color: () => number };
  /** More records after the checkpoint. */
  readonly extra?: (t: TraceWriter) => void;
}

/**
 * A case whose trace clears surface 1 (bound as COLOR0 of context 1) to `color()`, optionally a
 * square of another colour, then checkpoints it. The colours are asked each time the trace is
 * built, that is once per render, so a test can make two renders differ.
 */
export function clearCase(name: string, color: () => number, o: ClearCaseOptions = {}): GoldenCase {
  const width = o.width ?? 2;
  const height = o.height ?? 2;
  return {
    name,
    description: o.description ?? `clear to a colour (${name})`,
    tags: o.tags ?? ['test'],
    needs: ['clear'],
    source: {
      kind: 'script',
      build: () => {
        const c = new CommandWriter();
        const face = [{ numMipLevels: 1 }, ...Array.from({ length: 5 }, () => ({ numMipLevels: 0 }))];
        c.surfaceDefine({ sid: 1, surfaceFlags: 0, format: o.format ?? F.A8R8G8B8, face, sizes: [{ width, height, depth: 1 }] });
        c.contextDefine({ cid: 1 });
        c.setRenderTarget({ cid: 1, type: SVGA3dRenderTargetType.COLOR0, target: { sid: 1, face: 0, mipmap: 0 } });
        c.setViewport({ cid: 1, rect: { x: 0, y: 0, w: width, h: height } });
        const clear = (argb: number, rect: { x: number; y: number; w: number; h: number }) =>
          c.clear({ cid: 1, clearFlag: SVGA3dClearFlag.COLOR, color: argb, depth: 1, stencil: 0, rects: [rect] });
        clear(color(), { x: 0, y: 0, w: width, h: height });
        if (o.square) clear(o.square.color(), o.square);
        const t = new TraceWriter().config(1 << 20).fifo(c).checkpointSurface(o.checkpoint ?? 'img', 1);
        o.extra?.(t);
        return t.finish();
      },
    },
  };
}
