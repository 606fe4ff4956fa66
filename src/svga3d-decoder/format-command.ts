/**
 * The printer: one line per command, like Mesa's `svga_dump`: the short name, then `field=value`
 * with nested members dotted (`host.sid=3`). Enum fields print their SVGA names, flags as
 * `A|B`, ids/colours in hex where the table says so, floats with the fewest digits that still
 * round-trip through float32, arrays of structs one `{…}` per entry, byte payloads as their length.
 */
import { f32FromBits } from '../common/f32-math.js';
import { COMMAND_SPECS_BY_NAME, type SvgaCommand, type UndecodedCommand } from './commands.js';
import { enumName } from './spec/enum-table.js';
import { SVGA3dShaderConstType, SVGA3D_RS_VALUE_ENUMS } from './spec/enums.js';
import { SVGA3D_RS_COLOR_STATES, SVGA3D_RS_FLOAT_STATES } from './spec/enums-render-state.js';
import {
  SVGA3D_TS_FLOAT_STATES,
  SVGA3D_TS_HEX_STATES,
  SVGA3D_TS_VALUE_ENUMS,
  SVGA3dTextureArgDataEnum,
  SVGA3dTextureArgModifier,
  SVGA3dTextureStateName as TS,
} from './spec/enums-texture-state.js';
import type { FixedSpec, NamedEnum, ScalarSpec } from './spec/layout.js';
import { SVGA3dCmdSurfaceDMASuffix, SVGA3dCopyBox, SVGA3dGuestImage, SVGA3dPrimitiveRange, SVGA3dVertexDecl } from './spec/structs.js';
import type { TailSpec } from './spec/tails.js';


/** Shortest decimal that reads back as the same float32 (`0.1`, `-0`, `NaN`, `1e-7`). */
export function formatF32(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (Object.is(value, -0)) return '-0';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  const target = Math.fround(value);
  for (let p = 1; p <= 9; p++) {
    const n = Number(value.toPrecision(p));
    if (Math.fround(n) === target) return String(n);
  }
  return String(target);
}

/** `0x` + lowercase hex of an unsigned word. */
export function formatHex(value: number): string {
  return `0x${(value >>> 0).toString(16)}`;
}

function formatU32(value: number): string {
  // Values with the top bit set are sentinels (SVGA_ID_INVALID) or bit patterns: hex reads better.
  return value >= 0x80000000 ? formatHex(value) : String(value);
}

function formatEnum(table: NamedEnum, value: number): string {
  return enumName(table, value) ?? formatU32(value);
}

function formatFlags(table: NamedEnum, value: number): string {
  if (value === 0) return '0';
  const parts: string[] = [];
  let rest = value >>> 0;
  for (const [name, bit] of Object.entries(table.values)) {
    if (bit !== 0 && (bit & (bit - 1)) === 0 && (rest & bit) !== 0) {
      parts.push(name);
      rest = (rest & ~bit) >>> 0;
    }
  }
  if (rest !== 0) parts.push(formatHex(rest));
  return parts.join('|');
}

/** Context of the value being printed: sibling fields decide how state values and constants read. */
interface Siblings {
  readonly entry: Readonly<Record<string, unknown>> | undefined;
  readonly body: Readonly<Record<string, unknown>>;
}

const TS_ARGS: ReadonlySet<number> = new Set<number>([TS.COLORARG0, TS.COLORARG1, TS.COLORARG2, TS.ALPHAARG0, TS.ALPHAARG1, TS.ALPHAARG2]);

/** A texture argument: source in the low 4 bits, then the ALPHA / ONE_MINUS modifier bits. */
function formatTextureArg(value: number): string {
  const parts = [formatEnum(SVGA3dTextureArgDataEnum, value & 0xf)];
  if ((value & SVGA3dTextureArgModifier.ALPHA) !== 0) parts.push('ALPHA');
  if ((value & SVGA3dTextureArgModifier.ONE_MINUS) !== 0) parts.push('ONE_MINUS');
  const rest = (value & ~0x3f) >>> 0;
  if (rest !== 0) parts.push(formatHex(rest));
  return parts.join('|');
}

function formatStateValue(of: 'renderState' | 'textureState', value: number, entry: Readonly<Record<string, unknown>> | undefined): string {
  const state = Number(entry?.[of === 'renderState' ? 'state' : 'name']);
  if (of === 'renderState') {
    if (SVGA3D_RS_FLOAT_STATES.has(state)) return formatF32(f32FromBits(value));
    if (SVGA3D_RS_COLOR_STATES.has(state)) return formatHex(value);
    const table = SVGA3D_RS_VALUE_ENUMS.get(state);
    return table !== undefined ? formatEnum(table, value) : formatU32(value);
  }
  if (SVGA3D_TS_FLOAT_STATES.has(state)) return formatF32(f32FromBits(value));
  if (SVGA3D_TS_HEX_STATES.has(state)) return formatHex(value);
  if (TS_ARGS.has(state)) return formatTextureArg(value);
  const table = SVGA3D_TS_VALUE_ENUMS.get(state);
  return table !== undefined ? formatEnum(table, value) : formatU32(value);
}

function formatScalar(spec: ScalarSpec, value: number, ctx: Siblings): string {
  const d = spec.display;
  switch (d.as) {
    case 'dec':
      return spec.kind === 'u32' ? formatU32(value) : String(value);
    case 'hex':
      return formatHex(value);
    case 'float':
      return formatF32(value);
    case 'enum':
      return formatEnum(d.table, value);
    case 'flags':
      return formatFlags(d.table, value);
    case 'stateValue':
      return formatStateValue(d.of, value, ctx.entry);
    case 'shaderConst': {
      const ctype = Number(ctx.body['ctype']);
      if (ctype === SVGA3dShaderConstType.FLOAT) return formatF32(f32FromBits(value));
      return ctype === SVGA3dShaderConstType.INT ? String(value | 0) : formatU32(value);
    }
  }
}

/** Appends `path=value` pairs of a fixed value (nested names dotted). */
function pushFields(out: string[], prefix: string, spec: FixedSpec, value: unknown, ctx: Siblings): void {
  switch (spec.kind) {
    case 'struct': {
      const obj = value as Readonly<Record<string, unknown>>;
      for (const m of spec.layout) pushFields(out, prefix === '' ? m.name : `${prefix}.${m.name}`, m.spec, obj[m.name], ctx);
      return;
    }
    case 'array': {
      const items = value as readonly unknown[];
      if (spec.of.kind === 'struct') {
        items.forEach((item, i) => pushFields(out, `${prefix}[${i}]`, spec.of, item, ctx));
      } else {
        out.push(`${prefix}=[${items.map((v) => formatValue(spec.of, v, ctx)).join(',')}]`);
      }
      return;
    }
    default:
      out.push(`${prefix}=${formatScalar(spec, value as number, ctx)}`);
  }
}

function formatValue(spec: FixedSpec, value: unknown, ctx: Siblings): string {
  if (spec.kind === 'struct' || spec.kind === 'array') {
    const parts: string[] = [];
    pushFields(parts, '', spec, value, ctx);
    return spec.kind === 'array' && spec.of.kind !== 'struct' ? (parts[0] ?? '').slice(1) : `{${parts.join(' ')}}`;
  }
  return formatScalar(spec, value as number, ctx);
}

function pushEntries(out: string[], name: string, spec: FixedSpec, items: unknown, body: Readonly<Record<string, unknown>>): void {
  const list = items as readonly unknown[];
  if (list.length === 0) out.push(`${name}=[]`);
  list.forEach((item, i) => {
    const entry = spec.kind === 'struct' ? (item as Readonly<Record<string, unknown>>) : undefined;
    out.push(`${name}[${i}]=${formatValue(spec, item, { entry, body })}`);
  });
}

function pushTail(out: string[], tail: TailSpec, body: Readonly<Record<string, unknown>>): void {
  const bytes = (name: string): void => {
    out.push(`${name}=<${(body[name] as Uint8Array).length} bytes>`);
  };
  const ctx: Siblings = { entry: undefined, body };
  switch (tail.kind) {
    case 'restArray':
      pushEntries(out, tail.name, tail.of, body[tail.name], body);
      return;
    case 'restBytes':
      bytes(tail.name);
      return;
    case 'surfaceDma':
      pushEntries(out, 'boxes', SVGA3dCopyBox, body['boxes'], body);
      if (body['suffix'] !== undefined) pushFields(out, 'suffix', SVGA3dCmdSurfaceDMASuffix, body['suffix'], ctx);
      return;
    case 'drawPrimitives': {
      pushEntries(out, 'decls', SVGA3dVertexDecl, body['decls'], body);
      pushEntries(out, 'ranges', SVGA3dPrimitiveRange, body['ranges'], body);
      const divisors = body['divisors'] as readonly number[] | undefined;
      if (divisors !== undefined) out.push(`divisors=[${divisors.map(formatHex).join(',')}]`);
      return;
    }
    case 'cursorMasks':
      bytes('andMask');
      bytes('xorMask');
      return;
    case 'alphaCursorImage':
      bytes('pixels');
      return;
    case 'escapeData':
      bytes('data');
      return;
    case 'remapGmr2Payload':
      bytes('payload');
      return;
    case 'screenObject':
      if (body['backingStore'] !== undefined) pushFields(out, 'backingStore', SVGA3dGuestImage, body['backingStore'], ctx);
      if (body['cloneCount'] !== undefined) out.push(`cloneCount=${formatU32(Number(body['cloneCount']))}`);
      return;
  }
}

/** One line for a decoded command (`SETVIEWPORT cid=1 rect.x=0 …`) or a skipped one. */
export function formatCommand(cmd: SvgaCommand | UndecodedCommand): string {
  if (!('body' in cmd)) {
    return `${cmd.name ?? 'UNKNOWN'} id=${cmd.id} bytes=${cmd.byteLength} (not decoded: E${cmd.code})`;
  }
  const spec = COMMAND_SPECS_BY_NAME.get(cmd.name);
  const out: string[] = [cmd.name];
  if (spec === undefined) return cmd.name;
  const body = cmd.body as Readonly<Record<string, unknown>>;
  const ctx: Siblings = { entry: undefined, body };
  for (const m of spec.fixed.layout) pushFields(out, m.name, m.spec, body[m.name], ctx);
  if (spec.tail !== undefined) pushTail(out, spec.tail, body);
  return out.join(' ');
}
