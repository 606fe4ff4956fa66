import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnostic } from '../common/diagnostics.js';
import type { ReplaySummary } from '../replay/replay-trace.js';
import { SVGA3D_VERSION } from './cli-version.js';
import { countsAgainstStrict, formatCounts, formatRecordTypes, formatSeverities, renderReportLines } from './render-summary.js';
import { traceBaseName } from './render-command.js';

describe('render summary text', () => {
  it('orders counts by count, then name', () => {
    expect(formatCounts({ FENCE: 2, CLEAR: 4, BLIT: 2, PRESENT: 9 })).toBe('PRESENT 9, CLEAR 4, BLIT 2, FENCE 2');
    expect(formatRecordTypes({ CHECKPOINT: 4, CONFIG: 1, REG_WRITE: 9, UNKNOWN: 2 })).toBe('REG_WRITE 9, CHECKPOINT 4, CONFIG 1, UNKNOWN 2');
  });

  it('counts errors and warnings against --strict, not info', () => {
    const row = (severity: 'error' | 'warning' | 'info') => diagnostic({ code: 1, name: 'X', severity }, 'm');
    expect(['error', 'warning', 'info'].map((s) => countsAgainstStrict(row(s as 'error')))).toEqual([true, true, false]);
    expect(formatSeverities([row('error'), row('info'), row('info')], 3)).toBe('1 error, 0 warnings, 2 info, 3 more not kept');
  });

  it('prints records, commands, every diagnostic and the images', () => {
    const summary: ReplaySummary = {
      readable: true,
      records: 3,
      recordsByType: { REG_WRITE: 1, FIFO: 1, CHECKPOINT: 1 },
      commands: { UPDATE: 1, FENCE: 3 },
      checkpoints: [
        { kind: 0, id: 0, face: 0, mipmap: 0, name: 'a', record: 2, offset: 60, produced: true, width: 4, height: 2 },
        { kind: 1, id: 9, face: 0, mipmap: 0, name: 'b', record: 3, offset: 90, produced: false },
      ],
      diagnostics: [diagnostic({ code: 3301, name: 'E_DMA_BOX', severity: 'error' }, 'box outside', { record: 1, offset: 0x2c, command: 'SURFACE_DMA' })],
      diagnosticsDropped: 0,
      vramBytes: 1 << 24,
    };
    expect(renderReportLines({ trace: 't.svgatrace', outDir: '/o', summary, exitCode: 0, images: [{ name: 'a', path: '/o/a.png', width: 4, height: 2 }] })).toEqual([
      'trace: t.svgatrace',
      'records: 3 (REG_WRITE 1, FIFO 1, CHECKPOINT 1)',
      'commands: 4 (FENCE 3, UPDATE 1)',
      'diagnostics: 1 (1 error, 0 warnings, 0 info)',
      '  #1 @0x2c SURFACE_DMA E3301 E_DMA_BOX: box outside',
      'images: 1 written to /o',
      '  /o/a.png 4x2',
      '  b: no image',
    ]);
  });

  it('names the default output directory after the trace', () => {
    expect(['a/cube.svgatrace.gz', 'x.svgatrace', 'y.gz', 'z.bin', '.svgatrace'].map(traceBaseName)).toEqual(['cube', 'x', 'y', 'z.bin', 'trace']);
  });

  it('prints the version of package.json', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(SVGA3D_VERSION).toBe(pkg.version);
  });
});
