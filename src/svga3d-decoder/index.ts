/**
 * svga3d-decoder: SVGA FIFO bytes ⇄ typed commands. Pure, stateless, table-driven.
 *
 * - `spec/` holds one table entry per command (`COMMANDS_3D`, `COMMANDS_2D`), the names of every
 *   id (`commandShortName`), the SVGA enums as `as const` objects and the sub-structures. The
 *   command types (`SvgaCommand`, `CommandBody<N>`) are derived from those tables.
 * - `decodeFifo` frames and decodes one FIFO record, never throws, and reports codes 2000–2999
 *   (`DecoderDiagnostics`); `encodeCommand` / `CommandWriter` build streams from the same tables;
 *   `formatCommand` prints one line per command.
 * - Structure only: ids, enum values and budgets are checked by the device.
 */
export type {
  CommandBody,
  CommandBodyInput,
  CommandName,
  SvgaCommand,
  SvgaCommandInput,
  SvgaCommandOf,
  UndecodedCommand,
} from './commands.js';
export { CommandWriter } from './command-writer.js';
export { decodeFifo, type FifoDecodeOptions, type FifoDecodeResult } from './decode-fifo.js';
export { encodeCommand } from './encode-command.js';
export { formatCommand, formatF32, formatHex } from './format-command.js';
export { shaderConstFloats } from './value-views.js';
export { COMMAND_SPECS, COMMAND_SPECS_BY_ID, COMMAND_SPECS_BY_NAME, commandFraming, SVGA_COMMAND_ID } from './commands.js';
export { cursorMaskBytes, remapPayloadBytes } from './tail-codec.js';
export { DecoderDiagnostics, type DecoderDiagnosticName } from './decoder-diagnostics.js';
export type { CommandFamily, CommandSpec } from './spec/command-spec.js';
export {
  commandShortName,
  commandSpecName,
  is3dCommandId,
  SVGA_3D_CMD_BASE,
  SVGA_3D_CMD_LAST_NAMED,
  SVGA_3D_CMD_LEGACY_BASE,
  SVGA_3D_CMD_MAX,
} from './spec/command-ids.js';
export { COMMANDS_2D, SVGARemapGMR2Flags } from './spec/commands-2d.js';
export { COMMANDS_3D } from './spec/commands-3d.js';
export { enumName } from './spec/enum-table.js';
export * from './spec/enums.js';
export * from './spec/enums-render-state.js';
export * from './spec/enums-texture-state.js';
export type { Display, FixedSpec, LayoutRow, MemberLayout, NamedEnum, ScalarSpec, StructSpec, ValueOf } from './spec/layout.js';
export { flattenLayout, offsetOf } from './spec/layout.js';
export * from './spec/structs.js';
export { SVGA3dSurfaceFormatName, SVGA3dSurfaceFormatNameEnum } from './spec/surface-format-names.js';
export type { TailSpec } from './spec/tails.js';
export {
  SvgaReg,
  SvgaCap,
  SVGA_ID_0,
  SVGA_ID_1,
  SVGA_ID_2,
  SVGA_PALETTE_BASE,
  SVGA_PALETTE_COUNT,
  SVGA_SCRATCH_BASE,
  svgaRegisterName,
} from './spec/svga-registers.js';
