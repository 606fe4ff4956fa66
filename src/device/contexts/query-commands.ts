/**
 * Occlusion queries: BEGIN_QUERY, END_QUERY, WAIT_FOR_QUERY (type OCCLUSION only).
 *
 * Replay is synchronous, so a query is complete when it ends: END_QUERY writes the
 * `SVGA3dQueryResult {totalSize 12, state SUCCEEDED, result32 = samples passed}` into guest
 * memory, and WAIT_FOR_QUERY writes it again (guests read it only after waiting). A WAIT for a
 * guest pointer no END_QUERY used is a barrier that writes nothing (2015+ header wording).
 */
import type { ReportFn } from '../../common/diagnostics.js';
import type { CommandBody } from '../../svga3d-decoder/index.js';
import { CTX_DIAGNOSTICS } from '../device-diagnostics.js';
import type { GuestPtrMemory } from '../guest-ptr-memory.js';
import type { ContextEnv } from './context-env.js';
import type { ContextState } from './context-state.js';

const OCCLUSION = 0;
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

function key(ptr: { gmrId: number; offset: number }): string {
  return `${ptr.gmrId}:${ptr.offset}`;
}

function writeResult(memory: GuestPtrMemory, ptr: { gmrId: number; offset: number }, samples: number, report: ReportFn): void {
  const bytes = new Uint8Array(QUERY_RESULT_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, QUERY_RESULT_BYTES, true);
  view.setUint32(4, QUERY_STATE_SUCCEEDED, true);
  view.setUint32(8, samples >>> 0, true);
  if (!memory.write(ptr.gmrId, ptr.offset, bytes)) {
    const size = memory.regionSize(ptr.gmrId);
    report(
      CTX_DIAGNOSTICS.E_QUERY_RESULT,
      size < 0
        ? `query result GMR 0x${ptr.gmrId.toString(16)} is not defined`
        : `12-byte query result at offset ${ptr.offset} does not fit GMR 0x${ptr.gmrId.toString(16)} of ${size} bytes`,
    );
  }
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

/** END_QUERY: ends the query and writes its result to the guest pointer. */
export function executeEndQuery(env: ContextEnv, body: CommandBody<'END_QUERY'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context || !checkType(body.type, report)) return;
  if (!context.occlusionActive) {
    report(CTX_DIAGNOSTICS.E_QUERY_STATE, `END_QUERY without BEGIN_QUERY in context ${context.cid}`);
    return;
  }
  context.occlusionActive = false;
  const samples = context.occlusionSamples;
  remember(context, key(body.guestResult), samples);
  writeResult(env.memory, body.guestResult, samples, report);
}

/** WAIT_FOR_QUERY: writes the result of the query ended with that guest pointer again. */
export function executeWaitForQuery(env: ContextEnv, body: CommandBody<'WAIT_FOR_QUERY'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context || !checkType(body.type, report)) return;
  const samples = context.endedQueries.get(key(body.guestResult));
  if (samples === undefined) return;
  writeResult(env.memory, body.guestResult, samples, report);
}
