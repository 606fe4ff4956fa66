/**
 * The device: registers, VRAM and guest memory, GMRs, the FIFO ring, contexts, fences, queries
 * and the dispatch of every command to its executor.
 */
export { SvgaDevice, type SvgaDeviceOptions, type SourceLocation } from './svga-device.js';
export { CTX_DIAGNOSTICS, MEM_DIAGNOSTICS, REG_DIAGNOSTICS } from './device-diagnostics.js';
export {
  GUEST_PAGE_SIZE,
  SparseGuestMemory,
  type GuestPhysicalMemory,
  type SparseGuestMemoryOptions,
} from './memory/guest-physical-memory.js';
export { GmrTable, DEFAULT_GMR_LIMITS, UNMAPPED_PAGE, type GmrLimits } from './memory/gmr-table.js';
export { SVGA_GMR_FRAMEBUFFER, SVGA_GMR_NULL, type GuestPtrMemory } from './guest-ptr-memory.js';
export type { SurfaceImage, SurfaceLookup, SurfaceView } from './surface-image.js';
export {
  ContextState,
  INVALID_ID,
  RenderTargetType,
  ShaderType,
  type ConstantBanks,
  type PixelRect,
  type ShaderObject,
  type SurfaceBinding,
} from './contexts/context-state.js';
export { ContextTable, DEFAULT_CONTEXT_LIMITS, type ContextLimits } from './contexts/context-table.js';
export type {
  ClearImageFn,
  ClearValues,
  DrawBackend,
  ShaderValidation,
  ShaderValidator,
} from './contexts/context-env.js';
export { validateShaderBytecode } from './contexts/shader-validation.js';
export { RENDER_STATE_COUNT, TEXTURE_STAGE_COUNT, TEXTURE_STATE_COUNT } from './contexts/state-defaults.js';
export { DEVICE_CAPABILITIES, SvgaCap, SvgaReg, SVGA_ID_0, SVGA_ID_1, SVGA_ID_2 } from './svga-registers.js';
export { DEVICE_FIFO_CAPABILITIES, FifoCap, FifoReg, HWVERSION_WS8_B1, deviceCaps } from './fifo/fifo-registers.js';
