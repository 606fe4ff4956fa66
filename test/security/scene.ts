/**
 * Shared setups of the checklist rows: guest pages holding a known pattern mapped as GMR 1, a
 * context with a render target, a vertex buffer with one pre-transformed triangle, shaders
 * assembled from text.
 */
import { assemble } from '../../src/shader-vm/index.js';
import type { CommandWriter } from '../../src/svga3d-decoder/index.js';
import { defineSurface, f32, type Part } from './harness.js';

/** Guest physical address of GMR 1's two pages (PPN 0x100 and 0x101). */
export const GMR1_ADDRESS = 0x100000;
/** Bytes of GMR 1. */
export const GMR1_BYTES = 8192;

/** The byte at offset `i` of GMR 1: a pattern no two neighbouring pixels share. */
export function gmrByte(i: number): number {
  return (i * 7 + 3) & 0xff;
}

/** The first `n` bytes of GMR 1's pattern. */
export function gmrBytes(n: number, from = 0): number[] {
  return Array.from({ length: n }, (_, i) => gmrByte(from + i));
}

/** Little-endian bytes of 32-bit words. */
export function wordBytes(words: readonly number[]): Uint8Array {
  const out = new Uint8Array(words.length * 4);
  const dv = new DataView(out.buffer);
  words.forEach((v, i) => dv.setUint32(i * 4, v >>> 0, true));
  return out;
}

/** Guest pages with the pattern, GMR 1 over them (DEFINE_GMR2 + REMAP_GMR2). */
export const gmrSetup: Part = (t) => {
  t.guestWrite(GMR1_ADDRESS, new Uint8Array(gmrBytes(GMR1_BYTES)));
  t.fifo((w) => mapGmr1(w));
};

export function mapGmr1(w: CommandWriter): void {
  w.defineGmr2({ gmrId: 1, numPages: 2 });
  w.remapGmr2({ gmrId: 1, flags: 0, offsetPages: 0, numPages: 2, payload: wordBytes([0x100, 0x101]) });
}

/** Uploads `bytes` bytes of GMR 1 (from `offset`) into a BUFFER-like 2D image `sid` row by row. */
export function dmaFromGmr1(w: CommandWriter, sid: number, width: number, height: number, offset = 0, pitch = 0): void {
  w.surfaceDma({
    guest: { ptr: { gmrId: 1, offset }, pitch },
    host: { sid, face: 0, mipmap: 0 },
    transfer: 1,
    boxes: [{ x: 0, y: 0, z: 0, w: width, h: height, d: 1, srcx: 0, srcy: 0, srcz: 0 }],
  });
}

/** Shader bytecode assembled from text; throws on a typo in a test. */
export function shader(text: string, options: { validate?: boolean } = {}): Uint8Array {
  const r = assemble(text, options);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.bytes;
}

/** Render target surface id of the draw scene (4×4 X8R8G8B8). */
export const RT = 7;
/** Vertex buffer surface id of the draw scene. */
export const VB = 20;
/** Draw scene context. */
export const CID = 1;

/**
 * Three POSITIONT (x, y, z, rhw) + D3DCOLOR vertices, 20 bytes each, covering the whole 4×4
 * target: (−1, −1), (9, −1), (−1, 9), opaque green.
 */
export function triangleBytes(color = 0xff00ff00): Uint8Array {
  const dv = new DataView(new ArrayBuffer(60));
  [[-1, -1], [9, -1], [-1, 9]].forEach(([x, y], i) => {
    dv.setFloat32(i * 20, x!, true);
    dv.setFloat32(i * 20 + 4, y!, true);
    dv.setFloat32(i * 20 + 8, 0.5, true);
    dv.setFloat32(i * 20 + 12, 1, true);
    dv.setUint32(i * 20 + 16, color, true);
  });
  return new Uint8Array(dv.buffer);
}

/**
 * Context 1 drawing fixed-function pre-transformed vertices into surface 7: the vertex bytes
 * are put at VRAM 0 and moved into surface 20 by SURFACE_DMA from the framebuffer GMR.
 */
export const drawSetup: Part = (t) => {
  t.vramWrite(0, triangleBytes());
  t.fifo((w) => {
    w.contextDefine({ cid: CID });
    defineSurface(w, RT, 4, 4, 1);
    defineSurface(w, VB, 60, 1, 37);
    w.surfaceDma({
      guest: { ptr: { gmrId: 0xfffffffe, offset: 0 }, pitch: 0 },
      host: { sid: VB, face: 0, mipmap: 0 },
      transfer: 1,
      boxes: [{ x: 0, y: 0, z: 0, w: 60, h: 1, d: 1, srcx: 0, srcy: 0, srcz: 0 }],
    });
    w.setRenderTarget({ cid: CID, type: 2, target: { sid: RT, face: 0, mipmap: 0 } });
    // No z test, no lighting, no culling.
    w.setRenderState({ cid: CID, states: [{ state: 1, value: 0 }, { state: 9, value: 0 }, { state: 35, value: 1 }] });
  });
};

/** A vertex element of the draw scene's buffer. */
export function decl(type: number, usage: number, offset: number, stride = 20, surfaceId = VB) {
  return { identity: { type, method: 0, usage, usageIndex: 0 }, array: { surfaceId, offset, stride }, rangeHint: { first: 0, last: 0 } };
}

/** POSITIONT FLOAT4 at 0 and COLOR D3DCOLOR at 16. */
export const TRIANGLE_DECLS = [decl(3, 9, 0), decl(4, 10, 16)];

/** A non-indexed triangle list range. */
export function listRange(primitiveCount = 1, indexBias = 0) {
  return { primType: 1, primitiveCount, indexArray: { surfaceId: 0xffffffff, offset: 0, stride: 0 }, indexWidth: 0, indexBias };
}

/** The draw of the scene's triangle (every pixel of the 4×4 target turns green). */
export function drawTriangle(w: CommandWriter, cid = CID): void {
  w.drawPrimitives({ cid, decls: TRIANGLE_DECLS, ranges: [listRange()] });
}

/** Words of a float. */
export { f32 };
