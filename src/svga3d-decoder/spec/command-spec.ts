/**
 * One table entry per decodable command: id, short name, spec name, fixed struct, variable tail.
 */
import { struct, type MemberMap, type StructSpec } from './layout.js';
import type { TailSpec } from './tails.js';

/** 3D commands carry `{id, size}` and a body of `size` bytes; 2D commands an id word and a body
 * whose size follows from the id (and, for a few, from the body's own fields). */
export type CommandFamily = '3d' | '2d';

export interface CommandSpec<
  N extends string = string,
  M extends MemberMap = MemberMap,
  T extends TailSpec | undefined = TailSpec | undefined,
> {
  readonly id: number;
  /** Header name without `SVGA_3D_CMD_` / `SVGA_CMD_`, e.g. `SURFACE_DMA`. */
  readonly name: N;
  /** Full header name, e.g. `SVGA_3D_CMD_SURFACE_DMA`. */
  readonly specName: string;
  readonly family: CommandFamily;
  /** The fixed part of the body (after the id word, or after the 8-byte 3D header). */
  readonly fixed: StructSpec<M>;
  readonly tail: T;
}

/** A 3D command entry; `typeName` is the header's body struct, e.g. `SVGA3dCmdSurfaceDMA`. */
export function cmd3d<const N extends string, const M extends MemberMap, T extends TailSpec | undefined = undefined>(
  id: number,
  name: N,
  typeName: string,
  members: M,
  tail?: T,
): CommandSpec<N, M, T> {
  return { id, name, specName: `SVGA_3D_CMD_${name}`, family: '3d', fixed: struct(typeName, members), tail: tail as T };
}

/** A 2D FIFO command entry; `typeName` is the header's body struct, e.g. `SVGAFifoCmdUpdate`. */
export function cmd2d<const N extends string, const M extends MemberMap, T extends TailSpec | undefined = undefined>(
  id: number,
  name: N,
  typeName: string,
  members: M,
  tail?: T,
): CommandSpec<N, M, T> {
  return { id, name, specName: `SVGA_CMD_${name}`, family: '2d', fixed: struct(typeName, members), tail: tail as T };
}
