import { describe, expect, it } from 'vitest';
import { run, surface, testDevice, where } from '../device-test-support.js';
import type { SvgaDevice } from '../svga-device.js';
import { intersectRect } from './clear-command.js';

/** Rows of 32-bit texels of surface `sid` as hex strings ('.' for zero). */
function texels32(device: SvgaDevice, sid: number): string[] {
  const image = device.surfaces.get(sid)!.image(0, 0)!;
  const view = new DataView(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength);
  const rows: string[] = [];
  for (let y = 0; y < image.height; y++) {
    const row: string[] = [];
    for (let x = 0; x < image.width; x++) {
      const v = view.getUint32(y * image.rowPitch + x * 4, true);
      row.push(v === 0 ? '.' : v.toString(16));
    }
    rows.push(row.join(' '));
  }
  return rows;
}

function texels16(device: SvgaDevice, sid: number): string[] {
  const image = device.surfaces.get(sid)!.image(0, 0)!;
  const view = new DataView(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength);
  const rows: string[] = [];
  for (let y = 0; y < image.height; y++) {
    const row: string[] = [];
    for (let x = 0; x < image.width; x++) {
      const v = view.getUint16(y * image.rowPitch + x * 2, true);
      row.push(v === 0 ? '.' : v.toString(16));
    }
    rows.push(row.join(' '));
  }
  return rows;
}

describe('CLEAR', () => {
  it('clips each rectangle to render target ∩ viewport', () => {
    const { device, list } = testDevice();
    run(device, (w) => {
      w.contextDefine({ cid: 1 });
      surface(w, 1, 8, 4, 1);
      w.setRenderTarget({ cid: 1, type: 2, target: { sid: 1, face: 0, mipmap: 0 } });
      w.setViewport({ cid: 1, rect: { x: 2, y: 1, w: 4, h: 2 } });
      w.clear({ cid: 1, clearFlag: 1, color: 0xff112233, depth: 0, stencil: 0, rects: [{ x: 0, y: 0, w: 3, h: 3 }, { x: 5, y: 2, w: 0xffffffff, h: 1 }] });
    });
    expect(list.items).toEqual([]);
    expect(texels32(device, 1)).toEqual([
      '. . . . . . . .',
      '. . ff112233 . . . . .',
      '. . ff112233 . . ff112233 . .',
      '. . . . . . . .',
    ]);
  });

  it('with no rectangles clears the whole target ∩ viewport, and the whole target without a viewport', () => {
    const { device } = testDevice();
    run(device, (w) => {
      w.contextDefine({ cid: 1 }).contextDefine({ cid: 2 });
      surface(w, 1, 4, 3, 1);
      surface(w, 2, 3, 2, 1);
      w.setRenderTarget({ cid: 1, type: 2, target: { sid: 1, face: 0, mipmap: 0 } });
      w.setViewport({ cid: 1, rect: { x: 3, y: 1, w: 100, h: 100 } });
      w.clear({ cid: 1, clearFlag: 1, color: 0x80ff0000, depth: 0, stencil: 0, rects: [] });
      w.setRenderTarget({ cid: 2, type: 2, target: { sid: 2, face: 0, mipmap: 0 } });
      w.clear({ cid: 2, clearFlag: 1, color: 0x1, depth: 0, stencil: 0, rects: [] });
    });
    expect(texels32(device, 1)).toEqual(['. . . .', '. . . 80ff0000', '. . . 80ff0000']);
    expect(texels32(device, 2)).toEqual(['1 1 1', '1 1 1']);
  });

  it('clears depth and stencil of the bound targets, ignoring scissor and write masks', () => {
    const { device, list } = testDevice();
    run(device, (w) => {
      w.contextDefine({ cid: 1 });
      surface(w, 1, 4, 2, 1);
      surface(w, 2, 4, 2, 8); // Z_D16
      surface(w, 3, 2, 2, 9); // Z_D24S8
      w.setRenderTarget({ cid: 1, type: 2, target: { sid: 1, face: 0, mipmap: 0 } });
      w.setRenderTarget({ cid: 1, type: 0, target: { sid: 2, face: 0, mipmap: 0 } });
      w.setRenderState({ cid: 1, states: [{ state: 47, value: 0 }, { state: 2, value: 0 }, { state: 55, value: 1 }] });
      w.setScissorRect({ cid: 1, rect: { x: 0, y: 0, w: 1, h: 1 } });
      w.clear({ cid: 1, clearFlag: 3, color: 0xff00ff00, depth: 1, stencil: 0, rects: [{ x: 1, y: 0, w: 2, h: 1 }] });
      w.setRenderTarget({ cid: 1, type: 0, target: { sid: 3, face: 0, mipmap: 0 } });
      w.setRenderTarget({ cid: 1, type: 1, target: { sid: 3, face: 0, mipmap: 0 } });
      w.clear({ cid: 1, clearFlag: 6, color: 0, depth: 0, stencil: 0x5a, rects: [{ x: 0, y: 1, w: 1, h: 1 }] });
    });
    expect(list.items).toEqual([]);
    expect(texels32(device, 1)).toEqual(['. ff00ff00 ff00ff00 .', '. . . .']);
    expect(texels16(device, 2)).toEqual(['. ffff ffff .', '. . . .']);
    expect(texels32(device, 3)).toEqual(['. .', '5a .']);
  });

  it('reports unknown flags and buffers with no target', () => {
    const { device, list } = testDevice();
    const offsets: number[] = [];
    run(device, (w) => {
      w.contextDefine({ cid: 1 });
      offsets.push(w.byteLength);
      w.clear({ cid: 1, clearFlag: 0x10, color: 0, depth: 0, stencil: 0, rects: [] });
      offsets.push(w.byteLength);
      w.clear({ cid: 1, clearFlag: 1 | 8, color: 0, depth: 0, stencil: 0, rects: [] });
    });
    expect(where(list.items)).toEqual([`3430@${offsets[0]} CLEAR`, `3431@${offsets[1]} CLEAR`]);
  });

  it('intersectRect works on plain numbers, so x + w cannot wrap', () => {
    expect(intersectRect({ x: 0xfffffff0, y: 0, w: 0x20, h: 1 }, { x: 0, y: 0, w: 100, h: 100 })).toBeUndefined();
    expect(intersectRect({ x: 90, y: 90, w: 0xffffffff, h: 0xffffffff }, { x: 0, y: 0, w: 100, h: 100 })).toEqual({ x: 90, y: 90, w: 10, h: 10 });
  });
});
