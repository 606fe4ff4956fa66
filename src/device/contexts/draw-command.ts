/**
 * DRAW_PRIMITIVES at the device level: validate the command against the context and the surface
 * store, then hand it to the draw backend. Without a backend a valid draw gives one info
 * diagnostic; an invalid one is an error and is skipped either way.
 */
import type { ReportFn } from '../../common/diagnostics.js';
import type { CommandBody } from '../../svga3d-decoder/index.js';
import { CTX_DIAGNOSTICS } from '../device-diagnostics.js';
import type { ContextEnv } from './context-env.js';
import { INVALID_ID } from './context-state.js';

/** Vertex arrays and primitive ranges per draw (`SVGA3D_MAX_VERTEX_ARRAYS`, `…_DRAW_PRIMITIVE_RANGES`). */
export const MAX_VERTEX_DECLS = 32;
export const MAX_PRIMITIVE_RANGES = 32;
/** Primitives per range, as advertised in MAX_PRIMITIVE_COUNT. */
export const MAX_PRIMITIVE_COUNT = 0xfffff;
/** Largest SVGA3dDeclType (FLOAT16_4), SVGA3dDeclMethod (LOOKUPPRESAMPLED), SVGA3dDeclUsage (SAMPLE). */
const MAX_DECL_TYPE = 16;
const MAX_DECL_METHOD = 6;
const MAX_DECL_USAGE = 13;
/** SVGA3dPrimitiveType TRIANGLELIST 1 … TRIANGLEFAN 6. */
const MIN_PRIM_TYPE = 1;
const MAX_PRIM_TYPE = 6;

/** Reasons the draw does not validate (empty when it does). */
export function validateDraw(env: ContextEnv, body: CommandBody<'DRAW_PRIMITIVES'>): string[] {
  const problems: string[] = [];
  const { decls, ranges } = body;
  if (body.numVertexDecls !== decls.length || body.numRanges !== ranges.length) {
    problems.push(`header counts ${body.numVertexDecls}/${body.numRanges} do not match ${decls.length}/${ranges.length}`);
  }
  if (decls.length < 1 || decls.length > MAX_VERTEX_DECLS) {
    problems.push(`${decls.length} vertex declarations (1..${MAX_VERTEX_DECLS})`);
  }
  if (ranges.length < 1 || ranges.length > MAX_PRIMITIVE_RANGES) {
    problems.push(`${ranges.length} primitive ranges (1..${MAX_PRIMITIVE_RANGES})`);
  }
  decls.forEach((decl, i) => {
    const { type, method, usage } = decl.identity;
    if (type > MAX_DECL_TYPE) problems.push(`decl ${i}: type ${type} is not an SVGA3dDeclType`);
    if (method > MAX_DECL_METHOD) problems.push(`decl ${i}: method ${method} is not an SVGA3dDeclMethod`);
    if (usage > MAX_DECL_USAGE) problems.push(`decl ${i}: usage ${usage} is not an SVGA3dDeclUsage`);
    if (!env.surfaces.get(decl.array.surfaceId)) {
      problems.push(`decl ${i}: vertex surface ${decl.array.surfaceId} is not defined`);
    }
  });
  ranges.forEach((range, i) => {
    if (range.primType < MIN_PRIM_TYPE || range.primType > MAX_PRIM_TYPE) {
      problems.push(`range ${i}: primitive type ${range.primType} is not an SVGA3dPrimitiveType`);
    }
    if (range.primitiveCount > MAX_PRIMITIVE_COUNT) {
      problems.push(`range ${i}: ${range.primitiveCount} primitives exceed ${MAX_PRIMITIVE_COUNT}`);
    }
    const sid = range.indexArray.surfaceId;
    if (sid !== INVALID_ID) {
      if (!env.surfaces.get(sid)) problems.push(`range ${i}: index surface ${sid} is not defined`);
      if (range.indexWidth !== 2 && range.indexWidth !== 4) {
        problems.push(`range ${i}: index width ${range.indexWidth} is not 2 or 4`);
      }
    }
  });
  return problems;
}

/** DRAW_PRIMITIVES: validates, then renders through the draw backend (or reports that none is installed). */
export function executeDrawPrimitives(env: ContextEnv, body: CommandBody<'DRAW_PRIMITIVES'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context) return;
  const problems = validateDraw(env, body);
  if (problems.length > 0) {
    report(CTX_DIAGNOSTICS.E_DRAW, problems.slice(0, 4).join('; ') + (problems.length > 4 ? `; ${problems.length - 4} more` : ''));
    return;
  }
  if (!env.drawBackend) {
    report(CTX_DIAGNOSTICS.I_DRAW_NOT_RENDERED, 'DRAW_PRIMITIVES not rendered (no draw backend)');
    return;
  }
  env.drawBackend.draw(context, body, env.surfaces, report);
}
