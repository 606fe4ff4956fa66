/**
 * Cube-map face selection and face coordinates, as Direct3D 9 defines them (faces in
 * `D3DCUBEMAP_FACES` / `SVGA3dCubeFace` order: POSX 0, NEGX 1, POSY 2, NEGY 3, POSZ 4, NEGZ 5).
 *
 * The face is the major axis of the direction (x, y, z): the largest of |x|, |y|, |z|, ties
 * broken towards X, then Y (so |x| = |y| picks X, |y| = |z| picks Y); the sign picks POS or NEG,
 * with −0 counting as positive. NaN components make the comparisons fail and fall through to Z.
 *
 * On each face (sc, tc, ma) are:
 *
 * | face | sc | tc | ma |
 * |---|---|---|---|
 * | POSX | −z | −y | x |
 * | NEGX | +z | −y | −x |
 * | POSY | +x | +z | y |
 * | NEGY | +x | −z | −y |
 * | POSZ | +x | −y | z |
 * | NEGZ | −x | −y | −z |
 *
 * and `s = (sc / |ma| + 1) / 2`, `t = (tc / |ma| + 1) / 2`, each step rounded to float32; t = 0 is
 * the face's top row (D3D texture space). A zero or non-finite major axis gives the face centre
 * (0.5, 0.5). Filtering never crosses a face edge: cube samplers clamp within the face (D3D9 does
 * not filter across faces).
 */

/** Cube faces in D3D9 order. */
export const CubeFace = { POSX: 0, NEGX: 1, POSY: 2, NEGY: 3, POSZ: 4, NEGZ: 5 } as const;

const fr = Math.fround;

/** The face the direction (x, y, z) points at. */
export function cubeFace(x: number, y: number, z: number): number {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const az = Math.abs(z);
  if (ax >= ay && ax >= az) return x < 0 ? CubeFace.NEGX : CubeFace.POSX;
  if (ay >= az) return y < 0 ? CubeFace.NEGY : CubeFace.POSY;
  return z < 0 ? CubeFace.NEGZ : CubeFace.POSZ;
}

function faceCoord(c: number, ama: number): number {
  const s = fr(fr(fr(c / ama) + 1) * 0.5);
  return s === s ? s : 0.5;
}

/**
 * Writes the (s, t) of direction (x, y, z) on `face` into `out[o]`, `out[o + 1]`. The face is given
 * (not re-selected) so that derivatives can be taken as differences on one face.
 */
export function cubeFaceCoords(face: number, x: number, y: number, z: number, out: Float32Array, o: number): void {
  let sc: number;
  let tc: number;
  let ma: number;
  switch (face) {
    case CubeFace.POSX: sc = -z; tc = -y; ma = x; break;
    case CubeFace.NEGX: sc = z; tc = -y; ma = -x; break;
    case CubeFace.POSY: sc = x; tc = z; ma = y; break;
    case CubeFace.NEGY: sc = x; tc = -z; ma = -y; break;
    case CubeFace.POSZ: sc = x; tc = -y; ma = z; break;
    default: sc = -x; tc = -y; ma = -z; break;
  }
  const ama = Math.abs(ma);
  if (!(ama > 0) || ama === Infinity) {
    out[o] = 0.5;
    out[o + 1] = 0.5;
    return;
  }
  out[o] = faceCoord(sc, ama);
  out[o + 1] = faceCoord(tc, ama);
}
