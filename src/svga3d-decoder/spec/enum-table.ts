import type { NamedEnum } from './layout.js';

/**
 * Wraps an `as const` enum object with its header spelling, so the printer can show
 * `SVGA3D_RS_ZENABLE`-style names (short form `ZENABLE`) without a second table.
 */
export function namedEnum<const V extends Readonly<Record<string, number>>>(
  name: string,
  prefix: string,
  values: V,
): NamedEnum & { readonly prefix: string; readonly values: V } {
  return { name, prefix, values };
}

const reverseCache = new WeakMap<NamedEnum, Map<number, string>>();

/** Short member name of `value` in `table` (first declared wins), or undefined. */
export function enumName(table: NamedEnum, value: number): string | undefined {
  let reverse = reverseCache.get(table);
  if (reverse === undefined) {
    reverse = new Map();
    for (const [key, v] of Object.entries(table.values)) if (!reverse.has(v)) reverse.set(v, key);
    reverseCache.set(table, reverse);
  }
  return reverse.get(value);
}
