/**
 * The part of a vertex invocation around the instruction loop, shared by the interpreter's and
 * the compiled runners (and their one-shot entry points) so that both place inputs, defaults and
 * outputs by the very same code: v0–v15 into the input file, the defaults of unwritten outputs
 * (`reference/d3d9-shaders.md` §3.10), then after the run each signature entry's value (vs < 3.0
 * colours saturated) and written bit.
 */

import { saturateF } from '../ops/scalar.js';
import type { Machine } from './machine.js';
import type { SignatureEntry } from './signature.js';

/** oD0 = (1, 1, 1, 1), oD1 = (0, 0, 0, 1); oT# and vs_3_0 o# = (0, 0, 0, 1). */
export const UNWRITTEN_COLORS = new Float32Array([1, 1, 1, 1, 0, 0, 0, 1]);
export const UNWRITTEN_TEXCOORDS = new Float32Array(32).map((_, i) => (i % 4 === 3 ? 1 : 0));
export const UNWRITTEN_OUTPUTS = new Float32Array(48).map((_, i) => (i % 4 === 3 ? 1 : 0));

const EMPTY = new Float32Array(0);

/** Places v0–v15 and the defaults of unwritten outputs in a 1-lane machine cleared for the run. */
export function loadVertexInputs(m: Machine, inputs: Float32Array): void {
  const vin = m.files.get('input') as Float32Array;
  vin.set(inputs.length > vin.length ? inputs.subarray(0, vin.length) : inputs);
  if (m.version.major < 3) {
    (m.files.get('attrout') as Float32Array).set(UNWRITTEN_COLORS);
    (m.files.get('texcrdout') as Float32Array).set(UNWRITTEN_TEXCOORDS);
  } else (m.files.get('output') as Float32Array).set(UNWRITTEN_OUTPUTS);
}

/** Per signature entry, its register file's array on `m` (resolve once, collect per vertex). */
export function vertexOutputFiles(m: Machine, signature: readonly SignatureEntry[]): Float32Array[] {
  return signature.map((s) => m.files.get(s.file) ?? EMPTY);
}

/**
 * Copies the outputs of a finished run into `values` (entry i at [4i, 4i + 4)) and `written`
 * (1 where the program wrote entry i). `files` is {@link vertexOutputFiles} of the same machine.
 */
export function collectVertexOutputs(
  m: Machine,
  signature: readonly SignatureEntry[],
  files: readonly Float32Array[],
  values: Float32Array,
  written: Uint8Array,
): void {
  const saturateColors = m.version.major < 3;
  for (let i = 0; i < signature.length; i++) {
    const s = signature[i] as SignatureEntry;
    const arr = files[i] as Float32Array;
    const o = i * 4;
    const from = s.index * 4;
    const n = arr.length;
    // As `slice` would: past the end of the file reads nothing (0 here).
    let x = from < n ? (arr[from] as number) : 0;
    let y = from + 1 < n ? (arr[from + 1] as number) : 0;
    let z = from + 2 < n ? (arr[from + 2] as number) : 0;
    let w = from + 3 < n ? (arr[from + 3] as number) : 0;
    if (saturateColors && s.file === 'attrout') {
      x = saturateF(x);
      y = saturateF(y);
      z = saturateF(z);
      w = saturateF(w);
    }
    values[o] = x;
    values[o + 1] = y;
    values[o + 2] = z;
    values[o + 3] = w;
    written[i] = ((m.written.get(s.file) ?? 0) >>> s.index) & 1;
  }
}

/** One output of a vertex invocation, as the one-shot entry points return it. */
export interface CollectedOutput {
  readonly usage: number;
  readonly usageIndex: number;
  readonly register: string;
  readonly value: Float32Array;
  readonly written: boolean;
}

/** The outputs of a finished run as fresh objects (the one-shot entry points' result). */
export function vertexOutputList(m: Machine, signature: readonly SignatureEntry[]): CollectedOutput[] {
  const files = vertexOutputFiles(m, signature);
  const values = new Float32Array(signature.length * 4);
  const written = new Uint8Array(signature.length);
  collectVertexOutputs(m, signature, files, values, written);
  return signature.map((s, i) => {
    // As the file's own `slice`: a register past its end gives a shorter value.
    const length = Math.max(0, Math.min(4, (files[i] as Float32Array).length - s.index * 4));
    return { usage: s.usage, usageIndex: s.usageIndex, register: s.name, value: values.slice(i * 4, i * 4 + length), written: written[i] === 1 };
  });
}
