/**
 * Small fakes of the screen system's ports, for its tests: guest memory regions, surfaces, an
 * RGBA8 reader for 32-bit BGRA surfaces, and a diagnostic collector.
 */
import type { DiagnosticCode, ReportFn } from '../../common/diagnostics.js';
import type { GuestPtrMemory } from '../guest-ptr-memory.js';
import type { SurfaceImage, SurfaceLookup, SurfaceView } from '../surface-image.js';
import type { UnpackRgba8 } from './surface-to-screen.js';

/** Regions by GMR id, all-or-nothing like the real port. */
export class FakeMemory implements GuestPtrMemory {
  readonly regions = new Map<number, Uint8Array>();
  reads = 0;
  regionSize(gmrId: number): number {
    return this.regions.get(gmrId)?.length ?? -1;
  }
  read(gmrId: number, offset: number, dst: Uint8Array): boolean {
    const r = this.regions.get(gmrId);
    if (!r || offset < 0 || offset + dst.length > r.length) return false;
    this.reads++;
    dst.set(r.subarray(offset, offset + dst.length));
    return true;
  }
  write(gmrId: number, offset: number, src: Uint8Array): boolean {
    const r = this.regions.get(gmrId);
    if (!r || offset < 0 || offset + src.length > r.length) return false;
    r.set(src, offset);
    return true;
  }
}

/** `SVGA3D_X8R8G8B8` and `SVGA3D_A8R8G8B8`: B, G, R, A bytes. */
export const FORMAT_X8R8G8B8 = 1;
export const FORMAT_A8R8G8B8 = 2;

/** A 2D surface of 32-bit BGRA texels from a list of 0xRRGGBB colours, row-major. */
export function bgraSurface(sid: number, width: number, height: number, colors: readonly number[]): SurfaceView {
  const bytes = new Uint8Array(width * height * 4);
  colors.forEach((c, i) => {
    bytes[i * 4] = c & 255;
    bytes[i * 4 + 1] = (c >> 8) & 255;
    bytes[i * 4 + 2] = (c >> 16) & 255;
    bytes[i * 4 + 3] = 0x80;
  });
  const image: SurfaceImage = { width, height, depth: 1, rowPitch: width * 4, slicePitch: width * height * 4, bytes };
  return {
    sid, format: FORMAT_X8R8G8B8, flags: 0, faceCount: 1, mipLevels: 1,
    image: (face, mip) => (face === 0 && mip === 0 ? image : undefined),
  };
}

/** Surfaces by id. */
export class FakeSurfaces implements SurfaceLookup {
  readonly map = new Map<number, SurfaceView>();
  get(sid: number): SurfaceView | undefined {
    return this.map.get(sid);
  }
  add(view: SurfaceView): void {
    this.map.set(view.sid, view);
  }
}

/** An RGBA8 reader for the two 32-bit BGRA formats only (the tests' surfaces). */
export const unpackBgra: UnpackRgba8 = (format, image) => {
  if (format !== FORMAT_X8R8G8B8 && format !== FORMAT_A8R8G8B8) return undefined;
  const out = new Uint8Array(image.width * image.height * 4);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const s = y * image.rowPitch + x * 4;
      const d = (y * image.width + x) * 4;
      out[d] = image.bytes[s + 2] as number;
      out[d + 1] = image.bytes[s + 1] as number;
      out[d + 2] = image.bytes[s] as number;
      out[d + 3] = format === FORMAT_A8R8G8B8 ? (image.bytes[s + 3] as number) : 255;
    }
  }
  return out;
};

/** Collects `code name` of every report. */
export function collector(): { report: ReportFn; codes: number[]; messages: string[] } {
  const codes: number[] = [];
  const messages: string[] = [];
  return {
    codes, messages,
    report: (def: DiagnosticCode, message: string) => {
      codes.push(def.code);
      messages.push(`${def.name}: ${message}`);
    },
  };
}

/** The pixels of an RGBA8 image as 0xRRGGBB numbers, row-major (alpha checked separately). */
export function rgbOf(img: { width: number; height: number; data: Uint8Array }): number[] {
  const out: number[] = [];
  for (let i = 0; i < img.width * img.height; i++) {
    out.push(((img.data[i * 4] as number) << 16) | ((img.data[i * 4 + 1] as number) << 8) | (img.data[i * 4 + 2] as number));
  }
  return out;
}

/** Whether every alpha byte is 255. */
export function allOpaque(img: { data: Uint8Array }): boolean {
  for (let i = 3; i < img.data.length; i += 4) if (img.data[i] !== 255) return false;
  return true;
}
