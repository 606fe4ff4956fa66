/**
 * Checking and binding render targets once per target set, and the per-pixel reads and writes
 * of colour texels with write masks.
 *
 * A colour target must be in a format the formats module can both pack (`packRgbaF32`) and
 * decode (`texelCodec`, for the blend destination); a depth target needs depth bits, a stencil
 * target stencil bits. Every image must be consistent (integer sizes, a row pitch of at least a
 * tight row, enough bytes for every pixel) before a single byte is touched. A target set that
 * fails is refused with a reason; the pipeline turns it into a diagnostic and draws nothing.
 */
import {
  depthCodeMax,
  depthQuantizer,
  packRgbaF32,
  packStencil,
  surfaceFormatInfo,
  texelCodec,
  texelPacker,
  type DepthQuantizer,
  type SurfaceFormatInfo,
  type TexelCodec,
  type TexelPacker,
} from '../formats/index.js';
import { MAX_RENDER_TARGETS, type RenderTarget, type RenderTargets, type TargetImage } from './raster-interfaces.js';
import type { PixelRect } from './setup-triangle.js';

/** How a colour target clamps the source colour before blending (D3D9 fixed-point saturation). */
export type ColorRange = 'unorm' | 'snorm' | 'float';

/** A checked colour target. */
export interface BoundColorTarget {
  readonly image: TargetImage;
  readonly format: number;
  readonly bytesPerPixel: number;
  readonly codec: TexelCodec;
  /** The format's packer (`packRgbaF32` without the per-call lookups), chosen once at binding. */
  readonly pack: TexelPacker;
  readonly range: ColorRange;
  /**
   * Per RGBA component, the bits of a texel the component feeds (`bytesPerPixel` bytes each),
   * component c at `c·bytesPerPixel`: write masks keep the other bits exactly.
   */
  readonly componentBits: Uint8Array;
}

/** A checked depth or stencil target. */
export interface BoundDepthTarget {
  readonly image: TargetImage;
  readonly format: number;
  readonly bytesPerPixel: number;
  /** Depth: the largest code; stencil: the largest stencil value (2^bits − 1). */
  readonly max: number;
  /**
   * The depth (or stencil) field of a texel: `bits` wide, `offset` bits above the least
   * significant bit of the little-endian texel (at most 4 bytes for every depth format).
   */
  readonly fieldOffset: number;
  readonly fieldBits: number;
  /** `2^fieldBits − 1` as an unsigned 32-bit mask (computed once at binding). */
  readonly fieldMask: number;
  /** The format's depth quantiser (`quantizeDepth` bound once; 0 for every depth without depth bits). */
  readonly quantize: DepthQuantizer;
}

/** A target set ready to draw into. */
export interface BoundTargets {
  /** Index = render target; undefined where unbound. */
  readonly colors: readonly (BoundColorTarget | undefined)[];
  readonly depth: BoundDepthTarget | undefined;
  readonly stencil: BoundDepthTarget | undefined;
  /** Pixels inside every bound target: [0, width) × [0, height) of the smallest; empty when none is bound. */
  readonly extent: PixelRect;
}

const scratch = new Uint8Array(16);

function imageProblem(image: TargetImage, bpp: number): string | undefined {
  const { width, height, rowPitch, bytes } = image;
  const count = (n: number) => Number.isInteger(n) && n >= 0 && n <= 0xffffffff;
  if (!count(width) || !count(height) || !count(rowPitch)) return `non-integer or negative size ${width}×${height} pitch ${rowPitch}`;
  if (width === 0 || height === 0) return undefined;
  if (rowPitch < width * bpp) return `row pitch ${rowPitch} below ${width} × ${bpp} bytes`;
  // The product may exceed 2^53 and round, but then it also exceeds any array length, so the
  // comparison still refuses exactly the images that are too short.
  const needed = (height - 1) * rowPitch + width * bpp;
  if (!(needed <= bytes.length)) return `${bytes.length} bytes, ${needed} needed`;
  return undefined;
}

function componentBits(info: SurfaceFormatInfo): Uint8Array {
  const bpp = info.bytesPerBlock;
  const out = new Uint8Array(4 * bpp);
  for (let i = 0; i < info.channels.length; i++) {
    const ch = info.channels[i];
    if (ch === undefined) continue;
    // The packer's rule: a channel is fed by the first component whose swizzle names it; unused
    // (X) channels and any other are written from A.
    let comp = 3;
    const swz = info.rgba;
    if (swz !== null) {
      for (let k = 0; k < 4; k++) {
        if (swz[k] === i) {
          comp = k;
          break;
        }
      }
    }
    for (let b = ch.offset; b < ch.offset + ch.bits; b++) {
      const at = comp * bpp + (b >>> 3);
      out[at] = (out[at] ?? 0) | (1 << (b & 7));
    }
  }
  return out;
}

function bindColor(t: RenderTarget, slot: number): BoundColorTarget | string {
  const info = surfaceFormatInfo(t.format);
  const name = info?.name ?? `format ${t.format}`;
  const codec = texelCodec(t.format);
  const pack = texelPacker(t.format);
  if (info === undefined || codec === undefined || info.blockWidth !== 1 || info.blockHeight !== 1 || info.bytesPerBlock > 16) {
    return `COLOR${slot}: ${name} is not a renderable colour format`;
  }
  if (pack === undefined || !packRgbaF32(t.format, 0, 0, 0, 0, scratch, 0)) return `COLOR${slot}: ${name} cannot be packed as a colour`;
  const problem = imageProblem(t.image, info.bytesPerBlock);
  if (problem !== undefined) return `COLOR${slot} (${name}): ${problem}`;
  const range: ColorRange =
    info.kind === 'float16' || info.kind === 'float32' ? 'float' : info.kind === 'signed-bump' ? 'snorm' : 'unorm';
  return { image: t.image, format: t.format, bytesPerPixel: info.bytesPerBlock, codec, pack, range, componentBits: componentBits(info) };
}

const noDepth: DepthQuantizer = () => 0;

function bindDepthStencil(t: RenderTarget, which: 'DEPTH' | 'STENCIL'): BoundDepthTarget | string {
  const info = surfaceFormatInfo(t.format);
  const name = info?.name ?? `format ${t.format}`;
  if (info === undefined) return `${which}: ${name} is not a depth/stencil format`;
  let max: number | undefined;
  if (which === 'DEPTH') max = depthCodeMax(t.format);
  else if (packStencil(t.format, 0, scratch, 0)) max = 2 ** info.stencilBits - 1;
  const field = info.channels.find((c) => c.name === (which === 'DEPTH' ? 'd' : 's'));
  if (max === undefined || max <= 0 || field === undefined || info.bytesPerBlock > 4) {
    return `${which}: ${name} has no ${which === 'DEPTH' ? 'depth' : 'stencil'} bits`;
  }
  const problem = imageProblem(t.image, info.bytesPerBlock);
  if (problem !== undefined) return `${which} (${name}): ${problem}`;
  const quantize = depthQuantizer(t.format) ?? noDepth;
  return { image: t.image, format: t.format, bytesPerPixel: info.bytesPerBlock, max, fieldOffset: field.offset, fieldBits: field.bits, fieldMask: field.bits >= 32 ? 0xffffffff : 2 ** field.bits - 1, quantize };
}

/** Binds a target set, or returns why it cannot be drawn into. */
export function bindRenderTargets(targets: RenderTargets): BoundTargets | string {
  const colors: (BoundColorTarget | undefined)[] = [];
  let x1 = Infinity;
  let y1 = Infinity;
  const fit = (image: TargetImage) => {
    x1 = Math.min(x1, image.width);
    y1 = Math.min(y1, image.height);
  };
  for (let i = 0; i < MAX_RENDER_TARGETS && i < targets.colors.length; i++) {
    const t = targets.colors[i];
    if (t === undefined) {
      colors.push(undefined);
      continue;
    }
    const bound = bindColor(t, i);
    if (typeof bound === 'string') return bound;
    colors.push(bound);
    fit(t.image);
  }
  let depth: BoundDepthTarget | undefined;
  let stencil: BoundDepthTarget | undefined;
  if (targets.depth !== undefined) {
    const bound = bindDepthStencil(targets.depth, 'DEPTH');
    if (typeof bound === 'string') return bound;
    depth = bound;
    fit(targets.depth.image);
  }
  if (targets.stencil !== undefined) {
    const bound = bindDepthStencil(targets.stencil, 'STENCIL');
    if (typeof bound === 'string') return bound;
    stencil = bound;
    fit(targets.stencil.image);
  }
  // With nothing bound there is nothing to draw into (and nothing would bound the walk).
  const extent: PixelRect = { x0: 0, y0: 0, x1: x1 === Infinity ? 0 : x1, y1: y1 === Infinity ? 0 : y1 };
  return { colors, depth, stencil, extent };
}

const cache = new WeakMap<RenderTargets, BoundTargets | string>();

/**
 * {@link bindRenderTargets}, remembered per target-set object: a draw binds once and every
 * primitive reuses the result. The set must not be mutated afterwards (its fields are readonly).
 */
export function boundTargets(targets: RenderTargets): BoundTargets | string {
  const hit = cache.get(targets);
  if (hit !== undefined) return hit;
  const bound = bindRenderTargets(targets);
  cache.set(targets, bound);
  return bound;
}

/**
 * Why a target set cannot be drawn into (a render target of a format that cannot be packed, a
 * depth slot without depth bits, an inconsistent image), or undefined when it can.
 */
export function checkRenderTargets(targets: RenderTargets): string | undefined {
  const bound = boundTargets(targets);
  return typeof bound === 'string' ? bound : undefined;
}

/** Byte offset of pixel (x, y); the caller keeps (x, y) inside the bound extent. */
export function pixelOffset(image: TargetImage, bytesPerPixel: number, x: number, y: number): number {
  return y * image.rowPitch + x * bytesPerPixel;
}

const packed = new Uint8Array(16);

/**
 * Writes (r, g, b, a) into pixel (x, y) of `t`, changing only the bits of the components enabled
 * in `writeMask` (bit 0 R … bit 3 A). Packing and its rounding are the formats module's (the
 * packer bound at binding: `rgba` holds float32 values already, and (x, y) lies inside the
 * checked image, so it writes what `packRgbaF32` would).
 */
export function writeColor(t: BoundColorTarget, x: number, y: number, rgba: Float32Array, writeMask: number): void {
  const mask = writeMask & 0xf;
  if (mask === 0) return;
  const bpp = t.bytesPerPixel;
  const at = pixelOffset(t.image, bpp, x, y);
  const bytes = t.image.bytes;
  if (at < 0 || at + bpp > bytes.length) return;
  if (mask === 0xf) {
    t.pack(rgba[0] ?? 0, rgba[1] ?? 0, rgba[2] ?? 0, rgba[3] ?? 0, bytes, at);
    return;
  }
  t.pack(rgba[0] ?? 0, rgba[1] ?? 0, rgba[2] ?? 0, rgba[3] ?? 0, packed, 0);
  const bits = t.componentBits;
  for (let i = 0; i < bpp; i++) {
    let take = 0;
    for (let c = 0; c < 4; c++) if (mask & (1 << c)) take |= bits[c * bpp + i] ?? 0;
    const old = bytes[at + i] ?? 0;
    bytes[at + i] = (old & ~take) | ((packed[i] ?? 0) & take);
  }
}

/** The reference of {@link writeColor}: every texel through the public `packRgbaF32`. */
export function writeColorReference(t: BoundColorTarget, x: number, y: number, rgba: Float32Array, writeMask: number): void {
  const mask = writeMask & 0xf;
  if (mask === 0) return;
  const bpp = t.bytesPerPixel;
  const at = pixelOffset(t.image, bpp, x, y);
  const bytes = t.image.bytes;
  if (mask === 0xf) {
    packRgbaF32(t.format, rgba[0] ?? 0, rgba[1] ?? 0, rgba[2] ?? 0, rgba[3] ?? 0, bytes, at);
    return;
  }
  if (!packRgbaF32(t.format, rgba[0] ?? 0, rgba[1] ?? 0, rgba[2] ?? 0, rgba[3] ?? 0, packed, 0)) return;
  const bits = t.componentBits;
  for (let i = 0; i < bpp; i++) {
    let take = 0;
    for (let c = 0; c < 4; c++) if (mask & (1 << c)) take |= bits[c * bpp + i] ?? 0;
    const old = bytes[at + i] ?? 0;
    bytes[at + i] = (old & ~take) | ((packed[i] ?? 0) & take);
  }
}

/** Reads pixel (x, y) of `t` as RGBA floats into `out[0..3]` (D3D9 defaults: no alpha reads 1). */
export function readColor(t: BoundColorTarget, x: number, y: number, out: Float32Array): void {
  t.codec.f32(t.image.bytes, pixelOffset(t.image, t.bytesPerPixel, x, y), out, 0);
}

function texelWord(bytes: Uint8Array, at: number, size: number): number {
  let w = 0;
  for (let i = size - 1; i >= 0; i--) w = w * 256 + (bytes[at + i] ?? 0);
  return w;
}

/** The same word as `texelWord`, in 32-bit integer operations (a texel is at most 4 bytes here). */
function texelWord32(bytes: Uint8Array, at: number, size: number): number {
  if (size === 4 && at >= 0 && at + 4 <= bytes.length) {
    // The common D24S8 / D32 texel, unrolled (every byte is in range, so no fallbacks to 0).
    return ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16) | ((bytes[at + 3] as number) << 24)) >>> 0;
  }
  let w = 0;
  for (let i = size - 1; i >= 0; i--) w = ((w << 8) | (bytes[at + i] ?? 0)) >>> 0;
  return w;
}

/**
 * The depth code (or stencil value) of pixel (x, y) of `t`: the same number as the formats
 * module's `readDepthCode` / `unpackStencil`, read straight from the field bound once, with
 * shifts and masks (equal to {@link readFieldReference}, differential test).
 */
export function readField(t: BoundDepthTarget, x: number, y: number): number {
  const word = texelWord32(t.image.bytes, pixelOffset(t.image, t.bytesPerPixel, x, y), t.bytesPerPixel);
  return ((word >>> t.fieldOffset) & t.fieldMask) >>> 0;
}

/**
 * Stores `value` (an integer in [0, max], e.g. a code from `quantizeDepth`) in the field of
 * pixel (x, y) of `t`, keeping every other bit of the texel (equal to {@link writeFieldReference}
 * for such values, differential test).
 */
export function writeField(t: BoundDepthTarget, x: number, y: number, value: number): void {
  const bytes = t.image.bytes;
  const at = pixelOffset(t.image, t.bytesPerPixel, x, y);
  const size = t.bytesPerPixel;
  const word = texelWord32(bytes, at, size);
  const mask = t.fieldMask << t.fieldOffset;
  const next = (word & ~mask) | ((value << t.fieldOffset) & mask);
  if (size === 4) {
    bytes[at] = next & 0xff;
    bytes[at + 1] = (next >>> 8) & 0xff;
    bytes[at + 2] = (next >>> 16) & 0xff;
    bytes[at + 3] = (next >>> 24) & 0xff;
    return;
  }
  for (let i = 0; i < size; i++) bytes[at + i] = (next >>> (8 * i)) & 0xff;
}

/** The plain-arithmetic reading {@link readField} is held to. */
export function readFieldReference(t: BoundDepthTarget, x: number, y: number): number {
  const word = texelWord(t.image.bytes, pixelOffset(t.image, t.bytesPerPixel, x, y), t.bytesPerPixel);
  return Math.floor(word / 2 ** t.fieldOffset) % 2 ** t.fieldBits;
}

/** The plain-arithmetic writing {@link writeField} is held to. */
export function writeFieldReference(t: BoundDepthTarget, x: number, y: number, value: number): void {
  const bytes = t.image.bytes;
  const at = pixelOffset(t.image, t.bytesPerPixel, x, y);
  const size = t.bytesPerPixel;
  const word = texelWord(bytes, at, size);
  const unit = 2 ** t.fieldOffset;
  const span = 2 ** t.fieldBits;
  const old = Math.floor(word / unit) % span;
  // Plain arithmetic on exact integers below 2^32: replace the field's digits in base 2.
  let next = word + (value - old) * unit;
  for (let i = 0; i < size; i++) {
    bytes[at + i] = next % 256;
    next = Math.floor(next / 256);
  }
}
