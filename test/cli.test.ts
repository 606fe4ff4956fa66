/**
 * The svga3d command, run in-process through `main`: exit codes, what it prints, what it writes.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../src/cli/cli-context.js';
import { SVGA3D_VERSION } from '../src/cli/cli-version.js';
import { findCorpusDir, runDemo } from '../src/cli/demo-command.js';
import { main } from '../src/cli/main.js';
import { readPng } from '../src/node.js';
import { createSvgaDevice } from '../src/replay/svga-device-factory.js';
import { CommandWriter } from '../src/svga3d-decoder/index.js';
import { TraceWriter } from '../src/trace/trace-writer.js';

const CORPUS = join(import.meta.dirname, '..', 'corpus', 'vmware-svga-sdk');
const tmp = mkdtempSync(join(tmpdir(), 'svga3d-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function context(cwd = tmp): { ctx: CliContext; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { ctx: { io: { out: (t) => out.push(t), err: (t) => err.push(t) }, cwd, createDevice: createSvgaDevice }, out, err };
}

async function run(...argv: string[]) {
  const c = context();
  const code = await main(argv, c.ctx);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

/** A small trace that replays without any diagnostic: a 4×2 legacy mode, grey pixels, UPDATE, a checkpoint. */
function cleanTrace(): Uint8Array {
  return new TraceWriter()
    .setMode(4, 2, 32)
    .vramWrite(0, new Uint8Array(32).fill(0x40))
    .fifo(new CommandWriter().update({ x: 0, y: 0, width: 4, height: 2 }))
    .checkpointScreen('shot')
    .finish();
}

describe('svga3d exit codes and usage', () => {
  it('prints the version and the help with exit 0', async () => {
    expect(await run('--version')).toEqual({ code: 0, out: SVGA3D_VERSION, err: '' });
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('svga3d render <trace> [--out DIR] [--strict] [--json]');
    expect(help.out).toContain('3  --strict, and at least one error or warning diagnostic');
    expect((await run('render', '--help')).code).toBe(0);
  });

  it.each([
    [['render'], "svga3d render: expected exactly one trace file, got 0"],
    [['render', 'a', 'b'], 'svga3d render: expected exactly one trace file, got 2'],
    [['render', 'a', '--bogus'], "svga3d render: Unknown option '--bogus'"],
    [['dump'], 'svga3d dump: expected exactly one trace file, got 0'],
    [['frobnicate'], "svga3d: unknown command 'frobnicate'"],
    [['demo', 'extra'], "svga3d demo: unexpected argument 'extra'"],
  ])('exits 2 on usage error %j', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err.startsWith(message)).toBe(true);
    expect(r.err).toContain("Run 'svga3d --help' for usage.");
  });

  it('exits 1 for a file that cannot be read or is not a trace', async () => {
    expect((await run('render', join(tmp, 'missing.svgatrace'))).code).toBe(1);
    const notTrace = join(tmp, 'not-a-trace.svgatrace');
    writeFileSync(notTrace, 'hello, this is text');
    const r = await run('render', notTrace);
    expect(r.code).toBe(1);
    expect(r.err).toContain('E1003 E_TRACE_MAGIC');
    expect(r.err).toContain('is not a readable trace');
    const badGzip = join(tmp, 'bad.svgatrace.gz');
    writeFileSync(badGzip, Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0]));
    expect((await run('render', badGzip)).code).toBe(1);
    expect((await run('dump', notTrace)).code).toBe(1);
    expect((await run('render', notTrace, '--json')).code).toBe(1);
  });

  it('--strict exits 3 on a warning and 0 without one', async () => {
    const warned = join(tmp, 'warned.svgatrace');
    writeFileSync(warned, new TraceWriter().setMode(4, 2, 32).record(99, new Uint8Array(4)).finish());
    const clean = join(tmp, 'clean.svgatrace');
    writeFileSync(clean, cleanTrace());
    const out = join(tmp, 'strict-out');
    expect((await run('render', warned, '--out', out)).code).toBe(0);
    const strict = await run('render', warned, '--out', out, '--strict');
    expect(strict.code).toBe(3);
    expect(strict.out).toContain('W1011 W_TRACE_UNKNOWN_RECORD');
    expect((await run('render', clean, '--out', out, '--strict')).code).toBe(0);
  });
});

describe('svga3d render', () => {
  it('writes a PNG per checkpoint to out/<trace name> by default and prints the summary', async () => {
    writeFileSync(join(tmp, 'small.svgatrace.gz'), gzipSync(cleanTrace()));
    const r = await run('render', 'small.svgatrace.gz');
    expect(r.code).toBe(0);
    const png = join(tmp, 'out', 'small', 'shot.png');
    const image = readPng(png);
    expect([image.width, image.height, Array.from(image.data.subarray(0, 4))]).toEqual([4, 2, [0x40, 0x40, 0x40, 255]]);
    expect(r.out.split('\n')).toEqual([
      'trace: small.svgatrace.gz',
      'records: 9 (REG_WRITE 6, FIFO 1, VRAM_WRITE 1, CHECKPOINT 1)',
      'commands: 1 (UPDATE 1)',
      'diagnostics: 0 (0 errors, 0 warnings, 0 info)',
      `images: 1 written to ${join(tmp, 'out', 'small')}`,
      `  ${png} 4x2`,
    ]);
  });

  it('renders a corpus trace and reports it as JSON', async () => {
    const out = join(tmp, 'cube');
    const r = await run('render', join(CORPUS, 'cube.svgatrace.gz'), '--out', out, '--json', '--strict');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as {
      exitCode: number;
      records: number;
      recordsByType: Record<string, number>;
      commands: Record<string, number>;
      images: { name: string; width: number; height: number }[];
      diagnostics: { severity: string; record: number; offset: number; command: string }[];
    };
    expect(report.exitCode).toBe(0);
    expect(report.records).toBe(24);
    expect(report.recordsByType).toEqual({ CONFIG: 1, COMMENT: 1, REG_WRITE: 9, VRAM_WRITE: 3, FIFO: 6, CHECKPOINT: 4 });
    expect(Object.values(report.commands).reduce((a, b) => a + b, 0)).toBe(85);
    expect(report.images.map((i) => [i.name, i.width, i.height])).toEqual(['000', '001', '002', '003'].map((n) => [`frame-${n}`, 800, 600]));
    expect(readdirSync(out).sort()).toEqual(['frame-000.png', 'frame-001.png', 'frame-002.png', 'frame-003.png']);
    for (const d of report.diagnostics) {
      expect([d.severity, d.command, typeof d.record, typeof d.offset]).toEqual(['info', 'DRAW_PRIMITIVES', 'number', 'number']);
    }
  });
});

describe('svga3d dump', () => {
  it('prints the records and commands of a trace with exit 0', async () => {
    const path = join(tmp, 'dump-me.svgatrace');
    writeFileSync(path, cleanTrace());
    const r = await run('dump', path);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      '@00000010 #0 REG_WRITE register=ID value=0x90000002',
      '@00000020 #1 REG_WRITE register=WIDTH value=4',
      '@00000030 #2 REG_WRITE register=HEIGHT value=2',
      '@00000040 #3 REG_WRITE register=BITS_PER_PIXEL value=32',
      '@00000050 #4 REG_WRITE register=ENABLE value=1',
      '@00000060 #5 REG_WRITE register=CONFIG_DONE value=1',
      '@00000070 #6 VRAM_WRITE offset=0x0 bytes=32',
      '@0000009c #7 FIFO bytes=20',
      '@000000a4   UPDATE x=0 y=0 width=4 height=2',
      '@000000b8 #8 CHECKPOINT screen id=0 name=shot',
    ]);
  });
});

describe('svga3d demo', () => {
  it('renders the corpus it finds and the demo scene, and says where', () => {
    const corpus = join(tmp, 'mini-corpus');
    mkdirSync(corpus, { recursive: true });
    copyFileSync(join(CORPUS, 'rt-gamma-test.svgatrace.gz'), join(corpus, 'rt-gamma-test.svgatrace.gz'));
    const c = context();
    const code = runDemo({ out: 'demo-out', corpusDir: corpus }, c.ctx);
    expect(code).toBe(0);
    expect(readdirSync(join(tmp, 'demo-out', 'rt-gamma-test')).length).toBe(4);
    expect(readdirSync(join(tmp, 'demo-out', 'demo')).sort()).toEqual([
      'clear-a4r4g4b4.png',
      'clear-depth.png',
      'clear-r5g6b5.png',
      'demo.svgatrace',
      'gradient.png',
      'present.png',
      'update.png',
    ]);
    expect(c.out[0]).toMatch(/^rt-gamma-test: 4 images in demo-out\/rt-gamma-test \(\d+ records, 635 commands; diagnostics: 0 errors, 0 warnings, \d+ info\)$/);
    expect(c.out.at(-1)).toBe('10 images written under demo-out; the demo scene\'s trace is demo-out/demo/demo.svgatrace');
  });

  it('finds the corpus next to the package, whatever the working directory', () => {
    expect(findCorpusDir()).toBe(CORPUS);
    // From dist/ (the bundled CLI) as from src/cli/.
    expect(findCorpusDir(join(import.meta.dirname, '..', 'dist'))).toBe(CORPUS);
    expect(findCorpusDir(tmp)).toBeUndefined();
  });
});
