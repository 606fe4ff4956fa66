import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAsm, runDisasm } from './shader-commands.js';

const dir = mkdtempSync(join(tmpdir(), 'svga3d-shader-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SHADERS = join(import.meta.dirname, '../../corpus/vmware-svga-sdk/shaders');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

describe('svga3d asm / disasm', () => {
  it('assembles an fxc listing to a file and disassembles it back to the same instructions', async () => {
    const a = capture();
    expect(await runAsm([join(SHADERS, 'cubemark_ps.asm'), '-o', 'ps.bin', '--hex'], a.io, dir)).toBe(0);
    expect(a.out).toEqual([
      '0xffff0200 0x0200001f 0x80000000 0x900f0000 0x02000001 0x800f0800 0x90e40000 0x0000ffff',
      'ps.bin: 32 bytes, 2 instructions',
    ]);
    expect(Array.from(readFileSync(join(dir, 'ps.bin')).subarray(0, 4))).toEqual([0x00, 0x02, 0xff, 0xff]);
    const d = capture();
    expect(await runDisasm(['ps.bin'], d.io, dir)).toBe(0);
    expect(d.out).toEqual(['    ps_2_0\n    dcl v0\n    mov oC0, v0']);
    expect(d.err).toEqual([]);
  });

  it('reports assembler errors with file name and code, exit 1', async () => {
    writeFileSync(join(dir, 'bad.asm'), 'vs_2_0\nmov r0, q1\n');
    const c = capture();
    expect(await runAsm(['bad.asm'], c.io, dir)).toBe(1);
    expect(c.err).toEqual(["bad.asm: E4402 E_ASM_OPERAND: line 2: unknown register 'q1'"]);
  });

  it('--no-validate writes shaders the validator rejects; disasm prints the findings on stderr', async () => {
    writeFileSync(join(dir, 'loop.asm'), 'ps_2_0\nrep i0\nendrep\n');
    const strict = capture();
    expect(await runAsm(['loop.asm'], strict.io, dir)).toBe(1);
    const loose = capture();
    expect(await runAsm(['loop.asm', '--no-validate'], loose.io, dir)).toBe(0);
    const d = capture();
    expect(await runDisasm(['loop.bin', '-o', 'loop.txt'], d.io, dir)).toBe(0);
    expect(readFileSync(join(dir, 'loop.txt'), 'utf8')).toBe('    ps_2_0\n    rep i0\n    endrep\n');
    expect(d.err).toHaveLength(2);
    expect(d.err[0]).toMatch(/^\/\/ @0x4 E4051 E_SHADER_OPCODE_VERSION: instruction 0: rep is not available in ps_2_0$/);
  });

  it('usage errors exit 2, unreadable or undecodable files exit 1', async () => {
    const u = capture();
    expect(await runDisasm([], u.io, dir)).toBe(2);
    expect(await runAsm(['a', 'b'], u.io, dir)).toBe(2);
    expect(await runAsm(['x.asm', '--bogus'], u.io, dir)).toBe(2);
    // Usage errors name the command and point to its help, as every svga3d command does.
    expect(u.err.slice(0, 2)).toEqual([
      "svga3d disasm: expected exactly one input file, got 0\nRun 'svga3d disasm --help' for usage.",
      "svga3d asm: expected exactly one input file, got 2\nRun 'svga3d asm --help' for usage.",
    ]);
    expect(u.err[2]).toMatch(/^svga3d asm: Unknown option '--bogus'.*\nRun 'svga3d asm --help' for usage\.$/s);
    const h = capture();
    expect(await runAsm(['--help'], h.io, dir)).toBe(0);
    expect(h.out[0]).toMatch(/^Usage: svga3d asm/);
    const m = capture();
    expect(await runDisasm(['missing.bin'], m.io, dir)).toBe(1);
    writeFileSync(join(dir, 'junk.bin'), new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    const j = capture();
    expect(await runDisasm(['junk.bin'], j.io, dir)).toBe(1);
    expect(j.err).toEqual(['junk.bin: @0x0 E4002 E_SHADER_VERSION: 0x4030201 is not a supported vs/ps version token']);
  });
});
