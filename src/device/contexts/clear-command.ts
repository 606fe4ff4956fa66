/**
 * CLEAR: fills the context's bound colour, depth and stencil targets.
 *
 * Each rectangle is clipped to the target image and to the viewport (zero rectangles mean the
 * whole target ∩ viewport): the VMware host clips CLEAR to the viewport (Mesa sets a full
 * viewport around every clear to get whole-buffer clears). Scissor, write masks and every other
 * fragment state do not apply ("Clear is not affected by clipping, depth test, or other render
 * state", SDK reference driver). The pixel work is the surfaces module's.
 */
import type { ReportFn } from '../../common/diagnostics.js';
import type { CommandBody } from '../../svga3d-decoder/index.js';
import { CTX_DIAGNOSTICS } from '../device-diagnostics.js';
import type { ClearValues, ContextEnv } from './context-env.js';
import { MAX_COLOR_TARGETS, RenderTargetType, type ContextState, type PixelRect, type SurfaceBinding } from './context-state.js';

/** `SVGA3dClearFlag`: COLOR 1, DEPTH 2, STENCIL 4; 8 is the 2015+ COLORFILL hint (ignored). */
export const ClearFlag = { COLOR: 1, DEPTH: 2, STENCIL: 4, COLORFILL: 8 } as const;
const KNOWN_FLAGS = 0xf;

/**
 * The part of `rect` inside `bounds`, or undefined when nothing is left. Works on plain numbers,
 * so `x + w` cannot wrap.
 */
export function intersectRect(rect: PixelRect, bounds: PixelRect): PixelRect | undefined {
  const x0 = Math.max(rect.x, bounds.x);
  const y0 = Math.max(rect.y, bounds.y);
  const x1 = Math.min(rect.x + rect.w, bounds.x + bounds.w);
  const y1 = Math.min(rect.y + rect.h, bounds.y + bounds.h);
  if (x1 <= x0 || y1 <= y0) return undefined;
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

interface ClearJob {
  readonly binding: SurfaceBinding;
  readonly values: ClearValues;
}

function sameImage(a: SurfaceBinding, b: SurfaceBinding): boolean {
  return a.sid === b.sid && a.face === b.face && a.mip === b.mip;
}

/** CLEAR: colour, depth and/or stencil of the bound targets over the clipped rectangles. */
export function executeClear(env: ContextEnv, body: CommandBody<'CLEAR'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context) return;
  const flags = body.clearFlag;
  if ((flags & ~KNOWN_FLAGS) !== 0) {
    report(CTX_DIAGNOSTICS.E_CLEAR_FLAGS, `clear flags 0x${(flags >>> 0).toString(16)} have unknown bits`);
    return;
  }
  const jobs: ClearJob[] = [];
  if (flags & ClearFlag.COLOR) {
    let any = false;
    for (let i = 0; i < MAX_COLOR_TARGETS; i++) {
      const binding = context.renderTargets[RenderTargetType.COLOR0 + i];
      if (binding) {
        jobs.push({ binding, values: { color: body.color >>> 0 } });
        any = true;
      }
    }
    if (!any) report(CTX_DIAGNOSTICS.W_CLEAR_NO_TARGET, 'COLOR clear with no colour target bound');
  }
  const depthTarget = context.renderTargets[RenderTargetType.DEPTH];
  // Stencil lives in the STENCIL slot; a guest that binds one depth-stencil surface only to
  // DEPTH still means that surface's stencil.
  const stencilTarget = context.renderTargets[RenderTargetType.STENCIL] ?? depthTarget;
  const wantDepth = (flags & ClearFlag.DEPTH) !== 0;
  const wantStencil = (flags & ClearFlag.STENCIL) !== 0;
  if (wantDepth && !depthTarget) report(CTX_DIAGNOSTICS.W_CLEAR_NO_TARGET, 'DEPTH clear with no depth target bound');
  if (wantStencil && !stencilTarget) report(CTX_DIAGNOSTICS.W_CLEAR_NO_TARGET, 'STENCIL clear with no stencil target bound');
  if (wantDepth && depthTarget && wantStencil && stencilTarget && sameImage(depthTarget, stencilTarget)) {
    jobs.push({ binding: depthTarget, values: { depth: body.depth, stencil: body.stencil >>> 0 } });
  } else {
    if (wantDepth && depthTarget) jobs.push({ binding: depthTarget, values: { depth: body.depth } });
    if (wantStencil && stencilTarget) jobs.push({ binding: stencilTarget, values: { stencil: body.stencil >>> 0 } });
  }
  for (const job of jobs) clearTarget(env, job, body.rects, context, report);
}

function clearTarget(
  env: ContextEnv,
  job: ClearJob,
  rects: readonly PixelRect[],
  context: ContextState,
  report: ReportFn,
): void {
  const { sid, face, mip } = job.binding;
  const surface = env.surfaces.get(sid);
  const image = surface?.image(face, mip);
  if (!surface || !image) return; // unbound on destroy; a stale binding cannot survive
  const bounds = context.viewportFor(image.width, image.height);
  if (!bounds || !env.clearImage) return;
  const list = rects.length === 0 ? [bounds] : rects;
  for (const rect of list) {
    const clipped = intersectRect(rect, bounds);
    if (clipped) env.clearImage(surface, face, mip, clipped, job.values, report);
  }
}
