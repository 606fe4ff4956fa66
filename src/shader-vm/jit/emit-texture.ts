/**
 * Emits the SM2+ texture lookups (texld / texldp / texldb, texldl, texldd, and vs_3_0 lookups)
 * straight into the generated code, as `interp/exec-texture.ts` performs them: coordinates of
 * every lane (helpers included), projection by w unless the sampler is a cube, LOD from w for
 * texldb / texldl / vertex lookups, explicit or fine quad derivatives, one request for the
 * invocation, NaN results scrubbed to 0, the s# swizzle, then result modifiers, write mask and
 * predicate per executing lane. ps_1_x lookups keep running through the interpreter's executor.
 */

import type { OpInstruction } from '../ir/ir.js';
import { Opcode } from '../ir/opcodes.js';
import { swizzleComponent } from '../ir/ir.js';
import type { PreparedShader } from '../interp/prepare.js';
import type { EmitState } from './emit-operands.js';
import { finish, sourceReader, stageWrite } from './emit-operands.js';

const CUBE = 3;

/** Whether `it` is a lookup this module emits (the rest go to `execTextureOp`). */
export function isInlineLookup(prepared: PreparedShader, it: OpInstruction): boolean {
  const v = prepared.program.version;
  const ps1 = v.type === 'ps' && v.major === 1;
  return !ps1 && (it.opcode === Opcode.TEX || it.opcode === Opcode.TEXLDL || it.opcode === Opcode.TEXLDD) && it.dst !== undefined && it.src[0] !== undefined;
}

/** One lane block over every lane (`all`) or the executing ones, with `o` and `l` bound. */
function perLane(e: EmitState, all: boolean, body: (l: number) => string[]): string[] {
  const out: string[] = [];
  for (let l = 0; l < e.lanes; l++) {
    const code = body(l);
    if (code.length === 0) continue;
    out.push(`${all ? '' : `if ((exec >> ${l}) & 1) `}{ const l = ${l}, o = ${l * 4};`, ...code, '}');
  }
  return out;
}

/** The code of lookup `it` (after its budget count, inside `if (exec !== 0)`). */
export function emitLookup(e: EmitState, prepared: PreparedShader, it: OpInstruction): string[] {
  const dst = it.dst;
  const src0 = it.src[0];
  if (!dst || !src0) return [];
  const lanes = e.lanes;
  const isVs = prepared.program.version.type === 'vs';
  const samplerOp = it.src[1];
  const unit = samplerOp ? samplerOp.index : 0;
  const lines: string[] = [];
  lines.push(...perLane(e, true, () => {
    const decls: string[] = [];
    const s = sourceReader(e, decls, src0, 't_');
    const comps = [0, 1, 2, 3].map((i) => s(i));
    return [...decls, comps.map((c, i) => `TC[o + ${i}] = ${c};`).join(' ')];
  }));
  let variant = 'plain';
  let explicitGrad = false;
  if (it.opcode === Opcode.TEXLDL || isVs) {
    variant = 'lod';
    for (let l = 0; l < lanes; l++) lines.push(`TLOD[${l}] = TC[${l * 4 + 3}];`);
  } else if (it.opcode === Opcode.TEXLDD) {
    variant = 'grad';
    explicitGrad = true;
    lines.push(...perLane(e, true, () => {
      const decls: string[] = [];
      const gx = sourceReader(e, decls, it.src[2], 'gx_');
      const gy = sourceReader(e, decls, it.src[3], 'gy_');
      const x = [0, 1, 2, 3].map((i) => `TDX[o + ${i}] = ${gx(i)};`);
      const y = [0, 1, 2, 3].map((i) => `TDY[o + ${i}] = ${gy(i)};`);
      return [...decls, ...x, ...y];
    }));
  } else if (it.texldMode === 'texldp' || it.control === 1) {
    variant = 'projected';
    if (prepared.samplerTypes[unit] !== CUBE) {
      for (let l = 0; l < lanes; l++) {
        const o = l * 4;
        lines.push(`{ const w = TC[${o + 3}]; TC[${o}] = fr(TC[${o}] / w); TC[${o + 1}] = fr(TC[${o + 1}] / w); TC[${o + 2}] = fr(TC[${o + 2}] / w); }`);
      }
    }
  } else if (it.texldMode === 'texldb' || it.control === 2) {
    variant = 'bias';
    for (let l = 0; l < lanes; l++) lines.push(`TLOD[${l}] = TC[${l * 4 + 3}];`);
  }
  if (!explicitGrad) lines.push(lanes === 4 ? 'quadDerivatives(TC, TDX, TDY);' : 'TDX.fill(0); TDY.fill(0);');
  if (variant !== 'bias' && variant !== 'lod') lines.push('TLOD.fill(0);');
  const views = lanes === 4 ? 'V4' : 'V1';
  lines.push('TRES.fill(0);');
  lines.push(`ctx.sampler.sample({ sampler: ${unit}, variant: ${JSON.stringify(variant)}, lanes: ${lanes}, mask: exec,`
    + ` coords: ${views}.coords, ddx: ${views}.ddx, ddy: ${views}.ddy, lod: ${views}.lod }, TRES);`);
  lines.push(`for (let i = 0; i < ${lanes * 4}; i++) if (TRES[i] !== TRES[i]) TRES[i] = 0;`);
  const swizzle = samplerOp && samplerOp.swizzle !== 0xe4 ? samplerOp.swizzle : 0xe4;
  lines.push(...perLane(e, false, () => {
    const values = [0, 1, 2, 3].map((i) => finish(e, dst, `TRES[o + ${swizzleComponent(swizzle, i)}]`));
    const names = values.map((_, i) => `x${i}`);
    const w = stageWrite(e, dst, dst.writeMask, names, it.predicate, 'T');
    return [...values.map((v, i) => `const x${i} = ${v};`), ...w.compute, ...w.commit];
  }));
  return lines;
}
