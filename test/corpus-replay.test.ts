/**
 * Every corpus trace replays on the real device: the images its README promises, the command
 * counts its README lists, and no diagnostic except the one failure the program itself expects.
 *
 * This is the check of everything but drawing, so the device runs without its draw backend (valid
 * draws then give the "DRAW_PRIMITIVES not rendered" info, filtered here) and the whole corpus
 * replays in seconds. The rendered corpus, with no diagnostic at all, is the golden suite's
 * `corpus/*` cases.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../src/common/diagnostics.js';
import type { Rgba8Image } from '../src/common/image.js';
import { nodeGunzip, readFileBytes } from '../src/node.js';
import { replayTrace, type ReplaySummary } from '../src/replay/replay-trace.js';
import { svgaDeviceFactory } from '../src/replay/svga-device-factory.js';
import { readTrace } from '../src/trace/read-trace.js';

const CORPUS = join(import.meta.dirname, '..', 'corpus', 'vmware-svga-sdk');

const frames = (n: number): string[] => Array.from({ length: n }, (_, i) => `frame-${String(i).padStart(3, '0')}`);

/**
 * From the corpus README: checkpoints per trace (names `frame-NNN`, screen-render-test adds
 * `frame-NNN-screen1`) and the "commands" column of its contents table.
 */
const CORPUS_TABLE: Record<string, { images: string[]; commands: number }> = {
  cube: { images: frames(4), commands: 85 },
  'blit-cube': { images: frames(4), commands: 104 },
  bunnies: { images: frames(4), commands: 121 },
  'simple-shaders': { images: frames(4), commands: 95 },
  'half-float-test': { images: frames(4), commands: 263 },
  'rt-gamma-test': { images: frames(4), commands: 635 },
  'dynamic-vertex': { images: frames(3), commands: 98 },
  'dynamic-vertex-stress': { images: frames(3), commands: 1607 },
  'present-readback': { images: frames(4), commands: 117 },
  'screen-present-clip': { images: frames(4), commands: 19354 },
  'screen-render-test': { images: frames(4).flatMap((f) => [f, `${f}-screen1`]), commands: 1044 },
  'simple-blit': { images: frames(3), commands: 53 },
  'gmr-test': { images: frames(24), commands: 487 },
  cubemark: { images: frames(4), commands: 16735 },
  'fence-stress': { images: frames(3), commands: 463923 },
};

/** Per-command counts quoted in the README's "Command counts" table (a few per trace). */
const QUOTED_COUNTS: Record<string, Record<string, number>> = {
  cube: { SETTRANSFORM: 24, DRAW_PRIMITIVES: 8, SURFACE_DEFINE: 7, SURFACE_DMA: 6, FENCE: 6, CLEAR: 4, PRESENT: 4 },
  'blit-cube': { SURFACE_COPY: 8, SURFACE_STRETCHBLT: 8, SURFACE_DMA: 7 },
  'rt-gamma-test': { SET_SHADER_CONST: 404, SETRENDERSTATE: 102, DRAW_PRIMITIVES: 100 },
  'screen-present-clip': { BLIT_GMRFB_TO_SCREEN: 8528, ANNOTATION_FILL: 8308, DEFINE_GMRFB: 1327, FENCE: 1111 },
  'screen-render-test': { BLIT_SCREEN_TO_GMRFB: 4, ESCAPE: 3, DEFINE_SCREEN: 2 },
  'gmr-test': { SURFACE_DMA: 119, SURFACE_DESTROY: 46, PRESENT: 24 },
  cubemark: { SET_SHADER_CONST: 6064, SET_SHADER: 6056, DRAW_PRIMITIVES: 3028 },
  'fence-stress': { FENCE: 463879 },
};

/** Screen Object sizes from the README; the other traces use the legacy mode registers. */
const SCREEN_OBJECTS: Record<string, Record<string, [number, number]>> = {
  'screen-present-clip': { screen0: [1024, 768] },
  'screen-render-test': { screen0: [799, 405], screen1: [600, 200] },
};

/** Diagnostics the trace's own program expects (corpus README), by trace: `code command`. */
const EXPECTED_BY_PROGRAM: Record<string, string[]> = {
  // "the third one spans two screens and is expected to fail, giving 'Gray, no cube'"
  'screen-render-test': ['3623 BLIT_SCREEN_TO_GMRFB'],
};

function isDrawNotRendered(d: Diagnostic): boolean {
  return d.severity === 'info' && d.command === 'DRAW_PRIMITIVES' && /not rendered/i.test(d.message);
}

/** The legacy mode the trace sets (its last WIDTH / HEIGHT register writes), read from the trace itself. */
function legacyMode(bytes: Uint8Array): [number, number] {
  let w = 0;
  let h = 0;
  for (const r of readTrace(bytes).records) {
    if (r.view.kind === 'REG_WRITE' && r.view.register === 2) w = r.view.value;
    if (r.view.kind === 'REG_WRITE' && r.view.register === 3) h = r.view.value;
  }
  return [w, h];
}

const withoutDraws = svgaDeviceFactory({ drawBackend: null });

/** Each trace is decompressed and replayed once; the tests below share the result. */
const replays = new Map<string, { bytes: Uint8Array; summary: ReplaySummary; images: Map<string, Rgba8Image> }>();
function replayed(name: string) {
  let r = replays.get(name);
  if (!r) {
    const bytes = nodeGunzip(readFileBytes(join(CORPUS, `${name}.svgatrace.gz`)), 1 << 30);
    const images = new Map<string, Rgba8Image>();
    const summary = replayTrace(bytes, { onImage: (n, image) => images.set(n, image), createDevice: withoutDraws });
    r = { bytes, summary, images };
    replays.set(name, r);
  }
  return r;
}

function pixel(image: Rgba8Image, x: number, y: number): number[] {
  const at = (y * image.width + x) * 4;
  return Array.from(image.data.subarray(at, at + 4));
}

describe('corpus replay', () => {
  for (const [name, expected] of Object.entries(CORPUS_TABLE)) {
    it(`${name} replays with its ${expected.images.length} images and ${expected.commands} commands`, () => {
      const { bytes, summary, images } = replayed(name);

      const allowed = EXPECTED_BY_PROGRAM[name] ?? [];
      const unexpected = summary.diagnostics.filter((d) => !isDrawNotRendered(d) && !allowed.includes(`${d.code} ${d.command}`));
      expect(unexpected.map(formatDiagnostic), 'diagnostics other than "DRAW_PRIMITIVES not rendered"').toEqual([]);
      expect(summary.diagnostics.filter((d) => !isDrawNotRendered(d)).map((d) => `${d.code} ${d.command}`)).toEqual(allowed);

      expect([...images.keys()]).toEqual(expected.images);
      expect(Object.values(summary.commands).reduce((a, b) => a + b, 0)).toBe(expected.commands);
      expect(summary.commands).toMatchObject(QUOTED_COUNTS[name] ?? {});

      const screens = SCREEN_OBJECTS[name];
      const mode = legacyMode(bytes);
      for (const [imageName, image] of images) {
        const size = screens ? (imageName.endsWith('-screen1') ? screens.screen1 : screens.screen0) : mode;
        expect([imageName, image.width, image.height]).toEqual([imageName, ...(size ?? [])]);
      }
    });
  }

  it('shows what the README says the programs put on screen', () => {
    const run = (name: string) => replayed(name).images;
    // cube: "CLEAR to 0x113366", presented to the whole screen; the corner is background.
    expect(pixel(run('cube').get('frame-000')!, 0, 0)).toEqual([0x11, 0x33, 0x66, 255]);
    // simple-blit: frame N is a DMA of one colour 0xFF0N0N0N over the whole target, then PRESENT.
    const blit = run('simple-blit');
    for (const [i, f] of frames(3).entries()) {
      const image = blit.get(f)!;
      const distinct = new Set<number>();
      for (let p = 0; p < image.width * image.height; p++) distinct.add(new DataView(image.data.buffer, image.data.byteOffset).getUint32(p * 4));
      expect([f, [...distinct]]).toEqual([f, [((i << 24) | (i << 16) | (i << 8) | 0xff) >>> 0]]);
    }
    // fence-stress: "each frame clears to black".
    expect(pixel(run('fence-stress').get('frame-002')!, 639, 479)).toEqual([0, 0, 0, 255]);
  });
});
