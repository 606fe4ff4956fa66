import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../common/diagnostics.js';
import { CommandWriter } from '../../svga3d-decoder/index.js';
import { run, testDevice, where } from '../device-test-support.js';
import { SurfaceStore } from '../surfaces/index.js';
import type { ContextEnv } from './context-env.js';
import { ContextTable, DEFAULT_CONTEXT_LIMITS } from './context-table.js';
import { executeShaderDefine } from './shader-commands.js';
import { checkShaderFraming } from './shader-framing.js';

const corpus = (name: string) => new Uint8Array(readFileSync(new URL(`../../../corpus/vmware-svga-sdk/shaders/${name}`, import.meta.url)));
const tokens = (t: number[]) => new Uint8Array(new Uint32Array(t).buffer);
const VS_MIN = tokens([0xfffe0200, 0x0000ffff]);
const PS_MIN = tokens([0xffff0200, 0x0000ffff]);

describe('shader framing', () => {
  it('accepts the corpus shaders and rejects malformed streams with a reason', () => {
    expect(checkShaderFraming(1, corpus('cubemark_vs.bin'))).toBeUndefined();
    expect(checkShaderFraming(2, corpus('simple-shaders_ps.bin'))).toBeUndefined();
    expect(checkShaderFraming(1, PS_MIN)).toBe('version token 0xffff0200 is not a vertex shader');
    expect(checkShaderFraming(1, tokens([0xfffe0200]))).toBe('bytecode has 1 tokens; a version and an END token are the least');
    expect(checkShaderFraming(1, tokens([0xfffe0200, 0x03000001, 0x800f0000, 0x0000ffff]))).toBe('instruction at token 1 runs past the end');
    expect(checkShaderFraming(1, tokens([0xfffe0200, 0x02000001, 0x800f0000, 0x0000ffff]))).toBe('no END token');
    expect(checkShaderFraming(2, tokens([0xffff0200, 0x00000000]))).toBe('no END token');
    expect(checkShaderFraming(2, tokens([0xffff0200, 0x0000ffff, 0]))).toBe('1 tokens after END (token 1)');
    expect(checkShaderFraming(1, tokens([0xfffe0400, 0x0000ffff]))).toBe('shader model 4.0 is not 1.x-3.0');
    // A comment may hold an END-looking token: it is skipped by its length.
    expect(checkShaderFraming(2, tokens([0xffff0200, 0x0001fffe, 0x0000ffff, 0x0000ffff]))).toBeUndefined();
    expect(checkShaderFraming(2, new Uint8Array(6))).toBe('bytecode length 6 is not a whole number of tokens');
  });
});

describe('shader objects', () => {
  it('define, bind and destroy per context and type; destroying the bound shader unbinds it', () => {
    const { device, list } = testDevice();
    run(device, (w) => {
      w.contextDefine({ cid: 1 }).contextDefine({ cid: 2 });
      w.shaderDefine({ cid: 1, shid: 5, type: 1, bytecode: corpus('cubemark_vs.bin') });
      w.shaderDefine({ cid: 1, shid: 5, type: 2, bytecode: corpus('cubemark_ps.bin') });
      w.setShader({ cid: 1, type: 1, shid: 5 });
      w.setShader({ cid: 1, type: 2, shid: 5 });
    });
    expect(list.items).toEqual([]);
    const c = device.contexts.peek(1)!;
    expect(c.boundShader(1)?.bytecode.length).toBe(corpus('cubemark_vs.bin').length / 4);
    expect(c.boundShader(1)?.program?.version).toMatchObject({ type: 'vs', major: 2, minor: 0 });
    expect(c.boundShader(2)?.type).toBe(2);
    expect(device.contexts.shaderBytes).toBe(corpus('cubemark_vs.bin').length + corpus('cubemark_ps.bin').length);
    const offsets: number[] = [];
    run(device, (w) => {
      offsets.push(w.byteLength);
      w.setShader({ cid: 2, type: 1, shid: 5 }); // exists only in context 1
      w.shaderDestroy({ cid: 1, shid: 5, type: 1 });
      offsets.push(w.byteLength);
      w.shaderDestroy({ cid: 1, shid: 5, type: 1 });
      offsets.push(w.byteLength);
      w.setShader({ cid: 1, type: 3, shid: 0xffffffff });
    });
    expect(where(list.items)).toEqual([`3422@${offsets[0]} SET_SHADER`, `3422@${offsets[1]} SHADER_DESTROY`, `3421@${offsets[2]} SET_SHADER`]);
    expect(c.boundShaders).toEqual([0xffffffff, 5]);
    expect(device.contexts.peek(2)!.boundShaders).toEqual([0xffffffff, 0xffffffff]);
    expect(device.contexts.shaderBytes).toBe(corpus('cubemark_ps.bin').length);
    run(device, (w) => w.contextDestroy({ cid: 1 }));
    expect(device.contexts.shaderBytes).toBe(0);
  });

  it('rejects bad ids, types and bytecode, reporting the validator findings', () => {
    const { device, list } = testDevice();
    const offsets: number[] = [];
    run(device, (w) => {
      w.contextDefine({ cid: 1 });
      const at = () => offsets.push(w.byteLength);
      at(); w.shaderDefine({ cid: 1, shid: 5000, type: 1, bytecode: VS_MIN });
      at(); w.shaderDefine({ cid: 1, shid: 1, type: 3, bytecode: VS_MIN });
      at(); w.shaderDefine({ cid: 1, shid: 1, type: 1, bytecode: PS_MIN });
      // Frames, but c300 is beyond vs_2_0's constant file: the validator refuses it.
      at(); w.shaderDefine({ cid: 1, shid: 1, type: 1, bytecode: tokens([0xfffe0200, 0x02000001, 0x800f0000, 0xa0e4012c, 0x0000ffff]) });
    });
    const codes = list.items.map((d) => d.code);
    expect(codes.slice(0, 3)).toEqual([3420, 3421, 3423]);
    expect(where(list.items.slice(0, 3))).toEqual([
      `3420@${offsets[0]} SHADER_DEFINE`, `3421@${offsets[1]} SHADER_DEFINE`, `3423@${offsets[2]} SHADER_DEFINE`,
    ]);
    const last = list.items.slice(3);
    expect(last.length).toBeGreaterThanOrEqual(2);
    expect(last.every((d) => d.offset === offsets[3] && d.command === 'SHADER_DEFINE')).toBe(true);
    expect(last.slice(0, -1).every((d) => d.code >= 4000 && d.code < 4300)).toBe(true);
    expect(last[last.length - 1]?.code).toBe(3423);
    expect(device.contexts.peek(1)!.shaders[0].size).toBe(0);
  });

  it('enforces shaders per context and total bytecode', () => {
    const limits = { ...DEFAULT_CONTEXT_LIMITS, maxShadersPerContext: 2, maxTotalShaderBytes: 24 };
    const env: ContextEnv = { contexts: new ContextTable(limits), surfaces: new SurfaceStore(), memory: { regionSize: () => -1, read: () => false, write: () => false } };
    const list = new DiagnosticList();
    const report = (def: { code: number; name: string; severity: 'error' | 'warning' | 'info' }, message: string) => list.report({ ...def, message });
    env.contexts.define(1, report);
    env.contexts.define(2, report);
    executeShaderDefine(env, { cid: 1, shid: 0, type: 1, bytecode: VS_MIN }, report);
    executeShaderDefine(env, { cid: 1, shid: 1, type: 1, bytecode: VS_MIN }, report);
    executeShaderDefine(env, { cid: 1, shid: 2, type: 2, bytecode: PS_MIN }, report);
    executeShaderDefine(env, { cid: 1, shid: 1, type: 1, bytecode: VS_MIN }, report); // replacing is fine
    executeShaderDefine(env, { cid: 2, shid: 0, type: 2, bytecode: PS_MIN }, report);
    executeShaderDefine(env, { cid: 2, shid: 1, type: 2, bytecode: PS_MIN }, report);
    expect(list.items.map((d) => [d.code, d.message])).toEqual([
      [3424, 'context 1 already holds 2 shaders'],
      [3424, 'shader bytecode memory would exceed 24 bytes'],
    ]);
    expect(env.contexts.shaderBytes).toBe(24);
  });
});

describe('SET_SHADER_CONST', () => {
  it('sets several registers at once, raw bits, one bank per type and constant type', () => {
    const { device, list } = testDevice();
    run(device, (w) => {
      w.contextDefine({ cid: 1 });
      w.setShaderConst({ cid: 1, reg: 254, type: 1, ctype: 0, values: [[0x3f800000, 2, 3, 4], [0x7fa00001, 6, 7, 8]] });
      w.setShaderConst({ cid: 1, reg: 0, type: 2, ctype: 0, values: [[9, 9, 9, 9]] });
      w.setShaderConst({ cid: 1, reg: 14, type: 2, ctype: 1, values: [[1, 2, 3, 4], [0xffffffff, 0, 1, 0]] });
      w.setShaderConst({ cid: 1, reg: 3, type: 1, ctype: 2, values: [[1, 5, 5, 5], [0, 5, 5, 5]] });
    });
    expect(list.items).toEqual([]);
    const [vs, ps] = device.contexts.peek(1)!.constants;
    expect([...vs.float.subarray(254 * 4)]).toEqual([0x3f800000, 2, 3, 4, 0x7fa00001, 6, 7, 8]);
    expect([...vs.float.subarray(0, 4)]).toEqual([0, 0, 0, 0]);
    expect([...ps.float.subarray(0, 4)]).toEqual([9, 9, 9, 9]);
    expect([...ps.int.subarray(14 * 4)]).toEqual([1, 2, 3, 4, 0xffffffff, 0, 1, 0]);
    expect([...vs.bool.subarray(2, 6)]).toEqual([0, 1, 0, 0]);
  });

  it('rejects ranges past the bank, unknown constant types and shader types as a whole', () => {
    const { device, list } = testDevice();
    const offsets: number[] = [];
    run(device, (w) => {
      w.contextDefine({ cid: 1 });
      const at = () => offsets.push(w.byteLength);
      at(); w.setShaderConst({ cid: 1, reg: 255, type: 1, ctype: 0, values: [[1, 1, 1, 1], [2, 2, 2, 2]] });
      at(); w.setShaderConst({ cid: 1, reg: 0xffffffff, type: 1, ctype: 0, values: [[1, 1, 1, 1]] });
      at(); w.setShaderConst({ cid: 1, reg: 16, type: 2, ctype: 1, values: [[1, 1, 1, 1]] });
      at(); w.setShaderConst({ cid: 1, reg: 15, type: 2, ctype: 2, values: [[1, 0, 0, 0], [1, 0, 0, 0]] });
      at(); w.setShaderConst({ cid: 1, reg: 0, type: 1, ctype: 7, values: [[1, 1, 1, 1]] });
      at(); w.setShaderConst({ cid: 1, reg: 0, type: 0, ctype: 0, values: [[1, 1, 1, 1]] });
    });
    expect(where(list.items)).toEqual([
      `3425@${offsets[0]} SET_SHADER_CONST`, `3425@${offsets[1]} SET_SHADER_CONST`, `3425@${offsets[2]} SET_SHADER_CONST`,
      `3425@${offsets[3]} SET_SHADER_CONST`, `3426@${offsets[4]} SET_SHADER_CONST`, `3421@${offsets[5]} SET_SHADER_CONST`,
    ]);
    expect(list.items[0]?.message).toBe('FLOAT registers 255..256 are not below 256');
    const [vs, ps] = device.contexts.peek(1)!.constants;
    expect(vs.float.every((v) => v === 0) && ps.int.every((v) => v === 0) && ps.bool.every((v) => v === 0)).toBe(true);
    expect(new CommandWriter().byteLength).toBe(0);
  });
});
