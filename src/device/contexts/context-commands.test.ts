import { describe, expect, it } from 'vitest';
import { CommandWriter } from '../../svga3d-decoder/index.js';
import { SVGA3dRenderStateName as RS, SVGA3dTextureStateName as TS } from '../../svga3d-decoder/index.js';
import { run, surface, testDevice, where } from '../device-test-support.js';
import { ContextState, LIGHT_WORDS, MATERIAL_WORDS } from './context-state.js';
import { f32Bits, TEXTURE_STATE_COUNT } from './state-defaults.js';

const ts = (stage: number, name: number) => stage * TEXTURE_STATE_COUNT + name;
const face6 = [{ numMipLevels: 1 }, ...Array.from({ length: 5 }, () => ({ numMipLevels: 0 }))];

describe('context power-on state', () => {
  it('holds D3D9 defaults in SVGA numbering, with the host\'s smooth shading and no culling', () => {
    const c = new ContextState(0);
    expect(c.renderStates[RS.ZENABLE]).toBe(1);
    expect(c.renderStates[RS.LIGHTINGENABLE]).toBe(1);
    expect(c.renderStates[RS.SHADEMODE]).toBe(2); // SMOOTH
    expect(c.renderStates[RS.CULLMODE]).toBe(1); // SVGA3D_FACE_NONE
    expect(c.renderStates[RS.ZFUNC]).toBe(4);
    expect(c.renderStates[RS.SRCBLEND]).toBe(2);
    expect(c.renderStates[RS.DSTBLEND]).toBe(1);
    expect(c.renderStates[RS.COLORWRITEENABLE]).toBe(0xf);
    expect(c.renderStates[RS.POINTSIZEMAX]).toBe(0x42800000);
    expect(c.renderStates[RS.FOGEND]).toBe(0x3f800000);
    expect(c.renderStates[RS.ALPHAREF]).toBe(0);
    expect(c.textureStates[ts(0, TS.COLOROP)]).toBe(4);
    expect(c.textureStates[ts(0, TS.ALPHAOP)]).toBe(2);
    expect(c.textureStates[ts(1, TS.COLOROP)]).toBe(1);
    expect(c.textureStates[ts(5, TS.TEXCOORDINDEX)]).toBe(5);
    expect(c.textureStates[ts(31, TS.BIND_TEXTURE)]).toBe(0xffffffff);
    expect([...c.transformsF32.subarray(16, 32)]).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    expect(c.lights[0]).toBe(4);
    expect([...c.lightsF32.subarray(2, 6)]).toEqual([1, 1, 1, 0]);
    expect([...c.lightsF32.subarray(18, 22)]).toEqual([0, 0, 1, 0]);
    expect([...c.zRangeF32]).toEqual([0, 1]);
    expect(c.viewport).toBeUndefined();
    expect(c.boundShaders).toEqual([0xffffffff, 0xffffffff]);
  });

  it('applies the viewport clipped to the render target, or the whole target before SETVIEWPORT', () => {
    const c = new ContextState(0);
    expect(c.viewportFor(64, 32)).toEqual({ x: 0, y: 0, w: 64, h: 32 });
    c.viewport = { x: 60, y: 10, w: 0xffffffff, h: 8 };
    expect(c.viewportFor(64, 32)).toEqual({ x: 60, y: 10, w: 4, h: 8 });
    c.viewport = { x: 64, y: 0, w: 10, h: 10 };
    expect(c.viewportFor(64, 32)).toBeUndefined();
  });
});

describe('context state commands', () => {
  it('store every state family in the named context only', () => {
    const { device, list } = testDevice();
    run(device, (w) => {
      w.contextDefine({ cid: 1 }).contextDefine({ cid: 2 });
      w.setRenderState({ cid: 1, states: [{ state: RS.ZFUNC, value: 8 }, { state: 0, value: 77 }, { state: RS.FOGSTART, value: f32Bits(0.5) }] });
      w.setTextureState({ cid: 1, states: [{ stage: 3, name: TS.ADDRESSU, value: 3 }, { stage: 9, name: 0, value: 1 }] });
      w.setTransform({ cid: 1, type: 2, matrix: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16] });
      w.setZRange({ cid: 1, zRange: { min: 0.25, max: 0.75 } });
      w.setMaterial({ cid: 1, face: 4, material: { diffuse: [1, 0.5, 0.25, 1], ambient: [0, 0, 0, 1], specular: [0, 0, 0, 0], emissive: [0.125, 0, 0, 0], shininess: 8 } });
      w.setLightData({ cid: 1, index: 3, data: {
        type: 1, inWorldSpace: 1, diffuse: [10, 10, 10, 1], specular: [0, 0, 0, 0], ambient: [0, 0, 0, 0],
        position: [1, 2, 3, 1], direction: [0, 0, 1, 0], range: 1000, falloff: 0, attenuation0: 1, attenuation1: 0, attenuation2: 0, theta: 0, phi: 0,
      } });
      w.setLightEnabled({ cid: 1, index: 3, enabled: 1 });
      w.setViewport({ cid: 1, rect: { x: 10, y: 20, w: 300, h: 200 } });
      w.setScissorRect({ cid: 1, rect: { x: 1, y: 2, w: 3, h: 4 } });
      w.setClipPlane({ cid: 1, index: 5, plane: [0, 1, 0, -2] });
    });
    expect(list.items).toEqual([]);
    const c = device.contexts.peek(1)!;
    expect(c.renderStates[RS.ZFUNC]).toBe(8);
    expect(c.renderStates[RS.FOGSTART]).toBe(0x3f000000);
    expect(c.textureStates[ts(3, TS.ADDRESSU)]).toBe(3);
    expect([...c.transformsF32.subarray(32, 48)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect([...c.zRangeF32]).toEqual([0.25, 0.75]);
    expect([...c.materialsF32.subarray(0, MATERIAL_WORDS)]).toEqual([1, 0.5, 0.25, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0.125, 0, 0, 0, 8]);
    expect([...c.materialsF32.subarray(MATERIAL_WORDS)]).toEqual([...c.materialsF32.subarray(0, MATERIAL_WORDS)]);
    const light = 3 * LIGHT_WORDS;
    expect([...c.lights.subarray(light, light + 2)]).toEqual([1, 1]);
    expect([...c.lightsF32.subarray(light + 2, light + LIGHT_WORDS)]).toEqual([
      10, 10, 10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 1, 0, 0, 1, 0, 1000, 0, 1, 0, 0, 0, 0,
    ]);
    expect(c.lightEnabled[3]).toBe(1);
    expect(c.light(3).enabled).toBe(true);
    expect([c.light(3).words[0], c.light(3).floats[22]]).toEqual([1, 1000]);
    expect([...c.transform(2).subarray(12)]).toEqual([13, 14, 15, 16]);
    expect(c.material(1)[16]).toBe(8);
    expect(c.renderStateFloat(RS.FOGSTART)).toBe(0.5);
    expect(c.viewport).toEqual({ x: 10, y: 20, w: 300, h: 200 });
    expect(c.scissor).toEqual({ x: 1, y: 2, w: 3, h: 4 });
    expect([...c.clipPlanesF32.subarray(20, 24)]).toEqual([0, 1, 0, -2]);
    // Context 2 was never named: it is still exactly a fresh context.
    const fresh = new ContextState(2);
    const other = device.contexts.peek(2)!;
    expect(other.renderStates).toEqual(fresh.renderStates);
    expect(other.textureStates).toEqual(fresh.textureStates);
    expect(other.transforms).toEqual(fresh.transforms);
    expect(other.lights).toEqual(fresh.lights);
    expect(other.materials).toEqual(fresh.materials);
    expect(other.viewport).toBeUndefined();
  });

  it('redefining a context resets it', () => {
    const { device } = testDevice();
    run(device, (w) => {
      w.contextDefine({ cid: 4 }).setRenderState({ cid: 4, states: [{ state: RS.ZENABLE, value: 0 }] }).contextDefine({ cid: 4 });
    });
    expect(device.contexts.peek(4)!.renderStates[RS.ZENABLE]).toBe(1);
  });

  it('reports bad ids, indices and enums at the command offset and changes nothing', () => {
    const { device, list } = testDevice();
    const offsets: number[] = [];
    run(device, (w) => {
      w.contextDefine({ cid: 1 });
      surface(w, 9, 16, 16);
      const at = () => offsets.push(w.byteLength);
      at(); w.contextDefine({ cid: 256 });
      at(); w.setRenderState({ cid: 5, states: [{ state: RS.ZENABLE, value: 0 }] });
      at(); w.setRenderState({ cid: 1, states: [{ state: 100, value: 1 }, { state: RS.ZENABLE, value: 0 }] });
      at(); w.setTextureState({ cid: 1, states: [{ stage: 32, name: TS.COLOROP, value: 2 }] });
      at(); w.setTextureState({ cid: 1, states: [{ stage: 0, name: 33, value: 2 }] });
      at(); w.setTextureState({ cid: 1, states: [{ stage: 0, name: TS.BIND_TEXTURE, value: 12 }] });
      at(); w.setTransform({ cid: 1, type: 15, matrix: new Array(16).fill(7) });
      at(); w.setTransform({ cid: 1, type: 0, matrix: new Array(16).fill(7) });
      at(); w.setMaterial({ cid: 1, face: 1, material: { diffuse: [9, 9, 9, 9], ambient: [0, 0, 0, 0], specular: [0, 0, 0, 0], emissive: [0, 0, 0, 0], shininess: 0 } });
      at(); w.setLightEnabled({ cid: 1, index: 32, enabled: 1 });
      at(); w.setClipPlane({ cid: 1, index: 6, plane: [1, 1, 1, 1] });
      at(); w.setRenderTarget({ cid: 1, type: 6, target: { sid: 9, face: 0, mipmap: 0 } });
      at(); w.setRenderTarget({ cid: 1, type: 2, target: { sid: 10, face: 0, mipmap: 0 } });
      at(); w.setRenderTarget({ cid: 1, type: 2, target: { sid: 9, face: 0, mipmap: 1 } });
    }, 7);
    const expected = [3401, 3402, 3410, 3411, 3412, 3413, 3414, 3414, 3415, 3416, 3417, 3418, 3419, 3419];
    expect(where(list.items)).toEqual(expected.map((code, i) => `${code}@${offsets[i]} ${list.items[i]?.command}`));
    expect(list.items.every((d) => d.record === 7 && d.severity === 'error')).toBe(true);
    expect(list.items.map((d) => d.command)).toEqual([
      'CONTEXT_DEFINE', 'SETRENDERSTATE', 'SETRENDERSTATE', 'SETTEXTURESTATE', 'SETTEXTURESTATE', 'SETTEXTURESTATE',
      'SETTRANSFORM', 'SETTRANSFORM', 'SETMATERIAL', 'SETLIGHTENABLED', 'SETCLIPPLANE', 'SETRENDERTARGET',
      'SETRENDERTARGET', 'SETRENDERTARGET',
    ]);
    const c = device.contexts.peek(1)!;
    const fresh = new ContextState(1);
    // The one valid entry after the bad one in the same SETRENDERSTATE did apply.
    expect(c.renderStates[RS.ZENABLE]).toBe(0);
    fresh.renderStates[RS.ZENABLE] = 0;
    expect(c.renderStates).toEqual(fresh.renderStates);
    expect(c.textureStates).toEqual(fresh.textureStates);
    expect(c.transforms).toEqual(fresh.transforms);
    expect(c.materials).toEqual(fresh.materials);
    expect(c.lightEnabled).toEqual(fresh.lightEnabled);
    expect(c.clipPlanes).toEqual(fresh.clipPlanes);
    expect(c.renderTargets).toEqual(fresh.renderTargets);
    expect(device.contexts.peek(256)).toBeUndefined();
  });

  it('binds render targets by (sid, face, mip) and unbinds with SVGA3D_INVALID_ID', () => {
    const { device, list } = testDevice();
    run(device, (w) => {
      w.contextDefine({ cid: 0 });
      w.surfaceDefine({ sid: 3, surfaceFlags: 0, format: 2, face: [{ numMipLevels: 2 }, ...face6.slice(1)], sizes: [{ width: 8, height: 8, depth: 1 }, { width: 4, height: 4, depth: 1 }] });
      w.setRenderTarget({ cid: 0, type: 2, target: { sid: 3, face: 0, mipmap: 1 } });
      w.setRenderTarget({ cid: 0, type: 0, target: { sid: 3, face: 0, mipmap: 0 } });
      w.setRenderTarget({ cid: 0, type: 0, target: { sid: 0xffffffff, face: 0, mipmap: 0 } });
    });
    expect(list.items).toEqual([]);
    const c = device.contexts.peek(0)!;
    expect(c.renderTargets[2]).toEqual({ sid: 3, face: 0, mip: 1 });
    expect(c.renderTargets[0]).toBeUndefined();
  });

  it('a destroyed surface is unbound from render targets and textures of every context', () => {
    const { device } = testDevice();
    run(device, (w) => {
      w.contextDefine({ cid: 1 }).contextDefine({ cid: 2 });
      surface(w, 7, 4, 4);
      surface(w, 8, 4, 4);
      w.setRenderTarget({ cid: 1, type: 2, target: { sid: 7, face: 0, mipmap: 0 } });
      w.setRenderTarget({ cid: 1, type: 3, target: { sid: 8, face: 0, mipmap: 0 } });
      w.setTextureState({ cid: 2, states: [{ stage: 2, name: TS.BIND_TEXTURE, value: 7 }, { stage: 3, name: TS.BIND_TEXTURE, value: 8 }] });
      w.surfaceDestroy({ sid: 7 });
    });
    const c1 = device.contexts.peek(1)!;
    const c2 = device.contexts.peek(2)!;
    expect(c1.renderTargets[2]).toBeUndefined();
    expect(c1.renderTargets[3]).toEqual({ sid: 8, face: 0, mip: 0 });
    expect(c2.textureStates[ts(2, TS.BIND_TEXTURE)]).toBe(0xffffffff);
    expect(c2.textureStates[ts(3, TS.BIND_TEXTURE)]).toBe(8);
    // Redefinition destroys the old surface too.
    run(device, (w) => surface(w, 8, 2, 2));
    expect(c1.renderTargets[3]).toBeUndefined();
    expect(c2.textureStates[ts(3, TS.BIND_TEXTURE)]).toBe(0xffffffff);
  });
});

describe('DRAW_PRIMITIVES without a draw backend', () => {
  const decl = (surfaceId: number) => ({
    identity: { type: 2, method: 0, usage: 0, usageIndex: 0 },
    array: { surfaceId, offset: 0, stride: 12 },
    rangeHint: { first: 0, last: 0 },
  });
  const range = (over: Partial<{ primType: number; surfaceId: number; indexWidth: number }> = {}) => ({
    primType: over.primType ?? 1,
    primitiveCount: 1,
    indexArray: { surfaceId: over.surfaceId ?? 0xffffffff, offset: 0, stride: over.indexWidth ?? 2 },
    indexWidth: over.indexWidth ?? 2,
    indexBias: 0,
  });

  it('without a draw backend gives one info per valid draw, and an error per invalid one', () => {
    const { device, list } = testDevice({ drawBackend: null });
    const offsets: number[] = [];
    run(device, (w) => {
      w.contextDefine({ cid: 1 });
      w.surfaceDefine({ sid: 5, surfaceFlags: 0, format: 37, face: face6, sizes: [{ width: 36, height: 1, depth: 1 }] });
      offsets.push(w.byteLength);
      w.drawPrimitives({ cid: 1, decls: [decl(5)], ranges: [range(), range({ surfaceId: 5, indexWidth: 4 })] });
      offsets.push(w.byteLength);
      w.drawPrimitives({ cid: 1, decls: [decl(6)], ranges: [range({ primType: 0 }), range({ surfaceId: 5, indexWidth: 3 })] });
      offsets.push(w.byteLength);
      w.drawPrimitives({ cid: 2, decls: [decl(5)], ranges: [range()] });
    });
    expect(where(list.items)).toEqual([
      `3451@${offsets[0]} DRAW_PRIMITIVES`,
      `3450@${offsets[1]} DRAW_PRIMITIVES`,
      `3402@${offsets[2]} DRAW_PRIMITIVES`,
    ]);
    expect(list.items[0]).toMatchObject({ severity: 'info', message: 'DRAW_PRIMITIVES not rendered (no draw backend)' });
    expect(list.items[1]?.message).toBe(
      'decl 0: vertex surface 6 is not defined; range 0: primitive type 0 is not an SVGA3dPrimitiveType; range 1: index width 3 is not 2 or 4',
    );
  });

  it('hands valid draws to the backend, which can count occlusion samples', () => {
    const seen: number[] = [];
    const { device, list } = testDevice({
      drawBackend: {
        draw(context, cmd) {
          seen.push(context.cid, cmd.ranges.length);
          context.recordSamplesPassed(5);
        },
      },
    });
    run(device, (w) => {
      w.contextDefine({ cid: 3 });
      w.surfaceDefine({ sid: 5, surfaceFlags: 0, format: 37, face: face6, sizes: [{ width: 36, height: 1, depth: 1 }] });
      w.beginQuery({ cid: 3, type: 0 });
      w.drawPrimitives({ cid: 3, decls: [decl(5)], ranges: [range()] });
      w.drawPrimitives({ cid: 3, decls: [decl(5)], ranges: [range(), range()] });
    });
    expect(list.items).toEqual([]);
    expect(seen).toEqual([3, 1, 3, 2]);
    expect(device.contexts.peek(3)!.occlusionSamples).toBe(10);
    device.setDrawBackend(undefined);
    run(device, (w) => w.drawPrimitives({ cid: 3, decls: [decl(5)], ranges: [range()] }));
    expect(list.items.map((d) => d.code)).toEqual([3451]);
  });
});

describe('context budget', () => {
  it('holds at most 256 contexts: ids 256 and above are refused', () => {
    const { device, list } = testDevice();
    run(device, (w) => {
      for (let cid = 0; cid < 300; cid++) w.contextDefine({ cid });
    });
    expect(device.contexts.size).toBe(256);
    expect(list.items.length).toBe(44);
    expect(list.items.every((d) => d.code === 3401)).toBe(true);
    run(device, (w) => w.contextDestroy({ cid: 255 }).contextDestroy({ cid: 255 }));
    expect(device.contexts.size).toBe(255);
    expect(list.items.map((d) => d.code).slice(44)).toEqual([3402]);
  });
});

describe('command stream bookkeeping', () => {
  it('counts executed commands by name', () => {
    const { device } = testDevice();
    run(device, (w) => w.contextDefine({ cid: 1 }).contextDefine({ cid: 2 }).fence(3).invalidCmd());
    expect([...device.commandCounts()]).toEqual([['CONTEXT_DEFINE', 2], ['FENCE', 1], ['INVALID_CMD', 1]]);
    expect(new CommandWriter().byteLength).toBe(0);
  });
});
