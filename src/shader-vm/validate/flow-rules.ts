/**
 * Flow-control rules (SM2+): if/else/endif, loop/endloop and rep/endrep balance and nesting
 * limits, break inside a loop, labels defined once and placed between functions, calls to defined
 * labels only, no recursion and a bounded call depth.
 *
 * Layout: `main` runs to its first top-level `ret` (or to END); each `label l#` after that starts a
 * subroutine that ends at its top-level `ret`. Limits follow D3D9's flow-control table: `if`
 * nesting 16 (SM2) / 24 (SM3), loop/rep nesting 4, call depth 1 in vs_2_0 and 4 elsewhere.
 */

import type { Instruction, OpInstruction } from '../ir/ir.js';
import { versionNumber } from '../ir/ir.js';
import { findOpcode } from '../ir/opcodes.js';
import { MAX_LOOP_NESTING, MAX_NESTING } from '../ir/registers.js';
import { ShaderDiag } from '../shader-diagnostics.js';
import type { ValidationContext } from './context.js';

type Block = { kind: 'if'; sawElse: boolean } | { kind: 'loop' } | { kind: 'rep' };

/** Function id: -1 for main, else the label number. */
type FunctionId = number;

/** Runs the flow-control rules over the instruction list. */
export function checkFlow(ctx: ValidationContext, instructions: readonly Instruction[]): void {
  const v = ctx.version;
  const ifLimit = Math.min(v.major >= 3 ? 24 : 16, MAX_NESTING);
  const callLimit = v.type === 'vs' && versionNumber(v) === 0x200 ? 1 : 4;
  const stack: Block[] = [];
  let loopDepth = 0;
  let ifDepth = 0;
  let current: FunctionId = -1;
  let inFunction = true; // main is open from the start
  const defined = new Map<number, number>();
  const calls = new Map<FunctionId, Set<number>>();
  const callSites: { label: number; ins: OpInstruction; at: number }[] = [];

  const closeFunction = (ins: Instruction, at: number): void => {
    if (stack.length > 0) ctx.report(ShaderDiag.UNBALANCED_FLOW, `${stack.length} open block(s) at the end of a function`, ins, at);
    stack.length = 0;
    loopDepth = 0;
    ifDepth = 0;
  };

  instructions.forEach((ins, at) => {
    if (ins.kind !== 'op') return;
    const row = findOpcode(ins.opcode, v);
    const role = row?.flow;
    if (!role) return;
    const top = stack[stack.length - 1];
    switch (role) {
      case 'if': case 'ifc':
        stack.push({ kind: 'if', sawElse: false });
        ifDepth++;
        if (ifDepth > ifLimit || stack.length > MAX_NESTING) ctx.report(ShaderDiag.NESTING_TOO_DEEP, `if nested ${ifDepth} deep (limit ${ifLimit})`, ins, at);
        break;
      case 'else':
        if (top?.kind !== 'if' || top.sawElse) ctx.report(ShaderDiag.ELSE_WITHOUT_IF, 'else without a matching if', ins, at);
        else top.sawElse = true;
        break;
      case 'endif':
        if (top?.kind !== 'if') ctx.report(ShaderDiag.UNBALANCED_FLOW, 'endif without a matching if', ins, at);
        else {
          stack.pop();
          ifDepth--;
        }
        break;
      case 'loop': case 'rep':
        stack.push({ kind: role });
        loopDepth++;
        if (loopDepth > MAX_LOOP_NESTING || stack.length > MAX_NESTING) {
          ctx.report(ShaderDiag.NESTING_TOO_DEEP, `${role} nested ${loopDepth} deep (limit ${MAX_LOOP_NESTING})`, ins, at);
        }
        break;
      case 'endloop': case 'endrep': {
        const want = role === 'endloop' ? 'loop' : 'rep';
        if (top?.kind !== want) ctx.report(ShaderDiag.UNBALANCED_FLOW, `${role} without a matching ${want}`, ins, at);
        else {
          stack.pop();
          loopDepth--;
        }
        break;
      }
      case 'break': case 'breakc': case 'breakp':
        if (!stack.some((b) => b.kind !== 'if')) ctx.report(ShaderDiag.BREAK_OUTSIDE_LOOP, `${row.mnemonic} outside loop/rep`, ins, at);
        break;
      case 'call': case 'callnz': {
        const l = ins.src[0];
        if (l) {
          callSites.push({ label: l.index, ins, at });
          let set = calls.get(current);
          if (!set) calls.set(current, (set = new Set()));
          set.add(l.index);
        }
        if (!inFunction) ctx.report(ShaderDiag.LABEL_PLACEMENT, 'call outside any function body', ins, at);
        break;
      }
      case 'ret':
        if (stack.length === 0) {
          if (!inFunction) ctx.report(ShaderDiag.LABEL_PLACEMENT, 'ret outside any function body', ins, at);
          inFunction = false;
        }
        break;
      case 'label': {
        const l = ins.src[0];
        if (!l) break;
        if (defined.has(l.index)) ctx.report(ShaderDiag.LABEL_DUPLICATE, `label l${l.index} defined twice`, ins, at);
        else defined.set(l.index, at);
        if (stack.length > 0) {
          ctx.report(ShaderDiag.LABEL_PLACEMENT, `label l${l.index} inside a flow-control block`, ins, at);
          closeFunction(ins, at);
        }
        current = l.index;
        inFunction = true;
        break;
      }
    }
  });
  const last = instructions[instructions.length - 1];
  if (stack.length > 0 && last) closeFunction(last, instructions.length - 1);

  for (const c of callSites) {
    if (!defined.has(c.label)) ctx.report(ShaderDiag.LABEL_UNDEFINED, `call to undefined label l${c.label}`, c.ins, c.at);
  }
  checkCallGraph(ctx, calls, callLimit, instructions, defined);
}

/** Rejects call cycles and call chains deeper than the model allows, without recursion. */
function checkCallGraph(
  ctx: ValidationContext, calls: ReadonlyMap<FunctionId, ReadonlySet<number>>, limit: number,
  instructions: readonly Instruction[], defined: ReadonlyMap<number, number>,
): void {
  // Iterative DFS with colours; depth[f] = longest call chain starting in f.
  const colour = new Map<FunctionId, 1 | 2>();
  const depth = new Map<FunctionId, number>();
  const roots: FunctionId[] = [-1, ...defined.keys()];
  let cycleReported = false;
  for (const root of roots) {
    if (colour.has(root)) continue;
    const stack: { f: FunctionId; it: Iterator<number> }[] = [{ f: root, it: (calls.get(root) ?? new Set<number>()).values() }];
    colour.set(root, 1);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (!frame) break;
      const step = frame.it.next();
      if (step.done) {
        let d = 0;
        for (const callee of calls.get(frame.f) ?? []) d = Math.max(d, 1 + (depth.get(callee) ?? 0));
        depth.set(frame.f, d);
        colour.set(frame.f, 2);
        stack.pop();
        continue;
      }
      const callee = step.value;
      if (!defined.has(callee)) continue;
      const c = colour.get(callee);
      if (c === 1) {
        if (!cycleReported) {
          const at = defined.get(callee) ?? 0;
          ctx.report(ShaderDiag.RECURSION, `recursive call reaches l${callee} again`, instructions[at], at);
          cycleReported = true;
        }
        continue;
      }
      if (c === 2) continue;
      colour.set(callee, 1);
      stack.push({ f: callee, it: (calls.get(callee) ?? new Set<number>()).values() });
    }
  }
  if (cycleReported) return;
  const mainDepth = depth.get(-1) ?? 0;
  if (mainDepth > limit) ctx.report(ShaderDiag.CALL_TOO_DEEP, `calls nest ${mainDepth} deep (limit ${limit})`);
}
