/**
 * The golden report page: one static, self-contained HTML file (CSS and JS inline, images as
 * relative files beside it, no network), readable from `file://` and as a CI artefact. Failures
 * come first; each case has Expected / Actual / Diff / Side by side / Slider views over a
 * checkerboard, its pixel counts and the command that rewrites its expectations; a filter box
 * narrows the list by name, tag or status.
 */
import { isPassing, summaryLine, type CaseResult, type GoldenRunResult, type ImageResult } from './golden-results.js';
import { REPORT_CSS, REPORT_SCRIPT } from './report-assets.js';

/** HTML-escapes text for element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Image paths are relative and made of safe names; encode each segment for the URL anyway. */
function href(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

const ORDER: Record<CaseResult['status'], number> = {
  error: 0,
  nondeterministic: 1,
  failed: 2,
  unproduced: 3,
  missing: 4,
  updated: 5,
  new: 6,
  passed: 7,
};

/** Cases in report order: failures first (worst first), then by name. */
export function reportOrder(cases: readonly CaseResult[]): CaseResult[] {
  return [...cases].sort((a, b) => ORDER[a.status] - ORDER[b.status] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function counts(i: ImageResult): string {
  const parts: string[] = [];
  if (i.expected) parts.push(`expected ${i.expected.width}×${i.expected.height}${i.expected.png ? '' : ' (hash only)'}`);
  if (i.actual) parts.push(`actual ${i.actual.width}×${i.actual.height}`);
  if (i.diffPixels !== undefined && i.totalPixels !== undefined) {
    const pct = i.totalPixels === 0 ? 0 : (100 * i.diffPixels) / i.totalPixels;
    parts.push(`<b class="px">${i.diffPixels}</b> of ${i.totalPixels} pixels differ (${pct.toFixed(3)} %)`);
  }
  if (i.maxChannelDelta !== undefined && i.diffPixels) parts.push(`max channel delta ${i.maxChannelDelta}`);
  if (i.bbox) parts.push(`box (${i.bbox.x0}, ${i.bbox.y0})–(${i.bbox.x1}, ${i.bbox.y1})`);
  if (i.expected && i.actual && i.expected.width === i.actual.width && i.expected.height !== i.actual.height) parts.push('sizes differ');
  return parts.join(' · ');
}

function pic(path: string | undefined, label: string, cls = ''): string {
  if (path === undefined) return `<div class="none">no ${escapeHtml(label)} image</div>`;
  return `<figure class="${cls}"><div class="checker"><img src="${href(path)}" alt="${escapeHtml(label)}"></div><figcaption><a href="${href(path)}">${escapeHtml(label)}</a></figcaption></figure>`;
}

function imageBlock(i: ImageResult): string {
  const f = i.files;
  const hasViews = f.actual !== undefined || f.expected !== undefined;
  const header = `<h3>${escapeHtml(i.name)} <span class="status s-${i.status}">${i.status}</span></h3><p class="counts">${counts(i)}</p>`;
  if (!hasViews) return `<div class="image">${header}</div>`;
  const first: string = f.diff !== undefined ? 'diff' : f.actual !== undefined ? 'actual' : 'expected';
  const tab = (view: string, label: string): string =>
    `<button type="button" class="tab${view === first ? ' active' : ''}" data-view="${view}">${label}</button>`;
  const slider =
    f.expected !== undefined && f.actual !== undefined
      ? `<div class="slider checker"><img class="under" src="${href(f.expected)}" alt="expected"><div class="over"><img src="${href(f.actual)}" alt="actual"></div><input type="range" min="0" max="100" value="50" aria-label="slider position"></div>`
      : '<div class="none">the slider needs both images</div>';
  return `<div class="image">${header}
<div class="tabs">${tab('expected', 'Expected')}${tab('actual', 'Actual')}${tab('diff', 'Diff')}${tab('side', 'Side by side')}${tab('slider', 'Slider')}</div>
<div class="view" data-view="expected"${first === 'expected' ? '' : ' hidden'}>${pic(f.expected, 'expected')}</div>
<div class="view" data-view="actual"${first === 'actual' ? '' : ' hidden'}>${pic(f.actual, 'actual')}</div>
<div class="view" data-view="diff"${first === 'diff' ? '' : ' hidden'}>${pic(f.diff, 'diff')}<p class="legend">red: pixels whose RGBA bytes differ; faded: unchanged</p></div>
<div class="view side" data-view="side" hidden>${pic(f.expected, 'expected')}${pic(f.actual, 'actual')}</div>
<div class="view" data-view="slider" hidden>${slider}</div>
</div>`;
}

function caseBlock(c: CaseResult): string {
  const failing = !isPassing(c.status);
  const search = [c.name, c.status, ...c.tags].join(' ').toLowerCase();
  const messages = c.messages.length > 0 ? `<ul class="messages">${c.messages.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>` : '';
  const images = failing ? c.images.map(imageBlock).join('\n') : '';
  const passedList = failing ? '' : `<p class="counts">${c.images.map((i) => `${escapeHtml(i.name)} ${i.status}`).join(' · ')}</p>`;
  return `<section class="case ${failing ? 'failing' : 'passing'}" data-search="${escapeHtml(search)}" data-status="${c.status}">
<h2><span class="status s-${c.status}">${c.status}</span> ${escapeHtml(c.name)}</h2>
<p class="desc">${escapeHtml(c.description)} <span class="tags">${c.tags.map(escapeHtml).join(', ')}</span> <span class="time">${c.durationMs} ms</span></p>
${messages}${passedList}
<p class="update">Update: <code>${escapeHtml(c.updateCommand)}</code> <button type="button" class="copy" data-command="${escapeHtml(c.updateCommand)}">Copy</button></p>
${images}
</section>`;
}

/** The report page of `result`. */
export function renderReportPage(result: GoldenRunResult, meta: { readonly title?: string; readonly generator?: string } = {}): string {
  const ordered = reportOrder(result.cases);
  const title = meta.title ?? 'svga3d golden report';
  const stale = result.stale.length > 0 ? `<p class="stale">Stale expectations (no such case): ${result.stale.map(escapeHtml).join(', ')}</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p id="summary" class="summary">${escapeHtml(summaryLine(result))}</p>
<p class="meta">update mode: ${escapeHtml(result.update)}${result.filter !== undefined ? ` · filter: ${escapeHtml(result.filter)}` : ''}${meta.generator ? ` · ${escapeHtml(meta.generator)}` : ''} · exact comparison of RGBA bytes</p>
${stale}
<div class="controls"><input id="filter" type="search" placeholder="filter by name, tag or status" aria-label="filter cases">
<label><input id="failing-only" type="checkbox"> failures only</label> <span id="shown"></span></div>
</header>
<main>
${ordered.map(caseBlock).join('\n')}
</main>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
