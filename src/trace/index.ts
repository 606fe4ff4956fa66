/**
 * The `.svgatrace` format: reader (framing, header, typed record views) and writer.
 * Platform-neutral; gzip is handled through a caller-supplied {@link GunzipFn}.
 */
export * from './trace-format.js';
export { TraceDiagnostics } from './trace-diagnostics.js';
export { viewRecord, type Checkpoint, type RecordView, type RecordLocation } from './trace-records.js';
export {
  isGzip,
  openTrace,
  readTrace,
  traceRecords,
  MAX_TRACE_BYTES,
  MAX_COLLECTED_RECORDS,
  type GunzipFn,
  type ReadTraceOptions,
  type TraceFile,
  type TraceReadResult,
  type TraceRecord,
} from './read-trace.js';
export { TraceWriter, type FifoWordSource } from './trace-writer.js';
export { SvgaReg, SVGA_ID_2, SVGA_PALETTE_BASE, SVGA_SCRATCH_BASE, svgaRegisterName } from './svga-registers.js';
