/**
 * The framing check every SHADER_DEFINE passes before the device keeps the bytecode: whole
 * tokens, a version token of the declared type, and (for shader model 2 and 3, whose
 * instructions carry their length) a walk to an END token that closes the stream.
 * The shader VM's validator, when installed, goes further (opcodes, registers, limits).
 */

/** `0x0000FFFF`, the D3D9 end token. */
export const SHADER_END_TOKEN = 0x0000ffff;
const COMMENT_OPCODE = 0xfffe;

/**
 * Returns undefined when `bytecode` frames as a shader of `type` (1 VS, 2 PS), or why not.
 */
export function checkShaderFraming(type: number, bytecode: Uint8Array): string | undefined {
  if (bytecode.byteLength % 4 !== 0) return `bytecode length ${bytecode.byteLength} is not a whole number of tokens`;
  const n = bytecode.byteLength / 4;
  if (n < 2) return `bytecode has ${n} tokens; a version and an END token are the least`;
  const view = new DataView(bytecode.buffer, bytecode.byteOffset, bytecode.byteLength);
  const token = (i: number): number => view.getUint32(i * 4, true);
  const version = token(0);
  const kind = version >>> 16;
  const expected = type === 1 ? 0xfffe : 0xffff;
  if (kind !== expected) {
    return `version token 0x${version.toString(16)} is not a ${type === 1 ? 'vertex' : 'pixel'} shader`;
  }
  const major = (version >>> 8) & 0xff;
  if (major < 1 || major > 3) return `shader model ${major}.${version & 0xff} is not 1.x-3.0`;
  if (major === 1) {
    // SM1 instructions carry no length: only the closing token can be checked here.
    return token(n - 1) === SHADER_END_TOKEN ? undefined : 'no END token at the end';
  }
  let i = 1;
  while (i < n) {
    const t = token(i);
    if (t === SHADER_END_TOKEN) {
      return i === n - 1 ? undefined : `${n - 1 - i} tokens after END (token ${i})`;
    }
    const length = (t & 0xffff) === COMMENT_OPCODE ? (t >>> 16) & 0x7fff : (t >>> 24) & 0xf;
    if (i + 1 + length > n) return `instruction at token ${i} runs past the end`;
    i += 1 + length;
  }
  return 'no END token';
}
