import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SVGA3dSurfaceFormat } from '../formats/index.js';
import { CommandWriter, SVGA3dDeclType, SVGA3dDeclUsage, SVGA3dPrimitiveType } from '../svga3d-decoder/index.js';
import { TraceWriter } from '../trace/trace-writer.js';
import { replayTrace } from './replay-trace.js';
import { svgaDeviceFactory } from './svga-device-factory.js';

const SHADERS = join(import.meta.dirname, '..', '..', 'corpus', 'vmware-svga-sdk', 'shaders');

function defineShader(type: number, bytecode: Uint8Array) {
  const fifo = new CommandWriter().contextDefine({ cid: 1 }).shaderDefine({ cid: 1, shid: 7, type, bytecode });
  return replayTrace(new TraceWriter().setMode(8, 8, 32).fifo(fifo).finish());
}

describe('the default replay device', () => {
  it('accepts the corpus shaders in their own slots', () => {
    const shaders = [
      ['cubemark_vs.bin', 1],
      ['cubemark_ps.bin', 2],
      ['simple-shaders_vs.bin', 1],
      ['simple-shaders_ps.bin', 2],
    ] as const;
    for (const [file, type] of shaders) {
      const summary = defineShader(type, new Uint8Array(readFileSync(join(SHADERS, file))));
      expect([file, summary.diagnostics]).toEqual([file, []]);
    }
  });

  it('runs the shader VM validator on SHADER_DEFINE: c300 in a vs_2_0 (256 constants) is reported', () => {
    // vs_2_0; mov oPos, c300; end. Well framed, so only the validator can object.
    const words = new Uint32Array([0xfffe0200, 0x02000001, 0xc00f0000, 0xa0e4012c, 0x0000ffff]);
    const summary = defineShader(1, new Uint8Array(words.buffer));
    const findings = summary.diagnostics.filter((d) => d.code >= 4000 && d.code < 5000);
    expect(findings.length).toBeGreaterThan(0);
    // The FIFO record follows the six mode-set registers.
    expect(findings.map((d) => [d.record, d.command])).toEqual(findings.map(() => [6, 'SHADER_DEFINE']));
  });

  it('takes extra device options through svgaDeviceFactory: a draw backend receives the draw', () => {
    const draws: string[] = [];
    const createDevice = svgaDeviceFactory({
      drawBackend: { draw: (ctx, cmd) => void draws.push(`cid ${ctx.cid} ranges ${cmd.ranges.length} decls ${cmd.decls.length}`) },
    });
    // One FLOAT3 position stream in a 36-byte BUFFER surface, one non-indexed triangle.
    const fifo = new CommandWriter()
      .surfaceDefine({
        sid: 1,
        surfaceFlags: 0,
        format: SVGA3dSurfaceFormat.BUFFER,
        face: [1, 0, 0, 0, 0, 0].map((numMipLevels) => ({ numMipLevels })),
        sizes: [{ width: 36, height: 1, depth: 1 }],
      })
      .contextDefine({ cid: 1 })
      .drawPrimitives({
        cid: 1,
        decls: [
          {
            identity: { type: SVGA3dDeclType.FLOAT3, method: 0, usage: SVGA3dDeclUsage.POSITION, usageIndex: 0 },
            array: { surfaceId: 1, offset: 0, stride: 12 },
            rangeHint: { first: 0, last: 0 },
          },
        ],
        ranges: [
          {
            primType: SVGA3dPrimitiveType.TRIANGLELIST,
            primitiveCount: 1,
            indexArray: { surfaceId: 0xffffffff, offset: 0, stride: 0 },
            indexWidth: 0,
            indexBias: 0,
          },
        ],
      });
    const summary = replayTrace(new TraceWriter().setMode(8, 8, 32).fifo(fifo).finish(), { createDevice });
    expect(summary.diagnostics.map((d) => d.message)).toEqual([]);
    expect(draws).toEqual(['cid 1 ranges 1 decls 1']);
  });
});
