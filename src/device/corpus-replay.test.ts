import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { replayTrace } from '../replay/replay-trace.js';
import { SvgaDevice } from './svga-device.js';

const dir = new URL('../../corpus/vmware-svga-sdk/', import.meta.url);
/**
 * A few traces that between them use every device path, to keep the suite quick: the legacy
 * screen, DMA and PRESENT (cube); shaders, constants and reserved render-state slots
 * (rt-gamma-test); GMR v1 descriptors and DMA both ways (gmr-test); Screen Objects, GMRFB, video
 * escapes and the one blit the program expects to fail (screen-render-test).
 */
const traces = ['cube', 'rt-gamma-test', 'gmr-test', 'screen-render-test']
  .map((n) => `${n}.svgatrace.gz`)
  .filter((n) => readdirSync(dir).includes(n));

/** Command counts from the corpus README. */
const README_COUNTS: Record<string, Record<string, number>> = {
  'gmr-test.svgatrace.gz': { SURFACE_DMA: 119, SURFACE_DEFINE: 51, SURFACE_DESTROY: 46, PRESENT: 24 },
  'rt-gamma-test.svgatrace.gz': { SET_SHADER_CONST: 404, SETRENDERSTATE: 102, DRAW_PRIMITIVES: 100 },
  'screen-render-test.svgatrace.gz': { BLIT_GMRFB_TO_SCREEN: 428, ANNOTATION_FILL: 259, DEFINE_GMRFB: 199, ESCAPE: 3 },
};

function replay(name: string) {
  return replayTrace(readFileSync(new URL(name, dir)), {
    gunzip: (b: Uint8Array) => new Uint8Array(gunzipSync(b)),
    createDevice: ({ vramBytes, sink }) => new SvgaDevice({ vramBytes, sink, drawBackend: null }),
  });
}

/** Diagnostics each trace is expected to give: only draws (no draw backend yet) and one known failure. */
const EXPECTED_OTHER: Record<string, Record<string, number>> = {
  // "the third one spans two screens and is expected to fail" (corpus README).
  'screen-render-test.svgatrace.gz': { '3623 BLIT_SCREEN_TO_GMRFB': 1 },
};

describe('the SDK corpus replays through the device', () => {
  it.each(traces)('%s', (name) => {
    const summary = replay(name);
    expect(summary.readable).toBe(true);
    const draws = summary.commands.DRAW_PRIMITIVES ?? 0;
    const byCode: Record<string, number> = {};
    for (const d of summary.diagnostics) {
      const key = `${d.code} ${d.command ?? ''}`;
      byCode[key] = (byCode[key] ?? 0) + 1;
    }
    expect(byCode).toEqual({ ...(draws > 0 ? { '3451 DRAW_PRIMITIVES': draws } : {}), ...(EXPECTED_OTHER[name] ?? {}) });
    expect(summary.checkpoints.length).toBeGreaterThan(0);
    expect(summary.checkpoints.every((c) => c.produced)).toBe(true);
    for (const [command, count] of Object.entries(README_COUNTS[name] ?? {})) expect(summary.commands[command]).toBe(count);
  });
});
