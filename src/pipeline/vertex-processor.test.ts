import { describe, expect, it } from 'vitest';
import { SVGA3dDeclType as T } from '../svga3d-decoder/spec/enums.js';
import type { Linkage } from './shader-linkage.js';
import { VERTEX_CACHE_ENTRIES, VertexProcessor, instanceCount } from './vertex-processor.js';
import { vertexArray } from './vertex-fetch.js';
import type { VertexStage } from './vertex-stage.js';

/** A stage that copies element 0 to its position output and counts its runs. */
function countingStage(): VertexStage & { runs: number } {
  return {
    runs: 0,
    pretransformed: false,
    outputs: [{ usage: 0, usageIndex: 0 }],
    position: 0,
    pointSize: -1,
    defaultFor: () => [0, 0, 0, 1],
    run(elements, out) {
      this.runs++;
      out.set(elements.subarray(0, 4));
      return 1;
    },
  };
}

const LINK: Linkage = { layout: { count: 0, interpolation: [] }, sources: [], defaults: [], targets: [] };
const bytes = new Uint8Array(new Float32Array([0, 1, 2, 3, 4, 5, 6, 7]).buffer);

describe('VertexProcessor', () => {
  it('runs the stage once per distinct index until the next range or instance', () => {
    const stage = countingStage();
    const vp = new VertexProcessor([vertexArray(bytes, T.FLOAT1, 0, 4)], undefined, stage, LINK);
    vp.begin(0);
    const xs = [3, 1, 3, 3, 1, 7].map((i) => vp.vertex(i)!.data[0]);
    expect(xs).toEqual([3, 1, 3, 3, 1, 7]);
    expect(stage.runs).toBe(3);
    vp.begin(1);
    vp.vertex(3);
    expect(stage.runs).toBe(4);
    expect(vp.invocations).toBe(4);
    expect(VERTEX_CACHE_ENTRIES).toBe(65536);
  });

  it('instance data follows the instance, per-vertex data the index; out-of-range elements are counted', () => {
    const stage = countingStage();
    // Element 0 per instance, advancing every 2 instances.
    const vp = new VertexProcessor([vertexArray(bytes, T.FLOAT1, 0, 4)], [0x80000002], stage, LINK);
    const seen: number[] = [];
    for (let instance = 0; instance < 5; instance++) {
      vp.begin(instance);
      seen.push(vp.vertex(6)!.data[0]!);
    }
    expect(seen).toEqual([0, 0, 1, 1, 2]);
    const robust = new VertexProcessor([vertexArray(bytes, T.FLOAT1, 0, 4)], undefined, countingStage(), LINK);
    robust.begin(0);
    expect(Array.from(robust.vertex(8)!.data)).toEqual([0, 0, 0, 0]);
    expect(robust.vertex(-1)).not.toBeNull();
    expect(robust.fetchOutOfBounds).toBe(2);
  });

  it('instance counts from the divisors: the indexed-data stream count, at least 1', () => {
    expect(instanceCount(undefined)).toBe(1);
    expect(instanceCount([0x40000003, 0x80000001])).toBe(3);
    expect(instanceCount([0x40000000])).toBe(1);
    expect(instanceCount([7])).toBe(1);
  });
});
