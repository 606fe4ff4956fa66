/**
 * The little float32 matrix arithmetic the fixed-function constants need: D3D row-major 4×4
 * matrices (row vectors, `v' = v·M`, translation in elements 12–14), every product and partial sum
 * rounded to float32 in a fixed order so the constants are the same bits on every machine.
 */

const f = Math.fround;

/** `a·b` of two row-major 4×4 matrices; element (i, j) = ((a_i0·b_0j + a_i1·b_1j) + a_i2·b_2j) + a_i3·b_3j. */
export function multiply4(a: ArrayLike<number>, b: ArrayLike<number>): Float32Array {
  const out = new Float32Array(16);
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      let sum = f((a[i * 4] ?? 0) * (b[j] ?? 0));
      for (let k = 1; k < 4; k++) sum = f(sum + f((a[i * 4 + k] ?? 0) * (b[k * 4 + j] ?? 0)));
      out[i * 4 + j] = sum;
    }
  }
  return out;
}

/**
 * Writes the columns of row-major `m` into `out` as constant registers (register `at + j` holds
 * column j), which is what `m4x4` / `dp4` against c# need for D3D's row-vector product.
 */
export function writeColumns(m: ArrayLike<number>, out: Float32Array, at: number, columns = 4): void {
  for (let j = 0; j < columns; j++) {
    for (let i = 0; i < 4; i++) out[(at + j) * 4 + i] = m[i * 4 + j] ?? 0;
  }
}

/**
 * The normal matrix of a row-vector transform: normals go through the inverse transpose of its
 * upper 3×3, so for `n' = n·(M⁻¹)ᵀ` register `at + j` holds row j of M⁻¹ (xyz, w = 0). The
 * inverse is taken in binary64 and rounded once per element. A singular or non-finite 3×3 gives
 * zeros: such a transform has no meaningful normals, and zero normals light with ambient and
 * emissive only.
 */
export function writeNormalMatrix(m: ArrayLike<number>, out: Float32Array, at: number): void {
  const e = (r: number, c: number): number => m[r * 4 + c] ?? 0;
  const c00 = e(1, 1) * e(2, 2) - e(1, 2) * e(2, 1);
  const c01 = e(1, 2) * e(2, 0) - e(1, 0) * e(2, 2);
  const c02 = e(1, 0) * e(2, 1) - e(1, 1) * e(2, 0);
  const det = e(0, 0) * c00 + e(0, 1) * c01 + e(0, 2) * c02;
  const inv = [
    c00, e(0, 2) * e(2, 1) - e(0, 1) * e(2, 2), e(0, 1) * e(1, 2) - e(0, 2) * e(1, 1),
    c01, e(0, 0) * e(2, 2) - e(0, 2) * e(2, 0), e(0, 2) * e(1, 0) - e(0, 0) * e(1, 2),
    c02, e(0, 1) * e(2, 0) - e(0, 0) * e(2, 1), e(0, 0) * e(1, 1) - e(0, 1) * e(1, 0),
  ];
  const ok = det !== 0 && Number.isFinite(det) && inv.every(Number.isFinite);
  for (let j = 0; j < 3; j++) {
    for (let i = 0; i < 3; i++) out[(at + j) * 4 + i] = ok ? f((inv[j * 3 + i] ?? 0) / det) : 0;
    out[(at + j) * 4 + 3] = 0;
  }
}

/** `v·M` for a point (x, y, z, 1) of row-major `m`, in float32 steps. */
export function transformPoint(m: ArrayLike<number>, x: number, y: number, z: number): [number, number, number] {
  const r: number[] = [];
  for (let j = 0; j < 3; j++) {
    r.push(f(f(f(f(x * (m[j] ?? 0)) + f(y * (m[4 + j] ?? 0))) + f(z * (m[8 + j] ?? 0))) + (m[12 + j] ?? 0)));
  }
  return [r[0] ?? 0, r[1] ?? 0, r[2] ?? 0];
}

/** `v·M` for a direction (x, y, z, 0), in float32 steps. */
export function transformDirection(m: ArrayLike<number>, x: number, y: number, z: number): [number, number, number] {
  const r: number[] = [];
  for (let j = 0; j < 3; j++) r.push(f(f(f(x * (m[j] ?? 0)) + f(y * (m[4 + j] ?? 0))) + f(z * (m[8 + j] ?? 0))));
  return [r[0] ?? 0, r[1] ?? 0, r[2] ?? 0];
}
