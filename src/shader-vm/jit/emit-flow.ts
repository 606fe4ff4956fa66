/**
 * Emits the flow-control instructions, each a transcription of its case in `interp/execute.ts`:
 * the same execution masks (`cond & loopM & func`), the same if / loop / call stacks (plain
 * arrays, popped and truncated exactly as the interpreter does), the same jumps over branches no
 * lane takes, the same clamps of loop counts and the same stack limits. Generated code runs in a
 * `for (;;) switch (pc)` dispatcher; a flow instruction either falls through to the next one or
 * sets `pc` and re-dispatches.
 *
 * Loop frames are 8 numbers on `lf` (start, end, remaining, step, saved loop mask, saved aL,
 * if-stack depth, cond at entry), call frames 6 on `cf` (return pc, saved func, if-stack depth,
 * cond at call, loop-stack length, loop mask at call).
 */

import type { OpInstruction, SrcOperand } from '../ir/ir.js';
import { Opcode } from '../ir/opcodes.js';
import { MAX_STACK_DEPTH } from '../interp/execute.js';
import type { PreparedShader } from '../interp/prepare.js';
import { COMPARISON_CODES } from '../ops/scalar.js';
import type { EmitState } from './emit-operands.js';
import { rawRead, sourceReader } from './emit-operands.js';
import { JitStatus } from './jit-runtime.js';

/** Opcodes that are flow control for the dispatcher (NOP is not: it only counts). */
export const FLOW_OPCODES: ReadonlySet<number> = new Set([
  Opcode.IF, Opcode.IFC, Opcode.ELSE, Opcode.ENDIF, Opcode.LOOP, Opcode.ENDLOOP, Opcode.REP, Opcode.ENDREP,
  Opcode.BREAK, Opcode.BREAKC, Opcode.BREAKP, Opcode.CALL, Opcode.CALLNZ, Opcode.RET, Opcode.LABEL,
]);

const EXEC = '(cond & loopM & func)';

/** A lane loop over `exec` testing `test` (declarations in `decls`) into mask variable `name`. */
function laneMask(e: EmitState, name: string, decls: string[], test: string): string {
  const loop = e.lanes === 1
    ? `{ const l = 0, o = 0; if (exec & 1) { ${decls.join(' ')} if (${test}) ${name} = 1; } }`
    : `for (let l = 0; l < 4; l++) { if (!((exec >> l) & 1)) continue; const o = l << 2; ${decls.join(' ')} if (${test}) ${name} |= 1 << l; }`;
  return `let ${name} = 0; ${loop}`;
}

/** `readCondition` for every executing lane: b# or p0 component, `!` inverts (no relative index). */
function conditionLanes(e: EmitState, name: string, src: SrcOperand | undefined): string {
  if (!src) return `const ${name} = 0;`;
  const raw = rawRead(e, src.file, src.index, src.swizzle & 3);
  const test = src.modifier === 'not' ? `${raw} === 0` : `${raw} !== 0`;
  return laneMask(e, name, [], test);
}

const COMPARE: readonly (string | undefined)[] = [undefined, '>', '===', '>=', '<', '!==', '<='];

/** `compareLanes`: x of the swizzled, modified sources compared per executing lane. */
function compareLanes(e: EmitState, name: string, it: OpInstruction): string {
  const a = it.src[0];
  const b = it.src[1];
  if (!a || !b) return `const ${name} = 0;`;
  const code = it.comparison ? COMPARISON_CODES[it.comparison] : it.control & 7;
  const op = COMPARE[code];
  if (!op) return `const ${name} = 0;`;
  const decls: string[] = [];
  const x = sourceReader(e, decls, a, 'ca_')(0);
  const y = sourceReader(e, decls, b, 'cb_')(0);
  return laneMask(e, name, decls, `${x} ${op} ${y}`);
}

/** `breakLanes` of the interpreter for the mask in variable `lanes`. */
function breakCode(lanes: string): string {
  return `if (lf.length !== 0) { loopM &= ~${lanes}; const t = lf.length - 8;`
    + ` if ((lf[t + 7] & loopM & func) === 0) { cs.length = lf[t + 6]; cond = lf[t + 7]; pc = lf[t + 1]; continue run; } }`;
}

/** Pops a call frame (the second half of `returnLanes`). */
const POP_CALL = 'const t = cf.length - 6; pc = cf[t]; func = cf[t + 1]; cs.length = cf[t + 2]; cond = cf[t + 3];'
  + ' lf.length = cf[t + 4]; loopM = cf[t + 5]; cf.length = t; continue run;';

/**
 * The code of flow instruction `it` at `pc` (after its budget count). Falling off the end of the
 * returned code means "go on with pc + 1".
 */
export function emitFlow(e: EmitState, prepared: PreparedShader, it: OpInstruction, pc: number): string {
  const partner = prepared.partner[pc] as number;
  const head = `const exec = ${EXEC};`;
  switch (it.opcode) {
    case Opcode.IF:
    case Opcode.IFC: {
      const taken = it.opcode === Opcode.IF ? conditionLanes(e, 'taken', it.src[0]) : compareLanes(e, 'taken', it);
      return `${head} ${taken} cs.push(cond, taken); cond &= taken; if (${EXEC} === 0) { pc = ${partner}; continue run; }`;
    }
    case Opcode.ELSE:
      return `{ const taken = cs[cs.length - 1] ?? 0; const saved = cs[cs.length - 2] ?? 0; cond = saved & ~taken;`
        + ` if (${EXEC} === 0) { pc = ${partner}; continue run; } }`;
    case Opcode.ENDIF:
      return 'if (cs.length >= 2) { cs.pop(); cond = cs.pop(); }';
    case Opcode.LOOP:
    case Opcode.REP: {
      const isLoop = it.opcode === Opcode.LOOP;
      const intSrc = it.src[isLoop ? 1 : 0];
      const base = intSrc ? Math.min(Math.max(intSrc.index, 0), 15) * 4 : 0;
      const clamp = (x: string, lo: number, hi: number): string => `(${x} < ${lo} ? ${lo} : ${x} > ${hi} ? ${hi} : ${x})`;
      return `${head} const count = ${clamp(`I[${base}]`, 0, 255)};`
        + ` if (count === 0 || exec === 0) { pc = ${partner + 1}; continue run; }`
        + ` if (lf.length >= ${MAX_STACK_DEPTH * 8}) { rt.pc = ${pc}; rt.ex = ex; return ${JitStatus.LOOP_OVERFLOW}; }`
        + ` lf.push(${pc}, ${partner}, count, ${isLoop ? clamp(`I[${base + 2}]`, -128, 127) : '0'}, loopM, m.aL, cs.length, cond);`
        + (isLoop ? ` m.aL = ${clamp(`I[${base + 1}]`, 0, 255)};` : '');
    }
    case Opcode.ENDLOOP:
    case Opcode.ENDREP:
      return `{ const t = lf.length - 8; if (t < 0 || lf[t + 1] !== ${pc}) { rt.pc = ${pc}; rt.ex = ex; return ${JitStatus.BAD_LOOP_END}; }`
        + ' lf[t + 2]--; m.aL += lf[t + 3];'
        + ` if (lf[t + 2] > 0 && ${EXEC} !== 0) { pc = lf[t] + 1; continue run; }`
        + ' loopM = lf[t + 4]; m.aL = lf[t + 5]; lf.length = t; }';
    case Opcode.BREAK:
      return `{ const lanes = ${EXEC}; ${breakCode('lanes')} }`;
    case Opcode.BREAKC:
      return `{ ${head} ${compareLanes(e, 'lanes', it)} ${breakCode('lanes')} }`;
    case Opcode.BREAKP:
      return `{ ${head} ${conditionLanes(e, 'lanes', it.src[0])} ${breakCode('lanes')} }`;
    case Opcode.CALL:
    case Opcode.CALLNZ: {
      const lanes = it.opcode === Opcode.CALL ? 'const lanes = exec;' : conditionLanes(e, 'lanes', it.src[1]);
      const target = (prepared.callTarget[pc] as number) + 1;
      return `{ ${head} ${lanes} if (lanes !== 0) {`
        + ` if (cf.length >= ${MAX_STACK_DEPTH * 6}) { rt.pc = ${pc}; rt.ex = ex; return ${JitStatus.CALL_OVERFLOW}; }`
        + ` cf.push(${pc + 1}, func, cs.length, cond, lf.length, loopM); func &= lanes; pc = ${target}; continue run; } }`;
    }
    case Opcode.RET:
    case Opcode.LABEL:
      // A label reached in sequence ends the function before it, like ret.
      return `{ const exec = ${EXEC}; func &= ~(exec === 0 ? func : exec);`
        + ` if (func === 0) { if (cf.length === 0) break run; ${POP_CALL} } }`;
    default:
      return '';
  }
}

/** The dispatcher's `default:` (pc past the end): return from a subroutine, or finish. */
export const END_OF_PROGRAM = `if (cf.length === 0) break run; func = 0; { ${POP_CALL} }`;
