/**
 * Code generation of D3D9's vertex lighting (the "Mathematics of Lighting" of the D3D9 docs), in
 * view space, one unrolled block per light of the key:
 *
 *   oD0.rgb = Ce + Ca·(Ga + Σ Atten·Spot·La) + Cd·Σ Atten·Spot·Ld·max(N·L, 0)
 *   oD0.a   = Cd.a
 *   oD1.rgb = Cs·Σ Atten·Spot·Ls·(N·H)^P   (only where N·L > 0 and N·H > 0; SPECULARENABLE)
 *   oD1.a   = Cs.a
 *
 * with Atten = 1/(att0 + att1·d + att2·d²) and 0 beyond the range (point and spot lights; 1 for
 * directional ones), Spot = 1 inside the inner cone, 0 outside the outer one and
 * ((ρ − cos(φ/2)) / (cos(θ/2) − cos(φ/2)))^falloff between, H = normalize(L + V) with V the
 * direction to the eye (to the origin with LOCALVIEWER, else (0, 0, −1): D3D's view space looks
 * down +z). Powers go through the VM's `pow` (our float32 pow), not `lit`, whose power clamp at
 * ±128 D3D9's fixed function does not have.
 *
 * Registers on entry: r0 = view-space position, r1 = view-space normal (zero without NORMAL).
 * The colours end in r20 (diffuse) and r21 (specular) for the caller to write.
 *
 * Two-sided keys evaluate the same equation a second time with the BACK material (Cd, Ca, Cs, Ce
 * and P that come from the material; components taken from vertex colours are shared), into
 * r23 (diffuse) and r24 (specular). Same normal and light sums: SVGA has no two-sided lighting
 * state, so a back face is not lit from behind, only with other material colours. Each face's
 * instructions are those of a one-sided program with that material, so both are bit-exact.
 */
import { Opcode as O } from '../../shader-vm/index.js';
import type { ProgramBuilder } from './program-builder.js';
import { LightReg, VC } from './vertex-constants.js';
import type { MaterialSource, VertexKey } from './vertex-key.js';

/** Vertex input registers of the generated vertex program. */
export const VI = { POSITION: 0, NORMAL: 1, COLOR0: 2, COLOR1: 3, PSIZE: 4, BLENDWEIGHT: 5, BLENDINDICES: 6, TEXCOORD0: 7 } as const;

/** Literal registers: `ZERO_ONE` = (0, 1, 0.5, 2), `MISC` = (−log2 e, −1, 3, 8). */
export const LIT = `c${VC.LITERALS}`;
export const LIT2 = `c${VC.LITERALS2}`;

function materialReg(source: MaterialSource, materialConst: number): string {
  return source === 'color0' ? `v${VI.COLOR0}` : source === 'color1' ? `v${VI.COLOR1}` : `c${materialConst}`;
}

/** The material registers of one face: diffuse, ambient, specular, emissive, power. */
interface FaceMaterial {
  readonly cd: string;
  readonly ca: string;
  readonly cs: string;
  readonly ce: string;
  readonly power: string;
}

function faceMaterial(key: VertexKey, diffuse: number, ambient: number, specular: number, emissive: number, power: number): FaceMaterial {
  return {
    cd: materialReg(key.diffuseSource, diffuse),
    ca: materialReg(key.ambientSource, ambient),
    cs: materialReg(key.specularSource, specular),
    ce: materialReg(key.emissiveSource, emissive),
    power: `c${power}.x`,
  };
}

/**
 * Combines the light sums with one face's material: `d` = diffuse (Ce + Ca·(Ga + ΣLa) + Cd·ΣLd,
 * alpha Cd.a), `s` = specular (Cs·ΣLs, alpha Cs.a). `scratch` is clobbered (it may be r2 itself
 * when this is the last use of the ambient sum).
 */
function emitCombine(b: ProgramBuilder, key: VertexKey, m: FaceMaterial, specularSum: string, scratch: string, d: string, s: string): void {
  b.op(O.ADD, `${scratch}.xyz`, 'r2', `c${VC.GLOBAL_AMBIENT}`);
  b.op(O.MUL, `${scratch}.xyz`, scratch, m.ca);
  b.op(O.MAD, `${scratch}.xyz`, m.cd, 'r3', scratch);
  b.op(O.ADD, `${d}.xyz`, scratch, m.ce);
  b.op(O.MOV, `${d}.w`, `${m.cd}.w`);
  if (key.specular) b.op(O.MUL, `${s}.xyz`, m.cs, specularSum);
  else b.op(O.MOV, `${s}.xyz`, `${LIT}.x`);
  b.op(O.MOV, `${s}.w`, `${m.cs}.w`);
}

/**
 * Emits the lighting of `key` (which must have lighting on); results in r20 / r21, and with a
 * two-sided key the BACK material's in r23 / r24.
 */
export function emitLighting(b: ProgramBuilder, key: VertexKey): void {
  const front = faceMaterial(key, VC.MATERIAL_DIFFUSE, VC.MATERIAL_AMBIENT, VC.MATERIAL_SPECULAR, VC.MATERIAL_EMISSIVE, VC.MATERIAL_POWER);
  const back = faceMaterial(
    key, VC.BACK_MATERIAL_DIFFUSE, VC.BACK_MATERIAL_AMBIENT, VC.BACK_MATERIAL_SPECULAR, VC.BACK_MATERIAL_EMISSIVE, VC.BACK_MATERIAL_POWER,
  );
  const backSpecular = key.twoSided && key.specular;
  // r2 ambient sum, r3 diffuse sum, r4 specular sum (r10 with the back material's power).
  b.op(O.MOV, 'r2', `${LIT}.x`);
  b.op(O.MOV, 'r3', `${LIT}.x`);
  b.op(O.MOV, 'r4', `${LIT}.x`);
  if (backSpecular) b.op(O.MOV, 'r10', `${LIT}.x`);
  if (key.specular && key.lights.length > 0) {
    // r13 = V, the direction from the vertex to the eye.
    if (key.localViewer) b.op(O.NRM, 'r13.xyz', '-r0');
    else {
      b.op(O.MOV, 'r13.xy', `${LIT}.x`);
      b.op(O.MOV, 'r13.z', `${LIT2}.y`);
    }
  }
  key.lights.forEach((kind, i) => {
    const base = VC.LIGHTS + VC.LIGHT_STRIDE * i;
    const c = (reg: number, sw = ''): string => `c${base + reg}${sw === '' ? '' : `.${sw}`}`;
    let toLight: string;
    let atten: string;
    if (kind === 'directional') {
      toLight = c(LightReg.DIRECTION);
      atten = `${LIT}.y`;
    } else {
      // r5 = L, r6 = (d², 1/d, d), r7.x = attenuation (0 beyond the range).
      b.op(O.ADD, 'r5.xyz', c(LightReg.POSITION), '-r0');
      b.op(O.DP3, 'r6.x', 'r5', 'r5');
      b.op(O.RSQ, 'r6.y', 'r6.x');
      b.op(O.MUL, 'r6.z', 'r6.x', 'r6.y');
      b.op(O.MUL, 'r5.xyz', 'r5', 'r6.y');
      b.op(O.MAD, 'r7.x', c(LightReg.PARAMS2, 'x'), 'r6.x', c(LightReg.PARAMS1, 'z'));
      b.op(O.MAD, 'r7.x', c(LightReg.PARAMS1, 'w'), 'r6.z', 'r7.x');
      b.op(O.RCP, 'r7.x', 'r7.x');
      b.op(O.SGE, 'r7.y', c(LightReg.PARAMS1, 'x'), 'r6.z');
      b.op(O.MUL, 'r7.x', 'r7.x', 'r7.y');
      if (kind === 'spot') {
        // r8.x = ρ, r8.y = (ρ − cos φ/2)·scale saturated, r8.z = ρ > cos φ/2, r8.w = spot factor.
        b.op(O.DP3, 'r8.x', 'r5', c(LightReg.DIRECTION));
        b.op(O.ADD, 'r8.y', 'r8.x', `-${c(LightReg.PARAMS2, 'z')}`);
        b.op(O.MUL, 'r8.y', 'r8.y', c(LightReg.PARAMS2, 'w'));
        b.op(O.MAX, 'r8.y', 'r8.y', `${LIT}.x`);
        b.op(O.MIN, 'r8.y', 'r8.y', `${LIT}.y`);
        b.op(O.SLT, 'r8.z', c(LightReg.PARAMS2, 'z'), 'r8.x');
        b.op(O.POW, 'r8.w', 'r8.y', c(LightReg.PARAMS1, 'y'));
        b.op(O.MUL, 'r8.w', 'r8.w', 'r8.z');
        b.op(O.MUL, 'r7.x', 'r7.x', 'r8.w');
      }
      toLight = 'r5';
      atten = 'r7.x';
    }
    // r9 = (N·L, diffuse factor, N·H, specular factor).
    b.op(O.DP3, 'r9.x', 'r1', toLight);
    b.op(O.MAX, 'r9.y', 'r9.x', `${LIT}.x`);
    b.op(O.MUL, 'r9.y', 'r9.y', atten);
    b.op(O.MAD, 'r3.xyz', c(LightReg.DIFFUSE), 'r9.y', 'r3');
    b.op(O.MAD, 'r2.xyz', c(LightReg.AMBIENT), atten, 'r2');
    if (key.specular) {
      b.op(O.ADD, 'r11.xyz', toLight, 'r13');
      b.op(O.NRM, 'r11.xyz', 'r11');
      b.op(O.DP3, 'r9.z', 'r1', 'r11');
      b.op(O.POW, 'r9.w', 'r9.z', front.power);
      b.op(O.SLT, 'r12.x', `${LIT}.x`, 'r9.x');
      b.op(O.SLT, 'r12.y', `${LIT}.x`, 'r9.z');
      b.op(O.MUL, 'r12.x', 'r12.x', 'r12.y');
      b.op(O.MUL, 'r9.w', 'r9.w', 'r12.x');
      b.op(O.MUL, 'r9.w', 'r9.w', atten);
      b.op(O.MAD, 'r4.xyz', c(LightReg.SPECULAR), 'r9.w', 'r4');
      if (backSpecular) {
        // The same steps with the back power, into r12.z and r10.
        b.op(O.POW, 'r12.z', 'r9.z', back.power);
        b.op(O.MUL, 'r12.z', 'r12.z', 'r12.x');
        b.op(O.MUL, 'r12.z', 'r12.z', atten);
        b.op(O.MAD, 'r10.xyz', c(LightReg.SPECULAR), 'r12.z', 'r10');
      }
    }
  });
  // The back face first: the front's combine reuses r2 as its scratch, as one-sided programs do.
  if (key.twoSided) emitCombine(b, key, back, 'r10', 'r25', 'r23', 'r24');
  emitCombine(b, key, front, 'r4', 'r2', 'r20', 'r21');
}
