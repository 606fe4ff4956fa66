/**
 * DXT1–5 (BC1–3) and ATI1/ATI2 (BC4/BC5) 4×4 block decoding, in integers, to 8-bit RGBA.
 *
 * Exact rules (one choice each, so results never depend on a platform):
 * - 5/6-bit endpoints expand by bit replication: `r8 = r5 << 3 | r5 >> 2`, `g8 = g6 << 2 | g6 >> 4`.
 * - Four-colour mode, per 8-bit channel: `c2 = floor((2·c0 + c1 + 1) / 3)`,
 *   `c3 = floor((c0 + 2·c1 + 1) / 3)` (round to nearest; thirds never tie).
 * - DXT1 three-colour mode (`color0 <= color1` as u16): `c2 = floor((c0 + c1 + 1) / 2)` (ties up),
 *   index 3 = transparent black (0, 0, 0, 0). DXT2–5 colour blocks always use four-colour mode.
 * - DXT2/3 alpha: explicit 4 bits, `a8 = a4 × 17`.
 * - DXT4/5 and BC4/BC5 8-value palettes: `a0 > a1`: `a(j) = floor(((7−j)·a0 + j·a1 + 3) / 7)`,
 *   j = 1..6 (codes 2..7); else `a(j) = floor(((5−j)·a0 + j·a1 + 2) / 5)`, j = 1..4 (codes 2..5),
 *   code 6 = 0, code 7 = 255 (round to nearest; sevenths and fifths never tie).
 * - DXT2/DXT4 are premultiplied: the decoder returns the colour as stored (premultiplied), it
 *   does not divide by alpha.
 * - ATI1 (BC4) samples as (R, R, R, R) and ATI2 (BC5) as (second block, first block, 1, 1),
 *   the Direct3D 9 FOURCC conventions (Wine reproduces them the same way): ATI2 keeps its first
 *   block in green.
 *
 * Output: 16 texels in row-major order (texel i = y·4 + x), 4 bytes each, R G B A.
 */

/** Little-endian u16 at `o`. */
function u16(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}

/** Little-endian u32 at `o`, as an unsigned number. */
function u32(b: Uint8Array, o: number): number {
  return (u16(b, o) + u16(b, o + 2) * 65536) >>> 0;
}

const palette = new Uint8Array(16);

/** Fills `palette` (4 colours × RGBA) for the colour half of a block; returns nothing. */
function colorPalette(b: Uint8Array, o: number, allowThreeColour: boolean): void {
  const c0 = u16(b, o);
  const c1 = u16(b, o + 2);
  const expand = (c: number, i: number): void => {
    const r5 = (c >>> 11) & 31;
    const g6 = (c >>> 5) & 63;
    const b5 = c & 31;
    palette[i] = (r5 << 3) | (r5 >>> 2);
    palette[i + 1] = (g6 << 2) | (g6 >>> 4);
    palette[i + 2] = (b5 << 3) | (b5 >>> 2);
    palette[i + 3] = 255;
  };
  expand(c0, 0);
  expand(c1, 4);
  const threeColour = allowThreeColour && c0 <= c1;
  for (let k = 0; k < 3; k++) {
    const p0 = palette[k] ?? 0;
    const p1 = palette[4 + k] ?? 0;
    if (threeColour) {
      palette[8 + k] = (p0 + p1 + 1) >>> 1;
      palette[12 + k] = 0;
    } else {
      palette[8 + k] = Math.floor((2 * p0 + p1 + 1) / 3);
      palette[12 + k] = Math.floor((p0 + 2 * p1 + 1) / 3);
    }
  }
  palette[11] = 255;
  palette[15] = threeColour ? 0 : 255;
}

/** Writes the colour half (8 bytes at `o`) into `out`'s RGB (and A, when `writeAlpha`). */
function decodeColour(b: Uint8Array, o: number, allowThreeColour: boolean, writeAlpha: boolean, out: Uint8Array): void {
  colorPalette(b, o, allowThreeColour);
  const indices = u32(b, o + 4);
  for (let i = 0; i < 16; i++) {
    const p = ((indices >>> (2 * i)) & 3) * 4;
    out[i * 4] = palette[p] ?? 0;
    out[i * 4 + 1] = palette[p + 1] ?? 0;
    out[i * 4 + 2] = palette[p + 2] ?? 0;
    if (writeAlpha) out[i * 4 + 3] = palette[p + 3] ?? 0;
  }
}

const values = new Uint8Array(8);

/**
 * Decodes an 8-byte interpolated single-channel block (DXT5 alpha, BC4, each half of BC5) at
 * `o` into byte `channel` of each of the 16 texels of `out`.
 */
function decodeInterpolated(b: Uint8Array, o: number, out: Uint8Array, channel: number): void {
  const a0 = b[o] ?? 0;
  const a1 = b[o + 1] ?? 0;
  values[0] = a0;
  values[1] = a1;
  if (a0 > a1) {
    for (let j = 1; j <= 6; j++) values[j + 1] = Math.floor(((7 - j) * a0 + j * a1 + 3) / 7);
  } else {
    for (let j = 1; j <= 4; j++) values[j + 1] = Math.floor(((5 - j) * a0 + j * a1 + 2) / 5);
    values[6] = 0;
    values[7] = 255;
  }
  // 48 index bits = 16 × 3; read them as two 24-bit halves to stay inside int32 shifts.
  const lo = (b[o + 2] ?? 0) | ((b[o + 3] ?? 0) << 8) | ((b[o + 4] ?? 0) << 16);
  const hi = (b[o + 5] ?? 0) | ((b[o + 6] ?? 0) << 8) | ((b[o + 7] ?? 0) << 16);
  for (let i = 0; i < 16; i++) {
    const code = i < 8 ? (lo >>> (3 * i)) & 7 : (hi >>> (3 * (i - 8))) & 7;
    out[i * 4 + channel] = values[code] ?? 0;
  }
}

/** Block kinds this module decodes. */
export type BcKind = 'bc1' | 'bc2' | 'bc3' | 'bc4' | 'bc5';

/**
 * Decodes one block of `kind` at `bytes[o]` into `out[0..63]`. The caller has checked that the
 * block (8 bytes for bc1/bc4, 16 otherwise) lies inside `bytes` and that `out` holds 64 bytes.
 */
export function decodeBcBlockRgba8(kind: BcKind, bytes: Uint8Array, o: number, out: Uint8Array): void {
  switch (kind) {
    case 'bc1':
      decodeColour(bytes, o, true, true, out);
      return;
    case 'bc2': {
      decodeColour(bytes, o + 8, false, false, out);
      for (let i = 0; i < 16; i++) {
        const a4 = ((bytes[o + (i >>> 1)] ?? 0) >>> ((i & 1) * 4)) & 15;
        out[i * 4 + 3] = a4 * 17;
      }
      return;
    }
    case 'bc3':
      decodeColour(bytes, o + 8, false, false, out);
      decodeInterpolated(bytes, o, out, 3);
      return;
    case 'bc4':
      decodeInterpolated(bytes, o, out, 0);
      for (let i = 0; i < 16; i++) {
        const r = out[i * 4] ?? 0;
        out[i * 4 + 1] = r;
        out[i * 4 + 2] = r;
        out[i * 4 + 3] = r;
      }
      return;
    case 'bc5':
      decodeInterpolated(bytes, o, out, 1);
      decodeInterpolated(bytes, o + 8, out, 0);
      for (let i = 0; i < 16; i++) {
        out[i * 4 + 2] = 255;
        out[i * 4 + 3] = 255;
      }
      return;
  }
}
