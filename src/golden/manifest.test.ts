import { describe, expect, it } from 'vitest';
import { checkRegistry, filterCases, isValidCaseName, type GoldenCase } from './golden-case.js';
import { emptyManifest, parseManifest, serializeManifest, withCase } from './manifest.js';

const SHA_A = 'a'.repeat(64);
const SHA_B = '0123456789abcdef'.repeat(4);

describe('manifest', () => {
  it('serialises sorted, one image per line, and parses back', () => {
    let m = withCase(emptyManifest(), 'z/last', { b: { width: 1, height: 2, sha256: SHA_A, png: true }, a: { width: 3, height: 4, sha256: SHA_B, png: false } });
    m = withCase(m, 'a/first', { only: { width: 5, height: 6, sha256: SHA_A, png: true } });
    const text = serializeManifest(m);
    expect(text).toBe(
      [
        '{',
        '  "version": 1,',
        '  "cases": {',
        '    "a/first": {',
        `      "only": { "width": 5, "height": 6, "sha256": "${SHA_A}", "png": true }`,
        '    },',
        '    "z/last": {',
        `      "a": { "width": 3, "height": 4, "sha256": "${SHA_B}", "png": false },`,
        `      "b": { "width": 1, "height": 2, "sha256": "${SHA_A}", "png": true }`,
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(parseManifest(text)).toEqual({ manifest: m });
    expect(serializeManifest(emptyManifest())).toBe('{\n  "version": 1,\n  "cases": {\n  }\n}\n');
    expect(parseManifest(serializeManifest(emptyManifest()))).toEqual({ manifest: emptyManifest() });
  });

  it('says what is wrong with a broken manifest', () => {
    expect(parseManifest('{')).toMatchObject({ error: expect.stringContaining('not JSON') });
    expect(parseManifest('{"version":2,"cases":{}}')).toEqual({ error: 'version 2 is not 1' });
    expect(parseManifest('{"version":1,"cases":[]}')).toEqual({ error: "'cases' is not an object" });
    expect(parseManifest('{"version":1,"cases":{"x":{"i":{"width":1,"height":1,"sha256":"abc","png":true}}}}')).toEqual({
      error: "case 'x' image 'i' needs width, height, sha256 (64 hex digits) and png",
    });
  });

  it('removes a case', () => {
    const m = withCase(emptyManifest(), 'x', {});
    expect(withCase(m, 'x', undefined)).toEqual(emptyManifest());
  });
});

const c = (name: string): GoldenCase => ({ name, description: 'd', tags: [], needs: [], source: { kind: 'corpus', file: 'f' } });

describe('case names and filters', () => {
  it('accepts path-like lower-case names only', () => {
    expect(['clear/a8r8g8b8', 'dma/dxt1', 'x', 'a/b.c/d_e-f'].every(isValidCaseName)).toBe(true);
    expect(['', 'A', '/x', 'x/', 'a//b', '../x', 'a/../b', 'a/./b', 'a b'].some(isValidCaseName)).toBe(false);
  });

  it('checks a registry for bad and duplicate names and unknown features', () => {
    const bad = { ...c('Bad'), needs: ['warp-drive'] } as unknown as GoldenCase;
    expect(checkRegistry([c('a'), c('a'), bad])).toEqual([
      "case name 'a' is used twice",
      "case name 'Bad' is not [a-z0-9._-] segments separated by /",
      "case 'Bad' needs unknown feature 'warp-drive'",
    ]);
  });

  it('selects an exact name alone, else by substring or glob', () => {
    const cases = [c('clear/a8r8g8b8'), c('clear/a8r8g8b8-present'), c('dma/whole'), c('copy/boxes')];
    const names = (p: string | undefined) => filterCases(cases, p).map((x) => x.name);
    expect(names('clear/a8r8g8b8')).toEqual(['clear/a8r8g8b8']);
    expect(names('a8r8')).toEqual(['clear/a8r8g8b8', 'clear/a8r8g8b8-present']);
    expect(names('*/b*')).toEqual(['copy/boxes']);
    expect(names('d*e')).toEqual(['dma/whole']);
    expect(names(undefined)).toHaveLength(4);
    expect(names('nothing')).toEqual([]);
  });
});
