/**
 * Constants of the `.svgatrace` format, version 1 (`docs/svga-trace.md`).
 *
 * All integers are little-endian; a file is a 16-byte header followed by records, each an 8-byte
 * header (type, payload length), the payload, and zero padding up to a multiple of 4.
 */

/** ASCII `SVGATRC1`, the first 8 bytes of every trace. */
export const TRACE_MAGIC = 'SVGATRC1';
/** The only format version this reader and writer know. */
export const TRACE_VERSION = 1;
/** Bytes before the first record. */
export const TRACE_HEADER_BYTES = 16;
/** Bytes of a record header (u32 type, u32 length). */
export const RECORD_HEADER_BYTES = 8;

/** Record type numbers, spelled as in the format's table. */
export const RecordType = {
  REG_WRITE: 1,
  FIFO: 2,
  VRAM_WRITE: 3,
  GUEST_WRITE: 4,
  CHECKPOINT: 5,
  COMMENT: 6,
  CONFIG: 7,
} as const;
export type RecordTypeName = keyof typeof RecordType;

const RECORD_TYPE_NAMES: ReadonlyMap<number, RecordTypeName> = new Map(
  (Object.entries(RecordType) as [RecordTypeName, number][]).map(([name, value]) => [value, name]),
);

/** The name of a record type, or undefined for a type this version does not define. */
export function recordTypeName(type: number): RecordTypeName | undefined {
  return RECORD_TYPE_NAMES.get(type);
}

/** CHECKPOINT kinds. */
export const CheckpointKind = {
  /** Screen `id` as the user sees it. */
  SCREEN: 0,
  /** Surface image (sid `id`, face, mipmap) converted to RGBA8. */
  SURFACE: 1,
} as const;

/** Default device VRAM when a trace has no CONFIG record (16 MiB). */
export const DEFAULT_VRAM_BYTES = 16 * 1024 * 1024;

/**
 * Longest checkpoint name we accept. The format sets no limit, but the name becomes a file name
 * (`<name>.png`) and common file systems stop at 255 bytes.
 */
export const MAX_CHECKPOINT_NAME_LENGTH = 200;

const CHECKPOINT_NAME = /^[A-Za-z0-9._-]+$/;

/** True when `name` is a valid checkpoint name: `[A-Za-z0-9._-]+`, at most 200 characters. */
export function isValidCheckpointName(name: string): boolean {
  return name.length <= MAX_CHECKPOINT_NAME_LENGTH && CHECKPOINT_NAME.test(name);
}

/**
 * Longest COMMENT text the reader decodes (64 KiB). A record may be as large as the file, but a
 * string of a gigabyte cannot even be built, and comments are notes for people.
 */
export const MAX_COMMENT_BYTES = 64 * 1024;

/** Convention of capture tools: memory writes are split into records of at most 1 MiB. */
export const MEMORY_WRITE_SPLIT_BYTES = 1024 * 1024;

/** Bytes of zero padding after a payload of `length` bytes. */
export function paddingAfter(length: number): number {
  return (4 - (length % 4)) % 4;
}
