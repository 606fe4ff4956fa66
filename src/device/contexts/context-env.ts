/**
 * What context commands need from the rest of the device, as small ports: the contexts, the
 * surface store (read side), guest memory, and the optional pixel and draw back ends.
 */
import type { Diagnostic, ReportFn } from '../../common/diagnostics.js';
import type { ShaderProgram } from '../../shader-vm/index.js';
import type { CommandBody } from '../../svga3d-decoder/index.js';
import type { GuestPtrMemory } from '../guest-ptr-memory.js';
import type { SurfaceLookup, SurfaceView } from '../surface-image.js';
import type { ContextState, PixelRect } from './context-state.js';
import type { ContextTable } from './context-table.js';

/** The values CLEAR writes; a field is present only for the buffers the flags name. */
export interface ClearValues {
  /** `0xAARRGGBB`. */
  readonly color?: number;
  /** Depth 0..1. */
  readonly depth?: number;
  readonly stencil?: number;
}

/**
 * Fills `rect` (already clipped to the image) of image (face, mip) of `surface` with `values`
 * converted to the surface format: the surfaces module's `clearImageRect`.
 */
export type ClearImageFn = (
  surface: SurfaceView,
  face: number,
  mip: number,
  rect: PixelRect,
  values: ClearValues,
  report: ReportFn,
) => void;

/**
 * Renders DRAW_PRIMITIVES (a later milestone implements it). The device calls it only for draws
 * that validated: context defined, counts within limits, enums in range, surfaces defined.
 * A backend that tests depth reports passing samples with `context.recordSamplesPassed`.
 */
export interface DrawBackend {
  draw(context: ContextState, cmd: CommandBody<'DRAW_PRIMITIVES'>, surfaces: SurfaceLookup, report: ReportFn): void;
}

/** Result of validating shader bytecode. */
export interface ShaderValidation {
  /** False when the shader must not be defined. */
  readonly ok: boolean;
  /** The decoded program, kept with the shader for the draw path. */
  readonly program?: ShaderProgram | undefined;
  /** Findings (errors and warnings), reported against the SHADER_DEFINE. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Validates bytecode beyond framing; by default the shader VM's `validateShader`. */
export type ShaderValidator = (type: number, bytecode: Uint32Array) => ShaderValidation;

/** The device services context commands use. */
export interface ContextEnv {
  readonly contexts: ContextTable;
  readonly surfaces: SurfaceLookup;
  readonly memory: GuestPtrMemory;
  readonly clearImage?: ClearImageFn | undefined;
  readonly drawBackend?: DrawBackend | undefined;
  readonly shaderValidator?: ShaderValidator | undefined;
}
