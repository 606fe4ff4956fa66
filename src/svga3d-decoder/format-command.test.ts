import { describe, expect, it } from 'vitest';
import { CommandWriter } from './command-writer.js';
import { decodeFifo } from './decode-fifo.js';
import { formatCommand, formatF32 } from './format-command.js';
import { bitsOf, words } from './test-words.js';

const lines = (bytes: Uint8Array) => {
  const res = decodeFifo(bytes);
  return [...res.commands, ...res.undecoded].sort((a, b) => a.offset - b.offset).map(formatCommand);
};

describe('formatF32', () => {
  it('prints the shortest decimal that reads back as the same float32', () => {
    expect([0.1, 1 / 3, 2.2, 1e-7, 3.4028234663852886e38, 1.401298464324817e-45].map((x) => formatF32(Math.fround(x)))).toEqual([
      '0.1', '0.33333334', '2.2', '1e-7', '3.4028235e+38', '1e-45',
    ]);
    expect([0, -0, NaN, Infinity, -Infinity, -2.5].map(formatF32)).toEqual(['0', '-0', 'NaN', 'Infinity', '-Infinity', '-2.5']);
  });

  it('round-trips every float32 it prints (sampled bit patterns)', () => {
    const dv = new DataView(new ArrayBuffer(4));
    for (let bits = 0x00000001; bits < 0x7f800000; bits += 0x00f0a3d7) {
      dv.setUint32(0, bits, true);
      const x = dv.getFloat32(0, true);
      expect(Math.fround(Number(formatF32(x)))).toBe(x);
    }
  });
});

describe('formatCommand', () => {
  it('dotted nested names, hex ids, enum names', () => {
    const w = new CommandWriter()
      .surfaceDma({
        guest: { ptr: { gmrId: 0xfffffffe, offset: 0 }, pitch: 3200 }, host: { sid: 3, face: 0, mipmap: 0 }, transfer: 1,
        boxes: [{ x: 0, y: 0, z: 0, w: 800, h: 600, d: 1, srcx: 0, srcy: 0, srcz: 0 }],
        suffix: { suffixSize: 12, maximumOffset: 0xffffffff, flags: 0 },
      })
      .surfaceDefine({
        sid: 1, surfaceFlags: 0x41, format: 8, face: [1, 0, 0, 0, 0, 0].map((n) => ({ numMipLevels: n })),
        sizes: [{ width: 64, height: 32, depth: 1 }],
      })
      .setTransform({ cid: 1, type: 3, matrix: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, -0.1, 0].map(Math.fround) })
      .update({ x: 1, y: 2, width: 3, height: 4 })
      .fence(9);
    expect(lines(w.finish())).toEqual([
      'SURFACE_DMA guest.ptr.gmrId=0xfffffffe guest.ptr.offset=0 guest.pitch=3200 host.sid=3 host.face=0 host.mipmap=0 transfer=WRITE_HOST_VRAM boxes[0]={x=0 y=0 z=0 w=800 h=600 d=1 srcx=0 srcy=0 srcz=0} suffix.suffixSize=12 suffix.maximumOffset=0xffffffff suffix.flags=0x0',
      'SURFACE_DEFINE sid=1 surfaceFlags=CUBEMAP|HINT_RENDERTARGET format=Z_D16 face[0].numMipLevels=1 face[1].numMipLevels=0 face[2].numMipLevels=0 face[3].numMipLevels=0 face[4].numMipLevels=0 face[5].numMipLevels=0 sizes[0]={width=64 height=32 depth=1}',
      'SETTRANSFORM cid=1 type=PROJECTION matrix=[1,0,0,0,0,1,0,0,0,0,1,1,0,0,-0.1,0]',
      'UPDATE x=1 y=2 width=3 height=4',
      'FENCE fence=9',
    ]);
  });

  it('render and texture state values by type: floats, colours, enums, arguments', () => {
    const w = new CommandWriter()
      .setRenderState({ cid: 1, states: [
        { state: 65, value: bitsOf(2.2) }, { state: 36, value: 2 }, { state: 25, value: 0xff00ff00 }, { state: 0, value: 0 },
        { state: 35, value: 3 }, { state: 200, value: 5 },
      ] })
      .setTextureState({ cid: 1, states: [
        { stage: 0, name: 1, value: 0xffffffff }, { stage: 0, name: 2, value: 4 }, { stage: 1, name: 3, value: 0x34 },
        { stage: 0, name: 22, value: bitsOf(-0.5) }, { stage: 0, name: 11, value: 2 },
      ] });
    expect(lines(w.finish())).toEqual([
      'SETRENDERSTATE cid=1 states[0]={state=OUTPUTGAMMA value=2.2} states[1]={state=ZFUNC value=LESS} states[2]={state=FOGCOLOR value=0xff00ff00} states[3]={state=INVALID value=0} states[4]={state=CULLMODE value=BACK} states[5]={state=200 value=5}',
      'SETTEXTURESTATE cid=1 states[0]={stage=0 name=BIND_TEXTURE value=0xffffffff} states[1]={stage=0 name=COLOROP value=MODULATE} states[2]={stage=1 name=COLORARG1 value=TEXTURE|ALPHA|ONE_MINUS} states[3]={stage=0 name=TEXTURE_LOD_BIAS value=-0.5} states[4]={stage=0 name=MAGFILTER value=LINEAR}',
    ]);
  });

  it('shader commands: bytecode as a length, constants by type', () => {
    const w = new CommandWriter()
      .shaderDefine({ cid: 1, shid: 0, type: 1, bytecode: words(0xfffe0200, 0x0000ffff) })
      .setShaderConst({ cid: 1, reg: 4, type: 1, ctype: 0, values: [[bitsOf(0.5), bitsOf(-1), 0, bitsOf(1)]] })
      .setShaderConst({ cid: 1, reg: 0, type: 2, ctype: 1, values: [[0xffffffff, 2, 0, 1]] });
    expect(lines(w.finish())).toEqual([
      'SHADER_DEFINE cid=1 shid=0 type=VS bytecode=<8 bytes>',
      'SET_SHADER_CONST cid=1 reg=4 type=VS ctype=FLOAT values[0]=[0.5,-1,0,1]',
      'SET_SHADER_CONST cid=1 reg=0 type=PS ctype=INT values[0]=[-1,2,0,1]',
    ]);
  });

  it('draw: every decl and range, divisors in hex', () => {
    const w = new CommandWriter().drawPrimitives({
      cid: 2,
      decls: [{ identity: { type: 2, method: 0, usage: 0, usageIndex: 0 }, array: { surfaceId: 5, offset: 0, stride: 12 }, rangeHint: { first: 0, last: 7 } }],
      ranges: [{ primType: 1, primitiveCount: 12, indexArray: { surfaceId: 0xffffffff, offset: 0, stride: 2 }, indexWidth: 2, indexBias: -1 }],
      divisors: [0x40000002],
    });
    expect(lines(w.finish())).toEqual([
      'DRAW_PRIMITIVES cid=2 numVertexDecls=1 numRanges=1 decls[0]={identity.type=FLOAT3 identity.method=DEFAULT identity.usage=POSITION identity.usageIndex=0 array.surfaceId=5 array.offset=0 array.stride=12 rangeHint.first=0 rangeHint.last=7} ranges[0]={primType=TRIANGLELIST primitiveCount=12 indexArray.surfaceId=0xffffffff indexArray.offset=0 indexArray.stride=2 indexWidth=2 indexBias=-1} divisors=[0x40000002]',
    ]);
  });

  it('2D payload commands and screens', () => {
    const w = new CommandWriter()
      .escape({ nsid: 0, data: new Uint8Array([1, 2, 3]) })
      .defineScreen({ id: 0, flags: 3, size: { width: 640, height: 480 }, root: { x: -10, y: 20 }, backingStore: { ptr: { gmrId: 1, offset: 0 }, pitch: 2560 } })
      .blitGmrfbToScreen({ srcOrigin: { x: -1, y: 0 }, destRect: { left: 0, top: 0, right: 8, bottom: 8 }, destScreenId: 0 })
      .clear({ cid: 1, clearFlag: 0x9, color: 0xff113366, depth: 1, stencil: 0, rects: [] });
    expect(lines(w.finish())).toEqual([
      'ESCAPE nsid=0x0 size=3 data=<3 bytes>',
      'DEFINE_SCREEN structSize=40 id=0 flags=0x3 size.width=640 size.height=480 root.x=-10 root.y=20 backingStore.ptr.gmrId=0x1 backingStore.ptr.offset=0 backingStore.pitch=2560',
      'BLIT_GMRFB_TO_SCREEN srcOrigin.x=-1 srcOrigin.y=0 destRect.left=0 destRect.top=0 destRect.right=8 destRect.bottom=8 destScreenId=0',
      'CLEAR cid=1 clearFlag=COLOR|COLORFILL color=0xff113366 depth=1 stencil=0 rects=[]',
    ]);
  });

  it('undecoded commands print name, id, bytes and the diagnostic code', () => {
    expect(lines(words(1152, 4, 0, 1055, 4, 1, 9))).toEqual([
      'DX_DRAW id=1152 bytes=12 (not decoded: E2007)',
      'SETVIEWPORT id=1055 bytes=12 (not decoded: E2004)',
      'UNKNOWN id=9 bytes=4 (not decoded: E2009)',
    ]);
  });
});
