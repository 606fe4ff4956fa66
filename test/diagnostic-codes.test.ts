import { describe, expect, it } from 'vitest';
import { defineDiagnosticCodes, type DiagnosticCode } from '../src/common/diagnostics.js';
import { CTX_DIAGNOSTICS, MEM_DIAGNOSTICS, REG_DIAGNOSTICS } from '../src/device/device-diagnostics.js';
import { SCREEN_DIAGNOSTICS } from '../src/device/screens/screen-diagnostics.js';
import { SurfaceDiagnostics } from '../src/device/surfaces/surface-diagnostics.js';
import { PipelineDiag } from '../src/pipeline/pipeline-diagnostics.js';
import { ReplayDiagnostics } from '../src/replay/replay-diagnostics.js';
import { InterpDiag } from '../src/shader-vm/interp/interp-diagnostics.js';
import { ShaderDiag } from '../src/shader-vm/shader-diagnostics.js';
import { DecoderDiagnostics } from '../src/svga3d-decoder/decoder-diagnostics.js';
import { TraceDiagnostics } from '../src/trace/trace-diagnostics.js';

/** Every area's table with the range src/common/diagnostics.ts gives it. */
const AREAS: ReadonlyArray<[string, Record<string, DiagnosticCode>, number, number]> = [
  ['trace', TraceDiagnostics, 1000, 1999],
  ['replay', ReplayDiagnostics, 1000, 1999],
  ['decoder', DecoderDiagnostics, 2000, 2999],
  ['registers', REG_DIAGNOSTICS, 3000, 3099],
  ['memory', MEM_DIAGNOSTICS, 3100, 3199],
  ['surfaces', SurfaceDiagnostics, 3200, 3399],
  ['contexts', CTX_DIAGNOSTICS, 3400, 3599],
  ['screens', SCREEN_DIAGNOSTICS, 3600, 3799],
  ['shader front end', ShaderDiag, 4000, 4499],
  ['interpreter', InterpDiag, 4500, 4999],
  ['pipeline', PipelineDiag, 5000, 5999],
];

describe('diagnostic codes', () => {
  it('are unique across the project and stay inside their area range', () => {
    const seen = new Map<number, string>();
    for (const [area, table, low, high] of AREAS) {
      for (const [key, def] of Object.entries(table)) {
        expect(def.code, `${area}.${key}`).toBeGreaterThanOrEqual(low);
        expect(def.code, `${area}.${key}`).toBeLessThanOrEqual(high);
        expect(seen.get(def.code), `code ${def.code} of ${area}.${key}`).toBeUndefined();
        seen.set(def.code, `${area}.${key}`);
      }
    }
    expect(seen.size).toBeGreaterThan(100);
  });

  it('take their name from the key and their severity from its prefix', () => {
    const t = defineDiagnosticCodes({ E_ONE: 10, W_TWO: 11, I_THREE: 12 });
    expect(t.E_ONE).toEqual({ code: 10, name: 'E_ONE', severity: 'error' });
    expect(t.W_TWO).toEqual({ code: 11, name: 'W_TWO', severity: 'warning' });
    expect(t.I_THREE).toEqual({ code: 12, name: 'I_THREE', severity: 'info' });
  });
});
