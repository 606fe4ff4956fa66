/**
 * Pre-decoding of a `ShaderProgram` for the interpreter, done once per program: matching
 * if/else/endif and loop/rep ends, call targets, local constants (DEF/DEFI/DEFB) and the DCL
 * signature. The validator normally rejects bad structure first; this pass re-checks what the
 * interpreter relies on, so an unvalidated program can never send it out of bounds.
 */

import type { DiagnosticCode, DiagnosticSink } from '../../common/diagnostics.js';
import { diagnostic } from '../../common/diagnostics.js';
import type { DclInstruction, ShaderProgram, SrcOperand } from '../ir/ir.js';
import { Opcode } from '../ir/opcodes.js';
import type { ArithmeticOp, MatrixShape } from '../ops/op-table.js';
import { arithmeticOp, matrixShape } from '../ops/op-table.js';
import { InterpDiag } from './interp-diagnostics.js';

/** Opcodes the interpreter runs besides the table-driven arithmetic and matrix ops. */
const OTHER_OPCODES: ReadonlySet<number> = new Set([
  Opcode.NOP, Opcode.MOVA, Opcode.SETP, Opcode.DSX, Opcode.DSY, Opcode.BEM,
  Opcode.IF, Opcode.IFC, Opcode.ELSE, Opcode.ENDIF, Opcode.LOOP, Opcode.ENDLOOP, Opcode.REP, Opcode.ENDREP,
  Opcode.BREAK, Opcode.BREAKC, Opcode.BREAKP, Opcode.CALL, Opcode.CALLNZ, Opcode.RET, Opcode.LABEL,
  Opcode.TEX, Opcode.TEXLDL, Opcode.TEXLDD, Opcode.TEXKILL, Opcode.TEXCOORD, Opcode.TEXBEM, Opcode.TEXBEML,
  Opcode.TEXREG2AR, Opcode.TEXREG2GB, Opcode.TEXREG2RGB, Opcode.TEXM3x2PAD, Opcode.TEXM3x2TEX,
  Opcode.TEXM3x2DEPTH, Opcode.TEXM3x3PAD, Opcode.TEXM3x3TEX, Opcode.TEXM3x3, Opcode.TEXM3x3SPEC,
  Opcode.TEXM3x3VSPEC, Opcode.TEXDP3, Opcode.TEXDP3TEX, Opcode.TEXDEPTH,
]);

/** Float constants a shader can address (SVGA3D_CONSTREG_MAX). */
export const FLOAT_CONSTANTS = 256;
/** Integer constants (SVGA3D_CONSTINTREG_MAX). */
export const INT_CONSTANTS = 16;
/** Boolean constants (SVGA3D_CONSTBOOLREG_MAX). */
export const BOOL_CONSTANTS = 16;

/** A local float constant: DEF c#. */
export interface LocalFloat {
  readonly index: number;
  readonly values: readonly [number, number, number, number];
}

/** The interpreter's view of a program. */
export interface PreparedShader {
  readonly program: ShaderProgram;
  /** False when the structure cannot be executed; running it gives the defined "failed" result. */
  readonly ok: boolean;
  /** Why `ok` is false (also reported as diagnostics when a sink was given). */
  readonly problems: readonly string[];
  /** Per instruction: IF/IFC → its ELSE or ENDIF, ELSE → ENDIF, LOOP/REP → END…, END… → LOOP/REP; else −1. */
  readonly partner: Int32Array;
  /** Per instruction: CALL/CALLNZ → index of the LABEL instruction; else −1. */
  readonly callTarget: Int32Array;
  readonly floatDefs: readonly LocalFloat[];
  readonly intDefs: readonly { readonly index: number; readonly values: readonly [number, number, number, number] }[];
  readonly boolDefs: readonly { readonly index: number; readonly value: boolean }[];
  /** DCL instructions in program order. */
  readonly declarations: readonly DclInstruction[];
  /** Sampler texture type per s# (0–19) from `dcl_2d` etc.; 0 = undeclared. */
  readonly samplerTypes: Uint8Array;
  /** Whether the pixel shader writes oDepth (or uses texdepth / texm3x2depth). */
  readonly writesDepth: boolean;
  /** Per instruction: its table-driven arithmetic op, looked up once. */
  readonly arith: readonly (ArithmeticOp | undefined)[];
  /** Per instruction: matrix macro shape and the row operands (src1 at index + row). */
  readonly matrix: readonly ({ readonly shape: MatrixShape; readonly rows: readonly SrcOperand[] } | undefined)[];
}

const cache = new WeakMap<ShaderProgram, PreparedShader>();

/**
 * Prepares (and caches per program object) a program for the interpreter. Problems go to `sink`
 * once, when the program is first prepared.
 */
export function prepareShader(program: ShaderProgram, sink?: DiagnosticSink): PreparedShader {
  const hit = cache.get(program);
  if (hit) return hit;
  const prepared = analyse(program, sink);
  cache.set(program, prepared);
  return prepared;
}

function analyse(program: ShaderProgram, sink: DiagnosticSink | undefined): PreparedShader {
  const ins = program.instructions;
  const n = ins.length;
  const partner = new Int32Array(n).fill(-1);
  const callTarget = new Int32Array(n).fill(-1);
  const problems: string[] = [];
  const floatDefs: LocalFloat[] = [];
  const intDefs: { index: number; values: readonly [number, number, number, number] }[] = [];
  const boolDefs: { index: number; value: boolean }[] = [];
  const declarations: DclInstruction[] = [];
  const samplerTypes = new Uint8Array(20);
  let writesDepth = false;
  const arith: (ArithmeticOp | undefined)[] = new Array<ArithmeticOp | undefined>(n).fill(undefined);
  const matrix: ({ shape: MatrixShape; rows: SrcOperand[] } | undefined)[] = new Array<{ shape: MatrixShape; rows: SrcOperand[] } | undefined>(n).fill(undefined);

  const report = (def: DiagnosticCode, message: string): void => {
    problems.push(message);
    sink?.report(diagnostic(def, message));
  };
  // Open blocks: index of IF/IFC (or of its ELSE once seen) and of LOOP/REP.
  const stack: { pc: number; opcode: number; elsePc: number }[] = [];
  for (let pc = 0; pc < n; pc++) {
    const it = ins[pc];
    if (it === undefined) continue;
    if (it.kind === 'def') {
      if (it.dst.file === 'const' && it.dst.index >= 0 && it.dst.index < FLOAT_CONSTANTS) floatDefs.push({ index: it.dst.index, values: it.values });
      continue;
    }
    if (it.kind === 'defi') {
      if (it.dst.index >= 0 && it.dst.index < INT_CONSTANTS) intDefs.push({ index: it.dst.index, values: it.values });
      continue;
    }
    if (it.kind === 'defb') {
      if (it.dst.index >= 0 && it.dst.index < BOOL_CONSTANTS) boolDefs.push({ index: it.dst.index, value: it.value });
      continue;
    }
    if (it.kind === 'dcl') {
      declarations.push(it);
      if (it.dst.file === 'sampler' && it.dst.index >= 0 && it.dst.index < samplerTypes.length) samplerTypes[it.dst.index] = it.samplerType & 0xff;
      continue;
    }
    if (it.kind === 'phase') continue;
    arith[pc] = arithmeticOp(it.opcode, program.version);
    const shape = matrixShape(it.opcode);
    const base = it.src[1];
    if (shape && base) {
      const rows: SrcOperand[] = [];
      for (let r = 0; r < shape.rows; r++) rows.push({ ...base, index: base.index + r });
      matrix[pc] = { shape, rows };
    }
    if (!OTHER_OPCODES.has(it.opcode) && !arith[pc] && !shape) {
      // Only reachable for unvalidated programs; the instruction is skipped when run.
      sink?.report(diagnostic(InterpDiag.UNSUPPORTED, `opcode ${it.opcode} at instruction ${pc} is not executable; skipped`));
    }
    if (it.dst?.file === 'depthout' || it.opcode === Opcode.TEXDEPTH || it.opcode === Opcode.TEXM3x2DEPTH) writesDepth = true;
    switch (it.opcode) {
      case Opcode.IF:
      case Opcode.IFC:
      case Opcode.LOOP:
      case Opcode.REP:
        stack.push({ pc, opcode: it.opcode, elsePc: -1 });
        break;
      case Opcode.ELSE: {
        const top = stack[stack.length - 1];
        if (!top || (top.opcode !== Opcode.IF && top.opcode !== Opcode.IFC) || top.elsePc >= 0) {
          report(InterpDiag.BAD_STRUCTURE, `else at instruction ${pc} has no open if`);
          break;
        }
        partner[top.pc] = pc;
        top.elsePc = pc;
        break;
      }
      case Opcode.ENDIF: {
        const top = stack.pop();
        if (!top || (top.opcode !== Opcode.IF && top.opcode !== Opcode.IFC)) {
          report(InterpDiag.BAD_STRUCTURE, `endif at instruction ${pc} has no open if`);
          if (top) stack.push(top);
          break;
        }
        if (top.elsePc >= 0) partner[top.elsePc] = pc;
        else partner[top.pc] = pc;
        break;
      }
      case Opcode.ENDLOOP:
      case Opcode.ENDREP: {
        const want = it.opcode === Opcode.ENDLOOP ? Opcode.LOOP : Opcode.REP;
        const top = stack.pop();
        if (!top || top.opcode !== want) {
          report(InterpDiag.BAD_STRUCTURE, `${want === Opcode.LOOP ? 'endloop' : 'endrep'} at instruction ${pc} does not close a ${want === Opcode.LOOP ? 'loop' : 'rep'}`);
          if (top) stack.push(top);
          break;
        }
        partner[top.pc] = pc;
        partner[pc] = top.pc;
        break;
      }
      case Opcode.BREAK:
      case Opcode.BREAKC:
      case Opcode.BREAKP:
        if (!stack.some((b) => b.opcode === Opcode.LOOP || b.opcode === Opcode.REP)) {
          report(InterpDiag.BAD_STRUCTURE, `break at instruction ${pc} is outside any loop`);
        }
        break;
      case Opcode.LABEL:
        if (stack.length > 0) report(InterpDiag.BAD_STRUCTURE, `label at instruction ${pc} inside an open block`);
        break;
      case Opcode.CALL:
      case Opcode.CALLNZ: {
        const label = it.src[0];
        const target = label ? program.labels.get(label.index) : undefined;
        if (target === undefined || target < 0 || target >= n) {
          report(InterpDiag.UNDEFINED_LABEL, `call at instruction ${pc} to undefined label l${label?.index ?? '?'}`);
        } else callTarget[pc] = target;
        break;
      }
      default:
        break;
    }
  }
  if (stack.length > 0) report(InterpDiag.BAD_STRUCTURE, `${stack.length} block(s) left open at the end of the program`);
  return {
    program,
    ok: problems.length === 0,
    problems,
    partner,
    callTarget,
    floatDefs,
    intDefs,
    boolDefs,
    declarations,
    samplerTypes,
    writesDepth,
    arith,
    matrix,
  };
}
