/**
 * `svga3d asm` and `svga3d disasm`: the file-reading shell around the shader assembler and
 * disassembler (`src/shader-vm`).
 *
 *   svga3d asm <file.asm> [-o <file.bin>] [--no-validate] [--hex]
 *   svga3d disasm <file.bin> [-o <file.asm>]
 *
 * Exit codes: 0 done, 1 unreadable file or shader errors, 2 usage.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatDiagnostic } from '../common/diagnostics.js';
import { assemble, disassemble, validateShader } from '../shader-vm/index.js';
import type { CliIo } from './cli-context.js';
import { expectPositionals, parseCommandArgs, reportingCliErrors, type CommandName } from './command-args.js';

const ASM_HELP = `Usage: svga3d asm <file.asm> [-o <file.bin>] [--no-validate] [--hex]
  Assemble D3D9 shader assembly (fxc listings included) into SVGA3D bytecode.
  -o FILE        output file (default: the input name with .bin)
  --no-validate  write the encoding even if the validator rejects the shader
  --hex          also print the DWORDs in hex
Comment blocks (CTAB) are not produced: the text form does not carry them.
Exit codes: 0 assembled, 1 unreadable input or errors, 2 usage.`;

const DISASM_HELP = `Usage: svga3d disasm <file.bin> [-o <file.asm>]
  Disassemble D3D9 / SVGA3D shader bytecode in fxc's syntax. Validator
  findings are printed to stderr as // comments.
  -o FILE  write the text to FILE instead of stdout
Exit codes: 0 disassembled, 1 unreadable or undecodable input, 2 usage.`;

const processIo: CliIo = {
  out: (text) => void process.stdout.write(`${text}\n`),
  err: (text) => void process.stderr.write(`${text}\n`),
};

const ASM: CommandName = { name: 'svga3d asm', helpCommand: 'svga3d asm' };
const DISASM: CommandName = { name: 'svga3d disasm', helpCommand: 'svga3d disasm' };

function readInput(path: string, io: CliIo): Uint8Array | undefined {
  try {
    const b = readFileSync(path);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch (e) {
    io.err(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

function writeOutput(path: string, data: Uint8Array | string, io: CliIo): boolean {
  try {
    writeFileSync(path, data);
    return true;
  } catch (e) {
    io.err(`cannot write ${path}: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}

/** `svga3d asm`: assembles one file. `argv` are the arguments after `asm`. */
export async function runAsm(argv: readonly string[], io: CliIo = processIo, cwd: string = process.cwd()): Promise<number> {
  return reportingCliErrors(io, async () => asm(argv, io, cwd));
}

function asm(argv: readonly string[], io: CliIo, cwd: string): number {
  const { values, positionals } = parseCommandArgs(ASM, argv, {
    out: { type: 'string', short: 'o' },
    'no-validate': { type: 'boolean' },
    hex: { type: 'boolean' },
  });
  if (values.help) {
    io.out(ASM_HELP);
    return 0;
  }
  const [input] = expectPositionals(ASM, positionals, 1, 'exactly one input file');
  const source = readInput(resolve(cwd, input), io);
  if (!source) return 1;
  const r = assemble(new TextDecoder().decode(source), { validate: values['no-validate'] !== true });
  if (!r.ok) {
    for (const d of r.diagnostics) io.err(`${input}: ${formatDiagnostic(d)}`);
    return 1;
  }
  const outName = values.out ?? input.replace(/\.[^./\\]*$/, '') + '.bin';
  if (!writeOutput(resolve(cwd, outName), r.bytes, io)) return 1;
  if (values.hex === true) {
    const view = new DataView(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength);
    const words: string[] = [];
    for (let i = 0; i < r.bytes.length; i += 4) words.push(`0x${view.getUint32(i, true).toString(16).padStart(8, '0')}`);
    io.out(words.join(' '));
  }
  io.out(`${outName}: ${r.bytes.length} bytes, ${r.program.instructions.length} instructions`);
  return 0;
}

/** `svga3d disasm`: disassembles one bytecode file. `argv` are the arguments after `disasm`. */
export async function runDisasm(argv: readonly string[], io: CliIo = processIo, cwd: string = process.cwd()): Promise<number> {
  return reportingCliErrors(io, async () => disasm(argv, io, cwd));
}

function disasm(argv: readonly string[], io: CliIo, cwd: string): number {
  const { values, positionals } = parseCommandArgs(DISASM, argv, { out: { type: 'string', short: 'o' } });
  if (values.help) {
    io.out(DISASM_HELP);
    return 0;
  }
  const [input] = expectPositionals(DISASM, positionals, 1, 'exactly one input file');
  const bytes = readInput(resolve(cwd, input), io);
  if (!bytes) return 1;
  const v = validateShader(bytes);
  if (!v.program) {
    for (const d of v.diagnostics) io.err(`${input}: ${formatDiagnostic(d)}`);
    return 1;
  }
  for (const d of v.diagnostics) io.err(`// ${formatDiagnostic(d)}`);
  const text = disassemble(v.program);
  if (values.out !== undefined) return writeOutput(resolve(cwd, values.out), text, io) ? 0 : 1;
  io.out(text.replace(/\n$/, ''));
  return 0;
}
