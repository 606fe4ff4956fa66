/**
 * Writes the report directory (Node side): `index.html` and `results.json` next to the `images/`
 * the runner wrote.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GoldenRunResult } from './golden-results.js';
import { renderReportPage } from './report-page.js';

/** Writes `<dir>/index.html` and `<dir>/results.json`; returns the page's path. */
export function writeReport(dir: string, result: GoldenRunResult): string {
  mkdirSync(dir, { recursive: true });
  const page = join(dir, 'index.html');
  writeFileSync(page, renderReportPage(result));
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(result, null, 2)}\n`);
  return page;
}
