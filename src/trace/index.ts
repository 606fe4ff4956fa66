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
// Register indices are the device's (`SvgaReg` in src/device); only the printer's names are public here.
export { svgaRegisterName } from '../svga3d-decoder/spec/svga-registers.js';
