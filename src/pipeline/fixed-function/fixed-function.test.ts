import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { SVGA3dRenderStateName as RS } from '../../svga3d-decoder/spec/enums-render-state.js';
import { SVGA3dTextureStateName as TS } from '../../svga3d-decoder/spec/enums-texture-state.js';
import { SVGA3dDeclType as DT, SVGA3dDeclUsage as DU } from '../../svga3d-decoder/spec/enums.js';
import { TEXTURE_STATE_COUNT } from '../../device/contexts/state-defaults.js';
import { encodeShader, validateShader } from '../../shader-vm/index.js';
import {
  buildFixedFunctionPixelProgram,
  buildFixedFunctionVertexProgram,
  clearFixedFunctionCaches,
  dumpFixedFunctionProgram,
  fixedFunctionCacheStats,
  fixedFunctionTextureTypes,
  ProgramCache,
} from './index.js';
import { newContext, setRs, setRsFloat, setTs, validationErrors } from './ff-test-support.js';

const ELEMENTS = [
  { type: DT.FLOAT3, usage: DU.POSITION, usageIndex: 0 },
  { type: DT.D3DCOLOR, usage: DU.COLOR, usageIndex: 0 },
];

beforeEach(() => clearFixedFunctionCaches());

describe('program cache', () => {
  it('per-draw values change the constants, not the key or the program', () => {
    const ctx = newContext();
    const a = buildFixedFunctionVertexProgram(ctx, { elements: ELEMENTS });
    setRsFloat(ctx, RS.FOGSTART, 3);
    ctx.transformsF32[2 * 16 + 12] = 5;
    const b = buildFixedFunctionVertexProgram(ctx, { elements: ELEMENTS });
    expect(b.key).toBe(a.key);
    expect(b.program).toBe(a.program);
    expect(b.constants.float).not.toEqual(a.constants.float);
    expect(fixedFunctionCacheStats().vertex).toEqual({ hits: 1, misses: 1, evictions: 0, size: 1, capacity: 256 });
  });
  it('state that changes code changes the key', () => {
    const ctx = newContext();
    const a = buildFixedFunctionPixelProgram(ctx, { textures: [2] });
    setTs(ctx, 0, TS.COLOROP, 5);
    const b = buildFixedFunctionPixelProgram(ctx, { textures: [2] });
    expect(b.key).not.toBe(a.key);
    expect(fixedFunctionCacheStats().pixel.misses).toBe(2);
  });
  it('state that changes no code with lighting off (material sources, LOCALVIEWER) stays out of the key', () => {
    const ctx = newContext();
    setRs(ctx, RS.LIGHTINGENABLE, 0);
    const a = buildFixedFunctionVertexProgram(ctx, { elements: ELEMENTS });
    setRs(ctx, RS.DIFFUSEMATERIALSOURCE, 0);
    setRs(ctx, RS.LOCALVIEWER, 0);
    setRs(ctx, RS.RANGEFOGENABLE, 1);
    expect(buildFixedFunctionVertexProgram(ctx, { elements: ELEMENTS }).key).toBe(a.key);
    setRs(ctx, RS.LIGHTINGENABLE, 1);
    expect(buildFixedFunctionVertexProgram(ctx, { elements: ELEMENTS }).key).not.toBe(a.key);
  });
  it('evicts the least recently used entry at capacity', () => {
    const cache = new ProgramCache<number>(2);
    let built = 0;
    const get = (k: string): number => cache.get(k, () => ++built);
    expect([get('a'), get('b'), get('a'), get('c'), get('a'), get('b')]).toEqual([1, 2, 1, 3, 1, 4]);
    expect(cache.stats()).toEqual({ hits: 2, misses: 4, evictions: 2, size: 2, capacity: 2 });
    expect(cache.has('c')).toBe(false);
  });
  it('dumps a program as key + disassembly', () => {
    const text = dumpFixedFunctionProgram(buildFixedFunctionPixelProgram(newContext(), { textures: [] }));
    expect(text.split('\n').slice(0, 3)).toEqual(['; fixed-function ps|s0|2.2.2.2.2.2.2.2.0.0.-1', '    ps_2_x', '    def c25, 0, 1, 0.5, 2']);
  });
});

describe('texture types from bindings', () => {
  it('CUBE for six faces, VOLUME for depth > 1, 2D otherwise, 0 when unbound or unknown', () => {
    const ctx = newContext();
    setTs(ctx, 0, TS.BIND_TEXTURE, 7);
    setTs(ctx, 1, TS.BIND_TEXTURE, 8);
    setTs(ctx, 2, TS.BIND_TEXTURE, 9);
    setTs(ctx, 3, TS.BIND_TEXTURE, 10);
    const shapes = new Map([[7, { faceCount: 1, depth: 1 }], [8, { faceCount: 6, depth: 1 }], [9, { faceCount: 1, depth: 4 }]]);
    expect(fixedFunctionTextureTypes(ctx, (sid) => shapes.get(sid))).toEqual([2, 3, 4, 0, 0, 0, 0, 0]);
  });
});

describe('hostile state', () => {
  const word = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(0xffffffff, 0x8000, 0x800f, 0x3f, 0x7fc00000), fc.nat());
  it('any render / texture state words and declarations give valid programs that run', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), word), { maxLength: 40 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 32 }), word), { maxLength: 60 }),
        fc.array(fc.record({ type: fc.integer({ min: 0, max: 20 }), usage: fc.integer({ min: 0, max: 14 }), usageIndex: fc.integer({ min: 0, max: 9 }) }), { maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 8 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (rs, ts, elements, textures, lights) => {
          const ctx = newContext();
          for (const [name, value] of rs) setRs(ctx, name, value);
          for (const [stage, name, value] of ts) ctx.textureStates[stage * TEXTURE_STATE_COUNT + name] = value >>> 0;
          lights.forEach((on, i) => {
            ctx.lightEnabled[i] = on & 1;
            ctx.lights[i * 29] = on >> 4;
          });
          const vs = buildFixedFunctionVertexProgram(ctx, { elements });
          const ps = buildFixedFunctionPixelProgram(ctx, { textures });
          expect(validationErrors(vs.program)).toEqual([]);
          expect(validationErrors(ps.program)).toEqual([]);
          expect(vs.constants.float.length).toBe(1024);
          // The programs are real bytecode too: what a guest could send as SHADER_DEFINE.
          for (const p of [vs.program, ps.program]) {
            const encoded = encodeShader(p);
            expect(encoded.ok && validateShader(encoded.words, p.version.type).ok).toBe(true);
          }
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});
