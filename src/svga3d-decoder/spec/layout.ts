/**
 * The little language in which every SVGA command layout is written down once.
 *
 * A layout is a tree of fixed-size parts: 32-bit scalars (`u32`, `i32`, `f32`), structs (ordered
 * members, no padding, exactly as in the SVGA headers) and fixed arrays (`float matrix[16]`).
 * Offsets are computed from member order when a struct is built, so a table entry reads like the
 * C struct it mirrors. The same tree drives decoding, encoding, printing and the TypeScript types
 * of decoded bodies (`ValueOf`), so there is a single source for each layout.
 */

/** A named `as const` enumeration used to print a field (e.g. `SVGA3dTransformType`). */
export interface NamedEnum {
  /** Header spelling of the C enum, e.g. `SVGA3dTransformType`. */
  readonly name: string;
  /** Short member name → value, e.g. `{ WORLD: 1, VIEW: 2 }`. */
  readonly values: Readonly<Record<string, number>>;
}

/** How the printer shows a scalar. `enum`/`flags` name a table; `renderState`/`textureState`
 * mean "the value's type depends on the sibling state name" (float states print as floats). */
export type Display =
  | { readonly as: 'dec' }
  | { readonly as: 'hex' }
  | { readonly as: 'float' }
  | { readonly as: 'enum'; readonly table: NamedEnum }
  | { readonly as: 'flags'; readonly table: NamedEnum }
  | { readonly as: 'stateValue'; readonly of: 'renderState' | 'textureState' }
  | { readonly as: 'shaderConst' };

export type ScalarKind = 'u32' | 'i32' | 'f32';

/** One 32-bit word. */
export interface ScalarSpec<K extends ScalarKind = ScalarKind> {
  readonly kind: K;
  readonly size: 4;
  readonly display: Display;
}

/** A member with its byte offset inside the enclosing struct. */
export interface MemberLayout {
  readonly name: string;
  readonly spec: FixedSpec;
  readonly offset: number;
}

/** Ordered members, like a C struct without padding. */
export interface StructSpec<M extends MemberMap = MemberMap> {
  readonly kind: 'struct';
  /** Header spelling, e.g. `SVGA3dCopyBox`, or undefined for an anonymous struct. */
  readonly typeName: string | undefined;
  readonly size: number;
  readonly members: M;
  readonly layout: readonly MemberLayout[];
}

/** `T name[length]`. */
export interface ArraySpec<E extends FixedSpec = FixedSpec> {
  readonly kind: 'array';
  readonly of: E;
  readonly length: number;
  readonly size: number;
}

export type FixedSpec = ScalarSpec | StructSpec | ArraySpec;
export interface MemberMap {
  readonly [name: string]: FixedSpec;
}

/** The decoded value of a fixed layout: numbers, nested objects, arrays. */
export type ValueOf<S> =
  S extends ScalarSpec
    ? number
    : S extends StructSpec<infer M>
      ? { readonly [K in keyof M]: ValueOf<M[K]> }
      : S extends ArraySpec<infer E>
        ? readonly ValueOf<E>[]
        : never;

const DEC: Display = { as: 'dec' };
const HEX: Display = { as: 'hex' };
const FLOAT: Display = { as: 'float' };

/** Unsigned 32-bit word printed in decimal. */
export const u32: ScalarSpec<'u32'> = { kind: 'u32', size: 4, display: DEC };
/** Unsigned 32-bit word printed in hex (ids, colours, raw bits). */
export const hex32: ScalarSpec<'u32'> = { kind: 'u32', size: 4, display: HEX };
/** Signed 32-bit word. */
export const i32: ScalarSpec<'i32'> = { kind: 'i32', size: 4, display: DEC };
/** IEEE float32 word. */
export const f32: ScalarSpec<'f32'> = { kind: 'f32', size: 4, display: FLOAT };

/** Unsigned word whose values are members of `table`. */
export function enumU32(table: NamedEnum): ScalarSpec<'u32'> {
  return { kind: 'u32', size: 4, display: { as: 'enum', table } };
}

/** Unsigned word made of the bit flags of `table`. */
export function flagsU32(table: NamedEnum): ScalarSpec<'u32'> {
  return { kind: 'u32', size: 4, display: { as: 'flags', table } };
}

/** A render-state or texture-state value word (u32 or float bits, by state name). */
export function stateValue(of: 'renderState' | 'textureState'): ScalarSpec<'u32'> {
  return { kind: 'u32', size: 4, display: { as: 'stateValue', of } };
}

/** A SET_SHADER_CONST value word (float bits when the constant type is FLOAT, else integer). */
export const shaderConstWord: ScalarSpec<'u32'> = { kind: 'u32', size: 4, display: { as: 'shaderConst' } };

/** Builds a struct; member order is layout order. */
export function struct<const M extends MemberMap>(typeName: string | undefined, members: M): StructSpec<M> {
  const layout: MemberLayout[] = [];
  let offset = 0;
  for (const name of Object.keys(members)) {
    const spec = members[name] as FixedSpec;
    layout.push({ name, spec, offset });
    offset += spec.size;
  }
  return { kind: 'struct', typeName, size: offset, members, layout };
}

/** A fixed-length array of `of`. */
export function array<E extends FixedSpec>(of: E, length: number): ArraySpec<E> {
  return { kind: 'array', of, length, size: of.size * length };
}

/** Byte offset of a dotted member path (`'guest.ptr.offset'`), or undefined; handy in tests and docs. */
export function offsetOf(spec: StructSpec, path: string): number | undefined {
  let current: FixedSpec = spec;
  let offset = 0;
  for (const part of path.split('.')) {
    if (current.kind !== 'struct') return undefined;
    const member: MemberLayout | undefined = current.layout.find((m) => m.name === part);
    if (member === undefined) return undefined;
    offset += member.offset;
    current = member.spec;
  }
  return offset;
}

/** One scalar of a flattened layout: dotted path, byte offset, word type. */
export interface LayoutRow {
  readonly path: string;
  readonly offset: number;
  readonly kind: ScalarKind;
}

/**
 * Every scalar of a fixed layout with its byte offset, arrays expanded (`matrix[15]`), in memory
 * order: the table as the protocol notes print it, for docs, dumps and tests.
 */
export function flattenLayout(spec: FixedSpec, prefix = '', base = 0): LayoutRow[] {
  switch (spec.kind) {
    case 'struct':
      return spec.layout.flatMap((m) => flattenLayout(m.spec, prefix === '' ? m.name : `${prefix}.${m.name}`, base + m.offset));
    case 'array':
      return Array.from({ length: spec.length }, (_, i) => flattenLayout(spec.of, `${prefix}[${i}]`, base + i * spec.of.size)).flat();
    default:
      return [{ path: prefix, offset: base, kind: spec.kind }];
  }
}
