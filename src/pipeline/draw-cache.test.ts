import { describe, expect, it } from 'vitest';
import { f32Bits } from '../device/contexts/state-defaults.js';
import type { TextureSampler } from '../shader-vm/index.js';
import { SVGA3dRenderStateName as RS } from '../svga3d-decoder/spec/enums-render-state.js';
import { SVGA3dBlendOp, SVGA3dDeclType as T, SVGA3dDeclUsage as U, SVGA3dPrimitiveType as P } from '../svga3d-decoder/spec/enums.js';
import { REFERENCE_RASTER } from './draw-backend.js';
import { DrawCache, drawCacheOf } from './draw-cache.js';
import { drawPrimitives, type DrawServices } from './draw.js';
import { FRAGMENT_STAGE_CACHE_ENTRIES, FragmentStageCache } from './fragment-stage-cache.js';
import { MemorySurfaces, contextWith, decl, drawCommand, f32Bytes, program, range, reporter } from './draw-test-support.js';
import { VERTEX_RUNNER_CACHE_ENTRIES, VertexRunnerCache } from './vertex-stage.js';

/** Colour times c0, so a vertex-constant change shows in every pixel. */
const VS = 'vs_2_0\ndcl_position v0\ndcl_color v1\nmov oPos, v0\nmul oD0, v1, c0';
/** Colour with red and green swapped. */
const VS_SWAP = 'vs_2_0\ndcl_position v0\ndcl_color v1\nmov oPos, v0\nmov oD0, v1.yxzw';
/** vs_3_0: the colour is what the vertex sampler returns at the vertex colour. */
const VS_TEXLDL = 'vs_3_0\ndcl_position v0\ndcl_color v1\ndcl_2d s0\ndcl_position o0\ndcl_color o1\nmov o0, v0\ntexldl o1, v1, s0';
const PS = 'ps_2_0\ndcl v0\nmov oC0, v0';
const PS3 = 'ps_3_0\ndcl_color v0\nmov oC0, v0';
/** Colour times the pixel constant c0. */
const PS_C0 = 'ps_2_0\ndcl v0\nmul oC0, v0, c0';

const RED = [1, 0, 0, 1];
const GREEN = [0, 1, 0, 1];
/** A full-target strip (4 vertices) in red at index 0, the same strip in green at index 4. */
const QUAD = [
  [-1, 1],
  [1, 1],
  [-1, -1],
  [1, -1],
];
const VERTICES = [...QUAD.map(([x, y]) => [x!, y!, 0.5, 1, ...RED]), ...QUAD.map(([x, y]) => [x!, y!, 0.5, 1, ...GREEN])].flat();
const DECLS = [decl(T.FLOAT4, U.POSITION, 2, 0, 32), decl(T.FLOAT4, U.COLOR, 2, 16, 32)];
const RED_DRAW = drawCommand(DECLS, [range(P.TRIANGLESTRIP, 2)]);
const GREEN_DRAW = drawCommand(DECLS, [range(P.TRIANGLESTRIP, 2, undefined, 4)]);

function setup(vs = VS, ps = PS) {
  const context = contextWith(vs, ps);
  context.renderTargets[2] = { sid: 1, face: 0, mip: 0 };
  context.renderStates[RS.CULLMODE] = 1;
  context.renderStates[RS.ZENABLE] = 0;
  setC0(context, [1, 1, 1, 1]);
  // 4×4 A8R8G8B8, all zero.
  const surfaces = new MemorySurfaces().target(1, 4, 4, 2).buffer(2, f32Bytes(VERTICES));
  const { list, report } = reporter();
  const services: DrawServices = { raster: REFERENCE_RASTER };
  const draw = (cmd = GREEN_DRAW, s: DrawServices = services) => drawPrimitives(context, cmd, surfaces, report, s);
  /** Every pixel as [R, G, B, A] (A8R8G8B8 stores B, G, R, A); all must agree. */
  const pixels = (): number[][] => {
    const b = surfaces.get(1)!.image(0, 0)!.bytes;
    return Array.from({ length: 16 }, (_, i) => [b[i * 4 + 2]!, b[i * 4 + 1]!, b[i * 4]!, b[i * 4 + 3]!]);
  };
  return { context, surfaces, list, draw, pixels, services };
}

/** Sets c0 of the vertex (0) or pixel (1) bank. */
function setC0(context: ReturnType<typeof contextWith>, v: readonly number[], type: 0 | 1 = 0): void {
  context.constants[type].float.set(v.map(f32Bits), 0);
}

const all = (rgba: number[]): number[][] => Array.from({ length: 16 }, () => rgba);

describe('draw caches: every state that feeds them, changed between two draws', () => {
  it('vertex constant c0 (the runner is rebound, its constants reloaded)', () => {
    const s = setup();
    s.draw(RED_DRAW);
    expect(s.pixels()).toEqual(all([255, 0, 0, 255]));
    setC0(s.context, [0, 0, 1, 1]);
    s.draw(RED_DRAW);
    // Red × (0, 0, 1, 1) = black, alpha 1.
    expect(s.pixels()).toEqual(all([0, 0, 0, 255]));
    expect(s.list.items).toEqual([]);
  });

  it('the bound vertex shader (another shid)', () => {
    const s = setup();
    s.draw(RED_DRAW);
    s.context.shaders[0].set(2, { shid: 2, type: 1, bytecode: new Uint32Array(0), program: program(VS_SWAP) });
    s.context.boundShaders[0] = 2;
    s.draw(RED_DRAW);
    expect(s.pixels()).toEqual(all([0, 255, 0, 255]));
  });

  it('the same shid redefined with another program', () => {
    const s = setup();
    s.draw(RED_DRAW);
    s.context.shaders[0].set(1, { shid: 1, type: 1, bytecode: new Uint32Array(0), program: program(VS_SWAP) });
    s.draw(RED_DRAW);
    expect(s.pixels()).toEqual(all([0, 255, 0, 255]));
  });

  it('the declarations: reordered (same semantics), then the colour one dropped (v1 reads 0, 0, 0, 1)', () => {
    const s = setup();
    s.draw(RED_DRAW);
    const swapped = drawCommand([DECLS[1]!, DECLS[0]!], [range(P.TRIANGLESTRIP, 2, undefined, 4)]);
    s.draw(swapped);
    expect(s.pixels()).toEqual(all([0, 255, 0, 255]));
    s.draw(drawCommand([DECLS[0]!], [range(P.TRIANGLESTRIP, 2)]));
    expect(s.pixels()).toEqual(all([0, 0, 0, 255]));
    s.draw(RED_DRAW);
    expect(s.pixels()).toEqual(all([255, 0, 0, 255]));
    expect(s.list.items).toEqual([]);
  });

  it('COLORWRITEENABLE (output-merger state): only green is written over red', () => {
    const s = setup();
    s.draw(RED_DRAW);
    s.context.renderStates[RS.COLORWRITEENABLE] = 0x2;
    s.draw(GREEN_DRAW);
    expect(s.pixels()).toEqual(all([255, 255, 0, 255]));
  });

  it('BLENDENABLE with ONE + ONE: green is added to red', () => {
    const s = setup();
    s.draw(RED_DRAW);
    s.context.renderStates[RS.SRCBLEND] = SVGA3dBlendOp.ONE;
    s.context.renderStates[RS.DSTBLEND] = SVGA3dBlendOp.ONE;
    s.draw(GREEN_DRAW);
    // Blending still off: green replaces red.
    expect(s.pixels()).toEqual(all([0, 255, 0, 255]));
    s.draw(RED_DRAW);
    s.context.renderStates[RS.BLENDENABLE] = 1;
    s.draw(GREEN_DRAW);
    expect(s.pixels()).toEqual(all([255, 255, 0, 255]));
  });

  it('ALPHATESTENABLE with ALPHAFUNC NEVER: the second draw writes nothing', () => {
    const s = setup();
    s.draw(RED_DRAW);
    s.context.renderStates[RS.ALPHAFUNC] = 1;
    s.context.renderStates[RS.ALPHATESTENABLE] = 1;
    s.draw(GREEN_DRAW);
    expect(s.pixels()).toEqual(all([255, 0, 0, 255]));
  });

  it('the pixel shader model (fog applies below ps_3_0 only) with the same render states', () => {
    const s = setup();
    // Linear table fog fully applied (start = end = 0 puts every depth past the end): fog colour.
    s.context.renderStates[RS.FOGENABLE] = 1;
    s.context.renderStates[RS.FOGCOLOR] = 0xff0000ff;
    s.context.renderStates[RS.FOGSTART] = f32Bits(0);
    s.context.renderStates[RS.FOGEND] = f32Bits(0);
    s.context.renderStates[RS.FOGMODE] = (1 << 16) | 3;
    s.draw(RED_DRAW);
    expect(s.pixels()).toEqual(all([0, 0, 255, 255]));
    s.context.shaders[1].set(2, { shid: 2, type: 2, bytecode: new Uint32Array(0), program: program(PS3) });
    s.context.shaders[0].set(3, { shid: 3, type: 1, bytecode: new Uint32Array(0), program: program('vs_3_0\ndcl_position v0\ndcl_color v1\ndcl_position o0\ndcl_color o1\nmov o0, v0\nmov o1, v1') });
    s.context.boundShaders[0] = 3;
    s.context.boundShaders[1] = 2;
    s.draw(RED_DRAW);
    expect(s.pixels()).toEqual(all([255, 0, 0, 255]));
  });

  it('the vertex sampler (vs_3_0 texldl): the second draw samples through its own sampler', () => {
    let colour = RED;
    // A new sampler per draw, fixed to the colour of its draw (as a draw's texture unit is).
    const samplerNow = (): TextureSampler => {
      const c = colour;
      return {
        sample(req, out) {
          for (let l = 0; l < req.lanes; l++) out.set(c, l * 4);
        },
      };
    };
    const s = setup(VS_TEXLDL, PS3);
    const services: DrawServices = { raster: REFERENCE_RASTER, sampler: (_c, _s, _p, stage) => (stage === 'vertex' ? samplerNow() : { sample: (_r, o) => o.fill(0) }) };
    s.draw(RED_DRAW, services);
    expect(s.pixels()).toEqual(all([255, 0, 0, 255]));
    colour = GREEN;
    s.draw(RED_DRAW, services);
    expect(s.pixels()).toEqual(all([0, 255, 0, 255]));
  });

  it('reference and compiled shader modes keep runners apart and agree', () => {
    const s = setup();
    s.draw(RED_DRAW, { ...s.services, shaderMode: 'reference' });
    expect(s.pixels()).toEqual(all([255, 0, 0, 255]));
    setC0(s.context, [0, 1, 1, 1]);
    s.draw(GREEN_DRAW);
    expect(s.pixels()).toEqual(all([0, 255, 0, 255]));
    setC0(s.context, [1, 0, 1, 1]);
    s.draw(RED_DRAW, { ...s.services, shaderMode: 'reference' });
    expect(s.pixels()).toEqual(all([255, 0, 0, 255]));
  });

  it('the colour target: another surface bound, then the first one redefined (new image)', () => {
    const s = setup();
    s.draw(RED_DRAW);
    s.surfaces.target(3, 4, 4, 2);
    s.context.renderTargets[2] = { sid: 3, face: 0, mip: 0 };
    s.draw(GREEN_DRAW);
    const bgra = (sid: number) => Array.from(s.surfaces.get(sid)!.image(0, 0)!.bytes.subarray(0, 4));
    expect(bgra(1)).toEqual([0, 0, 255, 255]);
    expect(bgra(3)).toEqual([0, 255, 0, 255]);
    // Surface 1 defined again (fresh zero storage) and bound: the draw lands in the new storage.
    const old = s.surfaces.get(1)!.image(0, 0)!.bytes;
    s.surfaces.target(1, 4, 4, 2);
    s.context.renderTargets[2] = { sid: 1, face: 0, mip: 0 };
    s.draw(GREEN_DRAW);
    expect(bgra(1)).toEqual([0, 255, 0, 255]);
    expect(Array.from(old.subarray(0, 4))).toEqual([0, 0, 255, 255]);
    // A different format on a new definition of surface 3 (X8R8G8B8): alpha is not stored as drawn.
    s.surfaces.target(3, 4, 4, 1);
    s.context.renderTargets[2] = { sid: 3, face: 0, mip: 0 };
    s.draw(GREEN_DRAW);
    expect(bgra(3).slice(0, 3)).toEqual([0, 255, 0]);
    expect(s.list.items).toEqual([]);
  });

  it('pixel constant c0 (a kept fragment stage is not used with other constants)', () => {
    const s = setup(VS, PS_C0);
    setC0(s.context, [1, 1, 1, 1], 1);
    s.draw(RED_DRAW);
    expect(s.pixels()).toEqual(all([255, 0, 0, 255]));
    setC0(s.context, [0, 1, 1, 0], 1);
    s.draw(RED_DRAW);
    expect(s.pixels()).toEqual(all([0, 0, 0, 0]));
    // Back to the first value: the same pixels as the first draw.
    setC0(s.context, [1, 1, 1, 1], 1);
    s.draw(RED_DRAW);
    expect(s.pixels()).toEqual(all([255, 0, 0, 255]));
  });

  it('the bound pixel shader', () => {
    const s = setup();
    s.draw(RED_DRAW);
    s.context.shaders[1].set(2, { shid: 2, type: 2, bytecode: new Uint32Array(0), program: program('ps_2_0\ndcl v0\nmov oC0, v0.yxzw') });
    s.context.boundShaders[1] = 2;
    s.draw(RED_DRAW);
    expect(s.pixels()).toEqual(all([0, 255, 0, 255]));
  });

  it('the pixel sampler: a kept fragment stage samples through the current draw`s sampler', () => {
    let colour = RED;
    const samplerNow = (): TextureSampler => {
      const c = colour;
      return {
        sample(req, out) {
          for (let l = 0; l < req.lanes; l++) out.set(c, l * 4);
        },
      };
    };
    const s = setup('vs_2_0\ndcl_position v0\ndcl_color v1\nmov oPos, v0\nmov oT0, v1', 'ps_2_0\ndcl t0\ndcl_2d s0\ntexld r0, t0, s0\nmov oC0, r0');
    const services: DrawServices = { raster: REFERENCE_RASTER, sampler: (_c, _s, _p, stage) => (stage === 'pixel' ? samplerNow() : { sample: (_r, o) => o.fill(0) }) };
    s.draw(RED_DRAW, services);
    expect(s.pixels()).toEqual(all([255, 0, 0, 255]));
    colour = GREEN;
    s.draw(RED_DRAW, services);
    expect(s.pixels()).toEqual(all([0, 255, 0, 255]));
  });

  it('pixel shader diagnostics go to the draw that caused them', () => {
    // 255 × 255 × 2 instructions pass the default instruction budget in every quad.
    const ps = 'ps_3_0\ndcl_color v0\ndefi i0, 255, 0, 0, 0\nmov r0, v0\nrep i0\nrep i0\nadd r0, r0, v0\nadd r0, r0, v0\nendrep\nendrep\nmov oC0, r0';
    const s = setup('vs_3_0\ndcl_position v0\ndcl_color v1\ndcl_position o0\ndcl_color o1\nmov o0, v0\nmov o1, v1', ps);
    const first = reporter();
    const second = reporter();
    drawPrimitives(s.context, RED_DRAW, s.surfaces, first.report, s.services);
    const firstCount = first.list.items.length;
    expect(firstCount).toBeGreaterThan(0);
    drawPrimitives(s.context, RED_DRAW, s.surfaces, second.report, s.services);
    expect(first.list.items.length).toBe(firstCount);
    expect(second.list.items.map((d) => d.code)).toEqual(first.list.items.map((d) => d.code));
  });

  it('two contexts never share a cache', () => {
    const a = setup();
    const b = setup();
    expect(drawCacheOf(a.context)).toBe(drawCacheOf(a.context));
    expect(drawCacheOf(a.context)).not.toBe(drawCacheOf(b.context));
    a.draw(RED_DRAW);
    setC0(b.context, [0, 1, 0, 1]);
    b.draw(GREEN_DRAW);
    a.draw(RED_DRAW);
    expect(a.pixels()).toEqual(all([255, 0, 0, 255]));
    expect(b.pixels()).toEqual(all([0, 255, 0, 255]));
  });
});

describe('FragmentStageCache keys', () => {
  const ps = program('ps_2_0\ndcl v0\nmov oC0, v0');
  const targets = [{ file: 'input' as const, index: 0 }];
  const stage = () => ({ shadeQuad: () => undefined });
  const banks = () => ({ float: new Float32Array(1024), int: new Int32Array(64), bool: new Uint32Array(16) });

  it('keeps a stage for the same program, mode, constant bits and targets; builds anew for any difference', () => {
    const cache = new FragmentStageCache();
    const c = banks();
    const first = cache.stage(ps, 'compiled', c, targets, false, stage);
    expect(cache.stage(ps, 'compiled', banks(), targets, false, stage)).toBe(first);
    expect(cache.stage(ps, 'reference', banks(), targets, false, stage)).not.toBe(first);
    const kept = cache.stage(ps, 'compiled', banks(), targets, false, stage);
    // −0 differs from 0 in its bits (1/x tells them apart): not the same constants.
    const negZero = banks();
    negZero.float[1023] = -0;
    expect(cache.stage(ps, 'compiled', negZero, targets, false, stage)).not.toBe(kept);
    const ints = banks();
    ints.int[63] = 1;
    const intStage = cache.stage(ps, 'compiled', ints, targets, false, stage);
    expect(intStage).not.toBe(kept);
    const bools = { ...ints, bool: new Uint32Array(16).fill(0) };
    bools.bool[15] = 7;
    const boolStage = cache.stage(ps, 'compiled', bools, targets, false, stage);
    expect(boolStage).not.toBe(intStage);
    // Another non-zero word for the same boolean means the same to the VM.
    const sameMeaning = { ...ints, bool: new Uint32Array(16) };
    sameMeaning.bool[15] = 1;
    expect(cache.stage(ps, 'compiled', sameMeaning, targets, false, stage)).toBe(boolStage);
    expect(cache.stage(ps, 'compiled', sameMeaning, [{ file: 'texture', index: 0 }], false, stage)).not.toBe(boolStage);
    expect(cache.stage(ps, 'compiled', sameMeaning, [...targets, undefined], false, stage)).not.toBe(boolStage);
  });

  it('never keeps a stage built with ps_1_x texture-stage state', () => {
    const cache = new FragmentStageCache();
    const a = cache.stage(ps, 'compiled', banks(), targets, true, stage);
    expect(cache.stage(ps, 'compiled', banks(), targets, true, stage)).not.toBe(a);
    expect(cache.size).toBe(0);
  });

  it(`keeps at most ${FRAGMENT_STAGE_CACHE_ENTRIES} programs`, () => {
    const cache = new FragmentStageCache();
    const programs = Array.from({ length: FRAGMENT_STAGE_CACHE_ENTRIES + 1 }, (_, i) => program(`ps_2_0\ndcl v0\ndef c1, ${i}, 0, 0, 0\nadd oC0, v0, c1`));
    const made = programs.map((p) => cache.stage(p, 'compiled', banks(), targets, false, stage));
    expect(cache.size).toBe(FRAGMENT_STAGE_CACHE_ENTRIES);
    expect(cache.stage(programs[FRAGMENT_STAGE_CACHE_ENTRIES]!, 'compiled', banks(), targets, false, stage)).toBe(made[FRAGMENT_STAGE_CACHE_ENTRIES]);
    expect(cache.stage(programs[0]!, 'compiled', banks(), targets, false, stage)).not.toBe(made[0]);
  });

  it('the forwarders reach whichever sampler and sink were set last', () => {
    const cache = new FragmentStageCache();
    const out = new Float32Array(4);
    const req = { sampler: 0, variant: 'plain' as const, lanes: 1, mask: 1, coords: new Float32Array(4), ddx: new Float32Array(4), ddy: new Float32Array(4), lod: new Float32Array(1) };
    cache.sampler.sample(req, out);
    expect(Array.from(out)).toEqual([0, 0, 0, 1]);
    let made = 0;
    cache.sampler.bind(() => {
      made++;
      return { sample: (_r, o) => o.fill(0.5) };
    });
    expect(made).toBe(0);
    cache.sampler.sample(req, out);
    cache.sampler.sample(req, out);
    expect(Array.from(out)).toEqual([0.5, 0.5, 0.5, 0.5]);
    // Made once, at the first lookup after `bind`.
    expect(made).toBe(1);
    cache.sampler.bind(() => ({ sample: (_r, o) => o.fill(0.25) }));
    cache.sampler.sample(req, out);
    expect(Array.from(out)).toEqual([0.25, 0.25, 0.25, 0.25]);
    const seen: string[] = [];
    cache.sink.report({ code: 1, name: 'X', severity: 'info', message: 'dropped' });
    cache.sink.current = { report: (d) => seen.push(d.message) };
    cache.sink.report({ code: 1, name: 'X', severity: 'info', message: 'kept' });
    expect(seen).toEqual(['kept']);
  });
});

describe('DrawCache and VertexRunnerCache bounds', () => {
  it('the output-merger state is derived again for any changed word, reused otherwise', () => {
    const cache = new DrawCache();
    const states = new Uint32Array(100);
    const first = cache.outputMerger(states, true);
    expect(cache.outputMerger(states, true)).toBe(first);
    expect(cache.outputMerger(states, false)).not.toBe(first);
    for (const name of [RS.ZENABLE, RS.STENCILREF, RS.FOGCOLOR, RS.COLORWRITEENABLE3, 99]) {
      const before = cache.outputMerger(states, true);
      states[name] = 7;
      expect(cache.outputMerger(states, true)).not.toBe(before);
      states[name] = 0;
    }
    expect(cache.outputMerger(states, true).depth.enable).toBe(false);
    states[RS.FOGENABLE] = 1;
    expect(cache.outputMerger(states, true).fog.enable).toBe(true);
    expect(cache.outputMerger(states, false).fog.enable).toBe(false);
    expect(cache.outputMerger(states, true).fog.enable).toBe(true);
    states[RS.ZENABLE] = 1;
    expect(cache.outputMerger(states, true).depth.enable).toBe(true);
  });

  it('the target set is reused only while every slot holds the same image and format', () => {
    const cache = new DrawCache();
    const image = { width: 4, height: 4, depth: 1, rowPitch: 16, slicePitch: 64, bytes: new Uint8Array(64) };
    const other = { ...image, bytes: new Uint8Array(64) };
    const set = (colors: ({ image: typeof image; format: number } | undefined)[], depth?: { image: typeof image; format: number }) => ({
      targets: { colors, depth, stencil: undefined },
      width: 4,
      height: 4,
    });
    const first = set([{ image, format: 2 }]);
    expect(cache.targets(first)).toBe(first);
    expect(cache.targets(set([{ image, format: 2 }]))).toBe(first);
    const changedImage = set([{ image: other, format: 2 }]);
    expect(cache.targets(changedImage)).toBe(changedImage);
    const changedFormat = set([{ image: other, format: 1 }]);
    expect(cache.targets(changedFormat)).toBe(changedFormat);
    const moreSlots = set([{ image: other, format: 1 }, { image, format: 2 }]);
    expect(cache.targets(moreSlots)).toBe(moreSlots);
    const withDepth = set([{ image: other, format: 1 }, { image, format: 2 }], { image, format: 41 });
    expect(cache.targets(withDepth)).toBe(withDepth);
    expect(cache.targets(set([{ image: other, format: 1 }, { image, format: 2 }], { image, format: 41 }))).toBe(withDepth);
  });

  it(`keeps at most ${VERTEX_RUNNER_CACHE_ENTRIES} programs, dropping the least recently used`, () => {
    const cache = new VertexRunnerCache('compiled');
    const programs = Array.from({ length: VERTEX_RUNNER_CACHE_ENTRIES + 1 }, (_, i) => program(`vs_2_0\ndcl_position v0\ndef c1, ${i}, 0, 0, 0\nadd oPos, v0, c1`));
    const constants = { float: new Float32Array(1024) };
    const made = programs.slice(0, VERTEX_RUNNER_CACHE_ENTRIES).map((p) => cache.runner(p, { constants }));
    expect(cache.size).toBe(VERTEX_RUNNER_CACHE_ENTRIES);
    // Programs 0 and 1 used again: program 2 is now the oldest and goes when the last one arrives.
    expect(cache.runner(programs[0]!, { constants })).toBe(made[0]);
    expect(cache.runner(programs[1]!, { constants })).toBe(made[1]);
    cache.runner(programs[VERTEX_RUNNER_CACHE_ENTRIES]!, { constants });
    expect(cache.size).toBe(VERTEX_RUNNER_CACHE_ENTRIES);
    expect(cache.runner(programs[0]!, { constants })).toBe(made[0]);
    expect(cache.runner(programs[3]!, { constants })).toBe(made[3]);
    expect(cache.runner(programs[2]!, { constants })).not.toBe(made[2]);
  });
});
