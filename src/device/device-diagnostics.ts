/**
 * Diagnostic codes of the device core: registers, FIFO ring and fences (3000–3099), guest memory
 * and GMRs (3100–3199), contexts, state, shader objects and queries (3400–3599).
 *
 * Codes are stable: add new rows, never renumber.
 */
import { defineDiagnosticCodes } from '../common/diagnostics.js';

/** Registers, FIFO ring, fences, dispatch. */
export const REG_DIAGNOSTICS = defineDiagnosticCodes({
  /** A register value the device cannot honour (unsupported id, bits per pixel, too big a mode). */
  E_REG_VALUE: 3001,
  /** The legacy mode does not fit VRAM or exceeds MAX_WIDTH/MAX_HEIGHT. */
  E_MODE: 3002,
  /** A write to a register index the device does not have. */
  W_REG_UNKNOWN: 3003,
  /** FIFO ring registers (MIN, MAX, NEXT_CMD, STOP) that break the ring rules. */
  E_FIFO_RING: 3010,
  /** processFifo stopped at its per-call command budget; the rest waits for the next call. */
  W_FIFO_BUDGET: 3011,
  /** A decoded command that this device does not implement (guest-backed, DX, obsolete 2D). */
  E_NO_EXECUTOR: 3020,
  /** An executor failed unexpectedly; the command is abandoned and replay goes on. */
  E_INTERNAL: 3021,
  /** A device option out of range (VRAM or FIFO size); the default is used instead. */
  E_OPTION: 3030,
});

/** Guest memory, VRAM and GMRs. */
export const MEM_DIAGNOSTICS = defineDiagnosticCodes({
  /** A VRAM access outside BAR1. */
  E_VRAM_RANGE: 3101,
  /** A guest physical access outside the guest address space. */
  E_GUEST_RANGE: 3102,
  /** Guest memory page budget exhausted. */
  E_GUEST_BUDGET: 3103,
  /** GMR id at or above GMR_MAX_IDS. */
  E_GMR_ID: 3110,
  /** A GMR v1 descriptor chain that is malformed, loops, or is too long. */
  E_GMR_DESCRIPTOR: 3111,
  /** Defining the GMR would exceed GMRS_MAX_PAGES. */
  E_GMR_BUDGET: 3112,
  /** REMAP_GMR2 page range outside the GMR, or a bad flag or payload. */
  E_GMR_REMAP: 3113,
  /** A page number beyond guest physical memory. */
  E_GMR_PPN: 3114,
  /** The named GMR is not defined. */
  E_GMR_UNDEFINED: 3115,
});

/** Contexts, state, shader objects, constants, queries, clear, draw validation. */
export const CTX_DIAGNOSTICS = defineDiagnosticCodes({
  /** Context id at or above the context limit. */
  E_CONTEXT_ID: 3401,
  /** The named context is not defined. */
  E_CONTEXT_UNDEFINED: 3402,
  /** Too many live contexts. */
  E_CONTEXT_BUDGET: 3403,
  /** Unknown SVGA3dRenderStateName. */
  E_RENDER_STATE: 3410,
  /** Texture stage out of range. */
  E_TEXTURE_STAGE: 3411,
  /** Unknown SVGA3dTextureStateName. */
  E_TEXTURE_STATE: 3412,
  /** BIND_TEXTURE of a surface id that is not defined. */
  E_TEXTURE_SURFACE: 3413,
  /** Unknown SVGA3dTransformType. */
  E_TRANSFORM_TYPE: 3414,
  /** SETMATERIAL face not FRONT, BACK or FRONT_BACK. */
  E_MATERIAL_FACE: 3415,
  /** Light index out of range. */
  E_LIGHT_INDEX: 3416,
  /** Clip plane index out of range. */
  E_CLIP_PLANE: 3417,
  /** SETRENDERTARGET type out of range. */
  E_RENDER_TARGET_TYPE: 3418,
  /** SETRENDERTARGET surface undefined, or face/mip outside it. */
  E_RENDER_TARGET_SURFACE: 3419,
  /** Shader id out of range. */
  E_SHADER_ID: 3420,
  /** Shader type not VS (1) or PS (2). */
  E_SHADER_TYPE: 3421,
  /** The named shader is not defined in this context for this type. */
  E_SHADER_UNDEFINED: 3422,
  /** Shader bytecode that does not frame or validate. */
  E_SHADER_BYTECODE: 3423,
  /** Shader count or bytecode memory budget exceeded. */
  E_SHADER_BUDGET: 3424,
  /** Shader constant registers out of range. */
  E_SHADER_CONST_RANGE: 3425,
  /** Shader constant type not FLOAT, INT or BOOL. */
  E_SHADER_CONST_TYPE: 3426,
  /** CLEAR flags with unknown bits. */
  E_CLEAR_FLAGS: 3430,
  /** CLEAR of a buffer that has no bound target (nothing to clear). */
  W_CLEAR_NO_TARGET: 3431,
  /** Query type other than OCCLUSION. */
  E_QUERY_TYPE: 3440,
  /** END_QUERY without BEGIN_QUERY. */
  E_QUERY_STATE: 3441,
  /** The 12-byte query result does not fit the guest region or touches an unmapped page. */
  E_QUERY_RESULT: 3442,
  /** A DRAW_PRIMITIVES that does not validate. */
  E_DRAW: 3450,
  /** A valid DRAW_PRIMITIVES with no draw backend installed. */
  I_DRAW_NOT_RENDERED: 3451,
});
