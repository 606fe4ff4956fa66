/**
 * GMR v2, defined in FIFO order: DEFINE_GMR2 `{gmrId, numPages}` creates (or recreates) a GMR of
 * `numPages` unmapped pages, 0 frees it; REMAP_GMR2 `{gmrId, flags, offsetPages, numPages}`
 * maps pages `[offsetPages, offsetPages + numPages)` from a PPN list that is inline (32- or
 * 64-bit PPNs), a single PPN for every page (SINGLE_PPN), or read from another GMR (VIA_GMR).
 */
import type { ReportFn } from '../../common/diagnostics.js';
import type { CommandBody } from '../../svga3d-decoder/index.js';
import { SVGARemapGMR2Flags } from '../../svga3d-decoder/index.js';
import { MEM_DIAGNOSTICS } from '../device-diagnostics.js';
import { GmrTable, UNMAPPED_PAGE } from './gmr-table.js';

const KNOWN_FLAGS = SVGARemapGMR2Flags.VIA_GMR | SVGARemapGMR2Flags.PPN64 | SVGARemapGMR2Flags.SINGLE_PPN;

function checkId(gmrs: GmrTable, gmrId: number, report: ReportFn): boolean {
  if (gmrs.validId(gmrId)) return true;
  report(MEM_DIAGNOSTICS.E_GMR_ID, `GMR id ${gmrId} is not below ${gmrs.limits.maxIds}`);
  return false;
}

/** DEFINE_GMR2: a GMR of `numPages` unmapped pages; 0 pages frees it. */
export function executeDefineGmr2(gmrs: GmrTable, body: CommandBody<'DEFINE_GMR2'>, report: ReportFn): void {
  if (!checkId(gmrs, body.gmrId, report)) return;
  if (body.numPages === 0) {
    gmrs.delete(body.gmrId);
    return;
  }
  if (body.numPages > gmrs.pagesAvailableFor(body.gmrId)) {
    report(
      MEM_DIAGNOSTICS.E_GMR_BUDGET,
      `GMR ${body.gmrId} of ${body.numPages} pages exceeds the ${gmrs.limits.maxTotalPages}-page budget`,
    );
    return;
  }
  gmrs.define(body.gmrId, new Float64Array(body.numPages).fill(UNMAPPED_PAGE));
}

/** Reads `count` PPNs of `width` bytes from `bytes`. */
function ppnList(bytes: Uint8Array, count: number, width: 4 | 8): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const low = view.getUint32(i * width, true);
    out.push(width === 8 ? view.getUint32(i * width + 4, true) * 2 ** 32 + low : low);
  }
  return out;
}

/** REMAP_GMR2: maps a page range of a GMR2 after checking every flag, bound and PPN. */
export function executeRemapGmr2(gmrs: GmrTable, body: CommandBody<'REMAP_GMR2'>, report: ReportFn): void {
  const bad = (why: string): void => report(MEM_DIAGNOSTICS.E_GMR_REMAP, why);
  if (!checkId(gmrs, body.gmrId, report)) return;
  const pages = gmrs.pages(body.gmrId);
  if (!pages) {
    report(MEM_DIAGNOSTICS.E_GMR_UNDEFINED, `GMR ${body.gmrId} is not defined`);
    return;
  }
  const { flags, offsetPages, numPages } = body;
  if ((flags & ~KNOWN_FLAGS) !== 0) return bad(`unknown flags 0x${(flags >>> 0).toString(16)}`);
  // Plain numbers: offsetPages + numPages cannot wrap.
  if (offsetPages + numPages > pages.length) {
    return bad(`pages ${offsetPages}+${numPages} exceed GMR ${body.gmrId} of ${pages.length} pages`);
  }
  if (numPages === 0) return;
  const width = flags & SVGARemapGMR2Flags.PPN64 ? 8 : 4;
  const entries = flags & SVGARemapGMR2Flags.SINGLE_PPN ? 1 : numPages;
  let list: Uint8Array;
  if (flags & SVGARemapGMR2Flags.VIA_GMR) {
    if (body.payload.byteLength < 8) return bad('VIA_GMR payload is not a guest pointer');
    const view = new DataView(body.payload.buffer, body.payload.byteOffset, 8);
    const gmrId = view.getUint32(0, true);
    const offset = view.getUint32(4, true);
    list = new Uint8Array(entries * width);
    if (!gmrs.read(gmrId, offset, list)) {
      return bad(`PPN list of ${entries * width} bytes at GMR 0x${gmrId.toString(16)} offset ${offset} cannot be read`);
    }
  } else {
    if (body.payload.byteLength < entries * width) {
      return bad(`payload of ${body.payload.byteLength} bytes holds fewer than ${entries} PPNs`);
    }
    list = body.payload;
  }
  const ppns = ppnList(list, entries, width);
  for (const [i, ppn] of ppns.entries()) {
    if (!gmrs.pageExists(ppn)) {
      report(MEM_DIAGNOSTICS.E_GMR_PPN, `PPN ${i} (0x${ppn.toString(16)}) is beyond guest memory`);
      return;
    }
  }
  // Every check passed: only now change the mapping. SINGLE_PPN maps every page to the one PPN.
  const mapped = ppns.length === numPages ? ppns : new Array<number>(numPages).fill(ppns[0] ?? 0);
  gmrs.mapPages(body.gmrId, offsetPages, mapped);
}
