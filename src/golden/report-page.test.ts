import { describe, expect, it } from 'vitest';
import type { CaseResult, GoldenRunResult } from './golden-results.js';
import { escapeHtml, renderReportPage, reportOrder } from './report-page.js';

function result(name: string, status: CaseResult['status'], files = {}): CaseResult {
  return {
    name,
    description: `case ${name} <b>`,
    tags: ['t1'],
    status,
    images: [{ name: 'img', status: status === 'passed' ? 'passed' : 'failed', diffPixels: 3, totalPixels: 12, maxChannelDelta: 9, files }],
    messages: status === 'error' ? ['unexpected diagnostic: x'] : [],
    updateCommand: `svga3d golden check --filter ${name} --update=all`,
    durationMs: 5,
  };
}

const run: GoldenRunResult = {
  passed: 1,
  failed: 2,
  cases: [result('a/pass', 'passed'), result('b/fail', 'failed', { expected: 'images/b/fail/img-expected.png', actual: 'images/b/fail/img-actual.png', diff: 'images/b/fail/img-diff.png' }), result('c/err', 'error')],
  stale: [],
  update: 'none',
};

describe('report page', () => {
  it('escapes text', () => {
    expect(escapeHtml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
  });

  it('orders failures first, worst first, then by name', () => {
    expect(reportOrder(run.cases).map((c) => c.name)).toEqual(['c/err', 'b/fail', 'a/pass']);
  });

  it('is one self-contained page: summary, views, counts, update commands, no external resource', () => {
    const html = renderReportPage(run);
    expect(html).toContain('<p id="summary" class="summary">1 passed, 2 failed</p>');
    expect(html.indexOf('c/err')).toBeLessThan(html.indexOf('b/fail'));
    expect(html.indexOf('b/fail')).toBeLessThan(html.indexOf('a/pass'));
    for (const view of ['expected', 'actual', 'diff', 'side', 'slider']) expect(html).toContain(`data-view="${view}"`);
    expect(html).toContain('<b class="px">3</b> of 12 pixels differ (25.000 %)');
    expect(html).toContain('<code>svga3d golden check --filter b/fail --update=all</code>');
    expect(html).toContain('src="images/b/fail/img-diff.png"');
    expect(html).toContain('case b/fail &lt;b&gt;');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<link |<script src/);
  });
});
