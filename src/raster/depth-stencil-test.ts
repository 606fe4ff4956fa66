/**
 * The comparison functions, the stencil operations, and the combined stencil + depth test of
 * one pixel, in D3D9 order: stencil test, then depth test, then the stencil operation the
 * outcome selects (fail / zfail / pass) and the depth write.
 *
 * Depth is compared as integer codes of the depth buffer's format: the fragment depth is
 * clamped to [0, 1] and quantised with the formats module's rule (`quantizeDepth`, bound per
 * target as `depthQuantizer`); stored codes
 * and stencil values are read and written in the field the formats table gives (the same bits
 * `readDepthCode` / `packStencil` use, checked by a differential test). Stencil values live modulo 2^stencilBits (1 for D15S1, 8 for
 * the D24S8 formats).
 */
import { SVGA3dCmpFunc, SVGA3dStencilOp } from '../svga3d-decoder/spec/enums.js';
import type { DepthState, StencilFaceState, StencilState } from './raster-state.js';
import { readField, writeField, type BoundDepthTarget } from './render-targets.js';

/**
 * `a func b` for an `SVGA3dCmpFunc` (D3D9: the incoming value on the left). NaN compares false
 * except under NOTEQUAL, NEVER and ALWAYS; unknown functions behave as ALWAYS.
 */
export function compare(func: number, a: number, b: number): boolean {
  switch (func) {
    case SVGA3dCmpFunc.NEVER:
      return false;
    case SVGA3dCmpFunc.LESS:
      return a < b;
    case SVGA3dCmpFunc.EQUAL:
      return a === b;
    case SVGA3dCmpFunc.LESSEQUAL:
      return a <= b;
    case SVGA3dCmpFunc.GREATER:
      return a > b;
    case SVGA3dCmpFunc.NOTEQUAL:
      return a !== b;
    case SVGA3dCmpFunc.GREATEREQUAL:
      return a >= b;
    default:
      return true;
  }
}

/**
 * The new stencil value for `op` (`SVGA3dStencilOp`) applied to `stored`, before the write
 * mask: INCRSAT/DECRSAT saturate at max and 0, INCR/DECR wrap modulo max + 1, INVERT flips every
 * stencil bit, REPLACE stores the reference. Unknown ops behave as KEEP.
 */
export function stencilOp(op: number, stored: number, ref: number, max: number): number {
  switch (op) {
    case SVGA3dStencilOp.ZERO:
      return 0;
    case SVGA3dStencilOp.REPLACE:
      return ref & max;
    case SVGA3dStencilOp.INCRSAT:
      return stored >= max ? max : stored + 1;
    case SVGA3dStencilOp.DECRSAT:
      return stored <= 0 ? 0 : stored - 1;
    case SVGA3dStencilOp.INVERT:
      return ~stored & max;
    case SVGA3dStencilOp.INCR:
      return stored >= max ? 0 : stored + 1;
    case SVGA3dStencilOp.DECR:
      return stored <= 0 ? max : stored - 1;
    default:
      return stored;
  }
}

/**
 * Runs the stencil and depth tests of pixel (x, y) for a fragment of depth `fragDepth` (float;
 * clamped and quantised here) from a primitive that is `clockwise` on screen (two-sided stencil
 * picks its face set by that), and applies their writes. Returns whether the fragment survives.
 * Without a depth buffer (or with depth disabled) the depth test passes and nothing is written;
 * likewise for stencil.
 */
export function depthStencilTest(
  x: number,
  y: number,
  fragDepth: number,
  clockwise: boolean,
  depthState: DepthState,
  stencilState: StencilState,
  depth: BoundDepthTarget | undefined,
  stencil: BoundDepthTarget | undefined,
): boolean {
  const useStencil = stencilState.enable && stencil !== undefined;
  let stencilPass = true;
  let stored = 0;
  let ref = 0;
  let face: StencilFaceState = stencilState.cw;
  if (useStencil) {
    face = stencilState.twoSided && !clockwise ? stencilState.ccw : stencilState.cw;
    stored = readField(stencil, x, y);
    ref = (stencilState.ref >>> 0) & stencil.max;
    const mask = (stencilState.mask >>> 0) & stencil.max;
    stencilPass = compare(face.func, ref & mask, stored & mask);
  }

  let depthPass = true;
  const useDepth = depthState.enable && depth !== undefined;
  let code = 0;
  if (useDepth && stencilPass) {
    code = depth.quantize(fragDepth);
    depthPass = compare(depthState.func, code, readField(depth, x, y));
  }

  if (useStencil) {
    const op = !stencilPass ? face.fail : !depthPass ? face.zfail : face.pass;
    const next = stencilOp(op, stored, ref, stencil.max);
    const writeMask = (stencilState.writeMask >>> 0) & stencil.max;
    const value = (stored & ~writeMask) | (next & writeMask);
    if (value !== stored) writeField(stencil, x, y, value);
  }
  const pass = stencilPass && depthPass;
  if (pass && useDepth && depthState.write) writeField(depth, x, y, code);
  return pass;
}

/**
 * {@link depthStencilTest} when the stencil test does not run (disabled or no stencil target)
 * and the depth test does (`depthState.enable`, `depth` bound): quantise, compare with the
 * stored code, write on pass when depth writes are on. The same steps in the same order.
 */
export function depthTest(x: number, y: number, fragDepth: number, depthState: DepthState, depth: BoundDepthTarget): boolean {
  const code = depth.quantize(fragDepth);
  const pass = compare(depthState.func, code, readField(depth, x, y));
  if (pass && depthState.write) writeField(depth, x, y, code);
  return pass;
}
