/**
 * Arithmetic instructions: read sources per lane, compute through `ops/`, then shift → saturate →
 * ps_1_x range clamp → write mask ∩ predicate. Results are staged in a `PendingWrite` so a
 * co-issued ps_1_x pair can read all its sources before either half writes.
 */

import type { DstOperand, OpInstruction, SrcOperand } from '../ir/ir.js';
import { swizzleComponent } from '../ir/ir.js';
import { Opcode } from '../ir/opcodes.js';
import { applyRangeClamp, applySaturate, applyShift } from '../ops/modifiers.js';
import { mov11Floor, movaRound } from '../ops/scalar.js';
import { dot3, dot4 } from '../ops/vector-ops.js';
import type { ExecContext } from './exec-context.js';
import type { Machine, PendingWrite } from './machine.js';

/** Writes a staged result. */
export function commitWrite(m: Machine, p: PendingWrite): void {
  const dst = p.dst;
  if (!dst) return;
  if (dst.relative) {
    // The register may differ per lane: each lane through `writeDst`.
    for (let l = 0; l < m.lanes; l++) {
      const mask = p.masks[l] as number;
      if (mask !== 0) m.writeDst(dst, l, p.values, mask, l * 4);
    }
  } else commitDirect(m, p, dst);
  p.dst = undefined;
}

/**
 * `writeDst` for every lane of a destination without relative addressing: the register is the
 * same for all lanes, so its array, bounds and written bit are resolved once.
 */
function commitDirect(m: Machine, p: PendingWrite, dst: DstOperand): void {
  const arr = m.files.get(dst.file);
  const lanes = m.lanes;
  const index = dst.index;
  if (!arr || index < 0 || (index * lanes + lanes - 1) * 4 + 4 > arr.length) {
    // Some lane may still be in range only if the register is: out of range drops every lane.
    for (let l = 0; l < lanes; l++) {
      const mask = p.masks[l] as number;
      if (mask !== 0) m.writeDst(dst, l, p.values, mask, l * 4);
    }
    return;
  }
  const values = p.values;
  let wrote = false;
  for (let l = 0; l < lanes; l++) {
    const mask = p.masks[l] as number;
    if (mask === 0) continue;
    const o = (index * lanes + l) * 4;
    const v = l * 4;
    if (mask & 1) arr[o] = values[v] as number;
    if (mask & 2) arr[o + 1] = values[v + 1] as number;
    if (mask & 4) arr[o + 2] = values[v + 2] as number;
    if (mask & 8) arr[o + 3] = values[v + 3] as number;
    wrote = true;
  }
  if (wrote) {
    const bit = 1 << index;
    const before = m.written.get(dst.file) ?? 0;
    if ((before & bit) === 0) m.written.set(dst.file, before | bit);
  }
}

const a = new Float32Array(4);
const b = new Float32Array(4);
const c = new Float32Array(4);
const d = new Float32Array(4);
const quad = new Float32Array(16);

const NO_ROWS: readonly SrcOperand[] = [];

/** `values.set(v, lane · 4)` without the call into the runtime. */
function setLane(values: Float32Array, lane: number, v: Float32Array): void {
  const o = lane * 4;
  values[o] = v[0] as number;
  values[o + 1] = v[1] as number;
  values[o + 2] = v[2] as number;
  values[o + 3] = v[3] as number;
}

/** Component mask of the predicate for one lane (all four when the instruction is not predicated). */
export function predicateMask(m: Machine, it: OpInstruction, lane: number): number {
  const p = it.predicate;
  if (!p) return 0xf;
  const pv = m.files.get('predicate') as Float32Array;
  const o = lane * 4;
  let mask = 0;
  for (let i = 0; i < 4; i++) {
    const on = (pv[o + swizzleComponent(p.swizzle, i)] as number) !== 0;
    if (on !== (p.modifier === 'not')) mask |= 1 << i;
  }
  return mask;
}

/** Applies the result modifiers of `dst` to `v` in place. */
export function finishResult(m: Machine, dst: DstOperand, v: Float32Array): void {
  applyShift(v, dst.shift);
  if (dst.saturate) applySaturate(v);
  applyRangeClamp(v, m.range);
}

function readOr0(m: Machine, src: SrcOperand | undefined, lane: number, out: Float32Array): void {
  if (src) m.readSrc(src, lane, out);
  else out.fill(0);
}

/** Stages the result of a non-texture, non-flow instruction into `p` (p.dst stays unset when nothing is written). */
export function computeArithmetic(ctx: ExecContext, it: OpInstruction, pc: number, exec: number, p: PendingWrite): void {
  const m = ctx.m;
  const dst = it.dst;
  p.dst = undefined;
  if (!dst) return;
  p.masks.fill(0);
  const version = m.version;
  const opcode = it.opcode;
  const arith = ctx.prepared.arith[pc];
  const matrix = ctx.prepared.matrix[pc];
  const shape = matrix?.shape;
  const isDerivative = opcode === Opcode.DSX || opcode === Opcode.DSY;
  if (!arith && !shape && !isDerivative && opcode !== Opcode.MOVA && opcode !== Opcode.SETP) return;

  if (isDerivative) {
    // Derivatives read every lane (helpers included): fine differences within the quad.
    const src = it.src[0];
    for (let l = 0; l < m.lanes; l++) {
      readOr0(m, src, l, a);
      quad.set(a, l * 4);
    }
  }
  const rows = matrix?.rows ?? NO_ROWS;
  const legacy = ctx.legacy;
  for (let l = 0; l < m.lanes; l++) {
    if (!(exec & (1 << l))) continue;
    let mask = dst.writeMask & predicateMask(m, it, l);
    if (isDerivative) {
      if (m.lanes === 4) {
        const pair = opcode === Opcode.DSX ? (l & 2) | 1 : l | 2; // right (dsx) or lower (dsy) neighbour
        const base = opcode === Opcode.DSX ? l & 2 : l & 1;
        for (let i = 0; i < 4; i++) d[i] = Math.fround((quad[pair * 4 + i] as number) - (quad[base * 4 + i] as number));
      } else d.fill(0);
    } else if (shape) {
      readOr0(m, it.src[0], l, a);
      for (let r = 0; r < 4; r++) {
        const row = rows[r];
        if (r >= shape.rows || !row) break;
        m.readSrc(row, l, b);
        d[r] = shape.columns === 4 ? dot4(a, b, legacy) : dot3(a, b, legacy);
      }
      mask &= (1 << shape.rows) - 1;
    } else if (opcode === Opcode.SETP) {
      readOr0(m, it.src[0], l, a);
      readOr0(m, it.src[1], l, b);
      const code = it.control & 7;
      for (let i = 0; i < 4; i++) {
        const x = a[i] as number;
        const y = b[i] as number;
        const r = code === 1 ? x > y : code === 2 ? x === y : code === 3 ? x >= y : code === 4 ? x < y : code === 5 ? x !== y : code === 6 ? x <= y : false;
        d[i] = r ? 1 : 0;
      }
    } else if (opcode === Opcode.MOVA || (opcode === Opcode.MOV && dst.file === 'addr')) {
      readOr0(m, it.src[0], l, a);
      const floor = opcode === Opcode.MOV && version.major < 2;
      for (let i = 0; i < 4; i++) d[i] = floor ? mov11Floor(a[i] as number) : movaRound(a[i] as number);
      p.dst = dst;
      setLane(p.values, l, d);
      p.masks[l] = mask;
      continue;
    } else if (arith) {
      readOr0(m, it.src[0], l, a);
      readOr0(m, it.src[1], l, b);
      readOr0(m, it.src[2], l, c);
      arith.op(d, a, b, c, legacy);
      mask &= arith.writable;
      // ps_1_1–1_3: a co-issued cnd writing colour always picks src1 (Wine cnd_test).
      if (opcode === Opcode.CND && it.coissue && version.type === 'ps' && version.major === 1 && version.minor < 4 && dst.writeMask !== 0x8) {
        d.set(b);
      }
    }
    finishResult(m, dst, d);
    p.dst = dst;
    setLane(p.values, l, d);
    p.masks[l] = mask;
  }
}
