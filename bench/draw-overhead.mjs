// Per-draw cost, side by side: bundles bench/scene-kit.ts of this tree and of each `--root DIR`
// (another checkout, e.g. a `git worktree` of an earlier commit) with this tree's esbuild, then
// runs the same draw-call workloads on every tree in alternating rounds in one process, so the
// figures share the machine's state. After the rounds it prints, per tree and workload, the best
// wall time, the median wall and CPU time of an iteration and a SHA-256 of the colour target's RGBA bytes: equal hashes mean
// the trees drew the same bits.
//
//   node bench/draw-overhead.mjs [--root DIR ...] [--rounds N] [--only a,b] [--iterations N]
//
// Default workloads: draw-calls, draw-calls-const, dynamic-vb, static-vb (the ones whose cost is
// per draw or per vertex rather than per pixel).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const roots = [resolve(here, '..')];
let rounds = 5;
let iterations = 3;
let only = ['draw-calls', 'draw-calls-const', 'dynamic-vb', 'static-vb'];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--root') roots.unshift(resolve(args[++i] ?? '.'));
  else if (args[i] === '--rounds') rounds = Math.max(1, Number(args[++i]) || 1);
  else if (args[i] === '--iterations') iterations = Math.max(1, Number(args[++i]) || 1);
  else if (args[i] === '--only') only = (args[++i] ?? '').split(',').filter((s) => s !== '');
}

const entry = `
export { createBenchScene } from './bench/scene-kit.ts';
export { workloads } from './bench/workloads.ts';
`;
const dir = mkdtempSync(join(tmpdir(), 'draw-overhead-'));
const trees = [];
try {
  for (const [n, root] of roots.entries()) {
    const outfile = join(dir, `bundle-${n}.mjs`);
    await esbuild.build({
      stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'draw-overhead-entry.ts' },
      absWorkingDir: root,
      // Packages come from this tree when --root names a checkout without node_modules.
      nodePaths: [resolve(here, '..', 'node_modules')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      logLevel: 'warning',
      outfile,
    });
    trees.push({ root, mod: await import(pathToFileURL(outfile).href) });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const COLOR_SID = 1;
const results = new Map();
for (let round = 0; round < rounds; round++) {
  for (const tree of trees) {
    for (const w of tree.mod.workloads().filter((x) => only.includes(x.name))) {
      // A fresh scene per round: every tree starts from the same cleared target.
      const scene = tree.mod.createBenchScene(w);
      scene.run(); // warm-up, also what the hash covers first
      const times = [];
      const cpuTimes = [];
      for (let i = 0; i < iterations; i++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        scene.run();
        times.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpuTimes.push((c.user + c.system) / 1000);
      }
      const image = scene.device.readSurfaceImage(COLOR_SID, 0, 0);
      const hash = createHash('sha256').update(image?.data ?? new Uint8Array(0)).digest('hex').slice(0, 16);
      const key = `${tree.root}\u0000${w.name}`;
      const r = results.get(key) ?? { root: tree.root, w, times: [], cpuTimes: [], hashes: new Set(), problems: 0 };
      r.times.push(...times);
      r.cpuTimes.push(...cpuTimes);
      r.hashes.add(hash);
      r.problems += scene.diagnostics().length;
      results.set(key, r);
    }
  }
}

const perUnit = (w, ms) => (w.unit === 'draws/s' ? w.workPerIteration / (ms / 1000) : w.workPerIteration / (ms / 1000) / 1e6);
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? NaN;
// CPU time is this process's own, its GC and compiler threads included (so it can exceed wall
// time on an idle machine); on a busy one it moves far less than wall time. The value column is
// by median wall time.
console.log(`${'tree'.padEnd(28)} ${'workload'.padEnd(18)} ${'wall best'.padStart(9)} ${'wall med'.padStart(9)} ${'cpu med'.padStart(9)} ${'value (wall med)'.padStart(22)}  hash`);
for (const r of results.values()) {
  const best = Math.min(...r.times);
  const cpu = median(r.cpuTimes);
  console.log(
    `${r.root.slice(-28).padEnd(28)} ${r.w.name.padEnd(18)} ${best.toFixed(2).padStart(9)} ${median(r.times).toFixed(2).padStart(9)} ${cpu.toFixed(2).padStart(9)} ${perUnit(r.w, median(r.times)).toPrecision(4).padStart(9)} ${r.w.unit.padEnd(12)}  ${[...r.hashes].join(',')}${r.problems > 0 ? `  diagnostics ${r.problems}` : ''}`,
  );
}
