/**
 * Structure-aware fuzzing of the whole device (security.md §4.1, layers 1, 2 and 4): streams of
 * valid-ish commands from the codec's table, with ids folded onto a small live pool plus values
 * at the limits, sizes and boxes drawn from boundary values, raw byte mutations, interleaved with
 * register writes and guest-memory writes, replayed as traces on a fresh `SvgaDevice` with the
 * pipeline's draw backend.
 *
 * Properties: nothing throws (no E_REPLAY_DEVICE_FAULT, no E_INTERNAL), every diagnostic is
 * located, the replay is deterministic, and (row 39) context 1 with its surfaces 7 and 20, set
 * up and drawn by a fixed prologue, is hash-identical at the end whenever the decoded stream does
 * not name them (the generator never does; byte damage occasionally forges one).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/common/diagnostics.js';
import { arbCommand } from '../../src/svga3d-decoder/command-arbitraries.js';
import { COMMAND_SPECS_BY_NAME, CommandWriter, decodeFifo, type SvgaCommandInput } from '../../src/svga3d-decoder/index.js';
import { contextHash, replay, surfaceHash, Trace } from './harness.js';
import { CID, drawSetup, drawTriangle, gmrSetup, RT, shader, VB } from './scene.js';

/** What the prologue owns: the stream must never name these. */
const VICTIM_SURFACES = [RT, VB];
/** Surface ids the stream uses: a live pool, ids at the limits, sentinels. */
const SIDS = [0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 16383, 16384, 32767, 32768, 0xfffffffe, 0xffffffff];
/** Context ids: others than 1, the limit, the sentinel. */
const CIDS = [0, 2, 3, 2, 3, 255, 256, 0xffffffff];
/** Boundary values for sizes, offsets, counts and indices. */
const BOUNDARY = [0, 1, 2, 3, 4, 7, 8, 15, 16, 17, 31, 32, 33, 255, 256, 4095, 4096, 8191, 8192, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];
const ID_KEYS = new Set(['sid', 'surfaceId']);

/** Folds a u32 into a small value most of the time, a boundary value often, itself sometimes. */
function fold(v: number): number {
  switch (v % 4) {
    case 0:
      return v;
    case 1:
    case 2:
      return (v >>> 2) % 17;
    default:
      return BOUNDARY[(v >>> 2) % BOUNDARY.length]!;
  }
}

/** Rewrites a decoded-shape body: ids onto the pools, other integers folded. */
function mutate(value: unknown, key: string, parent: Record<string, unknown> | undefined): unknown {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return value;
    const u = value >>> 0;
    if (key === 'cid') return CIDS[u % CIDS.length];
    if (ID_KEYS.has(key)) return SIDS[u % SIDS.length];
    // SETTEXTURESTATE BIND_TEXTURE (name 1) names a surface in its value.
    if (key === 'value' && parent?.['name'] === 1) return SIDS[u % SIDS.length];
    if (key === 'gmrId') return [1, 2, 3, 0xfffffffe, 0xffffffff, 63, 64][u % 7];
    return value < 0 ? value : fold(u);
  }
  if (Array.isArray(value)) return value.map((v) => mutate(v, key, parent));
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  const o = value as Record<string, unknown>;
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, mutate(v, k, o)]));
}

/** Mutated codec commands; those the encoder cannot express after mutation are dropped. */
const codecCommand = arbCommand.map(({ name, body }) => ({ name, body: mutate(body, '', undefined) }));

const small = (max: number) => fc.integer({ min: 0, max });
const poolSid = fc.constantFrom(...SIDS.slice(0, 12));
const poolCid = fc.constantFrom(0, 2, 3);
const face6 = (n: number) => [{ numMipLevels: n }, ...Array.from({ length: 5 }, () => ({ numMipLevels: 0 }))];

/** Deeper commands: surfaces that define, DMAs and draws over live ids, shaders that validate. */
const deepCommand: fc.Arbitrary<(w: CommandWriter) => void> = fc.oneof(
  fc.record({ sid: poolSid, format: fc.constantFrom(1, 2, 8, 9, 15, 25, 34, 37), w: fc.integer({ min: 1, max: 16 }), h: fc.integer({ min: 1, max: 8 }) })
    .map((b) => (w: CommandWriter) => void w.surfaceDefine({ sid: b.sid, surfaceFlags: 0, format: b.format, face: face6(1), sizes: [{ width: b.w, height: b.h, depth: 1 }] })),
  poolCid.map((cid) => (w: CommandWriter) => void w.contextDefine({ cid })),
  fc.record({ cid: poolCid, sid: poolSid }).map((b) => (w: CommandWriter) => void w.setRenderTarget({ cid: b.cid, type: 2, target: { sid: b.sid, face: 0, mipmap: 0 } })),
  fc.record({ sid: poolSid, gmrId: fc.constantFrom(1, 0xfffffffe, 9), transfer: fc.constantFrom(1, 2), x: small(20), w: fc.integer({ min: 0, max: 20 }), h: small(9), offset: fc.oneof(small(64), fc.constantFrom(8188, 8192, 0xfffffffc)), pitch: fc.oneof(fc.constant(0), small(80), fc.constant(0x7fffffff)) })
    .map((b) => (w: CommandWriter) => void w.surfaceDma({
      guest: { ptr: { gmrId: b.gmrId, offset: b.offset }, pitch: b.pitch }, host: { sid: b.sid, face: 0, mipmap: 0 }, transfer: b.transfer,
      boxes: [{ x: b.x, y: 0, z: 0, w: b.w, h: b.h, d: 1, srcx: 0, srcy: 0, srcz: 0 }],
    })),
  fc.record({ src: poolSid, dst: poolSid, x: small(20), w: fc.oneof(small(20), fc.constant(0xffffffff)) })
    .map((b) => (w: CommandWriter) => void w.surfaceCopy({ src: { sid: b.src, face: 0, mipmap: 0 }, dest: { sid: b.dst, face: 0, mipmap: 0 }, boxes: [{ x: b.x, y: 0, z: 0, w: b.w, h: b.w, d: 1, srcx: 1, srcy: 0, srcz: 0 }] })),
  fc.record({ cid: poolCid, vb: poolSid, offset: fc.oneof(small(64), fc.constant(0xfffffffc)), stride: fc.constantFrom(0, 16, 20, 64), count: fc.oneof(small(4), fc.constant(0xffffffff)), type: fc.constantFrom(1, 2, 4), bias: fc.oneof(small(3), fc.constant(-0x80000000)) })
    .map((b) => (w: CommandWriter) => void w.drawPrimitives({
      cid: b.cid,
      decls: [{ identity: { type: 3, method: 0, usage: 9, usageIndex: 0 }, array: { surfaceId: b.vb, offset: b.offset, stride: b.stride }, rangeHint: { first: 0, last: 0 } }],
      ranges: [{ primType: b.type, primitiveCount: b.count, indexArray: { surfaceId: 0xffffffff, offset: 0, stride: 0 }, indexWidth: 0, indexBias: b.bias }],
    })),
  fc.record({ cid: poolCid, type: fc.constantFrom(1, 2) }).map((b) => (w: CommandWriter) => {
    w.shaderDefine({ cid: b.cid, shid: 1, type: b.type, bytecode: b.type === 1 ? VS : PS });
    w.setShader({ cid: b.cid, type: b.type, shid: 1 });
  }),
  fc.record({ cid: poolCid, color: fc.integer({ min: 0, max: 0xffffffff }) }).map((b) => (w: CommandWriter) => void w.clear({ cid: b.cid, clearFlag: 1, color: b.color, depth: 1, stencil: 0, rects: [] })),
);
const VS = shader('vs_2_0\ndcl_position v0\nmova a0.x, v0.x\nmov oD0, c[a0.x]\nmov oPos, v0');
const PS = shader('ps_2_0\ndcl v0\nmov oC0, v0');

/** Raw byte damage of one encoded command (layer 4): a word overwritten or the tail cut. */
const damage = fc.record({ at: fc.nat(), value: fc.constantFrom(0, 3, 0xffffffff, 0x7fffffff, 1044, 1063), cut: fc.boolean() });

type Op =
  | { kind: 'fifo'; commands: { cmd: { name: string; body: unknown } | ((w: CommandWriter) => void); damage: { at: number; value: number; cut: boolean } | null }[] }
  | { kind: 'reg'; index: number; value: number }
  | { kind: 'guest'; address: number; bytes: Uint8Array };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('fifo' as const), commands: fc.array(fc.record({ cmd: fc.oneof(codecCommand, deepCommand), damage: fc.option(damage, { freq: 4 }) }), { minLength: 1, maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reg' as const), index: fc.oneof(fc.constantFrom(0, 1, 2, 3, 4, 5, 7, 20, 21, 24, 41, 42, 43, 44), small(200)), value: fc.oneof(small(0x300), fc.integer({ min: 0, max: 0xffffffff })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('guest' as const), address: fc.oneof(fc.integer({ min: 0x100000, max: 0x102000 }), fc.constantFrom(0, 0x200000, 2 ** 44 - 4)), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }) },
);

function encode(cmd: { name: string; body: unknown } | ((w: CommandWriter) => void)): Uint8Array | undefined {
  const w = new CommandWriter();
  if (typeof cmd === 'function') cmd(w);
  else {
    if (!COMMAND_SPECS_BY_NAME.has(cmd.name as never)) return undefined;
    try {
      w.command(cmd.name as SvgaCommandInput['name'], cmd.body as never);
    } catch {
      return undefined; // a mutation the encoder refuses (a mask length that no longer fits)
    }
  }
  return w.finish();
}

/** The prologue: GMR 1, context 1 drawing its triangle into surface 7 from surface 20. */
function prologue(t: Trace): void {
  gmrSetup(t);
  drawSetup(t);
  t.fifo((w) => drawTriangle(w));
}

/**
 * Whether a decoded body names a victim: byte damage can forge any field (a 3D header whose size
 * swallows the next command turns its words into ids), so the isolation check looks at what the
 * device will decode, not at what the generator meant.
 */
function namesVictim(value: unknown, key = '', parent?: Record<string, unknown>): boolean {
  if (typeof value === 'number') {
    if (key === 'cid') return value === CID;
    if (ID_KEYS.has(key) || (key === 'value' && parent?.['name'] === 1)) return VICTIM_SURFACES.includes(value);
    return false;
  }
  if (Array.isArray(value)) return value.some((v) => namesVictim(v, key, parent));
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return false;
  const o = value as Record<string, unknown>;
  return Object.entries(o).some(([k, v]) => namesVictim(v, k, o));
}

function buildTrace(ops: Op[]): { trace: Uint8Array; namesVictims: boolean } {
  let named = false;
  const t = new Trace();
  prologue(t);
  for (const o of ops) {
    if (o.kind === 'reg') t.regWrite(o.index, o.value);
    else if (o.kind === 'guest') t.guestWrite(o.address, o.bytes);
    else {
      const parts: Uint8Array[] = [];
      for (const c of o.commands) {
        let bytes = encode(c.cmd);
        if (!bytes) continue;
        if (c.damage && bytes.length >= 4) {
          const words = bytes.length / 4;
          bytes = c.damage.cut ? bytes.slice(0, 4 * (c.damage.at % words)) : bytes.slice();
          if (!c.damage.cut) new DataView(bytes.buffer).setUint32(4 * (c.damage.at % words), c.damage.value, true);
        }
        parts.push(bytes);
      }
      const w = new CommandWriter();
      parts.forEach((p) => w.rawBytes(p));
      const bytes = w.finish();
      named ||= decodeFifo(bytes).commands.some((c) => namesVictim(c.body));
      t.fifo((c) => c.rawBytes(bytes));
    }
  }
  return { trace: t.finish(), namesVictims: named };
}

function victims(r: ReturnType<typeof replay>): (string | undefined)[] {
  return [contextHash(r.device, CID), ...VICTIM_SURFACES.map((sid) => surfaceHash(r.device, sid))];
}

describe('whole-device fuzzing', () => {
  const base = (() => {
    const t = new Trace();
    prologue(t);
    const r = replay(t.finish());
    return { hashes: victims(r), diagnostics: r.diagnostics.filter((d) => d.severity !== 'info').map(formatDiagnostic) };
  })();

  it('the prologue draws cleanly', () => {
    expect(base.diagnostics).toEqual([]);
    expect(base.hashes.every((h) => h !== undefined)).toBe(true);
  });

  it('row 39: mutated command streams with register and guest writes never fault, replay identically, and leave context 1 and surfaces 7, 20 untouched', () => {
    let isolationChecked = 0;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 24 }), (ops) => {
        const { trace, namesVictims } = buildTrace(ops);
        const a = replay(trace);
        const faults = a.diagnostics.filter((d) => d.code === 1104 || d.code === 3021).map(formatDiagnostic);
        expect(faults).toEqual([]);
        for (const d of a.diagnostics) expect([formatDiagnostic(d), typeof d.record, typeof d.offset]).toEqual([formatDiagnostic(d), 'number', 'number']);
        if (!namesVictims) {
          expect(victims(a)).toEqual(base.hashes);
          isolationChecked++;
        }
        const b = replay(trace);
        expect(b.diagnostics.map(formatDiagnostic)).toEqual(a.diagnostics.map(formatDiagnostic));
        expect(victims(b)).toEqual(victims(a));
      }),
      { seed: 42, numRuns: 120 },
    );
    // Byte damage rarely forges a victim id; nearly every run checks isolation.
    expect(isolationChecked).toBeGreaterThan(110);
  });
});
