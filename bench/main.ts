/**
 * `npm run bench`: the software-baseline benchmarks of our renderer, with tinybench.
 *
 * The workloads of `workloads.ts` (the VMware paper's microbenchmarks plus textured and blended
 * full-screen cases) at 1024×768 A8R8G8B8 + Z_D24S8, each iteration one FIFO stream executed by
 * the device, then frames per second replaying every corpus trace. Prints a table and writes
 * `bench/results/latest.json`.
 *
 * Options: `--only=a,b` (workload names), `--time=ms` (tinybench time per workload, default
 * 2000), `--corpus-budget=ms` (per trace, default 5000), `--no-corpus`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { measureCorpusFps, type CorpusFps } from './corpus-fps.js';
import { machineInfo, markdownTable, sig } from './report.js';
import { createBenchScene } from './scene-kit.js';
import { throughput, workloads, type Workload } from './workloads.js';

/** Repository root: the bundle runs from bench/.build/ (outside dist/, which the package build wipes). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function option(name: string): string | undefined {
  const arg = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (arg === undefined) return undefined;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : '';
}

/** One workload's result row. */
interface WorkloadResult {
  readonly name: string;
  readonly description: string;
  readonly unit: string;
  readonly value: number;
  readonly samples: number;
  readonly meanMs: number;
  readonly rme: number;
  readonly p75Ms: number;
  readonly p99Ms: number;
  /** Throughput at the p75 / p99 iteration time (the slower tail). */
  readonly valueAtP75: number;
  readonly valueAtP99: number;
  /** Process CPU time per iteration (warm-up included), ms: wall time far above it means contention. */
  readonly cpuMsPerIteration: number;
}

async function runWorkloads(list: readonly Workload[], timeMs: number): Promise<WorkloadResult[]> {
  const results: WorkloadResult[] = [];
  for (const w of list) {
    const scene = createBenchScene(w);
    // One task per Bench so each workload's device lives only while it is measured.
    const bench = new Bench({ time: timeMs, iterations: 3, warmupIterations: 1, warmupTime: 0 });
    bench.add(w.name, () => scene.run());
    process.stderr.write(`bench: ${w.name} ...`);
    const cpu0 = process.cpuUsage();
    await bench.run();
    const cpu = process.cpuUsage(cpu0);
    const problems = scene.diagnostics();
    if (problems.length > 0) throw new Error(`${w.name} reported diagnostics: ${problems.slice(0, 5).join('; ')}`);
    const task = bench.tasks[0];
    const r = task?.result;
    if (r === undefined || r.state !== 'completed') throw new Error(`${w.name}: tinybench state ${r?.state ?? 'none'}`);
    const lat = r.latency;
    const row: WorkloadResult = {
      name: w.name,
      description: w.description,
      unit: w.unit,
      value: throughput(w, lat.mean),
      samples: lat.samplesCount,
      meanMs: lat.mean,
      rme: lat.rme,
      p75Ms: lat.p75,
      p99Ms: lat.p99,
      valueAtP75: throughput(w, lat.p75),
      valueAtP99: throughput(w, lat.p99),
      // tinybench runs one warm-up iteration besides the samples; its CPU time is spread over all.
      cpuMsPerIteration: (cpu.user + cpu.system) / 1000 / (lat.samplesCount + 1),
    };
    process.stderr.write(` ${sig(row.value)} ${w.unit}\n`);
    results.push(row);
  }
  return results;
}

async function main(): Promise<void> {
  const only = option('only')?.split(',').filter((s) => s !== '');
  const timeMs = Number(option('time') ?? 2000);
  const budgetMs = Number(option('corpus-budget') ?? 5000);
  const list = workloads().filter((w) => only === undefined || only.includes(w.name));
  const machine = machineInfo();
  const results = await runWorkloads(list, timeMs);

  let corpus: CorpusFps[] = [];
  if (option('no-corpus') === undefined) {
    process.stderr.write(`bench: corpus traces (budget ${budgetMs} ms each) ...\n`);
    corpus = measureCorpusFps(join(ROOT, 'corpus', 'vmware-svga-sdk'), budgetMs);
  }

  console.log(`svga3d software baseline, ${machine.date}, ${machine.cpu} (${machine.cpuCount} CPUs), Node ${machine.node}`);
  console.log('1024×768 A8R8G8B8 + Z_D24S8, one core; spread: rme = 95 % margin of error of the mean, p75/p99 = iteration times\n');
  console.log(
    markdownTable(
      ['workload', 'value', 'unit', 'rme %', 'mean ms', 'p75 ms', 'p99 ms', 'CPU ms', 'samples'],
      results.map((r) => [r.name, sig(r.value), r.unit, sig(r.rme, 2), sig(r.meanMs), sig(r.p75Ms), sig(r.p99Ms), sig(r.cpuMsPerIteration), String(r.samples)]),
    ),
  );
  if (corpus.length > 0) {
    console.log('\ncorpus replay (frames = trace checkpoints; budgeted replays, see bench/corpus-fps.ts)\n');
    console.log(
      markdownTable(
        ['trace', 'fps', 'frames', 'ms', 'whole replays'],
        corpus.map((c) => [c.trace, sig(c.fps), String(c.frames), sig(c.ms, 4), String(c.completeReplays)]),
      ),
    );
  }
  const outDir = join(ROOT, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const json = {
    bench: 'svga3d software baseline',
    ...machine,
    target: '1024x768 A8R8G8B8 + Z_D24S8',
    tinybench: { timeMs, minIterations: 3, warmupIterations: 1 },
    corpusBudgetMs: budgetMs,
    workloads: results,
    corpus,
  };
  writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nwrote ${join('bench', 'results', 'latest.json')}`);
}

await main();
