/**
 * Float formatting as fxc prints DEF values: C's `%.9g` (9 significant digits, trailing zeros
 * removed, exponent form below 1e-4 or from 1e9, two-digit exponent): `0.5`, `-1`, `6.28318548`,
 * `-1.55009923e-06`. Nine digits identify every float32, so printing and parsing round-trip.
 */

/** Formats a float32 value like C's `printf("%.9g", v)`. */
export function formatFloatG9(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const e = v.toExponential(8);
  const at = e.indexOf('e');
  const exp = Number(e.slice(at + 1));
  if (exp < -4 || exp >= 9) {
    const mantissa = trimZeros(e.slice(0, at));
    const sign = exp < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return trimZeros(v.toFixed(8 - exp));
}

function trimZeros(s: string): string {
  if (!s.includes('.')) return s;
  return s.replace(/0+$/, '').replace(/\.$/, '');
}

const bitsView = new DataView(new ArrayBuffer(4));

/** The float32 value of a bit pattern. */
export function floatFromBits(bits: number): number {
  bitsView.setUint32(0, bits >>> 0, true);
  return bitsView.getFloat32(0, true);
}

/** The bit pattern of `Math.fround(v)`. */
export function bitsFromFloat(v: number): number {
  bitsView.setFloat32(0, v, true);
  return bitsView.getUint32(0, true);
}

/**
 * How a DEF value is written: `%.9g` when that reads back to the same bits, otherwise (NaN
 * payloads, which fxc cannot express) the raw pattern in hex, which the assembler accepts.
 */
export function formatDefValue(bits: number): string {
  const v = floatFromBits(bits);
  if (Number.isFinite(v)) return formatFloatG9(v);
  if (v === Infinity && bits >>> 0 === 0x7f800000) return 'inf';
  if (v === -Infinity && bits >>> 0 === 0xff800000) return '-inf';
  return `0x${(bits >>> 0).toString(16).padStart(8, '0')}`;
}
