import { describe, expect, it } from 'vitest';
import { asm } from '../interp/testing/asm.js';
import { runPixelQuad } from '../interp/run-pixel.js';
import type { TextureSampler } from '../interp/texture-sampler.js';
import { runPixelQuadCompiled } from './run-compiled.js';
import { runVertexShaderCompiled } from './run-vertex-compiled.js';
import { ShaderCache } from './shader-cache.js';
import { registerPlan } from './register-plan.js';
import { compileShader } from './compile-shader.js';

const constants = { float: new Float32Array(1024) };

describe('pooled machines', () => {
  it('a register one program left behind is zero for the next program of the same model', () => {
    const cache = new ShaderCache();
    const writer = asm('ps_2_0\ndef c0, 5, 6, 7, 8\nmov r5, c0\nmov oC0, r5\nmov oC3, r5');
    const reader = asm('ps_2_0\nadd r0, r5, r5\nmov oC0, r0');
    runPixelQuadCompiled(writer, { constants }, cache);
    const r = runPixelQuadCompiled(reader, { constants }, cache);
    expect(Array.from(r.colors.subarray(0, 4))).toEqual([0, 0, 0, 0]);
    expect(Array.from(r.colors.subarray(48, 52))).toEqual([0, 0, 0, 0]); // oC3 of the writer is gone too
    expect(r.colorsWritten).toBe(1);
  });
  it('an address register one program set is zero for the next one that only indexes with it', () => {
    const cache = new ShaderCache();
    const c = new Float32Array(1024).map((_, i) => i);
    const setter = asm('vs_2_0\ndef c0, 7, 0, 0, 0\nmova a0.x, c0.x\nmov oPos, c[a0.x]');
    const reader = asm('vs_2_0\nmov oPos, c[a0.x + 2]');
    expect(Array.from(runVertexShaderCompiled(setter, { inputs: new Float32Array(64), constants: { float: c } }, cache).outputs[0]?.value ?? [])).toEqual([28, 29, 30, 31]);
    expect(Array.from(runVertexShaderCompiled(reader, { inputs: new Float32Array(64), constants: { float: c } }, cache).outputs[0]?.value ?? [])).toEqual([8, 9, 10, 11]);
  });
  it('the plan names the files and registers a program can touch', () => {
    const p = asm('ps_2_0\ndcl t1\ndcl v1\ndcl_2d s0\ntexld r2, t1, s0\nmul r0, r2, v1\nmov oC0, r0');
    const c = compileShader(p);
    if (!c.ok) throw new Error(c.reason);
    expect(c.plan).toEqual(registerPlan(c.prepared, false));
    expect([c.plan.inputs, c.plan.textures, c.plan.texcoords]).toEqual([[1], [1], false]);
    expect(c.plan.clear).toEqual(['colorout', 'depthout', 'input', 'misc', 'temp', 'texture']);
  });
  it('a sampler that runs the same compiled shader inside a lookup gets a machine of its own', () => {
    const cache = new ShaderCache();
    const p = asm('ps_2_0\ndcl t0\ndcl_2d s0\nmov r1, t0\ntexld r0, t0, s0\nadd r0, r0, r1\nmov oC0, r0');
    const t = new Float32Array(128).map((_, i) => (i % 4) + 1);
    let depth = 0;
    const nested = (run: typeof runPixelQuad): TextureSampler => ({
      sample(req, out) {
        let inner: Float32Array = new Float32Array(64);
        if (depth < 2) {
          depth++;
          inner = run(p, { t, constants, sampler: nested(run) }).colors;
          depth--;
        }
        for (let i = 0; i < req.lanes * 4; i++) out[i] = (inner[i] as number) + (req.coords[i] as number);
      },
    });
    const ref = runPixelQuad(p, { t, constants, sampler: nested(runPixelQuad) });
    const jit = runPixelQuadCompiled(p, { t, constants, sampler: nested((q, input) => runPixelQuadCompiled(q, input, cache)) }, cache);
    // depth 2: 0 + t + t = 2t, depth 1: 2t + t + t = 4t, outer: 4t + t + t = 6t.
    expect(Array.from(jit.colors.subarray(0, 4))).toEqual([6, 12, 18, 24]);
    expect(jit).toEqual(ref);
  });
});
