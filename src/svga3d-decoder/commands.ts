/**
 * The typed view of decoded commands, derived from the spec tables so that each layout is written
 * once (`spec/commands-3d.ts`, `spec/commands-2d.ts`).
 */
import { is3dCommandId } from './spec/command-ids.js';
import type { CommandSpec } from './spec/command-spec.js';
import { COMMANDS_2D } from './spec/commands-2d.js';
import { COMMANDS_3D } from './spec/commands-3d.js';
import type { StructSpec, ValueOf } from './spec/layout.js';
import type { TailDerived, TailValue } from './spec/tails.js';

type AnyCommandSpec = (typeof COMMANDS_3D)[number] | (typeof COMMANDS_2D)[number];

/** Short name of every decodable command: `SURFACE_DMA`, `UPDATE`, `FENCE`, … */
export type CommandName = AnyCommandSpec['name'];

type SpecOf<N extends CommandName> = Extract<AnyCommandSpec, { readonly name: N }>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type BodyOfSpec<S> =
  S extends CommandSpec<string, infer M, infer T> ? Simplify<ValueOf<StructSpec<M>> & TailValue<T>> : never;
type DerivedOfSpec<S> = S extends CommandSpec<string, infer _M, infer T> ? TailDerived<T> : never;

/** The decoded body of command `N`, e.g. `CommandBody<'SURFACE_DMA'>`. */
export type CommandBody<N extends CommandName> = BodyOfSpec<SpecOf<N>>;

/** What an encoder needs for command `N`: the body, minus the counts and sizes it derives. */
export type CommandBodyInput<N extends CommandName> = Simplify<
  Omit<CommandBody<N>, DerivedOfSpec<SpecOf<N>> & keyof CommandBody<N>> &
    Partial<Pick<CommandBody<N>, DerivedOfSpec<SpecOf<N>> & keyof CommandBody<N>>>
>;

/** One decoded command. */
export type SvgaCommand = {
  [N in CommandName]: {
    readonly id: number;
    readonly name: N;
    /** Byte offset of the command's first word, plus the decoder's `baseOffset`. */
    readonly offset: number;
    /** Bytes the command occupies in the FIFO: id word + 3D header + body (+ 2D padding). */
    readonly byteLength: number;
    readonly body: CommandBody<N>;
  };
}[CommandName];

/** The decoded command named `N`. */
export type SvgaCommandOf<N extends CommandName> = Extract<SvgaCommand, { readonly name: N }>;

/** A command to encode: its name and body (derived counts/sizes may be omitted). */
export type SvgaCommandInput = {
  [N in CommandName]: { readonly name: N; readonly body: CommandBodyInput<N> };
}[CommandName];

/**
 * A command the decoder recognised the framing of (or at least the id) but did not decode: an
 * unsupported id skipped by size, or a malformed body. Kept so that a dump can print it.
 */
export interface UndecodedCommand {
  readonly id: number;
  /** Short header name when the id has one (`DX_DRAW`), else undefined. */
  readonly name: string | undefined;
  /** Full header name when known (`SVGA_3D_CMD_DX_DRAW`). */
  readonly specName: string | undefined;
  readonly offset: number;
  /** Bytes skipped; for a command that ended the record, the bytes left in it. */
  readonly byteLength: number;
  /** The diagnostic code that explains why (see `decoder-diagnostics.ts`). */
  readonly code: number;
}

/** Every decodable command's table entry, 3D then 2D. */
export const COMMAND_SPECS: readonly CommandSpec[] = [...COMMANDS_3D, ...COMMANDS_2D];

/** Table entries by command id. */
export const COMMAND_SPECS_BY_ID: ReadonlyMap<number, CommandSpec> = new Map(COMMAND_SPECS.map((s) => [s.id, s]));

/** Table entries by short name. */
export const COMMAND_SPECS_BY_NAME: ReadonlyMap<string, CommandSpec> = new Map(COMMAND_SPECS.map((s) => [s.name, s]));

/** Command ids by short name, e.g. `SVGA_COMMAND_ID.SURFACE_DMA === 1044`. */
export const SVGA_COMMAND_ID: { readonly [N in CommandName]: number } = Object.fromEntries(
  COMMAND_SPECS.map((s) => [s.name, s.id]),
) as { readonly [N in CommandName]: number };

/**
 * How the decoder frames an id: `3d` = `{id, size}` header (1000–2999, skipped by size even when
 * not decodable), `2d` = a 2D command whose body size the table knows, `unknown` = a 2D id whose
 * size cannot be known (obsolete 4–13, 15–18, 23, 24, 26–28, 31, 32; 43 and up; 3000 and up),
 * which ends a FIFO record.
 */
export function commandFraming(id: number): '3d' | '2d' | 'unknown' {
  if (is3dCommandId(id)) return '3d';
  return COMMAND_SPECS_BY_ID.has(id) ? '2d' : 'unknown';
}
