/**
 * The pixel program generator: a `ps_2_x` program running D3D9's texture-stage cascade from a
 * `PixelKey`. Register contract: reads v0 (diffuse, oD0), v1 (specular, oD1), t0–t7 (texture
 * coordinates) and samplers s0–s7 (stage n samples through s<n>); writes oC0. Alpha test, fog and
 * blending stay with the rasteriser.
 *
 * Per stage, with current = r0 (the diffuse colour before stage 0), texel = r5 and
 * arguments a0–a2 (sources with SVGA's modifiers: TM_ALPHA replicates alpha, TM_ONE_MINUS takes
 * 1 − x), the colour op writes r1.rgb and the alpha op r1.a, and current = saturate(r1):
 *
 *   SELECTARG1 a1 · SELECTARG2 a2 · MODULATE a1·a2 (2X: ·2, 4X: ·4) · ADD a1 + a2 ·
 *   ADDSIGNED a1 + a2 − 0.5 (2X: ·2) · SUBTRACT a1 − a2 · ADDSMOOTH a1 + a2·(1 − a1) ·
 *   BLEND{DIFFUSE,TEXTURE,FACTOR,CURRENT}ALPHA a1·α + a2·(1 − α) · BLENDTEXTUREALPHAPM
 *   a1 + a2·(1 − texel.a) · MODULATEALPHA_ADDCOLOR a1 + a1.a·a2 · MODULATECOLOR_ADDALPHA
 *   a1·a2 + a1.a · MODULATEINVALPHA_ADDCOLOR (1 − a1.a)·a2 + a1 · MODULATEINVCOLOR_ADDALPHA
 *   (1 − a1)·a2 + a1.a · DOTPRODUCT3 4·((a1 − ½)·(a2 − ½)) in every channel, alpha included ·
 *   MULTIPLYADD a0 + a1·a2 · LERP a0·a1 + (1 − a0)·a2 · PREMODULATE a1 × the next stage's
 *   texel (a1 alone when the next stage samples nothing).
 *
 * DSDT (BUMPENVMAP) and BUMPENVMAPLUMINANCE pass current through; the next stage's lookup is
 * offset by this stage's texel: (u, v) += (du·M00 + dv·M10, du·M01 + dv·M11) with this stage's
 * BUMPENVMAT, and with LUMINANCE its rgb is scaled by saturate(texel.b·LSCALE + LOFFSET) (the
 * matrices of the bump stage, as D3D9's fixed function uses them; the VM's texbem applies the same
 * arithmetic). SPECULARENABLE adds v1.rgb to the result.
 */
import type { ShaderProgram } from '../../shader-vm/index.js';
import { Opcode as O } from '../../shader-vm/index.js';
import { SVGA3dTextureArgData as TA, SVGA3dTextureCombiner as TC } from '../../svga3d-decoder/spec/enums-texture-state.js';
import type { PixelKey, PixelStageKey } from './pixel-key.js';
import { PC, TM_ALPHA, TM_ONE_MINUS } from './pixel-key.js';
import { ProgramBuilder } from './program-builder.js';

const LIT = `c${PC.LITERALS}`;
const LIT2 = `c${PC.LITERALS2}`;
const XYZW = ['x', 'y', 'z', 'w'] as const;

function isBump(op: number): boolean {
  return op === TC.DSDT || op === TC.BUMPENVMAPLUMINANCE;
}

/** The register an argument reads, its modifiers applied into temp `scratch` when it has any. */
function argument(b: ProgramBuilder, arg: number, stage: number, scratch: string): string {
  let reg: string;
  switch (arg & 0xf) {
    case TA.TFACTOR: reg = `c${PC.TFACTOR}`; break;
    case TA.DIFFUSE: reg = 'v0'; break;
    case TA.TEXTURE: reg = 'r5'; break;
    case TA.SPECULAR: reg = 'v1'; break;
    case TA.CONSTANT: reg = `c${PC.CONSTANT + stage}`; break;
    default: reg = 'r0';
  }
  if (arg & TM_ALPHA) reg = `${reg}.w`;
  if (!(arg & TM_ONE_MINUS)) return reg;
  b.op(O.ADD, scratch, `-${reg}`, `${LIT}.y`);
  return scratch;
}

/** `.w` of an argument register (a replicated-alpha source already is). */
function alphaOf(reg: string): string {
  return reg.includes('.') ? reg : `${reg}.w`;
}

/**
 * Emits combiner `op` into `r1.<mask>` from the stage's arguments. Returns false when the op
 * passes current through (bump ops, and DISABLE as an alpha op).
 */
function emitOp(b: ProgramBuilder, op: number, args: readonly number[], stage: number, mask: string): void {
  const d = `r1.${mask}`;
  const a = (i: number): string => argument(b, args[i] ?? TA.PREVIOUS, stage, `r${10 + i}`);
  switch (op) {
    case TC.SELECTARG1: b.op(O.MOV, d, a(1)); return;
    case TC.SELECTARG2: b.op(O.MOV, d, a(2)); return;
    case TC.MODULATE: b.op(O.MUL, d, a(1), a(2)); return;
    case TC.MODULATE2X: b.op(O.MUL, d, a(1), a(2)); b.op(O.ADD, d, 'r1', 'r1'); return;
    case TC.MODULATE4X: b.op(O.MUL, d, a(1), a(2)); b.op(O.MUL, d, 'r1', `${LIT2}.x`); return;
    case TC.ADD: b.op(O.ADD, d, a(1), a(2)); return;
    case TC.ADDSIGNED: b.op(O.ADD, d, a(1), a(2)); b.op(O.ADD, d, 'r1', `${LIT2}.y`); return;
    case TC.ADDSIGNED2X:
      b.op(O.ADD, d, a(1), a(2));
      b.op(O.ADD, d, 'r1', `${LIT2}.y`);
      b.op(O.ADD, d, 'r1', 'r1');
      return;
    case TC.SUBTRACT: b.op(O.ADD, d, a(1), `-${a(2)}`); return;
    case TC.ADDSMOOTH: {
      const x = a(1);
      b.op(O.ADD, 'r13', `-${x}`, `${LIT}.y`);
      b.op(O.MAD, d, a(2), 'r13', x);
      return;
    }
    case TC.BLENDDIFFUSEALPHA: b.op(O.LRP, d, 'v0.w', a(1), a(2)); return;
    case TC.BLENDTEXTUREALPHA: b.op(O.LRP, d, 'r5.w', a(1), a(2)); return;
    case TC.BLENDFACTORALPHA: b.op(O.LRP, d, `c${PC.TFACTOR}.w`, a(1), a(2)); return;
    case TC.BLENDCURRENTALPHA: b.op(O.LRP, d, 'r0.w', a(1), a(2)); return;
    case TC.BLENDTEXTUREALPHAPM:
      b.op(O.ADD, 'r13', '-r5.w', `${LIT}.y`);
      b.op(O.MAD, d, a(2), 'r13', a(1));
      return;
    case TC.PREMODULATE: b.op(O.MUL, d, a(1), 'r8'); return;
    case TC.MODULATEALPHA_ADDCOLOR: {
      const x = a(1);
      b.op(O.MAD, d, alphaOf(x), a(2), x);
      return;
    }
    case TC.MODULATECOLOR_ADDALPHA: {
      const x = a(1);
      b.op(O.MAD, d, x, a(2), alphaOf(x));
      return;
    }
    case TC.MODULATEINVALPHA_ADDCOLOR: {
      const x = a(1);
      b.op(O.ADD, 'r13', `-${alphaOf(x)}`, `${LIT}.y`);
      b.op(O.MAD, d, 'r13', a(2), x);
      return;
    }
    case TC.MODULATEINVCOLOR_ADDALPHA: {
      const x = a(1);
      b.op(O.ADD, 'r13', `-${x}`, `${LIT}.y`);
      b.op(O.MAD, d, 'r13', a(2), alphaOf(x));
      return;
    }
    case TC.DOTPRODUCT3:
      b.op(O.ADD, 'r13', a(1), `${LIT2}.y`);
      b.op(O.ADD, 'r14', a(2), `${LIT2}.y`);
      b.op(O.DP3, d, 'r13', 'r14');
      b.op(O.MUL, d, 'r1', `${LIT2}.x`);
      return;
    case TC.MULTIPLYADD: b.op(O.MAD, d, a(1), a(2), a(0)); return;
    case TC.LERP: b.op(O.LRP, d, a(0), a(1), a(2)); return;
    default:
      // DISABLE (alpha), DSDT, BUMPENVMAPLUMINANCE: current passes through.
      b.op(O.MOV, d, 'r0');
  }
}

/** Texel of `stage` into `d`: projected, or offset by the previous stage's bump texel (r7). */
function emitLookup(b: ProgramBuilder, stages: readonly PixelStageKey[], index: number, d: string, bump: boolean): void {
  const s = stages[index];
  if (!s) return;
  const t = `t${s.coord}`;
  const prev = stages[index - 1];
  if (bump && prev && isBump(prev.colorOp) && prev.texture !== 0) {
    const m = `c${PC.BUMP + index - 1}`;
    b.op(O.MOV, 'r6', t);
    b.op(O.MAD, 'r6.x', `${m}.x`, 'r7.x', t);
    b.op(O.MAD, 'r6.x', `${m}.z`, 'r7.y', 'r6.x');
    b.op(O.MAD, 'r6.y', `${m}.y`, 'r7.x', `${t}.y`);
    b.op(O.MAD, 'r6.y', `${m}.w`, 'r7.y', 'r6.y');
    b.texld(d, 'r6', index);
    if (prev.colorOp === TC.BUMPENVMAPLUMINANCE) {
      const l = `c${PC.LUMINANCE + index - 1}`;
      b.opSat(O.MAD, 'r9.x', 'r7.z', `${l}.x`, `${l}.y`);
      b.op(O.MUL, `${d}.xyz`, d, 'r9.x');
    }
  } else if (s.projected === 3) {
    b.texld(d, t, index, 'texldp');
  } else if (s.projected >= 0) {
    b.op(O.MOV, 'r6', t);
    b.op(O.MOV, 'r6.w', `${t}.${XYZW[s.projected] ?? 'w'}`);
    b.texld(d, 'r6', index, 'texldp');
  } else {
    b.texld(d, t, index);
  }
}

/** Generates the pixel program of `key`. */
export function generatePixelProgram(key: PixelKey): ShaderProgram {
  const b = new ProgramBuilder('ps', 2, 1);
  b.def(PC.LITERALS, [0, 1, 0.5, 2]);
  b.def(PC.LITERALS2, [4, -0.5, 0, 0]);
  b.dcl('v0');
  // The specular colour is a varying only when something reads it.
  const readsSpecular = key.specular || key.stages.some((s) =>
    [...s.colorArgs, ...s.alphaArgs].some((a) => (a & 0xf) === TA.SPECULAR));
  if (readsSpecular) b.dcl('v1');
  const coords = new Set(key.stages.filter((s) => s.texture !== 0).map((s) => s.coord));
  for (const c of [...coords].sort((p, q) => p - q)) b.dcl(`t${c}`);
  key.stages.forEach((s, i) => {
    if (s.texture !== 0) b.dcl(`s${i}`, 0, 0, s.texture);
  });
  b.op(O.MOV, 'r0', 'v0');
  key.stages.forEach((s, i) => {
    if (s.texture !== 0) emitLookup(b, key.stages, i, 'r5', true);
    else b.op(O.MOV, 'r5', `${LIT}.xxxy`);
    const next = key.stages[i + 1];
    if (s.colorOp === TC.PREMODULATE || s.alphaOp === TC.PREMODULATE) {
      if (next && next.texture !== 0) emitLookup(b, key.stages, i + 1, 'r8', false);
      else b.op(O.MOV, 'r8', `${LIT}.y`);
    }
    if (s.colorOp === TC.DOTPRODUCT3) {
      // DOTPRODUCT3 as the colour op fills alpha too; the alpha op is ignored.
      emitOp(b, s.colorOp, s.colorArgs, i, 'xyzw');
    } else {
      emitOp(b, s.colorOp, s.colorArgs, i, 'xyz');
      emitOp(b, s.alphaOp, s.alphaArgs, i, 'w');
    }
    b.opSat(O.MOV, 'r0', 'r1');
    if (isBump(s.colorOp)) b.op(O.MOV, 'r7', 'r5');
  });
  if (key.specular) b.opSat(O.ADD, 'r0.xyz', 'r0', 'v1');
  b.op(O.MOV, 'oC0', 'r0');
  return b.build();
}
