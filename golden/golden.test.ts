/**
 * The golden suite inside `npm test`: the same runner as `svga3d golden check`, in CI mode (no
 * expectation is written), every case rendered twice. Fails on any mismatch, missing
 * expectation, nondeterminism or unexpected diagnostic; the report of a failing run is in
 * out/golden-test/index.html.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRegistry } from '../src/golden/golden-case.js';
import { loadGoldenCases } from '../src/golden/load-cases.js';
import { runGolden } from '../src/golden/golden-runner.js';
import { writeReport } from '../src/golden/write-report.js';
import { caseLine } from '../src/cli/golden-command.js';
import { GOLDEN_CASES } from './cases/index.js';

const ROOT = join(import.meta.dirname, '..');

describe('golden suite', () => {
  it('has at least 60 soundly named cases', () => {
    expect(checkRegistry(GOLDEN_CASES)).toEqual([]);
    expect(GOLDEN_CASES.length).toBeGreaterThanOrEqual(60);
  });

  it('is what `svga3d golden check` loads at run time', async () => {
    const loaded = await loadGoldenCases(join(ROOT, 'golden'));
    expect(loaded.map((c) => c.name)).toEqual(GOLDEN_CASES.map((c) => c.name));
  });

  it('renders every case twice, bit-identically, equal to its expectation', () => {
    const reportDir = join(ROOT, 'out', 'golden-test');
    const result = runGolden({
      cases: GOLDEN_CASES,
      goldenDir: join(ROOT, 'golden'),
      corpusDir: join(ROOT, 'corpus', 'vmware-svga-sdk'),
      reportDir,
      update: 'none',
    });
    writeReport(reportDir, result);
    const bad = result.cases.filter((c) => c.status !== 'passed').map(caseLine);
    expect(bad).toEqual([]);
    expect(result.stale).toEqual([]);
    expect(result.passed).toBe(GOLDEN_CASES.length);
  }, 240_000);
});
