import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandWriter } from '../svga3d-decoder/index.js';
import type { ContextState } from './contexts/context-state.js';
import { testDevice } from './device-test-support.js';
import { FifoReg } from './fifo/fifo-registers.js';
import { MIN_RING_START } from './fifo/fifo-ring.js';
import { SvgaReg } from './svga-registers.js';
import type { SvgaDevice } from './svga-device.js';

type Op = (w: CommandWriter) => void;

const TRUNCATION = new Set([2001, 2002, 2010]);

/** Context ids the random stream may name: anything but 2, the bystander. */
const cid = fc.oneof(
  { arbitrary: fc.constant(1), weight: 6 },
  fc.constant(3),
  fc.integer({ min: 4, max: 300 }),
  fc.constant(0xffffffff),
);
/** Surface ids the stream may touch: never 100, which the bystander has bound. */
const sid = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constant(0xffffffff), fc.integer({ min: 101, max: 40000 }));
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const small = (max: number) => fc.integer({ min: 0, max });
const f32 = fc.float();
const vec4 = fc.tuple(f32, f32, f32, f32);
const face6 = (mips: number) => [{ numMipLevels: mips }, ...Array.from({ length: 5 }, () => ({ numMipLevels: 0 }))];

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ cid, states: fc.array(fc.record({ state: fc.oneof(small(110), u32), value: u32 }), { maxLength: 4 }) })
    .map((b) => (w: CommandWriter) => void w.setRenderState(b)),
  fc.record({ cid, states: fc.array(fc.record({ stage: small(40), name: small(40), value: fc.oneof(u32, sid) }), { maxLength: 4 }) })
    .map((b) => (w: CommandWriter) => void w.setTextureState(b)),
  fc.record({ cid, type: small(20), matrix: fc.array(f32, { minLength: 16, maxLength: 16 }) })
    .map((b) => (w: CommandWriter) => void w.setTransform(b)),
  fc.record({ cid, index: small(40), enabled: u32 }).map((b) => (w: CommandWriter) => void w.setLightEnabled(b)),
  fc.record({ cid, index: small(10), plane: vec4 }).map((b) => (w: CommandWriter) => void w.setClipPlane(b)),
  fc.record({ cid, rect: fc.record({ x: u32, y: u32, w: u32, h: u32 }) }).map((b) => (w: CommandWriter) => void w.setViewport(b)),
  fc.record({ cid, type: small(12), target: fc.record({ sid, face: small(2), mipmap: small(2) }) })
    .map((b) => (w: CommandWriter) => void w.setRenderTarget(b)),
  fc.record({ cid, shid: fc.oneof(small(8), u32), type: small(3), words: fc.array(u32, { maxLength: 12 }) })
    .map(({ words, ...b }) => (w: CommandWriter) => {
      const bytecode = new Uint8Array(new Uint32Array(words.length ? [b.type === 1 ? 0xfffe0200 : 0xffff0200, ...words.slice(1), 0xffff] : []).buffer);
      w.shaderDefine({ ...b, bytecode });
    }),
  fc.record({ cid, type: small(3), shid: fc.oneof(small(8), fc.constant(0xffffffff)) }).map((b) => (w: CommandWriter) => void w.setShader(b)),
  fc.record({ cid, shid: small(8), type: small(3) }).map((b) => (w: CommandWriter) => void w.shaderDestroy(b)),
  fc.record({ cid, reg: fc.oneof(small(300), u32), type: small(3), ctype: small(4), values: fc.array(fc.tuple(u32, u32, u32, u32), { minLength: 1, maxLength: 3 }) })
    .map((b) => (w: CommandWriter) => void w.setShaderConst(b)),
  fc.record({ cid, clearFlag: small(31), color: u32, depth: f32, stencil: u32, rects: fc.array(fc.record({ x: u32, y: u32, w: u32, h: u32 }), { maxLength: 2 }) })
    .map((b) => (w: CommandWriter) => void w.clear(b)),
  fc.record({ cid, type: small(2) }).map((b) => (w: CommandWriter) => void w.beginQuery(b)),
  fc.record({ cid, type: small(2), guestResult: fc.record({ gmrId: fc.oneof(small(3), u32), offset: u32 }) })
    .map((b) => (w: CommandWriter) => void w.endQuery(b)),
  fc.record({ cid, decls: fc.array(fc.record({
    identity: fc.record({ type: small(20), method: small(8), usage: small(15), usageIndex: small(2) }),
    array: fc.record({ surfaceId: sid, offset: u32, stride: u32 }),
    rangeHint: fc.record({ first: u32, last: u32 }),
  }), { minLength: 1, maxLength: 2 }), ranges: fc.array(fc.record({
    primType: small(8), primitiveCount: u32,
    indexArray: fc.record({ surfaceId: sid, offset: u32, stride: u32 }), indexWidth: small(5), indexBias: fc.integer(),
  }), { minLength: 1, maxLength: 2 }) }).map((b) => (w: CommandWriter) => void w.drawPrimitives(b)),
  fc.record({ sid, format: fc.oneof(fc.constant(1), fc.constant(8), small(150)), w: small(9), h: small(9) })
    .map(({ sid: s, format, w: width, h: height }) => (w: CommandWriter) =>
      void w.surfaceDefine({ sid: s, surfaceFlags: 0, format, face: face6(1), sizes: [{ width, height, depth: 1 }] })),
  sid.map((s) => (w: CommandWriter) => void w.surfaceDestroy({ sid: s })),
  cid.map((c) => (w: CommandWriter) => void w.contextDefine({ cid: c })),
  cid.map((c) => (w: CommandWriter) => void w.contextDestroy({ cid: c })),
  u32.map((v) => (w: CommandWriter) => void w.fence(v)),
  fc.record({ gmrId: small(70), numPages: fc.oneof(small(4), u32) }).map((b) => (w: CommandWriter) => void w.defineGmr2(b)),
  fc.array(u32, { minLength: 1, maxLength: 6 }).map((words) => (w: CommandWriter) => void w.raw([1040 + (words[0] ?? 0) % 45, ...words.slice(1)])),
);

function snapshot(c: ContextState): unknown {
  return JSON.stringify({
    rs: [...c.renderStates], ts: [...c.textureStates], tf: [...c.transforms], m: [...c.materials], l: [...c.lights],
    le: [...c.lightEnabled], cp: [...c.clipPlanes], vp: c.viewport ?? null, z: [...c.zRange], sc: c.scissor ?? null,
    rt: c.renderTargets.map((b) => b ?? null), sh: c.shaders.map((m) => [...m.keys()]), bs: c.boundShaders,
    k: c.constants.map((b) => [[...b.float], [...b.int], [...b.bool]]),
    q: [c.occlusionActive, c.occlusionSamples, [...c.endedQueries]],
  });
}

/** Context 2 with some state of its own and surface 100 bound as its colour target. */
function bystander(device: SvgaDevice): void {
  const w = new CommandWriter();
  w.contextDefine({ cid: 2 });
  w.surfaceDefine({ sid: 100, surfaceFlags: 0, format: 1, face: face6(1), sizes: [{ width: 4, height: 4, depth: 1 }] });
  w.setRenderTarget({ cid: 2, type: 2, target: { sid: 100, face: 0, mipmap: 0 } });
  w.setRenderState({ cid: 2, states: [{ state: 36, value: 8 }] });
  w.shaderDefine({ cid: 2, shid: 1, type: 1, bytecode: new Uint8Array(new Uint32Array([0xfffe0200, 0xffff]).buffer) });
  w.setShader({ cid: 2, type: 1, shid: 1 });
  w.setShaderConst({ cid: 2, reg: 3, type: 1, ctype: 0, values: [[1, 2, 3, 4]] });
  w.contextDefine({ cid: 1 });
  device.executeFifo(w.finish(), { record: 0, fileOffset: 0 });
}

describe('random command streams', () => {
  it('never fail inside an executor and never touch a context they do not name', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const { device, list } = testDevice({ vramBytes: 1024 * 1024 });
        bystander(device);
        const before = snapshot(device.contexts.peek(2)!);
        const w = new CommandWriter();
        for (const o of ops) o(w);
        device.executeFifo(w.finish(), { record: 1, fileOffset: 0 });
        expect(list.items.filter((d) => d.code === 3021)).toEqual([]);
        expect(snapshot(device.contexts.peek(2)!)).toBe(before);
        expect(device.surfaces.get(100)?.image(0, 0)?.bytes.every((b) => b === 0)).toBe(true);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('run the same way from a trace record and from the FIFO ring', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 2000 }), (ops, start) => {
        const w = new CommandWriter();
        for (const o of ops) o(w);
        const bytes = w.finish();
        fc.pre(bytes.length < 9000);
        const a = testDevice({ vramBytes: 1024 * 1024 });
        a.device.executeFifo(bytes, { record: 0, fileOffset: 0 });
        const b = testDevice({ vramBytes: 1024 * 1024 });
        const min = MIN_RING_START;
        const max = min + 10240;
        const f = b.device.fifoMemory;
        const stop = min + 4 * start;
        f[FifoReg.MIN] = min;
        f[FifoReg.MAX] = max;
        f[FifoReg.STOP] = stop;
        const mem = new Uint8Array(f.buffer);
        for (let i = 0; i < bytes.length; i++) mem[min + ((stop - min + i) % (max - min))] = bytes[i] ?? 0;
        f[FifoReg.NEXT_CMD] = min + ((stop - min + bytes.length) % (max - min));
        b.device.writeRegister(SvgaReg.CONFIG_DONE, 1);
        b.device.processFifo();
        // A command cut off at the end is final in a trace record, but in the ring it may still
        // be completed: the ring leaves it unconsumed and says nothing yet, unless it announces
        // more bytes than the ring can hold (then it is garbage there too).
        const key = (d: { code: number; command?: string }) => `${d.code} ${d.command ?? ''}`;
        const cutInA = a.list.items.filter((d) => TRUNCATION.has(d.code)).length;
        const cutInB = b.list.items.filter((d) => TRUNCATION.has(d.code)).length;
        expect(cutInB).toBeLessThanOrEqual(cutInA);
        expect(f[FifoReg.STOP] === f[FifoReg.NEXT_CMD]).toBe(cutInB === cutInA);
        const expected = cutInB === cutInA ? a.list.items : a.list.items.filter((d) => !TRUNCATION.has(d.code));
        expect(b.list.items.map(key)).toEqual(expected.map(key));
        expect([...b.device.commandCounts()]).toEqual([...a.device.commandCounts()]);
        for (const c of a.device.contexts.all()) expect(snapshot(b.device.contexts.peek(c.cid)!)).toBe(snapshot(c));
        expect(b.device.lastFence).toBe(a.device.lastFence);
      }),
      { seed: 42, numRuns: 60 },
    );
  });
});
