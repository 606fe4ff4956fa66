/**
 * Texture instructions: SM2+ texld / texldp / texldb / texldl / texldd, texkill, and every ps_1_x
 * texture-address instruction (texcoord, tex, texbem(l), texreg2ar/gb/rgb, texm3x2*, texm3x3*,
 * texdp3(tex), texdepth, ps_1_4 texld / texcrd, bem).
 *
 * Implicit derivatives of texture coordinates are fine differences within the quad: ddx of a lane
 * is (right − left) of its row, ddy is (bottom − top) of its column (D3D y grows downward). In a
 * vertex shader they are zero.
 */

import type { DstOperand, OpInstruction } from '../ir/ir.js';
import { swizzleComponent } from '../ir/ir.js';
import { Opcode } from '../ir/opcodes.js';
import { clampF, mulF, saturateF } from '../ops/scalar.js';
import { dot3 } from '../ops/vector-ops.js';
import { finishResult, predicateMask } from './exec-arith.js';
import type { ExecContext } from './exec-context.js';
import type { SampleVariant } from './texture-sampler.js';

const fr = Math.fround;
const CUBE = 3;

const coords = new Float32Array(16);
const ddx = new Float32Array(16);
const ddy = new Float32Array(16);
const lod = new Float32Array(4);
const result = new Float32Array(16);
const v = new Float32Array(4);
const s = new Float32Array(4);

/** Fills ddx/ddy with fine quad differences of `coords` (zero for a single lane). */
function quadDerivatives(lanes: number): void {
  if (lanes !== 4) {
    ddx.fill(0);
    ddy.fill(0);
    return;
  }
  for (let l = 0; l < 4; l++) {
    const left = l & 2;
    const top = l & 1;
    for (let i = 0; i < 4; i++) {
      ddx[l * 4 + i] = fr((coords[(left | 1) * 4 + i] as number) - (coords[left * 4 + i] as number));
      ddy[l * 4 + i] = fr((coords[(top | 2) * 4 + i] as number) - (coords[top * 4 + i] as number));
    }
  }
}

/** Samples `sampler` at `coords` for every lane into `result`. */
function sample(ctx: ExecContext, sampler: number, variant: SampleVariant, exec: number, explicitGrad = false): void {
  const lanes = ctx.m.lanes;
  if (!explicitGrad) quadDerivatives(lanes);
  if (variant !== 'bias' && variant !== 'lod') lod.fill(0);
  result.fill(0);
  ctx.sampler.sample(
    {
      sampler,
      variant,
      lanes,
      mask: exec,
      coords: coords.subarray(0, lanes * 4),
      ddx: ddx.subarray(0, lanes * 4),
      ddy: ddy.subarray(0, lanes * 4),
      lod: lod.subarray(0, lanes),
    },
    result,
  );
  // A sampler must write finite values; make sure a faulty one cannot leave garbage behind.
  for (let i = 0; i < lanes * 4; i++) if ((result[i] as number) !== (result[i] as number)) result[i] = 0;
}

/** Writes `result` (or another lane-major array) to `dst` for the active lanes with result modifiers. */
function writeLanes(ctx: ExecContext, it: OpInstruction, dst: DstOperand, values: Float32Array, exec: number): void {
  const m = ctx.m;
  for (let l = 0; l < m.lanes; l++) {
    if (!(exec & (1 << l))) continue;
    v.set(values.subarray(l * 4, l * 4 + 4));
    finishResult(m, dst, v);
    m.writeDst(dst, l, v, dst.writeMask & predicateMask(m, it, l));
  }
}

/** ps_1_x interpolated texture coordinates of set `stage` for `lane`. */
function texcoord(ctx: ExecContext, stage: number, lane: number): Float32Array {
  const st = stage >= 0 && stage < 8 ? stage : 0;
  const o = ctx.m.offset(st, lane);
  return ctx.m.texcoords.subarray(o, o + 4);
}

/**
 * ps_1_1–1_3 projection of a stage: the index of the coordinate that divides (count − 1 of the
 * stage's TEXTURETRANSFORMFLAGS, default .w), or −1 when the stage is not projected or is a cube.
 */
function projectionDivisor(ctx: ExecContext, stage: number): number {
  const st = ctx.stages;
  if (!(((st.projected ?? 0) >> stage) & 1) || ((st.cubeStages ?? 0) >> stage) & 1) return -1;
  const count = (st.projectedCount?.[stage] as number | undefined) ?? 4;
  return count >= 2 && count <= 4 ? count - 1 : 3;
}

function bump(ctx: ExecContext, stage: number, k: number): number {
  const b = ctx.stages.bumpEnv;
  return b ? ((b[stage * 6 + k] as number) ?? 0) : 0;
}

function forLanes(ctx: ExecContext, fn: (lane: number) => void): void {
  for (let l = 0; l < ctx.m.lanes; l++) fn(l);
}

/** Runs a texture instruction; false when `it` is not one. */
export function execTextureOp(ctx: ExecContext, it: OpInstruction, exec: number): boolean {
  const m = ctx.m;
  const version = m.version;
  const dst = it.dst;
  const src0 = it.src[0];
  const ps1 = version.type === 'ps' && version.major === 1;
  const ps13 = ps1 && version.minor < 4;
  const legacy = ctx.legacy;
  switch (it.opcode) {
    case Opcode.TEX:
    case Opcode.TEXLDL:
    case Opcode.TEXLDD: {
      if (!dst) return true;
      if (ps13) {
        // tex t#: stage and coordinate set are the register number.
        const stage = dst.index;
        const divisor = projectionDivisor(ctx, stage);
        forLanes(ctx, (l) => {
          const tc = texcoord(ctx, stage, l);
          const q = divisor < 0 ? 1 : (tc[divisor] as number);
          for (let i = 0; i < 4; i++) coords[l * 4 + i] = i < divisor ? fr((tc[i] as number) / q) : (tc[i] as number);
        });
        sample(ctx, stage, divisor < 0 ? 'plain' : 'projected', exec);
        writeLanes(ctx, it, dst, result, exec);
        return true;
      }
      if (!src0) return true;
      forLanes(ctx, (l) => {
        m.readSrc(src0, l, v);
        coords.set(v, l * 4);
      });
      if (ps1) {
        // ps_1_4 texld r#, src: stage = destination register; _dz / _dw already divided.
        const projected = src0.modifier === 'dz' || src0.modifier === 'dw';
        sample(ctx, dst.index, projected ? 'projected' : 'plain', exec);
        writeLanes(ctx, it, dst, result, exec);
        return true;
      }
      const samplerOp = it.src[1];
      const unit = samplerOp ? samplerOp.index : 0;
      let variant: SampleVariant = 'plain';
      let explicitGrad = false;
      if (it.opcode === Opcode.TEXLDL || version.type === 'vs') {
        variant = 'lod';
        forLanes(ctx, (l) => (lod[l] = coords[l * 4 + 3] as number));
      } else if (it.opcode === Opcode.TEXLDD) {
        variant = 'grad';
        explicitGrad = true;
        const gx = it.src[2];
        const gy = it.src[3];
        forLanes(ctx, (l) => {
          if (gx) m.readSrc(gx, l, s);
          else s.fill(0);
          ddx.set(s, l * 4);
          if (gy) m.readSrc(gy, l, s);
          else s.fill(0);
          ddy.set(s, l * 4);
        });
      } else if (it.texldMode === 'texldp' || it.control === 1) {
        variant = 'projected';
        if (ctx.prepared.samplerTypes[unit] !== CUBE) {
          forLanes(ctx, (l) => {
            const w = coords[l * 4 + 3] as number;
            for (let i = 0; i < 3; i++) coords[l * 4 + i] = fr((coords[l * 4 + i] as number) / w);
          });
        }
      } else if (it.texldMode === 'texldb' || it.control === 2) {
        variant = 'bias';
        forLanes(ctx, (l) => (lod[l] = coords[l * 4 + 3] as number));
      }
      sample(ctx, unit, variant, exec, explicitGrad);
      if (samplerOp && samplerOp.swizzle !== 0xe4) {
        // SM3 allows a swizzle on s#: it permutes the fetched colour.
        forLanes(ctx, (l) => {
          for (let i = 0; i < 4; i++) v[i] = result[l * 4 + swizzleComponent(samplerOp.swizzle, i)] as number;
          result.set(v, l * 4);
        });
      }
      writeLanes(ctx, it, dst, result, exec);
      return true;
    }
    case Opcode.TEXKILL: {
      if (!dst) return true;
      const components = version.major >= 2 ? 4 : 3;
      forLanes(ctx, (l) => {
        if (!(exec & (1 << l))) return;
        if (ps13) v.set(texcoord(ctx, dst.index, l));
        else m.readRaw(dst.file, dst.index, l, v);
        for (let i = 0; i < components; i++) if ((v[i] as number) < 0) m.killed |= 1 << l;
      });
      return true;
    }
    case Opcode.TEXCOORD: {
      if (!dst) return true;
      forLanes(ctx, (l) => {
        if (ps13) {
          const tc = texcoord(ctx, dst.index, l);
          for (let i = 0; i < 3; i++) result[l * 4 + i] = saturateF(tc[i] as number);
          result[l * 4 + 3] = 1;
        } else if (src0) {
          m.readSrc(src0, l, v); // ps_1_4 texcrd: copy (projection modifiers applied)
          result.set(v, l * 4);
        }
      });
      writeLanes(ctx, it, dst, result, exec);
      return true;
    }
    case Opcode.TEXBEM:
    case Opcode.TEXBEML: {
      if (!dst || !src0) return true;
      const stage = dst.index;
      const divisor = projectionDivisor(ctx, stage);
      forLanes(ctx, (l) => {
        m.readSrc(src0, l, s);
        const tc = texcoord(ctx, stage, l);
        const w = divisor < 0 ? 1 : (tc[divisor] as number);
        const u0 = fr((tc[0] as number) / w);
        const v0 = fr((tc[1] as number) / w);
        const du = s[0] as number;
        const dv = s[1] as number;
        coords[l * 4] = fr(fr(u0 + mulF(bump(ctx, stage, 0), du, legacy)) + mulF(bump(ctx, stage, 2), dv, legacy));
        coords[l * 4 + 1] = fr(fr(v0 + mulF(bump(ctx, stage, 1), du, legacy)) + mulF(bump(ctx, stage, 3), dv, legacy));
        coords[l * 4 + 2] = 0;
        coords[l * 4 + 3] = 1;
      });
      sample(ctx, stage, 'plain', exec);
      if (it.opcode === Opcode.TEXBEML) {
        forLanes(ctx, (l) => {
          m.readSrc(src0, l, s);
          const lum = saturateF(fr(mulF(s[2] as number, bump(ctx, stage, 4), legacy) + bump(ctx, stage, 5)));
          for (let i = 0; i < 3; i++) result[l * 4 + i] = mulF(result[l * 4 + i] as number, lum, legacy);
        });
      }
      writeLanes(ctx, it, dst, result, exec);
      return true;
    }
    case Opcode.TEXREG2AR:
    case Opcode.TEXREG2GB:
    case Opcode.TEXREG2RGB: {
      if (!dst || !src0) return true;
      const pick = it.opcode === Opcode.TEXREG2AR ? [3, 0, -1] : it.opcode === Opcode.TEXREG2GB ? [1, 2, -1] : [0, 1, 2];
      forLanes(ctx, (l) => {
        m.readSrc(src0, l, s);
        for (let i = 0; i < 3; i++) {
          const c = pick[i] as number;
          coords[l * 4 + i] = c < 0 ? 0 : (s[c] as number);
        }
        coords[l * 4 + 3] = 1;
      });
      sample(ctx, dst.index, 'plain', exec);
      writeLanes(ctx, it, dst, result, exec);
      return true;
    }
    case Opcode.TEXM3x2PAD:
    case Opcode.TEXM3x3PAD: {
      if (!dst || !src0) return true;
      const slot = it.opcode === Opcode.TEXM3x2PAD ? 0 : Math.min(m.padCount, 1);
      forLanes(ctx, (l) => {
        m.readSrc(src0, l, s);
        m.pad[l * 2 + slot] = dot3(texcoord(ctx, dst.index, l), s, legacy);
      });
      m.padCount = slot + 1;
      return true;
    }
    case Opcode.TEXM3x2TEX:
    case Opcode.TEXM3x2DEPTH:
    case Opcode.TEXM3x3TEX:
    case Opcode.TEXM3x3:
    case Opcode.TEXM3x3SPEC:
    case Opcode.TEXM3x3VSPEC:
    case Opcode.TEXDP3:
    case Opcode.TEXDP3TEX:
      if (dst && src0) matrixLookup(ctx, it, dst, exec);
      m.padCount = 0;
      return true;
    case Opcode.TEXDEPTH: {
      if (!dst) return true;
      forLanes(ctx, (l) => {
        m.readRaw(dst.file, dst.index, l, v);
        const q = fr((v[0] as number) / (v[1] as number));
        s.fill(clampF(q, 0, 1));
        if (exec & (1 << l)) m.writeDst(DEPTH_DST, l, s, 1);
      });
      return true;
    }
    case Opcode.BEM: {
      const src1 = it.src[1];
      if (!dst || !src0 || !src1) return true;
      const stage = dst.index;
      forLanes(ctx, (l) => {
        m.readSrc(src0, l, v);
        m.readSrc(src1, l, s);
        const r = fr(fr((v[0] as number) + mulF(bump(ctx, stage, 0), s[0] as number, legacy)) + mulF(bump(ctx, stage, 2), s[1] as number, legacy));
        const g = fr(fr((v[1] as number) + mulF(bump(ctx, stage, 1), s[0] as number, legacy)) + mulF(bump(ctx, stage, 3), s[1] as number, legacy));
        result[l * 4] = r;
        result[l * 4 + 1] = g;
        result[l * 4 + 2] = v[2] as number;
        result[l * 4 + 3] = v[3] as number;
      });
      writeLanes(ctx, it, { ...dst, writeMask: dst.writeMask & 0x3 }, result, exec);
      return true;
    }
    default:
      return false;
  }
}

/** oDepth.x as a destination, for texdepth / texm3x2depth. */
const DEPTH_DST: DstOperand = {
  file: 'depthout', index: 0, writeMask: 1, saturate: false, partialPrecision: false, centroid: false, shift: 0,
};

/** The last row of texm3x2* / texm3x3* and texdp3(tex): finish the matrix product and use it. */
function matrixLookup(ctx: ExecContext, it: OpInstruction, dst: DstOperand, exec: number): void {
  const m = ctx.m;
  const src0 = it.src[0];
  if (!src0) return;
  const legacy = ctx.legacy;
  const op = it.opcode;
  forLanes(ctx, (l) => {
    m.readSrc(src0, l, s);
    const last = dot3(texcoord(ctx, dst.index, l), s, legacy);
    const p0 = m.pad[l * 2] as number;
    const p1 = m.pad[l * 2 + 1] as number;
    const o = l * 4;
    if (op === Opcode.TEXM3x2TEX) coords.set([p0, last, 0, 1], o);
    else if (op === Opcode.TEXM3x2DEPTH) {
      const depth = last === 0 ? 1 : clampF(fr(p0 / last), 0, 1);
      v.fill(depth);
      if (exec & (1 << l)) m.writeDst(DEPTH_DST, l, v, 1);
    } else if (op === Opcode.TEXDP3TEX) coords.set([last, 0, 0, 1], o);
    else if (op === Opcode.TEXDP3) result.set([last, last, last, last], o);
    else if (op === Opcode.TEXM3x3) result.set([p0, p1, last, 1], o);
    else if (op === Opcode.TEXM3x3TEX) coords.set([p0, p1, last, 1], o);
    else {
      // Reflection R = 2·(N·E)/(N·N)·N − E, E from a constant (spec) or the texcoord .w (vspec).
      const n = new Float32Array([p0, p1, last, 0]);
      const e = new Float32Array(4);
      if (op === Opcode.TEXM3x3SPEC) {
        const c = it.src[1];
        if (c) m.readSrc(c, l, e);
      } else {
        for (let k = 0; k < 3; k++) e[k] = texcoord(ctx, dst.index - 2 + k, l)[3] as number;
      }
      const scale = fr(fr(2 * dot3(n, e, legacy)) / dot3(n, n, legacy));
      for (let k = 0; k < 3; k++) coords[o + k] = fr(mulF(scale, n[k] as number, legacy) - (e[k] as number));
      coords[o + 3] = 1;
    }
  });
  if (op === Opcode.TEXM3x2DEPTH) return;
  if (op !== Opcode.TEXDP3 && op !== Opcode.TEXM3x3) sample(ctx, dst.index, 'plain', exec);
  writeLanes(ctx, it, dst, result, exec);
}
