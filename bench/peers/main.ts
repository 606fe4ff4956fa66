/**
 * `npm run bench:peers`: the workloads of `bench/workloads.ts` on our renderer and on Mesa's
 * llvmpipe (one thread and all threads) and softpipe, in one run, alternating: every round runs
 * each workload on ours, then on each peer, so slow drift of the machine hits all of them alike.
 * Statistics are computed from the raw iteration times of all rounds with the same code for
 * every renderer. Prints one table, writes `bench/results/peers-latest.json` and
 * `bench/results/peers-ratios.svg`.
 *
 * Options: `--rounds=n` (default 2), `--only=a,b`, `--peer-ms=ms` (time per peer sample run,
 * default 1000), `--ours-ms=ms` (our iteration time per round, default 1000; at least one
 * iteration, after one warm-up iteration before the first round). Besides the wall-clock figures,
 * CPU time per iteration is recorded for every renderer (the machine may be shared), and the
 * table shows the ratio to single-thread llvmpipe by CPU time too.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineInfo, markdownTable, sig } from '../report.js';
import { createBenchScene, type BenchScene } from '../scene-kit.js';
import { summarize, timedSamples, type TimeSummary } from '../stats.js';
import { throughput, workloads, type Workload } from '../workloads.js';
import { buildPeerBench, ensurePeerPackages, packageVersion } from './peer-setup.js';
import { ratioSvg } from './ratio-svg.js';
import { peerWorkloadFile } from './workload-file.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function option(name: string): string | undefined {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg === undefined ? undefined : arg.slice(arg.indexOf('=') + 1);
}

/** A peer: a name and the environment that selects its driver. */
interface Peer {
  readonly name: string;
  readonly env: Readonly<Record<string, string>>;
}

const threads = cpus().length;
const PEERS: readonly Peer[] = [
  { name: 'llvmpipe 1 thread', env: { GALLIUM_DRIVER: 'llvmpipe', LP_NUM_THREADS: '1' } },
  { name: `llvmpipe ${threads} threads`, env: { GALLIUM_DRIVER: 'llvmpipe', LP_NUM_THREADS: String(threads) } },
  { name: 'softpipe', env: { GALLIUM_DRIVER: 'softpipe' } },
];

interface PeerOutput {
  renderer: string;
  version: string;
  pixel: number[];
  samples_ms: number[];
  cpu_ms: number[];
}

function runPeer(binary: string, file: string, peer: Peer, minMs: number): PeerOutput {
  const stdout = execFileSync(binary, [file, String(minMs), '3'], {
    encoding: 'utf8',
    env: { ...process.env, EGL_PLATFORM: 'surfaceless', LIBGL_ALWAYS_SOFTWARE: '1', ...peer.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as PeerOutput;
}

interface EngineResult {
  readonly engine: string;
  readonly renderer: string;
  readonly value: number;
  readonly summary: TimeSummary;
  /** Mean process CPU time per iteration (all threads), ms. */
  readonly cpuMeanMs: number;
  /** Throughput per CPU second: the work divided by CPU time rather than wall time. */
  readonly valuePerCpu: number;
  /** Top-left pixel (1, 1) as R, G, B, A, as a cross-check that both drew the same thing. */
  readonly pixel: readonly number[];
}

function result(w: Workload, engine: string, renderer: string, samples: Samples, pixel: readonly number[]): EngineResult {
  const summary = summarize(samples.wallMs);
  const cpuMeanMs = samples.cpuMs.reduce((a, b) => a + b, 0) / Math.max(1, samples.cpuMs.length);
  return { engine, renderer, value: throughput(w, summary.meanMs), summary, cpuMeanMs, valuePerCpu: throughput(w, cpuMeanMs), pixel };
}

interface Samples {
  wallMs: number[];
  cpuMs: number[];
}

function append(map: Map<string, Samples>, key: string, wallMs: readonly number[], cpuMs: readonly number[]): void {
  const s = map.get(key) ?? { wallMs: [], cpuMs: [] };
  s.wallMs.push(...wallMs);
  s.cpuMs.push(...cpuMs);
  map.set(key, s);
}

const NO_SAMPLES: Samples = { wallMs: [], cpuMs: [] };

function ourPixel(scene: BenchScene): number[] {
  const image = scene.device.readSurfaceImage(1, 0, 0);
  if (image === undefined) return [];
  const at = (1 * image.width + 1) * 4;
  return [...image.data.subarray(at, at + 4)];
}

function main(): void {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const rounds = Math.max(1, Number(option('rounds') ?? 2));
  const peerMs = Number(option('peer-ms') ?? 1000);
  const oursMs = Number(option('ours-ms') ?? 1000);
  const only = option('only')?.split(',').filter((s) => s !== '');
  const list = workloads().filter((w) => only === undefined || only.includes(w.name));

  ensurePeerPackages(log);
  const binary = join(ROOT, 'bench', '.build', 'peer-bench');
  buildPeerBench(join(ROOT, 'bench', 'peers', 'peer-bench.c'), binary);
  const fileDir = join(ROOT, 'bench', '.build', 'peer-workloads');
  mkdirSync(fileDir, { recursive: true });
  const files = new Map<string, string>();
  for (const w of list) {
    const file = join(fileDir, `${w.name}.bin`);
    writeFileSync(file, peerWorkloadFile(w));
    files.set(w.name, file);
  }

  const machine = machineInfo();
  const scenes = new Map<string, BenchScene>();
  const ours = new Map<string, Samples>();
  const peerSamples = new Map<string, Samples>();
  const peerInfo = new Map<string, PeerOutput>();
  for (let round = 0; round < rounds; round++) {
    for (const w of list) {
      let scene = scenes.get(w.name);
      if (scene === undefined) {
        scene = createBenchScene(w);
        scene.run(); // warm-up, once per workload
        scenes.set(w.name, scene);
      }
      log(`round ${round + 1}/${rounds} ${w.name}: ours ...`);
      const samples = timedSamples(scene.run, oursMs, 1);
      append(ours, w.name, samples.wallMs, samples.cpuMs);
      for (const peer of PEERS) {
        log(`round ${round + 1}/${rounds} ${w.name}: ${peer.name} ...`);
        const out = runPeer(binary, files.get(w.name) ?? '', peer, peerMs);
        const key = `${w.name}\u0000${peer.name}`;
        append(peerSamples, key, out.samples_ms, out.cpu_ms);
        peerInfo.set(key, out);
      }
    }
  }

  const rows = list.map((w) => {
    const scene = scenes.get(w.name);
    const problems = scene?.diagnostics() ?? [];
    if (problems.length > 0) throw new Error(`${w.name} reported diagnostics: ${problems.slice(0, 5).join('; ')}`);
    const our = result(w, 'svga3d', 'svga3d (this repository)', ours.get(w.name) ?? NO_SAMPLES, scene ? ourPixel(scene) : []);
    const peers = PEERS.map((peer) => {
      const key = `${w.name}\u0000${peer.name}`;
      const info = peerInfo.get(key);
      return result(w, peer.name, info?.renderer ?? '?', peerSamples.get(key) ?? NO_SAMPLES, info?.pixel ?? []);
    });
    return { workload: w, our, peers };
  });

  const header = [
    'workload',
    'unit',
    'svga3d',
    ...PEERS.flatMap((p) => [p.name, `ratio vs ${p.name}`]),
    `ratio vs ${PEERS[0]?.name ?? ''} by CPU time`,
  ];
  const table = markdownTable(
    header,
    rows.map((r) => [
      r.workload.name,
      r.workload.unit,
      `${sig(r.our.value)} ±${sig(r.our.summary.rme, 2)}%`,
      ...r.peers.flatMap((p) => [`${sig(p.value)} ±${sig(p.summary.rme, 2)}%`, `${sig(r.our.value / p.value, 2)}×`]),
      r.peers[0] ? `${sig(r.our.valuePerCpu / r.peers[0].valuePerCpu, 2)}×` : '-',
    ]),
  );
  const mesa = packageVersion('libgl1-mesa-dri') ?? 'unknown';
  const firstPeer = rows[0]?.peers ?? [];
  console.log(`svga3d vs Mesa software drivers, ${machine.date}, ${machine.cpu} (${machine.cpuCount} CPUs), Node ${machine.node}, Mesa ${mesa}`);
  console.log(`renderers: ${firstPeer.map((p) => `${p.engine} = ${p.renderer}`).join('; ')}`);
  console.log(`1024×768 RGBA8 + D24S8; ${rounds} alternating rounds; ratio = svga3d ÷ peer (>1: svga3d is faster); ± = 95 % margin of error`);
  console.log('by CPU time: work per CPU second of the whole process, which discounts time lost to other processes\n');
  console.log(table);

  const outDir = join(ROOT, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const json = {
    bench: 'svga3d vs Mesa software drivers',
    ...machine,
    mesa,
    target: '1024x768 A8R8G8B8/RGBA8 + Z_D24S8/DEPTH24_STENCIL8',
    rounds,
    peerMs,
    oursMs,
    workloads: rows.map((r) => ({
      name: r.workload.name,
      description: r.workload.description,
      unit: r.workload.unit,
      workPerIteration: r.workload.workPerIteration,
      results: [r.our, ...r.peers].map((e) => ({
        engine: e.engine,
        renderer: e.renderer,
        value: e.value,
        valuePerCpu: e.valuePerCpu,
        cpuMeanMs: e.cpuMeanMs,
        pixel: e.pixel,
        ...e.summary,
      })),
      ratios: Object.fromEntries(r.peers.map((p) => [p.engine, r.our.value / p.value])),
    })),
  };
  writeFileSync(join(outDir, 'peers-latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  const svg = ratioSvg(
    rows.map((r) => ({ workload: r.workload.name, ratios: r.peers.map((p) => ({ peer: p.engine, ratio: r.our.value / p.value })) })),
    PEERS.map((p) => p.name),
    'svga3d throughput relative to Mesa software rendering',
    `${machine.date.slice(0, 10)}, ${machine.cpu} (${machine.cpuCount} CPUs), Node ${machine.node}, Mesa ${mesa}, 1024×768`,
  );
  writeFileSync(join(outDir, 'peers-ratios.svg'), svg);
  console.log(`\nwrote bench/results/peers-latest.json and bench/results/peers-ratios.svg`);
}

main();
