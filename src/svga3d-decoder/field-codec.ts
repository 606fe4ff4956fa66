/**
 * Readers and writers for fixed layouts, compiled once per spec into small closures so that the
 * decoder does not walk the spec tree for every command (fence-heavy traces hold ~500k commands).
 */
import type { FixedSpec } from './spec/layout.js';

/** Reads the value of a fixed layout at a byte offset (bounds are the caller's job). */
export type FieldReader = (dv: DataView, offset: number) => unknown;
/** Writes the value of a fixed layout at a byte offset (bounds are the caller's job). */
export type FieldWriter = (dv: DataView, offset: number, value: unknown) => void;

const readers = new WeakMap<FixedSpec, FieldReader>();
const writers = new WeakMap<FixedSpec, FieldWriter>();

/** The compiled reader of `spec` (cached). */
export function readerFor(spec: FixedSpec): FieldReader {
  let r = readers.get(spec);
  if (r === undefined) {
    r = compileReader(spec);
    readers.set(spec, r);
  }
  return r;
}

/** The compiled writer of `spec` (cached). */
export function writerFor(spec: FixedSpec): FieldWriter {
  let w = writers.get(spec);
  if (w === undefined) {
    w = compileWriter(spec);
    writers.set(spec, w);
  }
  return w;
}

function compileReader(spec: FixedSpec): FieldReader {
  switch (spec.kind) {
    case 'u32':
      return (dv, o) => dv.getUint32(o, true);
    case 'i32':
      return (dv, o) => dv.getInt32(o, true);
    case 'f32':
      return (dv, o) => dv.getFloat32(o, true);
    case 'array': {
      const elem = readerFor(spec.of);
      const { length } = spec;
      const step = spec.of.size;
      return (dv, o) => {
        const out: unknown[] = new Array<unknown>(length);
        for (let i = 0; i < length; i++) out[i] = elem(dv, o + i * step);
        return out;
      };
    }
    case 'struct': {
      const members = spec.layout.map((m) => ({ name: m.name, offset: m.offset, read: readerFor(m.spec) }));
      return (dv, o) => {
        const out: Record<string, unknown> = {};
        for (const m of members) out[m.name] = m.read(dv, o + m.offset);
        return out;
      };
    }
  }
}

function compileWriter(spec: FixedSpec): FieldWriter {
  switch (spec.kind) {
    case 'u32':
      // setUint32 applies ToUint32, so negative or oversized numbers wrap like a C cast.
      return (dv, o, v) => dv.setUint32(o, Number(v), true);
    case 'i32':
      return (dv, o, v) => dv.setInt32(o, Number(v), true);
    case 'f32':
      return (dv, o, v) => dv.setFloat32(o, Number(v), true);
    case 'array': {
      const elem = writerFor(spec.of);
      const { length } = spec;
      const step = spec.of.size;
      return (dv, o, v) => {
        const arr = v as readonly unknown[];
        if (arr.length !== length) throw new RangeError(`expected ${length} elements, got ${arr.length}`);
        for (let i = 0; i < length; i++) elem(dv, o + i * step, arr[i]);
      };
    }
    case 'struct': {
      const members = spec.layout.map((m) => ({ name: m.name, offset: m.offset, write: writerFor(m.spec) }));
      return (dv, o, v) => {
        const obj = v as Readonly<Record<string, unknown>>;
        for (const m of members) {
          const field = obj[m.name];
          if (field === undefined) throw new RangeError(`missing field ${m.name}`);
          m.write(dv, o + m.offset, field);
        }
      };
    }
  }
}
