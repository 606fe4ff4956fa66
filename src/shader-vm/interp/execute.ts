/**
 * The interpreter loop: runs a prepared program over the lanes of one invocation with per-lane
 * execution masks (tgsi_exec style). The active lanes of an instruction are
 * `cond & loop & func`: `cond` is narrowed by if/else, `loop` loses lanes that break out of the
 * innermost loop, `func` loses lanes that returned from the current subroutine. Loop and rep counts
 * come from constants, so iteration is uniform; only the masks diverge. When no lane is left in a
 * branch, loop iteration or subroutine, the interpreter jumps over it instead of walking it masked.
 *
 * Every executed instruction (flow control included; declarations and DEFs excluded) counts
 * against the budget; running out ends the invocation with status `budget-exceeded`.
 */

import type { DiagnosticCode } from '../../common/diagnostics.js';
import { diagnostic } from '../../common/diagnostics.js';
import type { OpInstruction } from '../ir/ir.js';
import { Opcode } from '../ir/opcodes.js';
import { COMPARISON_CODES, compareF } from '../ops/scalar.js';
import { InterpDiag } from './interp-diagnostics.js';
import type { ExecContext, ExecStatus } from './exec-context.js';
import { commitWrite, computeArithmetic } from './exec-arith.js';
import { execTextureOp } from './exec-texture.js';

/** Loop/rep frames and call frames the interpreter keeps at most (SVGA3D_MAX_NESTING_LEVEL). */
export const MAX_STACK_DEPTH = 32;

interface LoopFrame {
  readonly start: number;
  readonly end: number;
  remaining: number;
  readonly step: number;
  readonly savedLoop: number;
  readonly savedAL: number;
  readonly condDepth: number;
  readonly condAtEntry: number;
}

interface CallFrame {
  readonly returnPc: number;
  readonly savedFunc: number;
  readonly condDepth: number;
  readonly condAtCall: number;
  readonly loopDepth: number;
  readonly loopAtCall: number;
}

/** Result of `execute`. */
export interface ExecResult {
  readonly status: ExecStatus;
  /** Instructions executed (the budget's count). */
  readonly executed: number;
}

// Comparison scratch: read and compared at once, never held across a nested invocation.
const tmpA = new Float32Array(4);
const tmpB = new Float32Array(4);

function clampInt(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** Runs the program of `ctx` to completion, the budget or a stack overflow. */
export function execute(ctx: ExecContext): ExecResult {
  const { prepared, m } = ctx;
  if (!prepared.ok) return { status: 'invalid', executed: 0 };
  const ins = prepared.program.instructions;
  const n = ins.length;
  const full = (1 << m.lanes) - 1;
  let cond = full;
  let loopMask = full;
  let func = full;
  // IF frames: pairs (saved cond, lanes that took the branch).
  const condStack: number[] = [];
  const loops: LoopFrame[] = [];
  const calls: CallFrame[] = [];
  const pending = m.pending;
  let executed = 0;
  let pc = 0;

  const laneMaskOf = (test: (lane: number) => boolean, exec: number): number => {
    let r = 0;
    for (let l = 0; l < m.lanes; l++) if (exec & (1 << l) && test(l)) r |= 1 << l;
    return r;
  };
  const compareLanes = (it: OpInstruction, exec: number): number => {
    const a = it.src[0];
    const b = it.src[1];
    if (!a || !b) return 0;
    const code = it.comparison ? COMPARISON_CODES[it.comparison] : it.control & 7;
    return laneMaskOf((l) => {
      m.readSrc(a, l, tmpA);
      m.readSrc(b, l, tmpB);
      return compareF(code, tmpA[0] as number, tmpB[0] as number);
    }, exec);
  };
  const conditionLanes = (src: OpInstruction['src'][number] | undefined, exec: number): number =>
    src ? laneMaskOf((l) => m.readCondition(src, l), exec) : 0;

  /** Removes `lanes` from the innermost loop; jumps to its end when nobody is left in it. */
  const breakLanes = (lanes: number): void => {
    const frame = loops[loops.length - 1];
    if (!frame) {
      pc++;
      return;
    }
    loopMask &= ~lanes;
    if ((frame.condAtEntry & loopMask & func) === 0) {
      condStack.length = frame.condDepth;
      cond = frame.condAtEntry;
      pc = frame.end;
    } else pc++;
  };

  /** Lanes in `lanes` return from the current function (main included). */
  const returnLanes = (lanes: number): boolean => {
    func &= ~lanes;
    if (func !== 0) {
      pc++;
      return true;
    }
    const frame = calls.pop();
    if (!frame) return false; // main is over for every lane
    pc = frame.returnPc;
    func = frame.savedFunc;
    condStack.length = frame.condDepth;
    cond = frame.condAtCall;
    loops.length = frame.loopDepth;
    loopMask = frame.loopAtCall;
    return true;
  };

  const fail = (status: ExecStatus, def: DiagnosticCode, message: string): ExecResult => {
    ctx.sink?.report(diagnostic(def, message));
    return { status, executed };
  };

  for (;;) {
    if (pc >= n) {
      // Falling off the end inside a subroutine returns from it.
      if (calls.length === 0 || !returnLanes(func)) break;
      continue;
    }
    const it = ins[pc];
    if (it === undefined || it.kind !== 'op') {
      pc++;
      continue;
    }
    if (++executed > ctx.budget) {
      executed = ctx.budget;
      return fail('budget-exceeded', InterpDiag.BUDGET_EXCEEDED, `shader stopped after ${ctx.budget} executed instructions at instruction ${pc}`);
    }
    const exec = cond & loopMask & func;
    switch (it.opcode) {
      case Opcode.NOP:
        pc++;
        break;
      case Opcode.IF:
      case Opcode.IFC: {
        const taken = it.opcode === Opcode.IF ? conditionLanes(it.src[0], exec) : compareLanes(it, exec);
        condStack.push(cond, taken);
        cond &= taken;
        pc = (cond & loopMask & func) === 0 ? (prepared.partner[pc] as number) : pc + 1;
        break;
      }
      case Opcode.ELSE: {
        const taken = condStack[condStack.length - 1] ?? 0;
        const saved = condStack[condStack.length - 2] ?? 0;
        cond = saved & ~taken;
        pc = (cond & loopMask & func) === 0 ? (prepared.partner[pc] as number) : pc + 1;
        break;
      }
      case Opcode.ENDIF:
        if (condStack.length >= 2) {
          condStack.pop();
          cond = condStack.pop() as number;
        }
        pc++;
        break;
      case Opcode.LOOP:
      case Opcode.REP: {
        const end = prepared.partner[pc] as number;
        const isLoop = it.opcode === Opcode.LOOP;
        const intSrc = it.src[isLoop ? 1 : 0];
        const base = intSrc ? clampInt(intSrc.index, 0, 15) * 4 : 0;
        const count = clampInt(m.ints[base] as number, 0, 255);
        if (count === 0 || exec === 0) {
          pc = end + 1;
          break;
        }
        if (loops.length >= MAX_STACK_DEPTH) {
          return fail('stack-overflow', InterpDiag.LOOP_STACK_OVERFLOW, `loops nested deeper than ${MAX_STACK_DEPTH} at instruction ${pc}`);
        }
        loops.push({
          start: pc,
          end,
          remaining: count,
          step: isLoop ? clampInt(m.ints[base + 2] as number, -128, 127) : 0,
          savedLoop: loopMask,
          savedAL: m.aL,
          condDepth: condStack.length,
          condAtEntry: cond,
        });
        if (isLoop) m.aL = clampInt(m.ints[base + 1] as number, 0, 255);
        pc++;
        break;
      }
      case Opcode.ENDLOOP:
      case Opcode.ENDREP: {
        const frame = loops[loops.length - 1];
        if (!frame || frame.end !== pc) {
          return fail('invalid', InterpDiag.BAD_STRUCTURE, `loop end at instruction ${pc} reached outside its loop`);
        }
        frame.remaining--;
        m.aL += frame.step;
        if (frame.remaining > 0 && (cond & loopMask & func) !== 0) pc = frame.start + 1;
        else {
          loops.pop();
          loopMask = frame.savedLoop;
          m.aL = frame.savedAL;
          pc++;
        }
        break;
      }
      case Opcode.BREAK:
        breakLanes(exec);
        break;
      case Opcode.BREAKC:
        breakLanes(compareLanes(it, exec));
        break;
      case Opcode.BREAKP:
        breakLanes(conditionLanes(it.src[0], exec));
        break;
      case Opcode.CALL:
      case Opcode.CALLNZ: {
        const lanes = it.opcode === Opcode.CALL ? exec : conditionLanes(it.src[1], exec);
        if (lanes === 0) {
          pc++;
          break;
        }
        if (calls.length >= MAX_STACK_DEPTH) {
          return fail('stack-overflow', InterpDiag.CALL_STACK_OVERFLOW, `calls nested deeper than ${MAX_STACK_DEPTH} at instruction ${pc}`);
        }
        calls.push({
          returnPc: pc + 1,
          savedFunc: func,
          condDepth: condStack.length,
          condAtCall: cond,
          loopDepth: loops.length,
          loopAtCall: loopMask,
        });
        func &= lanes;
        pc = (prepared.callTarget[pc] as number) + 1;
        break;
      }
      case Opcode.RET:
      case Opcode.LABEL:
        // A label reached in sequence ends the function before it, like ret.
        if (!returnLanes(exec === 0 ? func : exec)) return { status: 'ok', executed };
        break;
      default: {
        if (exec !== 0) {
          if (!execTextureOp(ctx, it, exec)) {
            const next = ins[pc + 1];
            const first = pending[0];
            computeArithmetic(ctx, it, pc, exec, first);
            if (next !== undefined && next.kind === 'op' && next.coissue) {
              // A co-issued pair reads its sources before either half writes.
              computeArithmetic(ctx, next, pc + 1, exec, pending[1]);
              commitWrite(m, first);
              commitWrite(m, pending[1]);
              pc += 2;
              if (++executed > ctx.budget) executed = ctx.budget;
              break;
            }
            commitWrite(m, first);
          }
        }
        pc++;
      }
    }
  }
  return { status: 'ok', executed };
}
