/** Test helper: little-endian bytes of 32-bit words (floats given as `f(x)`). */
const F32_TAG = Symbol('f32');
interface F32Word {
  readonly [F32_TAG]: number;
}

/** A float word for {@link words}. */
export function f(x: number): F32Word {
  return { [F32_TAG]: x };
}

/** Bits of a float32 as an unsigned word. */
export function bitsOf(x: number): number {
  const dv = new DataView(new ArrayBuffer(4));
  dv.setFloat32(0, x, true);
  return dv.getUint32(0, true);
}

/** Little-endian FIFO bytes from words (numbers wrap to uint32; `f(x)` is float bits). */
export function words(...ws: (number | F32Word)[]): Uint8Array {
  const out = new Uint8Array(ws.length * 4);
  const dv = new DataView(out.buffer);
  ws.forEach((w, i) => {
    if (typeof w === 'number') dv.setUint32(i * 4, w >>> 0, true);
    else dv.setFloat32(i * 4, w[F32_TAG], true);
  });
  return out;
}

/** Concatenates byte arrays. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
