/**
 * The vertex program generator: a `vs_2_x` program from a `VertexKey`, using only instructions the
 * VM interpreter implements. Output register contract (what the draw path links):
 *
 * - `oPos`: clip-space position (world_k × view blended, then × projection; D3D clip volume);
 * - `oD0` / `oD1`: diffuse / specular colour (lit, or the vertex colours: white / 0 by default),
 *   saturated by the VM as for any vs < 3.0;
 * - `oT0`–`oT7`: texture coordinates of stage n (TEXCOORDINDEX or TEXCOORDGEN, then the stage's
 *   texture transform); stages without a source are not written (the VM's default (0, 0, 0, 1));
 * - `oFog` (.x): the vertex fog factor in [0, 1] (1 = no fog), only with vertex fog or PER_VERTEX;
 * - `oPts` (.x): the point size, already scaled by POINTSCALEENABLE (the draw path only clamps it
 *   to POINTSIZEMIN/MAX); written only with a PSIZE element or point scaling.
 *
 * A two-sided key (`VertexKey.twoSided`) gives a `vs_3_0` program with the same outputs as
 * declared `o#` registers, plus the BACK material's colours as COLOR2/COLOR3 (and FOG1 for
 * PER_VERTEX fog): see `vertex-outputs.ts`.
 *
 * Inputs are declared by semantic: v0 POSITION0, v1 NORMAL0, v2 COLOR0, v3 COLOR1, v4 PSIZE0,
 * v5 BLENDWEIGHT0, v6 BLENDINDICES0, v7–v14 TEXCOORD0–7 (only those the declaration has).
 */
import type { ShaderProgram } from '../../shader-vm/index.js';
import { DeclUsage, Opcode as O } from '../../shader-vm/index.js';
import { ProgramBuilder, src, srcRelative } from './program-builder.js';
import { VC } from './vertex-constants.js';
import type { VertexKey, VertexStageKey } from './vertex-key.js';
import { emitLighting, LIT, LIT2, VI } from './vertex-lighting.js';
import { declareOutputs, emitColorOutput, vertexOutputRegisters, type VertexOutputRegisters } from './vertex-outputs.js';

const XYZW = ['x', 'y', 'z', 'w'] as const;

function needsNormal(key: VertexKey): boolean {
  return key.lighting || key.stages.some((s) => s.gen >= 2);
}

function declareInputs(b: ProgramBuilder, key: VertexKey): void {
  b.dcl(`v${VI.POSITION}`, DeclUsage.POSITION, 0);
  if (key.hasNormal) b.dcl(`v${VI.NORMAL}`, DeclUsage.NORMAL, 0);
  if (key.hasColor0) b.dcl(`v${VI.COLOR0}`, DeclUsage.COLOR, 0);
  if (key.hasColor1) b.dcl(`v${VI.COLOR1}`, DeclUsage.COLOR, 1);
  if (key.hasPointSize) b.dcl(`v${VI.PSIZE}`, DeclUsage.PSIZE, 0);
  if (key.blendWeights > 0) b.dcl(`v${VI.BLENDWEIGHT}`, DeclUsage.BLENDWEIGHT, 0);
  if (key.indexedBlend) b.dcl(`v${VI.BLENDINDICES}`, DeclUsage.BLENDINDICES, 0);
  const sets = new Set(key.stages.filter((s) => s.set >= 0).map((s) => s.set));
  for (const set of [...sets].sort((p, q) => p - q)) b.dcl(`v${VI.TEXCOORD0 + set}`, DeclUsage.TEXCOORD, set);
}

/** `dp4`/`dp3` rows of matrix register block `base` (relative to a0.x when indexed). */
function emitMatrixRows(b: ProgramBuilder, d: string, v: string, base: number, rows: number, dp: number, indexed: boolean): void {
  for (let r = 0; r < rows; r++) {
    const comp = XYZW[r] ?? 'x';
    if (indexed) b.opWith(dp, `${d}.${comp}`, [src(v), srcRelative(base + r, 'xyzw')]);
    else b.op(dp, `${d}.${comp}`, v, `c${base + r}`);
  }
}

/**
 * r0 = view-space position, r1 = view-space normal: one world × view matrix, or VERTEXBLEND's
 * weighted sum (weights from BLENDWEIGHT, the last one 1 − Σ), with INDEXEDVERTEXBLENDENABLE the
 * matrices chosen by BLENDINDICES (clamped to WORLD…WORLD3, the only world matrices SVGA has).
 */
function emitPositionAndNormal(b: ProgramBuilder, key: VertexKey): void {
  const normal = needsNormal(key) && key.hasNormal;
  const n = key.blendWeights;
  if (n === 0) {
    emitMatrixRows(b, 'r0', `v${VI.POSITION}`, 0, 4, O.DP4, false);
    if (normal) emitMatrixRows(b, 'r1', `v${VI.NORMAL}`, VC.NORMAL_OFFSET, 3, O.DP3, false);
  } else {
    // r14.w = last weight; r17 = matrix register offsets (index·8) when indexed.
    b.op(O.MOV, 'r14.w', `${LIT}.y`);
    for (let k = 0; k < n; k++) b.op(O.ADD, 'r14.w', 'r14.w', `-v${VI.BLENDWEIGHT}.${XYZW[k] ?? 'x'}`);
    if (key.indexedBlend) {
      b.op(O.MAX, 'r17', `v${VI.BLENDINDICES}`, `${LIT}.x`);
      b.op(O.MIN, 'r17', 'r17', `${LIT2}.z`);
      b.op(O.MUL, 'r17', 'r17', `${LIT2}.w`);
    }
    b.op(O.MOV, 'r0', `${LIT}.x`);
    b.op(O.MOV, 'r1', `${LIT}.x`);
    for (let k = 0; k <= n; k++) {
      const weight = k < n ? `v${VI.BLENDWEIGHT}.${XYZW[k] ?? 'x'}` : 'r14.w';
      const base = key.indexedBlend ? 0 : k * VC.BLEND_STRIDE;
      if (key.indexedBlend) b.op(O.MOVA, 'a0.x', `r17.${XYZW[k] ?? 'x'}`);
      emitMatrixRows(b, 'r16', `v${VI.POSITION}`, base, 4, O.DP4, key.indexedBlend);
      b.op(O.MAD, 'r0', 'r16', weight, 'r0');
      if (normal) {
        emitMatrixRows(b, 'r16', `v${VI.NORMAL}`, base + VC.NORMAL_OFFSET, 3, O.DP3, key.indexedBlend);
        b.op(O.MAD, 'r1.xyz', 'r16', weight, 'r1');
      }
    }
  }
  if (!normal) b.op(O.MOV, 'r1', `${LIT}.x`);
  else if (key.normalize) b.op(O.NRM, 'r1.xyz', 'r1');
}

/** r15.xyz = the reflection of the eye-to-vertex direction about the normal (w = 1). */
function emitReflection(b: ProgramBuilder, key: VertexKey): void {
  if (key.localViewer) b.op(O.NRM, 'r18.xyz', 'r0');
  else b.op(O.MOV, 'r18.xyz', `${LIT}.xxy`);
  b.op(O.DP3, 'r16.x', 'r1', 'r18');
  b.op(O.MUL, 'r16.x', 'r16.x', `${LIT}.w`);
  b.op(O.MAD, 'r15.xyz', '-r1', 'r16.x', 'r18');
  b.op(O.MOV, 'r15.w', `${LIT}.y`);
}

/** The texture coordinates of one stage into oT<stage>. */
function emitStage(b: ProgramBuilder, key: VertexKey, stage: number, s: VertexStageKey, outputs: VertexOutputRegisters): void {
  const out = outputs.texcoords[stage] ?? '';
  if (s.gen === 0 && s.set < 0) return;
  let coord: string;
  if (s.gen === 0) {
    const v = `v${VI.TEXCOORD0 + s.set}`;
    if (s.transform === 0 || s.components >= 4) coord = v;
    else {
      // D3D9 feeds the texture matrix (u, 1, 0, 0), (u, v, 1, 0) or (u, v, w, 1).
      coord = 'r15';
      if (s.components === 1) {
        b.op(O.MOV, 'r15.yzw', `${LIT}.xyxx`);
        b.op(O.MOV, 'r15.x', v);
      } else if (s.components === 2) {
        b.op(O.MOV, 'r15.zw', `${LIT}.xxyx`);
        b.op(O.MOV, 'r15.xy', v);
      } else {
        b.op(O.MOV, 'r15.w', `${LIT}.y`);
        b.op(O.MOV, 'r15.xyz', v);
      }
    }
  } else {
    coord = 'r15';
    if (s.gen === 1) {
      b.op(O.MOV, 'r15.xyz', 'r0');
      b.op(O.MOV, 'r15.w', `${LIT}.y`);
    } else if (s.gen === 2) {
      b.op(O.MOV, 'r15.xyz', 'r1');
      b.op(O.MOV, 'r15.w', `${LIT}.y`);
    } else {
      emitReflection(b, key);
      if (s.gen === 4) {
        // Sphere map: m = 2·|R + (0, 0, 1)|, (u, v) = R.xy / m + 0.5.
        b.op(O.ADD, 'r16.xyz', 'r15', `${LIT}.xxy`);
        b.op(O.DP3, 'r16.w', 'r16', 'r16');
        b.op(O.RSQ, 'r16.w', 'r16.w');
        b.op(O.MUL, 'r16.w', 'r16.w', `${LIT}.z`);
        b.op(O.MAD, 'r15.xy', 'r15', 'r16.w', `${LIT}.z`);
        b.op(O.MOV, 'r15.zw', `${LIT}.xxxy`);
      }
    }
  }
  if (s.transform > 0) emitMatrixRows(b, out, coord, VC.TEXTURE + 4 * stage, 4, O.DP4, false);
  else b.op(O.MOV, out, coord);
}

/** r18.x = the fog distance: view-space z, or |position| with range fog. */
function emitFogDistance(b: ProgramBuilder, key: VertexKey): string {
  if (!key.rangeFog) return 'r0.z';
  b.op(O.DP3, 'r18.x', 'r0', 'r0');
  b.op(O.RSQ, 'r18.y', 'r18.x');
  b.op(O.MUL, 'r18.x', 'r18.x', 'r18.y');
  return 'r18.x';
}

function emitFog(b: ProgramBuilder, key: VertexKey, outputs: VertexOutputRegisters): void {
  const fog = `c${VC.FOG}`;
  const factor = `${outputs.fog}.x`;
  switch (key.fog) {
    case 'none':
      // vs_3_0 declares FOG0 always: 0, what an unwritten vs < 3.0 oFog holds.
      if (outputs.version[0] >= 3) b.op(O.MOV, factor, `${LIT}.x`);
      return;
    case 'specular-alpha':
      emitClamp01(b, factor, 'r21.w');
      if (outputs.backFog !== undefined) emitClamp01(b, `${outputs.backFog}.x`, 'r24.w');
      return;
    case 'linear': {
      const d = emitFogDistance(b, key);
      b.op(O.ADD, 'r19.x', `${fog}.y`, `-${d}`);
      b.op(O.MUL, 'r19.x', 'r19.x', `${fog}.z`);
      break;
    }
    case 'exp':
    case 'exp2': {
      const d = emitFogDistance(b, key);
      b.op(O.MUL, 'r19.x', d, `${fog}.w`);
      if (key.fog === 'exp2') b.op(O.MUL, 'r19.x', 'r19.x', 'r19.x');
      b.op(O.MUL, 'r19.x', 'r19.x', `${LIT2}.x`);
      b.op(O.EXP, 'r19.x', 'r19.x');
      break;
    }
  }
  emitClamp01(b, factor, 'r19.x');
}

/** d = clamp(s, 0, 1) with NaN → 0 (vs < 3.0 has no _sat). */
function emitClamp01(b: ProgramBuilder, d: string, s: string): void {
  b.op(O.MAX, 'r19.w', s, `${LIT}.x`);
  b.op(O.MIN, d, 'r19.w', `${LIT}.y`);
}

/** oPts = size (PSIZE or POINTSIZE), times Vh·sqrt(1/(A + B·De + C·De²)) with point scaling. */
function emitPointSize(b: ProgramBuilder, key: VertexKey, outputs: VertexOutputRegisters): void {
  if (!key.hasPointSize && !key.pointScale) return;
  const size = key.hasPointSize ? `v${VI.PSIZE}.x` : `c${VC.POINT}.x`;
  const d = `${outputs.pointSize}.x`;
  if (!key.pointScale) {
    b.op(O.MOV, d, size);
    return;
  }
  const p = `c${VC.POINT}`;
  b.op(O.DP3, 'r22.x', 'r0', 'r0');
  b.op(O.RSQ, 'r22.y', 'r22.x');
  b.op(O.MUL, 'r22.y', 'r22.x', 'r22.y');
  b.op(O.MAD, 'r22.z', `${p}.w`, 'r22.x', `${p}.y`);
  b.op(O.MAD, 'r22.z', `${p}.z`, 'r22.y', 'r22.z');
  // A non-positive denominator leaves the size unscaled (D3D9 leaves it undefined).
  b.op(O.SLT, 'r22.w', `${LIT}.x`, 'r22.z');
  b.op(O.RSQ, 'r22.z', 'r22.z');
  b.op(O.MUL, 'r22.z', 'r22.z', `c${VC.VIEWPORT}.x`);
  b.op(O.LRP, 'r22.z', 'r22.w', 'r22.z', `${LIT}.y`);
  b.op(O.MUL, d, size, 'r22.z');
}

/** Generates the vertex program of `key`. */
export function generateVertexProgram(key: VertexKey): ShaderProgram {
  const out = vertexOutputRegisters(key);
  const b = new ProgramBuilder('vs', out.version[0], out.version[1]);
  b.def(VC.LITERALS, [0, 1, 0.5, 2]);
  b.def(VC.LITERALS2, [-Math.LOG2E, -1, 3, 8]);
  declareInputs(b, key);
  declareOutputs(b, key, out);
  emitPositionAndNormal(b, key);
  emitMatrixRows(b, out.position, 'r0', VC.PROJECTION, 4, O.DP4, false);
  if (key.lighting) emitLighting(b, key);
  else {
    b.op(O.MOV, 'r20', key.hasColor0 ? `v${VI.COLOR0}` : `${LIT}.y`);
    b.op(O.MOV, 'r21', key.hasColor1 ? `v${VI.COLOR1}` : `${LIT}.x`);
  }
  emitColorOutput(b, out, out.diffuse, 'r20');
  emitColorOutput(b, out, out.specular, 'r21');
  // Two-sided keys always have lighting on, so r23 / r24 hold the BACK material's colours.
  if (out.backDiffuse !== undefined) emitColorOutput(b, out, out.backDiffuse, 'r23');
  if (out.backSpecular !== undefined) emitColorOutput(b, out, out.backSpecular, 'r24');
  key.stages.forEach((s, stage) => emitStage(b, key, stage, s, out));
  emitFog(b, key, out);
  emitPointSize(b, key, out);
  return b.build();
}
