import { describe, expect, it } from 'vitest';
import { createDrawBackend, type DrawContext, type DrawSurfaces } from '../pipeline/index.js';
import { ContextState } from './contexts/context-state.js';
import { run, surface, testDevice } from './device-test-support.js';
import { SVGA_GMR_FRAMEBUFFER } from './guest-ptr-memory.js';
import { SurfaceStore } from './surfaces/index.js';

describe('the pipeline as the device draw backend', () => {
  it('reads the device context and surface store as they are', () => {
    const context: DrawContext = new ContextState(0);
    const surfaces: DrawSurfaces = new SurfaceStore();
    expect(context.textureState(0, 2)).toBe(4);
    expect(surfaces.get(1)).toBeUndefined();
  });

  it('draws a pre-transformed triangle into a render target (top-left rule) and counts its samples', () => {
    const { device, list } = testDevice({ drawBackend: createDrawBackend() });
    // Three POSITIONT (x, y, z, rhw) + D3DCOLOR vertices: (0,0), (8,0), (0,8), opaque green.
    const vertices = new DataView(new ArrayBuffer(60));
    [[0, 0], [8, 0], [0, 8]].forEach(([x, y], i) => {
      vertices.setFloat32(i * 20, x ?? 0, true);
      vertices.setFloat32(i * 20 + 4, y ?? 0, true);
      vertices.setFloat32(i * 20 + 8, 0.5, true);
      vertices.setFloat32(i * 20 + 12, 1, true);
      vertices.setUint32(i * 20 + 16, 0xff00ff00, true);
    });
    device.writeVram(0, new Uint8Array(vertices.buffer));
    const decl = (type: number, usage: number, offset: number) => ({
      identity: { type, method: 0, usage, usageIndex: 0 },
      array: { surfaceId: 2, offset, stride: 20 },
      rangeHint: { first: 0, last: 0 },
    });
    run(device, (w) => {
      w.contextDefine({ cid: 0 });
      surface(w, 1, 8, 8, 1);
      surface(w, 2, 60, 1, 37);
      w.surfaceDma({
        guest: { ptr: { gmrId: SVGA_GMR_FRAMEBUFFER, offset: 0 }, pitch: 0 },
        host: { sid: 2, face: 0, mipmap: 0 },
        transfer: 1,
        boxes: [{ x: 0, y: 0, z: 0, w: 60, h: 1, d: 1, srcx: 0, srcy: 0, srcz: 0 }],
      });
      w.setRenderTarget({ cid: 0, type: 2, target: { sid: 1, face: 0, mipmap: 0 } });
      w.setRenderState({ cid: 0, states: [{ state: 1, value: 0 }, { state: 9, value: 0 }, { state: 35, value: 1 }] });
      w.setTextureState({ cid: 0, states: [{ stage: 0, name: 2, value: 2 }, { stage: 0, name: 3, value: 3 }, { stage: 0, name: 5, value: 2 }, { stage: 0, name: 6, value: 3 }] });
      w.beginQuery({ cid: 0, type: 0 });
      w.drawPrimitives({
        cid: 0,
        decls: [decl(3, 9, 0), decl(4, 10, 16)],
        ranges: [{ primType: 1, primitiveCount: 1, indexArray: { surfaceId: 0xffffffff, offset: 0, stride: 0 }, indexWidth: 0, indexBias: 0 }],
      });
      w.endQuery({ cid: 0, type: 0, guestResult: { gmrId: SVGA_GMR_FRAMEBUFFER, offset: 1024 } });
    });
    expect(list.items.filter((d) => d.severity !== 'info')).toEqual([]);
    const image = device.surfaces.get(1)!.image(0, 0)!;
    const rows: string[] = [];
    for (let y = 0; y < 8; y++) {
      let row = '';
      for (let x = 0; x < 8; x++) row += image.bytes[(y * 8 + x) * 4 + 1] === 0xff ? '#' : '.';
      rows.push(row);
    }
    // Pixel centres are integer window coordinates; the hypotenuse x + y = 8 is a right edge.
    expect(rows).toEqual(['########', '#######.', '######..', '#####...', '####....', '###.....', '##......', '#.......']);
    // The occlusion query counted the 36 covered samples.
    expect([...device.readVram(1024, 12)]).toEqual([12, 0, 0, 0, 1, 0, 0, 0, 36, 0, 0, 0]);
  });
});
