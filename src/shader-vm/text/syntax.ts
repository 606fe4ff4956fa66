/**
 * The spelling of the D3D9 assembly language shared by the disassembler and the assembler:
 * register names, DCL usages and sampler types, modifier suffixes.
 */

import type { RegisterFile, ShaderVersion } from '../ir/ir.js';

/** DCL usage names, indexed by usage value. */
export const USAGE_NAMES: readonly string[] = [
  'position', 'blendweight', 'blendindices', 'normal', 'psize', 'texcoord', 'tangent', 'binormal',
  'tessfactor', 'positiont', 'color', 'fog', 'depth', 'sample',
];

/** `dcl_<type>` sampler texture type names, indexed by type value (0 = undeclared). */
export const SAMPLER_TYPE_NAMES: readonly (string | undefined)[] = [
  undefined, '1d', '2d', 'cube', 'volume', '2dshadow',
];

/** Register prefix letters of the plain numbered files. */
const PREFIX: Partial<Record<RegisterFile, string>> = {
  temp: 'r', input: 'v', const: 'c', addr: 'a', texture: 't', attrout: 'oD', texcrdout: 'oT',
  output: 'o', constint: 'i', colorout: 'oC', sampler: 's', constbool: 'b', label: 'l',
  predicate: 'p', tempfloat16: 'half', unknown: 'x',
};

/** The assembly name of a register: `r0`, `oPos`, `vFace`, `aL`, `c255`. */
export function registerName(file: RegisterFile, index: number): string {
  switch (file) {
    case 'rastout':
      return index === 0 ? 'oPos' : index === 1 ? 'oFog' : index === 2 ? 'oPts' : `oRast${index}`;
    case 'depthout':
      return index === 0 ? 'oDepth' : `oDepth${index}`;
    case 'misc':
      return index === 0 ? 'vPos' : index === 1 ? 'vFace' : `vMisc${index}`;
    case 'loop':
      return index === 0 ? 'aL' : `aL${index}`;
    default:
      return `${PREFIX[file] ?? '?'}${index}`;
  }
}

/** Names that are not `<prefix><number>`. */
const SPECIAL_NAMES: Readonly<Record<string, { file: RegisterFile; index: number }>> = {
  opos: { file: 'rastout', index: 0 },
  ofog: { file: 'rastout', index: 1 },
  opts: { file: 'rastout', index: 2 },
  odepth: { file: 'depthout', index: 0 },
  vpos: { file: 'misc', index: 0 },
  vface: { file: 'misc', index: 1 },
  al: { file: 'loop', index: 0 },
};

/**
 * Parses a register name (case-insensitive) for a shader model. `t#` is `texture` in pixel
 * shaders; `a0` is `addr`; `o#` is `output`; `oT#` is `texcrdout`.
 */
export function parseRegisterName(name: string, version: ShaderVersion): { file: RegisterFile; index: number } | undefined {
  const lower = name.toLowerCase();
  const special = SPECIAL_NAMES[lower];
  if (special) return special;
  const m = /^(orast|odepth|vmisc|al|half|od|ot|oc|o|r|v|c|a|t|i|s|b|l|p|x)(\d{1,5})$/.exec(lower);
  if (!m) return undefined;
  const prefix = m[1] ?? '';
  const index = Number(m[2]);
  const byPrefix: Record<string, RegisterFile> = {
    r: 'temp', v: 'input', c: 'const', a: 'addr', t: 'texture', od: 'attrout', ot: 'texcrdout',
    o: 'output', i: 'constint', oc: 'colorout', s: 'sampler', b: 'constbool', l: 'label',
    p: 'predicate', half: 'tempfloat16', x: 'unknown', orast: 'rastout', odepth: 'depthout',
    vmisc: 'misc', al: 'loop',
  };
  let file = byPrefix[prefix];
  if (file === undefined) return undefined;
  // The same type number is a0 in vertex shaders and t# in pixel shaders; accept either spelling
  // and map it to the file of the model so the bytes come out right.
  if (file === 'addr' && version.type === 'ps') file = 'texture';
  if (file === 'texture' && version.type === 'vs') file = 'addr';
  if (file === 'output' && !(version.type === 'vs' && version.major >= 3)) file = 'texcrdout';
  if (file === 'texcrdout' && version.type === 'vs' && version.major >= 3) file = 'output';
  return { file, index };
}

/** Component letters of masks and swizzles. */
export const COMPONENTS = 'xyzw';

/** Write mask as printed: nothing for `.xyzw`, else `.x`, `.xz`, … */
export function formatWriteMask(mask: number): string {
  if (mask === 0xf) return '';
  let s = '.';
  for (let i = 0; i < 4; i++) if ((mask >> i) & 1) s += COMPONENTS[i];
  return s;
}

/**
 * Swizzle as fxc prints it: nothing for identity, one letter for a replicate (`.x` = `.xxxx`),
 * otherwise all four (`.yzxw`, and `.xzww`: fxc does not drop trailing repeats). The assembler
 * also takes the short forms, which repeat their last letter.
 */
export function formatSwizzle(swizzle: number): string {
  if (swizzle === 0xe4) return '';
  const comps = [0, 1, 2, 3].map((i) => (swizzle >>> (2 * i)) & 3);
  if (comps.every((c) => c === comps[0])) return `.${COMPONENTS[comps[0] ?? 0]}`;
  return '.' + comps.map((c) => COMPONENTS[c]).join('');
}

/** Destination shift suffix: `_x2`, `_d4`; empty for 0. */
export function formatShift(shift: number): string {
  if (shift === 0) return '';
  return shift > 0 ? `_x${2 ** shift}` : `_d${2 ** -shift}`;
}
