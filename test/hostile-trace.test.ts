/**
 * Corrupted corpus traces on the real device: whatever bytes change, replay finishes, the device
 * never throws (replay would report E_REPLAY_DEVICE_FAULT), and every diagnostic names its record
 * and file offset.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDiagnostic } from '../src/common/diagnostics.js';
import { nodeGunzip, readFileBytes } from '../src/node.js';
import { replayTrace } from '../src/replay/replay-trace.js';
import { ReplayDiagnostics } from '../src/replay/replay-diagnostics.js';

const CORPUS = join(import.meta.dirname, '..', 'corpus', 'vmware-svga-sdk');
const load = (name: string) => nodeGunzip(readFileBytes(join(CORPUS, `${name}.svgatrace.gz`)), 1 << 30);

/** Byte edits: overwrite `length` bytes at a fraction of the file with `value`, or XOR one byte. */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  length: fc.integer({ min: 1, max: 8 }),
  value: fc.oneof(fc.constant(0), fc.constant(0xff), fc.integer({ min: 0, max: 255 })),
  xor: fc.boolean(),
});

function mutate(base: Uint8Array, edits: { at: number; length: number; value: number; xor: boolean }[]): Uint8Array {
  const bytes = base.slice();
  for (const e of edits) {
    // Keep the 16-byte header, so the records (not the header check) take the damage.
    const start = 16 + Math.floor(e.at * (bytes.length - 16));
    for (let i = start; i < Math.min(bytes.length, start + e.length); i++) bytes[i] = e.xor ? (bytes[i] ?? 0) ^ e.value : e.value;
  }
  return bytes;
}

describe('hostile traces', () => {
  for (const name of ['rt-gamma-test', 'screen-render-test']) {
    it(`${name} with corrupted bytes replays without a device fault`, () => {
      const base = load(name);
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
          const summary = replayTrace(mutate(base, edits));
          const faults = summary.diagnostics.filter((d) => d.code === ReplayDiagnostics.E_REPLAY_DEVICE_FAULT.code);
          expect(faults.map(formatDiagnostic)).toEqual([]);
          for (const d of summary.diagnostics) {
            if (d.code === ReplayDiagnostics.E_REPLAY_NO_IMAGE.code) continue; // a checkpoint, located by its record
            expect([formatDiagnostic(d), typeof d.record, typeof d.offset]).toEqual([formatDiagnostic(d), 'number', 'number']);
          }
        }),
        { seed: 42, numRuns: 10 },
      );
    });
  }
});
