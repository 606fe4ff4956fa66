/**
 * A hand-written SVG bar chart of our throughput divided by each peer's, per workload, on a
 * log10 axis (the ratios span decades). No plotting dependency: the markup is built here.
 */

/** One bar group: a workload and its ratio to each peer (ours / peer; > 1 means we are faster). */
export interface RatioGroup {
  readonly workload: string;
  readonly ratios: readonly { readonly peer: string; readonly ratio: number }[];
}

const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd'];

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function formatRatio(r: number): string {
  if (!Number.isFinite(r) || r <= 0) return '-';
  if (r >= 10) return `${r.toFixed(0)}×`;
  if (r >= 0.01) return `${r.toPrecision(2)}×`;
  return `${r.toExponential(1)}×`;
}

/** The chart; `title` and `subtitle` go on top. */
export function ratioSvg(groups: readonly RatioGroup[], peers: readonly string[], title: string, subtitle: string): string {
  const finite = groups.flatMap((g) => g.ratios.map((r) => r.ratio)).filter((r) => Number.isFinite(r) && r > 0);
  const lo = Math.floor(Math.log10(Math.min(1, ...finite)));
  const hi = Math.ceil(Math.log10(Math.max(1, ...finite)));
  const left = 150;
  const plotWidth = 560;
  const barHeight = 12;
  const groupGap = 14;
  const top = 70;
  const groupHeight = peers.length * barHeight + groupGap;
  const height = top + groups.length * groupHeight + 60;
  const width = left + plotWidth + 90;
  const x = (r: number) => left + ((Math.log10(r) - lo) / Math.max(1, hi - lo)) * plotWidth;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${left}" y="20" font-size="14" font-weight="bold">${escape(title)}</text>`);
  out.push(`<text x="${left}" y="38" fill="#555">${escape(subtitle)}</text>`);
  const axisBottom = top + groups.length * groupHeight;
  for (let d = lo; d <= hi; d++) {
    const gx = x(10 ** d);
    out.push(`<line x1="${gx}" y1="${top - 8}" x2="${gx}" y2="${axisBottom}" stroke="${d === 0 ? '#000' : '#ddd'}" stroke-width="${d === 0 ? 1.5 : 1}"/>`);
    out.push(`<text x="${gx}" y="${axisBottom + 14}" text-anchor="middle" fill="#333">${escape(formatRatio(10 ** d))}</text>`);
  }
  out.push(`<text x="${left + plotWidth / 2}" y="${axisBottom + 30}" text-anchor="middle" fill="#333">our throughput ÷ peer throughput (log scale; right of 1× = we are faster)</text>`);
  groups.forEach((g, gi) => {
    const gy = top + gi * groupHeight;
    out.push(`<text x="${left - 8}" y="${gy + (peers.length * barHeight) / 2 + 4}" text-anchor="end">${escape(g.workload)}</text>`);
    peers.forEach((peer, pi) => {
      const r = g.ratios.find((e) => e.peer === peer)?.ratio ?? NaN;
      const y = gy + pi * barHeight;
      if (!Number.isFinite(r) || r <= 0) return;
      const x0 = x(10 ** lo);
      out.push(`<rect x="${x0}" y="${y}" width="${Math.max(1, x(r) - x0)}" height="${barHeight - 2}" fill="${COLOURS[pi % COLOURS.length]}"/>`);
      out.push(`<text x="${x(r) + 4}" y="${y + barHeight - 3}" fill="#333" font-size="9">${escape(formatRatio(r))}</text>`);
    });
  });
  peers.forEach((peer, pi) => {
    const lx = left + pi * 170;
    out.push(`<rect x="${lx}" y="48" width="10" height="10" fill="${COLOURS[pi % COLOURS.length]}"/>`);
    out.push(`<text x="${lx + 14}" y="57">vs ${escape(peer)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
