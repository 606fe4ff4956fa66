// Run: npx esbuild bench/shader-jit.bench.ts --bundle --platform=node --format=esm --outfile=dist/bench/shader-jit.mjs && node dist/bench/shader-jit.mjs
/**
 * Shader execution throughput, reference interpreter vs compiled path, on the eight corpus
 * shaders: pixel quads per second (one `runPixelQuad` = 4 pixels) and vertices per second (one
 * `runVertexShader`), both through the one-shot entry points and through the per-draw runners the
 * pipeline uses (`PixelQuadRunner` / `VertexShaderRunner` vs `CompiledPixelQuadRunner` /
 * `CompiledVertexShaderRunner`, made once, run per quad or vertex). Inputs vary per call (a sweep
 * of texture coordinates / colours / positions) so neither path sees one constant input. Prints a
 * table and one JSON line with the ratios.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { decodeShader, PixelQuadRunner, runPixelQuad, runVertexShader, VertexShaderRunner, type ShaderProgram } from '../src/shader-vm/index.js';
import {
  CompiledPixelQuadRunner,
  CompiledVertexShaderRunner,
  defaultShaderCache,
  runPixelQuadCompiled,
  runVertexShaderCompiled,
} from '../src/shader-vm/jit/index.js';

// Run from the repository root (the bundle lives in dist/bench).
const DIR = join(process.cwd(), 'corpus/vmware-svga-sdk/shaders');
const names = readdirSync(DIR).filter((n) => n.endsWith('.bin')).sort();

const float = new Float32Array(1024).map((_, i) => (i % 4 === (Math.floor(i / 4) % 4) ? 1 : 0.125 * ((i % 5) - 2)));
const constants = { float };
const VARIANTS = 64;
const pixelInputs = Array.from({ length: VARIANTS }, (_, k) => ({
  v: new Float32Array(256).map((_, i) => ((i * 7 + k) % 9) / 8),
  t: new Float32Array(128).map((_, i) => ((i * 13 + k * 3) % 17) / 17 - 0.25),
  constants,
}));
const vertexInputs = Array.from({ length: VARIANTS }, (_, k) => ({
  inputs: new Float32Array(64).map((_, i) => ((i * 37 + k) % 11) / 11 - 0.5),
  constants,
}));

let sink = 0;
const bench = new Bench({ time: 1000, warmupTime: 300 });
const programs: { name: string; program: ShaderProgram }[] = [];
for (const name of names) {
  const d = decodeShader(readFileSync(join(DIR, name)));
  if (!d.ok) throw new Error(`${name} does not decode`);
  programs.push({ name: name.replace('.bin', ''), program: d.program });
}
// One task iteration runs every input variant once (VARIANTS invocations), so the harness's own
// per-iteration cost does not swamp invocations of a few microseconds.
for (const { name, program } of programs) {
  if (program.version.type === 'ps') {
    bench.add(`${name} interp`, () => {
      for (const input of pixelInputs) sink += runPixelQuad(program, input).colors[0]!;
    });
    bench.add(`${name} compiled`, () => {
      for (const input of pixelInputs) sink += runPixelQuadCompiled(program, input).colors[0]!;
    });
    // Per-draw runners: made once (as a draw makes them), one run per quad.
    const ref = new PixelQuadRunner(program, { constants });
    const fast = new CompiledPixelQuadRunner(program, { constants });
    bench.add(`${name} runner-interp`, () => {
      for (const input of pixelInputs) sink += ref.run(input.v, input.t, undefined, undefined).colors[0]!;
    });
    bench.add(`${name} runner-compiled`, () => {
      for (const input of pixelInputs) sink += fast.run(input.v, input.t, undefined, undefined).colors[0]!;
    });
  } else {
    bench.add(`${name} interp`, () => {
      for (const input of vertexInputs) sink += runVertexShader(program, input).outputs[0]!.value[0]!;
    });
    bench.add(`${name} compiled`, () => {
      for (const input of vertexInputs) sink += runVertexShaderCompiled(program, input).outputs[0]!.value[0]!;
    });
    const ref = new VertexShaderRunner(program, { constants });
    const fast = new CompiledVertexShaderRunner(program, { constants });
    bench.add(`${name} runner-interp`, () => {
      for (const input of vertexInputs) if (ref.run(input.inputs) === 'ok') sink += ref.values[0]!;
    });
    bench.add(`${name} runner-compiled`, () => {
      for (const input of vertexInputs) if (fast.run(input.inputs) === 'ok') sink += fast.values[0]!;
    });
  }
}

await bench.run();

const hz = new Map(bench.tasks.map((t) => [t.name, t.result.state === 'completed' ? (1000 * VARIANTS) / t.result.latency.mean : 0]));
const rows = programs.map(({ name, program }) => {
  const interp = hz.get(`${name} interp`) ?? 0;
  const compiled = hz.get(`${name} compiled`) ?? 0;
  const runnerInterp = hz.get(`${name} runner-interp`) ?? 0;
  const runnerCompiled = hz.get(`${name} runner-compiled`) ?? 0;
  const unit = program.version.type === 'ps' ? 'quads/s' : 'vertices/s';
  return {
    shader: name,
    unit,
    interp: Math.round(interp),
    compiled: Math.round(compiled),
    ratio: Number((compiled / interp).toFixed(2)),
    runnerInterp: Math.round(runnerInterp),
    runnerCompiled: Math.round(runnerCompiled),
    runnerRatio: Number((runnerCompiled / runnerInterp).toFixed(2)),
  };
});
console.table(rows);
console.log(JSON.stringify({ bench: 'shader-jit', node: process.version, results: rows, cache: defaultShaderCache.stats, checksum: Number.isFinite(sink) }));
