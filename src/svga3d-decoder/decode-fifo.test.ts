import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../common/diagnostics.js';
import type { SvgaCommand } from './commands.js';
import { decodeFifo } from './decode-fifo.js';
import { concat, f, words } from './test-words.js';
import { shaderConstFloats } from './value-views.js';

/** Decodes and expects no diagnostics at all. */
function clean(bytes: Uint8Array, baseOffset = 0): SvgaCommand[] {
  const diags = new DiagnosticList();
  const res = decodeFifo(bytes, { baseOffset, sink: diags });
  expect(diags.format()).toEqual([]);
  expect(res.complete).toBe(true);
  expect(res.undecoded).toEqual([]);
  return res.commands;
}

function one(bytes: Uint8Array): SvgaCommand {
  const cmds = clean(bytes);
  expect(cmds.length).toBe(1);
  return cmds[0]!;
}

describe('surface commands', () => {
  it('SURFACE_DEFINE: cube map with 2 mips per face, sizes face-major', () => {
    const sizes: number[] = [];
    for (let face = 0; face < 6; face++) sizes.push(64, 64, 1, 32, 32, 1);
    const cmd = one(words(1040, 36 + 12 * 12, 7, 0x21, 2, 2, 2, 2, 2, 2, 2, ...sizes));
    expect(cmd).toEqual({
      id: 1040, name: 'SURFACE_DEFINE', offset: 0, byteLength: 8 + 36 + 144,
      body: {
        sid: 7, surfaceFlags: 0x21, format: 2,
        face: [{ numMipLevels: 2 }, { numMipLevels: 2 }, { numMipLevels: 2 }, { numMipLevels: 2 }, { numMipLevels: 2 }, { numMipLevels: 2 }],
        sizes: Array.from({ length: 6 }, () => [{ width: 64, height: 64, depth: 1 }, { width: 32, height: 32, depth: 1 }]).flat(),
      },
    });
  });

  it('SURFACE_DEFINE_V2: multisampleCount and autogenFilter before the sizes', () => {
    const cmd = one(words(1070, 56, 3, 0, 8, 1, 0, 0, 0, 0, 0, 4, 2, 100, 50, 1));
    expect(cmd.body).toEqual({
      sid: 3, surfaceFlags: 0, format: 8, face: [1, 0, 0, 0, 0, 0].map((n) => ({ numMipLevels: n })),
      multisampleCount: 4, autogenFilter: 2, sizes: [{ width: 100, height: 50, depth: 1 }],
    });
  });

  it('SURFACE_DMA without suffix: two boxes', () => {
    const cmd = one(words(1044, 28 + 72, 0xfffffffe, 0x100, 3200, 5, 0, 1, 1,
      0, 0, 0, 800, 600, 1, 0, 0, 0,
      10, 20, 0, 4, 4, 1, 30, 40, 0));
    expect(cmd).toEqual({
      id: 1044, name: 'SURFACE_DMA', offset: 0, byteLength: 108,
      body: {
        guest: { ptr: { gmrId: 0xfffffffe, offset: 0x100 }, pitch: 3200 },
        host: { sid: 5, face: 0, mipmap: 1 },
        transfer: 1,
        boxes: [
          { x: 0, y: 0, z: 0, w: 800, h: 600, d: 1, srcx: 0, srcy: 0, srcz: 0 },
          { x: 10, y: 20, z: 0, w: 4, h: 4, d: 1, srcx: 30, srcy: 40, srcz: 0 },
        ],
      },
    });
    expect('suffix' in cmd.body).toBe(false);
  });

  it('SURFACE_DMA with the 12-byte suffix (remainder 12, suffixSize 12)', () => {
    const cmd = one(words(1044, 28 + 36 + 12, 1, 0, 0, 2, 0, 0, 2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 0xffffffff, 1));
    expect(cmd.body).toEqual({
      guest: { ptr: { gmrId: 1, offset: 0 }, pitch: 0 }, host: { sid: 2, face: 0, mipmap: 0 }, transfer: 2,
      boxes: [{ x: 1, y: 2, z: 3, w: 4, h: 5, d: 6, srcx: 7, srcy: 8, srcz: 9 }],
      suffix: { suffixSize: 12, maximumOffset: 0xffffffff, flags: 1 },
    });
  });

  it('SURFACE_DMA with zero boxes and a suffix', () => {
    const cmd = one(words(1044, 40, 1, 0, 0, 2, 0, 0, 1, 12, 64, 0));
    expect(cmd.body).toMatchObject({ boxes: [], suffix: { suffixSize: 12, maximumOffset: 64, flags: 0 } });
  });

  it('SURFACE_COPY and SURFACE_STRETCHBLT', () => {
    const [copy, blt] = clean(concat(
      words(1042, 24 + 36, 1, 0, 0, 2, 3, 1, 5, 6, 7, 8, 9, 1, 2, 3, 4),
      words(1043, 76, 1, 0, 0, 2, 0, 0, 0, 0, 0, 256, 256, 1, 8, 8, 0, 128, 128, 1, 1),
    ));
    expect(copy).toEqual({
      id: 1042, name: 'SURFACE_COPY', offset: 0, byteLength: 68,
      body: { src: { sid: 1, face: 0, mipmap: 0 }, dest: { sid: 2, face: 3, mipmap: 1 },
        boxes: [{ x: 5, y: 6, z: 7, w: 8, h: 9, d: 1, srcx: 2, srcy: 3, srcz: 4 }] },
    });
    expect(blt).toEqual({
      id: 1043, name: 'SURFACE_STRETCHBLT', offset: 68, byteLength: 84,
      body: { src: { sid: 1, face: 0, mipmap: 0 }, dest: { sid: 2, face: 0, mipmap: 0 },
        boxSrc: { x: 0, y: 0, z: 0, w: 256, h: 256, d: 1 }, boxDest: { x: 8, y: 8, z: 0, w: 128, h: 128, d: 1 }, mode: 1 },
    });
  });

  it('SURFACE_DESTROY, GENERATE_MIPMAPS, ACTIVATE/DEACTIVATE_SURFACE', () => {
    const cmds = clean(concat(words(1041, 4, 9), words(1071, 8, 9, 2), words(1080, 4, 9), words(1081, 4, 9)));
    expect(cmds.map((c) => [c.name, c.offset, c.byteLength, c.body])).toEqual([
      ['SURFACE_DESTROY', 0, 12, { sid: 9 }],
      ['GENERATE_MIPMAPS', 12, 16, { sid: 9, filter: 2 }],
      ['ACTIVATE_SURFACE', 28, 12, { sid: 9 }],
      ['DEACTIVATE_SURFACE', 40, 12, { sid: 9 }],
    ]);
  });
});

describe('context and state commands', () => {
  it('CONTEXT_DEFINE / DESTROY, SETZRANGE, SETVIEWPORT, SETSCISSORRECT', () => {
    const cmds = clean(concat(
      words(1045, 4, 1), words(1048, 12, 1, f(0.25), f(0.75)), words(1055, 20, 1, 10, 20, 640, 480),
      words(1064, 20, 1, 1, 2, 3, 4), words(1046, 4, 1),
    ));
    expect(cmds.map((c) => c.body)).toEqual([
      { cid: 1 }, { cid: 1, zRange: { min: 0.25, max: 0.75 } }, { cid: 1, rect: { x: 10, y: 20, w: 640, h: 480 } },
      { cid: 1, rect: { x: 1, y: 2, w: 3, h: 4 } }, { cid: 1 },
    ]);
  });

  it('SETTRANSFORM: float32 matrix', () => {
    const m = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0.1, -2.5, 3, 1];
    const cmd = one(words(1047, 72, 2, 3, ...m.map(f)));
    expect(cmd.body).toEqual({ cid: 2, type: 3, matrix: m.map(Math.fround) });
  });

  it('SETRENDERSTATE: (size − 4) / 8 entries, state 0 entries kept as decoded', () => {
    const cmd = one(words(1049, 4 + 24, 1, 65, 0x400ccccd, 0, 0, 36, 2));
    expect(cmd).toEqual({
      id: 1049, name: 'SETRENDERSTATE', offset: 0, byteLength: 36,
      body: { cid: 1, states: [{ state: 65, value: 0x400ccccd }, { state: 0, value: 0 }, { state: 36, value: 2 }] },
    });
  });

  it('SETTEXTURESTATE: (size − 4) / 12 entries', () => {
    const cmd = one(words(1051, 4 + 24, 1, 0, 1, 0xffffffff, 3, 2, 4));
    expect(cmd.body).toEqual({ cid: 1, states: [{ stage: 0, name: 1, value: 0xffffffff }, { stage: 3, name: 2, value: 4 }] });
  });

  it('SETRENDERTARGET, SETLIGHTENABLED, SETCLIPPLANE', () => {
    const cmds = clean(concat(words(1050, 20, 1, 2, 0xffffffff, 0, 0), words(1054, 12, 1, 3, 1), words(1056, 24, 1, 5, f(1), f(0), f(-1), f(0.5))));
    expect(cmds.map((c) => c.body)).toEqual([
      { cid: 1, type: 2, target: { sid: 0xffffffff, face: 0, mipmap: 0 } },
      { cid: 1, index: 3, enabled: 1 },
      { cid: 1, index: 5, plane: [1, 0, -1, 0.5] },
    ]);
  });

  it('SETMATERIAL and SETLIGHTDATA: nested float structs', () => {
    const mat = [1, 0.5, 0.25, 1, 0, 0, 0, 1, 0.5, 0.5, 0.5, 1, 0, 0, 0, 0, 8];
    const light = [0.9, 0.9, 0.9, 1, 0, 0, 0, 0, 0.1, 0.1, 0.1, 1, 0, 10, -5, 1, 0, 0, 1, 0, 1000, 1, 1, 0, 0, 0.5, 1];
    const [m, l] = clean(concat(words(1052, 76, 1, 4, ...mat.map(f)), words(1053, 124, 1, 0, 1, 1, ...light.map(f))));
    expect(m!.body).toEqual({
      cid: 1, face: 4,
      material: { diffuse: [1, 0.5, 0.25, 1], ambient: [0, 0, 0, 1], specular: [0.5, 0.5, 0.5, 1], emissive: [0, 0, 0, 0], shininess: 8 },
    });
    expect(l!.body).toEqual({
      cid: 1, index: 0,
      data: {
        type: 1, inWorldSpace: 1, diffuse: [0.9, 0.9, 0.9, 1].map(Math.fround), specular: [0, 0, 0, 0],
        ambient: [0.1, 0.1, 0.1, 1].map(Math.fround), position: [0, 10, -5, 1], direction: [0, 0, 1, 0],
        range: 1000, falloff: 1, attenuation0: 1, attenuation1: 0, attenuation2: 0, theta: 0.5, phi: 1,
      },
    });
    expect(l!.byteLength).toBe(132);
  });

  it('CLEAR with rects and PRESENT with copy rects', () => {
    const [clear, present] = clean(concat(
      words(1057, 20 + 32, 1, 7, 0xff113366, f(1), 0, 0, 0, 800, 600, 10, 10, 5, 5),
      words(1058, 4 + 24, 4, 100, 200, 64, 32, 1, 2),
    ));
    expect(clear!.body).toEqual({
      cid: 1, clearFlag: 7, color: 0xff113366, depth: 1, stencil: 0,
      rects: [{ x: 0, y: 0, w: 800, h: 600 }, { x: 10, y: 10, w: 5, h: 5 }],
    });
    expect(present).toEqual({
      id: 1058, name: 'PRESENT', offset: 60, byteLength: 36,
      body: { sid: 4, rects: [{ x: 100, y: 200, w: 64, h: 32, srcx: 1, srcy: 2 }] },
    });
  });

  it('PRESENT_READBACK: rects only, possibly none', () => {
    const [a, b] = clean(concat(words(1068, 16, 0, 0, 400, 300), words(1068, 0)));
    expect(a!.body).toEqual({ rects: [{ x: 0, y: 0, w: 400, h: 300 }] });
    expect(b!.body).toEqual({ rects: [] });
  });
});

describe('shader commands', () => {
  it('SHADER_DEFINE: bytecode is a copy of the body bytes', () => {
    const bytes = words(1059, 12 + 8, 1, 7, 2, 0xffff0200, 0x0000ffff);
    const cmd = one(bytes);
    if (cmd.name !== 'SHADER_DEFINE') throw new Error('wrong command');
    expect(cmd.body.cid).toBe(1);
    expect(cmd.body.shid).toBe(7);
    expect(cmd.body.type).toBe(2);
    expect([...cmd.body.bytecode]).toEqual([0x00, 0x02, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00]);
    bytes[20] = 0x99; // the guest rewrites FIFO memory after decode
    expect(cmd.body.bytecode[0]).toBe(0x00);
    expect(cmd.body.bytecode.buffer).not.toBe(bytes.buffer);
  });

  it('SHADER_DESTROY and SET_SHADER (type before shid)', () => {
    const [d, s] = clean(concat(words(1060, 12, 1, 7, 1), words(1061, 12, 1, 2, 0xffffffff)));
    expect(d!.body).toEqual({ cid: 1, shid: 7, type: 1 });
    expect(s!.body).toEqual({ cid: 1, type: 2, shid: 0xffffffff });
  });

  it('SET_SHADER_CONST: (size − 16) / 16 registers of 4 raw words', () => {
    const cmd = one(words(1062, 16 + 32, 1, 4, 1, 0, f(1.5), f(-2), 0, 0x7fc00000, 1, 2, 3, 4));
    expect(cmd.body).toEqual({
      cid: 1, reg: 4, type: 1, ctype: 0,
      values: [[0x3fc00000, 0xc0000000, 0, 0x7fc00000], [1, 2, 3, 4]],
    });
  });
});

describe('value views', () => {
  it('float views of raw words', () => {
    expect(shaderConstFloats([[0x3f800000, 0, 0xbf000000, 0x7f800000]])).toEqual([[1, 0, -0.5, Infinity]]);
  });
});

describe('DRAW_PRIMITIVES', () => {
  const decl = (type: number, usage: number, sid: number, offset: number) => [type, 0, usage, 0, sid, offset, 16, 0, 0];
  const range = [1, 12, 6, 0, 2, 2, (-3) >>> 0];

  it('decls and ranges, no divisors', () => {
    const cmd = one(words(1063, 12 + 72 + 28, 1, 2, 1, ...decl(2, 0, 5, 0), ...decl(4, 10, 5, 12), ...range));
    expect(cmd).toEqual({
      id: 1063, name: 'DRAW_PRIMITIVES', offset: 0, byteLength: 120,
      body: {
        cid: 1, numVertexDecls: 2, numRanges: 1,
        decls: [
          { identity: { type: 2, method: 0, usage: 0, usageIndex: 0 }, array: { surfaceId: 5, offset: 0, stride: 16 }, rangeHint: { first: 0, last: 0 } },
          { identity: { type: 4, method: 0, usage: 10, usageIndex: 0 }, array: { surfaceId: 5, offset: 12, stride: 16 }, rangeHint: { first: 0, last: 0 } },
        ],
        ranges: [{ primType: 1, primitiveCount: 12, indexArray: { surfaceId: 6, offset: 0, stride: 2 }, indexWidth: 2, indexBias: -3 }],
      },
    });
  });

  it('divisors present when the remainder is exactly 4 × numVertexDecls', () => {
    const cmd = one(words(1063, 12 + 72 + 28 + 8, 1, 2, 1, ...decl(2, 0, 5, 0), ...decl(4, 10, 5, 12), ...range, 0x40000003, 0x80000001));
    expect(cmd.body).toMatchObject({ divisors: [0x40000003, 0x80000001] });
  });

  it('zero decls and zero ranges is well framed', () => {
    expect(one(words(1063, 12, 1, 0, 0)).body).toEqual({ cid: 1, numVertexDecls: 0, numRanges: 0, decls: [], ranges: [] });
  });
});

describe('queries and screen interop', () => {
  it('BEGIN_QUERY, END_QUERY, WAIT_FOR_QUERY', () => {
    const cmds = clean(concat(words(1065, 8, 1, 0), words(1066, 16, 1, 0, 3, 0x40), words(1067, 16, 1, 0, 3, 0x40)));
    expect(cmds.map((c) => [c.name, c.body])).toEqual([
      ['BEGIN_QUERY', { cid: 1, type: 0 }],
      ['END_QUERY', { cid: 1, type: 0, guestResult: { gmrId: 3, offset: 0x40 } }],
      ['WAIT_FOR_QUERY', { cid: 1, type: 0, guestResult: { gmrId: 3, offset: 0x40 } }],
    ]);
  });

  it('BLIT_SURFACE_TO_SCREEN: signed rects and clip list', () => {
    const cmd = one(words(1069, 48 + 16, 2, 0, 0, 0, 0, 224, 168, 0xffffffff, -10, -20, 214, 148, 0, 0, 5, 5));
    expect(cmd.body).toEqual({
      srcImage: { sid: 2, face: 0, mipmap: 0 }, srcRect: { left: 0, top: 0, right: 224, bottom: 168 },
      destScreenId: 0xffffffff, destRect: { left: -10, top: -20, right: 214, bottom: 148 },
      clipRects: [{ left: 0, top: 0, right: 5, bottom: 5 }],
    });
  });
});

describe('2D commands', () => {
  it('fixed bodies: offsets and byte lengths follow the id', () => {
    const cmds = clean(concat(
      words(0), words(1, 0, 0, 800, 600), words(2, 0xff0000, 1, 2, 3, 4), words(3, 1, 2, 3, 4, 5, 6),
      words(14, 1, 2, 3, 4, 5, 6, 3), words(20, 0, 1), words(21, 100, 200), words(25, 1, 2, 3, 4, 9),
      words(29, 0x123456, 1, 2, 3, 4, 3), words(30, 77), words(35, 1),
    ), 0x1000);
    expect(cmds.map((c) => [c.name, c.offset, c.byteLength])).toEqual([
      ['INVALID_CMD', 0x1000, 4], ['UPDATE', 0x1004, 20], ['RECT_FILL', 0x1018, 24], ['RECT_COPY', 0x1030, 28],
      ['RECT_ROP_COPY', 0x104c, 32], ['DISPLAY_CURSOR', 0x106c, 12], ['MOVE_CURSOR', 0x1078, 12],
      ['UPDATE_VERBOSE', 0x1084, 24], ['FRONT_ROP_FILL', 0x109c, 28], ['FENCE', 0x10b8, 8], ['DESTROY_SCREEN', 0x10c0, 8],
    ]);
    expect(cmds[1]!.body).toEqual({ x: 0, y: 0, width: 800, height: 600 });
    expect(cmds[9]!.body).toEqual({ fence: 77 });
    expect(cmds[8]!.body).toEqual({ color: 0x123456, x: 1, y: 2, width: 3, height: 4, rop: 3 });
  });

  it('GMRFB blits and annotations with signed origins', () => {
    const cmds = clean(concat(
      words(36, 0, 0x40, 256, 0x1820), words(37, -5, 7, 0, 0, 64, 64, 1), words(38, 1, 2, -3, -4, 5, 6, 0),
      words(39, 0x00ff00), words(40, -1, -2, 3), words(41, 5, 256),
    ));
    expect(cmds.map((c) => c.body)).toEqual([
      { ptr: { gmrId: 0, offset: 0x40 }, bytesPerLine: 256, format: 0x1820 },
      { srcOrigin: { x: -5, y: 7 }, destRect: { left: 0, top: 0, right: 64, bottom: 64 }, destScreenId: 1 },
      { destOrigin: { x: 1, y: 2 }, srcRect: { left: -3, top: -4, right: 5, bottom: 6 }, srcScreenId: 0 },
      { color: 0x00ff00 }, { srcOrigin: { x: -1, y: -2 }, srcScreenId: 3 }, { gmrId: 5, numPages: 256 },
    ]);
  });

  it('ESCAPE: size bytes of data, advance rounded up to a word', () => {
    const cmds = clean(concat(words(33, 0, 5, 0x04030201, 0x00000005), words(30, 1)));
    expect(cmds[0]).toEqual({
      id: 33, name: 'ESCAPE', offset: 0, byteLength: 20, body: { nsid: 0, size: 5, data: new Uint8Array([1, 2, 3, 4, 5]) },
    });
    expect(cmds[1]).toMatchObject({ name: 'FENCE', offset: 20, body: { fence: 1 } });
  });

  it('DEFINE_SCREEN: 28, 40 and 44-byte screen objects', () => {
    const cmds = clean(concat(
      words(34, 28, 0, 3, 799, 405, -1234, 5678),
      words(34, 40, 1, 1, 600, 200, 0, 0, 2, 0x1000, 2400),
      words(34, 44, 2, 1, 64, 64, 1, 2, 3, 4, 5, 6),
    ));
    expect(cmds.map((c) => [c.offset, c.byteLength, c.body])).toEqual([
      [0, 32, { structSize: 28, id: 0, flags: 3, size: { width: 799, height: 405 }, root: { x: -1234, y: 5678 } }],
      [32, 44, { structSize: 40, id: 1, flags: 1, size: { width: 600, height: 200 }, root: { x: 0, y: 0 },
        backingStore: { ptr: { gmrId: 2, offset: 0x1000 }, pitch: 2400 } }],
      [76, 48, { structSize: 44, id: 2, flags: 1, size: { width: 64, height: 64 }, root: { x: 1, y: 2 },
        backingStore: { ptr: { gmrId: 3, offset: 4 }, pitch: 5 }, cloneCount: 6 }],
    ]);
  });

  it('DEFINE_CURSOR: masks sized by width × depth, padded per scanline', () => {
    // 3×2 cursor, 1-bit AND mask (4 bytes/line), 32-bit XOR mask (12 bytes/line).
    const cmd = one(words(19, 0, 1, 1, 3, 2, 1, 32, 0xa0000000, 0x40000000, 1, 2, 3, 4, 5, 6));
    expect(cmd.byteLength).toBe(4 + 28 + 8 + 24);
    expect(cmd.body).toEqual({
      id: 0, hotspotX: 1, hotspotY: 1, width: 3, height: 2, andMaskDepth: 1, xorMaskDepth: 32,
      andMask: words(0xa0000000, 0x40000000), xorMask: words(1, 2, 3, 4, 5, 6),
    });
  });

  it('DEFINE_CURSOR: depth 15 lines are sized as 16-bit pixels', () => {
    // width 3 at 16 bpp = 48 bits → 8 bytes per line; one line each.
    const cmd = one(words(19, 0, 0, 0, 3, 1, 15, 15, 1, 2, 3, 4));
    expect(cmd.byteLength).toBe(4 + 28 + 16);
  });

  it('DEFINE_ALPHA_CURSOR: width × height BGRA pixels', () => {
    const cmd = one(words(22, 0, 0, 0, 2, 1, 0xff0000ff, 0x80808080));
    expect(cmd.body).toEqual({ id: 0, hotspotX: 0, hotspotY: 0, width: 2, height: 1, pixels: words(0xff0000ff, 0x80808080) });
  });

  it('REMAP_GMR2: PPN32 list, PPN64 list, SINGLE_PPN, VIA_GMR', () => {
    const cmds = clean(concat(
      words(42, 1, 0, 0, 2, 0x100, 0x101),
      words(42, 1, 2, 0, 1, 0x100, 0x1),
      words(42, 1, 4, 0, 50, 0x200),
      words(42, 1, 1, 0, 50, 7, 0x80),
    ));
    expect(cmds.map((c) => [c.offset, c.byteLength])).toEqual([[0, 28], [28, 28], [56, 24], [80, 28]]);
    expect(cmds[0]!.body).toEqual({ gmrId: 1, flags: 0, offsetPages: 0, numPages: 2, payload: words(0x100, 0x101) });
    expect(cmds[3]!.body).toEqual({ gmrId: 1, flags: 1, offsetPages: 0, numPages: 50, payload: words(7, 0x80) });
  });
});

describe('payloads are private copies', () => {
  it('cursor masks, alpha pixels, escape data and remap payloads do not alias the FIFO bytes', () => {
    const bytes = concat(
      words(19, 0, 0, 0, 1, 1, 1, 1, 0x80000000, 0), words(22, 0, 0, 0, 1, 1, 0xff00ff00),
      words(33, 0, 4, 0x11223344), words(42, 1, 0, 0, 1, 0x77),
    );
    const cmds = clean(bytes);
    const payloads = cmds.flatMap((c) => Object.values(c.body).filter((v): v is Uint8Array => v instanceof Uint8Array));
    expect(payloads.length).toBe(5);
    const before = payloads.map((p) => [...p]);
    bytes.fill(0xee);
    expect(payloads.map((p) => [...p])).toEqual(before);
    for (const p of payloads) expect(p.buffer).not.toBe(bytes.buffer);
  });
});

describe('mixed streams', () => {
  it('3D and 2D commands interleave; offsets include baseOffset', () => {
    const cmds = clean(concat(words(30, 1), words(1045, 4, 1), words(1, 0, 0, 1, 1), words(1046, 4, 1)), 100);
    expect(cmds.map((c) => [c.name, c.offset, c.byteLength])).toEqual([
      ['FENCE', 100, 8], ['CONTEXT_DEFINE', 108, 12], ['UPDATE', 120, 20], ['CONTEXT_DESTROY', 140, 12],
    ]);
  });

  it('an empty record decodes to nothing', () => {
    expect(decodeFifo(new Uint8Array(0))).toEqual({ commands: [], undecoded: [], complete: true });
  });

  it('decodes from a subarray view at a non-zero byteOffset', () => {
    const backing = concat(words(0xdeadbeef), words(30, 9));
    expect(clean(backing.subarray(4))).toEqual([{ id: 30, name: 'FENCE', offset: 0, byteLength: 8, body: { fence: 9 } }]);
  });
});
