/**
 * The registers at the start of FIFO memory (`SVGA_FIFO_*` word indices, protocol notes §2.1),
 * the FIFO capabilities this device advertises, and the 3D hardware version and caps block the
 * device writes there for the guest to read.
 */
import { surfaceFormatInfo, type SurfaceFormatInfo } from '../../formats/index.js';
import { f32Bits } from '../contexts/state-defaults.js';

/** Word indices of the FIFO registers. */
export const FifoReg = {
  MIN: 0,
  MAX: 1,
  NEXT_CMD: 2,
  STOP: 3,
  CAPABILITIES: 4,
  FLAGS: 5,
  FENCE: 6,
  HWVERSION_3D: 7,
  PITCHLOCK: 8,
  CURSOR_ON: 9,
  CURSOR_X: 10,
  CURSOR_Y: 11,
  CURSOR_COUNT: 12,
  CURSOR_LAST_UPDATED: 13,
  RESERVED: 14,
  CURSOR_SCREEN_ID: 15,
  DEAD: 16,
  HWVERSION_REVISED_3D: 17,
  CAPS_3D: 32,
  CAPS_3D_LAST: 287,
  GUEST_3D_HWVERSION: 288,
  FENCE_GOAL: 289,
  BUSY: 290,
  /** Number of FIFO registers: the guest sets MIN to at least 4 × this. */
  NUM_REGS: 291,
} as const;

/** `SVGA_FIFO_CAP_*` bits of FIFO word 4. */
export const FifoCap = {
  FENCE: 1 << 0,
  ACCELFRONT: 1 << 1,
  PITCHLOCK: 1 << 2,
  VIDEO: 1 << 3,
  CURSOR_BYPASS_3: 1 << 4,
  ESCAPE: 1 << 5,
  RESERVE: 1 << 6,
  SCREEN_OBJECT: 1 << 7,
  GMR2: 1 << 8,
  SCREEN_OBJECT_2: 1 << 9,
} as const;

/**
 * FIFO capabilities advertised: FENCE (word 6), ACCELFRONT (FRONT_ROP_FILL), VIDEO and ESCAPE
 * (video overlay escapes), RESERVE (the device never reads past NEXT_CMD, so in-place reserve
 * needs nothing of it), SCREEN_OBJECT (DEFINE_SCREEN, GMRFB blits) and GMR2 (DEFINE/REMAP_GMR2,
 * 3D version also in word 17). Not advertised: PITCHLOCK in the FIFO (the register is),
 * CURSOR_BYPASS_3 and SCREEN_OBJECT_2.
 */
export const DEVICE_FIFO_CAPABILITIES =
  FifoCap.FENCE | FifoCap.ACCELFRONT | FifoCap.VIDEO | FifoCap.ESCAPE | FifoCap.RESERVE | FifoCap.SCREEN_OBJECT | FifoCap.GMR2;

/** `SVGA3D_HWVERSION_WS8_B1` (0x20001), the legacy protocol's current version. */
export const HWVERSION_WS8_B1 = 0x20001;

/** Caps record type `SVGA3DCAPS_RECORD_DEVCAPS`. */
export const CAPS_RECORD_DEVCAPS = 0x100;

/** `SVGA3DFORMAT_OP_*` bits (= D3DFORMAT_OP) used in the SURFACEFMT devcaps. */
export const FormatOp = {
  TEXTURE: 0x1,
  VOLUMETEXTURE: 0x2,
  CUBETEXTURE: 0x4,
  OFFSCREEN_RENDERTARGET: 0x8,
  SAME_FORMAT_RENDERTARGET: 0x10,
  ZSTENCIL: 0x40,
  ZSTENCIL_WITH_ARBITRARY_COLOR_DEPTH: 0x80,
  DISPLAYMODE: 0x400,
  ACCELERATION_3D: 0x800,
  CONVERT_TO_ARGB: 0x2000,
  OFFSCREENPLAIN: 0x4000,
  BUMPMAP: 0x10000,
} as const;

/** `SVGA3D_DEVCAP_SURFACEFMT_*` index → SVGA3dSurfaceFormat id. */
const SURFACEFMT_CAPS: ReadonlyArray<readonly [cap: number, format: number]> = [
  [32, 1], [33, 2], [34, 26], [35, 4], [36, 5], [37, 6], [38, 3], [39, 13], [40, 14], [41, 32],
  [42, 11], [43, 8], [44, 9], [45, 38], [46, 15], [47, 16], [48, 17], [49, 18], [50, 19], [51, 22],
  [52, 31], [53, 20], [54, 28], [55, 29], [56, 33], [57, 34], [58, 35], [59, 36], [60, 24], [61, 25],
  [65, 39], [66, 40], [67, 41], [68, 42], [69, 43], [75, 44], [76, 45], [79, 118], [80, 119], [81, 120],
  [82, 108], [83, 111],
];

const TEXTURE_OPS = FormatOp.TEXTURE | FormatOp.VOLUMETEXTURE | FormatOp.CUBETEXTURE | FormatOp.ACCELERATION_3D;
const RENDER_OPS = FormatOp.OFFSCREEN_RENDERTARGET | FormatOp.SAME_FORMAT_RENDERTARGET | FormatOp.CONVERT_TO_ARGB | FormatOp.OFFSCREENPLAIN;
const DEPTH_OPS = FormatOp.ZSTENCIL | FormatOp.ZSTENCIL_WITH_ARBITRARY_COLOR_DEPTH | FormatOp.ACCELERATION_3D;
/** Depth formats made to be sampled (DF16, DF24, D24S8_INT). */
const SAMPLED_DEPTH = new Set([118, 119, 120]);

/** The SVGA3DFORMAT_OP mask advertised for a format that `src/formats` implements. */
export function formatOps(info: SurfaceFormatInfo): number {
  switch (info.kind) {
    case 'color-unorm':
    case 'float16':
    case 'float32':
      return TEXTURE_OPS | RENDER_OPS | (info.id === 1 ? FormatOp.DISPLAYMODE : 0);
    case 'depth':
    case 'depth-stencil':
      return DEPTH_OPS | (SAMPLED_DEPTH.has(info.id) ? FormatOp.TEXTURE : 0);
    case 'signed-bump':
      return TEXTURE_OPS | FormatOp.BUMPMAP;
    case 'yuv':
      return FormatOp.OFFSCREENPLAIN | FormatOp.CONVERT_TO_ARGB;
    case 'buffer':
      return 0;
    default:
      return TEXTURE_OPS;
  }
}

/**
 * `(SVGA3dDevCapIndex, value)` pairs of what the device supports: D3D9 shader model 3.0, 8
 * lights and fixed-function stages, 6 clip planes, 4 render targets, occlusion queries, and the
 * surface formats the formats module implements.
 */
export function deviceCaps(): Array<readonly [number, number]> {
  const caps: Array<readonly [number, number]> = [
    [0, 1], // 3D
    [1, 8], // MAX_LIGHTS
    [2, 8], // MAX_TEXTURES (fixed-function stages)
    [3, 6], // MAX_CLIP_PLANES
    [4, 7], // VERTEX_SHADER_VERSION: SVGA3DVSVERSION_30
    [5, 1], // VERTEX_SHADER
    [6, 13], // FRAGMENT_SHADER_VERSION: SVGA3DPSVERSION_30
    [7, 1], // FRAGMENT_SHADER
    [8, 4], // MAX_RENDER_TARGETS
    [9, 1], // S23E8_TEXTURES
    [10, 1], // S10E5_TEXTURES
    [15, 1], // QUERY_TYPES: occlusion
    [17, f32Bits(64)], // MAX_POINT_SIZE
    [18, 16], // MAX_SHADER_TEXTURES
    [19, 8192], // MAX_TEXTURE_WIDTH
    [20, 8192], // MAX_TEXTURE_HEIGHT
    [21, 256], // MAX_VOLUME_EXTENT
    [22, 8192], // MAX_TEXTURE_REPEAT
    [23, 8192], // MAX_TEXTURE_ASPECT_RATIO
    [24, 1], // MAX_TEXTURE_ANISOTROPY
    [25, 0xfffff], // MAX_PRIMITIVE_COUNT
    [26, 0xfffff], // MAX_VERTEX_INDEX
    [27, 512], // MAX_VERTEX_SHADER_INSTRUCTIONS
    [28, 512], // MAX_FRAGMENT_SHADER_INSTRUCTIONS
    [29, 32], // MAX_VERTEX_SHADER_TEMPS
    [30, 32], // MAX_FRAGMENT_SHADER_TEMPS
    [31, (1 << 26) - 1], // TEXTURE_OPS: combiners DISABLE (1) … LERP (26)
    [63, 0], // MAX_VERTEX_SHADER_TEXTURES
    [64, 4], // MAX_SIMULTANEOUS_RENDER_TARGETS
    [77, 256], // MAX_CONTEXT_IDS
    [78, 32768], // MAX_SURFACE_IDS
  ];
  for (const [cap, format] of SURFACEFMT_CAPS) {
    const info = surfaceFormatInfo(format);
    const ops = info ? formatOps(info) : 0;
    if (ops !== 0) caps.push([cap, ops]);
  }
  return caps.sort((a, b) => a[0] - b[0]);
}

/**
 * Writes the 3D hardware version (words 7 and 17) and the caps block (from word 32: one DEVCAPS
 * record `{length, 0x100, pairs…}`, then a zero length word) into `fifo`.
 */
export function writeFifo3dInfo(fifo: Uint32Array): void {
  fifo[FifoReg.HWVERSION_3D] = HWVERSION_WS8_B1;
  fifo[FifoReg.HWVERSION_REVISED_3D] = HWVERSION_WS8_B1;
  const caps = deviceCaps();
  const recordWords = 2 + caps.length * 2;
  // The block is words 32..287: the record and its terminator must fit.
  const room = FifoReg.CAPS_3D_LAST - FifoReg.CAPS_3D + 1;
  if (recordWords + 1 > room) throw new Error('devcaps record does not fit the FIFO caps block');
  fifo.fill(0, FifoReg.CAPS_3D, FifoReg.CAPS_3D_LAST + 1);
  let at = FifoReg.CAPS_3D;
  fifo[at++] = recordWords;
  fifo[at++] = CAPS_RECORD_DEVCAPS;
  for (const [index, value] of caps) {
    fifo[at++] = index;
    fifo[at++] = value >>> 0;
  }
  fifo[at] = 0;
}
