/**
 * Diagnostic codes of the device core: registers, FIFO ring and fences (3000–3099), guest memory
 * and GMRs (3100–3199), contexts, state, shader objects and queries (3400–3599).
 *
 * Codes are stable: add new rows, never renumber.
 */
import type { DiagnosticCode } from '../common/diagnostics.js';

function row(code: number, name: string, severity: DiagnosticCode['severity'] = 'error'): DiagnosticCode {
  return { code, name, severity };
}

/** Registers, FIFO ring, fences, dispatch. */
export const REG_DIAGNOSTICS = {
  /** A register value the device cannot honour (unsupported id, bits per pixel, too big a mode). */
  E_REG_VALUE: row(3001, 'E_REG_VALUE'),
  /** The legacy mode does not fit VRAM or exceeds MAX_WIDTH/MAX_HEIGHT. */
  E_MODE: row(3002, 'E_MODE'),
  /** A write to a register index the device does not have. */
  W_REG_UNKNOWN: row(3003, 'W_REG_UNKNOWN', 'warning'),
  /** FIFO ring registers (MIN, MAX, NEXT_CMD, STOP) that break the ring rules. */
  E_FIFO_RING: row(3010, 'E_FIFO_RING'),
  /** processFifo stopped at its per-call command budget; the rest waits for the next call. */
  W_FIFO_BUDGET: row(3011, 'W_FIFO_BUDGET', 'warning'),
  /** A decoded command that this device does not implement (guest-backed, DX, obsolete 2D). */
  E_NO_EXECUTOR: row(3020, 'E_NO_EXECUTOR'),
  /** An executor failed unexpectedly; the command is abandoned and replay goes on. */
  E_INTERNAL: row(3021, 'E_INTERNAL'),
  /** A device option out of range (VRAM or FIFO size); the default is used instead. */
  E_OPTION: row(3030, 'E_OPTION'),
} as const;

/** Guest memory, VRAM and GMRs. */
export const MEM_DIAGNOSTICS = {
  /** A VRAM access outside BAR1. */
  E_VRAM_RANGE: row(3101, 'E_VRAM_RANGE'),
  /** A guest physical access outside the guest address space. */
  E_GUEST_RANGE: row(3102, 'E_GUEST_RANGE'),
  /** Guest memory page budget exhausted. */
  E_GUEST_BUDGET: row(3103, 'E_GUEST_BUDGET'),
  /** GMR id at or above GMR_MAX_IDS. */
  E_GMR_ID: row(3110, 'E_GMR_ID'),
  /** A GMR v1 descriptor chain that is malformed, loops, or is too long. */
  E_GMR_DESCRIPTOR: row(3111, 'E_GMR_DESCRIPTOR'),
  /** Defining the GMR would exceed GMRS_MAX_PAGES. */
  E_GMR_BUDGET: row(3112, 'E_GMR_BUDGET'),
  /** REMAP_GMR2 page range outside the GMR, or a bad flag or payload. */
  E_GMR_REMAP: row(3113, 'E_GMR_REMAP'),
  /** A page number beyond guest physical memory. */
  E_GMR_PPN: row(3114, 'E_GMR_PPN'),
  /** The named GMR is not defined. */
  E_GMR_UNDEFINED: row(3115, 'E_GMR_UNDEFINED'),
} as const;

/** Contexts, state, shader objects, constants, queries, clear, draw validation. */
export const CTX_DIAGNOSTICS = {
  /** Context id at or above the context limit. */
  E_CONTEXT_ID: row(3401, 'E_CONTEXT_ID'),
  /** The named context is not defined. */
  E_CONTEXT_UNDEFINED: row(3402, 'E_CONTEXT_UNDEFINED'),
  /** Too many live contexts. */
  E_CONTEXT_BUDGET: row(3403, 'E_CONTEXT_BUDGET'),
  /** Unknown SVGA3dRenderStateName. */
  E_RENDER_STATE: row(3410, 'E_RENDER_STATE'),
  /** Texture stage out of range. */
  E_TEXTURE_STAGE: row(3411, 'E_TEXTURE_STAGE'),
  /** Unknown SVGA3dTextureStateName. */
  E_TEXTURE_STATE: row(3412, 'E_TEXTURE_STATE'),
  /** BIND_TEXTURE of a surface id that is not defined. */
  E_TEXTURE_SURFACE: row(3413, 'E_TEXTURE_SURFACE'),
  /** Unknown SVGA3dTransformType. */
  E_TRANSFORM_TYPE: row(3414, 'E_TRANSFORM_TYPE'),
  /** SETMATERIAL face not FRONT, BACK or FRONT_BACK. */
  E_MATERIAL_FACE: row(3415, 'E_MATERIAL_FACE'),
  /** Light index out of range. */
  E_LIGHT_INDEX: row(3416, 'E_LIGHT_INDEX'),
  /** Clip plane index out of range. */
  E_CLIP_PLANE: row(3417, 'E_CLIP_PLANE'),
  /** SETRENDERTARGET type out of range. */
  E_RENDER_TARGET_TYPE: row(3418, 'E_RENDER_TARGET_TYPE'),
  /** SETRENDERTARGET surface undefined, or face/mip outside it. */
  E_RENDER_TARGET_SURFACE: row(3419, 'E_RENDER_TARGET_SURFACE'),
  /** Shader id out of range. */
  E_SHADER_ID: row(3420, 'E_SHADER_ID'),
  /** Shader type not VS (1) or PS (2). */
  E_SHADER_TYPE: row(3421, 'E_SHADER_TYPE'),
  /** The named shader is not defined in this context for this type. */
  E_SHADER_UNDEFINED: row(3422, 'E_SHADER_UNDEFINED'),
  /** Shader bytecode that does not frame or validate. */
  E_SHADER_BYTECODE: row(3423, 'E_SHADER_BYTECODE'),
  /** Shader count or bytecode memory budget exceeded. */
  E_SHADER_BUDGET: row(3424, 'E_SHADER_BUDGET'),
  /** Shader constant registers out of range. */
  E_SHADER_CONST_RANGE: row(3425, 'E_SHADER_CONST_RANGE'),
  /** Shader constant type not FLOAT, INT or BOOL. */
  E_SHADER_CONST_TYPE: row(3426, 'E_SHADER_CONST_TYPE'),
  /** CLEAR flags with unknown bits. */
  E_CLEAR_FLAGS: row(3430, 'E_CLEAR_FLAGS'),
  /** CLEAR of a buffer that has no bound target (nothing to clear). */
  W_CLEAR_NO_TARGET: row(3431, 'W_CLEAR_NO_TARGET', 'warning'),
  /** Query type other than OCCLUSION. */
  E_QUERY_TYPE: row(3440, 'E_QUERY_TYPE'),
  /** END_QUERY without BEGIN_QUERY. */
  E_QUERY_STATE: row(3441, 'E_QUERY_STATE'),
  /** The 12-byte query result does not fit the guest region. */
  E_QUERY_RESULT: row(3442, 'E_QUERY_RESULT'),
  /** A DRAW_PRIMITIVES that does not validate. */
  E_DRAW: row(3450, 'E_DRAW'),
  /** A valid DRAW_PRIMITIVES with no draw backend installed. */
  I_DRAW_NOT_RENDERED: row(3451, 'I_DRAW_NOT_RENDERED', 'info'),
} as const;
