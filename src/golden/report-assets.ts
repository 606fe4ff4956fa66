/**
 * The report page's inline CSS and script. Plain ES2017 without modules, so it runs from
 * `file://` in any current browser with nothing to fetch.
 */

/** Stylesheet of the report page. */
export const REPORT_CSS = `
:root { font-family: system-ui, sans-serif; color: #1b1b1b; background: #fafafa; }
body { margin: 0; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ccc; padding: 8px 16px; z-index: 2; }
h1 { font-size: 20px; margin: 0 0 4px; }
.summary { font-weight: bold; margin: 2px 0; }
.meta, .stale { color: #555; margin: 2px 0; font-size: 13px; }
.controls { margin-top: 6px; }
#filter { width: 320px; padding: 4px; }
main { padding: 8px 16px; }
.case { background: #fff; border: 1px solid #ddd; border-radius: 4px; margin: 8px 0; padding: 8px 12px; }
.case.failing { border-left: 6px solid #c62828; }
.case.passing { border-left: 6px solid #2e7d32; }
.case h2 { font-size: 16px; margin: 0; }
.case h3 { font-size: 14px; margin: 8px 0 2px; }
.desc { margin: 4px 0; }
.tags, .time { color: #777; font-size: 12px; }
.counts { font-size: 13px; margin: 2px 0; }
.status { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px; color: #fff; background: #777; }
.s-passed { background: #2e7d32; } .s-new, .s-updated { background: #1565c0; }
.s-failed, .s-error, .s-nondeterministic, .s-unproduced, .s-missing { background: #c62828; }
.update code { background: #f0f0f0; padding: 1px 4px; }
.tabs { margin: 4px 0; }
.tab { border: 1px solid #aaa; background: #eee; padding: 2px 8px; cursor: pointer; }
.tab.active { background: #333; color: #fff; }
.view[hidden] { display: none; }
.side { display: flex; gap: 8px; flex-wrap: wrap; }
figure { margin: 0; display: inline-block; }
figcaption { font-size: 12px; }
.checker { display: inline-block; line-height: 0;
  background-color: #fff;
  background-image: linear-gradient(45deg, #ccc 25%, transparent 25%), linear-gradient(-45deg, #ccc 25%, transparent 25%),
    linear-gradient(45deg, transparent 75%, #ccc 75%), linear-gradient(-45deg, transparent 75%, #ccc 75%);
  background-size: 16px 16px; background-position: 0 0, 0 8px, 8px -8px, -8px 0; }
.checker img { image-rendering: pixelated; max-width: min(100%, 1024px); min-width: 256px; }
.slider { position: relative; }
.slider .over { position: absolute; top: 0; left: 0; height: 100%; width: 50%; overflow: hidden; border-right: 2px solid #f0f; }
.slider .over img { max-width: none; }
.slider input { position: absolute; left: 0; bottom: -24px; width: 100%; }
.slider { margin-bottom: 28px; }
.none { color: #777; font-style: italic; padding: 8px; }
.legend { font-size: 12px; color: #555; }
.messages { color: #b71c1c; font-size: 13px; }
`;

/** Script of the report page: view tabs, the slider, the filter box and the copy buttons. */
export const REPORT_SCRIPT = `
(function () {
  function show(block, view) {
    block.querySelectorAll('.tab').forEach(function (t) { t.classList.toggle('active', t.getAttribute('data-view') === view); });
    block.querySelectorAll('.view').forEach(function (v) { v.hidden = v.getAttribute('data-view') !== view; });
    if (view === 'slider') fitSlider(block.querySelector('.slider'));
  }
  function fitSlider(s) {
    if (!s) return;
    var under = s.querySelector('.under');
    var overImg = s.querySelector('.over img');
    if (under && overImg) overImg.style.width = under.getBoundingClientRect().width + 'px';
  }
  document.querySelectorAll('.image').forEach(function (block) {
    block.querySelectorAll('.tab').forEach(function (t) {
      t.addEventListener('click', function () { show(block, t.getAttribute('data-view')); });
    });
    // Side by side: clicking the actual image toggles it with the diff, as in Playwright's viewer.
    var side = block.querySelector('.view.side');
    var diff = block.querySelector('.view[data-view="diff"] img');
    if (side && diff) {
      var figs = side.querySelectorAll('img');
      var actual = figs[figs.length - 1];
      var actualSrc = actual.getAttribute('src');
      actual.addEventListener('click', function () {
        actual.setAttribute('src', actual.getAttribute('src') === actualSrc ? diff.getAttribute('src') : actualSrc);
      });
    }
    var slider = block.querySelector('.slider');
    if (slider) {
      var range = slider.querySelector('input');
      var over = slider.querySelector('.over');
      range.addEventListener('input', function () { over.style.width = range.value + '%'; });
    }
  });
  var filter = document.getElementById('filter');
  var failingOnly = document.getElementById('failing-only');
  var shown = document.getElementById('shown');
  function applyFilter() {
    var words = filter.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var n = 0;
    var cases = document.querySelectorAll('.case');
    cases.forEach(function (c) {
      var text = c.getAttribute('data-search');
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; }) && (!failingOnly.checked || c.classList.contains('failing'));
      c.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = n + ' of ' + cases.length + ' cases shown';
  }
  filter.addEventListener('input', applyFilter);
  failingOnly.addEventListener('change', applyFilter);
  applyFilter();
  document.querySelectorAll('.copy').forEach(function (b) {
    b.addEventListener('click', function () {
      var text = b.getAttribute('data-command');
      if (navigator.clipboard) navigator.clipboard.writeText(text).then(function () { b.textContent = 'Copied'; }, function () {});
    });
  });
})();
`;
