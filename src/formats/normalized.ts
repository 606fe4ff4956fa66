/**
 * Number conversions shared by every decoder and packer, each with one stated rounding rule.
 *
 * - n-bit unorm → float: `v / (2^n − 1)` in float64, then float32 where stored.
 * - n-bit snorm → float: `max(s / (2^(n−1) − 1), −1)`: the two most negative codes both give −1
 *   (the D3D clamp rule).
 * - n-bit unorm → 8 bits: `round(v × 255 / (2^n − 1))` in integers. With an odd divisor there
 *   are never ties.
 * - n-bit snorm → 8 bits (for display): `round((v + 1) / 2 × 255)`, ties up, in integers.
 * - float → 8 bits (for display): clamp to [0, 1] (NaN → 0), `floor(v × 255 + 0.5)` in float64.
 * - float → n-bit unorm (n ≤ 24): clamp to [0, 1] (NaN → 0), `floor(v × (2^n − 1) + 0.5)`
 *   (round to nearest, ties up). For float32 inputs every step is exact in float64.
 * - float → n-bit snorm: clamp to [−1, 1] (NaN → 0), `sign(v) × floor(|v| × (2^(n−1) − 1) + 0.5)`
 *   (round to nearest, ties away from zero; −2^(n−1) is never produced).
 */

/** `2^bits − 1`. */
export function unormMax(bits: number): number {
  return 2 ** bits - 1;
}

/** Two's-complement value of the low `bits` bits of `v` (an unsigned field). */
export function signExtend(v: number, bits: number): number {
  const half = 2 ** (bits - 1);
  return v >= half ? v - 2 * half : v;
}

/** n-bit unorm code → [0, 1]. */
export function unormToFloat(v: number, bits: number): number {
  return v / unormMax(bits);
}

/** n-bit signed code (already sign-extended) → [−1, 1]. */
export function snormToFloat(s: number, bits: number): number {
  const q = s / (2 ** (bits - 1) - 1);
  return q < -1 ? -1 : q;
}

/** n-bit unorm code → 8-bit, `round(v × 255 / (2^n − 1))` exactly. */
export function unormTo8(v: number, bits: number): number {
  if (bits === 8) return v;
  const max = unormMax(bits);
  return Math.floor((2 * v * 255 + max) / (2 * max));
}

/** n-bit signed code (sign-extended) → 8-bit display value `round((q + 1) / 2 × 255)`, ties up. */
export function snormTo8(s: number, bits: number): number {
  const max = 2 ** (bits - 1) - 1;
  const c = s < -max ? -max : s;
  // (c/max + 1)/2 × 255 = (c + max) × 255 / (2·max); round half up = floor((2·num + den) / (2·den)).
  const num = (c + max) * 255;
  const den = 2 * max;
  return Math.floor((2 * num + den) / (2 * den));
}

/** Clamps to [0, 1]; NaN becomes 0. */
export function saturate(v: number): number {
  return v > 0 ? (v < 1 ? v : 1) : 0;
}

/** A float in [0, 1] (clamped) → 8-bit display value, ties up. */
export function floatTo8(v: number): number {
  return Math.floor(saturate(v) * 255 + 0.5);
}

/** A signed-normalised value in [−1, 1] (clamped) → 8-bit display value `round((v + 1) / 2 × 255)`. */
export function signedFloatTo8(v: number): number {
  const c = v > -1 ? (v < 1 ? v : 1) : v <= -1 ? -1 : 0;
  return Math.floor(((c + 1) / 2) * 255 + 0.5);
}

/** float → n-bit unorm code (n ≤ 24), clamp then round to nearest, ties up. */
export function floatToUnorm(v: number, bits: number): number {
  return Math.floor(saturate(v) * unormMax(bits) + 0.5);
}

/** float → n-bit signed code, clamp to [−1, 1] then round to nearest, ties away from zero. */
export function floatToSnorm(v: number, bits: number): number {
  const max = 2 ** (bits - 1) - 1;
  if (!(v === v)) return 0;
  const c = v > 1 ? 1 : v < -1 ? -1 : v;
  const m = Math.floor(Math.abs(c) * max + 0.5);
  return c < 0 ? -m : m;
}

/** An 8-bit unorm value → n-bit unorm code, `round(v × (2^n − 1) / 255)` exactly (no ties: 255 is odd). */
export function unorm8ToUnorm(v: number, bits: number): number {
  if (bits === 8) return v;
  return Math.floor((2 * v * unormMax(bits) + 255) / 510);
}

/**
 * Reads a `bits`-wide unsigned field (≤ 32 bits) starting `offset` bits above the
 * least-significant bit of the little-endian block at `bytes[base]`. The caller has checked that
 * the block lies inside `bytes`.
 */
export function readBits(bytes: Uint8Array, base: number, offset: number, bits: number): number {
  if ((offset & 7) === 0) {
    // Byte-aligned channels (most of them): no shifting needed.
    const at = base + (offset >>> 3);
    if (bits === 8) return bytes[at] ?? 0;
    if (bits === 16) return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
  }
  const first = base + (offset >>> 3);
  const last = base + ((offset + bits - 1) >>> 3);
  let word = 0;
  let scale = 1;
  for (let i = first; i <= last; i++) {
    word += (bytes[i] ?? 0) * scale;
    scale *= 256;
  }
  // At most 5 bytes (40 bits): exact in float64.
  return Math.floor(word / 2 ** (offset & 7)) % 2 ** bits;
}

/**
 * Writes the low `bits` bits of `value` into the field at `offset` bits of the block at
 * `bytes[base]`, leaving every other bit as it was. The caller has checked the bounds.
 */
export function writeBits(bytes: Uint8Array, base: number, offset: number, bits: number, value: number): void {
  let pos = offset;
  let remaining = bits;
  let v = value % 2 ** bits;
  while (remaining > 0) {
    const index = base + (pos >>> 3);
    const shift = pos & 7;
    const take = Math.min(8 - shift, remaining);
    const mask = ((1 << take) - 1) << shift;
    const part = (v % (1 << take)) << shift;
    bytes[index] = ((bytes[index] ?? 0) & ~mask) | part;
    v = Math.floor(v / (1 << take));
    pos += take;
    remaining -= take;
  }
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The float32 value of a 32-bit pattern. */
export function bitsToFloat32(bits: number): number {
  u32[0] = bits >>> 0;
  return f32[0] ?? 0;
}

/** The float32 bit pattern of `v` (rounded with fround); NaN is canonicalised to 0x7FC00000. */
export function float32ToBits(v: number): number {
  if (!(v === v)) return 0x7fc00000;
  f32[0] = v;
  return u32[0] ?? 0;
}
