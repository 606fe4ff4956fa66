/**
 * Occlusion queries: BEGIN_QUERY, END_QUERY, WAIT_FOR_QUERY (type OCCLUSION only).
 *
 * Replay is synchronous, so a query is complete when it ends: END_QUERY writes the
 * `SVGA3dQueryResult {totalSize 12, state SUCCEEDED, result32 = samples passed}` into guest
 * memory. WAIT_FOR_QUERY follows the 2015 header: it does nothing unless the result's state in
 * guest memory is PENDING (the guest may have reset it), and then writes the result again; a WAIT
 * for a guest pointer no END_QUERY used is a barrier that writes nothing.
 *
 * Like every command, an END_QUERY that fails validation is skipped whole: when the result pointer
 * cannot take the 12 bytes (GMR not defined, range outside it, a page not mapped) the query does
 * not end, so it stays active, keeps counting, and a later END_QUERY with a good pointer ends it.
 * The protocol asks no alignment of the pointer: an unaligned one inside the region is good.
 */
import type { ReportFn } from '../../common/diagnostics.js';
import type { CommandBody } from '../../svga3d-decoder/index.js';
import { CTX_DIAGNOSTICS } from '../device-diagnostics.js';
import type { GuestPtrMemory } from '../guest-ptr-memory.js';
import type { ContextEnv } from './context-env.js';
import type { ContextState } from './context-state.js';

const OCCLUSION = 0;
/** `SVGA3D_QUERYSTATE_PENDING`: set by the guest before END_QUERY; WAIT_FOR_QUERY acts only on it. */
export const QUERY_STATE_PENDING = 0;
/** `SVGA3D_QUERYSTATE_SUCCEEDED`. */
export const QUERY_STATE_SUCCEEDED = 1;
/** Bytes of `SVGA3dQueryResult`. */
export const QUERY_RESULT_BYTES = 12;
/** Ended queries remembered per context for WAIT_FOR_QUERY (oldest forgotten first). */
const MAX_REMEMBERED = 256;

function checkType(type: number, report: ReportFn): boolean {
  if (type === OCCLUSION) return true;
  report(CTX_DIAGNOSTICS.E_QUERY_TYPE, `query type ${type} is not OCCLUSION (0)`);
  return false;
}

type GuestPtr = { readonly gmrId: number; readonly offset: number };

function key(ptr: GuestPtr): string {
  return `${ptr.gmrId}:${ptr.offset}`;
}

/** Why 12 result bytes at `ptr` could not be read or written (the memory port said no). */
function resultProblem(memory: GuestPtrMemory, ptr: GuestPtr): string {
  const size = memory.regionSize(ptr.gmrId);
  const gmr = `GMR 0x${ptr.gmrId.toString(16)}`;
  if (size < 0) return `query result ${gmr} is not defined`;
  if (ptr.offset > size - QUERY_RESULT_BYTES) return `12-byte query result at offset ${ptr.offset} does not fit ${gmr} of ${size} bytes`;
  return `12-byte query result at offset ${ptr.offset} of ${gmr} touches a page the GMR does not map`;
}

function resultBytes(samples: number): Uint8Array {
  const bytes = new Uint8Array(QUERY_RESULT_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, QUERY_RESULT_BYTES, true);
  view.setUint32(4, QUERY_STATE_SUCCEEDED, true);
  view.setUint32(8, samples >>> 0, true);
  return bytes;
}

function remember(context: ContextState, k: string, samples: number): void {
  context.endedQueries.delete(k);
  context.endedQueries.set(k, samples);
  if (context.endedQueries.size > MAX_REMEMBERED) {
    const oldest = context.endedQueries.keys().next();
    if (!oldest.done) context.endedQueries.delete(oldest.value);
  }
}

/** BEGIN_QUERY: starts counting samples for the context's occlusion query. */
export function executeBeginQuery(env: ContextEnv, body: CommandBody<'BEGIN_QUERY'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context || !checkType(body.type, report)) return;
  context.occlusionActive = true;
  context.occlusionSamples = 0;
}

/**
 * END_QUERY: checks the context, the type and that a query is active, writes the result (the
 * memory port writes all 12 bytes or none) and only then ends the query and remembers it for
 * WAIT_FOR_QUERY. A failed check or write changes nothing.
 */
export function executeEndQuery(env: ContextEnv, body: CommandBody<'END_QUERY'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context || !checkType(body.type, report)) return;
  if (!context.occlusionActive) {
    report(CTX_DIAGNOSTICS.E_QUERY_STATE, `END_QUERY without BEGIN_QUERY in context ${context.cid}`);
    return;
  }
  const samples = context.occlusionSamples;
  if (!env.memory.write(body.guestResult.gmrId, body.guestResult.offset, resultBytes(samples))) {
    report(CTX_DIAGNOSTICS.E_QUERY_RESULT, resultProblem(env.memory, body.guestResult));
    return;
  }
  context.occlusionActive = false;
  remember(context, key(body.guestResult), samples);
}

/**
 * WAIT_FOR_QUERY: writes the result of the query ended with that guest pointer again when the
 * result's state word is PENDING; a pointer no END_QUERY used is a barrier. The GMR may have been
 * redefined since END_QUERY, so reading the state can fail (3442, nothing written).
 */
export function executeWaitForQuery(env: ContextEnv, body: CommandBody<'WAIT_FOR_QUERY'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context || !checkType(body.type, report)) return;
  const samples = context.endedQueries.get(key(body.guestResult));
  if (samples === undefined) return;
  const current = new Uint8Array(QUERY_RESULT_BYTES);
  if (!env.memory.read(body.guestResult.gmrId, body.guestResult.offset, current)) {
    report(CTX_DIAGNOSTICS.E_QUERY_RESULT, resultProblem(env.memory, body.guestResult));
    return;
  }
  if (new DataView(current.buffer).getUint32(4, true) !== QUERY_STATE_PENDING) return;
  env.memory.write(body.guestResult.gmrId, body.guestResult.offset, resultBytes(samples));
}
