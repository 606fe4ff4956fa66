import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPng } from '../node.js';
import { CommandWriter } from '../svga3d-decoder/index.js';
import { expectedPngPath, readManifest, runGolden } from './golden-runner.js';
import { clearCase } from './golden-test-support.js';


let dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'svga3d-golden-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function setup() {
  const root = tmp();
  return { goldenDir: join(root, 'golden'), reportDir: join(root, 'report') };
}

describe('runGolden', () => {
  it('fails a missing expectation in mode none and writes it in mode new', () => {
    const { goldenDir, reportDir } = setup();
    const cases = [clearCase('a/red', () => 0xffff_0000)];
    const none = runGolden({ cases, goldenDir, reportDir, update: 'none' });
    expect(none.cases[0]?.status).toBe('missing');
    expect([none.passed, none.failed]).toEqual([0, 1]);
    expect(existsSync(join(goldenDir, 'manifest.json'))).toBe(false);
    expect(readPng(join(reportDir, 'images', 'a', 'red', 'img-actual.png')).width).toBe(2);

    const created = runGolden({ cases, goldenDir, reportDir, update: 'new' });
    expect(created.cases[0]?.status).toBe('new');
    const m = readManifest(goldenDir);
    // SHA-256 of four A8R8G8B8 red pixels as RGBA: ff 00 00 ff × 4.
    const red = Uint8Array.from([255, 0, 0, 255, 255, 0, 0, 255, 255, 0, 0, 255, 255, 0, 0, 255]);
    expect(m.cases['a/red']).toEqual({ img: { width: 2, height: 2, sha256: createHash('sha256').update(red).digest('hex'), png: true } });
    expect([...readPng(expectedPngPath(goldenDir, 'a/red', 'img')).data]).toEqual([255, 0, 0, 255, 255, 0, 0, 255, 255, 0, 0, 255, 255, 0, 0, 255]);

    const again = runGolden({ cases, goldenDir, reportDir, update: 'none' });
    expect(again.cases[0]?.status).toBe('passed');
    expect(again.cases[0]?.images[0]).toMatchObject({ status: 'passed', diffPixels: 0, totalPixels: 4 });
  });

  it('reports a mismatch with counts and expected/actual/diff files, and rewrites it only in mode all', () => {
    const { goldenDir, reportDir } = setup();
    let color = 0xffff_0000;
    const cases = [clearCase('b', () => color)];
    runGolden({ cases, goldenDir, reportDir, update: 'new' });
    color = 0xff00_ff00;
    const failed = runGolden({ cases, goldenDir, reportDir, update: 'new' });
    const image = failed.cases[0]?.images[0];
    expect(failed.cases[0]?.status).toBe('failed');
    expect(image).toMatchObject({ status: 'failed', diffPixels: 4, totalPixels: 4, maxChannelDelta: 255, bbox: { x0: 0, y0: 0, x1: 2, y1: 2 } });
    expect(image?.files).toEqual({ actual: 'images/b/img-actual.png', expected: 'images/b/img-expected.png', diff: 'images/b/img-diff.png' });
    expect([...readPng(join(reportDir, 'images/b/img-diff.png')).data.subarray(0, 4)]).toEqual([255, 0, 0, 255]);
    expect(failed.cases[0]?.updateCommand).toBe('svga3d golden check --filter b --update=all');

    const rewritten = runGolden({ cases, goldenDir, reportDir, update: 'all' });
    expect(rewritten.cases[0]?.status).toBe('updated');
    expect([...readPng(expectedPngPath(goldenDir, 'b', 'img')).data.subarray(0, 4)]).toEqual([0, 255, 0, 255]);
    expect(runGolden({ cases, goldenDir, reportDir, update: 'none' }).cases[0]?.status).toBe('passed');
  });

  it('fails a case whose two renders differ', () => {
    const { goldenDir, reportDir } = setup();
    let n = 0;
    const r = runGolden({ cases: [clearCase('flaky', () => (n++ % 2 === 0 ? 0xff00_0000 : 0xff00_0001))], goldenDir, reportDir, update: 'new' });
    expect(r.cases[0]?.status).toBe('nondeterministic');
    expect(r.cases[0]?.messages).toEqual(["image 'img' differs between the two runs in 4 pixels"]);
    expect(r.failed).toBe(1);
    expect(existsSync(join(goldenDir, 'manifest.json'))).toBe(false);
  });

  it('fails on an unexpected diagnostic and on a tampered expected PNG', () => {
    const { goldenDir, reportDir } = setup();
    const bad = clearCase('bad', () => 0xff00_0000, { extra: (t) => t.fifo(new CommandWriter().surfaceDestroy({ sid: 77 })) });
    const r = runGolden({ cases: [bad], goldenDir, reportDir, update: 'new' });
    expect(r.cases[0]?.status).toBe('error');
    expect(r.cases[0]?.messages[0]).toMatch(/^unexpected diagnostic: .*SURFACE_DESTROY/);

    const ok = clearCase('ok', () => 0xff10_2030);
    runGolden({ cases: [ok], goldenDir, reportDir, update: 'new' });
    writeFileSync(expectedPngPath(goldenDir, 'ok', 'img'), 'not a PNG');
    const t = runGolden({ cases: [ok], goldenDir, reportDir, update: 'none' });
    expect(t.cases[0]?.status).toBe('failed');
    expect(t.cases[0]?.messages[0]).toMatch(/^expected PNG ok\/img\.png cannot be read/);
  });

  it('lists stale and unproduced expectations and removes them in mode all', () => {
    const { goldenDir, reportDir } = setup();
    const two = clearCase('two', () => 0xff00_0000, { extra: (t) => t.checkpointSurface('second', 1) });
    runGolden({ cases: [two, clearCase('gone', () => 0)], goldenDir, reportDir, update: 'new' });
    const one = clearCase('two', () => 0xff00_0000);
    const r = runGolden({ cases: [one], goldenDir, reportDir, update: 'none' });
    expect(r.stale).toEqual(['gone']);
    expect(r.cases[0]?.status).toBe('unproduced');
    expect(r.cases[0]?.images.map((i) => [i.name, i.status])).toEqual([['img', 'passed'], ['second', 'unproduced']]);
    const cleaned = runGolden({ cases: [one], goldenDir, reportDir, update: 'all' });
    expect(cleaned.cases[0]?.status).toBe('passed');
    expect(Object.keys(readManifest(goldenDir).cases)).toEqual(['two']);
    expect(existsSync(join(goldenDir, 'expected', 'gone'))).toBe(false);
    expect(existsSync(expectedPngPath(goldenDir, 'two', 'second'))).toBe(false);
  });
});
