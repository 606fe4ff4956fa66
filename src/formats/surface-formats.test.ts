import { describe, expect, test } from 'vitest';
import { SURFACE_FORMATS, SVGA3dSurfaceFormat as F, surfaceFormatInfo, surfaceFormatName } from './surface-formats.js';

const LEGACY_IDS = [...Array.from({ length: 45 }, (_, i) => i + 1), 108, 111, 118, 119, 120];

describe('format table', () => {
  test('holds exactly the legacy ids, in order', () => {
    expect(SURFACE_FORMATS.map((f) => f.id)).toEqual(LEGACY_IDS);
    for (const id of LEGACY_IDS) expect(surfaceFormatInfo(id)?.id).toBe(id);
  });
  test('unknown and malformed ids', () => {
    for (const id of [0, 46, 107, 109, 110, 112, 117, 121, 143, -1, 1.5, NaN, Infinity, 0xffffffff]) {
      expect(surfaceFormatInfo(id)).toBeUndefined();
    }
    expect(surfaceFormatName(0xdead)).toBe('format #57005');
  });
  test('names use the SVGA spelling', () => {
    expect(surfaceFormatName(1)).toBe('SVGA3D_X8R8G8B8');
    expect(surfaceFormatName(29)).toBe('SVGA3D_CxV8U8');
    expect(surfaceFormatName(108)).toBe('SVGA3D_BC4_UNORM');
    expect(surfaceFormatName(120)).toBe('SVGA3D_Z_D24S8_INT');
  });
  test('block sizes and bytes per block (§4.1)', () => {
    const rows = SURFACE_FORMATS.map((f) => `${f.id}:${f.blockWidth}x${f.blockHeight}:${f.bytesPerBlock}`);
    expect(rows).toEqual([
      '1:1x1:4', '2:1x1:4', '3:1x1:2', '4:1x1:2', '5:1x1:2', '6:1x1:2', '7:1x1:4', '8:1x1:2', '9:1x1:4',
      '10:1x1:2', '11:1x1:1', '12:1x1:1', '13:1x1:2', '14:1x1:2', '15:4x4:8', '16:4x4:16', '17:4x4:16',
      '18:4x4:16', '19:4x4:16', '20:1x1:2', '21:1x1:2', '22:1x1:4', '23:1x1:3', '24:1x1:8', '25:1x1:16',
      '26:1x1:4', '27:1x1:2', '28:1x1:4', '29:1x1:2', '30:1x1:4', '31:1x1:4', '32:1x1:1', '33:1x1:2',
      '34:1x1:4', '35:1x1:4', '36:1x1:8', '37:1x1:1', '38:1x1:4', '39:1x1:4', '40:1x1:4', '41:1x1:8',
      '42:2x1:4', '43:2x1:4', '44:2x2:6', '45:1x1:4', '108:4x4:8', '111:4x4:16', '118:1x1:2', '119:1x1:4',
      '120:1x1:4',
    ]);
  });
  test('channels fit inside the block and never overlap', () => {
    for (const f of SURFACE_FORMATS) {
      const used = new Array<boolean>(f.bytesPerBlock * 8).fill(false);
      for (const c of f.channels) {
        expect(c.offset + c.bits).toBeLessThanOrEqual(f.bytesPerBlock * 8);
        for (let b = c.offset; b < c.offset + c.bits; b++) {
          expect(used[b]).toBe(false);
          used[b] = true;
        }
      }
      // Uncompressed, non-planar formats describe every bit of their block.
      if (f.channels.length > 0) expect(used.every(Boolean)).toBe(true);
      // Swizzle indices name real channels.
      for (const s of f.rgba ?? []) if (typeof s === 'number') expect(f.channels[s]).toBeDefined();
    }
  });
  test('the naming trap: 8-bit formats store blue first, 16/32-bit ones red first', () => {
    expect(surfaceFormatInfo(F.A8R8G8B8)?.channels[0]?.name).toBe('b');
    expect(surfaceFormatInfo(F.A16B16G16R16)?.channels[0]?.name).toBe('r');
    expect(surfaceFormatInfo(F.G16R16)?.channels[0]?.name).toBe('r');
    expect(surfaceFormatInfo(F.ARGB_S10E5)?.channels[0]?.name).toBe('r');
    expect(surfaceFormatInfo(F.ARGB_S23E8)?.channels[0]?.name).toBe('r');
  });
  test('alpha, depth and stencil', () => {
    const withAlpha = SURFACE_FORMATS.filter((f) => f.hasAlpha).map((f) => f.id);
    expect(withAlpha).toEqual([2, 5, 6, 12, 14, 15, 16, 17, 18, 19, 24, 25, 26, 28, 31, 32, 41, 45]);
    const depth = SURFACE_FORMATS.filter((f) => f.depthBits > 0).map((f) => [f.id, f.depthBits, f.stencilBits]);
    expect(depth).toEqual([[7, 32, 0], [8, 16, 0], [9, 24, 8], [10, 15, 1], [38, 24, 0], [118, 16, 0], [119, 24, 0], [120, 24, 8]]);
    expect(SURFACE_FORMATS.filter((f) => f.premultipliedAlpha).map((f) => f.id)).toEqual([16, 18]);
  });
  test('kinds', () => {
    const kinds = Object.fromEntries(SURFACE_FORMATS.map((f) => [f.id, f.kind]));
    expect(kinds[15]).toBe('bc1');
    expect(kinds[17]).toBe('bc2');
    expect(kinds[19]).toBe('bc3');
    expect(kinds[108]).toBe('bc4');
    expect(kinds[111]).toBe('bc5');
    expect(kinds[37]).toBe('buffer');
    expect(kinds[24]).toBe('float16');
    expect(kinds[36]).toBe('float32');
    expect(kinds[29]).toBe('signed-bump');
    expect(kinds[32]).toBe('luminance-alpha');
    expect(kinds[9]).toBe('depth-stencil');
    expect(kinds[38]).toBe('depth');
    expect(kinds[44]).toBe('yuv');
    expect(SURFACE_FORMATS.filter((f) => f.compressed).map((f) => f.id)).toEqual([15, 16, 17, 18, 19, 108, 111]);
  });
  test('NV12 is the one planar format, with a 2-byte pitch per 6-byte block', () => {
    const nv12 = surfaceFormatInfo(F.NV12);
    expect([nv12?.planar, nv12?.pitchBytesPerBlock, nv12?.bytesPerBlock]).toEqual([true, 2, 6]);
    expect(SURFACE_FORMATS.filter((f) => f.planar || f.pitchBytesPerBlock !== f.bytesPerBlock).map((f) => f.id)).toEqual([44]);
  });
  test('rows are frozen', () => {
    const info = surfaceFormatInfo(1);
    expect(Object.isFrozen(info)).toBe(true);
  });
});
