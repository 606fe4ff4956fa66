/**
 * Power-on values of a new context's render and texture-stage states.
 *
 * No public document lists them all (svga3d-protocol.md §5.12), so they are Direct3D 9's device
 * defaults translated to SVGA's own enum numbers, except SHADEMODE and CULLMODE, which follow what
 * VMware's host was seen to do (see their rows). States are kept as raw 32-bit words: float states hold IEEE bits.
 */
import { SVGA3dRenderStateName as RS } from '../../svga3d-decoder/index.js';
import {
  SVGA3dTextureStateName as TS,
  SVGA3dTextureCombiner as TC,
  SVGA3dTextureArgData as TA,
  SVGA3dTextureAddress as ADDRESS,
  SVGA3dTextureFilter as FILTER,
} from '../../svga3d-decoder/index.js';

/** Render-state names are `1 .. RENDER_STATE_COUNT - 1`; 0 is INVALID. */
export const RENDER_STATE_COUNT = RS.MAX;
/** Texture-state names are `1 .. TEXTURE_STATE_COUNT - 1`; 0 is INVALID. */
export const TEXTURE_STATE_COUNT = TS.MAX;
/**
 * Texture stages a context stores: 0–7 fixed-function stages and pixel samplers s0–s15, and the
 * indices above 16 that some hosts use for vertex samplers; 32 is the limit the guest-side
 * verifier enforces (`SVGA3D_NUM_TEXTURE_UNITS`).
 */
export const TEXTURE_STAGE_COUNT = 32;

/** IEEE float32 bits of `x`. */
export function f32Bits(x: number): number {
  const f = new Float32Array([x]);
  return new Uint32Array(f.buffer)[0] ?? 0;
}

const ONE = f32Bits(1);
const CMP_ALWAYS = 8;
const CMP_LESSEQUAL = 4;
const STENCILOP_KEEP = 1;
const BLEND_ZERO = 1;
const BLEND_ONE = 2;
const EQUATION_ADD = 1;
const FACE_NONE = 1;
const FACE_FRONT_BACK = 4;
const FILL_FILL = 3;
const SHADE_SMOOTH = 2;
const FOG_TYPE_VERTEX = 1;
const FOG_BASE_DEPTH = 1;

/** Every render state whose power-on value is not 0. */
const RENDER_STATE_DEFAULTS: ReadonlyArray<readonly [number, number]> = [
  [RS.ZENABLE, 1],
  [RS.ZWRITEENABLE, 1],
  [RS.LIGHTINGENABLE, 1],
  [RS.STENCILMASK, 0xffffffff],
  [RS.STENCILWRITEMASK, 0xffffffff],
  [RS.FOGEND, ONE],
  [RS.FOGDENSITY, ONE],
  [RS.POINTSIZE, ONE],
  [RS.POINTSIZEMIN, ONE],
  [RS.POINTSIZEMAX, f32Bits(64)],
  [RS.POINTSCALE_A, ONE],
  // Fog off (function INVALID), vertex fog, depth based: D3DFOG_NONE for both fog modes.
  [RS.FOGMODE, (FOG_TYPE_VERTEX << 16) | (FOG_BASE_DEPTH << 24)],
  // Solid fill for both faces.
  [RS.FILLMODE, FILL_FILL | (FACE_FRONT_BACK << 16)],
  // Smooth shading and no culling, as VMware's host shows them: screen-render-test never sets
  // SHADEMODE or CULLMODE, and the host screenshot shipped with it (corpus expected-results.png)
  // has smoothly shaded cubes with every face drawn although the SDK cube mesh winds half its faces
  // each way. The SDK reference driver's comment "the device defaults to flat shading" and D3D9's
  // D3DCULL_CCW are both contradicted by that picture, so the oracle follows the host.
  [RS.SHADEMODE, SHADE_SMOOTH],
  [RS.SRCBLEND, BLEND_ONE],
  [RS.DSTBLEND, BLEND_ZERO],
  [RS.BLENDEQUATION, EQUATION_ADD],
  [RS.CULLMODE, FACE_NONE],
  [RS.ZFUNC, CMP_LESSEQUAL],
  [RS.ALPHAFUNC, CMP_ALWAYS],
  [RS.STENCILFUNC, CMP_ALWAYS],
  [RS.STENCILFAIL, STENCILOP_KEEP],
  [RS.STENCILZFAIL, STENCILOP_KEEP],
  [RS.STENCILPASS, STENCILOP_KEEP],
  [RS.FRONTWINDING, 1],
  [RS.COORDINATETYPE, 1],
  [RS.COLORWRITEENABLE, 0xf],
  [RS.VERTEXMATERIALENABLE, 1],
  [RS.DIFFUSEMATERIALSOURCE, 1],
  [RS.SPECULARMATERIALSOURCE, 2],
  [RS.TEXTUREFACTOR, 0xffffffff],
  [RS.LOCALVIEWER, 1],
  [RS.BLENDCOLOR, 0xffffffff],
  [RS.CCWSTENCILFUNC, CMP_ALWAYS],
  [RS.CCWSTENCILFAIL, STENCILOP_KEEP],
  [RS.CCWSTENCILZFAIL, STENCILOP_KEEP],
  [RS.CCWSTENCILPASS, STENCILOP_KEEP],
  [RS.OUTPUTGAMMA, ONE],
  [RS.LASTPIXEL, 1],
  [RS.CLIPPING, 1],
  [RS.MULTISAMPLEANTIALIAS, 1],
  [RS.MULTISAMPLEMASK, 0xffffffff],
  [RS.COLORWRITEENABLE1, 0xf],
  [RS.COLORWRITEENABLE2, 0xf],
  [RS.COLORWRITEENABLE3, 0xf],
  [RS.SRCBLENDALPHA, BLEND_ONE],
  [RS.DSTBLENDALPHA, BLEND_ZERO],
  [RS.BLENDEQUATIONALPHA, EQUATION_ADD],
  // Both line-width spellings (SDK 99, 2015+ 98) start at one pixel.
  [RS.LINEAA, ONE],
  [RS.LINEWIDTH, ONE],
];

/** Fills `states` (indexed by SVGA3dRenderStateName) with the power-on values. */
export function fillRenderStateDefaults(states: Uint32Array): void {
  states.fill(0);
  for (const [name, value] of RENDER_STATE_DEFAULTS) states[name] = value;
}

/** Power-on value of texture state `name` of `stage`. */
export function textureStateDefault(stage: number, name: number): number {
  switch (name) {
    case TS.BIND_TEXTURE:
      return 0xffffffff;
    case TS.COLOROP:
      return stage === 0 ? TC.MODULATE : TC.DISABLE;
    case TS.ALPHAOP:
      return stage === 0 ? TC.SELECTARG1 : TC.DISABLE;
    case TS.COLORARG1:
    case TS.ALPHAARG1:
      return TA.TEXTURE;
    case TS.COLORARG2:
    case TS.ALPHAARG2:
    case TS.COLORARG0:
    case TS.ALPHAARG0:
      return TA.PREVIOUS;
    case TS.ADDRESSU:
    case TS.ADDRESSV:
    case TS.ADDRESSW:
      return ADDRESS.WRAP;
    case TS.MAGFILTER:
    case TS.MINFILTER:
      return FILTER.NEAREST;
    case TS.MIPFILTER:
      return FILTER.NONE;
    case TS.TEXCOORDINDEX:
      return stage;
    case TS.TEXTURE_ANISOTROPIC_LEVEL:
      return 1;
    case TS.GAMMA:
      return ONE;
    default:
      return 0;
  }
}

/** Fills `states` (stage-major, `TEXTURE_STATE_COUNT` words per stage) with the power-on values. */
export function fillTextureStateDefaults(states: Uint32Array): void {
  for (let stage = 0; stage < TEXTURE_STAGE_COUNT; stage++) {
    for (let name = 0; name < TEXTURE_STATE_COUNT; name++) {
      states[stage * TEXTURE_STATE_COUNT + name] = name === 0 ? 0 : textureStateDefault(stage, name);
    }
  }
}
