/**
 * The interpreter's register state for one invocation: 1 lane (a vertex) or 4 lanes (a 2×2 pixel
 * quad, lane 0 = (x, y), 1 = (x+1, y), 2 = (x, y+1), 3 = (x+1, y+1)). Per-lane registers are kept
 * as float32 lane-major vectors: register r, lane l occupies [(r·lanes + l)·4, +4).
 *
 * Out-of-range rule (documented choice): a read whose final index (relative addressing included)
 * falls outside the register file gives (0, 0, 0, 0), as D3D9 specifies for constants; such a
 * write is dropped.
 */

import type { DstOperand, RegisterFile, ShaderVersion, SrcOperand } from '../ir/ir.js';
import type { Vec4 } from '../ops/modifiers.js';
import { applySourceModifier, ps1xRange, swizzleInto } from '../ops/modifiers.js';
import { BOOL_CONSTANTS, FLOAT_CONSTANTS, INT_CONSTANTS } from './prepare.js';

/** Per-lane register files and how many registers each holds. */
const LANE_FILES: Partial<Record<RegisterFile, number>> = {
  temp: 32,
  input: 16,
  addr: 1,
  texture: 8,
  rastout: 3,
  attrout: 2,
  texcrdout: 8,
  output: 12,
  colorout: 4,
  depthout: 1,
  misc: 2,
  predicate: 1,
};

/** A staged register write for every lane of one instruction. */
export class PendingWrite {
  dst: DstOperand | undefined = undefined;
  readonly values: Float32Array;
  /** Component mask per lane (0 = lane does not write). */
  readonly masks: Uint8Array;
  constructor(lanes: number) {
    this.values = new Float32Array(lanes * 4);
    this.masks = new Uint8Array(lanes);
  }
}

/** Register state of one invocation. */
export class Machine {
  readonly lanes: number;
  readonly version: ShaderVersion;
  readonly isPixel: boolean;
  /** ps_1_x register range (0 = none). */
  readonly range: number;
  readonly files = new Map<RegisterFile, Float32Array>();
  /** The one array behind every register file, `texcoords` and `pad`. */
  private readonly storage: Float32Array;
  /** Register count of each per-lane file (same keys as `files`). */
  private readonly sizes = new Map<RegisterFile, number>();
  /** Registers of each output file that were written (bit per register). */
  readonly written = new Map<RegisterFile, number>();
  /** Float constants c0–c255 (shared by all lanes), API values overridden by DEF. */
  readonly consts = new Float32Array(FLOAT_CONSTANTS * 4);
  readonly ints = new Int32Array(INT_CONSTANTS * 4);
  readonly bools = new Uint8Array(BOOL_CONSTANTS);
  /** Interpolated texture coordinates of ps_1_x (read-only source of the texture-address ops). */
  readonly texcoords: Float32Array;
  /** The loop counter aL of the innermost loop (uniform: loop counts come from constants). */
  aL = 0;
  /** Lanes discarded by texkill (bit per lane). */
  killed = 0;
  /** ps_1_x texm3x2pad / texm3x3pad row results, 2 per lane, and how many are pending. */
  readonly pad: Float32Array;
  padCount = 0;

  constructor(lanes: number, version: ShaderVersion) {
    this.lanes = lanes;
    this.version = version;
    this.isPixel = version.type === 'ps';
    this.range = ps1xRange(version.major, version.minor, this.isPixel);
    // Every per-lane file, the ps_1_x texture coordinates and the pad results are disjoint views
    // of one array, so that `reset` clears them all with a single fill.
    const entries = Object.entries(LANE_FILES) as [RegisterFile, number][];
    let total = 8 * lanes * 4 + 2 * lanes;
    for (const [, count] of entries) total += count * lanes * 4;
    this.storage = new Float32Array(total);
    let at = 0;
    const view = (length: number): Float32Array => {
      const v = this.storage.subarray(at, at + length);
      at += length;
      return v;
    };
    for (const [file, count] of entries) {
      this.files.set(file, view(count * lanes * 4));
      this.sizes.set(file, count);
    }
    this.texcoords = view(8 * lanes * 4);
    this.pad = view(2 * lanes);
    this.pending = [new PendingWrite(lanes), new PendingWrite(lanes)];
  }

  /** Staging for an instruction's results (two: a co-issued pair is computed before it writes). */
  readonly pending: readonly [PendingWrite, PendingWrite];

  /** True while an invocation runs on this machine (a pooled machine is never shared re-entrantly). */
  busy = false;

  /** Clears every register and result so the machine can run another invocation. */
  reset(): void {
    this.storage.fill(0);
    if (this.written.size !== 0) this.written.clear();
    this.padCount = 0;
    this.aL = 0;
    this.killed = 0;
  }

  /** Number of registers in a per-lane file (0 when the file is not per lane). */
  count(file: RegisterFile): number {
    return this.sizes.get(file) ?? 0;
  }

  /** Offset of register `reg`, lane `lane` in its file's array. */
  offset(reg: number, lane: number): number {
    return (reg * this.lanes + lane) * 4;
  }

  /** The relative-address offset of an operand for a lane (a0 component or aL; 0 without). */
  relativeOffset(rel: SrcOperand['relative'], lane: number): number {
    if (!rel) return 0;
    if (rel.file === 'loop') return this.aL;
    if (rel.file === 'addr') {
      const a = this.files.get('addr') as Float32Array;
      return a[lane * 4 + (rel.component & 3)] as number;
    }
    return 0;
  }

  /** Reads the raw (unswizzled) register into `out`; out-of-range reads give zeros. */
  readRaw(file: RegisterFile, index: number, lane: number, out: Vec4): void {
    switch (file) {
      case 'const':
        if (index >= 0 && index < FLOAT_CONSTANTS) {
          const c = this.consts;
          const o = index * 4;
          out[0] = c[o] as number;
          out[1] = c[o + 1] as number;
          out[2] = c[o + 2] as number;
          out[3] = c[o + 3] as number;
        } else out.fill(0);
        return;
      case 'constint':
        if (index >= 0 && index < INT_CONSTANTS) for (let i = 0; i < 4; i++) out[i] = this.ints[index * 4 + i] as number;
        else out.fill(0);
        return;
      case 'constbool':
        out.fill(index >= 0 && index < BOOL_CONSTANTS && this.bools[index] ? 1 : 0);
        return;
      case 'loop':
        out.fill(this.aL);
        return;
      default: {
        const arr = this.files.get(file);
        const o = (index * this.lanes + lane) * 4;
        if (arr && index >= 0 && o + 4 <= arr.length) {
          out[0] = arr[o] as number;
          out[1] = arr[o + 1] as number;
          out[2] = arr[o + 2] as number;
          out[3] = arr[o + 3] as number;
        } else out.fill(0);
      }
    }
  }

  private readonly raw = new Float32Array(4);

  /** Reads a source operand for one lane: register (relative index applied) → swizzle → modifier. */
  readSrc(src: SrcOperand, lane: number, out: Vec4): void {
    const rel = src.relative;
    const index = rel ? src.index + this.relativeOffset(rel, lane) : src.index;
    const file = src.file;
    // In-range float constants and per-lane registers are swizzled straight from their array;
    // everything else (other banks, out-of-range indices) goes through `readRaw`.
    let arr: Float32Array | undefined;
    let o = 0;
    if (file === 'const') {
      if (index >= 0 && index < FLOAT_CONSTANTS) {
        arr = this.consts;
        o = index * 4;
      }
    } else {
      const a = this.files.get(file);
      o = (index * this.lanes + lane) * 4;
      if (a && index >= 0 && o + 4 <= a.length) arr = a;
    }
    if (arr !== undefined) swizzleInto(out, arr, o, src.swizzle);
    else {
      this.readRaw(file, index, lane, this.raw);
      swizzleInto(out, this.raw, 0, src.swizzle);
    }
    if (src.modifier !== 'none') applySourceModifier(out, src.modifier);
  }

  /** Whether a boolean-like source (b#, p0 component, with `!`) is true for a lane. */
  readCondition(src: SrcOperand, lane: number): boolean {
    this.readRaw(src.file, src.index, lane, this.raw);
    const v = (this.raw[src.swizzle & 3] as number) !== 0;
    return src.modifier === 'not' ? !v : v;
  }

  /**
   * Writes `value` to a destination for one lane, components in `mask` only. Returns false when
   * the register is out of range (the write is dropped).
   */
  writeDst(dst: DstOperand, lane: number, value: ArrayLike<number>, mask: number, valueOffset = 0): boolean {
    const index = dst.index + (dst.relative ? this.relativeOffset(dst.relative, lane) : 0);
    const arr = this.files.get(dst.file);
    const o = (index * this.lanes + lane) * 4;
    if (!arr || index < 0 || o + 4 > arr.length || mask === 0) return false;
    for (let i = 0; i < 4; i++) if (mask & (1 << i)) arr[o + i] = value[valueOffset + i] as number;
    const bit = 1 << index;
    const before = this.written.get(dst.file) ?? 0;
    if ((before & bit) === 0) this.written.set(dst.file, before | bit);
    return true;
  }

  /** Direct access to a per-lane register vector (for loading inputs and reading outputs). */
  vector(file: RegisterFile, reg: number, lane: number): Float32Array {
    const arr = this.files.get(file) as Float32Array;
    const o = this.offset(reg, lane);
    return arr.subarray(o, o + 4);
  }
}

const pool = new Map<number, Machine>();

/**
 * A cleared machine for `lanes` and `version`, reused between invocations (a fresh one when the
 * pooled machine is busy, e.g. a sampler that runs another shader). Call `release` when done.
 */
export function acquireMachine(lanes: number, version: ShaderVersion): Machine {
  // A number, not a string, so that a quad allocates nothing here: lanes (1 or 4), type, major, minor.
  const key = ((lanes & 0xff) << 17) | (version.type === 'ps' ? 1 << 16 : 0) | ((version.major & 0xff) << 8) | (version.minor & 0xff);
  let m = pool.get(key);
  // The key keeps 8 bits of each part: a machine made for another version is never reused.
  if (m && (m.lanes !== lanes || m.version.type !== version.type || m.version.major !== version.major || m.version.minor !== version.minor)) m = undefined;
  if (!m || m.busy) {
    m = new Machine(lanes, version);
    if (!pool.has(key)) pool.set(key, m);
  } else m.reset();
  m.busy = true;
  return m;
}

/** Returns a machine from `acquireMachine` to the pool. */
export function releaseMachine(m: Machine): void {
  m.busy = false;
}
