/**
 * The encoder: a typed command → FIFO words, driven by the same table as the decoder. 3D sizes,
 * counts and the DEFINE_SCREEN struct size are computed from the body (the DMA suffix is written
 * only when given); 2D bodies are padded with zero bytes to a whole word.
 */
import { COMMAND_SPECS_BY_NAME, type SvgaCommandInput } from './commands.js';
import { writerFor } from './field-codec.js';
import { derivedFields, encodeTail, tailByteLength } from './tail-encode.js';

/**
 * Encodes one command into little-endian FIFO words (id, [size,] body).
 * Throws RangeError for input no decoder could read back the same way (missing fields, a mask or
 * payload whose length does not match its header fields): that is a bug in the caller.
 */
export function encodeCommand(cmd: SvgaCommandInput): Uint32Array {
  const spec = COMMAND_SPECS_BY_NAME.get(cmd.name);
  if (spec === undefined) throw new RangeError(`unknown command ${String(cmd.name)}`);
  const input = cmd.body as Readonly<Record<string, unknown>>;
  const body = spec.tail !== undefined ? { ...input, ...derivedFields(spec.tail, input) } : input;
  const tailBytes = spec.tail !== undefined ? tailByteLength(spec.tail, body) : 0;
  const bodyBytes = spec.fixed.size + tailBytes;
  const headerBytes = spec.family === '3d' ? 8 : 4;
  const total = headerBytes + Math.ceil(bodyBytes / 4) * 4;
  if (spec.family === '3d' && bodyBytes > 0xffffffff) throw new RangeError('3D body larger than a size word can say');
  const buffer = new ArrayBuffer(total);
  const dv = new DataView(buffer);
  dv.setUint32(0, spec.id, true);
  if (spec.family === '3d') dv.setUint32(4, bodyBytes, true);
  writerFor(spec.fixed)(dv, headerBytes, body);
  if (spec.tail !== undefined) encodeTail(spec.tail, body, dv, headerBytes + spec.fixed.size);
  return new Uint32Array(buffer);
}
