import { describe, expect, it } from 'vitest';
import { CTX_DIAGNOSTICS, MEM_DIAGNOSTICS, REG_DIAGNOSTICS } from './device-diagnostics.js';

describe('device diagnostic codes', () => {
  it('are unique, named after their key and inside their area ranges', () => {
    const tables: Array<[Record<string, { code: number; name: string }>, number, number]> = [
      [REG_DIAGNOSTICS, 3000, 3099],
      [MEM_DIAGNOSTICS, 3100, 3199],
      [CTX_DIAGNOSTICS, 3400, 3599],
    ];
    const codes = new Set<number>();
    for (const [table, lo, hi] of tables) {
      for (const [key, row] of Object.entries(table)) {
        expect(row.name).toBe(key);
        expect(row.code >= lo && row.code <= hi, `${key} ${row.code}`).toBe(true);
        expect(codes.has(row.code), `${row.code} twice`).toBe(false);
        codes.add(row.code);
      }
    }
    expect(codes.size).toBe(Object.keys(REG_DIAGNOSTICS).length + Object.keys(MEM_DIAGNOSTICS).length + Object.keys(CTX_DIAGNOSTICS).length);
  });
});
