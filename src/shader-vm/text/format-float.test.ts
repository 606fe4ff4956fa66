import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bitsFromFloat, floatFromBits, formatDefValue, formatFloatG9 } from './format-float.js';
import { parseFloatBits } from './operand-parser.js';

describe('formatFloatG9 (C %.9g)', () => {
  const cases: [number, string][] = [
    [0.5, '0.5'],
    [-1, '-1'],
    [10, '10'],
    [0, '0'],
    [-0, '-0'],
    [Math.fround(0.159154937), '0.159154937'],
    [Math.fround(6.28318548), '6.28318548'],
    [Math.fround(-3.14159274), '-3.14159274'],
    [Math.fround(-1.55009923e-6), '-1.55009923e-06'],
    [Math.fround(0.00260416674), '0.00260416674'],
    [Math.fround(0.00026041668), '0.00026041668'],
    [Math.fround(-0.020833334), '-0.020833334'],
    [Math.fround(1e-4), '9.99999975e-05'],
    [Math.fround(1e-5), '9.99999975e-06'],
    [123456792, '123456792'],
    [1e9, '1e+09'],
    [3.4028234663852886e38, '3.40282347e+38'],
    [floatFromBits(1), '1.40129846e-45'],
  ];
  for (const [v, s] of cases) it(`${v} -> ${s}`, () => expect(formatFloatG9(v)).toBe(s));

  it('DEF values that are not finite floats print as raw bits (NaN payloads survive)', () => {
    expect(formatDefValue(0x7fc00000)).toBe('0x7fc00000');
    expect(formatDefValue(0xffc00001)).toBe('0xffc00001');
    expect(formatDefValue(0x7f800000)).toBe('inf');
    expect(formatDefValue(0xff800000)).toBe('-inf');
    expect(formatDefValue(0x3f000000)).toBe('0.5');
  });

  it('printing then parsing gives back every float32 bit pattern', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (bits) => {
        expect(parseFloatBits(formatDefValue(bits))).toBe(bits >>> 0);
      }),
      { seed: 42, numRuns: 5000 },
    );
  });

  it('parses MSVC spellings and rejects garbage', () => {
    expect(parseFloatBits('1.#INF')).toBe(0x7f800000);
    expect(parseFloatBits('-1.#IND')).toBe(0xffc00000);
    expect(parseFloatBits('1.#QNAN0')).toBe(0x7fc00000);
    expect(parseFloatBits('-1.#INF00')).toBe(0xff800000);
    expect(parseFloatBits('2.5e+1')).toBe(bitsFromFloat(25));
    expect(parseFloatBits('.25')).toBe(0x3e800000);
    expect(parseFloatBits('1.5f')).toBe(0x3fc00000);
    expect(parseFloatBits('1..5')).toEqual({ error: "bad float '1..5'" });
  });
});
