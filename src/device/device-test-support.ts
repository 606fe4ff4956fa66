/**
 * Helpers for the device tests: a device with a diagnostic list, streams built with the codec's
 * CommandWriter, and short ways to name diagnostics.
 */
import { DiagnosticList, type Diagnostic } from '../common/diagnostics.js';
import { CommandWriter } from '../svga3d-decoder/index.js';
import { SvgaDevice, type SvgaDeviceOptions } from './svga-device.js';

export interface TestDevice {
  readonly device: SvgaDevice;
  readonly list: DiagnosticList;
}

/** A device whose diagnostics land in `list`. */
export function testDevice(options: Omit<SvgaDeviceOptions, 'sink'> = {}): TestDevice {
  const list = new DiagnosticList();
  return { device: new SvgaDevice({ ...options, sink: list }), list };
}

/** Builds a stream with `build` and executes it as FIFO record `record` at file offset 0. */
export function run(device: SvgaDevice, build: (w: CommandWriter) => void, record = 0): Uint8Array {
  const w = new CommandWriter();
  build(w);
  const bytes = w.finish();
  device.executeFifo(bytes, { record, fileOffset: 0 });
  return bytes;
}

/** Defines a 2D surface with one mip level (A8R8G8B8 unless told). */
export function surface(w: CommandWriter, sid: number, width: number, height: number, format = 2): CommandWriter {
  const face = [{ numMipLevels: 1 }, ...Array.from({ length: 5 }, () => ({ numMipLevels: 0 }))];
  return w.surfaceDefine({ sid, surfaceFlags: 0, format, face, sizes: [{ width, height, depth: 1 }] });
}

/** `code@offset` of each diagnostic, for compact exact assertions. */
export function where(items: readonly Diagnostic[]): string[] {
  return items.map((d) => `${d.code}@${d.offset ?? '-'}${d.command ? ` ${d.command}` : ''}`);
}

/** Diagnostic codes in order. */
export function codes(items: readonly Diagnostic[]): number[] {
  return items.map((d) => d.code);
}
