/**
 * The report page in headless Chromium, opened from `file://` as a CI artefact would be: the
 * views switch, the slider moves, the filter narrows the list. Skipped, with the reason printed,
 * where /usr/bin/chromium is missing (scripts/install-chromium.sh installs it). The screenshot
 * goes to out/golden-browser/report.png for a person to look at.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runGolden } from './golden-runner.js';
import { clearCase } from './golden-test-support.js';
import { writeReport } from './write-report.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.log(`report-page.browser.test: skipped, ${CHROMIUM} is missing (run scripts/install-chromium.sh)`);

/** A 48×32 target cleared to a background with a `square` rectangle of another colour. */
function scene(name: string, square: () => number) {
  return clearCase(name, () => 0xff20_4080, {
    width: 48,
    height: 32,
    checkpoint: 'frame',
    description: `a square on a background (${name})`,
    tags: ['browser-test'],
    square: { x: 8, y: 8, w: 20, h: 14, color: square },
  });
}

const root = mkdtempSync(join(tmpdir(), 'svga3d-report-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(!hasChromium)('report page in Chromium', () => {
  it('switches views, moves the slider and filters cases from file://', async () => {
    const goldenDir = join(root, 'golden');
    const reportDir = join(root, 'report');
    let square = 0xffff_c000;
    const cases = [scene('scene/changes', () => square), scene('scene/stays', () => 0x80ff_ffff)];
    runGolden({ cases, goldenDir, reportDir, update: 'new' });
    square = 0xff00_c0ff; // a deliberate regression of one case
    const result = runGolden({ cases, goldenDir, reportDir, update: 'none' });
    expect([result.passed, result.failed]).toEqual([1, 1]);
    const page = writeReport(reportDir, result);

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const tab = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      const requests: string[] = [];
      tab.on('request', (r) => void requests.push(r.url()));
      await tab.goto(pathToFileURL(page).href);
      expect(await tab.textContent('#summary')).toBe('1 passed, 1 failed');
      // Failures first.
      expect(await tab.locator('section.case h2').allTextContents()).toEqual(['failed scene/changes', 'passed scene/stays']);
      const block = tab.locator('section.case').first().locator('.image');
      const visible = async () => (await block.locator('.view:visible').getAttribute('data-view')) ?? '';
      expect(await visible()).toBe('diff');
      await block.getByRole('button', { name: 'Expected' }).click();
      expect(await visible()).toBe('expected');
      await block.getByRole('button', { name: 'Side by side' }).click();
      expect(await visible()).toBe('side');
      expect(await block.locator('.view.side img').count()).toBe(2);
      await block.getByRole('button', { name: 'Slider' }).click();
      expect(await visible()).toBe('slider');
      await block.locator('.slider input').fill('25');
      expect(await block.locator('.slider .over').evaluate((e) => (e as unknown as { style: { width: string } }).style.width)).toBe('25%');
      await block.getByRole('button', { name: 'Actual' }).click();
      expect(await visible()).toBe('actual');
      expect(await block.locator('.view:visible img').evaluate((e) => (e as unknown as { naturalWidth: number }).naturalWidth)).toBe(48);
      expect(await tab.locator('.counts').first().textContent()).toContain('280 of 1536 pixels differ');

      await tab.fill('#filter', 'stays');
      expect(await tab.locator('section.case:visible h2').allTextContents()).toEqual(['passed scene/stays']);
      expect(await tab.textContent('#shown')).toBe('1 of 2 cases shown');
      await tab.fill('#filter', '');
      await tab.check('#failing-only');
      expect(await tab.locator('section.case:visible h2').allTextContents()).toEqual(['failed scene/changes']);
      await tab.uncheck('#failing-only');
      await block.getByRole('button', { name: 'Side by side' }).click();

      // Everything came from file:// next to the page.
      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
      const shots = join(import.meta.dirname, '..', '..', 'out', 'golden-browser');
      mkdirSync(shots, { recursive: true });
      await tab.screenshot({ path: join(shots, 'report.png'), fullPage: true });
      await block.getByRole('button', { name: 'Slider' }).click();
      await tab.screenshot({ path: join(shots, 'report-slider.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
