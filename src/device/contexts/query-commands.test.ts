/**
 * Occlusion queries through the whole device: END_QUERY is skipped whole when its result pointer
 * cannot take the 12 bytes (the query stays active and keeps counting), WAIT_FOR_QUERY rewrites a
 * result only while the guest has it PENDING. Samples are fed the way the draw backend feeds
 * them (`recordSamplesPassed`), so no draw is needed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommandWriter } from '../../svga3d-decoder/index.js';
import { run, testDevice, where } from '../device-test-support.js';
import type { SvgaDevice } from '../svga-device.js';

const PAGE = 4096;
/** GMR 1 is guest page 0x300; GMR 2 is defined over one page but never remapped (a hole). */
const BASE = 0x300 * PAGE;

function setup(): ReturnType<typeof testDevice> {
  const t = testDevice();
  run(t.device, (w) => {
    w.defineGmr2({ gmrId: 1, numPages: 1 });
    w.remapGmr2({ gmrId: 1, flags: 0, offsetPages: 0, numPages: 1, payload: new Uint8Array([0x00, 0x03, 0, 0]) });
    w.defineGmr2({ gmrId: 2, numPages: 1 });
    w.contextDefine({ cid: 0 });
  });
  t.list.items.length = 0;
  return t;
}

function query(device: SvgaDevice): { active: boolean; samples: number; ended: [string, number][] } {
  const c = device.contexts.peek(0)!;
  return { active: c.occlusionActive, samples: c.occlusionSamples, ended: [...c.endedQueries] };
}

const end = (offset: number, gmrId = 1) => (w: CommandWriter) => void w.endQuery({ cid: 0, type: 0, guestResult: { gmrId, offset } });
const wait = (offset: number, gmrId = 1) => (w: CommandWriter) => void w.waitForQuery({ cid: 0, type: 0, guestResult: { gmrId, offset } });

describe('END_QUERY with a result pointer that cannot take 12 bytes', () => {
  it('reports 3442, writes nothing and leaves the query active; a good END_QUERY then writes every sample', () => {
    const { device, list } = setup();
    run(device, (w) => w.beginQuery({ cid: 0, type: 0 }));
    device.contexts.peek(0)!.recordSamplesPassed(5);
    const before = [...device.readGuestMemory(BASE, PAGE)];
    for (const [offset, gmrId] of [[PAGE - 11, 1], [0xffffffff, 1], [0, 77], [0, 2], [0, 0xffffffff]] as const) run(device, end(offset, gmrId));
    expect(where(list.items)).toEqual(Array.from({ length: 5 }, () => '3442@0 END_QUERY'));
    expect(list.items.map((d) => d.message)).toEqual([
      '12-byte query result at offset 4085 does not fit GMR 0x1 of 4096 bytes',
      '12-byte query result at offset 4294967295 does not fit GMR 0x1 of 4096 bytes',
      'query result GMR 0x4d is not defined',
      '12-byte query result at offset 0 of GMR 0x2 touches a page the GMR does not map',
      'query result GMR 0xffffffff is not defined',
    ]);
    expect([...device.readGuestMemory(BASE, PAGE)]).toEqual(before);
    expect(query(device)).toEqual({ active: true, samples: 5, ended: [] });
    // Still counting: 5 + 7 = 12 samples when a well-placed (unaligned, last 12 bytes of the
    // page) END_QUERY finally ends it.
    device.contexts.peek(0)!.recordSamplesPassed(7);
    run(device, end(PAGE - 12));
    expect(list.items).toHaveLength(5);
    expect([...device.readGuestMemory(BASE + PAGE - 12, 12)]).toEqual([12, 0, 0, 0, 1, 0, 0, 0, 12, 0, 0, 0]);
    expect(query(device)).toEqual({ active: false, samples: 12, ended: [['1:4084', 12]] });
    // Ended: samples no longer count, and a second END_QUERY is 3441.
    device.contexts.peek(0)!.recordSamplesPassed(3);
    run(device, end(13));
    expect(where(list.items.slice(5))).toEqual(['3441@0 END_QUERY']);
    expect(query(device)).toEqual({ active: false, samples: 12, ended: [['1:4084', 12]] });
  });
});

describe('WAIT_FOR_QUERY', () => {
  it('rewrites the result only while the guest has set it PENDING; an unknown pointer is a barrier', () => {
    const { device, list } = setup();
    run(device, (w) => w.beginQuery({ cid: 0, type: 0 }));
    device.contexts.peek(0)!.recordSamplesPassed(0x1_0203);
    run(device, end(13));
    expect([...device.readGuestMemory(BASE + 13, 12)]).toEqual([12, 0, 0, 0, 1, 0, 0, 0, 3, 2, 1, 0]);
    // State NEW (3) with other bytes: not PENDING, so WAIT leaves all 12 bytes alone.
    const guest = [0, 0, 0, 0, 3, 0, 0, 0, 9, 9, 9, 9];
    device.writeGuestMemory(BASE + 13, new Uint8Array(guest));
    run(device, wait(13));
    expect([...device.readGuestMemory(BASE + 13, 12)]).toEqual(guest);
    // PENDING (0): the result is written again in full.
    device.writeGuestMemory(BASE + 13, new Uint8Array(12));
    run(device, wait(13));
    expect([...device.readGuestMemory(BASE + 13, 12)]).toEqual([12, 0, 0, 0, 1, 0, 0, 0, 3, 2, 1, 0]);
    // No END_QUERY used these pointers (offset 40; GMR 77): barriers, nothing written or reported.
    run(device, wait(40));
    run(device, wait(0, 77));
    expect([...device.readGuestMemory(BASE + 40, 12)]).toEqual(new Array(12).fill(0));
    expect(list.items).toEqual([]);
  });

  it('reports 3442 when the GMR of an ended query has gone, and writes nothing', () => {
    const { device, list } = setup();
    run(device, (w) => w.beginQuery({ cid: 0, type: 0 }));
    run(device, end(8));
    run(device, (w) => w.defineGmr2({ gmrId: 1, numPages: 0 })); // 0 pages frees the GMR
    run(device, wait(8));
    expect(where(list.items)).toEqual(['3442@0 WAIT_FOR_QUERY']);
    expect(list.items[0]?.message).toBe('query result GMR 0x1 is not defined');
  });
});

describe('the query state machine', () => {
  it('matches a model over random BEGIN / END (good or bad pointer) / samples sequences', () => {
    type Step = { op: 'begin' } | { op: 'samples'; n: number } | { op: 'end'; good: boolean; offset: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.constant<Step>({ op: 'begin' }),
      fc.integer({ min: 0, max: 1000 }).map<Step>((n) => ({ op: 'samples', n })),
      fc.record({ good: fc.boolean(), offset: fc.integer({ min: 0, max: 64 }) }).map<Step>((e) => ({ op: 'end', ...e })),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 24 }), (steps) => {
        const { device, list } = setup();
        let active = false;
        let samples = 0;
        let errors = 0;
        for (const s of steps) {
          if (s.op === 'begin') {
            run(device, (w) => w.beginQuery({ cid: 0, type: 0 }));
            active = true;
            samples = 0;
          } else if (s.op === 'samples') {
            device.contexts.peek(0)!.recordSamplesPassed(s.n);
            if (active) samples += s.n;
          } else {
            // A bad pointer runs past the end of GMR 1's page.
            const offset = s.good ? s.offset * 4 : PAGE - 11 + s.offset;
            const before = [...device.readGuestMemory(BASE, PAGE)];
            run(device, end(offset));
            if (active && s.good) {
              active = false;
              expect([...device.readGuestMemory(BASE + offset, 12)]).toEqual([12, 0, 0, 0, 1, 0, 0, 0, samples & 0xff, samples >> 8, 0, 0]);
            } else {
              errors++;
              expect([...device.readGuestMemory(BASE, PAGE)]).toEqual(before);
            }
          }
          expect([query(device).active, query(device).samples]).toEqual([active, samples]);
        }
        expect(list.items).toHaveLength(errors);
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});
