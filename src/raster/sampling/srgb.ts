/**
 * sRGB decode on texture read (GAMMA ≈ 2.2, see `isSrgbGamma`), as D3D9 hardware does it: per
 * texel, before filtering, on the colour channels only (alpha stays linear), through a table on
 * the 8-bit code.
 *
 * Table entry k (c = k / 255 in float64): `c ≤ 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055)^2.4`.
 * The linear branch and the base of the power are computed in float64 and rounded once to
 * float32; the power is our float32 `f32Pow` (never `Math.pow`), which takes the exponent as the
 * float32 nearest 2.4. Entry 0 is 0 and entry 255 is exactly 1.
 */
import { f32Pow } from '../../common/f32-math.js';

function buildTable(): Float32Array {
  const t = new Float32Array(256);
  for (let k = 0; k < 256; k++) {
    const c = k / 255;
    t[k] = c <= 0.04045 ? c / 12.92 : f32Pow((c + 0.055) / 1.055, 2.4);
  }
  return t;
}

/** Linear value of each 8-bit sRGB code. */
export const SRGB_TO_LINEAR: Float32Array = buildTable();

/**
 * Decodes one colour channel value `v` read from an 8-bit-or-narrower unorm texel: its 8-bit code
 * is `floor(v × 255 + 0.5)` (exact for 8-bit channels and DXT/BC, nearest for 4–6-bit ones).
 */
export function srgbDecode(v: number): number {
  const k = Math.floor(v * 255 + 0.5);
  return SRGB_TO_LINEAR[k < 0 ? 0 : k > 255 ? 255 : k] as number;
}
