// Run: npx esbuild bench/sampling.bench.ts --bundle --platform=node --format=esm --outfile=dist/bench/sampling.mjs && node dist/bench/sampling.mjs
/**
 * Texture-unit throughput: bilinear lookups of a 256×256 texture over a full-screen-like sweep
 * (a 256×256-pixel grid of 2×2 quads covering the texture once, so each lookup is a 1:1
 * bilinear sample with quad derivatives), in A8R8G8B8 and in DXT1; plus a trilinear case at
 * 2:1 minification over a full mip chain. "Mtexels/s" counts filtered lookups (one RGBA result
 * per pixel) per second, in millions, by wall-clock time (tinybench's mean) and by the process's
 * user CPU time over the same runs (steadier on a shared machine). Prints a table and one JSON
 * line.
 */
import { Bench } from 'tinybench';
import { imageLayout, surfaceFormatInfo, SVGA3dSurfaceFormat as SF } from '../src/formats/index.js';
import {
  createTextureSampler,
  DEFAULT_SAMPLER_STATE,
  type SampleRequestLike,
  type SamplerState,
  type SurfaceImageLike,
  type SurfaceViewLike,
} from '../src/raster/sampling/index.js';
import { SVGA3dTextureFilter as F } from '../src/svga3d-decoder/spec/enums-texture-state.js';

const SIZE = 256;

function noise(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    b[i] = s >>> 24;
  }
  return b;
}

/** A surface with a full mip chain of noise, `size` × `size` at level 0. */
function texture(format: number, size: number): SurfaceViewLike {
  const info = surfaceFormatInfo(format);
  if (info === undefined) throw new Error(`format ${format}`);
  const levels: SurfaceImageLike[] = [];
  for (let s = size, m = 0; s >= 1; s >>= 1, m++) {
    const layout = imageLayout(info, s, s, 1);
    if (layout === undefined) throw new Error('layout');
    levels.push({ width: s, height: s, depth: 1, rowPitch: layout.rowPitch, slicePitch: layout.slicePitch, bytes: noise(layout.byteSize, 17 + m) });
  }
  return { format, flags: 0, faceCount: 1, mipLevels: levels.length, image: (f, m) => (f === 0 ? levels[m] : undefined) };
}

/** Samples every pixel of a `pixels` × `pixels` grid mapped onto [0, 1]²; returns a checksum. */
function sweep(sampler: ReturnType<typeof createTextureSampler>, pixels: number): number {
  const coords = new Float32Array(16);
  const ddx = new Float32Array(16);
  const ddy = new Float32Array(16);
  const lod = new Float32Array(4);
  const out = new Float32Array(16);
  const req: SampleRequestLike = { sampler: 0, variant: 'plain', lanes: 4, mask: 15, coords, ddx, ddy, lod };
  const step = 1 / pixels;
  for (let l = 0; l < 4; l++) {
    ddx[4 * l] = step;
    ddy[4 * l + 1] = step;
  }
  let check = 0;
  for (let y = 0; y < pixels; y += 2) {
    for (let x = 0; x < pixels; x += 2) {
      for (let l = 0; l < 4; l++) {
        coords[4 * l] = (x + (l & 1) + 0.5) * step;
        coords[4 * l + 1] = (y + (l >> 1) + 0.5) * step;
      }
      sampler.sample(req, out);
      check += out[0] as number;
    }
  }
  return check;
}

const bilinear: SamplerState = { ...DEFAULT_SAMPLER_STATE, magFilter: F.LINEAR, minFilter: F.LINEAR };
const trilinear: SamplerState = { ...bilinear, mipFilter: F.LINEAR };
const cases = [
  { name: 'bilinear A8R8G8B8 256² (1:1)', format: SF.A8R8G8B8, state: bilinear, pixels: SIZE },
  { name: 'bilinear DXT1 256² (1:1)', format: SF.DXT1, state: bilinear, pixels: SIZE },
  { name: 'trilinear A8R8G8B8 256² (2:1 minified)', format: SF.A8R8G8B8, state: trilinear, pixels: SIZE / 2 },
];

const bench = new Bench({ time: 1500, warmupTime: 300 });
let sink = 0;
const cpu = cases.map(() => ({ micros: 0, ops: 0 }));
cases.forEach((c, i) => {
  // The texture unit is built per draw, so building it is part of every measured sweep.
  const tex = texture(c.format, SIZE);
  const used = cpu[i]!;
  bench.add(c.name, () => {
    const t0 = process.cpuUsage();
    sink += sweep(createTextureSampler([{ surface: tex, state: c.state }]), c.pixels);
    used.micros += process.cpuUsage(t0).user;
    used.ops++;
  });
});
await bench.run();

const rows = bench.tasks.map((task, i) => {
  const c = cases[i]!;
  const r = task.result;
  const meanMs = r.state === 'completed' ? r.latency.mean : NaN;
  const lookups = c.pixels * c.pixels;
  return {
    case: c.name,
    'lookups/op': lookups,
    'ms/op (mean)': Number(meanMs.toFixed(3)),
    'Mtexels/s': Number((lookups / meanMs / 1000).toFixed(2)),
    'Mtexels/s (CPU)': Number(((lookups * cpu[i]!.ops) / cpu[i]!.micros).toFixed(2)),
    samples: r.state === 'completed' ? r.latency.samplesCount : 0,
  };
});
console.table(rows);
console.log(JSON.stringify({ bench: 'sampling', node: process.version, results: rows, checksum: Number.isFinite(sink) }));
