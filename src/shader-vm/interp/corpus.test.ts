import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeShader } from '../decode/decoder.js';
import { inputSignature, outputSignature } from './signature.js';
import { runPixelQuad } from './run-pixel.js';
import { runVertexShader } from './run-vertex.js';

const dir = new URL('../../../corpus/vmware-svga-sdk/shaders/', import.meta.url);
const names = readdirSync(dir).filter((n) => n.endsWith('.bin')).sort();

/** Sample inputs: a unit-ish vertex / texcoords spread over the quad, and a non-trivial constant bank. */
const float = new Float32Array(1024).map((_, i) => (i % 4 === (Math.floor(i / 4) % 4) ? 1 : 0.125 * ((i % 5) - 2)));
const vertex = new Float32Array(64).map((_, i) => ((i * 37) % 11) / 11 - 0.5);
const texcoords = new Float32Array(128).map((_, i) => ((i * 13) % 17) / 17);
const colours = new Float32Array(256).map((_, i) => ((i * 7) % 9) / 8);

describe('every corpus shader decodes and runs with finite results', () => {
  it('finds the eight corpus shaders', () => {
    expect(names.length).toBe(8);
  });
  for (const name of names) {
    it(name, () => {
      const d = decodeShader(readFileSync(new URL(name, dir)));
      expect(d.ok).toBe(true);
      if (!d.ok) return;
      const p = d.program;
      if (p.version.type === 'vs') {
        const r = runVertexShader(p, { inputs: vertex, constants: { float } });
        expect(r.status).toBe('ok');
        const written = r.outputs.filter((o) => o.written);
        expect(written.length).toBeGreaterThan(0);
        for (const o of written) for (const x of o.value) expect(Number.isFinite(x)).toBe(true);
        expect(outputSignature(p).length).toBe(13);
        expect(inputSignature(p).map((s) => s.name)[0]).toBe('v0');
      } else {
        const r = runPixelQuad(p, { v: colours, t: texcoords, constants: { float } });
        expect([r.status, r.colorsWritten, r.killed]).toEqual(['ok', 1, 0]);
        for (const x of r.colors.subarray(0, 16)) expect(Number.isFinite(x)).toBe(true);
      }
    });
  }
});
