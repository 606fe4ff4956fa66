/**
 * The harness of the hostile-input checklist (docs/security.md): hostile traces built with
 * `TraceWriter` + `CommandWriter`, replayed through `replayTrace` on a whole `SvgaDevice` (shader
 * validator and the pipeline's draw backend installed), and a hash of every piece of
 * guest-visible device state, so a test can say exactly what a command changed.
 *
 * The one check every row shares is {@link expectSkipped}: with a clean setup S, a hostile part H
 * and a valid follow-up F, replaying S·H must leave the state of S (H had no effect), S·H·F must
 * equal S·F (replay went on and F ran as if H never was), and F must change something (so the
 * last equality means something).
 */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/common/diagnostics.js';
import type { Rgba8Image } from '../../src/common/image.js';
import { GUEST_PAGE_SIZE, SparseGuestMemory, SvgaDevice, type GuestPhysicalMemory, type SvgaDeviceOptions } from '../../src/device/index.js';
import { createDrawBackend } from '../../src/pipeline/index.js';
import { replayTrace, type ReplaySummary } from '../../src/replay/replay-trace.js';
import { validateSvgaShader } from '../../src/replay/svga-device-factory.js';
import { CommandWriter } from '../../src/svga3d-decoder/index.js';
import { paddingAfter, RECORD_HEADER_BYTES, TRACE_HEADER_BYTES, TraceWriter } from '../../src/trace/index.js';

/** VRAM of every checklist trace (small, so hashing all of it is cheap). */
export const VRAM_BYTES = 1024 * 1024;
/** Surface ids the state hash looks at: the whole id space the device accepts. */
const SURFACE_ID_LIMIT = 32768;

/**
 * The device's own sparse guest memory (same paging, same all-or-nothing budget), which also
 * remembers the pages written so it can hash them. A page of zeros hashes like a page never
 * written: the guest cannot tell them apart.
 */
export class HashedGuestMemory implements GuestPhysicalMemory {
  private readonly memory: SparseGuestMemory;
  private readonly written = new Set<number>();
  constructor(maxPages = 65536) {
    this.memory = new SparseGuestMemory({ maxPages });
  }

  get size(): number {
    return this.memory.size;
  }

  read(address: number, dst: Uint8Array): boolean {
    return this.memory.read(address, dst);
  }

  write(address: number, src: Uint8Array): boolean {
    if (!this.memory.write(address, src)) return false;
    const last = Math.floor((address + src.length - 1) / GUEST_PAGE_SIZE);
    for (let p = Math.floor(address / GUEST_PAGE_SIZE); p <= last; p++) this.written.add(p);
    return true;
  }

  /** One hash per non-zero page, keyed `guest page N`. */
  hashes(into: Map<string, string>): void {
    const data = new Uint8Array(GUEST_PAGE_SIZE);
    for (const page of [...this.written].sort((a, b) => a - b)) {
      this.memory.read(page * GUEST_PAGE_SIZE, data);
      if (data.some((b) => b !== 0)) into.set(`guest page ${page}`, sha(data));
    }
  }
}

function sha(...parts: (Uint8Array | string)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
}

function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/**
 * Every piece of guest-visible state, one hash per object: `surface N` (definition and the bytes
 * of every image), `context N` (every state array, bindings, shader bytecode, constants,
 * queries), `gmr N` (page list), `guest page N`, `vram`, `screen N`, `fence`.
 */
export function stateHashes(device: SvgaDevice, memory: HashedGuestMemory): Map<string, string> {
  const out = new Map<string, string>();
  for (let sid = 0; sid < SURFACE_ID_LIMIT; sid++) {
    const hash = surfaceHash(device, sid);
    if (hash !== undefined) out.set(`surface ${sid}`, hash);
  }
  for (const c of device.contexts.all()) out.set(`context ${c.cid}`, contextHash(device, c.cid)!);
  for (let id = 0; id < device.gmrs.limits.maxIds; id++) {
    const pages = device.gmrs.pages(id);
    if (pages) out.set(`gmr ${id}`, sha(bytesOf(pages)));
  }
  memory.hashes(out);
  out.set('vram', sha(device.vram));
  for (let id = 0; id < 16; id++) {
    const image = device.readScreen(id);
    if (image) out.set(`screen ${id}`, sha(`${image.width}x${image.height}`, image.data));
  }
  out.set('fence', String(device.lastFence));
  return out;
}

/** Hash of surface `sid`: its definition and the bytes of every image; undefined when not defined. */
export function surfaceHash(device: SvgaDevice, sid: number): string | undefined {
  const s = device.surfaces.get(sid);
  if (!s) return undefined;
  const parts: (Uint8Array | string)[] = [`${s.format} ${s.flags} ${s.faceCount} ${s.mipLevels} ${s.multisampleCount} ${s.autogenFilter}`];
  for (let f = 0; f < s.faceCount; f++) {
    for (let m = 0; m < s.mipLevels; m++) {
      const image = s.image(f, m)!;
      parts.push(`${f}/${m}:${image.width}x${image.height}x${image.depth}`, image.bytes);
    }
  }
  return sha(...parts);
}

/** Hash of every state array, binding, shader and constant of context `cid`; undefined when not defined. */
export function contextHash(device: SvgaDevice, cid: number): string | undefined {
  const c = device.contexts.peek(cid);
  if (!c) return undefined;
  const parts: (Uint8Array | string)[] = [
    bytesOf(c.renderStates), bytesOf(c.textureStates), bytesOf(c.transforms), bytesOf(c.materials), bytesOf(c.lights),
    c.lightEnabled, bytesOf(c.clipPlanes), bytesOf(c.zRange),
    JSON.stringify({ vp: c.viewport ?? null, sc: c.scissor ?? null, rt: c.renderTargets.map((b) => b ?? null), bound: c.boundShaders }),
    JSON.stringify({ q: [c.occlusionActive, c.occlusionSamples, [...c.endedQueries]] }),
  ];
  for (const [type, shaders] of c.shaders.entries()) {
    for (const [shid, shader] of [...shaders].sort((a, b) => a[0] - b[0])) parts.push(`shader ${type} ${shid} ${shader.type}`, bytesOf(shader.bytecode));
  }
  for (const bank of c.constants) parts.push(bytesOf(bank.float), bytesOf(bank.int), bytesOf(bank.bool));
  return sha(...parts);
}

/** The keys whose hash differs (or that exist on one side only), sorted. */
export function changedKeys(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).sort();
}

/** A replayed trace: the device as the trace left it, its diagnostics and checkpoint images. */
export interface Replayed {
  readonly device: SvgaDevice;
  readonly memory: HashedGuestMemory;
  readonly summary: ReplaySummary;
  readonly diagnostics: readonly Diagnostic[];
  readonly images: ReadonlyMap<string, Rgba8Image>;
  /** {@link stateHashes} of the final device. */
  state(): Map<string, string>;
}

/**
 * Runs more commands on a replayed device, as FIFO record `record` at file offset 0; returns the
 * diagnostics they added (replay's sink keeps collecting after the replay).
 */
export function exec(r: Replayed, build: (w: CommandWriter) => void, record = 1000): Diagnostic[] {
  const from = r.summary.diagnostics.length;
  const w = new CommandWriter();
  build(w);
  r.device.executeFifo(w.finish(), { record, fileOffset: 0 });
  return r.summary.diagnostics.slice(from);
}

/** Device options on top of the checklist defaults (validator, draw backend, hashed memory). */
export type DeviceExtras = Omit<SvgaDeviceOptions, 'vramBytes' | 'sink' | 'guestMemory'>;

/** Replays `trace` on a fresh whole device with the pipeline's draw backend installed. */
export function replay(trace: Uint8Array, extras: DeviceExtras = {}, memory = new HashedGuestMemory()): Replayed {
  let device: SvgaDevice | undefined;
  const images = new Map<string, Rgba8Image>();
  const summary = replayTrace(trace, {
    createDevice: ({ vramBytes, sink }) => {
      device = new SvgaDevice({ shaderValidator: validateSvgaShader, drawBackend: createDrawBackend(), ...extras, vramBytes, sink, guestMemory: memory });
      return device;
    },
    onImage: (name, image) => images.set(name, image),
  });
  if (!device) throw new Error('the trace created no device');
  const d = device;
  // A trace without checkpoints ends in a synthesised 'final' image of screen 0; the checklist
  // traces mostly set no mode, so that one (and only that one, it has no record) is dropped.
  const diagnostics = summary.diagnostics.filter((x) => !(x.code === 1101 && x.record === undefined));
  return { device: d, memory, summary, diagnostics, images, state: () => stateHashes(d, memory) };
}

/**
 * A `TraceWriter` that knows where each record's payload lands in the file, so tests can say
 * the exact offset a diagnostic must carry. Starts with CONFIG ({@link VRAM_BYTES}).
 */
export class Trace {
  readonly writer = new TraceWriter();
  private end = TRACE_HEADER_BYTES;
  /** Record index and payload file offset of the last record written. */
  last = { record: -1, offset: -1 };

  constructor(vramBytes = VRAM_BYTES) {
    this.track(8, () => this.writer.config(vramBytes));
  }

  /** A FIFO record of the commands `build` writes; returns where its payload starts. */
  fifo(build: (w: CommandWriter) => void): { record: number; offset: number } {
    const w = new CommandWriter();
    build(w);
    const bytes = w.finish();
    return this.track(bytes.length, () => this.writer.fifo(bytes));
  }

  regWrite(index: number, value: number): { record: number; offset: number } {
    return this.track(8, () => this.writer.regWrite(index, value));
  }

  guestWrite(address: number, bytes: Uint8Array): { record: number; offset: number } {
    if (bytes.length > 1024 * 1024) throw new RangeError('split writes are not tracked');
    return this.track(8 + bytes.length, () => this.writer.guestWrite(address, bytes));
  }

  vramWrite(offset: number, bytes: Uint8Array): { record: number; offset: number } {
    if (bytes.length > 1024 * 1024) throw new RangeError('split writes are not tracked');
    return this.track(4 + bytes.length, () => this.writer.vramWrite(offset, bytes));
  }

  checkpointSurface(name: string, sid: number, face = 0, mip = 0): void {
    this.track(16 + name.length, () => this.writer.checkpointSurface(name, sid, face, mip));
  }

  checkpointScreen(name: string, id = 0): void {
    this.track(16 + name.length, () => this.writer.checkpointScreen(name, id));
  }

  finish(): Uint8Array {
    return this.writer.finish();
  }

  private track(payloadBytes: number, write: () => void): { record: number; offset: number } {
    const record = this.writer.records;
    write();
    const offset = this.end + RECORD_HEADER_BYTES;
    this.end = offset + payloadBytes + paddingAfter(payloadBytes);
    this.last = { record, offset };
    return this.last;
  }
}

/** A part of a checklist trace. */
export type Part = (t: Trace) => void;

/** What {@link expectSkipped} found: the diagnostics of the hostile part, and the replays. */
export interface SkipResult {
  readonly hostile: readonly Diagnostic[];
  readonly withHostile: Replayed;
  readonly withFollow: Replayed;
}

/** `code name #record @offset command` of each diagnostic: exact and readable in a failure. */
export function lines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.name} #${d.record ?? '-'} @${d.offset ?? '-'}${d.command ? ` ${d.command}` : ''}`);
}

/**
 * Replays setup, setup·hostile, setup·follow and setup·hostile·follow, and checks: the setup and
 * the follow-up report nothing; the hostile part changes no state but `allowed` (keys of
 * {@link stateHashes}); with the follow-up appended the state is the one setup·follow gives; the
 * follow-up changes some state. Returns the hostile part's diagnostics for exact assertions.
 */
export function expectSkipped(o: { setup?: Part; hostile: Part; follow: Part; allowed?: string[]; extras?: DeviceExtras }): SkipResult {
  const build = (...parts: Part[]) => {
    const t = new Trace();
    for (const p of parts) p(t);
    return t.finish();
  };
  const setup = o.setup ?? (() => {});
  const base = replay(build(setup), o.extras);
  expect(base.diagnostics.map(formatDiagnostic)).toEqual([]);
  const withHostile = replay(build(setup, o.hostile), o.extras);
  const follow = replay(build(setup, o.follow), o.extras);
  expect(follow.diagnostics.map(formatDiagnostic)).toEqual([]);
  const withFollow = replay(build(setup, o.hostile, o.follow), o.extras);
  const baseState = base.state();
  expect(changedKeys(baseState, withHostile.state())).toEqual(o.allowed ?? []);
  expect(changedKeys(follow.state(), withFollow.state())).toEqual(o.allowed ?? []);
  expect(changedKeys(baseState, follow.state()).length).toBeGreaterThan(0);
  // The follow-up adds no diagnostic of its own.
  expect(withFollow.diagnostics.map(formatDiagnostic)).toEqual(withHostile.diagnostics.map(formatDiagnostic));
  return { hostile: withHostile.diagnostics, withHostile, withFollow };
}

/** Float32 bits of `x`. */
export function f32(x: number): number {
  return new Uint32Array(new Float32Array([x]).buffer)[0]!;
}

/** The six face entries of a one-face surface with `mips` levels. */
export function face6(mips = 1): { numMipLevels: number }[] {
  return [{ numMipLevels: mips }, ...Array.from({ length: 5 }, () => ({ numMipLevels: 0 }))];
}

/** Defines a 2D one-mip surface (A8R8G8B8 = 2 unless told). */
export function defineSurface(w: CommandWriter, sid: number, width: number, height: number, format = 2): CommandWriter {
  return w.surfaceDefine({ sid, surfaceFlags: 0, format, face: face6(1), sizes: [{ width, height, depth: 1 }] });
}

/** A copy box at the origin of both sides. */
export function box(w: number, h: number, x = 0, y = 0): { x: number; y: number; z: number; w: number; h: number; d: number; srcx: number; srcy: number; srcz: number } {
  return { x, y, z: 0, w, h, d: 1, srcx: x, srcy: y, srcz: 0 };
}
