/**
 * The FIFO ring in FIFO memory, as an emulator's guest drives it: commands in `[MIN, MAX)`, the
 * guest writes at NEXT_CMD, the device consumes at STOP, a command may wrap from MAX to MIN.
 *
 * The four ring registers are read once per drain (a shadow copy), checked, and the pending
 * bytes copied out in order, so the guest changing them meanwhile cannot make the device read
 * anything twice or out of bounds.
 */
import { FifoReg } from './fifo-registers.js';

/** Smallest ring (`MAX − MIN`) the protocol allows. */
export const MIN_RING_BYTES = 10 * 1024;
/** MIN must keep every FIFO register out of the ring (4 × SVGA_FIFO_NUM_REGS). */
export const MIN_RING_START = 4 * FifoReg.NUM_REGS;

/** Pending FIFO bytes, copied out of the ring. */
export interface RingSnapshot {
  readonly min: number;
  readonly max: number;
  readonly stop: number;
  readonly next: number;
  /** The bytes from STOP to NEXT_CMD, wrap reassembled. */
  readonly bytes: Uint8Array;
}

/** Why the ring cannot be used, or the pending bytes. */
export type RingRead =
  | { readonly kind: 'idle' }
  | { readonly kind: 'invalid'; readonly reason: string }
  | { readonly kind: 'pending'; readonly snapshot: RingSnapshot };

/**
 * Reads the ring registers and the pending bytes of `fifo`. 'idle' when the ring was never set
 * up (MIN = MAX = 0: a replayed trace carries no ring) or holds nothing.
 */
export function readRing(fifo: Uint32Array): RingRead {
  const min = fifo[FifoReg.MIN] ?? 0;
  const max = fifo[FifoReg.MAX] ?? 0;
  const next = fifo[FifoReg.NEXT_CMD] ?? 0;
  const stop = fifo[FifoReg.STOP] ?? 0;
  if (min === 0 && max === 0) return { kind: 'idle' };
  const size = fifo.byteLength;
  const invalid = (reason: string): RingRead => ({
    kind: 'invalid',
    reason: `${reason} (MIN ${min}, MAX ${max}, NEXT_CMD ${next}, STOP ${stop})`,
  });
  if ((min | max | next | stop) % 4 !== 0) return invalid('ring registers are not 4-byte aligned');
  if (min < MIN_RING_START) return invalid(`MIN is below ${MIN_RING_START}, inside the FIFO registers`);
  if (max > size) return invalid(`MAX is past the ${size}-byte FIFO memory`);
  if (max - min < MIN_RING_BYTES) return invalid(`ring is smaller than ${MIN_RING_BYTES} bytes`);
  if (next < min || next >= max) return invalid('NEXT_CMD is outside [MIN, MAX)');
  if (stop < min || stop >= max) return invalid('STOP is outside [MIN, MAX)');
  if (next === stop) return { kind: 'idle' };
  const ring = max - min;
  const length = next > stop ? next - stop : ring - (stop - next);
  const bytes = new Uint8Array(length);
  const memory = new Uint8Array(fifo.buffer, fifo.byteOffset, fifo.byteLength);
  const first = Math.min(length, max - stop);
  bytes.set(memory.subarray(stop, stop + first), 0);
  if (first < length) bytes.set(memory.subarray(min, min + (length - first)), first);
  return { kind: 'pending', snapshot: { min, max, stop, next, bytes } };
}

/** The FIFO byte offset of byte `linear` of a snapshot's `bytes`. */
export function ringOffset(snapshot: RingSnapshot, linear: number): number {
  const ring = snapshot.max - snapshot.min;
  return snapshot.min + ((snapshot.stop - snapshot.min + linear) % ring);
}

/** Moves STOP past `consumed` bytes of the snapshot. */
export function advanceStop(fifo: Uint32Array, snapshot: RingSnapshot, consumed: number): void {
  fifo[FifoReg.STOP] = consumed >= snapshot.bytes.length ? snapshot.next : ringOffset(snapshot, consumed);
}
