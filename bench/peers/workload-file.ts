/**
 * The binary workload file `peer-bench.c` reads (layout documented there): the same vertices,
 * draws, states and texture our renderer gets from `bench/workloads.ts`.
 */
import { TEXTURE_SIZE, textureRgba, type Workload } from '../workloads.js';

const MAGIC = 0x5742_4753;

/** Flag bits of the header's `flags` word. */
export const PeerFlag = { UPLOAD: 1, CONSTANT: 2, DEPTH: 4, BLEND: 8, TEXTURED: 16 } as const;

/** The file bytes for `w`. */
export function peerWorkloadFile(w: Workload): Uint8Array {
  const texels = textureRgba();
  const header = new Uint32Array(6);
  header[0] = MAGIC;
  header[1] = w.draws;
  header[2] = w.trianglesPerDraw;
  header[3] =
    (w.uploadPerDraw ? PeerFlag.UPLOAD : 0) |
    (w.constantPerDraw ? PeerFlag.CONSTANT : 0) |
    (w.depth ? PeerFlag.DEPTH : 0) |
    (w.blend ? PeerFlag.BLEND : 0) |
    (w.textured ? PeerFlag.TEXTURED : 0);
  header[4] = w.vertices.length;
  header[5] = TEXTURE_SIZE;
  const out = new Uint8Array(24 + w.vertices.byteLength + texels.length);
  // Typed arrays use the platform's byte order; the C side reads little-endian (x86-64, arm64).
  out.set(new Uint8Array(header.buffer), 0);
  out.set(new Uint8Array(w.vertices.buffer, w.vertices.byteOffset, w.vertices.byteLength), 24);
  out.set(texels, 24 + w.vertices.byteLength);
  return out;
}
