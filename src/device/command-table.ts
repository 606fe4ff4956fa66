/**
 * Command name → executor: the device's dispatch table. Every command the codec decodes is
 * listed, so a missing entry is a deliberate "not implemented" (reported by the runner).
 */
import { executeClear } from './contexts/clear-command.js';
import type { ContextEnv } from './contexts/context-env.js';
import { executeDrawPrimitives } from './contexts/draw-command.js';
import { executeBeginQuery, executeEndQuery, executeWaitForQuery } from './contexts/query-commands.js';
import {
  executeSetShader,
  executeSetShaderConst,
  executeShaderDefine,
  executeShaderDestroy,
} from './contexts/shader-commands.js';
import {
  executeSetClipPlane,
  executeSetLightData,
  executeSetLightEnabled,
  executeSetMaterial,
  executeSetRenderState,
  executeSetRenderTarget,
  executeSetScissorRect,
  executeSetTextureState,
  executeSetTransform,
  executeSetViewport,
  executeSetZRange,
} from './contexts/state-commands.js';
import type { DispatchTable } from './fifo/command-runner.js';
import type { GmrTable } from './memory/gmr-table.js';
import { executeDefineGmr2, executeRemapGmr2 } from './memory/gmr2-commands.js';
import type { ScreenSystem } from './screens/screen-system.js';
import {
  executeGenerateMipmaps,
  executeSurfaceCopy,
  executeSurfaceDma,
  executeSurfaceStretchBlt,
  type SurfaceStore,
} from './surfaces/index.js';

/** Everything the executors act on. */
export interface DeviceServices {
  readonly env: ContextEnv;
  readonly gmrs: GmrTable;
  readonly surfaces: SurfaceStore;
  readonly screens: ScreenSystem;
  /** FENCE reached: store the value where the guest reads it. */
  fence(value: number): void;
}

/** Builds the dispatch table over `s`. */
export function buildDispatchTable(s: DeviceServices): DispatchTable {
  const { env, screens, surfaces, gmrs } = s;
  const noop = (): void => {};
  return {
    // Surfaces.
    SURFACE_DEFINE: (b, r) => void surfaces.define(b, r),
    SURFACE_DEFINE_V2: (b, r) => void surfaces.define(b, r),
    SURFACE_DESTROY: (b, r) => void surfaces.destroy(b.sid, r),
    SURFACE_COPY: (b, r) => executeSurfaceCopy(surfaces, b, r),
    SURFACE_DMA: (b, r) => executeSurfaceDma(surfaces, gmrs, b, r),
    SURFACE_STRETCHBLT: (b, r) => executeSurfaceStretchBlt(surfaces, b, r),
    GENERATE_MIPMAPS: (b, r) => executeGenerateMipmaps(surfaces, b, r),
    // Hints a synchronous device has no use for (VirtualBox: no-ops too).
    ACTIVATE_SURFACE: noop,
    DEACTIVATE_SURFACE: noop,
    // Contexts and state.
    CONTEXT_DEFINE: (b, r) => void env.contexts.define(b.cid, r),
    CONTEXT_DESTROY: (b, r) => env.contexts.destroy(b.cid, r),
    SETTRANSFORM: (b, r) => executeSetTransform(env, b, r),
    SETZRANGE: (b, r) => executeSetZRange(env, b, r),
    SETRENDERSTATE: (b, r) => executeSetRenderState(env, b, r),
    SETRENDERTARGET: (b, r) => executeSetRenderTarget(env, b, r),
    SETTEXTURESTATE: (b, r) => executeSetTextureState(env, b, r),
    SETMATERIAL: (b, r) => executeSetMaterial(env, b, r),
    SETLIGHTDATA: (b, r) => executeSetLightData(env, b, r),
    SETLIGHTENABLED: (b, r) => executeSetLightEnabled(env, b, r),
    SETVIEWPORT: (b, r) => executeSetViewport(env, b, r),
    SETCLIPPLANE: (b, r) => executeSetClipPlane(env, b, r),
    SETSCISSORRECT: (b, r) => executeSetScissorRect(env, b, r),
    CLEAR: (b, r) => executeClear(env, b, r),
    SHADER_DEFINE: (b, r) => executeShaderDefine(env, b, r),
    SHADER_DESTROY: (b, r) => executeShaderDestroy(env, b, r),
    SET_SHADER: (b, r) => executeSetShader(env, b, r),
    SET_SHADER_CONST: (b, r) => executeSetShaderConst(env, b, r),
    DRAW_PRIMITIVES: (b, r) => executeDrawPrimitives(env, b, r),
    BEGIN_QUERY: (b, r) => executeBeginQuery(env, b, r),
    END_QUERY: (b, r) => executeEndQuery(env, b, r),
    WAIT_FOR_QUERY: (b, r) => executeWaitForQuery(env, b, r),
    // 3D → screen.
    PRESENT: (b, r) => screens.present(b, r),
    PRESENT_READBACK: (b, r) => screens.presentReadback(b, r),
    BLIT_SURFACE_TO_SCREEN: (b, r) => screens.blitSurfaceToScreen(b, r),
    // 2D.
    INVALID_CMD: noop,
    UPDATE: (b, r) => screens.update(b, r),
    RECT_FILL: (b, r) => screens.rectFill(b, r),
    RECT_COPY: (b, r) => screens.rectCopy(b, r),
    RECT_ROP_COPY: (b, r) => screens.rectRopCopy(b, r),
    DEFINE_CURSOR: (b, r) => screens.defineCursor(b, r),
    DISPLAY_CURSOR: (b, r) => screens.displayCursor(b, r),
    MOVE_CURSOR: (b, r) => screens.moveCursor(b, r),
    DEFINE_ALPHA_CURSOR: (b, r) => screens.defineAlphaCursor(b, r),
    UPDATE_VERBOSE: (b, r) => screens.updateVerbose(b, r),
    FRONT_ROP_FILL: (b, r) => screens.frontRopFill(b, r),
    FENCE: (b) => s.fence(b.fence),
    ESCAPE: (b, r) => screens.escape(b, r),
    DEFINE_SCREEN: (b, r) => screens.defineScreen(b, r),
    DESTROY_SCREEN: (b, r) => screens.destroyScreen(b, r),
    DEFINE_GMRFB: (b, r) => screens.defineGmrfb(b, r),
    BLIT_GMRFB_TO_SCREEN: (b, r) => screens.blitGmrfbToScreen(b, r),
    BLIT_SCREEN_TO_GMRFB: (b, r) => screens.blitScreenToGmrfb(b, r),
    ANNOTATION_FILL: (b, r) => screens.annotationFill(b, r),
    ANNOTATION_COPY: (b, r) => screens.annotationCopy(b, r),
    DEFINE_GMR2: (b, r) => executeDefineGmr2(gmrs, b, r),
    REMAP_GMR2: (b, r) => executeRemapGmr2(gmrs, b, r),
  };
}
