/**
 * The legacy `SVGA3dSurfaceFormat` table: every format of svga3d-protocol.md §4.1 (ids 1–45, 108,
 * 111, 118–120) with its block size, memory layout and how Direct3D 9 samples it.
 *
 * Layouts are little-endian: a channel's `offset` counts bits from the least-significant bit of the
 * block read as one little-endian integer, so byte `offset / 8` holds its lowest bits. The 8-bit
 * colour formats therefore store blue first in memory and the 16/32-bit-per-channel ones
 * (`ARGB_S10E5`, `ARGB_S23E8`, `A16B16G16R16`, `G16R16`) red first: the naming trap of §4.1.
 *
 * Protocol-generation notes (§1.1): id 23 is the SDK's `BUMPL8V8U8`, accepted as a 3-byte
 * U8 V8 L8 format (newer headers call it `FORMAT_DEAD1`); id 45 is the 4-byte AYUV FOURCC layout;
 * 108 and 111 are the DX9 ATI1/ATI2 (BC4/BC5) FOURCCs.
 */

/** `SVGA3dSurfaceFormat` ids of the legacy protocol, keys spelled as in the SDK header minus `SVGA3D_`. */
export const SVGA3dSurfaceFormat = {
  FORMAT_INVALID: 0,
  X8R8G8B8: 1,
  A8R8G8B8: 2,
  R5G6B5: 3,
  X1R5G5B5: 4,
  A1R5G5B5: 5,
  A4R4G4B4: 6,
  Z_D32: 7,
  Z_D16: 8,
  Z_D24S8: 9,
  Z_D15S1: 10,
  LUMINANCE8: 11,
  LUMINANCE4_ALPHA4: 12,
  LUMINANCE16: 13,
  LUMINANCE8_ALPHA8: 14,
  DXT1: 15,
  DXT2: 16,
  DXT3: 17,
  DXT4: 18,
  DXT5: 19,
  BUMPU8V8: 20,
  BUMPL6V5U5: 21,
  BUMPX8L8V8U8: 22,
  BUMPL8V8U8: 23,
  ARGB_S10E5: 24,
  ARGB_S23E8: 25,
  A2R10G10B10: 26,
  V8U8: 27,
  Q8W8V8U8: 28,
  CxV8U8: 29,
  X8L8V8U8: 30,
  A2W10V10U10: 31,
  ALPHA8: 32,
  R_S10E5: 33,
  R_S23E8: 34,
  RG_S10E5: 35,
  RG_S23E8: 36,
  BUFFER: 37,
  Z_D24X8: 38,
  V16U16: 39,
  G16R16: 40,
  A16B16G16R16: 41,
  UYVY: 42,
  YUY2: 43,
  NV12: 44,
  AYUV: 45,
  BC4_UNORM: 108,
  BC5_UNORM: 111,
  Z_DF16: 118,
  Z_DF24: 119,
  Z_D24S8_INT: 120,
} as const;

/** One of the legacy format ids above. */
export type SVGA3dSurfaceFormatId = (typeof SVGA3dSurfaceFormat)[keyof typeof SVGA3dSurfaceFormat];

/**
 * What family a format belongs to; decides which decoder and packer handle it.
 * `signed-bump` formats may also carry unsigned channels (L, A) next to their signed U, V, W, Q.
 */
export type SurfaceFormatKind =
  | 'color-unorm'
  | 'luminance-alpha'
  | 'signed-bump'
  | 'float16'
  | 'float32'
  | 'depth'
  | 'depth-stencil'
  | 'buffer'
  | 'bc1'
  | 'bc2'
  | 'bc3'
  | 'bc4'
  | 'bc5'
  | 'yuv';

/** How a channel's bits are read: unsigned/signed normalised, IEEE float, unsigned integer, or ignored. */
export type ChannelType = 'unorm' | 'snorm' | 'float' | 'uint' | 'unused';

/**
 * Channel names: colour r g b a, unused x, luminance l, bump u v w q, depth d, stencil s, and for
 * YUV y (y0, y1 for the two pixels of a 2×1 block), cb (= U), cr (= V).
 */
export type ChannelName =
  | 'r' | 'g' | 'b' | 'a' | 'x' | 'l' | 'u' | 'v' | 'w' | 'q' | 'd' | 's' | 'y' | 'y0' | 'y1' | 'cb' | 'cr';

/** One channel of a block: `bits` wide, starting `offset` bits above the block's least-significant bit. */
export interface ChannelLayout {
  readonly name: ChannelName;
  readonly type: ChannelType;
  readonly bits: number;
  readonly offset: number;
}

/**
 * Where one RGBA component of a sampled texel comes from: the index of a channel in
 * `SurfaceFormatInfo.channels`, a constant, or `'cx'`, CxV8U8's computed `sqrt(1 − U² − V²)`.
 */
export type ComponentSource = number | 'zero' | 'one' | 'cx';

/** Everything the renderer needs to know about one `SVGA3dSurfaceFormat`. */
export interface SurfaceFormatInfo {
  readonly id: number;
  /** Spec name, e.g. `SVGA3D_X8R8G8B8`. */
  readonly name: string;
  readonly kind: SurfaceFormatKind;
  /** Block size in pixels (4×4 for DXT/BC, 2×1 for UYVY/YUY2, 2×2 for NV12, else 1×1). */
  readonly blockWidth: number;
  readonly blockHeight: number;
  readonly bytesPerBlock: number;
  /**
   * Bytes one block adds to a row pitch. Equal to `bytesPerBlock` except for the planar NV12,
   * whose row pitch is the luma plane's (2 bytes per 2×2 block) while a block owns 6 bytes in all.
   */
  readonly pitchBytesPerBlock: number;
  /** True only for NV12 (a Y plane followed by an interleaved half-resolution CbCr plane). */
  readonly planar: boolean;
  readonly compressed: boolean;
  /** Channels of one block, LSB first; empty for compressed and planar formats. */
  readonly channels: readonly ChannelLayout[];
  /**
   * Direct3D 9 sampling swizzle: the source of R, G, B and A. Null where a dedicated decoder
   * produces the texels (DXT/BC, YUV) or there is no texel meaning (BUFFER).
   */
  readonly rgba: readonly [ComponentSource, ComponentSource, ComponentSource, ComponentSource] | null;
  /** The format stores an alpha (or Q, for Q8W8V8U8) channel; DXT1 counts (1-bit punch-through). */
  readonly hasAlpha: boolean;
  /** DXT2 and DXT4: colours are stored premultiplied by alpha. */
  readonly premultipliedAlpha: boolean;
  readonly depthBits: number;
  readonly stencilBits: number;
}

const un = (name: ChannelName, bits: number, offset: number): ChannelLayout => ({ name, type: 'unorm', bits, offset });
const sn = (name: ChannelName, bits: number, offset: number): ChannelLayout => ({ name, type: 'snorm', bits, offset });
const fl = (name: ChannelName, bits: number, offset: number): ChannelLayout => ({ name, type: 'float', bits, offset });
const ui = (name: ChannelName, bits: number, offset: number): ChannelLayout => ({ name, type: 'uint', bits, offset });
const xx = (bits: number, offset: number): ChannelLayout => ({ name: 'x', type: 'unused', bits, offset });

type Swizzle = readonly [ComponentSource, ComponentSource, ComponentSource, ComponentSource];

interface Row {
  readonly kind: SurfaceFormatKind;
  readonly bytes: number;
  readonly channels?: readonly ChannelLayout[];
  readonly rgba?: Swizzle;
  readonly block?: readonly [number, number];
  readonly alpha?: boolean;
  readonly premultiplied?: boolean;
}

const BGRX: Swizzle = [2, 1, 0, 'one'];
const BGRA: Swizzle = [2, 1, 0, 3];
const LUM: Swizzle = [0, 0, 0, 'one'];
const LUM_A: Swizzle = [0, 0, 0, 1];
const UV: Swizzle = [0, 1, 'one', 'one'];
const UVL: Swizzle = [0, 1, 2, 'one'];
const RGBA: Swizzle = [0, 1, 2, 3];
const R_ONLY: Swizzle = [0, 'one', 'one', 'one'];
const RG: Swizzle = [0, 1, 'one', 'one'];
/** Depth formats sample as (d, d, d, 1); `i` is the index of the depth channel. */
const depthSwizzle = (i: number): Swizzle => [i, i, i, 'one'];

const ROWS: ReadonlyMap<number, Row> = new Map<number, Row>([
  [1, { kind: 'color-unorm', bytes: 4, channels: [un('b', 8, 0), un('g', 8, 8), un('r', 8, 16), xx(8, 24)], rgba: BGRX }],
  [2, { kind: 'color-unorm', bytes: 4, channels: [un('b', 8, 0), un('g', 8, 8), un('r', 8, 16), un('a', 8, 24)], rgba: BGRA, alpha: true }],
  [3, { kind: 'color-unorm', bytes: 2, channels: [un('b', 5, 0), un('g', 6, 5), un('r', 5, 11)], rgba: BGRX }],
  [4, { kind: 'color-unorm', bytes: 2, channels: [un('b', 5, 0), un('g', 5, 5), un('r', 5, 10), xx(1, 15)], rgba: BGRX }],
  [5, { kind: 'color-unorm', bytes: 2, channels: [un('b', 5, 0), un('g', 5, 5), un('r', 5, 10), un('a', 1, 15)], rgba: BGRA, alpha: true }],
  [6, { kind: 'color-unorm', bytes: 2, channels: [un('b', 4, 0), un('g', 4, 4), un('r', 4, 8), un('a', 4, 12)], rgba: BGRA, alpha: true }],
  [7, { kind: 'depth', bytes: 4, channels: [un('d', 32, 0)], rgba: depthSwizzle(0) }],
  [8, { kind: 'depth', bytes: 2, channels: [un('d', 16, 0)], rgba: depthSwizzle(0) }],
  [9, { kind: 'depth-stencil', bytes: 4, channels: [ui('s', 8, 0), un('d', 24, 8)], rgba: depthSwizzle(1) }],
  [10, { kind: 'depth-stencil', bytes: 2, channels: [ui('s', 1, 0), un('d', 15, 1)], rgba: depthSwizzle(1) }],
  [11, { kind: 'luminance-alpha', bytes: 1, channels: [un('l', 8, 0)], rgba: LUM }],
  [12, { kind: 'luminance-alpha', bytes: 1, channels: [un('l', 4, 0), un('a', 4, 4)], rgba: LUM_A, alpha: true }],
  [13, { kind: 'luminance-alpha', bytes: 2, channels: [un('l', 16, 0)], rgba: LUM }],
  [14, { kind: 'luminance-alpha', bytes: 2, channels: [un('l', 8, 0), un('a', 8, 8)], rgba: LUM_A, alpha: true }],
  [15, { kind: 'bc1', bytes: 8, block: [4, 4], alpha: true }],
  [16, { kind: 'bc2', bytes: 16, block: [4, 4], alpha: true, premultiplied: true }],
  [17, { kind: 'bc2', bytes: 16, block: [4, 4], alpha: true }],
  [18, { kind: 'bc3', bytes: 16, block: [4, 4], alpha: true, premultiplied: true }],
  [19, { kind: 'bc3', bytes: 16, block: [4, 4], alpha: true }],
  [20, { kind: 'signed-bump', bytes: 2, channels: [sn('u', 8, 0), sn('v', 8, 8)], rgba: UV }],
  [21, { kind: 'signed-bump', bytes: 2, channels: [sn('u', 5, 0), sn('v', 5, 5), un('l', 6, 10)], rgba: UVL }],
  [22, { kind: 'signed-bump', bytes: 4, channels: [sn('u', 8, 0), sn('v', 8, 8), un('l', 8, 16), xx(8, 24)], rgba: UVL }],
  [23, { kind: 'signed-bump', bytes: 3, channels: [sn('u', 8, 0), sn('v', 8, 8), un('l', 8, 16)], rgba: UVL }],
  [24, { kind: 'float16', bytes: 8, channels: [fl('r', 16, 0), fl('g', 16, 16), fl('b', 16, 32), fl('a', 16, 48)], rgba: RGBA, alpha: true }],
  [25, { kind: 'float32', bytes: 16, channels: [fl('r', 32, 0), fl('g', 32, 32), fl('b', 32, 64), fl('a', 32, 96)], rgba: RGBA, alpha: true }],
  [26, { kind: 'color-unorm', bytes: 4, channels: [un('b', 10, 0), un('g', 10, 10), un('r', 10, 20), un('a', 2, 30)], rgba: BGRA, alpha: true }],
  [27, { kind: 'signed-bump', bytes: 2, channels: [sn('u', 8, 0), sn('v', 8, 8)], rgba: UV }],
  [28, { kind: 'signed-bump', bytes: 4, channels: [sn('u', 8, 0), sn('v', 8, 8), sn('w', 8, 16), sn('q', 8, 24)], rgba: RGBA, alpha: true }],
  [29, { kind: 'signed-bump', bytes: 2, channels: [sn('u', 8, 0), sn('v', 8, 8)], rgba: [0, 1, 'cx', 'one'] }],
  [30, { kind: 'signed-bump', bytes: 4, channels: [sn('u', 8, 0), sn('v', 8, 8), un('l', 8, 16), xx(8, 24)], rgba: UVL }],
  [31, { kind: 'signed-bump', bytes: 4, channels: [sn('u', 10, 0), sn('v', 10, 10), sn('w', 10, 20), un('a', 2, 30)], rgba: RGBA, alpha: true }],
  [32, { kind: 'luminance-alpha', bytes: 1, channels: [un('a', 8, 0)], rgba: ['zero', 'zero', 'zero', 0], alpha: true }],
  [33, { kind: 'float16', bytes: 2, channels: [fl('r', 16, 0)], rgba: R_ONLY }],
  [34, { kind: 'float32', bytes: 4, channels: [fl('r', 32, 0)], rgba: R_ONLY }],
  [35, { kind: 'float16', bytes: 4, channels: [fl('r', 16, 0), fl('g', 16, 16)], rgba: RG }],
  [36, { kind: 'float32', bytes: 8, channels: [fl('r', 32, 0), fl('g', 32, 32)], rgba: RG }],
  [37, { kind: 'buffer', bytes: 1, channels: [xx(8, 0)] }],
  [38, { kind: 'depth', bytes: 4, channels: [xx(8, 0), un('d', 24, 8)], rgba: depthSwizzle(1) }],
  [39, { kind: 'signed-bump', bytes: 4, channels: [sn('u', 16, 0), sn('v', 16, 16)], rgba: UV }],
  [40, { kind: 'color-unorm', bytes: 4, channels: [un('r', 16, 0), un('g', 16, 16)], rgba: RG }],
  [41, { kind: 'color-unorm', bytes: 8, channels: [un('r', 16, 0), un('g', 16, 16), un('b', 16, 32), un('a', 16, 48)], rgba: RGBA, alpha: true }],
  [42, { kind: 'yuv', bytes: 4, block: [2, 1], channels: [un('cb', 8, 0), un('y0', 8, 8), un('cr', 8, 16), un('y1', 8, 24)] }],
  [43, { kind: 'yuv', bytes: 4, block: [2, 1], channels: [un('y0', 8, 0), un('cb', 8, 8), un('y1', 8, 16), un('cr', 8, 24)] }],
  [44, { kind: 'yuv', bytes: 6, block: [2, 2] }],
  // AYUV as the Windows FOURCC: bytes V, U, Y, A.
  [45, { kind: 'yuv', bytes: 4, channels: [un('cr', 8, 0), un('cb', 8, 8), un('y', 8, 16), un('a', 8, 24)], alpha: true }],
  [108, { kind: 'bc4', bytes: 8, block: [4, 4] }],
  [111, { kind: 'bc5', bytes: 16, block: [4, 4] }],
  [118, { kind: 'depth', bytes: 2, channels: [un('d', 16, 0)], rgba: depthSwizzle(0) }],
  [119, { kind: 'depth', bytes: 4, channels: [xx(8, 0), un('d', 24, 8)], rgba: depthSwizzle(1) }],
  [120, { kind: 'depth-stencil', bytes: 4, channels: [ui('s', 8, 0), un('d', 24, 8)], rgba: depthSwizzle(1) }],
]);

const NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(SVGA3dSurfaceFormat).map(([key, id]) => [id, `SVGA3D_${key}`] as const),
);

function buildInfo(id: number, row: Row): SurfaceFormatInfo {
  const channels = row.channels ?? [];
  const [blockWidth, blockHeight] = row.block ?? [1, 1];
  const bitsOf = (n: ChannelName): number => channels.find((c) => c.name === n)?.bits ?? 0;
  const planar = id === SVGA3dSurfaceFormat.NV12;
  return {
    id,
    name: NAMES.get(id) ?? `SVGA3D_FORMAT_${id}`,
    kind: row.kind,
    blockWidth,
    blockHeight,
    bytesPerBlock: row.bytes,
    // NV12's luma rows hold one byte per pixel: 2 per 2-pixel-wide block (svga3d_surfacedefs.h).
    pitchBytesPerBlock: planar ? 2 : row.bytes,
    planar,
    compressed: row.kind === 'bc1' || row.kind === 'bc2' || row.kind === 'bc3' || row.kind === 'bc4' || row.kind === 'bc5',
    channels,
    rgba: row.rgba ?? null,
    hasAlpha: row.alpha ?? false,
    premultipliedAlpha: row.premultiplied ?? false,
    depthBits: bitsOf('d'),
    stencilBits: bitsOf('s'),
  };
}

const TABLE: ReadonlyMap<number, SurfaceFormatInfo> = new Map(
  [...ROWS].map(([id, row]) => [id, Object.freeze(buildInfo(id, row))] as const),
);

/** Every legacy format this table knows, in id order. */
export const SURFACE_FORMATS: readonly SurfaceFormatInfo[] = Object.freeze([...TABLE.values()]);

/**
 * The table row of a format id, or undefined for ids that are not legacy formats (0, 46–107, …,
 * non-integers). Guest-supplied ids may be anything; this never throws.
 */
export function surfaceFormatInfo(format: number): SurfaceFormatInfo | undefined {
  return TABLE.get(format);
}

/** The spec name of a format id (`SVGA3D_Z_D24S8`), or `format #<id>` for unknown ids. */
export function surfaceFormatName(format: number): string {
  return TABLE.get(format)?.name ?? `format #${format}`;
}
