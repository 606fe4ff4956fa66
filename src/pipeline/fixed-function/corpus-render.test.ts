import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Rgba8Image } from '../../common/image.js';
import { createGoldenDevice } from '../../golden/golden-device.js';
import { nodeGunzip } from '../../node.js';
import { replayTrace } from '../../replay/replay-trace.js';

function pixel(image: Rgba8Image, x: number, y: number): number[] {
  const i = (y * image.width + x) * 4;
  return Array.from(image.data.subarray(i, i + 4));
}

describe('the cube trace through the fixed-function programs', () => {
  it('replays without a diagnostic; frame-000 is lit with the power-on state (no lights: black), later frames use vertex colours', () => {
    const bytes = readFileSync(new URL('../../../corpus/vmware-svga-sdk/cube.svgatrace.gz', import.meta.url));
    const images = new Map<string, Rgba8Image>();
    const summary = replayTrace(new Uint8Array(bytes), {
      createDevice: createGoldenDevice,
      gunzip: nodeGunzip,
      onImage: (name, image) => images.set(name, image),
    });
    expect(summary.diagnostics).toEqual([]);
    const first = images.get('frame-000')!;
    const second = images.get('frame-001')!;
    // CLEAR 0x113366 around the cube.
    expect(pixel(first, 5, 5)).toEqual([0x11, 0x33, 0x66, 255]);
    // LIGHTINGENABLE's power-on TRUE, no light enabled, a zero material: only Ca·Ga = 0 is left.
    expect(pixel(first, 400, 300)).toEqual([0, 0, 0, 255]);
    const centre = pixel(second, 400, 300);
    expect(centre).not.toEqual([0, 0, 0, 255]);
    expect(centre).not.toEqual([0x11, 0x33, 0x66, 255]);
  }, 60_000);
});
