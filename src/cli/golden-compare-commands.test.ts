import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SVGA3dSurfaceFormat as F } from '../formats/surface-formats.js';
import { clearCase } from '../golden/golden-test-support.js';
import { readPng, writePng } from '../node.js';
import { createSvgaDevice } from '../replay/svga-device-factory.js';
import type { CliContext } from './cli-context.js';
import { main } from './main.js';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function harness() {
  const cwd = mkdtempSync(join(tmpdir(), 'svga3d-cli-golden-'));
  dirs.push(cwd);
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = { io: { out: (t) => void out.push(t), err: (t) => void err.push(t) }, cwd, createDevice: createSvgaDevice };
  return { cwd, out, err, ctx };
}

function solid(w: number, h: number, rgba: number[]): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(w * h * 4);
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  return { width: w, height: h, data };
}

describe('svga3d compare', () => {
  it('is exact by default: one differing byte is a mismatch (exit 1)', async () => {
    const h = harness();
    writePng(join(h.cwd, 'e.png'), solid(4, 4, [10, 20, 30, 255]));
    const b = solid(4, 4, [10, 20, 30, 255]);
    b.data[5 * 4 + 2] = 31;
    writePng(join(h.cwd, 'a.png'), b);
    expect(await main(['compare', 'e.png', 'e.png'], h.ctx)).toBe(0);
    expect(await main(['compare', 'e.png', 'a.png', '--diff', 'd.png'], h.ctx)).toBe(1);
    expect(h.out).toEqual([
      'MATCH (exact): 0 of 16 pixels differ, max channel delta 0',
      'MISMATCH (exact): 1 of 16 pixels differ, max channel delta 1, box (1,1)-(2,2)',
    ]);
    expect([...readPng(join(h.cwd, 'd.png')).data.subarray(20, 24)]).toEqual([255, 0, 0, 255]);
  });

  it('is tolerant with limits: threshold hides small changes, the stricter budget wins', async () => {
    const h = harness();
    writePng(join(h.cwd, 'e.png'), solid(10, 10, [128, 128, 128, 255]));
    const b = solid(10, 10, [128, 128, 128, 255]);
    b.data.set([255, 0, 0, 255], 0);
    b.data.set([255, 0, 0, 255], 99 * 4);
    b.data.set([130, 128, 128, 255], 50 * 4);
    writePng(join(h.cwd, 'a.png'), b);
    expect(await main(['compare', 'e.png', 'a.png', '--max-diff-pixels', '2'], h.ctx)).toBe(0);
    expect(await main(['compare', 'e.png', 'a.png', '--max-diff-pixels', '2', '--max-diff-ratio', '0.01'], h.ctx)).toBe(1);
    expect(await main(['compare', 'e.png', 'a.png', '--threshold', '0'], h.ctx)).toBe(1);
    expect(h.out).toEqual([
      'MATCH (tolerant, threshold 0.1, anti-aliased pixels not counted): 2 of 100 pixels differ, 2 allowed',
      'MISMATCH (tolerant, threshold 0.1, anti-aliased pixels not counted): 2 of 100 pixels differ, 1 allowed',
      'MISMATCH (tolerant, threshold 0, anti-aliased pixels not counted): 3 of 100 pixels differ, 0 allowed',
    ]);
  });

  it('treats different sizes as a mismatch and bad arguments or files as usage errors (exit 2)', async () => {
    const h = harness();
    writePng(join(h.cwd, 'e.png'), solid(2, 2, [0, 0, 0, 255]));
    writePng(join(h.cwd, 'w.png'), solid(3, 2, [0, 0, 0, 255]));
    expect(await main(['compare', 'e.png', 'w.png', '--max-diff-ratio', '1'], h.ctx)).toBe(1);
    expect(h.out).toEqual(['MISMATCH: sizes differ (expected 2x2, actual 3x2)']);
    expect(await main(['compare', 'e.png'], h.ctx)).toBe(2);
    expect(await main(['compare', 'e.png', 'missing.png'], h.ctx)).toBe(2);
    expect(await main(['compare', 'e.png', 'e.png', '--max-diff-ratio', '2'], h.ctx)).toBe(2);
    expect(await main(['compare', 'e.png', 'e.png', '--threshold', 'x'], h.ctx)).toBe(2);
    expect(h.err[1]).toMatch(/^svga3d compare: cannot read missing\.png/);
    expect(h.err[2]).toMatch(/^svga3d compare: --max-diff-ratio must be a number from 0 to 1, not '2'/);
    expect(await main(['compare', '--help'], h.ctx)).toBe(0);
    expect(h.out.at(-1)).toContain('pixels pixelmatch detects as anti-aliased are NOT counted');
  });
});


describe('svga3d golden check', () => {
  it('fails a missing expectation when CI=true, writes it otherwise, then passes; exit 1 on failure', async () => {
    const { runGoldenCommand } = await import('./golden-command.js');
    const h = harness();
    const oneByOne = { width: 1, height: 1, format: F.X8R8G8B8, description: 'a 1×1 clear', tags: [] };
    const cases = [clearCase('one', () => 0xff12_3456, oneByOne), clearCase('two', () => 0xff00_0000, oneByOne)];
    const args = ['check', '--golden-dir', 'g', '--report', 'r', '--json', 'res.json'];
    const plain = { cases, tty: false };
    expect(await runGoldenCommand(args, h.ctx, { ...plain, env: { CI: 'true' } })).toBe(1);
    expect(h.out.at(-1)).toBe('0 passed, 2 failed');
    expect(h.out[0]).toMatch(/^MISSING one \(1 image, \d+ ms\): img: missing$/);
    expect(await runGoldenCommand(args, h.ctx, { ...plain, env: {} })).toBe(0);
    expect(h.out.at(-1)).toBe('2 passed, 0 failed');
    expect(await runGoldenCommand([...args, '--filter', 'one'], h.ctx, { ...plain, env: { CI: 'true' } })).toBe(0);
    expect(h.out.at(-1)).toBe('1 passed, 0 failed');
    const json = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(join(h.cwd, 'res.json'), 'utf8'))) as { cases: { name: string; status: string }[] };
    expect(json.cases.map((c) => [c.name, c.status])).toEqual([['one', 'passed']]);
  });

  it('rejects a bad update mode and an unknown subcommand with exit 2', async () => {
    const h = harness();
    expect(await main(['golden', 'check', '--update=some'], h.ctx)).toBe(2);
    expect(await main(['golden', 'run'], h.ctx)).toBe(2);
    expect(h.err[0]).toMatch(/^svga3d golden: --update must be new, all or none, not 'some'/);
    expect(await main(['golden', '--help'], h.ctx)).toBe(0);
  });
});
