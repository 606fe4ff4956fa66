/**
 * The output registers of the generated vertex program. One-sided keys give a `vs_2_x` program
 * with the fixed registers every vs < 3.0 has (oPos, oD0/oD1, oT0–oT7, oFog, oPts). A two-sided
 * key needs two more colours (and a second fog factor), which only `vs_3_0`'s declared `o#`
 * registers can carry, so its program is `vs_3_0` with these declarations, in this order:
 *
 *   POSITION0, COLOR0, COLOR1, COLOR2 (back COLOR0), COLOR3 (back COLOR1), FOG0 (.x),
 *   FOG1 (.x, back fog, PER_VERTEX fog only), PSIZE0 (.x, when written), TEXCOORDn (stages with
 *   coordinates)
 *
 * and the same values as the vs_2_x program would give: colours are written with saturate (what
 * vs < 3.0 does to oD#), FOG0 is always declared and written (0 without vertex fog, vs < 3.0's
 * unwritten oFog), coordinate sets and point sizes are declared exactly when a vs_2_x program
 * would write them (an undeclared one links to the same (0, 0, 0, 1) default an unwritten oT#
 * has). The semantics of the back values are the linkage's (`backFaceSemantic`).
 */
import { DeclUsage, Opcode as O } from '../../shader-vm/index.js';
import type { ProgramBuilder } from './program-builder.js';
import type { VertexKey } from './vertex-key.js';

/** Where the generator writes each output; `undefined` where the program has none. */
export interface VertexOutputRegisters {
  readonly version: readonly [major: number, minor: number];
  readonly position: string;
  readonly diffuse: string;
  readonly specular: string;
  readonly backDiffuse: string | undefined;
  readonly backSpecular: string | undefined;
  /** Register whose .x is the fog factor. */
  readonly fog: string;
  readonly backFog: string | undefined;
  readonly pointSize: string;
  /** Per stage, the coordinate register (written only for stages with a source). */
  readonly texcoords: readonly string[];
  /** Colours need an explicit saturate (vs_3_0 does not clamp oD#). */
  readonly saturateColors: boolean;
}

const VS2: VertexOutputRegisters = {
  version: [2, 1],
  position: 'oPos',
  diffuse: 'oD0',
  specular: 'oD1',
  backDiffuse: undefined,
  backSpecular: undefined,
  fog: 'oFog',
  backFog: undefined,
  pointSize: 'oPts',
  texcoords: [0, 1, 2, 3, 4, 5, 6, 7].map((n) => `oT${n}`),
  saturateColors: false,
};

/** The output registers of `key`'s program (vs_3_0 ones are assigned in the order above). */
export function vertexOutputRegisters(key: VertexKey): VertexOutputRegisters {
  if (!key.twoSided) return VS2;
  let next = 6;
  const backFog = key.fog === 'specular-alpha' ? `o${next++}` : undefined;
  // '' where the program writes nothing: the builder throws on it, so a generator bug cannot write o0.
  const pointSize = key.hasPointSize || key.pointScale ? `o${next++}` : '';
  const texcoords = key.stages.map((s) => (s.gen !== 0 || s.set >= 0 ? `o${next++}` : ''));
  return {
    version: [3, 0],
    position: 'o0',
    diffuse: 'o1',
    specular: 'o2',
    backDiffuse: 'o3',
    backSpecular: 'o4',
    fog: 'o5',
    backFog,
    pointSize,
    texcoords,
    saturateColors: true,
  };
}

/** The `dcl` of every vs_3_0 output of `key` (nothing for vs_2_x, whose outputs are fixed). */
export function declareOutputs(b: ProgramBuilder, key: VertexKey, out: VertexOutputRegisters): void {
  if (out.version[0] < 3) return;
  b.dcl(out.position, DeclUsage.POSITION, 0);
  b.dcl(out.diffuse, DeclUsage.COLOR, 0);
  b.dcl(out.specular, DeclUsage.COLOR, 1);
  if (out.backDiffuse !== undefined) b.dcl(out.backDiffuse, DeclUsage.COLOR, 2);
  if (out.backSpecular !== undefined) b.dcl(out.backSpecular, DeclUsage.COLOR, 3);
  b.dcl(`${out.fog}.x`, DeclUsage.FOG, 0);
  if (out.backFog !== undefined) b.dcl(`${out.backFog}.x`, DeclUsage.FOG, 1);
  if (key.hasPointSize || key.pointScale) b.dcl(`${out.pointSize}.x`, DeclUsage.PSIZE, 0);
  key.stages.forEach((s, n) => {
    if (s.gen !== 0 || s.set >= 0) b.dcl(out.texcoords[n] ?? '', DeclUsage.TEXCOORD, n);
  });
}

/** `mov` of a colour into an output register, saturated where the model does not clamp. */
export function emitColorOutput(b: ProgramBuilder, out: VertexOutputRegisters, d: string, s: string): void {
  if (out.saturateColors) b.opSat(O.MOV, d, s);
  else b.op(O.MOV, d, s);
}
